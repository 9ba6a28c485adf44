"""Turn the plan models into the JSON Schemas that editors use (yaml-language-server).

`schema/plan.schema.json` describes plan.yaml, `schema/workstream.schema.json` a workstream file,
`schema/report.schema.json` a board report; all are committed, and a test checks they match the models.
"""

from __future__ import annotations

import json

from wsoagen.plan.model import PlanFile, Report, Workstream

SCHEMAS = {"plan": PlanFile, "workstream": Workstream, "report": Report}


def schema_json(kind: str) -> str:
    schema = SCHEMAS[kind].model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
