"""Turn a plan and an as-at date into the status picture boards ask for. Pure functions.

- `milestone_states`: each milestone's status as at the date (statuses recorded after it are
  ignored), whether it is complete and whether it is overdue. A month deadline ("Nov 2019")
  is overdue from the first day of the next month; open-ended ones ("From Feb 2020") never are.
- `summary`: counts by status per area and for the plan, the overdue list, what falls
  due before a date, when statuses were last recorded and whether that is too long ago. Each
  area is named as the plan names it (`area_words`: "workstream" in a WSOA, else plan.yaml
  `area_name`, else the kind's word) with its number or letter, and its title only if it has one.
- `as_at_date`: the date documents are as at (asked for, else the plan's `as_at`, else today).
- `metric_progress`: latest value against target and interim target, on course or not,
  movement since baseline; a "monitor only" measure gets no judgement (on course, improved).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from wsoagen.plan.dates import When, before, parse_interval
from wsoagen.plan.model import KINDS, DataPoint, Measure, Metric, Milestone, Plan, PlanFile, Status
from wsoagen.plan.statuses import NOT_RATED, Statuses


def area_words(file: PlanFile) -> tuple[str, str]:
    """What the plan calls one area and several, mid-sentence: ("workstream", "workstreams") in a
    WSOA, plan.yaml `area_name` where given, else the kind's ("area for priority action", ...)."""
    if file.area_name:
        return str(file.area_name.singular), str(file.area_name.plural)
    if file.kind == "wsoa":
        return "workstream", "workstreams"
    kind = KINDS[file.kind]
    return kind.area, kind.areas


def capital(words: str) -> str:
    """"area for priority action" -> "Area for priority action" (the rest as written)."""
    return words[:1].upper() + words[1:]


def action_name(ref: str | None, number: int, area: str, area_label: str) -> str:
    """How text names an action: its ref ("1.1a"), else its place ("action 2 of recommendation 1")."""
    return ref or f"action {number} of {area} {area_label}"


@dataclass(frozen=True)
class MilestoneState:
    workstream: int
    action_ref: str | None
    milestone: Milestone
    status: Status | None
    status_date: When | None
    complete: bool
    overdue: bool
    action_name: str = ""
    """The action's ref, or where there is none its place: "action 2 of recommendation 1"."""

    @property
    def due(self) -> date | None:
        return self.milestone.deadline.end if self.milestone.deadline else None

    @property
    def lapsed(self) -> bool:
        """Overdue with no status recorded since the deadline passed: the status shown is the one
        given before it ("Green at Jan 2020"), not news about the milestone now."""
        return self.overdue and (self.status_date is None or self.due is None or self.status_date.start <= self.due)


def recorded_status(ms: Milestone, as_at: date) -> tuple[str | None, When | None]:
    """The latest status recorded on or before `as_at`, from the milestone or its updates."""
    recorded: list[tuple[date, int, str, When | None]] = []
    if ms.status and (ms.status_date is None or ms.status_date.start <= as_at):
        start = ms.status_date.start if ms.status_date else date.min
        recorded.append((start, 0, ms.status, ms.status_date))
    for i, update in enumerate(ms.updates, start=1):
        if update.status and update.date.start <= as_at:
            recorded.append((update.date.start, i, update.status, update.date))
    if not recorded:
        return None, None
    _, _, sid, when = max(recorded, key=lambda r: (r[0], r[1]))
    return sid, when


def milestone_states(plan: Plan, as_at: date) -> list[MilestoneState]:
    scheme = Statuses.of(plan.file)
    area, _ = area_words(plan.file)
    states = []
    for ws in plan.workstreams:
        actions = [a for outcome in ws.outcomes for a in outcome.actions]
        for n, action in enumerate(actions, start=1):
            name = action_name(action.ref, n, area, ws.label)
            for ms in action.milestones:
                sid, when = recorded_status(ms, as_at)
                status = scheme.resolve(sid)
                complete = bool(status and status.complete)
                overdue = bool(not complete and ms.deadline and ms.deadline.end and ms.deadline.end < as_at)
                states.append(MilestoneState(ws.number, action.ref, ms, status, when, complete, overdue, name))
    return states


@dataclass
class WorkstreamSummary:
    number: int
    title: str | None
    counts: dict[str, int] = field(default_factory=dict)  # status id (or NOT_RATED) -> milestones
    total: int = 0
    complete: int = 0
    overdue: list[MilestoneState] = field(default_factory=list)
    label: str = ""
    """The area's number or letter as printed ("1", "A")."""
    area: str = "workstream"
    """What the plan calls an area, mid-sentence."""

    @property
    def short(self) -> str:
        """"Workstream 1", "Recommendation 1", "Area for priority action A"."""
        return f"{capital(self.area)} {self.label or self.number}"

    @property
    def name(self) -> str:
        """The area beside its bar or in its row: "1. Joint planning" where it has a title, else `short`."""
        return f"{self.label or self.number}. {self.title}" if self.title else self.short


@dataclass
class Summary:
    """The status picture of a plan as at a date: worked out once per date, shown by every chart and document."""

    as_at: date
    scheme: Statuses
    workstreams: list[WorkstreamSummary]
    states: list[MilestoneState]
    last_recorded: When | None = None
    """The latest date any status was recorded on, up to the as-at date."""
    stale: bool = False
    """The latest status is older than the plan's `stale_after` allows, as at the date."""
    area: str = "workstream"
    areas: str = "workstreams"
    """What the plan calls one area and several, mid-sentence (`area_words`)."""

    @property
    def total(self) -> int:
        return sum(ws.total for ws in self.workstreams)

    @property
    def complete(self) -> int:
        return sum(ws.complete for ws in self.workstreams)

    @property
    def totals(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for ws in self.workstreams:
            for sid, n in ws.counts.items():
                out[sid] = out.get(sid, 0) + n
        return out

    @property
    def overdue(self) -> list[MilestoneState]:
        return [s for s in self.states if s.overdue]

    def due_between(self, start: date, end: date) -> list[MilestoneState]:
        """Milestones not complete whose deadline ends within [start, end]."""
        return [s for s in self.states if not s.complete and s.due and start <= s.due <= end]


def summary(plan: Plan, as_at: date) -> Summary:
    states = milestone_states(plan, as_at)
    area, areas = area_words(plan.file)
    by_ws = {ws.number: WorkstreamSummary(ws.number, ws.title, label=ws.label, area=area) for ws in plan.workstreams}
    for state in states:
        ws = by_ws[state.workstream]
        key = state.status.id if state.status else NOT_RATED
        ws.counts[key] = ws.counts.get(key, 0) + 1
        ws.total += 1
        ws.complete += state.complete
        if state.overdue:
            ws.overdue.append(state)
    dated = [s.status_date for s in states if s.status_date is not None]
    last = max(dated, key=lambda w: (w.end or w.start, w.start)) if dated else None
    stale = last is not None and (last.end or last.start) < before(as_at, parse_interval(plan.file.stale_after))
    return Summary(as_at, Statuses.of(plan.file), list(by_ws.values()), states, last, stale, area, areas)


def as_at_date(plan: Plan, given: date | None) -> date:
    """The date a plan's documents are as at: the one asked for, else the plan's `as_at`, else today."""
    return given or plan.file.as_at or date.today()


# ---------------------------------------------------------------- metrics


@dataclass
class MetricProgress:
    metric: Metric
    points: list[DataPoint]  # up to the as-at date
    latest: DataPoint | None
    first: DataPoint | None
    target_now: Measure | None  # the interim or final target that applies at the latest value's date
    on_course: bool | None
    movement: float | None  # latest minus baseline (or first value)
    improved: bool | None


def _better(metric: Metric, a: float, b: float) -> bool:
    """Is a at least as good as b?"""
    return a >= b if metric.better == "higher" else a <= b


def metric_progress(metric: Metric, series: list[DataPoint], as_at: date) -> MetricProgress:
    points = [p for p in series if p.date.start <= as_at]
    latest = points[-1] if points else None
    first = points[0] if points else None
    target_now = None
    on_course = None
    if latest and metric.better != "monitor only":  # a measure watched only is never judged on course
        dated = sorted((t for t in [*metric.interim_targets, *([metric.target] if metric.target else [])] if t.date),
                       key=lambda t: t.date.start)
        due = [t for t in dated if t.date.end is not None and t.date.end <= as_at]
        upcoming = [t for t in dated if t not in due]
        if due:
            target_now = due[-1]
            on_course = _better(metric, latest.value, target_now.value)
        elif upcoming and metric.baseline is not None and metric.baseline.date:
            # Between baseline and the next target: on course if at or beyond the straight line.
            target_now = upcoming[0]
            start, end = metric.baseline.date.start, target_now.date.end or target_now.date.start
            span = max((end - start).days, 1)
            frac = min(max((latest.date.start - start).days / span, 0.0), 1.0)
            expected = metric.baseline.value + (target_now.value - metric.baseline.value) * frac
            on_course = _better(metric, latest.value, expected)
        elif metric.target is not None:
            target_now = metric.target
            on_course = _better(metric, latest.value, metric.target.value)
    start_value = metric.baseline.value if metric.baseline is not None else (first.value if first else None)
    movement = latest.value - start_value if latest and start_value is not None else None
    improved = None if movement in (None, 0) or metric.better == "monitor only" else (movement > 0) == (metric.better == "higher")
    return MetricProgress(metric, points, latest, first, target_now, on_course, movement, improved)
