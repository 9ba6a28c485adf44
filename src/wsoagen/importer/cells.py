"""What an action cell and a milestone cell hold besides the words of the action or milestone.

In: a cell's text as word_blocks gives it (paragraphs separated by a blank line, list items by a
newline) and a function giving a person's id from "Name (role)". Out: the action's or
milestone's fields: `text`, and where the cell has them (as councils add them under the action,
and as wsoagen writes them): `due`, `lead`, `officers`, `sro`, `accountable`,
`success_criteria`, `updates` (each `date`, `text`, and `status` words when given), and the
labelled paragraphs no field takes, as `(label, text)` pairs for the caller to report.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from wsoagen.plan.dates import parse_when

PEOPLE_LABELS = {"lead": "lead", "action lead": "lead", "responsible officer": "officers", "responsible officers": "officers",
                 "senior responsible officer": "sro", "sro": "sro", "accountable": "accountable", "accountable officer": "accountable"}
LABELLED = re.compile(r"^([A-Z][A-Za-z ()/'-]{1,40}):\s+(.+)$", re.S)
DATED = re.compile(r"^([^:\n]{3,80}):\s+(.+)$", re.S)  # "January 2024 (Ann Other), Green: words"
HEADINGS = {"success criteria", "progress updates", "updates", "progress"}


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def date_label(label: str) -> tuple[str, str | None, str | None] | None:
    """"January 2020 (Toni Bailey), Green" -> (date, by, status words), if it starts with a date."""
    m = re.match(r"^(.+?)(?:\s+\(([^)]*)\))?(?:,\s*(.+))?$", label)
    if not m:
        return None
    try:
        parse_when(m.group(1))
    except ValueError:
        return None
    return m.group(1), m.group(2), m.group(3)


def action_cell(text: str, person: Callable[[str], str]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    out: dict[str, Any] = {}
    words: list[str] = []
    other: list[tuple[str, str]] = []
    section = ""
    for para in _paragraphs(text):
        lower = para.lower().rstrip(":")
        if lower in HEADINGS:
            section = "criteria" if lower == "success criteria" else "updates"
            continue
        m = LABELLED.match(para)
        if section == "criteria":
            out.setdefault("success_criteria", []).extend(re.sub(r"^\s*[-•*]\s*", "", line).strip() for line in para.splitlines())
        elif section == "updates" and (d := DATED.match(para)) and (when := date_label(d.group(1))):
            update = {"date": when[0], "text": d.group(2).strip()}
            if when[2]:
                update["status"] = when[2].strip()
            out.setdefault("updates", []).append(update)
        elif m and m.group(1).lower() in PEOPLE_LABELS:
            key = PEOPLE_LABELS[m.group(1).lower()]
            ids = [person(p.strip()) for p in m.group(2).split(";") if p.strip()]
            out[key] = ids if key == "officers" else ids[0]
        elif m and m.group(1).lower() in ("due", "due date"):
            out["due"] = m.group(2).strip()
        elif m and words:
            other.append((m.group(1), m.group(2).strip()))
        else:
            words.append(para)
    out["text"] = "\n\n".join(words)
    return out, other


def milestone_cell(text: str) -> dict[str, Any]:
    """The milestone's words, and the dated updates under them ("January 2020: ...")."""
    paras = _paragraphs(text)
    out: dict[str, Any] = {"text": paras[0] if paras else ""}
    for para in paras[1:]:
        m = DATED.match(para)
        if m and (when := date_label(m.group(1))):
            out.setdefault("updates", []).append({"date": when[0], "text": m.group(2).strip()})
        else:
            out["text"] = f"{out['text']}\n\n{para}"
    return out
