"""`read_word`: a .docx in, the plan's trees and the notes about what could not be placed out.

Joins word_blocks (reading the file) and word_plan (making sense of it), and words each skipped
part with its place: "table 3, row 5, cell 2" or "paragraph 41" (counted as Word counts them
in the body, from 1).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from docx.opc.exceptions import PackageNotFoundError

from wsoagen.diagnostics import UsageError
from wsoagen.importer import Note
from wsoagen.importer.action_table import Skipped
from wsoagen.importer.word_blocks import read_blocks
from wsoagen.importer.word_plan import interpret


def read_word(source: Path) -> tuple[dict[str, Any], list[dict[str, Any]], list[Note]]:
    try:
        blocks = read_blocks(source)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UsageError(f"{source}: not a Word document wsoagen can read ({exc})") from None
    imported = interpret(blocks)
    notes = [_note(s) for s in imported.skipped]
    if not imported.workstreams:
        notes.append(Note("1", 'no workstreams found: expected headings such as "Workstream 1: ..." followed by action tables',
                          "error"))
    return imported.plan, imported.workstreams, notes


def _note(skipped: Skipped | tuple[int, str]) -> Note:
    if isinstance(skipped, tuple):
        return Note(f"paragraph {skipped[0]}", skipped[1])
    place = f"table {skipped.table}, row {skipped.row}" + (f", cell {skipped.cell + 1}" if skipped.cell is not None else "")
    return Note(place, skipped.message)
