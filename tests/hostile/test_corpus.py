"""The hostile-input corpus: one row per bad input, as a plan author or an attacker with commit
rights could make it. Each row mutates a copy of a small plan and says what wsoagen must answer:
the exit code, and the file and line the first error points at (None: no error expected). No
row may print a traceback, read a file outside the plan folder, block, or take long.

Runs in-process, each row in a second or two; test_resources.py runs the resource rows (and a
file of 60,000 values) in a process of their own, to measure their time and memory.
"""

# ruff: noqa: F811 - the fixtures imported from fixtures.py are named as parameters, as pytest wants
from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from fixtures import plan_copy, small_plan, wsoagen  # noqa: F401 - fixtures
from workbooks import SHARED, SHEET, workbook

from wsoagen.plan.load import MAX_DEPTH

SECRET = "secret-7f3a"  # in files outside the plan folder: it must never appear in any output
Mutate = Callable[[Path, Path], "int | None"]  # (plan folder, a folder outside it) -> line, if computed


@dataclass
class Case:
    id: str
    mutate: Mutate
    code: int
    where: str | None  # "path/in/plan:line" of the first error; None for none
    says: str = ""  # a fragment of that error
    command: str = "validate"


def write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def secret_yaml(outside: Path) -> Path:
    write(outside / "secret.yaml", f"number: 2\ntitle: {SECRET}\n")
    return outside / "secret.yaml"


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def replace(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in the file; the line it was on."""
    line = line_of(path, old)
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return line


# ---------------------------------------------------------------- mutations


def ws_link_outside(plan, outside):
    (plan / "workstreams" / "2-leak.yaml").symlink_to(secret_yaml(outside))


def ws_folder_link_outside(plan, outside):
    shutil.move(plan / "workstreams", outside / "ws")
    secret_yaml(outside).rename(outside / "ws" / f"2-{SECRET}.yaml")  # not even its name may show
    (plan / "workstreams").symlink_to(outside / "ws")


def plan_link_outside(plan, outside):
    write(outside / "plan.yaml", (plan / "plan.yaml").read_text(encoding="utf-8").replace("Testshire", SECRET))
    (plan / "plan.yaml").unlink()
    (plan / "plan.yaml").symlink_to(outside / "plan.yaml")


def report_link_outside(plan, outside):
    (plan / "reports").mkdir()
    (plan / "reports" / "leak.yaml").symlink_to(secret_yaml(outside))


def data_link_outside(plan, outside):
    write(outside / "secret.csv", f"metric,date,value\n{SECRET},Sep 2026,1\n")
    (plan / "data" / "leak.csv").symlink_to(outside / "secret.csv")


def data_folder_link_outside(plan, outside):
    shutil.move(plan / "data", outside / "data")
    (outside / "data" / "example.csv").rename(outside / "data" / f"{SECRET}.csv")  # not even its name may show
    (plan / "data").symlink_to(outside / "data")


def data_link(target: str) -> Mutate:
    def mutate(plan, outside):
        (plan / "data" / "device.csv").symlink_to(target)
    return mutate


def fifo(rel: str) -> Mutate:
    def mutate(plan, outside):
        path = plan / rel
        path.parent.mkdir(exist_ok=True)
        path.unlink(missing_ok=True)
        os.mkfifo(path)
    return mutate


def folder(rel: str) -> Mutate:
    def mutate(plan, outside):
        (plan / rel).mkdir(parents=True)
    return mutate


def device_inside(plan, outside):
    try:
        os.mknod(plan / "data" / "null.csv", stat.S_IFCHR | 0o644, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device file needs root (CI and this machine run tests as root)")


def huge_yaml(plan, outside):
    with (plan / "plan.yaml").open("a", encoding="utf-8") as fh:
        fh.write("# " + "x" * (50 * 1024 * 1024) + "\n")


def dense_yaml(plan, outside):
    write(plan / "workstreams" / "2-many.yaml", "many:\n" + "  - 1\n" * 60_000)


def deep_yaml(plan, outside):
    write(plan / "workstreams" / "2-deep.yaml", "a: " + "[" * 10_000 + "]" * 10_000 + "\n")


def billion_laughs(plan, outside):
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9) + "]" for i in range(1, 10)]
    write(plan / "workstreams" / "2-lol.yaml", "\n".join(lines) + "\n")


def million_rows(plan, outside):
    write(plan / "data" / "rows.csv", "metric\n" + "x\n" * 1_000_000)


def lone_surrogate(plan, outside):
    return replace(plan / "plan.yaml", "local_area: Testshire", 'local_area: "Test\\ud800shire"')


def terminal_escape(plan, outside):
    ws = next((plan / "workstreams").glob("*.yaml"))
    return replace(ws, "title: ", 'title: "\\e[2J\\e[31mred" #')


def huge_number(plan, outside):
    with (plan / "data" / "example.csv").open("a", encoding="utf-8") as fh:
        fh.write("ehcp-20-weeks,Nov 2026,1e308,\n")
    return len((plan / "data" / "example.csv").read_text(encoding="utf-8").splitlines())


def csv_control_character(plan, outside):
    with (plan / "data" / "example.csv").open("a", encoding="utf-8") as fh:
        fh.write("ehcp-20-weeks,Nov 2026,50,a note \x1b[2J with \x00 in it\n")  # python-docx cannot write it
    return len((plan / "data" / "example.csv").read_text(encoding="utf-8").splitlines())


def container_for_number(kind: str) -> Mutate:
    def mutate(plan, outside):
        return replace(plan / "plan.yaml", "baseline: {value: 42", "baseline: {value: " + kind)
    return mutate


def cr_only_csv(plan, outside):
    text = (plan / "data" / "example.csv").read_text(encoding="utf-8")
    (plan / "data" / "example.csv").write_bytes(text.replace("\n", "\r").encode("utf-8"))


def xlsx(data: bytes | Callable[[Path], bytes]) -> Mutate:
    def mutate(plan, outside):
        write(plan / "data" / "x.xlsx", data(plan) if callable(data) else data)
    return mutate


GOOD_XLSX = workbook("ehcp-20-weeks")
FAR_ROW = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="999999999"><c r="A999999999"><v>1</v></c></row>'
           '</sheetData></worksheet>')


def zip_bomb(plan: Path) -> bytes:
    return workbook("ehcp-20-weeks", sheet=SHEET.replace("<sheetData>", "<sheetData>" + " " * (101 * 1024 * 1024)))


def csv_renamed(plan: Path) -> bytes:
    return (plan / "data" / "example.csv").read_bytes()


def fmt_link_outside(plan, outside):
    write(outside / "outside.yaml", f"a:    {SECRET}\n")
    (plan / "workstreams" / "2-link.yaml").symlink_to(outside / "outside.yaml")


CASES = [
    # reading outside the plan folder
    Case("workstream-link-to-outside", ws_link_outside, 1, "workstreams/2-leak.yaml:1", "symbolic link to a place outside the plan folder"),
    Case("workstreams-folder-link-to-outside", ws_folder_link_outside, 1, "workstreams:1", "workstreams/ is a symbolic link"),
    Case("plan-yaml-link-to-outside", plan_link_outside, 1, "plan.yaml:1", "symbolic link to a place outside"),
    Case("report-link-to-outside", report_link_outside, 1, "reports/leak.yaml:1", "symbolic link to a place outside"),
    Case("data-link-to-outside", data_link_outside, 1, "data/leak.csv:1", "symbolic link to a place outside"),
    Case("data-folder-link-to-outside", data_folder_link_outside, 1, "data:1", "data/ is a symbolic link to a place outside"),
    Case("data-link-to-dev-zero", data_link("/dev/zero"), 1, "data/device.csv:1", "symbolic link to a place outside"),
    Case("data-link-to-dev-urandom", data_link("/dev/urandom"), 1, "data/device.csv:1", "symbolic link to a place outside"),
    # things that are not files
    Case("workstream-fifo", fifo("workstreams/2-pipe.yaml"), 1, "workstreams/2-pipe.yaml:1", "named pipe (FIFO)"),
    Case("plan-yaml-fifo", fifo("plan.yaml"), 1, "plan.yaml:1", "named pipe (FIFO)"),
    Case("report-fifo", fifo("reports/pipe.yaml"), 1, "reports/pipe.yaml:1", "named pipe (FIFO)"),
    Case("data-fifo", fifo("data/pipe.csv"), 1, "data/pipe.csv:1", "named pipe (FIFO)"),
    Case("build-with-a-fifo", fifo("workstreams/2-pipe.yaml"), 1, "workstreams/2-pipe.yaml:1", "named pipe (FIFO)", command="build"),
    Case("data-device-inside", device_inside, 1, "data/null.csv:1", "a device, not a file"),
    Case("workstream-is-a-folder", folder("workstreams/2-dir.yaml"), 1, "workstreams/2-dir.yaml:1", "a folder, not a file"),
    Case("data-is-a-folder", folder("data/dir.csv"), 1, "data/dir.csv:1", "a folder, not a file"),
    # resources
    Case("yaml-50-mb", huge_yaml, 1, "plan.yaml:1", "file is too large"),
    Case("yaml-10000-deep", deep_yaml, 1, f"workstreams/2-deep.yaml:1:{MAX_DEPTH + 3}", f"nesting is too deep (more than {MAX_DEPTH} levels)"),
    Case("yaml-billion-laughs", billion_laughs, 1, "workstreams/2-lol.yaml:1", "anchors"),
    Case("csv-million-rows", million_rows, 1, "data/rows.csv:50001", "more than 50,000 rows"),
    # values no document can hold, numbers that are not
    Case("lone-surrogate-escape", lone_surrogate, 1, "plan.yaml:{line}", "\\ud800 (half of a surrogate pair"),
    Case("terminal-escape", terminal_escape, 1, "workstreams/1-ehc-plans.yaml:{line}", "\\x1b (a control character)"),
    Case("csv-control-character", csv_control_character, 1, "data/example.csv:{line}", "column 4 holds \\x1b (a control character)"),
    Case("metric-value-1e308", huge_number, 1, "data/example.csv:{line}", "1e308"),
    Case("list-where-a-number-is-expected", container_for_number("[1, 2]"), 1, "plan.yaml:{line}", "number"),
    Case("mapping-where-a-number-is-expected", container_for_number("{a: 1}"), 1, "plan.yaml:{line}", "number"),
    Case("csv-cr-only-line-ends", cr_only_csv, 0, None),
    # workbooks that are not
    Case("xlsx-random-bytes", xlsx(bytes(range(256)) * 20), 1, "data/x.xlsx:1", "not an Excel workbook"),
    Case("xlsx-csv-renamed", xlsx(csv_renamed), 1, "data/x.xlsx:1", "a text file (a CSV?)"),
    Case("xlsx-old-xls-renamed", xlsx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)), 1, "data/x.xlsx:1", "Excel 97-2003"),
    Case("xlsx-empty", xlsx(b""), 1, "data/x.xlsx:1", "empty"),
    Case("xlsx-truncated", xlsx(GOOD_XLSX[: len(GOOD_XLSX) // 2]), 1, "data/x.xlsx:1", "damaged or cut short"),
    Case("xlsx-shared-strings-broken", xlsx(workbook("ehcp-20-weeks", shared="<sst><si><t>cut")), 1, "data/x.xlsx:1", "damaged"),
    Case("xlsx-shared-strings-missing", xlsx(workbook("ehcp-20-weeks", shared=None)), 1, "data/x.xlsx:1", "damaged"),
    Case("xlsx-shared-string-index-out-of-range", xlsx(workbook("ehcp-20-weeks", shared=SHARED.split("<si><t>value")[0] + "</sst>")),
         1, "data/x.xlsx:1", "damaged"),
    Case("xlsx-workbook-part-missing", xlsx(workbook("ehcp-20-weeks", workbook=None)), 1, "data/x.xlsx:1", "damaged"),
    Case("xlsx-row-past-excel-last-row", xlsx(workbook("ehcp-20-weeks", sheet=FAR_ROW)), 1, "data/x.xlsx:1", "past Excel's last row"),
    Case("xlsx-zip-bomb", xlsx(zip_bomb), 1, "data/x.xlsx:1", "unpacks to more than 100 MB"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input(case: Case, plan_copy, tmp_path, wsoagen):
    outside = tmp_path / "outside"
    outside.mkdir()
    line = case.mutate(plan_copy, outside)
    before = {p: p.read_bytes() for p in outside.rglob("*") if p.is_file()}
    args = {"validate": ["validate"], "build": ["build", "-o", tmp_path / "out"], "fmt": ["fmt"]}[case.command]
    code, out, err = wsoagen(*args, plan_copy, timeout=60)

    assert "Traceback" not in err and "internal error" not in err
    assert SECRET not in out + err  # nothing outside the plan folder was read into a message
    errors = [e for e in err.splitlines() if ": error: " in e]
    if case.where is None:
        assert (code, errors) == (case.code, [])
        return
    where = case.where.format(line=line)
    first = next((e for e in errors if f"{plan_copy}/{where}:" in e + ":"), None)
    assert code == case.code and first is not None, f"expected an error at {where}:\n{err}"
    assert case.says in first
    assert {p: p.read_bytes() for p in outside.rglob("*") if p.is_file()} == before  # nothing outside was written
    if case.command == "build":
        assert not (tmp_path / "out" / "plan").exists()


@pytest.mark.parametrize("mutate", [fmt_link_outside, fifo("workstreams/2-pipe.yaml")], ids=["link-to-outside", "fifo"])
def test_fmt_refuses_before_changing_anything(mutate, plan_copy, tmp_path, wsoagen):
    """fmt rewrites files: a YAML name that links outside, or a pipe, stops it (exit 2) before it changes any."""
    outside = tmp_path / "outside"
    outside.mkdir()
    mutate(plan_copy, outside)
    ws = plan_copy / "workstreams" / "1-ehc-plans.yaml"
    ws.write_text(ws.read_text(encoding="utf-8").replace("number: 1", "number:    1"), encoding="utf-8")  # would be reformatted
    regular = [p for p in [*plan_copy.rglob("*"), *outside.rglob("*")] if p.is_file() and not p.is_symlink()]
    before = {p: p.read_bytes() for p in regular}
    bad = next(p for p in (plan_copy / "workstreams").iterdir() if p.is_symlink() or not p.is_file())
    for named in (plan_copy, bad):
        code, _, err = wsoagen("fmt", named)
        assert (code, err.startswith(f"wsoagen: error: {bad}: ")) == (2, True) and err.endswith("; nothing was formatted\n")
        assert SECRET not in err and {p: p.read_bytes() for p in regular} == before
