"""Turn the plan models into the JSON Schemas that editors use (yaml-language-server).

`plan.schema.json` describes plan.yaml, `workstream.schema.json` a workstream file,
`report.schema.json` a board report. They ship inside the package (`wsoagen/schemas/`, `packaged_dir()`),
are committed, and a test checks they match the models.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from wsoagen.plan.model import PlanFile, Report, Workstream

SCHEMAS = {"plan": PlanFile, "workstream": Workstream, "report": Report}


def packaged_dir() -> Path:
    """The folder of the JSON Schema files shipped with this wsoagen (`make schema` refreshes them)."""
    return Path(str(resources.files("wsoagen") / "schemas"))


def schema_json(kind: str) -> str:
    schema = SCHEMAS[kind].model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
