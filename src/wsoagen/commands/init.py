"""`wsoagen init [REPO_DIR]`: start a plan repository: the plan folder and what the repository needs.

In: a folder (default: the current one; made if missing) and the local area's name (default: from
the folder's name). Out: `plans/<area>/` (as `wsoagen new` writes it, modelines pointing at the
repository's `schema/`), `schema/` (this version's JSON Schemas), `.gitattributes`, `.gitignore`,
`requirements.txt`, `.pre-commit-config.yaml`, `.github/workflows/wsoagen.yml`, `.gitlab-ci.yml`
and `README.md`; one `wrote PATH` line each. In a repository whose plans/ holds plans already,
those are left as they are and only the files around them are written. A file that exists with other content is never
overwritten: nothing is written and the command exits 2 listing them; an identical file is left
as it is, so running init again is harmless.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wsoagen.commands.messages import EXIT_OK
from wsoagen.diagnostics import UsageError


def run(args: argparse.Namespace) -> int:
    from wsoagen.commands.repository import repository_texts, slug
    from wsoagen.output import write_atomic
    from wsoagen.plan import scaffold

    repo: Path = args.folder
    if repo.exists() and not repo.is_dir():
        raise UsageError(f"{repo}: is a file, not a folder")
    existing = sorted(p.parent for p in (repo / "plans").glob("*/plan.yaml"))
    if existing:  # a repository that has its plans already: add what is around them, leave them be
        area = args.local_area or scaffold.area_from_folder(existing[0])
        plan = existing[0].relative_to(repo).as_posix()
        files = repository_texts(area, plan)
    else:
        area = args.local_area or scaffold.area_from_folder(repo)
        plan = f"plans/{slug(area)}"
        files = repository_texts(area, plan)
        schema = scaffold.SchemaLocation((repo / scaffold.SCHEMA_DIR).resolve(), True)
        texts, _ = scaffold.plan_texts(repo / plan, area, schema=schema)
        files |= {f"{plan}/{name}": text.encode("utf-8") for name, text in texts.items()}

    differ = [name for name, data in files.items() if (repo / name).exists() and _read(repo / name) != data]
    if differ:
        listed = "\n".join(f"  {(repo / name).as_posix()}" for name in differ)
        raise UsageError(f"{repo}: {len(differ)} file{'s' if len(differ) != 1 else ''} already there with other "
                         f"content; nothing was written (move them away, or start in an empty folder):\n{listed}")
    for name, data in files.items():
        path = repo / name
        if path.exists():
            print(f"unchanged {path.as_posix()}")
            continue
        write_atomic(path, data)
        print(f"wrote {path.as_posix()}")
    where = "" if repo == Path(".") else f"cd {repo.as_posix()} && "
    if existing:
        kept = ", ".join(p.relative_to(repo).as_posix() for p in existing)
        print(f"wsoagen: the plans already here are left as they are: {kept}", file=sys.stderr)
    print(f"wsoagen: a plan repository for {area} in {repo.as_posix()}: edit {plan}/, then run "
          f"`{where}wsoagen validate`; commit and push, and CI validates and builds it", file=sys.stderr)
    return EXIT_OK


def _read(path: Path) -> bytes | None:
    """The file's bytes; None for a folder (or anything unreadable), which never matches a file."""
    try:
        return path.read_bytes()
    except OSError:
        return None
