"""Guide -> PDF, via WeasyPrint from the standalone HTML and its print CSS (no second layout)."""

from __future__ import annotations

from careerpath.engine.model import Guide

from .html import render_html


def render_pdf(guide: Guide) -> bytes:
    from weasyprint import HTML  # heavy import; only the PDF path pays for it

    return HTML(string=render_html(guide)).write_pdf()
