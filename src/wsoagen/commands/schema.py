"""`wsoagen schema [KIND] [--write DIR]`: the JSON Schemas of plan files, for editors and CI."""

from __future__ import annotations

import argparse
import sys

from wsoagen.commands.messages import EXIT_OK
from wsoagen.diagnostics import UsageError


def run(args: argparse.Namespace) -> int:
    from wsoagen.output import write_atomic
    from wsoagen.plan.schema import SCHEMAS, schema_json

    if args.kind not in SCHEMAS:
        raise UsageError(f'no schema "{args.kind}": choose one of {", ".join(SCHEMAS)}')
    if args.write:
        for kind in SCHEMAS:
            path = write_atomic(args.write / f"{kind}.schema.json", schema_json(kind).encode("utf-8"))
            print(f"wrote {path}")
        return EXIT_OK
    sys.stdout.write(schema_json(args.kind))
    return EXIT_OK
