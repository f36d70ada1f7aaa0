"""Render a `Brief` as HTML from `templates/brief.html.j2`: the PDF's source, or a preview file."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from briefing.errors import BriefingError
from briefing.model import Brief

TEMPLATE = "brief.html.j2"
STYLESHEET = "brief.css"
REFERENCE_DOCX = "reference.docx"
_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}\s*")


def templates_dir(custom: Path | None = None) -> Path:
    """Return the templates folder: the user's (`--templates`), else the one shipped with briefing."""
    if custom is not None:
        if not (custom / TEMPLATE).is_file():
            raise BriefingError(
                f"templates folder '{custom}' has no {TEMPLATE}; copy templates/ and edit it"
            )
        return custom
    return _shipped_templates()


@cache
def _shipped_templates() -> Path:
    from importlib.resources import files

    installed = Path(str(files("briefing") / "templates"))
    if (installed / TEMPLATE).is_file():
        return installed
    return Path(__file__).resolve().parent.parent / "templates"


def environment(folder: Path):
    """Return the one Jinja2 environment: autoescaped, strict about undefined names."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


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
