"""`wsoagen preview [PLAN_DIR] [--port N] [--host H]`: the plan's HTML editions, live, in a browser.

In: the parsed arguments. Out: a local web server (wsoagen.preview) until Ctrl-C; its address on
stderr. Each save re-renders the HTML editions and reloads the open tab; while the plan has
errors the pages show them. Exit 0 when stopped with Ctrl-C, 2 when the folder is not a plan
or the port is taken.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
from pathlib import Path

from wsoagen.commands.messages import EXIT_OK
from wsoagen.diagnostics import UsageError


def run(args: argparse.Namespace) -> int:
    from wsoagen.preview.server import announce, serve
    from wsoagen.preview.state import Preview

    folder: Path = args.plan
    if not (folder / "plan.yaml").is_file():
        raise UsageError(f"{folder}: not a plan folder (no plan.yaml)")
    with tempfile.TemporaryDirectory(prefix="wsoagen-preview-") as cache:
        preview = Preview(folder, Path(cache))
        preview.refresh()  # the first render before the address is printed: the first page is ready
        try:
            server = serve(preview, args.host, args.port)
        except OSError as exc:
            raise UsageError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc} (try --port)") from None
        watcher = threading.Thread(target=preview.watch, name="watch", daemon=True)
        watcher.start()
        announce(server, folder.resolve().name)
        try:
            server.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            print("wsoagen: preview stopped", file=sys.stderr)
        finally:
            preview.stop()
            server.server_close()
    return EXIT_OK
