"""The topic profile: title, actors and aliases, section cues and titles, with generic defaults.

A profile is a `brief.toml` beside the articles. Everything topic-specific lives there; the defaults
below are plain English newsroom vocabulary that fits any policy topic.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import ProfileError
from briefing.untrusted import xml_safe

PROFILE_NAME = "brief.toml"

SECTION_KEYS = ("key_points", "positions", "open_questions", "aid", "outlook")

DEFAULT_TITLES = {
    "key_points": "Key points",
    "positions": "Positions",
    "open_questions": "Open questions",
    "aid": "Aid and funding",
    "outlook": "Outlook",
}

# Generic cue vocabulary per section. A cue is a word stem or a short phrase; matching is on
# lower-cased text at word starts, so "pledg" covers pledge, pledged and pledging.
DEFAULT_CUES: dict[str, tuple[str, ...]] = {
    "positions": (
        "said",
        "says",
        "stated",
        "insist",
        "urged",
        "urges",
        "call for",
        "called for",
        "calls for",
        "demand",
        "want",
        "oppos",
        "refus",
        "reject",
        "support",
        "back",
        "warn",
        "believ",
        "convinced",
        "argu",
        "emphasi",
        "stress",
        "reiterat",
        "position",
        "unacceptable",
        "label",
        "view",
        "sees",
        "hope",
        "made it clear",
        "according to",
        "announced that",
        "committed",
        "determined",
        "priority",
        "guarantee",
        "stance",
        "criticiz",
        "condemn",
    ),
    "open_questions": (
        "unclear",
        "uncertain",
        "whether",
        "unknown",
        "without saying",
        "without providing",
        "yet to",
        "not yet",
        "remains to be seen",
        "unlikely",
        "no signs",
        "consensus",
        "question",
        "doubt",
        "debate",
        "contested",
        "skeptic",
        "sceptic",
        "hesitant",
        "reluctan",
        "divided",
        "disagree",
        "if ",
        "may ",
        "might",
        "could",
        "limbo",
        "elusive",
        "out of reach",
        "not ready",
        "not believe",
        "not clear",
        "undecided",
        "dispute",
        "caution",
        "fear",
        "concern",
        "risk",
        "will take",
        "take time",
        "surprised",
    ),
    "aid": (
        "aid",
        "package",
        "weapon",
        "missile",
        "munition",
        "ammunition",
        "air defen",
        "defense system",
        "defence system",
        "tank",
        "artillery",
        "drone",
        "jet",
        "arms",
        "military support",
        "military assistance",
        "pledg",
        "deliver",
        "supply",
        "supplying",
        "funding",
        "loan",
        "grant",
        "million",
        "billion",
        "system",
        "equipment",
        "troops",
        "sanction",
    ),
    "outlook": (
        "will ",
        "expected",
        "scheduled",
        "next",
        "summit",
        "upcoming",
        "later",
        "by the end of",
        "end of",
        "deadline",
        "plan to",
        "plans to",
        "set to",
        "forecast",
        "in the coming",
        "next year",
        "next month",
        "next week",
        "tomorrow",
        "is due to",
        "are due to",
        "is to ",
        "are to ",
        "meet",
        "meeting",
        "vote",
        "talks",
        "negotiation",
        "election",
        "takes office",
        "return",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ),
}


@dataclass(frozen=True)
class Actor:
    """Someone whose position the brief reports, and the names the sources use for them."""

    name: str
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Profile:
    """What a brief knows about its topic; every field has a generic default."""

    title: str = ""
    handling: str = ""
    author: str = ""
    keywords: tuple[str, ...] = ()
    actors: tuple[Actor, ...] = ()
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    path: str = ""

    def section_title(self, key: str) -> str:
        return self.titles.get(key) or DEFAULT_TITLES[key]

    def section_cues(self, key: str) -> tuple[str, ...]:
        return DEFAULT_CUES.get(key, ()) + self.cues.get(key, ())


def find_profile(sources: Path, explicit: Path | None = None) -> Path | None:
    """Return the profile to use: `explicit`, else `brief.toml` in the sources folder, else None."""
    if explicit is not None:
        if not explicit.is_file():
            raise ProfileError(f"profile '{explicit}' does not exist")
        return explicit
    candidate = sources / PROFILE_NAME
    return candidate if candidate.is_file() else None


def load_profile(path: Path | None) -> Profile:
    """Read a profile; with no path, return the generic defaults."""
    if path is None:
        return Profile()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{path}: cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path}: not valid TOML ({exc})") from None
    return _profile_from(data, str(path))


def _profile_from(data: dict, where: str) -> Profile:
    known = {"title", "handling", "author", "keywords", "actors", "sections"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ProfileError(
            f"{where}: unknown setting '{unknown[0]}' (known: {', '.join(sorted(known))})"
        )
    actors = []
    for i, entry in enumerate(_list(data.get("actors", []), where, "actors")):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ProfileError(f'{where}: actors[{i}] needs a name = "..."')
        aliases = tuple(_strings(entry.get("aliases", []), where, f"actors[{i}].aliases"))
        actors.append(Actor(entry["name"], aliases))
    cues: dict[str, tuple[str, ...]] = {}
    titles: dict[str, str] = {}
    sections = data.get("sections", {})
    if not isinstance(sections, dict):
        raise ProfileError(f"{where}: [sections] must be a table")
    for key, value in sections.items():
        if key not in SECTION_KEYS or not isinstance(value, dict):
            raise ProfileError(
                f"{where}: unknown section '{key}' (known: {', '.join(SECTION_KEYS)})"
            )
        if "title" in value:
            titles[key] = _string(value["title"], where, f"sections.{key}.title")
        cues[key] = tuple(c.lower() for c in _strings(value.get("cues", []), where, f"{key}.cues"))
    return Profile(
        title=_string(data.get("title", ""), where, "title"),
        handling=_string(data.get("handling", ""), where, "handling"),
        author=_string(data.get("author", ""), where, "author"),
        keywords=tuple(_strings(data.get("keywords", []), where, "keywords")),
        actors=tuple(actors),
        cues=cues,
        titles=titles,
        path=where,
    )


def _string(value: object, where: str, name: str) -> str:
    """Return a profile value as XML-safe text on one line (titles end up in mail headers)."""
    if not isinstance(value, str):
        raise ProfileError(f"{where}: '{name}' must be text")
    text = xml_safe(value).strip()
    if "\n" in text:
        raise ProfileError(f"{where}: '{name}' must be one line")
    return text


def _list(value: object, where: str, name: str) -> list:
    if not isinstance(value, list):
        raise ProfileError(f"{where}: '{name}' must be a list")
    return value


def _strings(value: object, where: str, name: str) -> list[str]:
    return [_string(v, where, name) for v in _list(value, where, name)]


# File names hold 255 bytes; a slug stays far below, whatever words the title is made of.
MAX_SLUG_CHARS = 80


def slugify(text: str, max_words: int = 6) -> str:
    """Return a short ASCII file-name slug for `text` ("brief" when nothing is left)."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"(?<=\w)'(?=\w)", "", ascii_text)
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words])[:MAX_SLUG_CHARS].strip("-") or "brief"
