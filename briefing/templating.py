"""Where the templates are and the one Jinja2 environment that renders them.

The renderers and the email read templates through here: the user's copy (`--templates DIR`) or the
folder shipped with briefing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from briefing.errors import BriefingError, TemplateError

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
