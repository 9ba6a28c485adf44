"""The wheel and sdist are complete: wsoagen installed from its wheel, outside the checkout,
scaffolds a plan and builds it to PDF, Word and HTML, with an installed house-style package.

What proves the wheel complete: the virtual environment gets wsoagen ONLY from the wheel (pip
install --no-deps; nothing of the checkout on sys.path, run from a folder outside it), so every
template, house style, reference.docx, font and schema the build reads must be inside it. Its
dependencies come from the test's own environment through a .pth line (installing them again would
take minutes and prove nothing about the wheel); that environment's editable wsoagen is never
imported, as a .pth file in a folder a .pth line adds is not run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT

STYLE_CSS = "h1 { color: #0a7b3e; } /* acme-wsoa-style */"


def run(*args: object, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{args}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """The sdist, and the wheel built from it (as pip builds an sdist), by `python -m build`."""
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--outdir", out, ROOT)
    return out


def wheel_of(dist: Path) -> Path:
    (wheel,) = dist.glob("wsoagen-*.whl")
    return wheel


def clean_env(venv: Path) -> dict[str, str]:
    """A user's shell with the venv activated (no PYTHONPATH, no CI), and a fontconfig that knows no
    fonts: the PDF's fonts can only come from the wheel."""
    fonts_conf = venv / "fonts.conf"
    fonts_conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "CI", "VIRTUAL_ENV")}
    return {**env, "PATH": f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}", "VIRTUAL_ENV": str(venv),
            "FONTCONFIG_FILE": str(fonts_conf)}


def fonts_of(pdf: Path) -> set[str]:
    from pypdf import PdfReader

    fonts = set()
    for page in PdfReader(pdf).pages:
        for font in page.get("/Resources", {}).get("/Font", {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    return fonts


def install_house_style(site: Path) -> None:
    """What `pip install acme-wsoa-style` leaves: a package and its entry point."""
    (site / "acme_wsoa_style").mkdir()
    (site / "acme_wsoa_style" / "__init__.py").write_text("", encoding="utf-8")
    (site / "acme_wsoa_style" / "house.css").write_text(STYLE_CSS + "\n", encoding="utf-8")
    info = site / "acme_wsoa_style-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-wsoa-style\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[wsoagen.house_styles]\nacme = acme_wsoa_style\n", encoding="utf-8")


@pytest.mark.slow
def test_the_wheel_builds_a_new_plan_outside_the_checkout(dist, tmp_path):
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))").strip())
    (site / "test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "--no-index", wheel_of(dist))
    install_house_style(site)

    council = tmp_path / "council-plans"  # a plan repository of its own, far from the checkout
    council.mkdir()
    env = clean_env(venv)
    where = run(python, "-c", "import sys, wsoagen; print(wsoagen.__file__); print(*sys.path, sep='\\n')", cwd=council, env=env).split("\n")
    assert Path(where[0]).is_relative_to(site), "wsoagen was not imported from the wheel"
    source = [p for p in where[1:] if p and (Path(p).resolve() == ROOT.resolve() or Path(p).resolve().is_relative_to(ROOT.resolve() / "src"))]
    assert source == [], "the checkout's source is on sys.path"
    version = wheel_of(dist).name.split("-")[1]
    assert run("wsoagen", "--version", cwd=council, env=env).strip() == f"wsoagen {version}"

    run("wsoagen", "new", "plans/testshire", cwd=council, env=env)
    plan_yaml = council / "plans" / "testshire" / "plan.yaml"
    modeline = plan_yaml.read_text(encoding="utf-8").splitlines()[0]
    assert (plan_yaml.parent / modeline.split("=", 1)[1]).resolve().is_relative_to(site)  # the wheel's schemas
    with plan_yaml.open("a", encoding="utf-8") as f:
        f.write("house_style: acme\n")
    run("wsoagen", "validate", "plans/testshire", cwd=council, env=env)
    run("wsoagen", "build", "plans/testshire", "-o", "out", cwd=council, env=env)

    out = council / "out" / "testshire"
    html = (out / "wsoa.html").read_text(encoding="utf-8")
    assert STYLE_CSS in html and "Testshire" in html  # the installed house style, over the built-in default
    assert fonts_of(out / "wsoa.pdf") and all("Liberation-Sans" in f for f in fonts_of(out / "wsoa.pdf"))
    with zipfile.ZipFile(out / "wsoa.docx") as docx:
        assert "Testshire" in docx.read("word/document.xml").decode("utf-8")
    run("wsoagen", "schema", "--write", "schema", cwd=council, env=env)
    assert sorted(p.name for p in (council / "schema").iterdir()) == ["plan.schema.json", "report.schema.json", "workstream.schema.json"]


@pytest.mark.slow
def test_the_wheel_holds_every_file_of_the_package(dist):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (an unpacked sdist): nothing to compare the wheel with")
    tracked = run("git", "-C", ROOT, "ls-files", "src/wsoagen").split()
    with zipfile.ZipFile(wheel_of(dist)) as wheel:
        names = set(wheel.namelist())
    assert [p for p in tracked if p.removeprefix("src/") not in names] == []


@pytest.mark.slow
def test_the_sdist_holds_the_tests_and_what_they_read(dist):
    import tarfile

    (sdist,) = dist.glob("wsoagen-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for needed in ("pyproject.toml", "README.md", "PKG-INFO", "requirements/ci.txt", "tests/conftest.py", "tests/test_packaging.py",
                   "plans/peterborough/plan.yaml", "src/wsoagen/schemas/plan.schema.json", "src/wsoagen/fonts/LiberationSans-Regular.ttf"):
        assert needed in names, needed
    assert not [n for n in names if "node_modules" in n or "__pycache__" in n]


def locked(path: Path) -> dict[str, str]:
    """{name: version} pinned in a lock file."""
    pins = re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", path.read_text(encoding="utf-8"), re.M)
    return {canonicalize_name(name): version for name, version in pins}


@pytest.mark.parametrize(("lock", "extras"), [("ci.txt", ["test"]), ("run.txt", [])])
def test_the_lock_files_pin_every_dependency_within_its_bounds(lock, extras):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [Requirement(r) for r in project["dependencies"] + [r for e in extras for r in project["optional-dependencies"][e]]]
    pins = locked(ROOT / "requirements" / lock)
    stale = [str(r) for r in wanted if canonicalize_name(r.name) not in pins or pins[canonicalize_name(r.name)] not in r.specifier]
    assert stale == [], f"requirements/{lock} does not satisfy pyproject.toml: run `make lock`"
