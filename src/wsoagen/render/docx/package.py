"""The .docx file itself: core properties and reproducible zip bytes.

In: the finished python-docx Document and the document's `Meta`. Out: the bytes of the
.docx, with title, author, language, created/modified (from the HTML, else a fixed date),
revision 1 and an empty last-modified-by, every zip entry dated 1980-01-01 with fixed
attributes: the same HTML and reference give byte-identical files.
"""

from __future__ import annotations

import io
import zipfile

from wsoagen.render.docx.subset import Meta

ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def set_core_properties(doc, meta: Meta) -> None:
    core = doc.core_properties
    core.title = meta.title
    core.author = meta.author
    if meta.lang:
        core.language = meta.lang
    core.created = core.modified = meta.created
    core.revision = 1
    core.last_modified_by = ""


def docx_bytes(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return normalise_zip(out.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry dates and attributes, keeping the entry order.

    python-docx stamps every entry with the current time; this makes equal input give
    byte-identical files.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3  # Unix, whatever platform we run on
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
