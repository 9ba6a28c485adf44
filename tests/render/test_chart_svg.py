"""Reading a chart's SVG as a reader sees it: where each piece of text lands, what the axes hold.

The chart tests import these helpers: `texts` (every <text>, its lines and its box in the
SVG's own coordinates, measured in the document font), `faults` (text outside the viewBox,
overlapping other text or a mark), `axis` (an axis's range as Vega states it and its tick labels),
`points` and `distinct` (where the chart's symbols are, how many a reader can tell apart).
`workstream` writes a small workstream file for `make_plan`. The tests here check the helpers on a known SVG.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass

from lxml import etree

from wsoagen.render.charts.text import width

SVG = "{http://www.w3.org/2000/svg}"
ASCENT, DESCENT = 0.905, 0.212  # Liberation Sans, per em
Matrix = tuple[float, float, float, float, float, float]  # a b c d e f, as SVG's matrix()
IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)


def _times(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2, a * e2 + c * f2 + e, b * e2 + d * f2 + f)


def _transform(attr: str | None) -> Matrix:
    """The matrix of an SVG transform attribute (translate, rotate, scale: what Vega writes)."""
    m = IDENTITY
    for name, args in re.findall(r"(\w+)\(([^)]*)\)", attr or ""):
        v = [float(x) for x in re.split(r"[\s,]+", args.strip()) if x]
        if name == "translate":
            step: Matrix = (1, 0, 0, 1, v[0], v[1] if len(v) > 1 else 0)
        elif name == "rotate":
            r = math.radians(v[0])
            step = (math.cos(r), math.sin(r), -math.sin(r), math.cos(r), 0, 0)
        elif name == "scale":
            step = (v[0], 0, 0, v[1] if len(v) > 1 else v[0], 0, 0)
        else:
            raise AssertionError(f"transform {name} not handled")
        m = _times(m, step)
    return m


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


@dataclass(frozen=True)
class Text:
    lines: list[str]
    box: tuple[float, float, float, float]  # x0, y0, x1, y1
    classes: str  # the class of the group holding it: "mark-text role-axis-label", ...

    @property
    def words(self) -> str:
        return " ".join(self.lines)


def view_box(svg: str) -> tuple[float, float]:
    root = etree.fromstring(svg.encode())
    _, _, w, h = (float(v) for v in root.get("viewBox").split())
    return w, h


def _box(el: etree._Element, m: Matrix) -> tuple[list[str], tuple[float, float, float, float]]:
    size = float(el.get("font-size", "11px").rstrip("px"))
    bold = el.get("font-weight") == "bold"
    spans = el.findall(f"{SVG}tspan")
    lines = [(s.text or "", float(s.get("dy", "0"))) for s in spans] if spans else [(el.text or "", 0.0)]
    anchor = {"start": 0.0, "middle": 0.5, "end": 1.0}[el.get("text-anchor", "start")]
    corners, y = [], 0.0
    for words, dy in lines:
        y += dy
        w = width(words, size, bold)
        x0 = -anchor * w
        for cx, cy in ((x0, y - ASCENT * size), (x0 + w, y - ASCENT * size), (x0, y + DESCENT * size), (x0 + w, y + DESCENT * size)):
            corners.append(_apply(m, cx, cy))
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return [words for words, _ in lines], (min(xs), min(ys), max(xs), max(ys))


def texts(svg: str) -> list[Text]:
    """Every non-empty <text> of the SVG with its box, in document order."""
    found: list[Text] = []

    def walk(el: etree._Element, m: Matrix, classes: str) -> None:
        m = _times(m, _transform(el.get("transform")))
        if el.tag == f"{SVG}text":
            lines, box = _box(el, m)
            if any(line.strip() for line in lines):
                found.append(Text(lines, box, classes))
            return
        for child in el:
            walk(child, m, el.get("class") or classes)

    walk(etree.fromstring(svg.encode()), IDENTITY, "")
    return found


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float], slack: float = 1.0) -> bool:
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


def faults(svg: str) -> list[str]:
    """Text a reader could not read whole: outside the viewBox (clipped), on top of other text or of a mark."""
    w, h = view_box(svg)
    found = []
    items = texts(svg)
    for t in items:
        x0, y0, x1, y1 = t.box
        if x0 < -0.5 or y0 < -0.5 or x1 > w + 0.5 or y1 > h + 0.5:
            found.append(f"clipped: {t.words!r} at {tuple(round(v, 1) for v in t.box)} outside 0 0 {w:g} {h:g}")
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if _overlap(a.box, b.box):
                found.append(f"overlap: {a.words!r} and {b.words!r}")
        for box in symbols(svg):
            if _overlap(a.box, box):
                found.append(f"on a mark: {a.words!r} over the mark at {tuple(round(v, 1) for v in box)}")
    return found


def axis(svg: str, which: str) -> tuple[float, float, list[str]]:
    """The range of the "X" or "Y" axis as Vega states it, and its tick labels in order."""
    root = etree.fromstring(svg.encode())
    for group in root.iter(f"{SVG}g"):
        label = group.get("aria-label") or ""
        if label.startswith(f"{which}-axis"):
            lo, hi = re.search(r"values from (-?[\d,.]+) to (-?[\d,.]+)", label).groups()
            ticks = [" ".join(t.itertext()) for g in group.iter(f"{SVG}g") if "role-axis-label" in (g.get("class") or "")
                     for t in g.iter(f"{SVG}text")]
            return float(lo.replace(",", "")), float(hi.replace(",", "")), ticks
    raise AssertionError(f"no {which} axis in the SVG")


def _reach(d: str) -> float:
    """How far a symbol's path reaches from its centre (the path commands Vega's symbols use)."""
    x = y = reach = 0.0
    for cmd, args in re.findall(r"([MLHVAZmlhvz])([^MLHVAZmlhvz]*)", d):
        v = [float(a) for a in re.findall(r"-?\d*\.?\d+(?:e-?\d+)?", args)]
        if cmd in "ML" and len(v) >= 2:
            x, y = v[-2], v[-1]
        elif cmd == "A" and len(v) >= 7:
            x, y = v[-2], v[-1]
            reach = max(reach, abs(v[0]))  # an arc's radius: the circle reaches that far
        elif cmd in "ml" and len(v) >= 2:
            x, y = x + v[-2], y + v[-1]
        elif cmd in "Hh" and v:
            x = v[-1] if cmd == "H" else x + v[-1]
        elif cmd in "Vv" and v:
            y = v[-1] if cmd == "V" else y + v[-1]
        reach = max(reach, abs(x), abs(y))
    return reach


def symbols(svg: str) -> list[tuple[float, float, float, float]]:
    """The box of each symbol of the chart's own layers (legend symbols left out), in SVG coordinates."""
    found: list[tuple[float, float, float, float]] = []

    def walk(el: etree._Element, m: Matrix, classes: str) -> None:
        m = _times(m, _transform(el.get("transform")))
        if el.tag == f"{SVG}path" and "mark-symbol role-mark" in classes:
            reach = _reach(el.get("d") or "")
            (x0, y0), (x1, y1) = _apply(m, -reach, -reach), _apply(m, reach, reach)
            found.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
        for child in el:
            walk(child, m, el.get("class") or classes)

    walk(etree.fromstring(svg.encode()), IDENTITY, "")
    return found


def points(svg: str) -> list[tuple[float, float]]:
    """Where each symbol of the chart's own layers is drawn: the centre of its box."""
    return [((x0 + x1) / 2, (y0 + y1) / 2) for x0, y0, x1, y1 in symbols(svg)]


def distinct(positions: list[tuple[float, float]], within: float = 2.0) -> int:
    """How many of the positions a reader can tell apart: those not within `within` px of an earlier one."""
    seen: list[tuple[float, float]] = []
    for x, y in positions:
        if all(abs(x - a) >= within or abs(y - b) >= within for a, b in seen):
            seen.append((x, y))
    return len(seen)


def workstream(number: int, title: str, milestones: list[tuple[str | None, str | None]]) -> str:
    """A workstream file for `make_plan` (MINI_PLAN's people): one action with these (deadline, status) milestones."""
    lines = [f"number: {number}", f"title: {json.dumps(title)}", "sponsors: [ann-smith]", "weakness: Joint planning is weak.",
             "outcomes:", f'  - ref: "{number}.1"', "    text: An outcome.", "    impact:", "      - Increase from 39% to 50% by April 2021",
             "    actions:", f"      - ref: {number}.1a", "        text: Do it.", "        resource: ER", "        lead: ann-smith",
             "        milestones:"]
    for i, (deadline, status) in enumerate(milestones, start=1):
        lines.append(f"          - text: Step {i}")
        lines += [f"            deadline: {deadline}"] if deadline else []
        lines += [f"            status: {status}"] if status else []
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the helpers themselves

KNOWN = """<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50">
<g transform="translate(10,20)"><g class="mark-text role-axis-label">
<text text-anchor="end" transform="translate(0,0)" font-size="10px">Wide label</text>
<text text-anchor="start" transform="translate(5,15)" font-size="10px"><tspan>one</tspan><tspan x="0" dy="12">two</tspan></text>
<text text-anchor="middle" transform="translate(40,5) rotate(-90)" font-size="10px">upwards</text>
</g></g></svg>"""


def test_text_boxes_follow_anchor_transform_and_lines():
    wide, lines, up = texts(KNOWN)
    assert wide.box[2] == 10 and wide.box[0] < 0 and wide.classes == "mark-text role-axis-label"
    assert lines.lines == ["one", "two"] and lines.box[3] > 20 + 15 + 12  # the second line is below the first
    assert up.box[3] - up.box[1] > up.box[2] - up.box[0]  # rotated: taller than wide


def test_faults_finds_clipped_text_only():
    found = faults(KNOWN)
    assert len(found) == 1 and found[0].startswith("clipped: 'Wide label'")


def test_points_and_distinct_positions():
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g class="mark-symbol role-mark layer_0_marks">'
           '<path transform="translate(1,1)" d="M1,0A1,1,0,1,1,-1,0A1,1,0,1,1,1,0"/><path transform="translate(1.5,1)"/>'
           '<path transform="translate(5,1)"/></g><g class="mark-symbol role-legend-symbol"><path transform="translate(8,8)"/></g></svg>')
    assert symbols(svg)[0] == (0, 0, 2, 2)
    assert points(svg) == [(1, 1), (1.5, 1), (5, 1)]
    assert distinct(points(svg)) == 2
