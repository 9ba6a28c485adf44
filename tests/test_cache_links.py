"""The build cache under OUT/.cache is as untrusted as the plan (an output folder may be committed):
an entry that is a link out of the cache is not read, and the document or chart is made again."""

from __future__ import annotations

import os


def test_links_planted_in_the_cache_are_not_served(tmp_path, cli, fake_renderers):
    assert cli("new", tmp_path / "plan")[0] == 0
    out = tmp_path / "out"
    assert cli("build", tmp_path / "plan", "-o", out, "-j", "1")[0] == 0
    first = {p.name: p.read_bytes() for p in (out / "plan").iterdir() if p.is_file()}
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"SECRET outside the cache")
    planted = 0
    for entry in (out / ".cache").rglob("*"):
        if entry.is_file():
            entry.unlink()
            os.symlink(secret, entry)
            planted += 1
    assert planted >= 3  # PDF, DOCX and the charts' SVG and PNG
    for p in (out / "plan").iterdir():
        p.unlink()  # written afresh from what the build finds
    code, _, err = cli("build", tmp_path / "plan", "-o", out, "-j", "1")
    assert code == 0, err
    again = {p.name: p.read_bytes() for p in (out / "plan").iterdir() if p.is_file()}
    assert again == first and not any(b"SECRET" in data for data in again.values())
