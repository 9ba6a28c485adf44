"""The preview's web server: the index, each document's HTML edition, long-polling, PDF and Word on demand.

In: a `Preview` and the address to bind. Out: an HTTP server (standard library, one thread per
request: a few browser tabs, never the public) answering only these paths:

    /                         the index: every document, and the plan's errors and warnings
    /<name>.html              a document's HTML edition, or the error page while the plan has errors
    /_wsoagen/wait?version=N  answers when the version is no longer N (the pages reload then)
    /_wsoagen/build/<name>.pdf|.docx   that document rendered now

Nothing is read from disk by path, so there is nothing to traverse to; every other path is 404.
A request whose Host header is not this machine is refused (403), so a web page elsewhere cannot
reach the preview through a DNS name that points here (DNS rebinding).
"""

from __future__ import annotations

import json
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from wsoagen.preview import pages
from wsoagen.preview.state import Preview

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
DOCUMENT = re.compile(r"^/([a-z0-9][a-z0-9-]*)\.html$")
BUILD = re.compile(r"^/_wsoagen/build/([a-z0-9][a-z0-9-]*)\.(pdf|docx)$")
TYPES = {"pdf": "application/pdf", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


class Handler(BaseHTTPRequestHandler):
    """Answers one request from the preview's current state (set on a subclass by `serve`)."""

    server_version = "wsoagen-preview"
    preview: Preview
    allowed: set[str]

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the stdlib's name)
        pass  # the terminal is for the plan's problems, not for every request

    def _send(self, code: int, body: bytes, kind: str = "text/html; charset=utf-8", extra: dict[str, str] | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self) -> None:  # noqa: N802 (the stdlib's name)
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        host = (self.headers.get("Host") or "").strip().lower()
        if re.sub(r":\d+$", "", host) not in self.allowed:
            return self._send(403, b"wsoagen preview: only this machine may ask (Host header not local)\n", "text/plain")
        url = urlsplit(self.path)
        if url.path == "/":
            return self._send(200, pages.index(self.preview.folder.resolve().name, self.preview.editions, self.preview.version).encode())
        if m := DOCUMENT.match(url.path):
            return self._document(m.group(1))
        if url.path == "/_wsoagen/wait":
            return self._wait(url.query)
        if m := BUILD.match(url.path):
            return self._build(m.group(1), m.group(2))
        self._send(404, b"not found\n", "text/plain")

    def _document(self, name: str) -> None:
        editions, version = self.preview.editions, self.preview.version
        if editions.failed:
            return self._send(200, pages.error_page(self.preview.folder.resolve().name, editions, version).encode())
        if name not in editions.documents:
            return self._send(404, b"not found\n", "text/plain")
        self._send(200, pages.document(name, editions.documents[name], version).encode())

    def _wait(self, query: str) -> None:
        try:
            since = int(parse_qs(query).get("version", ["-1"])[0])
        except ValueError:
            since = -1
        self._send(200, json.dumps({"version": self.preview.wait(since)}).encode(), "application/json")

    def _build(self, name: str, suffix: str) -> None:
        try:
            data = self.preview.build(name, suffix)
        except Exception as exc:  # a render failure is the plan's: say it in the browser
            return self._send(500, f"could not render {name}.{suffix}: {exc}\n".encode(), "text/plain; charset=utf-8")
        if data is None:
            return self._send(404, b"not found\n", "text/plain")
        self._send(200, data, TYPES[suffix], {"Content-Disposition": f'attachment; filename="{name}.{suffix}"'})


def serve(preview: Preview, host: str, port: int) -> ThreadingHTTPServer:
    """A server bound to host:port (port 0: any free port), not yet serving."""
    handler = type("PreviewHandler", (Handler,), {"preview": preview, "allowed": LOCAL_HOSTS | {host.lower()}})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def announce(server: ThreadingHTTPServer, folder_name: str) -> None:
    host, port = server.server_address[:2]
    shown = f"[{host}]" if ":" in str(host) else host
    print(f"wsoagen: previewing {folder_name} at http://{shown}:{port}/ (Ctrl-C to stop)", file=sys.stderr, flush=True)
