"""An area's actions written as records: blocks of labelled paragraphs, as councils publish plans
on web pages and as wsoagen's record layout prints them.

In: the body paragraphs of one area after the inspectors' words, in order. Out: the area's
actions (`text` from the paragraph labelled with an action label such as "What we will do", the
other labels as the plan's own `fields`), the area's dated updates ("Progress on
recommendation 1", then a date and the words), the own-field labels met (in order, with whether
they came before the action's words), and the paragraphs no record takes.

A record is a run of labelled paragraphs ("Label: words", or "Label" alone with the paragraphs
under it); a label met again starts the next record. Lists under a label stay Markdown lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from wsoagen.importer.cells import date_label
from wsoagen.importer.word_blocks import Para

ACTION_LABELS = ("what we will do", "what we are going to do", "action", "actions", "implementation", "how we will do it")
LABEL = re.compile(r"^([A-Z][A-Za-z ,()/'’-]{1,60}?):\s+(.+)$", re.S)
ALONE = re.compile(r"^[A-Z][A-Za-z ,()/'’-]{1,60}$")  # a label on its own line: its words follow
PROGRESS = re.compile(r"^Progress on (.+)$")


@dataclass
class Records:
    actions: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    labels: dict[str, bool] = field(default_factory=dict)  # own-field label -> printed before the action's words
    action_label: str | None = None
    left_out: list[Para] = field(default_factory=list)


def read_records(paras: list[Para]) -> Records:
    out = Records()
    fields: list[tuple[str, list[Para]]] = []  # the record being read: (label, its paragraphs)
    updating: list[Para] | None = None  # under "Progress on ...": the updates' paragraphs

    def close() -> None:
        if fields:
            _record(fields, out)
            fields.clear()

    for p in paras:
        text = p.text.strip()
        if PROGRESS.match(text) and p.style != "List Bullet":
            close()
            updating = []
            continue
        if updating is not None:
            updating.append(p)
            continue
        m = LABEL.match(text)
        label = m.group(1) if m else (text if ALONE.match(text) and len(text.split()) <= 8 and not text.endswith(".") else None)
        if label is not None and p.style == "Normal":
            if any(existing == label for existing, _ in fields):
                close()
            fields.append((label, [Para(p.style, p.level, m.group(2), p.index)] if m else []))
        elif fields:
            fields[-1][1].append(p)
        else:
            out.left_out.append(p)
    close()
    if updating:
        out.updates = _updates(updating, out)
    return out


def _markdown(paras: list[Para]) -> str:
    parts: list[str] = []
    for p in paras:
        bullet = "- " if "Bullet" in p.style else ("1. " if "Number" in p.style else "")
        if parts:
            parts.append("\n" if bullet and parts[-1].lstrip().startswith(("- ", "1. ")) else "\n\n")
        parts.append(bullet + p.text.strip())
    return "".join(parts).strip()


def _record(fields: list[tuple[str, list[Para]]], out: Records) -> None:
    action: dict[str, Any] = {"text": "", "fields": {}}
    seen_action = False
    for label, paras in fields:
        words = _markdown(paras)
        if label.lower() in ACTION_LABELS and not seen_action:
            action["text"], seen_action = words, True
            out.action_label = out.action_label or label
        else:
            action["fields"][label] = words
            out.labels.setdefault(label, not seen_action)
    if not action["fields"]:
        del action["fields"]
    out.actions.append(action)


def _updates(paras: list[Para], out: Records) -> list[dict[str, Any]]:
    """Dated updates: "October 2025: words", or "October 2025" alone with the paragraphs under it."""
    updates: list[dict[str, Any]] = []
    for p in paras:
        text = p.text.strip()
        m = re.match(r"^([^:\n]{3,60}):\s+(.+)$", text, re.S)
        if p.style == "Normal" and (when := date_label(text)) and len(text) < 60:
            updates.append({"date": when[0], "paras": []})
        elif p.style == "Normal" and m and (when := date_label(m.group(1))):
            updates.append({"date": when[0], "paras": [Para(p.style, p.level, m.group(2), p.index)]})
        elif updates:
            updates[-1]["paras"].append(p)
        else:
            out.left_out.append(p)
    return [{"date": u["date"], "text": _markdown(u["paras"])} for u in updates if u["paras"]]
