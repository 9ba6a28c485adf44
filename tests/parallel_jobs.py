"""Jobs for tests/test_parallel.py that a worker process imports by name: kept apart from the
test module so that a worker imports only this (and the exception it raises), not the build."""

from __future__ import annotations

import hashlib
import os
import time

from wsoagen.render.pdf import FetchRefused


def pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def fail(message: str) -> None:
    raise ValueError(message)


def die() -> None:
    os._exit(3)


def stand_in_pdf(html: str, *args: object) -> bytes:
    """A PDF stand-in (equal HTML, equal bytes) that refuses the board pack, as a real fetch refusal would."""
    if "board pack</title>" in html:
        raise FetchRefused("file:///etc/hostname")
    return b"%PDF stand-in " + hashlib.sha256(html.encode()).hexdigest().encode()


def dying_pdf(html: str, *args: object) -> bytes:
    """A PDF stand-in whose worker dies on the board pack (a crash in the renderer)."""
    if "board pack</title>" in html:
        os._exit(3)
    return stand_in_pdf(html)


def stand_in_docx(html: str, *args: object) -> bytes:
    return b"PK stand-in " + hashlib.sha256(html.encode()).hexdigest().encode()


def warn(message: str) -> str:
    import logging

    logging.getLogger("weasyprint").warning("%s, in a worker", message)
    return message
