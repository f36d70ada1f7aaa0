"""The vocabulary briefing reads news with, shipped as data: word lists, cue words, labels, gazetteer.

Every list lives once, in a TOML file under `briefing/data/` that names its source. A profile may add
words to a list (`[vocabulary] speech_verbs = ["quipped"]`) or replace one
(`[vocabulary.replace] honorifics = [...]`). Stages ask a `Vocabulary` for lists and build their
patterns from it once per vocabulary (`compiled`).
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any, TypeVar

LISTS = "lists"  # the table of each file whose entries a profile may extend or replace

T = TypeVar("T")
_FINGERPRINT = "fingerprint"  # the key `fingerprint` keeps its hash under, beside the patterns


class Vocabulary:
    """Named word lists and tables; compiled patterns are built once per vocabulary and kept."""

    def __init__(self, lists: Mapping[str, tuple[str, ...]], tables: Mapping[str, Any]) -> None:
        self._lists = dict(lists)
        self._tables = dict(tables)
        self._compiled: dict[Callable | str, Any] = {}

    def words(self, name: str) -> tuple[str, ...]:
        """Return the list `name`, in its file's order."""
        return self._lists[name]

    def table(self, name: str) -> Mapping[str, Any]:
        """Return the table `name` (e.g. "section_cues", "labels")."""
        return self._tables[name]

    def names(self) -> frozenset[str]:
        """Return the names of the lists a profile may extend or replace."""
        return frozenset(self._lists)

    def fingerprint(self) -> str:
        """Return a hash of every list and table: two vocabularies that read alike share it."""
        if _FINGERPRINT not in self._compiled:
            content = json.dumps([self._lists, self._tables], sort_keys=True, default=str)
            self._compiled[_FINGERPRINT] = hashlib.sha256(content.encode()).hexdigest()
        return self._compiled[_FINGERPRINT]

    def compiled(self, build: Callable[[Vocabulary], T]) -> T:
        """Return `build(self)`, computed once per vocabulary (patterns, sets)."""
        if build not in self._compiled:
            self._compiled[build] = build(self)
        return self._compiled[build]

    def extended(
        self,
        additions: Mapping[str, Sequence[str]] | None = None,
        replacements: Mapping[str, Sequence[str]] | None = None,
    ) -> Vocabulary:
        """Return a vocabulary with words added to lists and lists replaced (names must exist)."""
        if not additions and not replacements:
            return self
        lists = dict(self._lists)
        for name, words in (replacements or {}).items():
            lists[name] = tuple(words)
        for name, words in (additions or {}).items():
            lists[name] = lists[name] + tuple(w for w in words if w not in lists[name])
        return Vocabulary(lists, self._tables)


@cache
def shipped() -> Vocabulary:
    """Return the vocabulary shipped with briefing (read once per process)."""
    from importlib.resources import files

    lists: dict[str, tuple[str, ...]] = {}
    tables: dict[str, Any] = {}
    folder = files("briefing") / "data"
    for name in sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".toml")):
        data = tomllib.loads((folder / name).read_text("utf-8"))
        for table, content in data.items():
            target = lists if table == LISTS else tables
            entries = content.items() if table == LISTS else [(table, content)]
            for key, value in entries:
                if key in lists or key in tables:
                    raise RuntimeError(f"vocabulary '{key}' is defined twice ({name})")
                target[key] = tuple(value) if table == LISTS else value
    return Vocabulary(lists, tables)


def alternation(
    fragments: Sequence[str], *, escape: bool = False, longest_first: bool = False
) -> str:
    """Return a regular-expression alternation of `fragments`; with `escape` they are plain text,
    with `longest_first` a longer cue is tried before its prefix ("calls for" before "call")."""
    import re

    unique = list(dict.fromkeys(fragments))
    ordered = sorted(unique, key=len, reverse=True) if longest_first else unique
    return "|".join(re.escape(f) if escape else f for f in ordered)


def phrase_pattern(phrases: Sequence[str]) -> str:
    """Return an alternation of plain `phrases`, the longest first, in which a word written in
    lower case matches with either first letter ("foreign minister" matches "Foreign Minister"),
    a space or a hyphen matches either ("secretary-general"), and the rest matches as written
    ("CEO")."""
    import re

    def piece(phrase: str) -> str:
        out = []
        for position, char in enumerate(phrase):
            if char in " -":
                out.append(r"[-\s]")
            elif char.islower() and (position == 0 or phrase[position - 1] in " -"):
                out.append(f"[{char}{char.upper()}]")
            else:
                out.append(re.escape(char))
        return "".join(out)

    ordered = sorted(dict.fromkeys(phrases), key=len, reverse=True)
    return "|".join(piece(p) for p in ordered)
