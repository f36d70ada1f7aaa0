"""Render a `Brief` as HTML from `templates/brief.html.j2`: the PDF's source, or a preview file."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.errors import TemplateError
from briefing.model import Brief
from briefing.templating import (
    STYLESHEET,
    TEMPLATE,
    render_template,
    require_template,
    templates_dir,
)

_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}\s*")


def render_html(brief: Brief, templates: Path | None = None, *, standalone: bool = False) -> str:
    """Return the brief as HTML; `standalone` inlines the stylesheet for a self-contained file."""
    folder = templates_dir(templates)
    inline_css = ""
    if standalone:
        # A preview file must stand alone: the shipped font files stay behind, the reader's own
        # serif and sans-serif faces take their place.
        stylesheet = require_template(folder, STYLESHEET)
        try:
            inline_css = _FONT_FACE.sub("", stylesheet.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise TemplateError(f"{stylesheet}: cannot be read as UTF-8 text ({exc})") from None
    return render_template(folder, TEMPLATE, brief=brief, inline_css=inline_css)
