"""Shared by the DOCX writer's tests: pages to render, and ways to read the .docx back."""

from __future__ import annotations

import base64
import io
import re

import docx
from docx.oxml.ns import qn
from lxml import etree
from PIL import Image

from conftest import ROOT
from wsoagen.render.docx import html_to_docx

REFERENCE = ROOT / "src" / "wsoagen" / "templates" / "default" / "reference.docx"
A4_TEXT_WIDTH_EMU = (11906 - 2 * 1134) * 635


def page(body: str, head: str = "", lang: str = "en-GB") -> str:
    return f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


def render(body: str, head: str = "") -> bytes:
    return html_to_docx(page(body, head), REFERENCE)


def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def open_body(body: str, head: str = "") -> docx.document.Document:
    return read(render(body, head))


def png_uri(width: int = 40, height: int = 20, colour=(29, 112, 184)) -> str:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


def styles(doc) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in doc.paragraphs]


def xml_of(el) -> str:
    """An element's XML on one line, without namespace declarations, to compare whole."""
    return re.sub(r' xmlns:\w+="[^"]*"', "", etree.tostring(el, encoding=str))


def tc_grid(table) -> list[list[dict]]:
    """Each w:tc as {text, span, vmerge, fill} per row, straight from the XML."""
    rows = []
    for tr in table._tbl.tr_lst:
        row = []
        for tc in tr.tc_lst:
            span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            vmerge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            shd = tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
            row.append({
                "text": "\n".join("".join(t.text for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))),
                "span": int(span.get(qn("w:val"))) if span is not None else 1,
                "vmerge": None if vmerge is None else vmerge.get(qn("w:val"), "continue"),
                "fill": shd.get(qn("w:fill")) if shd is not None else None,
            })
        rows.append(row)
    return rows


STATUS_TABLE = """
<table class="actions">
  <caption>Workstream 1 action plan</caption>
  <colgroup><col style="width: 40%"><col style="width: 20%"><col style="width: 40%"></colgroup>
  <thead><tr><th>Outcome</th><th colspan="2">Actions and status</th></tr></thead>
  <tbody>
    <tr><td rowspan="2"><p><strong>1.1</strong></p><p>A strategy</p></td><th>1.1a</th>
        <td class="status" style="background-color:#ffbf47; color:#0b0c0c"><strong>Amber</strong><br>Nov 2019</td></tr>
    <tr><th>1.1b</th><td><ul><li>one</li><li>two</li></ul></td></tr>
  </tbody>
  <tbody><tr><td data-merge="up"></td><th>1.1c</th><td>Third</td></tr></tbody>
  <tbody><tr><td colspan="3">A note across the table</td></tr></tbody>
</table>
"""


def wsoa_table(milestones: int, actions: int = 5, per_action: int = 5) -> str:
    """A WSOA-like action table: 7 columns, outcomes span actions, actions span milestones."""
    rows, n, outcome = [], 0, 0
    while n < milestones:
        outcome += 1
        for a in range(1, actions + 1):
            for m in range(1, per_action + 1):
                cells = ""
                if m == 1:
                    if a == 1:
                        cells += f'<td rowspan="{actions * per_action}"><p><strong>{outcome}</strong></p><p>Outcome {outcome}</p></td>'
                    cells += f'<th rowspan="{per_action}">{outcome}.{a}</th><td rowspan="{per_action}">Action {outcome}.{a}</td>'
                cells += (f"<td>ER</td><td>Milestone {n}</td><td>Nov 2019</td>"
                          '<td style="background-color:#00703c;color:#ffffff"><strong>Green</strong><br>1 Nov</td>')
                rows.append(f"<tr>{cells}</tr>")
                n += 1
    head = "<thead><tr>" + "".join(f"<th>H{i}</th>" for i in range(7)) + "</tr></thead>"
    return f"<table><caption>Actions</caption>{head}<tbody>{''.join(rows)}</tbody></table>"
