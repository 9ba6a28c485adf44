"""The HTML edition: escaped, accessible structure, the seed's layout, house-style lookup."""

from datetime import date

import pytest
from lxml import html as lxml_html

from conftest import EXAMPLE, MINI_PLAN, MINI_WORKSTREAM
from wsoagen.data import status
from wsoagen.data.metrics import read_plan
from wsoagen.render import html
from wsoagen.render.html import render_html, text_on

AS_AT = date(2019, 11, 15)


@pytest.fixture(scope="module")
def example_tree():
    plan, _ = read_plan(EXAMPLE)
    return lxml_html.fromstring(render_html(plan, "wsoa", AS_AT, EXAMPLE))


def test_document_language_title_and_landmarks(example_tree):
    assert example_tree.get("lang") == "en-GB"
    assert example_tree.findtext(".//title") == "Peterborough Special Educational Needs Written Statement of Action"
    assert example_tree.find(".//header[@role='banner']") is not None
    assert example_tree.find(".//main") is not None
    assert example_tree.find(".//nav[@class='toc new-page']") is not None


def test_every_table_has_a_caption_and_scoped_headers(example_tree):
    tables = example_tree.findall(".//table")
    assert len(tables) >= 5 + 3
    for table in tables:
        assert table.find("caption") is not None and table.find("caption").text_content().strip()
        for th in table.iter("th"):
            assert th.get("scope") in ("col", "row")


def test_action_tables_span_rows_like_the_seed(example_tree):
    tables = example_tree.xpath("//table[contains(@class, 'actions')]")
    assert len(tables) == 5
    headers = [th.text_content() for th in tables[0].find("thead").iter("th")]
    assert headers == ["Outcomes (what we intend to achieve)", "Ref", "Implementation (actions: what we are going to do)",
                       "Resource required", "Key milestones (action tracker)", "Deadline", "BRAG + date"]
    first = tables[0].find("tbody")  # outcome 1.1: actions 1.1a (five milestones), 1.1b (two), 1.1c (three)
    cells = first.find("tr").getchildren()
    assert [c.get("rowspan") for c in cells[:3]] == ["10", "5", "5"]
    assert len(first.findall("tr")) == 10
    milestones = sum(len(t.xpath(".//tbody/tr")) for t in tables)
    assert milestones == 106


def test_status_cells_carry_words_and_colour(example_tree):
    cells = example_tree.xpath("//table[contains(@class,'actions')]//td[contains(@class,'status')][@style]")
    assert len(cells) == 13  # 11 as published, 2 illustrative updates recorded in November 2019
    for cell in cells:
        assert cell.text_content().startswith("Blue")
        assert "background-color:#1d70b8" in cell.get("style")


def test_weaknesses_listed_from_workstreams(example_tree):
    items = example_tree.xpath("//ol[@class='weaknesses']/li")
    assert len(items) == 5
    assert items[2].text_content().startswith("The current arrangements for the DCO")


def test_yaml_text_is_escaped(make_plan):
    plan_text = MINI_PLAN.replace("title: Testshire SEND Written Statement of Action", 'title: "<script>alert(1)</script> & co"')
    ws = MINI_WORKSTREAM.replace("text: Coproduce the strategy.", "text: 'Raw <b onclick=x>html</b>'")
    folder = make_plan(plan=plan_text, workstreams={"1.yaml": ws})
    plan, _ = read_plan(folder)
    out = render_html(plan, "wsoa", AS_AT, folder)
    assert "<script>alert" not in out and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in out
    assert "<b onclick" not in out and "&lt;b onclick=x&gt;" in out


def test_contrast_of_status_text():
    assert text_on("#1d70b8") == "#ffffff"
    assert text_on("#ffdd00") == "#0b0c0c"
    assert text_on("#f47738") == "#0b0c0c"  # white on GOV.UK orange fails 4.5:1


def test_house_style_from_the_plan_folder(make_plan):
    folder = make_plan(plan=MINI_PLAN + "house_style: testshire\n")
    (folder / "templates" / "testshire").mkdir(parents=True)
    (folder / "templates" / "testshire" / "wsoa.html.j2").write_text(
        '{% extends "base.html.j2" %}{% block body %}<main><h1>House style for {{ plan.local_area }}</h1></main>{% endblock %}')
    plan, _ = read_plan(folder)
    out = render_html(plan, "wsoa", AS_AT, folder)
    assert "<h1>House style for Testshire</h1>" in out and "<style>" in out  # base.html.j2 from default


def test_percentage_and_own_word_schemes_render_their_words(make_plan):
    plan_text = MINI_PLAN + "status_scheme:\n  name: Per cent complete\n  percent: true\n"
    folder = make_plan(plan=plan_text, workstreams={"1.yaml": MINI_WORKSTREAM.replace("status: Blue", "status: 75%")})
    plan, _ = read_plan(folder)
    tree = lxml_html.fromstring(render_html(plan, "wsoa", AS_AT, folder))
    cells = tree.xpath("//table[contains(@class,'actions')]//td[contains(@class,'status')]")
    assert [" ".join(c.text_content().split()) for c in cells] == ["75%Nov 2019", ""]  # status, line break, date
    assert cells[0].get("style") == "background-color:#5694ca;color:#0b0c0c"  # the colour its bar has in the chart
    assert "Per cent complete + date" in tree.xpath("//table[contains(@class,'actions')]//thead")[0].text_content()


def test_the_status_picture_is_given_not_worked_out_again(make_plan, monkeypatch):
    plan, _ = read_plan(make_plan())
    picture = status.summary(plan, AS_AT)
    monkeypatch.setattr(html.status, "summary", lambda *a: pytest.fail("the document worked out the status picture again"))
    tree = lxml_html.fromstring(render_html(plan, "wsoa", AS_AT, summary=picture))
    glance = " ".join(tree.xpath("//section[@aria-labelledby='summary']/p")[0].text_content().split())
    assert glance == ("This plan has 1 workstream, 1 outcome, 1 action and 2 milestones. "
                      "1 of 2 milestones is complete and 0 are overdue, as at 15 November 2019.")
    with pytest.raises(ValueError, match="as at 2019-11-15"):
        render_html(plan, "wsoa", date(2020, 1, 1), summary=picture)
