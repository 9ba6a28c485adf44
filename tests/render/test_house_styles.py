"""house_styles: the plan's own templates/, then installed house-style packages, then built in.

A house-style package is "installed" the way importlib.metadata sees any distribution: a package
folder and a `*.dist-info` with an `entry_points.txt` on sys.path (what pip writes), nothing faked.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import MINI_PLAN
from wsoagen.data.metrics import read_plan
from wsoagen.render import house_styles
from wsoagen.render.html import render_html, template_dirs

AS_AT = date(2019, 11, 15)
PACKAGE_CSS = "h1 { color: #0a7b3e; } /* from the acme-wsoa-style package */\n"


def install_style(site: Path, style: str = "acme", module: str = "acme_wsoa_style", css: str = PACKAGE_CSS) -> Path:
    """Write what `pip install acme-wsoa-style` leaves in site-packages; return the style's folder."""
    package = site / module
    package.mkdir(parents=True)
    (package / "__init__.py").write_text('"""Acme Council\'s house style for wsoagen."""\n', encoding="utf-8")
    (package / "house.css").write_text(css, encoding="utf-8")
    info = site / f"{module}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module.replace('_', '-')}\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[{house_styles.ENTRY_POINT_GROUP}]\n{style} = {module}\n", encoding="utf-8")
    return package


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A site-packages folder on sys.path; house_styles reads the installed packages afresh."""
    folder = tmp_path / "site-packages"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    house_styles.installed.cache_clear()
    yield folder
    house_styles.installed.cache_clear()


def test_an_installed_package_is_found_by_its_entry_point(site):
    package = install_style(site)
    assert house_styles.installed()["acme"] == package
    builtin = house_styles.builtin_root()
    assert template_dirs(None, "acme") == [package, builtin / "default"]


def test_the_plans_own_folder_comes_first_then_packages_then_built_in(site, make_plan):
    package = install_style(site, style="sefton", module="sefton_override")
    folder = make_plan(plan=MINI_PLAN + "house_style: sefton\n")
    (folder / "templates" / "sefton").mkdir(parents=True)
    builtin = house_styles.builtin_root()
    assert template_dirs(folder, "sefton") == [folder / "templates" / "sefton", package, builtin / "sefton", builtin / "default"]


def test_a_document_uses_an_installed_house_style(site, make_plan):
    install_style(site)
    plan, _ = read_plan(folder := make_plan(plan=MINI_PLAN + "house_style: acme\n"))
    assert PACKAGE_CSS.strip() in render_html(plan, "wsoa", AS_AT, folder)


@pytest.mark.slow
def test_a_plan_builds_with_an_installed_house_style(site, make_plan, cli, tmp_path):
    install_style(site)
    folder = make_plan(plan=MINI_PLAN + "house_style: acme\n")
    code, _, err = cli("build", folder, "-o", tmp_path / "out", "--as-at", AS_AT.isoformat())
    assert code == 0, err
    written = tmp_path / "out" / folder.name
    assert PACKAGE_CSS.strip() in (written / "wsoa.html").read_text(encoding="utf-8")
    assert (written / "wsoa.docx").is_file() and (written / "wsoa.pdf").read_bytes().startswith(b"%PDF")


def test_a_broken_package_does_not_stop_other_styles(site):
    info = site / "broken-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[{house_styles.ENTRY_POINT_GROUP}]\nbroken = no_such_module\n", encoding="utf-8")
    install_style(site)
    assert set(house_styles.installed()) >= {"acme"} and "broken" not in house_styles.installed()


def test_two_packages_claiming_one_style_resolve_the_same_way_every_run(site):
    install_style(site, module="zz_acme_style")
    first = install_style(site, module="aa_acme_style")
    assert house_styles.installed()["acme"] == first  # the module name that sorts first, whatever order pip wrote them in
