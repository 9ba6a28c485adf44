"""What every rule is, the registry that lists them, the plan's `rules:` setting, and the runner.

A rule (yamllint's model) is anything with these attributes, usually a module:

- `ID`: its stable kebab-case id (`action-owner`), printed with each problem it finds;
- `LEVEL`: "error" or "warning", its default;
- `CONFIGURABLE`: whether plan.yaml's `rules:` may switch it off or change its level. Warnings
  are configurable; errors are errors by nature (an unknown person, a bad ref) and are not;
- `DESCRIPTION`: one line saying what it checks;
- `check(context)`: yields a `Problem` for each problem, at its place. The context is the
  stage's: `Sources` for the plan stage (`wsoagen.plan.rules`), the validated plan and an
  as-at date for the data stage (`wsoagen.data.checks`).

The runner gives each problem the level the plan's settings say and the rule's id.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from wsoagen.diagnostics import Diagnostics, Level, did_you_mean
from wsoagen.plan.load import LoadedFile

Setting = Literal["off", "warning", "error"]
SETTINGS: tuple[Setting, ...] = ("off", "warning", "error")


@dataclass(frozen=True)
class Problem:
    """One problem a rule found: the file (as diagnostics show it), line and column, the words."""

    path: str
    pos: tuple[int, int]
    message: str


class Rule(Protocol):
    ID: str
    LEVEL: Level
    CONFIGURABLE: bool
    DESCRIPTION: str

    def check(self, context: Any) -> Iterable[Problem]: ...


@dataclass(frozen=True)
class Reported:
    """A rule whose problems a reader finds while reading (YAML, schema, data files): it has an
    id and a level like any rule, but no check of its own; the reader's problems carry its id."""

    ID: str
    DESCRIPTION: str
    LEVEL: Level = "error"
    CONFIGURABLE: bool = False

    def check(self, context: Any) -> Iterable[Problem]:
        return ()


class Registry:
    """Rules by id, in the order they run. `complete`: it holds every rule of every stage, so a
    setting naming any other id is a mistake (a registry of one stage leaves such ids alone)."""

    def __init__(self, rules: Iterable[Rule], complete: bool = True):
        self.rules = list(rules)
        self.by_id = {r.ID: r for r in self.rules}
        if len(self.by_id) != len(self.rules):
            raise ValueError("two rules share an id")
        self.complete = complete

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self.by_id


@dataclass
class Settings:
    """The plan's `rules:` setting, read: a level (or "off") per rule id that it changes."""

    levels: Mapping[str, Setting] = field(default_factory=dict)

    def level(self, rule: Rule) -> Level | None:
        """The level `rule` reports at in this plan; None if it is switched off."""
        if not rule.CONFIGURABLE:
            return rule.LEVEL
        chosen = self.levels.get(rule.ID, rule.LEVEL)
        return None if chosen == "off" else chosen


def read_settings(src: LoadedFile | None, registry: Registry) -> tuple[Settings, list[Problem]]:
    """plan.yaml's `rules:` and what is wrong with it: an unknown id, a rule that is not
    configurable. A value that is not a level is the schema's to report; it is left out here."""
    node = src.data.get("rules") if src and isinstance(src.data, dict) else None
    if not isinstance(node, dict):
        return Settings(), []
    levels: dict[str, Setting] = {}
    problems = []
    for rule_id, value in node.items():
        where = src.positions.of(("rules", rule_id), key=True)
        rule = registry.by_id.get(rule_id)
        if rule is None:
            if registry.complete:
                hint = did_you_mean(rule_id, registry.by_id) or " (the rules are listed in wsoagen's README)"
                problems.append(Problem(src.display, where, f'unknown rule "{rule_id}"{hint}'))
        elif not rule.CONFIGURABLE:
            problems.append(Problem(src.display, where,
                                    f'the rule "{rule_id}" cannot be switched off or changed: what it finds is always an error'))
        elif value in SETTINGS:
            levels[rule_id] = value
    return Settings(levels), problems


def run(rules: Iterable[Rule], context: Any, settings: Settings, diags: Diagnostics) -> None:
    """Run each rule that is on, adding what it finds at the plan's level for it, with its id."""
    for rule in rules:
        level = settings.level(rule)
        if level is None:
            continue
        for problem in rule.check(context):
            diags.add(problem.path, *problem.pos, level, problem.message, rule.ID)
