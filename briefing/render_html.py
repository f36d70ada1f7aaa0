"""Render a `Brief` as HTML from `templates/brief.html.j2`: the PDF's source, or a preview file."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from briefing.errors import BriefingError, TemplateError
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


def require_template(folder: Path, name: str) -> Path:
    """Return the path of template file `name`; raise `TemplateError` when it is missing."""
    path = folder / name
    if not path.is_file():
        raise TemplateError(
            f"templates folder '{folder}' has no {name}; copy templates/ and edit it"
        )
    return path


def render_template(folder: Path, name: str, **values: object) -> str:
    """Render Jinja template `name` of `folder`; a broken template is a `TemplateError` naming the
    file and line."""
    import jinja2

    try:
        return environment(folder).get_template(name).render(**values)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(
            f"templates folder '{folder}' has no {exc.name}; copy templates/ and edit it"
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"{folder / (exc.name or name)}, line {exc.lineno}: {exc.message}"
        ) from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{folder / name}: {exc.message}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{folder / name}: cannot be read as UTF-8 text ({exc})") from None


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
