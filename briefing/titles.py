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
from briefing.gazetteer import COUNTRY, gazetteer
from briefing.speakers import clean_name, speech
from briefing.standalone import leans_on_previous
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
# A word in lower case in running text; not a piece of an address ("linkedin.com", "@nasa").
_ANY_WORD = re.compile(r"(?<![\w/.@#-])[A-Za-z][\w’'-]*(?![\w/@-]|\.\w)")
_POSSESSIVE_END = re.compile(r"[’']s?$")
MIN_HEADLINE_CONTENT = 3  # "Story continued below" names nothing
_POSTED = re.compile(r"@\w|#\w|\bbreaking\b[^:]{0,20}:", re.I)
_VERB_ENDING = re.compile(r"(?:ed|ing)$")  # "issued", "inspired": where a noun phrase ends
MAX_CLAUSE_WORDS = 18  # a title, not a paragraph
TITLE_KEY_POINTS = 2  # the story's main clause is in one of its first key points
HEADLINE_CASE = 0.6  # share of capitalised words of a headline ("Mayor Gets Her Bridge")
MIN_HEADLINE_CASE_WORDS = 6  # shorter, capitalised words are a name ("The U.S. Geological Survey")
SPEAKER_WORDS = 4  # "Police Chief Ana Ruiz said ...": who speaks, before what is said
NAME_ONLY_WORD = 3  # letters: a longer word in lower case says something ("took", "landed")
SHORT_ABBREVIATION = 3  # letters: "Jan." or "Dr." before a full stop ends no clause
_GLUED_HEADING = re.compile(r"\w \b(?:The|A|An)\b ")  # "Conclusions The rate ...": a heading ran in
# A dateline glued to the sentence ("HOUSTON A man ...", "DONETSK/KIEV, Ukraine - ...", "LONDON
# (Reuters) - ..."); a short acronym opens the sentence itself ("NATO Secretary-General said").
_LIST_END = re.compile(r",\s+(?:and|or)\b")
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.]+(?:[ ,/-]+[A-Z][A-Z.]+)*\s*(?:,\s*[A-Z][a-z]+\s*)?(?:\([^)]*\)\s*)?[—–-]+\s*"
    r"|[A-Z]{5,}\s+)(?=[A-Z][a-z]|[A-Z]\s)"
)
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_NAME_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:of\s+|de\s+|van\s+)?[A-Z][\w’'.-]*)*")


def corpus_title(
    articles: Sequence[Article], vocab: Vocabulary | None = None, key_points: Sequence[str] = ()
) -> str:
    """Return a title for a corpus with no profile: its most representative headline; else the
    main clause of one of its first key points, the story in the articles' own words; else its
    central name."""
    known = speech(vocab)
    stop = _stop_words()
    texts = [" ".join(a.sentences[:TITLE_SENTENCES]).lower() for a in articles]
    headline = _best_headline(articles, texts, stop, vocab or shipped())
    if headline:
        return headline
    for sentence in key_points[:TITLE_KEY_POINTS]:
        clause = _main_clause(sentence, vocab)
        if clause:
            return clause
    central = _central_name(articles, known)
    if _is_country(central, vocab):
        # "Lisbon", "Portugal": where the story happens says nothing of it; a later key
        # point's main clause does.
        for sentence in key_points[TITLE_KEY_POINTS:]:
            clause = _main_clause(sentence, vocab)
            if clause:
                return clause
    return central or FALLBACK_TITLE


def _is_country(name: str, vocab: Vocabulary | None) -> bool:
    """Tell whether `name` is a country or its capital, as a whole."""
    return any(
        m.kind == COUNTRY and m.start == 0 and m.end == len(name)
        for m in gazetteer(vocab).find(name)
    )


def _main_clause(sentence: str, vocab: Vocabulary | None) -> str:
    """The headline-length main clause a sentence opens with ("Felipe VI was formally proclaimed
    the new King of Spain Thursday" of a longer sentence), or "" when it has none or it cannot
    open a title (a pronoun or connective: "It is difficult ...", "Or there could be ...")."""
    vocab = vocab or shipped()
    if leans_on_previous(sentence, vocab):
        return ""  # "The 23-year-old was arrested ...": who, the title would not say
    text = _DATELINE.sub("", sentence.strip().strip("“”\"'"))
    opening = text.split(",", 1)
    first = opening[0].split()[0] if opening[0].split() else ""
    # "Flanked by his family, Felipe VI was ...", "After the vote, the council ...": the main
    # clause follows a circumstantial one. ("A lawsuit filed by an oilman, Harry Sargeant, ..."
    # opens with its main clause.)
    circumstantial = {*vocab.words("title_cuts"), *vocab.words("title_circumstantial")}
    if len(opening) == 2 and (first.lower() in circumstantial or _VERB_ENDING.search(first)):
        text = opening[1].strip()
    clause = _until_clause_end(text, vocab).rstrip(" .,;:!")
    words = clause.split()
    if len(words) > MAX_CLAUSE_WORDS:
        clause = _shortened(words, vocab)
        words = clause.split()
    if not HEADLINE_WORDS[0] < len(words) <= MAX_CLAUSE_WORDS or not words[0][:1].isupper():
        return ""
    if words[0].lower().strip("’'") in vocab.words("title_non_openers"):
        return ""
    if not _whole_statement(clause, vocab):
        return ""
    return clause


def _until_clause_end(text: str, vocab: Vocabulary) -> str:
    """`text` up to where its main clause ends; a full stop after an abbreviation ("Dr. Dre",
    "U.S. forces") ends nothing."""
    abbreviations = set(vocab.words("abbreviations"))
    for cut in _clause_end(vocab).finditer(text):
        if cut.group(0).startswith("."):
            before = text[: cut.start()].split()
            last = before[-1].lower() if before else ""
            if last in abbreviations or len(last) <= SHORT_ABBREVIATION or "." in last:
                continue  # "Dr", "Jan", "J", "U.S"
        if _LIST_END.match(text, cut.start()) and "," in text[: cut.start()]:
            continue  # "the science, art, and availability of": the last item of a list
        return text[: cut.start()]
    return text


def _whole_statement(clause: str, vocab: Vocabulary) -> bool:
    """Tell whether a clause can stand as a title: no label ("Correction:", "A:"), no quotation
    cut in two, no one's own voice ("we have received"), and not just who spoke ("Canadian
    authorities said on Monday") or one person's account ("Ruiz said the mother ...")."""
    if ":" in clause or clause.count("“") != clause.count("”") or clause.count('"') % 2:
        return False
    words = clause.split()
    # "Mayor Finally Gets Her New Bridge" is a headline; "The Riverside Bridge Maintenance Trust
    # (RBMT)" only a name.
    capitalised = sum(w.lstrip("(‘'\"“")[:1].isupper() for w in words)
    headline_case = (
        len(words) >= MIN_HEADLINE_CASE_WORDS
        and capitalised > HEADLINE_CASE * len(words)
        and (capitalised < len(words) or clause.endswith("?"))
    )
    if _GLUED_HEADING.search(clause) and not headline_case:
        return False  # "Conclusions and Relevance The stable overall rate ..."
    lowered = {w.strip('.,;!?"“”') for w in clause.lower().split()}
    if lowered & set(vocab.words("first_person")):
        return False
    said = alternation(vocab.words("speech_verbs"))
    if re.search(rf"\b(?:{said})\b(?:\s+\S+){{0,3}}$", clause):
        return False
    if re.match(rf"(?:\S+\s+){{1,{SPEAKER_WORDS}}}(?:{said})\b", clause):
        return False  # "Ruiz said the mother ...": one person's account, not the story
    return headline_case or not _names_only(words)


def _names_only(words: list[str]) -> bool:
    """Tell whether a clause only names something ("The U.S. Geological Survey (USGS)"): no word
    in lower case that could say what happened."""
    return not any(w[:1].islower() and len(w) > NAME_ONLY_WORD for w in words)


def _shortened(words: list[str], vocab: Vocabulary) -> str:
    """A clause too long for a title, ended before the last circumstantial clause that leaves it
    short enough ("... was killed | after being confronted ..."), or "" when none does."""
    cuts = set(vocab.words("title_cuts"))
    for end in range(MAX_CLAUSE_WORDS, HEADLINE_WORDS[0], -1):
        if any("," in w for w in words[:end]):
            continue  # "Several crashes, involving as many": a clause left open
        if words[end].lower() in cuts and words[end - 1].lower() not in cuts:
            return " ".join(words[:end]).rstrip(" ,;:")
    return ""


def _clause_end(vocab: Vocabulary | None) -> re.Pattern[str]:
    """Where a sentence's main clause ends: a comma before a relative or circumstantial clause or
    an attribution ("..., police said"), a dash, a semicolon, a full stop."""
    return (vocab or shipped()).compiled(_clause_end_pattern)


def _clause_end_pattern(vocab: Vocabulary) -> re.Pattern[str]:
    openers = alternation(vocab.words("clause_openers"))
    said = alternation(vocab.words("speech_verbs"))
    return re.compile(
        rf",\s+(?=(?:{openers})\b|(?:[A-Z]\w*\s+)+(?:{said})\b)|\s+(?:--|[—–-])\s+|;|\.\s"
    )


def _best_headline(
    articles: Sequence[Article], texts: list[str], stop: frozenset[str], vocab: Vocabulary
) -> str:
    best, best_share = "", 0.0
    non_openers = vocab.words("title_non_openers")
    for n, article in enumerate(articles):
        title = _HEADLINE_LABEL.sub("", _HEADLINE_SUFFIX.sub("", article.title)).strip()
        words = title.split()
        if not HEADLINE_WORDS[0] <= len(words) <= HEADLINE_WORDS[1] or title.isupper():
            continue
        if title.endswith((".", ")")) or title[:1].islower():
            continue  # a caption or a sentence, not a headline
        if title.endswith("?") or words[0].lower().strip("’'") in non_openers:
            continue  # a teaser ("What do they have in common?") or a summary line ("He was ...")
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
    # A capitalised word the articles also write in lower case is an ordinary word opening a
    # sentence or a caption ("Maybe", "CLOSE", "Phone"), not part of a name.
    # (A name some source writes in lower case, "linkedin", stays a name: the others capitalise
    # it inside their sentences.)
    lower: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for a in articles:
        for sentence in a.sentences:
            for match in _ANY_WORD.finditer(sentence):
                word = match.group(0)
                if word[0].islower():
                    lower[word] += 1
                elif match.start() > 0:
                    inside[word.lower()] += 1
    common = {w for w, n in lower.items() if n >= inside[w]}
    for a in articles:
        seen = set()
        for sentence in (a.title, *a.sentences[:TITLE_SENTENCES]):
            for match in _NAME_RUN.finditer(sentence):
                words = match.group(0).split()
                while match.start() == 0 and words and words[0].lower() in common:
                    words = words[1:]  # "Maybe Spelacchio ...", "CLOSE Chris ..."
                if len(words) == 1 and words[0].lower() in common:
                    continue  # "Phone"
                name = clean_name(_POSSESSIVE_END.sub("", " ".join(words)), known)
                if name and "." in name.split()[-1]:
                    continue  # "U.S", "D.C": an abbreviation, a place the story happens in
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
