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
