"""validate checks the plan's own house styles: what would make build fail, or fetch, is a positioned error."""

import os
import shutil

import pytest

from conftest import MINI_PLAN
from wsoagen.render import charts, house_check, html
from wsoagen.render.html import BUILTIN_TEMPLATES

EXTENDS = '{% extends "default/wsoa.html.j2" %}\n'
REPORT = "board: Testshire SEND Board\nmeeting: 2019-12-10\nas_at: 2019-12-02\nsummary: All well.\n"


@pytest.fixture
def styled(make_plan):
    """styled(files) -> plan folder whose house style `testshire` has `files` (name -> text or bytes)."""

    def make(files: dict[str, str | bytes], report: bool = False):
        folder = make_plan(plan=MINI_PLAN + "house_style: testshire\n")
        style = folder / "templates" / "testshire"
        style.mkdir(parents=True)
        for name, text in files.items():
            (style / name).parent.mkdir(parents=True, exist_ok=True)
            (style / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        if report:
            (folder / "reports").mkdir()
            (folder / "reports" / "2019-12-10.yaml").write_text(REPORT)
        return folder

    html.environment.cache_clear()
    return make


def errors(cli, folder, command="validate", *extra) -> list[str]:
    """The error lines a command prints (plan folder left out of paths); it must exit 1 without a traceback."""
    code, _, err = cli(command, folder, *extra)
    assert code == 1, err
    assert "Traceback" not in err
    return [line.replace(f"{folder}/", "") for line in err.splitlines() if ": error: " in line]


def test_a_good_house_style_passes_and_builds(styled, cli, fake_renderers, tmp_path):
    folder = styled({"wsoa.html.j2": EXTENDS + '{% block body %}<main><h1 id="top">{{ plan.local_area }}</h1></main>{% endblock %}',
                     "house.css": "h1 { color: #123456; background: url(data:image/png;base64,iVBORw0KGgo=) }\n"})
    assert cli("validate", folder)[0] == 0
    code, _, err = cli("build", folder, "-o", tmp_path / "out")
    assert code == 0, err


def test_template_syntax_errors(styled, cli):
    folder = styled({"wsoa.html.j2": EXTENDS + "{% block body %}\n<main>{% for w in workstreams %}</main>\n{% endblock %}\n"})
    (line,) = errors(cli, folder)
    assert line.startswith("templates/testshire/wsoa.html.j2:4:4: error: template syntax error: Encountered unknown tag 'endblock'")
    assert line.endswith("[house-style]")


def test_undefined_variables(styled, cli):
    folder = styled({"wsoa.html.j2": EXTENDS + "{% block body %}\n<main>\n  <p>{{ plan.local_authority }}</p>\n</main>{% endblock %}"})
    (line,) = errors(cli, folder)
    assert line.startswith("templates/testshire/wsoa.html.j2:4:") and "has no attribute 'local_authority'" in line


def test_an_error_in_a_report_template_is_found_without_building(styled, cli):
    folder = styled({"report.html.j2": '{% extends "default/report.html.j2" %}\n{% block cover %}\n{{ report.chair }}\n{% endblock %}'},
                    report=True)
    (line,) = errors(cli, folder)
    assert line.startswith("templates/testshire/report.html.j2:3:11: error:") and "'chair'" in line


def test_html_the_word_writer_cannot_write_is_placed_at_its_template_line(styled, cli):
    folder = styled({"wsoa.html.j2": EXTENDS + '{% block body %}\n<main>\n<p>fine</p>\n  <marquee class="news">Hello</marquee>\n</main>{% endblock %}'})
    (line,) = errors(cli, folder)
    assert line.startswith("templates/testshire/wsoa.html.j2:5:3: error: the Word writer cannot write this: <marquee>")


@pytest.mark.parametrize("content, words", [
    (b"", "it is empty"),
    (os.urandom(3000), "it is not a Word (.docx) file"),
    (b"PK\x05\x06" + b"\x00" * 18, "a part of it is missing or damaged"),
])
def test_a_corrupt_or_empty_reference_docx(styled, cli, content, words):
    folder = styled({"reference.docx": content})
    (line,) = errors(cli, folder)
    assert line.startswith("templates/testshire/reference.docx: error: reference.docx cannot be used to write Word documents: " + words)


def test_a_reference_docx_without_the_styles_the_writer_needs(styled, cli, tmp_path):
    import docx

    bare = tmp_path / "bare.docx"
    docx.Document().save(bare)  # python-docx's own template: no "Table Grid"-free guarantee, no Title style in use
    document = docx.Document(bare)
    for style in list(document.styles):
        if style.name in ("Heading 1", "Title"):
            style.element.getparent().remove(style.element)
    document.save(bare)
    folder = styled({"reference.docx": bare.read_bytes()})
    (line,) = errors(cli, folder)
    assert line.startswith("templates/testshire/reference.docx: error:") and "has no style named" in line


def test_a_reference_docx_linked_from_outside_is_refused(styled, cli):
    folder = styled({})
    os.symlink(BUILTIN_TEMPLATES / "default" / "reference.docx", folder / "templates" / "testshire" / "reference.docx")
    (line,) = errors(cli, folder)
    assert line.startswith("templates/testshire/reference.docx: error: reference.docx is a link to a file outside the house style folder")


def test_a_template_that_is_not_utf8(styled, cli):
    folder = styled({"wsoa.html.j2": EXTENDS + "{# caf\xe9 #}".encode("latin-1").decode("latin-1"), "macros.html": b"<p>\n\xff\xfe</p>"})
    (line,) = errors(cli, folder)
    assert line.startswith('templates/testshire/macros.html:2:1: error: "macros.html" is not UTF-8 text')


def test_recursive_includes(styled, cli):
    folder = styled({"wsoa.html.j2": EXTENDS + '{% block body %}{% include "a.html" %}{% endblock %}',
                     "a.html": '<p>\n{% include "b.html" %}</p>', "b.html": '{% include "a.html" %}'})
    lines = errors(cli, folder)
    assert lines and all("without end" in line and line.startswith("templates/testshire/") for line in lines)


def test_sandbox_escapes_are_errors_in_validate(styled, cli):
    folder = styled({"wsoa.html.j2": EXTENDS + "{% block body %}<main>{{ cycler.__init__.__globals__.os.getcwd() }}</main>{% endblock %}"})
    (line,) = errors(cli, folder)
    assert line.startswith("templates/testshire/wsoa.html.j2:2:") and "refused" in line


@pytest.mark.parametrize("css, words", [
    ('@import url("https://evil.example/x.css");', "@import is not allowed"),
    ("@import 'other.css';", "@import is not allowed"),
    ("body { background: url(file:///etc/passwd) }", "url(file:///etc/passwd) is refused: a house style may not fetch"),
    ('body { background: url("http://169.254.169.254/latest") }', "url(http://169.254.169.254/latest) is refused"),
    ("body { background: url(//evil.example/x.png) }", "is refused: a house style may not fetch"),
    ("@font-face { src: url(../../plan.yaml) }", "url(../../plan.yaml) is refused: it points outside the house style folder"),
    ("body { background: url(/etc/passwd) }", "it points outside the house style folder"),
    ("body { background: url(logo.png) }", "a document is one self-contained file (the web edition too): embed the file as a data: URL"),
    ("@media print { body { background: image-set('https://evil.example/a.png' 1x) } }", "is refused"),
    ("p { color: red } </style><script>alert(1)</script>", 'CSS may not contain "</"'),
])
def test_house_css_that_would_fetch_or_break_out_is_refused_at_its_place(styled, cli, css, words):
    folder = styled({"house.css": "p { margin: 0 }\n" + css + "\n"})
    lines = errors(cli, folder)
    assert [line for line in lines if line.startswith("templates/testshire/house.css:2:") and words in line], lines


def test_the_pdf_never_fetches_what_house_css_asks_for(tmp_path):
    from wsoagen.render.pdf import FetchRefused, html_to_pdf

    page = "<html><head><style>@import url(file:///etc/passwd); body { background: url(http://127.0.0.1:9/x) }</style></head><body><p>x</p></body></html>"
    with pytest.raises(FetchRefused):
        html_to_pdf(page, tmp_path, [tmp_path], __import__("datetime").date(2020, 1, 1))


def test_a_style_folder_linked_from_outside_is_refused(make_plan, cli, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(BUILTIN_TEMPLATES / "sefton", elsewhere)
    folder = make_plan(plan=MINI_PLAN + "house_style: testshire\n")
    (folder / "templates").mkdir()
    os.symlink(elsewhere, folder / "templates" / "testshire")
    html.environment.cache_clear()
    (line,) = errors(cli, folder)
    assert line.startswith("templates/testshire: error: the house style folder testshire is a link to a folder outside")


@pytest.mark.parametrize("markup, words", [
    ('<link rel="stylesheet" href="https://evil.example/x.css">', "<link> is not allowed in a document"),
    ('<video poster="http://169.254.169.254/x.png"></video>', '<video> poster="http://169.254.169.254/x.png" would be fetched'),
    ('<p style="background: url(http://evil.example/x)">x</p>', "<p> CSS would fetch something"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">', '<meta http-equiv="refresh"> is not allowed'),
    ("<style>@import 'https://evil.example/x.css';</style>", "<style> CSS would fetch something"),
    ('<img src="http://169.254.169.254/x.png" alt="x">', "<img> src="),
    ("<script>alert(1)</script>", "<script> is not allowed in a document"),
])
def test_a_template_that_would_make_the_document_fetch_is_refused_at_its_line(styled, cli, markup, words):
    folder = styled({"wsoa.html.j2": EXTENDS + "{% block body %}\n<main>\n  " + markup + "\n</main>{% endblock %}"})
    (line,) = errors(cli, folder)
    assert line.startswith("templates/testshire/wsoa.html.j2:4:3: error: " + words), line


def test_a_templates_folder_linked_from_outside_is_refused(make_plan, cli, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(BUILTIN_TEMPLATES, elsewhere)
    folder = make_plan(plan=MINI_PLAN + "house_style: sefton\n")
    os.symlink(elsewhere, folder / "templates")
    (line,) = errors(cli, folder)
    assert line.startswith("templates: error: templates/ is a link to a folder outside the plan folder")


def test_build_stops_with_the_same_errors_before_rendering(styled, cli, fake_renderers, tmp_path):
    folder = styled({"wsoa.html.j2": EXTENDS + "{% block body %}\n{{ nope }}{% endblock %}", "reference.docx": b""})
    validated = errors(cli, folder)
    assert len(validated) == 2
    assert errors(cli, folder, "build", "-o", tmp_path / "out") == validated
    assert not (tmp_path / "out" / folder.name).exists()


def test_checked_with_stand_in_charts_and_only_for_plans_with_templates(styled, make_plan, cli, monkeypatch):
    monkeypatch.setattr(charts.ChartRenderer, "_converter", lambda *a: pytest.fail("validate drew a chart"))
    folder = styled({"wsoa.html.j2": EXTENDS})
    assert cli("validate", folder)[0] == 0
    monkeypatch.setattr(house_check, "check_house_styles", lambda *a: pytest.fail("a plan without templates/ was checked"))
    assert cli("validate", make_plan(name="plain"))[0] == 0


def test_a_document_already_written_to_word_without_fault_is_not_written_again(styled, monkeypatch):
    from datetime import date

    from wsoagen.data.metrics import read_plan

    folder = styled({"wsoa.html.j2": EXTENDS})
    plan, _ = read_plan(folder)
    assert house_check.check_house_styles(plan, folder, date(2019, 11, 15)) == []
    monkeypatch.setattr(house_check, "html_to_docx", lambda *a: pytest.fail("written to Word again"))
    assert house_check.check_house_styles(plan, folder, date(2019, 11, 15)) == []
