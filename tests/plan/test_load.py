from pathlib import Path

from wsoagen.diagnostics import Diagnostics
from wsoagen.plan.load import MAX_DEPTH, MAX_PROBLEMS, load_file


def load(tmp_path: Path, text: str):
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    diags = Diagnostics()
    return load_file(path, "f.yaml", diags), [str(d) for d in diags.items]


def test_positions_of_keys_and_values(tmp_path):
    loaded, errors = load(tmp_path, "a: 1\nlist:\n  - x: hello\n    y: 2020-13-45\n")
    assert errors == []
    assert loaded.data == {"a": 1, "list": [{"x": "hello", "y": "2020-13-45"}]}
    assert loaded.positions.of(("list", 0, "y")) == (4, 8)
    assert loaded.positions.of(("list", 0, "y"), key=True) == (4, 5)


def test_numbers_keep_their_digits(tmp_path):
    loaded, _ = load(tmp_path, "ref: 1.10\n")
    assert loaded.data["ref"].raw == "1.10"


def test_syntax_error_shows_the_line(tmp_path):
    _, errors = load(tmp_path, "a: 1\nb: [1, 2\nc: 3\n")
    assert errors == ["f.yaml:3:2: error: YAML syntax error: expected ',' or ']', but got ':'\n    c: 3\n     ^"]


def test_duplicate_keys(tmp_path):
    _, errors = load(tmp_path, "title: a\nx: 1\ntitle: b\n")
    assert errors == ['f.yaml:3:1: error: duplicate key "title" (first given on line 1): remove one of them']


def test_anchors_and_aliases_are_refused(tmp_path):
    loaded, errors = load(tmp_path, "a: &big\n  b: 1\nc: *big\n")
    assert loaded is None
    assert errors == [
        'f.yaml:1:4: error: YAML anchors ("&big") are not allowed: write each value out in full',
        'f.yaml:3:4: error: YAML aliases ("*big") are not allowed: write the value out in full',
    ]


def test_billion_laughs_is_refused_without_expanding(tmp_path):
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9) + "]" for i in range(1, 9)]
    loaded, errors = load(tmp_path, "\n".join(lines) + "\n")
    assert loaded is None
    assert len(errors) == MAX_PROBLEMS + 1  # then it stops reading
    assert errors[-1].endswith(f"stopped reading this file after {MAX_PROBLEMS} problems: correct these first")


def test_nesting_too_deep(tmp_path):
    _, errors = load(tmp_path, "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n")
    assert errors == [f"f.yaml:1:{MAX_DEPTH + 3}: error: nesting is too deep (more than {MAX_DEPTH} levels)"]


def test_file_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr("wsoagen.plan.load.MAX_FILE_BYTES", 10)
    _, errors = load(tmp_path, "title: something long\n")
    assert errors == ["f.yaml:1:1: error: file is too large (22 bytes; the limit is 10): split it into smaller files"]


def test_tags_are_refused(tmp_path):
    _, errors = load(tmp_path, "a: !!python/object:os.system x\n")
    assert errors == ['f.yaml:1:4: error: YAML tags ("tag:yaml.org,2002:python/object:os.system") are not allowed']


def test_not_utf8(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_bytes(b"a: 1\nb: caf\xe9\n")
    diags = Diagnostics()
    assert load_file(path, "f.yaml", diags) is None
    assert [str(d) for d in diags.items] == ["f.yaml:2:1: error: file is not UTF-8 text: save it as UTF-8"]


def test_folded_scalars_are_plain_text(tmp_path):
    loaded, _ = load(tmp_path, "why: >-\n  The board oversees delivery and receives\n  a report at each meeting.\n")
    assert loaded.data["why"] == "The board oversees delivery and receives a report at each meeting."


def test_too_many_values(tmp_path, monkeypatch):
    monkeypatch.setattr("wsoagen.plan.load.MAX_VALUES", 10)
    _, errors = load(tmp_path, "a:\n" + "".join(f"  - {i}\n" for i in range(20)))
    assert errors == ["f.yaml:7:5: error: this file holds too many values (more than 10): split it into smaller files"]


def test_ten_thousand_deep_nesting_stops_at_the_limit(tmp_path):
    _, errors = load(tmp_path, "a: " + "[" * 10_000 + "]" * 10_000 + "\n")
    assert errors == [f"f.yaml:1:{MAX_DEPTH + 3}: error: nesting is too deep (more than {MAX_DEPTH} levels)"]


def test_escapes_that_no_document_can_hold(tmp_path):
    _, errors = load(tmp_path, 'a: "x\\ud800y"\nb: "\\e[31mred"\nc: "tab\\there\\n"\nd: "\\U0001F600"\n"k\\0": 1\n')
    assert errors == [
        "f.yaml:1:4: error: this text holds \\ud800 (half of a surrogate pair, not a character), which no document can show: "
        "remove it, or write the character itself",
        "f.yaml:2:4: error: this text holds \\x1b (a control character), which no document can show: remove it, or write the character itself",
        "f.yaml:5:1: error: this text holds \\x00 (a control character), which no document can show: remove it, or write the character itself",
    ]


def test_a_link_to_outside_the_folder_is_not_read(tmp_path):
    (tmp_path / "secret.yaml").write_text("password: hunter2\n")
    plan = tmp_path / "plan"
    plan.mkdir()
    (plan / "f.yaml").symlink_to(tmp_path / "secret.yaml")
    diags = Diagnostics()
    assert load_file(plan / "f.yaml", "f.yaml", diags) is None
    assert [str(d) for d in diags.items] == [
        "f.yaml:1:1: error: this file is a symbolic link to a place outside the plan folder: wsoagen reads only files inside it"]


def test_reusing_parses_parses_a_file_again_only_when_its_text_changed(tmp_path, monkeypatch):
    from wsoagen.plan import load

    path = tmp_path / "plan.yaml"
    path.write_text("title: [unclosed\n")
    parses = []
    real = load.load_text
    monkeypatch.setattr(load, "load_text", lambda *a: parses.append(1) or real(*a))
    cache: dict = {}
    with load.reusing_parses(cache):
        first, again = Diagnostics(), Diagnostics()
        assert load.load_file(path, "plan.yaml", first) is None
        assert load.load_file(path, "plan.yaml", again) is None
        assert len(parses) == 1 and again.items == first.items and again.errors  # its problems are told again
        path.write_text("title: fixed\n")
        assert load.load_file(path, "plan.yaml", Diagnostics()).data == {"title": "fixed"}
    assert len(parses) == 2
    load.load_file(path, "plan.yaml", Diagnostics())  # outside the block: parsed as always
    assert len(parses) == 3
