"""Text in the charts' font: widths, wrapping, and the label lookups Vega evaluates."""

import json

from wsoagen.render.charts import text


def test_widths_are_liberation_sans_advances():
    assert round(text.width("Workstream 1", 11), 2) == 68.45
    assert text.width("Milestones", 11, bold=True) > text.width("Milestones", 11)
    assert text.width("", 11) == 0


def test_long_names_wrap_at_spaces_within_the_width():
    name = "5. Provision and opportunities for young adults aged 18 - 25"
    lines = text.wrap(name, 190, 11)
    assert lines == ["5. Provision and opportunities for", "young adults aged 18 - 25"]
    assert " ".join(lines) == name and all(text.width(line, 11) <= 190 for line in lines)
    assert text.wrap("Supercalifragilistic word", 60, 11) == ["Supercalifra", "gilistic word"]  # broken only when wider than a line
    assert text.wrap("", 100, 11) == [""]


def test_lookup_keys_are_written_as_javascript_writes_numbers():
    expr = text.lookup({20.0: "20%", 2.5: ["two", "and a half"], "Blue": "Blue: complete"})
    table = json.loads(expr.removesuffix("[datum.value]"))
    assert table == {"20": "20%", "2.5": ["two", "and a half"], "Blue": "Blue: complete"}


def test_the_font_fingerprint_covers_the_shipped_fonts():
    assert text.FONT_DIR.name == "fonts" and (text.FONT_DIR / "LiberationSans-Regular.ttf").is_file()
    assert len(text.font_fingerprint()) == 16
