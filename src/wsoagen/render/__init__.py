"""Renderers: plan -> HTML (Jinja2), HTML -> PDF (WeasyPrint), HTML -> DOCX (python-docx)."""
