"""Where the templates are and the one Jinja2 environment that renders them.

The renderers and the email read templates through here: the user's copy (`--templates DIR`) or the
folder shipped with briefing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from briefing.errors import BriefingError

TEMPLATE = "brief.html.j2"
EMAIL_TEMPLATE = "email.html.j2"
STYLESHEET = "brief.css"
REFERENCE_DOCX = "reference.docx"


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

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["css_string"] = css_string
    return env


def css_string(text: str):
    """Return `text` as a quoted CSS string (for labels printed by the stylesheet's page boxes)."""
    from markupsafe import Markup

    escaped = "".join(ch if ch.isalnum() or ch in " .,:;-" else f"\\{ord(ch):x} " for ch in text)
    return Markup(f'"{escaped}"')
