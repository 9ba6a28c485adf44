"""Whether a plan's documents are already up to date, so `build` can skip it as make would.

In: a plan folder, the output folder and the as-at date asked for. Out: `fingerprint(...)`, a
hash of everything a build of that plan reads (every file of the plan folder, wsoagen's own code,
templates and fonts, installed house-style packages, the renderers' versions, the date asked for
and today's date, and the git commit and shallow state the reports' comparisons read from), and
a record of the last successful build (`OUT/.cache/builds/<plan>.json`: the fingerprint, each
output file's hash and the diagnostics it printed). `fresh()` gives that build's outputs and
diagnostics when the fingerprint is unchanged and every output is still as written; else None,
and the plan is built as usual. Anything unusual (a link, a pipe, no git) gives no fingerprint,
so the plan is simply built.

An unchanged rebuild then costs Python's start and this hashing (tens of milliseconds), instead
of loading the renderers and making every document's HTML to find the cache hits.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import subprocess
from datetime import date
from importlib import metadata
from pathlib import Path

import wsoagen
from wsoagen.diagnostics import Diagnostic, Diagnostics
from wsoagen.output import write_atomic
from wsoagen.render.house_styles import installed

RECORDS = Path(".cache") / "builds"
RENDERERS = ("weasyprint", "pydyf", "fonttools", "python-docx", "vl-convert-python", "jinja2", "ruamel.yaml",
             "markdown-it-py", "pydantic", "openpyxl")


def _tree(digest, root: Path, skip: Path | None = None) -> bool:
    """Hash every file under `root` (names and bytes), leaving out `skip` (the output folder, when
    it is inside) and hidden folders (.git: no build reads them); False if something is not a
    plain file."""
    for folder, dirs, files in sorted(os.walk(root)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith(".")
                         and (skip is None or (Path(folder) / d).resolve() != skip))
        for name in sorted(files):
            path = Path(folder) / name
            st = os.lstat(path)
            if not stat.S_ISREG(st.st_mode):
                return False
            digest.update(f"{path.relative_to(root).as_posix()}\0{st.st_size}\0".encode())
            digest.update(path.read_bytes())
    return True


def _git(folder: Path) -> str:
    """The commit and shallow state the reports' comparisons with earlier revisions read from."""
    def ask(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=20, check=False)
        return done.stdout.strip() if done.returncode == 0 else ""

    head = ask("rev-parse", "HEAD")
    shallow = ask("rev-parse", "--git-path", "shallow")
    shallow_path = folder / shallow if shallow and not os.path.isabs(shallow) else Path(shallow or "/nonexistent")
    return head + "\n" + (shallow_path.read_text() if shallow_path.is_file() else "")


def fingerprint(folder: Path, as_at: date | None, out: Path) -> str | None:
    """The hash of everything a build of `folder` reads; None if it cannot be told for sure."""
    digest = hashlib.sha256()
    digest.update(f"{wsoagen.__version__}\n{as_at}\n{date.today()}\n".encode())
    for name in RENDERERS:
        try:
            digest.update(f"{name} {metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} -\n".encode())
    roots = [Path(wsoagen.__file__).parent, *installed().values()]
    try:
        if not _tree(digest, folder, out.resolve()) or not all(_tree(digest, root) for root in roots):
            return None
        digest.update(_git(folder).encode())
    except (OSError, subprocess.SubprocessError):
        return None
    return digest.hexdigest()


def _record_path(out: Path, folder: Path) -> Path:
    return out / RECORDS / f"{folder.resolve().name}.json"


def _file_hash(path: Path) -> str | None:
    try:
        st = os.lstat(path)
        return hashlib.sha256(path.read_bytes()).hexdigest() if stat.S_ISREG(st.st_mode) else None
    except OSError:
        return None


def record(out: Path, folder: Path, print_: str, written: list[Path], diags: Diagnostics) -> None:
    """Remember a successful build of `folder` made from inputs with fingerprint `print_`."""
    data = {"fingerprint": print_, "outputs": {str(p): _file_hash(p) for p in written},
            "diagnostics": [[d.path, d.line, d.col, d.level, d.message, d.rule] for d in diags.items]}
    # Paths that are not UTF-8 (held as surrogate escapes) are kept as \udcxx escapes by json;
    # a record that cannot be written is no record: the next build simply builds.
    with contextlib.suppress(OSError, ValueError):
        write_atomic(_record_path(out, folder), (json.dumps(data, indent=1) + "\n").encode("ascii"))


def fresh(out: Path, folder: Path, print_: str | None) -> tuple[list[Path], Diagnostics] | None:
    """The last build's outputs and diagnostics if nothing it read has changed and its outputs
    are still as it wrote them; else None."""
    if print_ is None:
        return None
    try:
        data = json.loads(_record_path(out, folder).read_text(encoding="utf-8"))
        if data.get("fingerprint") != print_:
            return None
        outputs = {Path(p): h for p, h in data["outputs"].items()}
        if not outputs or any(h is None or _file_hash(p) != h for p, h in outputs.items()):
            return None
        diags = Diagnostics()
        diags.extend(Diagnostic(*item) for item in data["diagnostics"])
        return list(outputs), diags
    except (OSError, ValueError, KeyError, TypeError):
        return None
