"""`wsoagen importer`: not built yet (placeholder so the command line is fixed)."""

from __future__ import annotations

import argparse

from wsoagen.diagnostics import UsageError


def run(args: argparse.Namespace) -> int:
    raise UsageError(f"wsoagen {args.command} is not available yet")
