"""The brief's title and file name: the profile's title, else one made from the articles."""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.corpus import Article
from briefing.speakers import clean_name, speech
from briefing.vocabulary import Vocabulary

TITLE_SENTENCES = 8  # a corpus is about what its headlines and opening sentences name
TITLE_NAMES = 3
SLUG_WORDS = 6
_CAPITALIZED_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*)*")


def corpus_title(articles: Sequence[Article], vocab: Vocabulary | None = None) -> str:
    """Return a title for a corpus with no profile: the names its articles mention most."""
    known = speech(vocab)
    counts: dict[str, int] = {}
    spread: dict[
        str, int
    ] = {}  # how many articles name it: what the corpus is about, not one story
    for a in articles:
        seen = set()
        for sentence in (a.title, *a.sentences[:TITLE_SENTENCES]):
            for match in _CAPITALIZED_RUN.finditer(sentence):
                name = clean_name(match.group(0), known)
                if match.start() == 0 or not name or name in known.not_names or len(name) < 3:
                    continue
                counts[name] = counts.get(name, 0) + 1
                seen.add(name)
        for name in seen:
            spread[name] = spread.get(name, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-spread[kv[0]], -kv[1], -len(kv[0]), kv[0]))
    top: list[str] = []
    for name, _ in ranked:
        if any(name in other or other in name for other in top):
            continue
        top.append(name)
        if len(top) == TITLE_NAMES:
            break
    if not top:
        return "Briefing"
    return "Briefing: " + (", ".join(top[:-1]) + " and " + top[-1] if len(top) > 1 else top[0])


def slugify(text: str, max_words: int = SLUG_WORDS) -> str:
    """Return a short ASCII file-name slug for `text` ("brief" when nothing is left)."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"(?<=\w)'(?=\w)", "", ascii_text)
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words]) or "brief"
