"""The preview's server answers only its own paths, only to this machine, and keeps up with saves."""

from __future__ import annotations

import http.client
import threading
import time

import pytest

from wsoagen.cli import main
from wsoagen.preview.server import serve
from wsoagen.preview.state import Preview


def start(folder, cache):
    assert main(["new", str(folder), "--local-area", "Testshire"]) == 0
    preview = Preview(folder, cache, poll=0.05)
    preview.refresh()
    server = serve(preview, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    threading.Thread(target=preview.watch, daemon=True).start()
    return preview, server


@pytest.fixture(scope="module")
def charts(tmp_path_factory):
    return tmp_path_factory.mktemp("charts")  # drawn once for every test here


@pytest.fixture(scope="module")
def served(tmp_path_factory, charts):
    """One preview for the tests that only read."""
    preview, server = start(tmp_path_factory.mktemp("served") / "plan", charts)
    yield preview, server.server_address[1]
    preview.stop()
    server.shutdown()
    server.server_close()


@pytest.fixture
def running(tmp_path, charts):
    """A preview of its own, for a test that saves files."""
    preview, server = start(tmp_path / "plan", charts)
    yield preview, server.server_address[1]
    preview.stop()
    server.shutdown()
    server.server_close()


def get(port: int, path: str, host: str | None = None) -> tuple[int, bytes, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.putrequest("GET", path, skip_host=True)
    conn.putheader("Host", host or f"127.0.0.1:{port}")
    conn.endheaders()
    r = conn.getresponse()
    return r.status, r.read(), dict(r.getheaders())


def test_index_and_documents_are_served_with_the_reload_script(served):
    preview, port = served
    code, body, _ = get(port, "/")
    assert code == 200 and b'href="/wsoa.html"' in body and b"/_wsoagen/build/wsoa.pdf" in body
    code, body, headers = get(port, "/wsoa.html")
    assert code == 200 and b"/_wsoagen/wait?version=" in body and headers["Cache-Control"] == "no-store"
    assert b"/_wsoagen/wait" not in preview.editions.documents["wsoa"].encode()  # never in what a build writes


@pytest.mark.parametrize("path", ["/../plan.yaml", "/%2e%2e/plan.yaml", "/..%2fplan.yaml", "//etc/passwd", "/plan.yaml",
                                  "/workstreams/1-ehc-plans.yaml", "/_wsoagen/build/../../plan.yaml", "/WSOA.html", "/wsoa.html/."])
def test_nothing_outside_the_editions_is_served(served, path):
    _, port = served
    assert get(port, path)[0] == 404


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "192.168.1.5"])
def test_requests_naming_another_host_are_refused(served, host):
    _, port = served
    assert get(port, "/", host=host)[0] == 403


def test_a_save_moves_the_version_on_and_wakes_the_waiting_pages(running):
    preview, port = running
    version = preview.version
    answer: list = []
    waiter = threading.Thread(target=lambda: answer.append(get(port, f"/_wsoagen/wait?version={version}")))
    waiter.start()
    time.sleep(0.2)
    yaml = next((preview.folder / "workstreams").glob("*.yaml"))
    yaml.write_text(yaml.read_text().replace("status: Blue", "status: Green"))
    waiter.join(timeout=30)
    assert answer and answer[0][0] == 200 and f'"version": {version + 1}'.encode() in answer[0][1]
    assert "Green" in preview.editions.documents["wsoa"]
    renders = preview.renders
    time.sleep(0.3)
    assert preview.renders == renders  # nothing saved: nothing rendered again


def test_errors_replace_the_pages_until_fixed_and_are_escaped(running):
    preview, port = running
    yaml = next((preview.folder / "workstreams").glob("*.yaml"))
    good = yaml.read_text()
    version = preview.version
    yaml.write_text(good.replace("status: Blue", "status: <script>x</script>"))
    assert preview.wait(version, timeout=30) > version
    code, body, _ = get(port, "/wsoa.html")
    assert code == 200 and b'class="errors"' in body and b"&lt;script&gt;x&lt;/script&gt;" in body and b"<script>x" not in body
    yaml.write_text(good)
    assert preview.wait(version + 1, timeout=30) > version + 1
    assert b'class="errors"' not in get(port, "/wsoa.html")[1]


@pytest.mark.slow
def test_pdf_and_word_on_demand(served):
    _, port = served
    code, body, headers = get(port, "/_wsoagen/build/wsoa.pdf")
    assert code == 200 and body.startswith(b"%PDF") and headers["Content-Type"] == "application/pdf"
    code, body, headers = get(port, "/_wsoagen/build/wsoa.docx")
    assert code == 200 and body.startswith(b"PK") and 'filename="wsoa.docx"' in headers["Content-Disposition"]
    assert get(port, "/_wsoagen/build/nothing.pdf")[0] == 404


def test_a_house_style_template_that_fails_is_shown_with_its_line_and_the_preview_keeps_going(running):
    preview, port = running
    style = preview.folder / "templates" / "testshire"
    style.mkdir(parents=True)
    (style / "wsoa.html.j2").write_text('{% extends "default/wsoa.html.j2" %}\n{% block body %}{{ plan.nope.deeper }}{% endblock %}\n')
    plan_yaml = preview.folder / "plan.yaml"
    good = plan_yaml.read_text()
    version = preview.version
    plan_yaml.write_text(good + "house_style: testshire\n")
    assert preview.wait(version, timeout=30) > version
    body = get(port, "/wsoa.html")[1].decode()
    assert 'class="errors"' in body and "wsoa.html.j2:2:" in body
    plan_yaml.write_text(good)
    assert preview.wait(version + 1, timeout=30) > version + 1
    assert 'class="errors"' not in get(port, "/wsoa.html")[1].decode()
