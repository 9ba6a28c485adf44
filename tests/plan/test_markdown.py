"""Markdown in plan text: rendered without raw HTML; images and unsafe links refused at their place."""

from conftest import MINI_WORKSTREAM
from wsoagen.plan.markdown import problems, to_html


def test_raw_html_is_text():
    assert to_html("a <script>x</script> **b**") == "<p>a &lt;script&gt;x&lt;/script&gt; <strong>b</strong></p>"


def test_lists_and_links():
    assert to_html("- one\n- [two](https://example.org)") == '<ul>\n<li>one</li>\n<li><a href="https://example.org">two</a></li>\n</ul>'


def test_problems():
    assert problems("See [the offer](https://example.org) or mail [us](mailto:a@b.org).") == []
    assert problems("![chart](http://evil.example/x.png)") == [
        'images are not allowed in plan text ("http://evil.example/x.png"): charts come from metrics']
    assert problems("[secrets](file:///etc/passwd)") == ['links may only go to http(s) or mailto addresses, not "file:///etc/passwd"']


def test_unsafe_text_is_an_error_at_its_place(make_plan, cli):
    ws = MINI_WORKSTREAM.replace("text: Coproduce the strategy.", "text: See ![x](http://127.0.0.1:9/x.png) and [y](file:///etc/passwd)")
    folder = make_plan(workstreams={"1.yaml": ws})
    code, _, err = cli("validate", folder)
    assert code == 1
    assert (f'{folder}/workstreams/1.yaml:14:15: error: "text": images are not allowed in plan text ("http://127.0.0.1:9/x.png"): '
            'charts come from metrics; links may only go to http(s) or mailto addresses, not "file:///etc/passwd" [markdown]\n') in err


HOSTILE = [
    '<a href="javascript:alert(1)">click</a>',
    '[t](http://a.example "t\\" onmouseover=\\"alert(1)")',
    "[t](http://a.example 't\\' onmouseover=alert(1)')",
    "<javascript:alert(2)>",
    "[f](ftp://files.example/x)",
    "[r](relative/page.html)",
    "[p](//evil.example/x)",
    "[t](tel:0123)",
    "[j](&#106;avascript:alert(3))",
    "[r][ref]\n\n[ref]: vbscript:x",
]


def test_only_http_https_and_mailto_links_survive_and_nothing_breaks_out_of_an_attribute():
    from lxml import html as lxml_html

    for text in HOSTILE:
        out = str(to_html(text))
        for a in lxml_html.fragment_fromstring(out, create_parent="div").iter("a"):
            assert set(a.attrib) == {"href"}, (text, out)
            assert a.get("href").lower().startswith(("http://", "https://", "mailto:", "#")), (text, out)
    assert to_html('[t](http://a.example "a \\" b")') == '<p><a href="http://a.example">t</a></p>'
    for kept in ("[w](https://example.org/a?b=1&c=2)", "[m](mailto:send@example.org)", "[s](#summary)", "<HTTP://example.org>"):
        assert "<a href=" in to_html(kept), kept


def test_raw_links_and_scripts_are_reported():
    assert problems('<a href="javascript:alert(1)">click</a>') == ["HTML tags are shown as text, not rendered: write Markdown instead"]
    assert problems("before <script>alert(1)</script> after") == ["HTML tags are shown as text, not rendered: write Markdown instead"]
    assert problems("fewer than <5 days, a < b") == []
