"""A Word WSOA read into the plan's files: plan.yaml's tree and one tree per workstream.

In: the blocks of a .docx (word_blocks). Out: `Imported`: `plan` (title, local area, published,
version, inspection dates, foreword, boards, status scheme, resource flags, people), the
`workstreams` (number, title, sponsors, delivery partners, weakness, outcomes from
action_table) and `skipped`: everything that could not be placed, with where it is.

What it recognises, as councils write it (seed 003) and as wsoagen writes it: the title; a
"Version"/"Published" cover table; the "Foreword" and the inspection dates in the
"Introduction"; a status key (a table captioned or headed "key" whose first cells are status
labels, shaded in their colours) and a resource key (codes such as AR/ER); a boards table;
workstream headings ("Workstream 1: ..."; also "Area for priority action 1", "Priority 2")
with "Senior accountable sponsor(s):" and "Delivery partners:" lines, the inspectors' words
after "area of weakness", and the action tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from wsoagen.importer.action_table import Key, Skipped, TableReader, header_columns
from wsoagen.importer.records import read_records
from wsoagen.importer.word_blocks import Block, Grid, Para

AREA = re.compile(r"^(?i:Workstream|Area of (?:significant )?weakness|Area for (?:priority action|improvement)|Priority|Recommendation)"
                  r"\s+(\d{1,2}|[A-Z])(?:\s*[:.\-–—]\s*(.+))?$")
SPONSOR = re.compile(r"^Senior\s+accountable\s+(?:sponsor|officer)s?\s*:\s*(.*)$", re.I | re.S)
PARTNERS = re.compile(r"^Delivery\s+partners?\s*:\s*(.*)$", re.I | re.S)
WEAKNESS_LEAD = re.compile(r"^(?:significant\s+)?area\s+of\s+(?:significant\s+)?weakness.*?:\s*(.*)$", re.I | re.S)
SAID = re.compile(r"^(?:Ofsted\s+and\s+(?:the\s+)?CQC\s+said\s*:?\s*)", re.I)
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
INSPECTED = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})(?:\s+(\d{{4}}))?\s+and\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\s+(\d{{4}})")
PARTNER = re.compile(r"(?:^|;\s*)a statutory partner of the local area$", re.I)
DEFAULT_FILLS = {"1D70B8": "blue", "00703C": "green", "FFDD00": "amber", "F47738": "amber", "D4351C": "red"}
NOT_A_PERSON = re.compile(r"\b(board|group|members?|representatives?|forum|team|service|services|officer|lead|"
                          r"tbc|pending|school|college|council|voice|nhs|trust|partnership|x\s*\d)\b", re.I)


@dataclass
class Imported:
    plan: dict[str, Any] = field(default_factory=dict)
    workstreams: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[Skipped | tuple[int, str]] = field(default_factory=list)  # table notes, or (paragraph, message)


def interpret(blocks: list[Block]) -> Imported:
    walk = _Walk(_status_key(blocks))
    walk.out.plan.update(walk.key_plan)
    walk.organisations = _organisations(blocks)  # read first: delivery partners name them
    for block in blocks:
        if isinstance(block, Para):
            walk.para(block)
        else:
            walk.grid(block)
    walk.finish()
    if walk.foreword:
        walk.out.plan["foreword"] = _foreword(walk.foreword, walk.people)
    _people_table(blocks, walk.people, walk.organisations)
    if walk.own_fields:  # the plan was written as records
        walk.out.plan["layout"] = "record"
        if walk.action_label and walk.action_label != "What we will do":
            walk.out.plan["action_label"] = walk.action_label
        walk.out.plan["own_fields"] = [{"label": label, **({"before": True} if before else {})}
                                       for label, before in walk.own_fields.items()]
    if kind := _kind(walk.out.plan.get("title", "") + " " + walk.subtitle):
        walk.out.plan["kind"] = kind
    walk.out.plan["people"] = list(walk.people.values())
    if walk.organisations:
        walk.out.plan["organisations"] = list(walk.organisations.values())
    return walk.out


class _Walk:
    """The state of one pass over the document: which section and workstream it is in."""

    def __init__(self, key_and_plan: tuple[Key, dict[str, Any]]):
        self.key, self.key_plan = key_and_plan
        self.out = Imported()
        self.people: dict[str, dict[str, Any]] = {}
        self.organisations: dict[str, dict[str, Any]] = {}  # by name
        self.loose: list[Para] = []  # the current area's paragraphs that are not its preamble
        self.own_fields: dict[str, bool] = {}  # record labels other than the action's: printed before it?
        self.action_label: str | None = None
        self.area_word = "workstream"
        self.subtitle = ""
        self.section = ""
        self.workstream: dict[str, Any] | None = None
        self.reader: TableReader | None = None
        self.expecting_weakness = False
        self.foreword: list[str] = []

    def finish(self) -> None:
        ws, reader = self.workstream, self.reader
        if ws is not None and reader is not None:
            ws["outcomes"], ws["actions"] = reader.outcomes, reader.actions
            self.out.skipped.extend(reader.skipped)
            loose = self.loose
            if self.loose and not reader.outcomes and not reader.actions:  # no action table: records?
                found = read_records(self.loose)
                ws["actions"], ws["updates"] = found.actions, found.updates
                for label, before in found.labels.items():
                    self.own_fields.setdefault(label, before)
                self.action_label = self.action_label or found.action_label
                loose = found.left_out
            label = f"{self.area_word} {ws.get('ref') or ws['number']}"
            self.out.skipped.extend((p.index, f'"{_short(p.text)}" under {label}: left out') for p in loose)
        self.workstream = self.reader = None
        self.loose = []

    def para(self, block: Para) -> None:
        if block.style.startswith("TOC") or block.style == "Caption":
            return  # the contents list; a table's or chart's caption
        text = block.text
        if block.level == 1 and "title" not in self.out.plan:
            self.out.plan["title"] = text
        elif block.style == "Subtitle" and not self.subtitle:
            self.subtitle = text
        elif (m := AREA.match(text)) and (block.level or len(text) < 160):
            self.finish()
            self.area_word = text.split()[0].lower() if text.lower().startswith(("workstream", "priority", "recommendation")) \
                else " ".join(text.split()[:4 if "significant" in text.lower() else 3]).lower()
            label = m.group(1)  # a number, or a letter where the plan letters its areas (A, B, ...)
            number = int(label) if label.isdigit() else len(self.out.workstreams) + 1
            self.workstream = {"number": number, **({} if label.isdigit() else {"ref": label}),
                               "title": (m.group(2) or "").strip(), "sponsors": [],
                               "delivery_partners": [], "weakness": "", "outcomes": []}
            self.out.workstreams.append(self.workstream)
            self.reader = TableReader(self.key, lambda entry: person_id(entry, self.people))
            self.section, self.expecting_weakness = "workstream", False
        elif block.level:
            self.finish()
            self.section = text.lower()
        elif self.workstream is not None:
            self.expecting_weakness = _workstream_line(self.workstream, block, self.people, self.expecting_weakness, self.loose,
                                                       self.organisations)
        elif self.section == "foreword":
            self.foreword.append(text)
        elif self.section.startswith("introduction") and "start" not in self.out.plan.get("inspection", {}):
            _inspection(text, self.out.plan)

    def grid(self, block: Grid) -> None:
        columns = header_columns(block.rows[0]) if block.rows else None
        if columns is not None and self.reader is not None:
            self.reader.read(block, columns)
        elif columns is not None:
            self.out.skipped.append(Skipped(block.index, 1, None, "an action table outside any workstream: left out"))
        else:
            _plan_table(block, self.out)


def _workstream_line(ws: dict[str, Any], block: Para, people: dict[str, dict[str, Any]], expecting: bool,
                     loose: list[Para], organisations: dict[str, dict[str, Any]]) -> bool:
    """Take one body paragraph of a workstream's preamble, or keep it in `loose` (records, or left
    out); True while the weakness is still to come."""
    text = block.text
    if m := SPONSOR.match(text):
        ws["sponsors"] = [person_id(entry, people) for entry in _entries(m.group(1), sponsors=True)]
        return expecting
    if m := PARTNERS.match(text):
        for entry in _entries(m.group(1)):
            org = next((o for name, o in organisations.items() if entry == name or entry.startswith(name + " ")), None)
            if org is not None:
                note = entry[len(org["name"]):].strip()
                ws["delivery_partners"].append({"organisation": org["id"], **({"note": note} if note else {})})
            elif _looks_like_person(entry):
                ws["delivery_partners"].append({"person": person_id(entry, people)})
            else:
                ws["delivery_partners"].append({"group": entry})
        return expecting
    if m := WEAKNESS_LEAD.match(text):
        rest = SAID.sub("", m.group(1)).strip()
        if rest:
            ws["weakness"] = _unquote(rest)
            return False
        return True
    if expecting or (not ws["weakness"] and (block.style == "Quote" or SAID.match(text))):
        ws["weakness"] = _unquote(SAID.sub("", text))
        return not ws["weakness"]  # "Ofsted and CQC said:" alone: their words follow
    loose.append(block)
    return expecting


def _foreword(paragraphs: list[str], people: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The foreword's text, and its signatories: trailing paragraphs of a name and a role on
    two lines ("Councillor Lynne Ayres" / "Cabinet Member for ...")."""
    signatories: list[str] = []
    while paragraphs and "\n" in paragraphs[-1] and _looks_like_person(paragraphs[-1].split("\n", 1)[0].removeprefix("Councillor ")):
        name, role = paragraphs.pop().split("\n", 1)
        signatories.insert(0, person_id(f"{name} ({role.strip()})", people))
    foreword: dict[str, Any] = {"text": "\n\n".join(paragraphs)}
    if signatories:
        foreword["signatories"] = signatories
    return foreword


def _entries(text: str, sponsors: bool = False) -> list[str]:
    """Names in a list separated by semicolons (wsoagen), or commas and slashes (seed 003),
    never splitting inside brackets."""
    separators = ";" if ";" in text else (",/" if sponsors else ",")
    entries, depth, current = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch in separators and depth == 0:
            entries.append(current)
            current = ""
        else:
            current += ch
    entries.append(current)
    return [e.strip(" .)") if e.count(")") > e.count("(") else e.strip(" .") for e in entries if e.strip(" .")]


def _looks_like_person(entry: str) -> bool:
    name = entry.split("(", 1)[0].strip()
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not NOT_A_PERSON.search(name)


def person_id(entry: str, people: dict[str, dict[str, Any]]) -> str:
    """The id of the person an entry names ("Name (role)"), adding them to `people`."""
    name, _, role = entry.partition("(")
    name, role = name.strip(), role.rstrip(")").strip()
    if not role:  # "Wendi Ogle-Welbourn DCS & Chair of ...": the name is the leading capitalised words
        words = name.split()
        n = 0
        while n < min(len(words), 3) and words[n][:1].isupper() and not (words[n].isupper() and len(words[n]) > 1):
            n += 1
        if 2 <= n < len(words):
            name, role = " ".join(words[:n]), " ".join(words[n:])
    pid = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "person"
    person = people.setdefault(pid, {"id": pid, "name": name})
    if role and "role" not in person:
        person["role"] = role
    return pid


def _unquote(text: str) -> str:
    return text.strip().strip("“”\"").strip()


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


KINDS = [("priority action plan", "priority-action-plan"), ("improvement plan", "improvement-plan"),
         ("accelerated progress plan", "accelerated-progress-plan"), ("strategic action plan", "strategic-action-plan"),
         ("written statement of action", "wsoa")]


def _kind(words: str) -> str | None:
    """The plan's kind from the words of its title and subtitle; None for a WSOA (the default)."""
    lower = words.lower()
    found = next((kind for phrase, kind in KINDS if phrase in lower), None)
    return None if found == "wsoa" else found


SAME_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+and\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\s+(\d{{4}})")
IN_MONTH = re.compile(rf"\bIn\s+({MONTHS})\s+(\d{{4}})")


def _inspection(text: str, plan: dict[str, Any]) -> None:
    months = MONTHS.split("|")
    if m := SAME_MONTH.search(text):  # "Between 23 and 25 May 2022"
        d1, d2, month, year = m.groups()
        n = months.index(month) + 1
        plan["inspection"] = {"start": f"{year}-{n:02d}-{int(d1):02d}", "end": f"{year}-{n:02d}-{int(d2):02d}"}
        return
    m = INSPECTED.search(text)
    if not m:
        if m := IN_MONTH.search(text):  # known only by its month: kept as a month, no day invented
            plan["inspection"] = {"start": f"{m.group(1)} {m.group(2)}"}
        return
    d1, m1, y1, d2, m2, y2 = m.groups()
    months = MONTHS.split("|")
    start = f"{y1 or y2}-{months.index(m1) + 1:02d}-{int(d1):02d}"
    end = f"{y2}-{months.index(m2) + 1:02d}-{int(d2):02d}"
    plan["inspection"] = {"start": start, "end": end}


def _status_key(blocks: list[Block]) -> tuple[Key, dict[str, Any]]:
    """The status key table, if there is one: labels with their colours, and the plan's scheme."""
    key = Key()
    for block in blocks:
        if not isinstance(block, Grid) or "key" not in (block.caption + " " + _first(block)).lower():
            continue
        rows = [row for row in block.rows if row and row[0].text.strip()]
        if rows and rows[0][0].fill is None and len(rows) > 1:
            rows = rows[1:]  # a header row ("Status", "Meaning")
        if not rows or not any(row[0].fill for row in rows):
            continue
        statuses = []
        for row in rows:
            label = row[0].text.strip()
            sid = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
            meaning = row[1].text.strip() if len(row) > 1 else label
            status: dict[str, Any] = {"id": sid, "label": label, "meaning": meaning or label}
            if re.search(r"\bcomplete", meaning, re.I):
                status["complete"] = True
            elif re.search(r"\bon track\b", meaning, re.I):
                status["on_track"] = True
            if row[0].fill:
                status["colour"] = f"#{row[0].fill.lower()}"
                key.fills[row[0].fill] = sid
            statuses.append(status)
            key.labels[label.lower()] = sid
        name = block.caption.replace("status key", "").replace("key", "").strip() or "BRAG"
        return key, {"status_scheme": {"name": name, "statuses": statuses}}
    for fill, sid in DEFAULT_FILLS.items():  # no key: the usual BRAG words and GOV.UK colours
        key.fills[fill] = sid
        key.labels[sid] = sid
    return key, {}


def _first(grid: Grid) -> str:
    return " ".join(c.text for c in grid.rows[0]) if grid.rows else ""


def _organisations(blocks: list[Block]) -> dict[str, dict[str, Any]]:
    """The organisations table ("Organisation | Who they are"), by name, if the document has one."""
    found: dict[str, dict[str, Any]] = {}
    for grid in (b for b in blocks if isinstance(b, Grid) and b.rows and b.width >= 2):
        header = [c.text.strip().lower() for c in grid.rows[0]]
        if header[0] == "organisation":
            for row in grid.rows[1:]:
                name = row[0].text.strip()
                if name:
                    org: dict[str, Any] = {"id": re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"), "name": name}
                    words = row[1].text.strip()
                    if PARTNER.search(words):  # as wsoagen's Who's who says `partner: true`
                        words, org["partner"] = PARTNER.sub("", words).strip(), True
                    if words:
                        org["description"] = words
                    found[name] = org
    return found


def _people_table(blocks: list[Block], people: dict[str, dict[str, Any]], organisations: dict[str, dict[str, Any]]) -> None:
    """Roles and organisations from the people table ("Name | Role | Organisation"), and the people
    named only there."""
    for grid in (b for b in blocks if isinstance(b, Grid) and b.rows and b.width >= 2):
        header = [c.text.strip().lower() for c in grid.rows[0]]
        if header[:2] != ["name", "role"]:
            continue
        for row in grid.rows[1:]:
            if not row[0].text.strip():
                continue
            person = people[person_id(row[0].text.strip(), people)]
            if row[1].text.strip():
                person["role"] = row[1].text.strip()
            org = organisations.get(row[2].text.strip()) if len(row) > 2 else None
            if org is not None:
                person["organisation"] = org["id"]


def _plan_table(grid: Grid, out: Imported) -> None:
    """Cover facts, the resource key and the boards table; other tables are reported."""
    caption = grid.caption.lower()
    header = _first(grid).lower()
    if "status key" in caption or "brag" in caption and "key" in caption:
        return
    if "resource" in caption or "resource" in header and "code" in header:
        out.plan["resource_flags"] = [{"code": row[0].text.strip(), "meaning": row[1].text.strip()}
                                      for row in grid.rows[1:] if len(row) > 1 and re.fullmatch(r"[A-Z]{1,4}", row[0].text.strip())]
        return
    if header.startswith("organisation") or header.startswith("name role"):
        return  # the organisations and people tables: read by _organisations and _people_table
    if "board" in header and "role" in header:
        out.plan["boards"] = [{k: v for k, v in (("name", row[0].text.strip()), ("role", row[1].text.strip()),
                                                 ("reports_to", row[2].text.strip() if len(row) > 2 else "")) if v}
                              for row in grid.rows[1:] if row[0].text.strip()]
        return
    if grid.width == 2 and any(row[0].text.strip().lower() in ("version", "published") for row in grid.rows):
        for row in grid.rows:
            label, value = row[0].text.strip().lower(), row[1].text.strip()
            if label in ("version", "published") and value:
                out.plan[label] = value
        return
    out.skipped.append(Skipped(grid.index, 1, None, f'a table ("{_short(grid.caption or _first(grid))}") that is no part of the plan\'s '
                                                    "files: left out"))
