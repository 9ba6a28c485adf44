"""The pages only a preview serves: the index, the error page, and the script that reloads a tab.

In: the current `Editions` and its version number. Out: HTML strings. Every message and name is
escaped (`html.escape`): plan text and diagnostics are untrusted. The reload script is added to
a document's HTML only when the preview serves it, never to the documents a build writes.
"""

from __future__ import annotations

from html import escape

from wsoagen.preview.documents import Editions

STYLE = """
body { font-family: "Liberation Sans", Arial, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #0b0c0c; }
h1 { font-size: 1.6rem; } li { margin: 0.4rem 0; }
.errors { border-left: 6px solid #d4351c; padding: 0.5rem 1rem; background: #fff5f5; }
.errors li { font-family: "Liberation Mono", monospace; white-space: pre-wrap; }
.warnings { border-left: 6px solid #ffdd00; padding: 0.5rem 1rem; }
"""
BAR_STYLE = """
.wsoagen-preview { position: fixed; bottom: 0; right: 0; background: #0b0c0c; color: #fff; padding: 0.3rem 0.8rem;
                   font: 14px "Liberation Sans", Arial, sans-serif; z-index: 1000; }
.wsoagen-preview a { color: #fff; margin-left: 0.6rem; }
@media print { .wsoagen-preview { display: none; } }
"""


def reload_script(version: int) -> str:
    """Long-polls /_wsoagen/wait and reloads the tab when the preview's version moves on."""
    return f"""<script>
(async () => {{
  let version = {version};
  for (;;) {{
    try {{
      const r = await fetch("/_wsoagen/wait?version=" + version, {{cache: "no-store"}});
      const now = (await r.json()).version;
      if (now !== version) {{ location.reload(); return; }}
    }} catch (e) {{ await new Promise((ok) => setTimeout(ok, 1000)); }}
  }}
}})();
</script>"""


def _page(title: str, body: str, version: int) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{STYLE}</style></head><body>{body}{reload_script(version)}</body></html>")


def _diagnostics(editions: Editions) -> str:
    errors = [str(d) for d in editions.diagnostics.sorted() if d.level == "error"]
    warnings = [str(d) for d in editions.diagnostics.sorted() if d.level == "warning"]
    out = ""
    if errors:
        out += ('<section class="errors" role="alert"><h2>The plan has errors: the documents will come back when they '
                "are fixed</h2><ul>" + "".join(f"<li>{escape(e)}</li>" for e in errors) + "</ul></section>")
    if warnings:
        out += ('<section class="warnings"><h2>Warnings</h2><ul>' + "".join(f"<li>{escape(w)}</li>" for w in warnings)
                + "</ul></section>")
    return out


def index(plan_name: str, editions: Editions, version: int) -> str:
    items = "".join(f'<li><a href="/{escape(name)}.html">{escape(editions.titles.get(name, name))}</a>'
                    f' (<a href="/_wsoagen/build/{escape(name)}.pdf">PDF</a>, '
                    f'<a href="/_wsoagen/build/{escape(name)}.docx">Word</a>)</li>' for name in editions.documents)
    listing = f"<h2>Documents</h2><ul>{items}</ul>" if items else ""
    return _page(f"Preview: {plan_name}", f"<h1>Preview: {escape(plan_name)}</h1>{_diagnostics(editions)}{listing}", version)


def error_page(plan_name: str, editions: Editions, version: int) -> str:
    return _page(f"Errors: {plan_name}", f'<h1>{escape(plan_name)}</h1>{_diagnostics(editions)}<p><a href="/">All documents</a></p>',
                 version)


def document(name: str, html: str, version: int) -> str:
    """The document as the build writes it, with a small bar (index, PDF, Word) and the reload script."""
    bar = (f'<div class="wsoagen-preview" role="navigation" aria-label="Preview">Preview <a href="/">index</a>'
           f'<a href="/_wsoagen/build/{escape(name)}.pdf">PDF</a><a href="/_wsoagen/build/{escape(name)}.docx">Word</a></div>'
           f"<style>{BAR_STYLE}</style>")
    extra = bar + reload_script(version)
    at = html.rfind("</body>")
    return html[:at] + extra + html[at:] if at >= 0 else html + extra
