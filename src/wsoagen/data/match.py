"""Which outcome or action of one version of a plan is which in another: for "what changed".

In: two versions of a plan (`Plan`). Out: `placed` lists every outcome (bare ones left out) or
action of one version with where it stands (its area, ref, name and plan order); `match` pairs
those of two versions. Items with a ref are paired by ref. Items without one (plans that do not
number their actions) are paired within their area by their texts, aligned with difflib's
SequenceMatcher: an unchanged text pairs with itself, and in a run of edited texts standing
where the old ones stood each pairs with the old one in its place; the rest are removed or new.
An item that gains or loses its ref counts as removed and new.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Generic, TypeVar

from wsoagen.data.status import action_name
from wsoagen.plan.model import Action, Outcome, Plan


def normal(text: str) -> str:
    """Text compared ignoring case and spacing."""
    return " ".join(text.split()).casefold()


Node = TypeVar("Node", Outcome, Action)


@dataclass(frozen=True)
class Placed(Generic[Node]):
    """An outcome or action where it stands in one version of the plan."""

    node: Node
    area: int  # the area's number
    where: str  # the area as text names it: "recommendation 1", "workstream 2"
    ref: str | None
    name: str  # the ref, or for an action without one its place: "action 2 of recommendation 1"
    text: str
    index: int = 0  # its place in its version's plan order


@dataclass
class Matched(Generic[Node]):
    """Outcomes or actions of two versions: the same item in both (old, new), only in the old, only in the new."""

    pairs: list[tuple[Placed[Node], Placed[Node]]]
    removed: list[Placed[Node]]
    added: list[Placed[Node]]

    def old_of(self) -> dict[int, Placed[Node]]:
        """The old version of each new item that has one, by id of the new item's node."""
        return {id(b.node): a for a, b in self.pairs}


def placed(plan: Plan, layer: str, area: str) -> list[Placed]:
    """Every outcome (bare ones left out) or action of the plan, in plan order, with its place."""
    out: list[Placed] = []
    for ws in plan.workstreams:
        where = f"{area} {ws.label}"
        if layer == "outcome":
            out += [Placed(o, ws.number, where, o.ref, o.ref or where, o.text or "") for o in ws.outcomes if not o.bare]
            continue
        actions = [a for o in ws.outcomes for a in o.actions]
        out += [Placed(a, ws.number, where, a.ref, action_name(a.ref, n, area, ws.label), a.text) for n, a in enumerate(actions, start=1)]
    return [replace(p, index=i) for i, p in enumerate(out)]


def match(old: list[Placed[Node]], new: list[Placed[Node]]) -> Matched[Node]:
    """Pair the items of two versions: by ref where they have one; without one, within their
    area, by text where it is unchanged and by place where it was edited where it stood."""
    by_ref = {p.ref: p for p in old if p.ref}
    pairs = [(by_ref[p.ref], p) for p in new if p.ref and p.ref in by_ref]
    for area in dict.fromkeys(p.area for p in [*old, *new] if not p.ref):
        was = [p for p in old if not p.ref and p.area == area]
        now = [p for p in new if not p.ref and p.area == area]
        aligned = SequenceMatcher(None, [normal(p.text) for p in was], [normal(p.text) for p in now], autojunk=False)
        for tag, i1, i2, j1, j2 in aligned.get_opcodes():
            if tag in ("equal", "replace"):  # zip stops at the shorter run: the rest are removed or new
                pairs += zip(was[i1:i2], now[j1:j2], strict=False)
    old_paired, new_paired = {id(a) for a, _ in pairs}, {id(b) for _, b in pairs}
    return Matched(pairs, [p for p in old if id(p) not in old_paired], [p for p in new if id(p) not in new_paired])
