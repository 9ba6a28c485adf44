"""The HTML editions pass axe-core's WCAG 2.2 A and AA rules in a real browser (headless Chromium).

Needs Debian's `chromium` and the npm packages in tests/a11y (`npm ci --prefix tests/a11y`);
.ci/run installs both. Zero violations is the bar.
"""

import json
import shutil
import subprocess
from pathlib import Path

A11Y = Path(__file__).resolve().parents[1] / "a11y"


def axe(*files: Path) -> dict[str, list[dict]]:
    node = shutil.which("node")
    assert node and (A11Y / "node_modules" / "axe-core").is_dir(), "run: npm ci --prefix tests/a11y (.ci/run does)"
    assert Path("/usr/bin/chromium").exists() or shutil.which("chromium"), "Debian chromium is needed; .ci/run installs it"
    done = subprocess.run([node, str(A11Y / "check.mjs"), *map(str, files)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_every_html_edition_has_no_violations(example_build):
    files = sorted(example_build.glob("*.html"))
    assert len(files) == 6  # WSOA, tracker, two reports, two board packs
    found = axe(*files)
    assert {Path(f).name: v for f, v in found.items() if v} == {}


def test_the_checker_does_find_violations(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html><head><title>x</title></head><body>'
                    '<p style="color:#ffffff;background:#f47738">white on orange</p></body></html>')
    ids = sorted(v["id"] for v in axe(page)[str(page)])
    assert ids == ["color-contrast", "html-has-lang"]
