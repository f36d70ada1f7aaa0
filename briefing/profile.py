"""The topic profile: title, actors and aliases, section cues and titles, vocabulary additions.

A profile is a `brief.toml` beside the articles. Everything topic-specific lives there; without one,
the shipped vocabulary (`briefing/data/`, plain English newsroom words) fits any policy topic.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from briefing.errors import ProfileError
from briefing.untrusted import xml_safe
from briefing.vocabulary import Vocabulary, shipped

PROFILE_NAME = "brief.toml"

SECTION_KEYS = ("key_points", "positions", "open_questions", "aid", "outlook")


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
    additions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    replacements: dict[str, tuple[str, ...]] = field(default_factory=dict)
    path: str = ""

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """The shipped vocabulary with this profile's additions and replacements."""
        return shipped().extended(self.additions, self.replacements)

    def section_title(self, key: str) -> str:
        return self.titles.get(key) or self.vocabulary.table("section_titles")[key]

    def section_cues(self, key: str) -> tuple[str, ...]:
        return tuple(self.vocabulary.table("section_cues").get(key, ())) + self.cues.get(key, ())


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
    known = {"title", "handling", "author", "keywords", "actors", "sections", "vocabulary"}
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
    additions, replacements = _vocabulary(data.get("vocabulary", {}), where)
    return Profile(
        title=_string(data.get("title", ""), where, "title"),
        handling=_string(data.get("handling", ""), where, "handling"),
        author=_string(data.get("author", ""), where, "author"),
        keywords=tuple(_strings(data.get("keywords", []), where, "keywords")),
        actors=tuple(actors),
        cues=cues,
        titles=titles,
        additions=additions,
        replacements=replacements,
        path=where,
    )


def _vocabulary(
    table: object, where: str
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Read `[vocabulary]` (lists to extend) and `[vocabulary.replace]` (lists to replace)."""
    if not isinstance(table, dict):
        raise ProfileError(f"{where}: [vocabulary] must be a table")
    names = shipped().names()
    additions: dict[str, tuple[str, ...]] = {}
    replacements: dict[str, tuple[str, ...]] = {}
    for name, value in table.items():
        target, entries = (replacements, value) if name == "replace" else (additions, {name: value})
        if not isinstance(entries, dict):
            raise ProfileError(f"{where}: [vocabulary.replace] must be a table")
        for list_name, words in entries.items():
            if list_name not in names:
                raise ProfileError(
                    f"{where}: unknown vocabulary list '{list_name}' "
                    "(the lists are named in briefing/data/*.toml)"
                )
            target[list_name] = tuple(_strings(words, where, f"vocabulary.{list_name}"))
    return additions, replacements


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
