"""Turn the plan models into the JSON Schemas that editors (yaml-language-server) and CI use.

`plan.schema.json` describes plan.yaml, `workstream.schema.json` a workstream file,
`report.schema.json` a board report. They ship inside the package (`wsoagen/schemas/`, `packaged_dir()`),
are committed, and a test checks they match the models.

In: the pydantic models. Out: JSON Schema text (draft 2020-12) describing the YAML a person
writes, not the Python values pydantic makes of it: a file the schema accepts is one wsoagen's
schema check accepts, and the other way round where a schema can say so (tests/plan/
test_schema_files.py checks both with check-jsonschema). `InputSchema` closes the gaps between
pydantic's own schema and what wsoagen accepts:
- numbers where text, ids and refs are expected (`ref: 1.1`, `title: 2020`): the loader keeps the
  digits as written (`as_text`), so a number is text; an id or ref takes the numbers its pattern allows;
- shorthands: a before-validator that makes a one-key mapping of a scalar (`impact: some text`
  is `{text: some text}`) lets the scalar stand for the mapping;
- dates people write that YAML reads as a number (`deadline: 2020`);
- pydantic's lax mode: `yes`/`no`/`on`/`off` for true and false, `"3"` for 3;
- constraints pydantic leaves out of a chain of validators (an id's pattern), and text of only
  spaces (refused, as `as_text` strips it first).
What no schema can say stays with the rules (cross-references, dates in order, duplicate keys).
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from wsoagen.plan.load import YamlInt
from wsoagen.plan.model import PlanFile, Report, Workstream
from wsoagen.plan.model.fields import as_text

SCHEMAS = {"plan": PlanFile, "workstream": Workstream, "report": Report}

MARK = "x-wsoagen-input"  # set while generating, replaced by the input forms it names before output
STRING_KEYS = ("type", "pattern", "minLength", "maxLength", "format", "enum", "const")
# pydantic's lax mode: what a str may say for a bool (any case) and for an int
BOOL_WORDS = ("0", "off", "f", "false", "n", "no", "1", "on", "t", "true", "y", "yes")
INT_TEXT = r"^\s*[+-]?\d+(_\d+)*(\.0*)?\s*$"


def packaged_dir() -> Path:
    """The folder of the JSON Schema files shipped with this wsoagen (`make schema` refreshes them)."""
    return Path(str(resources.files("wsoagen") / "schemas"))


def schema_json(kind: str) -> str:
    schema = SCHEMAS[kind].model_json_schema(schema_generator=InputSchema)
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


class InputSchema(GenerateJsonSchema):
    """pydantic's schema generator, describing the input a YAML file gives (see the module docstring)."""

    def generate(self, schema: Any, mode: Any = "validation") -> Any:
        result = super().generate(schema, mode)
        defs = result.get("$defs", {})
        for name in list(defs):
            defs[name] = _finish(defs[name], defs)
        return _finish(result, defs)

    def function_before_schema(self, schema: Any) -> Any:
        js = super().function_before_schema(schema)
        fn = schema["function"]["function"]
        if fn is as_text:
            return {**js, MARK: ["text"]}
        shorthand = _shorthand(fn)
        return {**js, MARK: ["shorthand", *shorthand]} if shorthand else js

    def chain_schema(self, schema: Any) -> Any:
        # pydantic describes a chain by its first step; a later step's string constraints apply too
        js = dict(self.generate_inner(schema["steps"][0]))
        for step in schema["steps"][1:]:
            inner = step.get("schema", {})
            if inner.get("type") == "str":
                js.update({k: v for k, v in self.generate_inner(inner).items() if k != "type"})
        return js

    def generate_inner(self, schema: Any) -> Any:
        js = super().generate_inner(schema)
        if schema.get("type") == "function-plain" and isinstance(js, dict) and js.get("type") == "string" \
                and _accepts(schema["function"]["function"], YamlInt(2020, "2020")):
            return {**js, MARK: ["year"]}  # a date such as `deadline: 2020`, which YAML reads as a number
        return js

    def bool_schema(self, schema: Any) -> Any:
        words = "|".join("".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in w) for w in BOOL_WORDS)
        return {"anyOf": [{"type": "boolean"}, {"enum": [0, 1]}, {"type": "string", "pattern": f"^({words})$"}]}

    def int_schema(self, schema: Any) -> Any:
        return {"anyOf": [super().int_schema(schema), {"type": "string", "pattern": INT_TEXT}]}


def _accepts(fn: Any, value: Any) -> bool:
    try:
        fn(value)
    except (ValueError, TypeError, AttributeError):
        return False
    return True


def _shorthand(fn: Any) -> tuple[str, bool] | None:
    """(key, numbers too?) when `fn` turns a scalar into `{key: scalar}`, else None."""
    try:
        out = fn("x")
    except Exception:  # any validator may refuse the probe, in its own way
        return None
    if not (isinstance(out, dict) and list(out.values()) == ["x"]):
        return None
    number = fn(YamlInt(1, "1"))
    return next(iter(out)), isinstance(number, dict)


def _split(js: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(what says how to write the value, the rest: description, title, default)."""
    value = {k: v for k, v in js.items() if k in STRING_KEYS or k in ("anyOf", "$ref")}
    return value, {k: v for k, v in js.items() if k not in value and k != MARK}


def _numbers_for(pattern: str | None) -> dict[str, Any] | None:
    """The numbers whose written digits match a text pattern (`as_text` keeps them as written)."""
    if pattern is None:
        return {"type": "number"}
    fits = [re.search(pattern, sample) is not None for sample in ("1", "1.5", "-1")]
    if not fits[0]:
        return None
    return {"type": "number" if fits[1] else "integer", **({} if fits[2] else {"minimum": 0})}


def _text(js: dict[str, Any]) -> dict[str, Any]:
    value, rest = _split(js)
    pattern = value.get("pattern")
    number = _numbers_for(pattern)
    if pattern and pattern.startswith("^") and pattern.endswith("$"):
        value["pattern"] = rf"^\s*(?:{pattern[1:-1]})\s*$"  # as_text strips the spaces around it first
    elif value.get("minLength") and not pattern:
        value["pattern"] = r"\S"  # as_text strips: "   " is empty
    return {**rest, "anyOf": [value, number]} if number else {**rest, **value}


def _shorthand_form(js: dict[str, Any], key: str, numbers: bool, defs: dict[str, Any]) -> dict[str, Any]:
    value, rest = _split(js)
    target = defs.get(value.get("$ref", "").rsplit("/", 1)[-1], value)
    short, _ = _split(target.get("properties", {}).get(key, {}))
    refused = {"null"} | (set() if numbers else {"number", "integer"})  # the scalar goes to `fn` as it is
    forms = [f for f in _forms(short) if f.get("type") not in refused]
    return {**rest, "anyOf": [value, *forms]}


def _forms(js: dict[str, Any]) -> list[dict[str, Any]]:
    """The alternatives of a schema, nested anyOf flattened."""
    if set(js) == {"anyOf"}:
        return [f for alt in js["anyOf"] for f in _forms(alt)]
    return [js]


def _finish(node: Any, defs: dict[str, Any]) -> Any:
    """Replace each MARK by the input forms it names, depth first."""
    if isinstance(node, list):
        return [_finish(x, defs) for x in node]
    if not isinstance(node, dict):
        return node
    node = {k: _finish(v, defs) for k, v in node.items()}
    if "anyOf" in node:  # anyOf in anyOf (text widened to numbers, then made optional) reads as one list
        node["anyOf"] = [f for alt in node["anyOf"] for f in _forms(alt)]
    mark = node.get(MARK)
    if mark is None:
        return node
    if mark[0] == "text":
        return _text(node)
    if mark[0] == "year":
        value, rest = _split(node)
        return {**rest, "anyOf": [value, {"type": "integer"}]}
    return _shorthand_form(node, mark[1], mark[2], defs)
