"""What a plan repository holds around its plans, and whether its editor schemas are current.

In: a repository folder, the local area's name, and how this wsoagen was installed (its package
metadata). Out: `repository_texts`, {path in the repository: bytes} of the files `wsoagen init`
writes from the templates in `wsoagen/repo/` (CI for GitHub and GitLab, pre-commit, .gitattributes,
.gitignore, requirements.txt, README.md) and the JSON Schemas of this version under `schema/`;
`stale_schemas`, a warning for each plan whose repository's `schema/` copy is not this version's.
"""

from __future__ import annotations

import json
import os
import re
from importlib import metadata, resources
from pathlib import Path

from wsoagen import __version__
from wsoagen.diagnostics import Diagnostics
from wsoagen.plan.scaffold import SCHEMA_DIR

# template in wsoagen/repo/ -> where it goes in the repository (templates have no leading dot:
# setuptools' package-data globs skip hidden files)
FILES = {
    "gitattributes": ".gitattributes",
    "gitignore": ".gitignore",
    "requirements.txt": "requirements.txt",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "github-workflow.yml": ".github/workflows/wsoagen.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
    "README.md": "README.md",
}


def slug(area: str) -> str:
    """"North Somerset" -> "north-somerset": the plan folder's name under plans/."""
    return re.sub(r"[^a-z0-9]+", "-", area.lower()).strip("-") or "plan"


def requirement() -> str:
    """The requirement line that installs this same wsoagen (PEP 610's direct_url.json says how it
    was installed): a git URL at its commit, a wheel's URL, else `wsoagen==VERSION` with a note."""
    try:
        direct = json.loads(metadata.distribution("wsoagen").read_text("direct_url.json") or "null")
    except (metadata.PackageNotFoundError, ValueError):
        direct = None
    if not direct:  # from a package index
        return f"wsoagen=={__version__}"
    url, vcs = direct.get("url", ""), direct.get("vcs_info")
    if vcs and vcs.get("vcs") == "git" and not url.startswith("file:"):
        return f"wsoagen @ git+{url}@{vcs.get('commit_id') or vcs.get('requested_revision')}"
    if "archive_info" in direct and url.startswith(("https:", "http:")):
        return f"wsoagen @ {url}"
    return ("# This wsoagen was installed from a folder or file on one machine: replace the line below with\n"
            "# where your organisation gets it, e.g. wsoagen @ git+https://github.com/YOUR-ORG/wsoagen@TAG\n"
            "# or the URL of its wheel, so that CI installs the same version.\n"
            f"wsoagen=={__version__}")


def repository_texts(area: str, plan: str) -> dict[str, bytes]:
    """{path in the repository: bytes} of the files around the plan folder `plan` ("plans/x")."""
    values = {"AREA": area, "PLAN": plan, "VERSION": __version__, "REQUIREMENT": requirement()}
    texts = {}
    templates = resources.files("wsoagen") / "repo"
    for name, target in FILES.items():
        text = templates.joinpath(name).read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace(f"<<{key}>>", value)
        texts[target] = text.encode("utf-8")
    return texts | {f"{SCHEMA_DIR}/{name}": data for name, data in schemas().items()}


def schemas() -> dict[str, bytes]:
    """{file name: bytes} of this version's JSON Schemas, as `wsoagen schema --write` writes them."""
    from wsoagen.plan.schema import SCHEMAS, schema_json

    return {f"{kind}.schema.json": schema_json(kind).encode("utf-8") for kind in SCHEMAS}


def stale_schemas(plans: list[Path]) -> Diagnostics:
    """A warning for each `schema/*.schema.json` (in a folder above a plan) that differs from this
    version's: editors would check the plan against other rules than `wsoagen validate`."""
    diags = Diagnostics()
    current: dict[str, bytes] | None = None
    seen: set[Path] = set()
    for plan in plans:
        folder = next((a / SCHEMA_DIR for a in plan.resolve().parents if (a / SCHEMA_DIR / "plan.schema.json").is_file()), None)
        if folder is None or folder in seen:
            continue
        seen.add(folder)
        shown = _shown(folder)
        current = current or schemas()
        for mine in sorted(folder.glob("*.schema.json")):
            if mine.name in current and mine.read_bytes() != current[mine.name]:
                diags.warning(f"{shown}/{mine.name}", (0, 0), f"the editor schema is not wsoagen {__version__}'s: "
                              f"refresh it with `wsoagen schema --write {shown}`", rule="editor-schema")
    return diags


def _shown(folder: Path) -> str:
    """The schema folder as the user would type it: relative to the current folder."""
    try:
        return Path(os.path.relpath(folder)).as_posix()
    except ValueError:  # another drive
        return folder.as_posix()
