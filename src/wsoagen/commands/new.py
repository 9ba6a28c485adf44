"""`wsoagen new PLAN_DIR`: start a plan folder that validates at once (see `wsoagen.plan.scaffold`)."""

from __future__ import annotations

import argparse
import sys

from wsoagen.commands.messages import EXIT_OK


def run(args: argparse.Namespace) -> int:
    from wsoagen.plan import scaffold

    written, schema = scaffold.create(args.folder, args.local_area, kind=getattr(args, "kind", "wsoa"))
    for path in written:
        print(f"wrote {path}")
    if not schema.exists:
        print(f"wsoagen: note: no JSON Schema found for editors: run `wsoagen schema --write {schema.folder}`",
              file=sys.stderr)
    print(f"wsoagen: new plan in {args.folder}: edit it, then run `wsoagen validate {args.folder}`", file=sys.stderr)
    return EXIT_OK


