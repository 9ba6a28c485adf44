"""Find a house style's folders: the plan repository's own, then installed packages, then built in.

In: the plan folder (or None) and a house style's name. Out: the folders to look templates,
CSS and reference.docx up in, most specific first; each source gives the style's own folder,
then its `default` folder, so a council's folder overrides single templates and inherits the rest.

Where a house style can come from, in order:
1. `templates/<style>/` in the plan folder (the plan repository's own);
2. an installed house-style package: a distribution that declares an entry point in the group
   `wsoagen.house_styles` whose name is the style and whose value is the Python package holding
   the files (as mkdocs finds themes), e.g. in its pyproject.toml:

       [project.entry-points."wsoagen.house_styles"]
       sefton-council = "sefton_wsoa_style"

3. wsoagen's built-in styles (`wsoagen/templates/<style>/`, read with importlib.resources).
"""

from __future__ import annotations

import functools
from importlib import metadata, resources
from pathlib import Path

ENTRY_POINT_GROUP = "wsoagen.house_styles"
DEFAULT = "default"


def builtin_root() -> Path:
    """wsoagen's own templates folder (inside the installed package)."""
    return Path(str(resources.files("wsoagen") / "templates"))


@functools.cache
def installed() -> dict[str, Path]:
    """{style name: folder} of every installed house-style package; read once a process."""
    found: dict[str, Path] = {}
    for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (e.name, e.value)):
        if ep.name in found:  # two packages claim one style: the module name that sorts first wins, every run
            continue
        try:
            folder = Path(str(resources.files(ep.module)))
        except (ImportError, TypeError, ValueError):
            continue  # a broken package must not stop the build of plans that do not use it
        if folder.is_dir():
            found[ep.name] = folder
    return found


def style_dirs(plan_folder: Path | None, style: str) -> list[Path]:
    """Where `style`'s templates are looked up, most specific first (see the module docstring)."""
    names = list(dict.fromkeys((style, DEFAULT)))
    dirs: list[Path] = []
    own = plan_folder / "templates" if plan_folder else None
    if own and own.is_dir():
        dirs += [own / name for name in names]
    packages = installed()
    dirs += [packages[name] for name in names if name in packages]
    dirs += [builtin_root() / name for name in names]
    return [d for d in dirs if d.is_dir()]
