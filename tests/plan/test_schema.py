"""The committed JSON Schemas match the models, and `wsoagen schema` prints them."""

import json

from wsoagen.plan.schema import SCHEMAS, packaged_dir, schema_json


def test_committed_schemas_are_current():
    for kind in SCHEMAS:
        committed = (packaged_dir() / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert committed == schema_json(kind), f"run `make schema` to refresh src/wsoagen/schemas/{kind}.schema.json"


def test_schema_command_prints_json(cli):
    code, out, _ = cli("schema")
    assert code == 0
    schema = json.loads(out)
    assert "title" in schema["properties"] and schema["additionalProperties"] is False
    code, out, _ = cli("schema", "workstream")
    assert json.loads(out)["properties"]["outcomes"]["description"] == "The outcomes, in order."


def test_every_field_is_described():
    for kind in SCHEMAS:
        schema = json.loads(schema_json(kind))
        for name, definition in [("root", schema), *schema.get("$defs", {}).items()]:
            for field, prop in definition.get("properties", {}).items():
                assert prop.get("description"), f"{kind}: {name}.{field} has no docstring"
