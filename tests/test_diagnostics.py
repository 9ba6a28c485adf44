"""Diagnostics as printed: untrusted values never drive the terminal; PlanError survives a process boundary."""

import pickle

import pytest

from conftest import MINI_WORKSTREAM
from wsoagen.diagnostics import Diagnostic, Diagnostics, PlanError, printable

ESC_TITLE = "\x1b]0;pwned\x07\x1b[2J\x1b[31mred"


@pytest.mark.parametrize("raw, shown", [
    ("\x1b[2J", "\\x1b[2J"),
    ("a\rb", "a\\x0db"),
    ("bell\x07", "bell\\x07"),
    ("nul\x00", "nul\\x00"),
    ("c1\x9b31m", "c1\\x9b31m"),
    ("del\x7f", "del\\x7f"),
    ("abc\u202edcba", "abc\\u202edcba"),
    ("iso\u2066late\u2069", "iso\\u2066late\\u2069"),
    ("line\u2028sep", "line\\u2028sep"),
    ("tab\tand\nnewline, café, 👍, £", "tab\tand\nnewline, café, 👍, £"),
])
def test_printable_shows_controls_and_bidi_overrides_as_escapes(raw, shown):
    assert printable(raw) == shown


def test_a_diagnostic_never_prints_a_raw_escape():
    d = Diagnostic("work\x1b[8mstreams/1.yaml", 3, 5, "error", f'unknown person "{ESC_TITLE}"', "people")
    for text in (str(d), d.github()):
        assert "\x1b" not in text and "\x07" not in text
        assert "\\x1b]0;pwned\\x07" in text
    assert str(d).startswith("work\\x1b[8mstreams/1.yaml:3:5: error: unknown person")


def test_escapes_in_file_names_and_values_reach_stderr_escaped(make_plan, cli):
    workstream = MINI_WORKSTREAM.replace("lead: ann-smith", 'lead: "ann\\u202eevil"')
    folder = make_plan(workstreams={"1\x1b]0;pwned\x07\x1b[2J.yaml": workstream})
    code, _, err = cli("validate", folder)
    assert code == 1
    assert "\x1b" not in err and "\x07" not in err and "\u202e" not in err
    assert "workstreams/1\\x1b]0;pwned\\x07\\x1b[2J.yaml:" in err


def test_plan_error_pickles_with_its_diagnostics():
    diags = Diagnostics()
    diags.error("templates/x/report.html.j2", (3, 4), "'y' is undefined", "house-style")
    again = pickle.loads(pickle.dumps(PlanError(diags)))
    assert isinstance(again, PlanError) and again.diagnostics.items == diags.items and str(again) == "1 error, 0 warnings"
