"""`wsoagen fmt`: one layout for plan files, keeping comments, key order and quotes."""

import os
import re
import shutil
import stat

from conftest import EXAMPLE
from wsoagen.plan.fmt import format_text

MESSY = """\
# yaml-language-server: $schema=../../schema/workstream.schema.json
number:   1
title: 'Joint commissioning'     # single quotes stay
sponsors: [ann-smith,   bob]
outcomes:
- ref: "1.1"
  text: >-
    A joint commissioning strategy
    is in place.
  impact:
      - "Increase from 39% to 50% by April 2021"
  # a comment between keys
  actions:
  -   ref: 1.1a
      text: Coproduce the strategy.   # and trailing comments


"""

TIDY = """\
# yaml-language-server: $schema=../../schema/workstream.schema.json
number: 1
title: 'Joint commissioning'     # single quotes stay
sponsors: [ann-smith, bob]
outcomes:
  - ref: "1.1"
    text: >-
      A joint commissioning strategy
      is in place.
    impact:
      - "Increase from 39% to 50% by April 2021"
  # a comment between keys
    actions:
      - ref: 1.1a
        text: Coproduce the strategy. # and trailing comments
"""
# ruamel keeps comments at their columns: the one between keys stays where it was, and the
# trailing one keeps its column while the text before it moved two places right.


def example_files(folder):
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml"))


def test_the_example_is_already_formatted(cli, tmp_path):
    copy = tmp_path / "peterborough"
    shutil.copytree(EXAMPLE, copy)
    files = example_files(copy)
    before = {p: p.read_bytes() for p in files}
    n = len(files)
    assert n >= 6

    code, out, err = cli("fmt", "--check", copy)
    assert (code, out, err) == (0, "", f"wsoagen: {n} files, 0 would be reformatted, {n} already formatted\n")
    code, out, err = cli("fmt", copy)
    assert (code, out, err) == (0, "", f"wsoagen: {n} files, 0 reformatted, {n} already formatted\n")
    assert {p: p.read_bytes() for p in files} == before


def test_every_example_file_is_a_byte_identical_no_op():
    for path in example_files(EXAMPLE):
        text = path.read_text(encoding="utf-8")
        assert format_text(text, str(path)) == text, path


def test_fmt_normalises_a_messy_file_keeping_comments_and_quotes(cli, tmp_path):
    path = tmp_path / "1.yaml"
    path.write_text(MESSY, encoding="utf-8")
    code, out, err = cli("fmt", path)
    assert (code, out, err) == (0, f"formatted {path}\n", "wsoagen: 1 file, 1 reformatted, 0 already formatted\n")
    assert path.read_text(encoding="utf-8") == TIDY
    code, out, err = cli("fmt", path)  # a second run changes nothing
    assert (code, out, err) == (0, "", "wsoagen: 1 file, 0 reformatted, 1 already formatted\n")
    assert path.read_text(encoding="utf-8") == TIDY


def test_check_lists_the_files_that_would_change_and_changes_nothing(cli, tmp_path):
    messy, tidy = tmp_path / "a.yaml", tmp_path / "b.yaml"
    messy.write_text(MESSY, encoding="utf-8")
    tidy.write_text(TIDY, encoding="utf-8")
    code, out, err = cli("fmt", "--check", tmp_path)
    assert (code, out) == (1, "")
    assert err == (f"{messy}:2:1: error: not formatted: run `wsoagen fmt {messy}`\n"
                   "wsoagen: 2 files, 1 would be reformatted, 1 already formatted\n")
    assert messy.read_text(encoding="utf-8") == MESSY


def test_check_as_github_annotations(cli, tmp_path):
    messy = tmp_path / "a.yaml"
    messy.write_text(MESSY, encoding="utf-8")
    code, _, err = cli("fmt", "--check", "--error-format", "github", messy)
    assert code == 1
    assert err.splitlines()[0] == f"::error file={messy},line=2,col=1::not formatted: run `wsoagen fmt {messy}`"


def test_a_yaml_error_is_reported_and_the_file_left_alone(cli, tmp_path):
    bad = tmp_path / "plan.yaml"
    text = "title: x\nlocal_area: [Testshire\nnumber:   1\n"
    bad.write_text(text, encoding="utf-8")
    code, out, err = cli("fmt", bad)
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0] == f"{bad}:3:7: error: YAML syntax error: expected ',' or ']', but got ':'"
    assert lines[-1] == "wsoagen: 1 file, 0 reformatted, 0 already formatted, 1 with errors"
    assert bad.read_text(encoding="utf-8") == text


def test_duplicate_keys_and_anchors_are_errors_as_in_validate(cli, tmp_path):
    bad = tmp_path / "w.yaml"
    text = "number: 1\nnumber:  2\n"
    bad.write_text(text, encoding="utf-8")
    code, _, err = cli("fmt", "--check", bad)
    assert code == 1
    assert err.splitlines()[0] == f'{bad}:2:1: error: duplicate key "number" (first given on line 1): remove one of them'
    assert bad.read_text(encoding="utf-8") == text


def test_modeline_above_an_explicit_start_is_kept(cli, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("# yaml-language-server: $schema=../schema/plan.schema.json\n---\ntitle:    x\n", encoding="utf-8")
    assert cli("fmt", path)[0] == 0
    assert path.read_text(encoding="utf-8") == "# yaml-language-server: $schema=../schema/plan.schema.json\n---\ntitle: x\n"


def test_line_endings_bom_and_final_newline(tmp_path, cli):
    path = tmp_path / "plan.yaml"
    path.write_bytes("\ufefftitle: x\r\nlocal_area:  'Y'\r\n\r\n\r\n".encode("utf-8"))
    assert cli("fmt", path)[0] == 0
    assert path.read_bytes() == b"title: x\nlocal_area: 'Y'\n"
    path.write_bytes(b"title: x")
    assert cli("fmt", path)[0] == 0
    assert path.read_bytes() == b"title: x\n"


def test_refs_and_numbers_keep_how_they_were_written():
    text = 'refs: ["1.10", 1.10, 1.1a]\nversion: "1.0"\nvalue: 0x1F\nwhen: 2019-06-10\nblank: ~\n'
    assert format_text(text) == 'refs: ["1.10", 1.10, 1.1a]\nversion: "1.0"\nvalue: 0x1F\nwhen: 2019-06-10\nblank:\n'


def test_a_comment_fmt_would_drop_leaves_the_file_alone(cli, tmp_path):
    path = tmp_path / "a.yaml"
    text = "sponsors: [ann,   # the chair\n  bob]\n"
    path.write_text(text, encoding="utf-8")
    code, _, err = cli("fmt", path)
    assert code == 0
    assert err == (f"{path}:1:1: warning: left as it is: formatting would drop the comment on this line (# the chair)\n"
                   "wsoagen: 1 file, 0 reformatted, 1 already formatted\n")
    assert path.read_text(encoding="utf-8") == text


def test_empty_and_comment_only_files_stay(tmp_path, cli):
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("# nothing yet\n", encoding="utf-8")
    code, out, err = cli("fmt", "--check", tmp_path)
    assert (code, err) == (0, "wsoagen: 2 files, 0 would be reformatted, 2 already formatted\n")


def test_bad_paths_are_usage_errors(cli, tmp_path):
    code, _, err = cli("fmt", tmp_path / "nope")
    assert (code, err) == (2, f"wsoagen: error: {tmp_path / 'nope'}: no such file or folder\n")
    csv = tmp_path / "data.csv"
    csv.write_text("metric,date,value\n", encoding="utf-8")
    code, _, err = cli("fmt", csv)
    assert (code, err) == (2, f"wsoagen: error: {csv}: not a YAML file (.yaml or .yml)\n")


def test_folders_are_searched_for_yaml_but_not_hidden_folders(cli, tmp_path):
    (tmp_path / "workstreams").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "workstreams" / "1.yml").write_text("a:   1\n", encoding="utf-8")
    (tmp_path / ".git" / "x.yaml").write_text("a:   1\n", encoding="utf-8")
    code, out, _ = cli("fmt", tmp_path)
    assert (code, out) == (0, f"formatted {tmp_path / 'workstreams' / '1.yml'}\n")
    assert (tmp_path / ".git" / "x.yaml").read_text(encoding="utf-8") == "a:   1\n"


def test_quiet_and_verbose(cli, tmp_path):
    messy, tidy = tmp_path / "a.yaml", tmp_path / "b.yaml"
    messy.write_text(MESSY, encoding="utf-8")
    tidy.write_text(TIDY, encoding="utf-8")
    code, out, err = cli("fmt", "-v", "--check", tmp_path)
    assert code == 1
    assert re.sub(r"\d+\.\d\d s", "N s", err) == (
        f"wsoagen: {tidy}: already formatted\n"
        f"{messy}:2:1: error: not formatted: run `wsoagen fmt {messy}`\n"
        "wsoagen: total N s\n"
        "wsoagen: 2 files, 1 would be reformatted, 1 already formatted\n")
    code, out, err = cli("fmt", "-q", tmp_path)
    assert (code, out, err) == (0, "", "wsoagen: 2 files, 1 reformatted, 1 already formatted\n")


def test_permissions_and_symlinks_survive(cli, tmp_path):
    real = tmp_path / "plans" / "real.yaml"
    real.parent.mkdir()
    real.write_text("a:    1\n", encoding="utf-8")
    real.chmod(0o600)
    link = tmp_path / "plans" / "link.yaml"
    link.symlink_to(real)  # a link inside the folder: the file it names is formatted, the link stays
    assert cli("fmt", link)[0] == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "a: 1\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600


def test_a_link_to_outside_the_folder_is_never_rewritten(cli, tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text("a:    1\n", encoding="utf-8")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "link.yaml").symlink_to(outside)
    for named in (tmp_path / "plans", tmp_path / "plans" / "link.yaml"):
        code, _, err = cli("fmt", named)
        assert (code, err) == (2, f"wsoagen: error: {tmp_path / 'plans' / 'link.yaml'}: this file is a symbolic link to a place "
                                  "outside the plan folder: wsoagen reads only files inside it; nothing was formatted\n")
    assert outside.read_text(encoding="utf-8") == "a:    1\n"


def test_a_pipe_is_refused_not_waited_for(cli, tmp_path):
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "a.yaml").write_text("a:    1\n", encoding="utf-8")
    for named in (tmp_path / "pipe.yaml", tmp_path):
        code, _, err = cli("fmt", named)
        assert (code, err) == (2, f"wsoagen: error: {tmp_path / 'pipe.yaml'}: this is a named pipe (FIFO), not a file: "
                                  "wsoagen reads only ordinary files; nothing was formatted\n")
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == "a:    1\n"
