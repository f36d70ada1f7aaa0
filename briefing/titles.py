"""The brief's title and file name: the profile's title, else the subject of the story as the
articles name it.

Without a profile, a desk officer titles a brief with the story's subject: the headline that best
says what all the articles report, or, when the articles carry no usable headline, the name they
are all about with what they say of it ("Lauri Love's extradition"). Never a list of frequent words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from briefing.corpus import Article
from briefing.speakers import clean_name, speech
from briefing.vocabulary import Vocabulary, alternation, shipped

TITLE_SENTENCES = 12  # a story's subject is named in its headline and opening sentences
HEADLINE_WORDS = (4, 16)  # shorter is a label ("Spain's Parliament"), longer a sentence
# A headline stands for the whole corpus when most of its content words recur in the other
# articles; a furniture line ("Story continued below") or one article's angle does not.
MIN_HEADLINE_SHARE = 0.5
SLUG_WORDS = 6
# File names hold 255 bytes; a slug stays far below, whatever words the title is made of.
MAX_SLUG_CHARS = 80
FALLBACK_TITLE = "Briefing"
_HEADLINE_SUFFIX = re.compile(r"\s+[-–—|:]\s+[^-–—|:]{2,40}$")  # "... - Reuters", "... | BBC News"
_HEADLINE_LABEL = re.compile(r"^[A-Z][A-Z ]{2,20}:\s+")  # "EXCLUSIVE: ...", "UPDATE: ..."
_POSSESSIVE_END = re.compile(r"[’']s?$")
MIN_HEADLINE_CONTENT = 3  # "Story continued below" names nothing
_POSTED = re.compile(r"@\w|#\w|\bbreaking\b[^:]{0,20}:", re.I)
_VERB_ENDING = re.compile(r"(?:ed|ing)$")  # "issued", "inspired": where a noun phrase ends
MAX_CLAUSE_WORDS = 14  # a title, not a paragraph
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_NAME_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:of\s+|de\s+|van\s+)?[A-Z][\w’'.-]*)*")
_POSSESSIVE_PHRASE = r"{name}[’']s?\s+((?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*)"


def corpus_title(
    articles: Sequence[Article], vocab: Vocabulary | None = None, key_points: Sequence[str] = ()
) -> str:
    """Return a title for a corpus with no profile: its most representative headline; else the
    main clause of its first key point, the story in the articles' own words; else its central
    name."""
    known = speech(vocab)
    stop = _stop_words()
    texts = [" ".join(a.sentences[:TITLE_SENTENCES]).lower() for a in articles]
    headline = _best_headline(articles, texts, stop)
    if headline:
        return headline
    for sentence in key_points[:1]:
        clause = _main_clause(sentence, vocab)
        if clause:
            return clause
    return _central_name(articles, known) or FALLBACK_TITLE


def _main_clause(sentence: str, vocab: Vocabulary | None) -> str:
    """The headline-length main clause a sentence opens with ("Felipe VI was formally proclaimed
    the new King of Spain Thursday" of a longer sentence), or "" when it has none."""
    text = sentence.strip().strip("“”\"'")
    opening = text.split(",", 1)
    first = opening[0].split()[0] if opening[0].split() else ""
    if len(opening) == 2 and (
        first.lower() in (vocab or shipped()).words("clause_openers") or _VERB_ENDING.search(first)
    ):
        text = opening[1].strip()  # "Flanked by his family, Felipe VI was ...": the main clause
    cut = _clause_end(vocab).search(text)
    clause = (text[: cut.start()] if cut else text).rstrip(" .,;:!")
    words = clause.split()
    if not HEADLINE_WORDS[0] < len(words) <= MAX_CLAUSE_WORDS or not words[0][:1].isupper():
        return ""
    return clause


def _clause_end(vocab: Vocabulary | None) -> re.Pattern[str]:
    """Where a sentence's main clause ends: a comma before a relative or circumstantial clause or
    an attribution ("..., police said"), a dash, a semicolon, a full stop."""
    return (vocab or shipped()).compiled(_clause_end_pattern)


def _clause_end_pattern(vocab: Vocabulary) -> re.Pattern[str]:
    openers = alternation(vocab.words("clause_openers"))
    said = alternation(vocab.words("speech_verbs"))
    return re.compile(rf",\s+(?=(?:{openers})\b|(?:[A-Z]\w*\s+)+(?:{said})\b)|\s+[—–-]\s+|;|\.\s")


def _best_headline(articles: Sequence[Article], texts: list[str], stop: frozenset[str]) -> str:
    best, best_share = "", 0.0
    for n, article in enumerate(articles):
        title = _HEADLINE_LABEL.sub("", _HEADLINE_SUFFIX.sub("", article.title)).strip()
        words = title.split()
        if not HEADLINE_WORDS[0] <= len(words) <= HEADLINE_WORDS[1] or title.isupper():
            continue
        if title.endswith((".", ")")) or title[:1].islower():
            continue  # a caption or a sentence, not a headline
        if _POSTED.search(article.title):
            continue  # a post quoted as the page's title ("@AP", "Breaking: ..."), not a headline
        content = {w.lower() for w in _WORD.findall(title) if w.lower() not in stop}
        others = [t for m, t in enumerate(texts) if m != n] or texts
        if len(content) < MIN_HEADLINE_CONTENT:
            continue
        share = sum(any(w in t for t in others) for w in content) / len(content)
        if share >= MIN_HEADLINE_SHARE and share > best_share:
            best, best_share = title, share
    return best


def _central_name(articles: Sequence[Article], known) -> str:
    """The name most of the articles are about: in the most articles, then most often."""
    spread: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for a in articles:
        seen = set()
        for sentence in (a.title, *a.sentences[:TITLE_SENTENCES]):
            for match in _NAME_RUN.finditer(sentence):
                name = clean_name(_POSSESSIVE_END.sub("", match.group(0)), known)
                if match.start() == 0 and len(match.group(0).split()) == 1:
                    continue  # a capitalised first word is not yet a name
                if not name or name in known.not_names or len(name) < 3 or _adjective(name):
                    continue
                counts[name] += 1
                seen.add(name)
        spread.update(seen)
    # A surname counts for the full name that carries it ("Kodadek" for "Thomas Kodadek").
    for name in list(counts):
        longer = [n for n in counts if n != name and n.endswith(" " + name)]
        if len(longer) == 1:
            counts[longer[0]] += counts[name]
            spread[longer[0]] = max(spread[longer[0]], spread[name])
    ranked = sorted(counts, key=lambda n: (-spread[n], -counts[n], -len(n), n))
    return ranked[0] if ranked else ""


def _adjective(name: str) -> bool:
    """ "British", "Chilean": a demonym describes the story's people, it is not its subject."""
    from briefing.gazetteer import gazetteer

    mentions = gazetteer().find(name)
    return (
        bool(mentions)
        and all(m.form == "demonym" for m in mentions)
        and len(mentions[0].text) == len(name)
    )


def _possessive_phrase(name: str, articles: Sequence[Article], stop: frozenset[str]) -> str:
    """What the articles say of `name` in its own possessive ("Love's extradition"), the phrase
    written most often, ending on a content word."""
    surname = name.split()[-1]
    pattern = re.compile(_POSSESSIVE_PHRASE.format(name=re.escape(surname)))
    found: Counter[str] = Counter()
    for a in articles:
        for sentence in a.sentences[:TITLE_SENTENCES]:
            for match in pattern.finditer(sentence):
                words = []
                for word in match.group(1).split():
                    if word.lower() in stop or _VERB_ENDING.search(word):
                        break  # "Christie's reputation was sullied": the phrase ends at the verb
                    words.append(word)
                if words:
                    found[" ".join(words)] += 1
    return max(found, key=lambda p: (found[p], -len(p), p)) if found else ""


def _stop_words() -> frozenset[str]:
    from briefing.text import stop_words

    return stop_words("english")


def slugify(text: str, max_words: int = SLUG_WORDS) -> str:
    """Return a short ASCII file-name slug for `text` ("brief" when nothing is left)."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"(?<=\w)['’](?=\w)", "", ascii_text)
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words])[:MAX_SLUG_CHARS].strip("-") or "brief"
