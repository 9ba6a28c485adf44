"""Read a plan's metric data files as tables of cells, refusing what is not safe or not a table.

In: a plan folder. Out: its data files (`data/*.csv`, `data/*.xlsx`) and, for each, its tables
(a sheet name, or None for a CSV; rows of `Cell`s that keep their row and column), or
`Unreadable` saying why in one sentence with the line to look at: not a regular file inside the
plan folder (`wsoagen.files`), too large, not UTF-8, a workbook that is damaged, an old `.xls` or a
CSV under an `.xlsx` name, or a workbook that unpacks to far more than it weighs (a zip bomb).
What the cells say is `wsoagen.data.metrics`' business.

Limits (a real tracker has some 2,000 cells; these are fifty times that, and keep a file
within seconds): MAX_DATA_BYTES on disk, MAX_UNPACKED bytes inside a workbook, MAX_CELLS and
MAX_ROWS per file.
"""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wsoagen.files import Refused, escapes, read_inside, unshowable

DATA_DIR = "data"
MAX_DATA_BYTES = 10 * 1024 * 1024
MAX_UNPACKED = 100 * 1024 * 1024
MAX_CELLS = 100_000
MAX_ROWS = 50_000
EXCEL_ROWS = 1_048_576

Table = tuple[str | None, list[list["Cell"]]]


@dataclass
class Cell:
    row: int
    col: int
    value: Any
    format: str | None = None  # an Excel cell's number format ("0.0%"), so a percentage cell reads as one


class Unreadable(Exception):
    """A data file that cannot be read as tables; `line` is where to look (1 if anywhere)."""

    def __init__(self, message: str, line: int = 1):
        super().__init__(message)
        self.line = line


def data_files(folder: Path) -> list[Path]:
    """The data files of a plan folder, sorted. A `data/` that links outside the folder is not
    listed (the names of files elsewhere stay there): it is returned itself, for `read_tables`
    to refuse at one place."""
    base = folder / DATA_DIR
    if not base.is_dir():
        return []
    if escapes(base, folder):
        return [base]
    return sorted(p for p in base.iterdir() if p.suffix.lower() in (".csv", ".xlsx") and not p.name.startswith((".", "~$")))


def read_tables(path: Path, root: Path) -> list[Table]:
    """The tables of one data file of the plan folder `root`; `Unreadable` if it cannot be used."""
    try:
        raw = read_inside(path, root, MAX_DATA_BYTES)
    except Refused as exc:
        raise Unreadable(str(exc)) from None
    return _csv_tables(raw) if path.suffix.lower() == ".csv" else _xlsx_tables(raw)


class _Budget:
    """Counts rows and cells as they are read, and stops a file that holds too many or a cell no
    document could show (a control character: a Word file cannot hold it, a terminal obeys it)."""

    def __init__(self) -> None:
        self.rows = self.cells = 0

    def take(self, row: int, values: list[Any]) -> None:
        self.rows += 1
        self.cells += len(values)
        for col, value in enumerate(values, start=1):
            if isinstance(value, str) and (why := unshowable(value)):
                raise Unreadable(f"column {col} {why}", row)
        if self.rows > MAX_ROWS or self.cells > MAX_CELLS:
            raise Unreadable(f"this file is too large to be a data file (more than {MAX_ROWS:,} rows or {MAX_CELLS:,} cells): "
                             "split it, or keep only the figures the plan reports", row)


def _csv_tables(raw: bytes) -> list[Table]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Unreadable("it is not UTF-8 text: save it as CSV UTF-8", raw[: exc.start].count(b"\n") + 1) from None
    reader = csv.reader(io.StringIO(text, newline=""))  # newline="": old Mac CR-only line ends too
    budget, rows = _Budget(), []
    try:
        for values in reader:
            budget.take(reader.line_num, values)
            rows.append([Cell(reader.line_num, c + 1, v) for c, v in enumerate(values)])
    except csv.Error as exc:
        raise Unreadable(f"this is not a CSV file wsoagen can read ({exc})", reader.line_num or 1) from None
    return [(None, rows)]


_XLS = b"\xd0\xcf\x11\xe0"  # an OLE2 compound file: Excel 97-2003 .xls (or an old Word file)


def _xlsx_tables(raw: bytes) -> list[Table]:
    _check_workbook(raw)
    from openpyxl import load_workbook  # defusedxml guards it against hostile XML

    budget, tables = _Budget(), []
    try:
        with warnings.catch_warnings():  # openpyxl's own (a style it cannot read...): not the author's business
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
            try:
                for sheet in book.worksheets:
                    sheet.reset_dimensions()  # rows as stored, not padded to a claimed A1:XFD1048576
                    tables.append((sheet.title, _sheet_rows(sheet.iter_rows(), budget)))
            finally:
                book.close()
    except Unreadable:
        raise
    except Exception as exc:  # openpyxl on a damaged workbook raises nearly anything (KeyError, TypeError, XML errors)
        raise Unreadable(f"this workbook is damaged and cannot be read ({type(exc).__name__}): "
                         "open it in Excel and save it again as .xlsx") from None
    return tables


def _sheet_rows(rows: Iterable[Any], budget: _Budget) -> list[list[Cell]]:
    out = []
    for r, cells in enumerate(rows, start=1):
        if not cells:  # a gap between stored rows: nothing to keep, but a row number to count
            if r > EXCEL_ROWS:
                raise Unreadable(f"this workbook has rows past Excel's last row ({EXCEL_ROWS:,}): it is damaged")
            continue
        budget.take(r, [cell.value for cell in cells])
        out.append([Cell(r, c + 1, cell.value, getattr(cell, "number_format", None)) for c, cell in enumerate(cells)])
    return out


def _check_workbook(raw: bytes) -> None:
    """Refuse what is not an .xlsx before openpyxl sees it: another format renamed, or a zip that
    unpacks to far more than a workbook of this weight would (a zip bomb)."""
    if raw.startswith(_XLS):
        raise Unreadable("this is an old Excel 97-2003 workbook (.xls) named .xlsx: open it in Excel and save it as .xlsx")
    if not raw:
        raise Unreadable("this file is empty: save the workbook from Excel as .xlsx")
    if not raw.startswith(b"PK"):
        if _looks_like_text(raw):
            raise Unreadable("this is a text file (a CSV?) named .xlsx: name it .csv, or save it from Excel as .xlsx")
        raise Unreadable("this is not an Excel workbook (.xlsx): save it from Excel as .xlsx")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            members = z.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise Unreadable(f"this workbook is damaged or cut short ({exc}): open it in Excel and save it again as .xlsx") from None
    if len(members) > 10_000 or sum(m.file_size for m in members) > MAX_UNPACKED:
        raise Unreadable(f"this workbook unpacks to more than {MAX_UNPACKED // (1024 * 1024)} MB: "
                         "keep only the figures the plan reports in it")


def _looks_like_text(raw: bytes) -> bool:
    try:
        raw[:4096].decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > 4090  # a character cut at the end of the sample
    return b"\0" not in raw[:4096]
