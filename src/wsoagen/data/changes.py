"""Turn two versions of a plan (now, and as it was at a git revision or date) into what changed.

Boards always ask what moved since the last report. A report's `previous:` names that report:
`since` finds it among the plan's reports and says how the text names it ("the report to the
SEND Executive Board on 21 January 2020"; a git revision is never printed) and as at which day
its statuses and figures were. The plan then is the plan now read as at that day, or, where the
earlier plan is only in git, `previous_plan`: the plan folder as it was at a git revision, or at
the last commit on or before a date, validated; the working folder, uncommitted edits included,
is "now". `compare` (pure) lists status moves, new, removed and re-dated milestones, new and
removed actions and outcomes, and metric movement, reading the old plan as at the previous
report's day; `Changes.summary_lines` words them for a board report (figures and their dates
by `data.wording`, statuses by the plan's scheme).

Outcomes and actions are matched by ref where they have one. Those without a ref (plans that
do not number their actions) are matched within their area by text, ignoring case and spacing,
and where the text was edited by place (`data.match`: an item edited where it stood is the same
item; one inserted or deleted is new or removed). Text names
such an action by its place, "action 2 of recommendation 1", in the plan's words for an area.
Milestones are matched within the same action by text ignoring case and spacing: a milestone
whose text was edited counts as removed and new, which is predictable and easy to explain.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from wsoagen.data import match as matching
from wsoagen.data.metrics import read_plan
from wsoagen.data.status import area_words, capital, metric_progress, milestone_states, recorded_status
from wsoagen.data.wording import count, figure_at, join_and, long_date
from wsoagen.diagnostics import PlanError, UsageError
from wsoagen.plan.dates import When
from wsoagen.plan.model import Action, DataPoint, Metric, Milestone, Plan, Report
from wsoagen.plan.statuses import Statuses

GIT_TIMEOUT = 60  # seconds, per git command
TEXT_LIMIT = 60  # characters of a milestone, action or outcome quoted in a summary line


# ---------------------------------------------------------------- what changed


@dataclass(frozen=True)
class StatusMove:
    """A milestone whose status as at the report date differs between the two versions.
    `action_ref`, here and below: the action as text names it, its ref or else its place."""

    action_ref: str
    text: str
    from_status: str | None  # status id, None if not rated
    to_status: str | None
    from_label: str
    to_label: str
    status_date: When | None  # when the new status was recorded


@dataclass(frozen=True)
class MilestoneItem:
    """A milestone that is new, or was removed."""

    action_ref: str
    text: str
    deadline: When | None


@dataclass(frozen=True)
class Redated:
    """A milestone whose deadline changed."""

    action_ref: str
    text: str
    old_deadline: When | None
    new_deadline: When | None


@dataclass(frozen=True)
class PlanItem:
    """An outcome or action that is new, or was removed: its ref (None where it has none), its
    text and its area as text names it ("recommendation 1")."""

    ref: str | None
    text: str
    area: str = ""

    def new_line(self, layer: str) -> str:
        return f"New {layer} {self.ref}: {_quote(self.text)}" if self.ref else f"New {layer} in {self.area}: {_quote(self.text)}"

    def removed_line(self, layer: str) -> str:
        if self.ref:
            return f"{capital(layer)} {self.ref} removed: {_quote(self.text)}"
        return f"{capital(layer)} removed from {self.area}: {_quote(self.text)}"


@dataclass(frozen=True)
class MetricMove:
    """A metric whose latest value as at the report date changed."""

    metric_id: str
    title: str
    unit: str
    better: str  # "higher" or "lower"
    old: DataPoint | None  # None: no value before
    new: DataPoint
    change: float | None  # new minus old value
    improved: bool | None  # None when there is no earlier value or no change


@dataclass
class Changes:
    """Everything that moved between two versions of a plan, in plan order: the old one as at
    `since` (the previous report's day), the new one as at `as_at`."""

    as_at: date
    since: date | None = None  # the day the old plan was read as at; `as_at` when None
    status_moves: list[StatusMove] = field(default_factory=list)
    redated: list[Redated] = field(default_factory=list)
    new_outcomes: list[PlanItem] = field(default_factory=list)
    new_actions: list[PlanItem] = field(default_factory=list)
    new_milestones: list[MilestoneItem] = field(default_factory=list)
    removed_outcomes: list[PlanItem] = field(default_factory=list)
    removed_actions: list[PlanItem] = field(default_factory=list)
    removed_milestones: list[MilestoneItem] = field(default_factory=list)
    newly_overdue: list[MilestoneItem] = field(default_factory=list)  # overdue now, not then
    metric_moves: list[MetricMove] = field(default_factory=list)

    def summary_lines(self) -> list[str]:
        """Plain English lines for a board report, headline moves first; [] if nothing changed."""
        return [
            *_overdue_lines(self.newly_overdue),
            *(f"{capital(m.action_ref)}: {_quote(m.text)} moved from {m.from_label} to {m.to_label}"
              + (f" ({m.status_date.text})" if m.status_date else "") for m in self.status_moves),
            *(f"{capital(r.action_ref)}: {_quote(r.text)} re-dated from {_redate_text(r.old_deadline)} "
              f"to {_redate_text(r.new_deadline)}" for r in self.redated),
            *(o.new_line("outcome") for o in self.new_outcomes),
            *(a.new_line("action") for a in self.new_actions),
            *(f"{capital(m.action_ref)}: new milestone {_quote(m.text)} ({_deadline_text(m.deadline)})"
              for m in self.new_milestones),
            *(o.removed_line("outcome") for o in self.removed_outcomes),
            *(a.removed_line("action") for a in self.removed_actions),
            *(f"{capital(m.action_ref)}: milestone {_quote(m.text)} removed ({_deadline_text(m.deadline)})"
              for m in self.removed_milestones),
            *(_metric_line(m) for m in self.metric_moves),
        ]


# ---------------------------------------------------------------- the previous report


@dataclass(frozen=True)
class Since:
    """The report a report compares with, as its text names it, and the day the plan is read as at then."""

    words: str  # "the report to the SEND Executive Board on 21 January 2020", "the previous report"
    as_at: date | None  # the previous report's statuses and figures were as at this day; None: unknown


def find_report(name: str, reports: list[Report]) -> list[Report]:
    """The reports `previous: report:` names: by name (2020-01-21-send-executive-board) or meeting date (2020-01-21)."""
    return [r for r in reports if name in (r.name, r.meeting.isoformat())]


def since(report: Report, reports: list[Report]) -> Since | None:
    """What `report` compares with, from its `previous:` (None if it is the first report).
    `reports`: the plan's reports, where `previous: report:` is looked up."""
    previous = report.previous
    if previous is None:
        return None
    found = find_report(previous.report, reports) if previous.report else []
    if len(found) == 1:
        earlier = found[0]
        return Since(f"the report to the {earlier.board} on {long_date(earlier.meeting)}", earlier.as_at)
    if previous.date:
        return Since(f"the report to the {previous.board or report.board} on {long_date(previous.date)}", None)
    return Since("the previous report", None)


# ---------------------------------------------------------------- comparing two plans


def compare(old: Plan, new: Plan, as_at: date, since: date | None = None) -> Changes:
    """What changed from `old` read as at `since` (default `as_at`) to `new` read as at `as_at`."""
    changes = Changes(as_at, since)
    then = since or as_at
    area = area_words(new.file)[0]  # both versions named in today's words
    outcomes = matching.match(matching.placed(old, "outcome", area), matching.placed(new, "outcome", area))
    actions = matching.match(matching.placed(old, "action", area), matching.placed(new, "action", area))
    changes.removed_outcomes, changes.new_outcomes = _items(outcomes.removed), _items(outcomes.added)
    changes.removed_actions, changes.new_actions = _items(actions.removed), _items(actions.added)
    _compare_milestones(old, new, actions, (then, as_at), changes)
    changes.metric_moves = [move for metric in new.file.metrics
                            if (move := _metric_move(metric, old.series.get(metric.id, []),
                                                     new.series.get(metric.id, []), (then, as_at)))]
    return changes


def _items(placed_items: list[matching.Placed]) -> list[PlanItem]:
    return [PlanItem(p.ref, p.text, p.where) for p in placed_items]


MilestoneKey = tuple[str, int]  # normalised text, occurrence in its action


def _milestones(action: Action) -> dict[MilestoneKey, Milestone]:
    """An action's milestones by (normalised text, n-th such text in the action)."""
    out: dict[MilestoneKey, Milestone] = {}
    seen: dict[str, int] = {}
    for ms in action.milestones:
        text = _normal(ms.text)
        seen[text] = seen.get(text, 0) + 1
        out[(text, seen[text])] = ms
    return out


def _compare_milestones(old: Plan, new: Plan, actions: matching.Matched[Action], days: tuple[date, date], changes: Changes) -> None:
    """Milestones of `old` as at days[0] against those of `new` as at days[1], action by matched action."""
    old_scheme, new_scheme = Statuses.of(old.file), Statuses.of(new.file)
    overdue_then = {id(s.milestone) for s in milestone_states(old, days[0]) if s.overdue}
    overdue_now = {id(s.milestone) for s in milestone_states(new, days[1]) if s.overdue}
    old_of = actions.old_of()
    for placed in _all(actions, "new"):
        ref = placed.name
        earlier = old_of.get(id(placed.node))
        before = _milestones(earlier.node) if earlier else {}
        for key, ms in _milestones(placed.node).items():
            if key not in before:
                changes.new_milestones.append(MilestoneItem(ref, ms.text, ms.deadline))
                continue
            was = before[key]
            if id(ms) in overdue_now and id(was) not in overdue_then:
                changes.newly_overdue.append(MilestoneItem(ref, ms.text, ms.deadline))
            old_sid, _ = recorded_status(was, days[0])
            new_sid, when = recorded_status(ms, days[1])
            if old_sid != new_sid:
                changes.status_moves.append(StatusMove(ref, ms.text, old_sid, new_sid, old_scheme.label(old_sid),
                                                       new_scheme.label(new_sid), when))
            if _deadline_key(was.deadline) != _deadline_key(ms.deadline):
                changes.redated.append(Redated(ref, ms.text, was.deadline, ms.deadline))
    new_of = {id(a.node): b for a, b in actions.pairs}
    for placed in _all(actions, "old"):
        later = new_of.get(id(placed.node))
        now = _milestones(later.node) if later else {}
        changes.removed_milestones.extend(MilestoneItem(placed.name, ms.text, ms.deadline)
                                          for key, ms in _milestones(placed.node).items() if key not in now)


def _all(actions: matching.Matched[Action], version: str) -> list[matching.Placed[Action]]:
    """Every action of one version ("old" or "new"), in that version's plan order."""
    items = [b for _, b in actions.pairs] + actions.added if version == "new" else [a for a, _ in actions.pairs] + actions.removed
    return sorted(items, key=lambda p: p.index)


def _deadline_key(when: When | None) -> tuple[object, ...] | None:
    """What counts as a re-date: the words (ignoring case and spacing) or the span of days."""
    return None if when is None else (_normal(when.text), when.start, when.end, when.kind)


def _metric_move(metric: Metric, old: list[DataPoint], new: list[DataPoint], days: tuple[date, date]) -> MetricMove | None:
    """The metric's latest value in `new` as at days[1] against that in `old` as at days[0], or
    None if it has not moved."""
    latest = metric_progress(metric, new, days[1]).latest
    previous = metric_progress(metric, old, days[0]).latest
    if latest is None or (previous and (previous.date.start, previous.value) == (latest.date.start, latest.value)):
        return None
    change = latest.value - previous.value if previous else None
    improved = None if not change or metric.better == "monitor only" else (change > 0) == (metric.better == "higher")
    return MetricMove(metric.id, metric.title, metric.unit, metric.better, previous, latest, change, improved)


# ---------------------------------------------------------------- words


_normal = matching.normal


def _plain(text: str) -> str:
    """Markdown reduced to one line of plain words: links to their text, emphasis and bullets dropped."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(?m)^\s*(?:[-*+]|\d+\.)\s+", "", text)
    return " ".join(text.replace("**", "").replace("__", "").replace("`", "").split())


def _quote(text: str) -> str:
    """The text in single quotes, cut at a word before TEXT_LIMIT characters with ' ...'."""
    text = _plain(text)
    if len(text) > TEXT_LIMIT:
        cut = text[:TEXT_LIMIT].rsplit(" ", 1)[0] if " " in text[:TEXT_LIMIT] else text[:TEXT_LIMIT]
        text = cut.rstrip(",;:.") + " ..."
    return f"'{text}'"


def _deadline_text(when: When | None) -> str:
    return f"deadline {when.text}" if when else "no deadline"


def _redate_text(when: When | None) -> str:
    """A deadline in "re-dated from X to Y": a range that itself says "to" goes in double quotes."""
    if when is None:
        return "no deadline"
    return f'"{when.text}"' if re.search(r"\b(to|until)\b", when.text, re.I) else when.text


def _overdue_lines(items: list[MilestoneItem]) -> list[str]:
    """'3 milestones became overdue, of actions 1.1a, 1.2 and 3.1' (one line, or none); actions
    without refs by their place: 'of action 2 of recommendation 1 and action 1 of recommendation 3'."""
    if not items:
        return []
    names = list(dict.fromkeys(m.action_ref for m in items))
    placed = [n for n in names if n.startswith("action ")]  # `status.action_name` of an action without a ref
    if not placed:
        return [f"{count(len(items), 'milestone')} became overdue, of {'action' if len(names) == 1 else 'actions'} {join_and(names)}"]
    return [f"{count(len(items), 'milestone')} became overdue, of {join_and([n if n in placed else f'action {n}' for n in names])}"]


def _metric_line(move: MetricMove) -> str:
    """'Average wait: 9 weeks in October 2019, up from 7 weeks in May 2019, a deterioration'."""
    now = f"{move.title}: {figure_at(move.new, move.unit)}"
    if move.old is None:
        return f"{now}, the first figure reported"
    if not move.change:
        return f"{now}, unchanged from {figure_at(move.old, move.unit)}"
    direction = "up" if move.change > 0 else "down"
    if move.improved is None:  # a "monitor only" measure is not judged
        return f"{now}, {direction} from {figure_at(move.old, move.unit)}"
    verdict = "an improvement" if move.improved else "a deterioration"
    return f"{now}, {direction} from {figure_at(move.old, move.unit)}, {verdict}"


# ---------------------------------------------------------------- the plan as it was in git


def previous_plan(folder: Path, *, revision: str | None = None, before: date | None = None) -> tuple[Plan, str]:
    """The plan in `folder` as committed at `revision` (default HEAD), or at the last commit of
    the folder on or before `before`; and that commit as "a1b2c3d (2019-11-15)"."""
    if revision is not None and before is not None:
        raise UsageError("give a revision or a date to compare with, not both")
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such plan folder")
    root = _repo_root(folder)
    rel = folder.resolve().relative_to(root).as_posix()
    rel = "" if rel == "." else rel
    commit = _commit_at(root, folder, rel, before) if before else _resolve(root, revision or "HEAD")
    described = _describe(root, commit)
    with tempfile.TemporaryDirectory(prefix="wsoagen-") as tmp:
        copy = Path(tmp) / folder.resolve().name
        if not _materialise(root, commit, rel, copy):
            raise UsageError(f"{folder} did not exist at {described}{_shallow(root)}")
        try:
            plan, _ = read_plan(copy)
        except PlanError as exc:
            raise UsageError(f"the plan at {described} has errors: {_first_error(exc, copy, folder)}") from None
    return plan, described


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run git in `root` (no shell, no prompts, pathspecs taken literally)."""
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        return subprocess.run(["git", "--literal-pathspecs", "-C", str(root), *args], capture_output=True,
                              env=env, timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed (or not on PATH): 'what changed' needs git to read the plan's history") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"git took longer than {GIT_TIMEOUT} seconds in {root}") from None


def _out(proc: subprocess.CompletedProcess[bytes]) -> str:
    return os.fsdecode(proc.stdout).strip()


def _failed(proc: subprocess.CompletedProcess[bytes]) -> UsageError:
    message = os.fsdecode(proc.stderr).strip().splitlines()
    return UsageError(f"git failed: {message[0] if message else f'exit code {proc.returncode}'}")


def _repo_root(folder: Path) -> Path:
    proc = _git(folder, "rev-parse", "--show-toplevel")
    if proc.returncode != 0:
        if b"not a git repository" in proc.stderr:
            raise UsageError(f"{folder} is not in a git repository: 'what changed' needs the plan's history")
        raise _failed(proc)
    return Path(_out(proc)).resolve()


def _resolve(root: Path, revision: str) -> str:
    """The full hash of the commit `revision` names."""
    proc = None if revision.startswith("-") else _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if proc is None or proc.returncode != 0 or not _out(proc):
        raise UsageError(f"revision '{revision}' does not exist in {root}{_shallow(root)}")
    return _out(proc)


def _commit_at(root: Path, folder: Path, rel: str, day: date) -> str:
    """The last commit that touched the folder on or before `day` (committer date, local time)."""
    proc = _git(root, "rev-list", "-1", f"--before={day.isoformat()}T23:59:59", "HEAD", "--", *([rel] if rel else []))
    if proc.returncode != 0 or not _out(proc):  # an empty repository has no HEAD: no commit either
        raise UsageError(f"no commit of {folder} on or before {day.isoformat()}{_shallow(root)}")
    return _out(proc)


def _shallow(root: Path) -> str:
    """What to do when the history is cut short (CI checkouts fetch one commit by default), else ""."""
    proc = _git(root, "rev-parse", "--is-shallow-repository")
    if proc.returncode != 0 or _out(proc) != "true":
        return ""
    return ("; the history is shallow (only the latest commits were fetched): fetch it with `git fetch --unshallow`, "
            "or in CI set `fetch-depth: 0` (GitHub actions/checkout) or `GIT_DEPTH: 0` (GitLab)")


def _describe(root: Path, commit: str) -> str:
    proc = _git(root, "show", "-s", "--date=short", "--format=%h (%cd)", commit)
    if proc.returncode != 0:
        raise _failed(proc)
    return _out(proc)


def _materialise(root: Path, commit: str, rel: str, dest: Path) -> bool:
    """Write every file under `rel` at `commit` into `dest`, same layout; False if there are none."""
    proc = _git(root, "ls-tree", "-r", "-z", commit, "--", *([rel] if rel else []))
    if proc.returncode != 0:
        raise _failed(proc)
    written = False
    for entry in filter(None, proc.stdout.split(b"\0")):
        meta, _, name = entry.partition(b"\t")
        mode, kind, oid = meta.decode().split()
        if kind != "blob" or mode == "120000":  # submodules and symlinks are not plan files
            continue
        path = os.fsdecode(name)
        if rel and not path.startswith(rel + "/"):  # `rel` was a file then, not a folder
            continue
        inner = Path(path[len(rel) + 1:] if rel else path)
        if inner.is_absolute() or ".." in inner.parts:
            continue
        blob = _git(root, "cat-file", "blob", oid)  # the committed bytes, no filters or textconv
        if blob.returncode != 0:
            raise _failed(blob)
        target = dest / inner
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(blob.stdout)
        written = True
    return written


def _first_error(exc: PlanError, copy: Path, folder: Path) -> str:
    """The first error, at its place in the plan folder rather than the temporary copy."""
    if not exc.diagnostics.errors:
        return str(exc)
    first = exc.diagnostics.errors[0]
    path = first.path.replace(str(copy), str(folder), 1)
    return f"{path}:{first.line}:{first.col}: {first.message}"
