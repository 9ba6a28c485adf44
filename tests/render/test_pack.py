"""pack: appendices attached into a report, and the board pack a clerk circulates: front sheet
(meeting, date, time, venue; items numbered and marked public or exempt), a contents page with
every item and appendix, ONE key to the status and resource columns, ids unique."""

from __future__ import annotations

from collections import Counter
from datetime import date

from lxml import html as lxml_html
from pypdf import PdfReader

from wsoagen.render.pack import Meeting, Part, attach, combine, embed

KEY = '<section class="keys" aria-labelledby="keys"><h3 id="keys">How to read</h3><p>Blue means complete.</p></section>'


def doc(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{title}</title>'
            f'<style>p {{ color: black; }}</style></head><body><header class="cover"><h1 class="title" id="top">{title}</h1>'
            f"</header><main>{body}</main></body></html>")


REPORT = doc("Progress report", f'<section><h2 id="s-status">Status</h2>{KEY}<p>See <a href="#keys">the key</a>.</p></section>'
                                '<section id="appendix-a" data-appendix="Appendix A: action tracker"><h2>Appendix A</h2></section>')
WSOA = doc("The plan", '<nav><a href="#keys">How to read</a></nav><section aria-labelledby="keys">'
                       '<h2 id="keys">How to read the action tables</h2><p>Again.</p></section>')


def words(el) -> str:
    return " ".join(" ".join(el.itertext()).split())


def text(html: str) -> str:
    return words(lxml_html.fromstring(html).find("body"))


def pack(exempt: bool = False, **meeting: object) -> str:
    m = Meeting("Health and Wellbeing Board", "Testshire", date(2020, 3, 10), **meeting)
    return combine(m, [Part("Progress report", REPORT, exempt=exempt), Part("The plan", WSOA)], "2020-03-02T00:00:00Z")


def test_front_sheet_gives_the_meeting_and_its_items():
    page = lxml_html.fromstring(pack(time="1.00 pm", venue="Town Hall"))
    front = words(page.xpath("//header[contains(@class, 'pack-cover')]")[0])
    assert front == ("Testshire Health and Wellbeing Board Board pack for the meeting on Tuesday 10 March 2020 "
                     "The meeting Meeting Health and Wellbeing Board Date Tuesday 10 March 2020 Time 1.00 pm Venue Town Hall "
                     "Items: 2 items, all public Item Title Public or exempt 1 Progress report Public 2 The plan Public")
    without = text(pack())  # no time or venue given: no empty rows
    assert "Time" not in without.split("Items:")[0] and "Venue" not in without.split("Items:")[0]


def test_each_item_is_numbered_and_marked_public_or_exempt():
    page = lxml_html.fromstring(pack(exempt=True))
    assert [" ".join(p.text_content().split()) for p in page.xpath("//p[contains(@class, 'pack-item')]")] == [
        "Item 1 · Exempt: not for publication", "Item 2 · Public"]
    assert "Items: 2 items, 1 exempt" in text(pack(exempt=True))


def test_contents_list_every_item_and_appendix():
    page = lxml_html.fromstring(pack())
    entries = [(" ".join(a.text_content().split()), a.get("href")) for a in page.xpath("//nav[contains(@class, 'pack-contents')]//a")]
    assert entries == [
        ("How to read the status and resource columns", "#pack-keys"),
        ("Item 1: Progress report (Public)", "#part1-top"),
        ("Appendix A: action tracker", "#part1-appendix-a"),
        ("Item 2: The plan (Public)", "#part2-top"),
    ]


def test_one_key_for_the_whole_pack_and_links_lead_to_it():
    html = pack()
    page = lxml_html.fromstring(html)
    assert text(html).count("How to read") == 2 + 1  # the contents line, the key's heading, and the WSOA's own link text
    assert [h.text_content() for h in page.iter("h2", "h3") if "How to read" in h.text_content()] == [
        "How to read the status and resource columns"]
    assert "Blue means complete." in text(html) and "Again." not in text(html)
    assert sorted({a.get("href") for a in page.iter("a") if "keys" in a.get("href", "")}) == ["#pack-keys"]
    ids = Counter(el.get("id") for el in page.iter() if isinstance(el.tag, str) and el.get("id"))
    assert [i for i, n in ids.items() if n > 1] == []
    hrefs = {a.get("href")[1:] for a in page.iter("a") if a.get("href", "").startswith("#")}
    assert hrefs <= set(ids)  # every internal link has its target


def test_embed_and_attach_put_a_document_inside_a_report():
    tracker = doc("Recommendations tracker", '<section aria-labelledby="r"><h2 id="r">Recommendations</h2><p>Ongoing.</p></section>')
    fragment = embed(tracker, "appendix-b-")
    assert fragment.startswith('<section aria-labelledby="appendix-b-r"><h3 id="appendix-b-r">Recommendations</h3>')
    assert "Recommendations tracker" not in fragment  # its cover is left out
    report = doc("Report", '<section id="appendix-b"><h2>Appendix B: Recommendations tracker</h2><div data-attach="B"></div></section>')
    done = lxml_html.fromstring(attach(report, {"B": fragment}))
    (section,) = done.xpath("//section[@id='appendix-b']")
    assert [el.tag for el in section] == ["h2", "section"] and not done.xpath("//div[@data-attach]")
    assert attach(report, {}) == report


def test_the_example_packs(example_build):
    for name, items in (("2020-01-21-send-executive-board", 3), ("2020-03-10-health-and-wellbeing-board", 2)):
        reader = PdfReader(str(example_build / f"board-pack-{name}.pdf"))
        pages = [" ".join(p.extract_text().split()) for p in reader.pages]
        assert "Items: " + f"{items} items, all public" in pages[0]
        contents = pages[1]
        assert "Appendix A: action tracker as at" in contents
        # One explanation of the keys in the whole pack
        assert sum("How to read the status and resource columns Each milestone shows its BRAG status" in t for t in pages) == 1
        assert not any("How to read the status tables" in t or "How to read the action tables Each milestone" in t for t in pages)
        # Each item starts on the page the contents give
        for n in range(1, items + 1):
            start = next(i for i, t in enumerate(pages) if t.startswith(f"Item {n} ·") or f" Item {n} · " in t[:200]) + 1
            line = next(part for part in contents.split("Item ")[1:] if part.startswith(f"{n}:"))
            assert line.split("(Public)")[1].strip(" .").split(" ")[0] == str(start), (name, n)
    march = [" ".join(p.extract_text().split()) for p in PdfReader(str(example_build / "board-pack-2020-03-10-health-and-wellbeing-board.pdf")).pages]
    assert "Time 1.00 pm Venue Council Chamber, Town Hall, Bridge Street, Peterborough" in march[0]
    assert "Appendix B: Recommendations tracker" in march[1]
