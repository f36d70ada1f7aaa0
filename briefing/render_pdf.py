"""Render a `Brief` as a PDF: the HTML template printed by WeasyPrint (tagged PDF/UA-1)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from briefing.model import Brief
from briefing.render_html import render_html
from briefing.templating import STYLESHEET, require_template, templates_dir

# PDF/UA-1: the brief is read on screens and by screen readers far more often than it is archived,
# so a tagged, accessible PDF serves its readers best (WeasyPrint also writes the XMP and metadata).
PDF_VARIANT = "pdf/ua-1"
PAPER = {"a4": "A4", "letter": "letter"}


def render_pdf(brief: Brief, templates: Path | None = None, paper: str = "a4") -> bytes:
    """Return the PDF bytes; same brief and templates give the same bytes."""
    import weasyprint

    folder = templates_dir(templates)
    require_template(folder, STYLESHEET)
    html = weasyprint.HTML(
        string=render_html(brief, folder),
        base_url=folder.as_uri() + "/",
        url_fetcher=confined_fetcher(folder),
    )
    # !important: the command line's --paper outranks the size a (user's) stylesheet sets.
    paper_css = weasyprint.CSS(string=f"@page {{ size: {PAPER[paper]} !important; }}")
    with _own_temporary_folder():
        document = html.render(stylesheets=[paper_css])
        return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=brief.slug.encode())


@contextmanager
def _own_temporary_folder() -> Iterator[None]:
    """Give WeasyPrint a temporary folder of ours while it renders, and remove it after.

    WeasyPrint copies each @font-face font into a `weasyprint-*` folder that it removes only when
    the garbage collector frees its font configuration (a reference cycle): never, in a worker
    that ends without Python's clean-up, and only at exit otherwise.
    """
    previous = tempfile.tempdir
    folder = tempfile.mkdtemp(prefix="briefing-pdf-")
    tempfile.tempdir = folder
    try:
        yield
    finally:
        tempfile.tempdir = previous
        shutil.rmtree(folder, ignore_errors=True)


def confined_fetcher(folder: Path):
    """Return a URL fetcher that reads files inside `folder` only: no network, nothing else.

    A refused URL (an article's image pointing at the network or at /etc) is simply not loaded.
    """
    from weasyprint.urls import URLFetcher

    root = folder.resolve()

    class ConfinedFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if parts.scheme != "file":
                raise ValueError(f"refused to fetch '{url}': briefs never read the network")
            target = Path(unquote(parts.path)).resolve()
            if not target.is_relative_to(root):
                raise ValueError(f"refused to read '{url}': outside the templates folder")
            return super().fetch(url, headers)

    return ConfinedFetcher(allowed_protocols=("file", "data"), allow_redirects=False)
