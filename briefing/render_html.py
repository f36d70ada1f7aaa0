"""Render a `Brief` as HTML from `templates/brief.html.j2`: the PDF's source, or a preview file."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.model import Brief
from briefing.templating import STYLESHEET, TEMPLATE, environment, templates_dir

_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}\s*")


def render_html(brief: Brief, templates: Path | None = None, *, standalone: bool = False) -> str:
    """Return the brief as HTML; `standalone` inlines the stylesheet for a self-contained file."""
    folder = templates_dir(templates)
    template = environment(folder).get_template(TEMPLATE)
    inline_css = ""
    if standalone:
        # A preview file must stand alone: the shipped font files stay behind, the reader's own
        # serif and sans-serif faces take their place.
        inline_css = _FONT_FACE.sub("", (folder / STYLESHEET).read_text(encoding="utf-8"))
    return template.render(brief=brief, inline_css=inline_css)
