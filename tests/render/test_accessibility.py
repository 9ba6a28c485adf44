"""The HTML editions pass axe-core's WCAG 2.2 A and AA rules in a real browser (headless Chromium).

Needs Debian's `chromium` and `nodejs`, and the npm packages in tests/a11y (`make test` runs
`npm ci --prefix tests/a11y`); the `axe` fixture (conftest) skips, or in CI fails, without them.
Zero violations is the bar.
"""

from pathlib import Path


def test_every_html_edition_has_no_violations(example_build, axe):
    files = sorted(example_build.glob("*.html"))
    assert len(files) == 6  # WSOA, tracker, two reports, two board packs
    found = axe(*files)
    assert {Path(f).name: v for f, v in found.items() if v} == {}


def test_the_checker_does_find_violations(tmp_path, axe):
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html><head><title>x</title></head><body>'
                    '<p style="color:#ffffff;background:#f47738">white on orange</p></body></html>')
    ids = sorted(v["id"] for v in axe(page)[str(page)])
    assert ids == ["color-contrast", "html-has-lang"]
