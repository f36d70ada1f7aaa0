"""Resolve the time expressions of a news sentence against the date the article was published.

"on Tuesday" in an article of Monday 2 December 2024 is Tuesday 3 December 2024; "the end of June"
is June 2025; "next year" is 2025. A resolved date carries a label that says how exact it is.

The same reading gives the brief's dates a reader can see: the glosses that resolve the relative
days a statement names ("this weekend: 30 November – 1 December 2024"), and whether a statement's
article is older than the brief's recent window (then its date is shown beside it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from briefing.vocabulary import Vocabulary, alternation, shipped


@dataclass(frozen=True)
class Calendar:
    """Month and weekday names and the patterns of written dates, built from a vocabulary."""

    months: dict[str, int]  # a month's name or abbreviation, lower-case -> 1..12
    month_names: tuple[str, ...]  # "January" ... "December"
    weekdays: tuple[str, ...]  # "monday" ... "sunday"
    month: str  # pattern of a month name or abbreviation, in the group "month"
    future: re.Pattern[str]  # words that make a sentence look forward
    past: re.Pattern[str]  # a verb in the past tense: "adopted", "was" (speech verbs aside)
    day_month: re.Pattern[str]  # "3 December", "3-4 December 2024"
    month_day: re.Pattern[str]  # "December 3", "Dec. 3rd, 2024"
    part_of_month: re.Pattern[str]  # "the end of June", "early March 2025"
    weekday: re.Pattern[str]  # "on Tuesday", "next Friday"
    day_offsets: dict[str, int]  # "tomorrow" -> 1
    steps: dict[str, int]  # "next" -> 1, "last" -> -1, "this" -> 0
    relative_days: re.Pattern[str]  # "tomorrow", "this weekend", "last week", "next year"
    weekday_modifier: re.Pattern[str]  # "next " or "last " just before a weekday
    before_day: re.Pattern[str]  # "on " just before a weekday: a day, not part of a name


def calendar(vocab: Vocabulary | None = None) -> Calendar:
    """Return the calendar of `vocab` (the shipped vocabulary by default)."""
    return (vocab or shipped()).compiled(_calendar)


def _calendar(vocab: Vocabulary) -> Calendar:
    table = vocab.table("months")
    months = {
        name: number
        for number, (month, abbreviations) in enumerate(table.items(), start=1)
        for name in (month, *abbreviations)
    }
    month = r"(?P<month>" + alternation(list(months), longest_first=True) + r")\.?"
    weekdays = vocab.words("weekdays")
    offsets = {word: int(days) for word, days in vocab.table("day_offsets").items()}
    steps = {word: int(step) for word, step in vocab.table("relative_steps").items()}
    markers = alternation(vocab.words("future_markers"))
    return Calendar(
        months=months,
        month_names=tuple(name.capitalize() for name in table),
        weekdays=weekdays,
        month=month,
        # In lower case, or opening the sentence: a capitalised marker inside one is part of a
        # name or a title ("played by Will Jones", "the Next Generation party").
        future=re.compile(rf"(?:^[\W_]*(?i:{markers})|\b(?:{markers}))\b"),
        past=re.compile(
            rf"\b(?!(?:{alternation(vocab.words('speech_verbs'))})\b)"
            rf"(?:\w{{2,}}ed|{alternation(vocab.words('past_auxiliaries'))})\b",
            re.I,
        ),
        day_month=re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:-\d{{1,2}})?\s+{month}(?:,?\s+(?P<year>\d{{4}}))?\b", re.I
        ),
        month_day=re.compile(
            rf"\b{month}\s+(?P<day>\d{{1,2}})(?:-\d{{1,2}})?(?:st|nd|rd|th)?\b"
            r"(?:,?\s+(?P<year>\d{4}))?",
            re.I,
        ),
        part_of_month=re.compile(
            rf"\b(?P<part>(?:the\s+)?(?:end|beginning|start|middle|mid)(?:\s+of)?|early|late|in)\s+"
            rf"{month}(?:\s+(?P<year>\d{{4}}))?\b",
            re.I,
        ),
        weekday=re.compile(
            r"\b(?:on|this|next|last)?\s*(?P<weekday>" + "|".join(weekdays) + r")\b", re.I
        ),
        day_offsets=offsets,
        steps=steps,
        relative_days=re.compile(
            rf"\b(?P<day>{alternation(list(offsets))})\b"
            rf"|\b(?P<which>{alternation(list(steps))})\s+(?P<unit>weekend|week|month|year)\b",
            re.I,
        ),
        weekday_modifier=re.compile(
            rf"\b(?P<modifier>{alternation([w for w, step in steps.items() if step])})\s+$", re.I
        ),
        before_day=re.compile(rf"\b(?:{alternation(vocab.words('day_prepositions'))})\s+$", re.I),
    )


_RELATIVE = re.compile(r"\b(?P<what>tomorrow|next week|next month|next year|this year)\b", re.I)
SATURDAY = 5
# A brief is read as the day's news: an article published more than this many days before the
# brief's date is older than what the reader expects, so its statements carry its date. Three days
# covers a weekend and the working day either side of it.
RECENT_DAYS = 3


@dataclass(frozen=True)
class When:
    """A resolved point in time: the date used for ordering and a label saying how exact it is."""

    day: date
    label: str
    exact: bool


def resolve(sentence: str, published: date, vocab: Vocabulary | None = None) -> When | None:
    """Return the first time the sentence refers to, resolved against `published`, or None."""
    known = calendar(vocab)
    forward = known.future.search(sentence) is not None
    backward = not forward and known.past.search(sentence) is not None
    found: list[tuple[int, When]] = []
    for pattern in (known.day_month, known.month_day):
        for match in pattern.finditer(sentence):
            when = _calendar_date(match, published, known)
            if when:
                found.append((match.start(), when))
    for match in known.part_of_month.finditer(sentence):
        if any(start <= match.end() and match.start() <= start for start, _ in found):
            continue
        found.append((match.start(), _month(match, published, known, backward)))
    for match in known.weekday.finditer(sentence):
        weekday = known.weekdays.index(match.group("weekday").lower())
        found.append((match.start(), _weekday(weekday, published, forward, backward)))
    for match in _RELATIVE.finditer(sentence):
        found.append((match.start(), _relative(match.group("what").lower(), published)))
    if not found:
        return None
    # The most precise expression wins ("next year, before the summit at the end of June" is June),
    # and among equals the first one written.
    found.sort(key=lambda item: (-_precision(item[1]), item[0]))
    return found[0][1]


@dataclass(frozen=True)
class Gloss:
    """A relative day of a sentence, as written, and the date it means."""

    phrase: str  # "this weekend", "Tuesday"
    meaning: str  # "30 November – 1 December 2024"


def is_recent(published: date | None, day: date) -> bool:
    """Tell whether an article of `published` lies within the recent window of a brief of `day`
    (an undated article is not dated beside its statements: there is nothing to show)."""
    return published is None or (day - published).days <= RECENT_DAYS


def glosses(
    sentence: str, published: date, vocab: Vocabulary | None = None, read_on: date | None = None
) -> tuple[Gloss, ...]:
    """Return the relative days `sentence` names ("on Tuesday", "this weekend", "tomorrow", "next
    year"), in the order written, each resolved against `published`, as `resolve` reads them.

    A weekday the sentence also writes out ("Tuesday's meeting on December 3") needs no gloss, nor
    does "this week, month or year" when the brief is `read_on` a day of the same one.
    """
    known = calendar(vocab)
    forward = known.future.search(sentence) is not None
    backward = not forward and known.past.search(sentence) is not None
    written = {
        when.day
        for pattern in (known.day_month, known.month_day)
        for match in pattern.finditer(sentence)
        if (when := _calendar_date(match, published, known))
    }
    found: list[tuple[int, Gloss]] = []
    for match in known.weekday.finditer(sentence):
        name = match.group("weekday")
        if _in_a_name(sentence, match.start("weekday"), match.end("weekday"), known):
            continue
        modifier = known.weekday_modifier.search(sentence[: match.start("weekday")])
        which = modifier.group("modifier") if modifier else ""
        step = known.steps.get(which.lower(), 0)
        target = known.weekdays.index(name.lower())
        day = _weekday_named(target, step, published, forward, backward)
        if not any(_same_week_day(d, target, published) for d in written):
            phrase = f"{which} {name}" if step else name
            found.append((match.start("weekday"), Gloss(phrase, format_day(day))))
    for match in known.relative_days.finditer(sentence):
        phrase = " ".join(match.group(0).split())
        meaning = _day_word(match, published, forward, backward, known)
        if meaning and not (read_on and _same_period(match, published, read_on, known)):
            found.append((match.start(), Gloss(phrase, meaning)))
    found.sort(key=lambda item: item[0])
    return tuple(dict.fromkeys(gloss for _, gloss in found))


def _same_week_day(written: date, weekday: int, published: date) -> bool:
    """Tell whether a written date is the weekday named, within a week of the article."""
    return written.weekday() == weekday and abs((written - published).days) <= DAYS_IN_WEEK


DAYS_IN_WEEK = 7
_NAME_BEFORE = re.compile(r"(?<![.!?:;\"“])\s([A-Z][\w’'-]*)\s+$")
_NAME_AFTER = re.compile(r"\A\s+[A-Z]")


def _in_a_name(sentence: str, start: int, end: int, known: Calendar) -> bool:
    """Tell whether the weekday at start..end is part of a name, not a day: "the Sunday Times",
    "Good Friday", "Super Tuesday" (a capitalised word before or after it, unless "on" or "next"
    makes it a day: "on Tuesday Ministers ...")."""
    before = sentence[:start]
    if known.before_day.search(before):
        return False
    named_before = _NAME_BEFORE.search(before) is not None and before.strip() != ""
    return named_before or _NAME_AFTER.match(sentence[end:]) is not None


def _weekday_named(target: int, step: int, published: date, forward: bool, backward: bool) -> date:
    """The day a weekday names: "next Friday" (step 1) the first after the article's day, "last
    Friday" (step -1) the last before it; a bare one the next or the last by the sentence's tense
    (as `resolve` reads it)."""
    if step > 0:
        return published + timedelta(days=(target - published.weekday() - 1) % DAYS_IN_WEEK + 1)
    if step < 0:
        return published - timedelta(days=(published.weekday() - target - 1) % DAYS_IN_WEEK + 1)
    return _weekday(target, published, forward, backward).day


def _day_word(
    match: re.Match[str], published: date, forward: bool, backward: bool, known: Calendar
) -> str:
    """What a day word or "this/next/last week, month, year, weekend" means, as a label."""
    if match.group("day"):
        offset = known.day_offsets[match.group("day").lower()]
        return format_day(published + timedelta(days=offset))
    which, unit = match.group("which").lower(), match.group("unit").lower()
    step = known.steps[which]
    if unit == "weekend":
        return _weekend(published, step, forward, backward)
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
        return f"week of {format_day(monday)}"
    if unit == "month":
        month = published.month - 1 + step
        year, month = published.year + month // 12, month % 12 + 1
        return f"{month_name(month)} {year}"
    return str(published.year + step)


def _same_period(match: re.Match[str], published: date, read_on: date, known: Calendar) -> bool:
    """Tell whether "this week, month or year" means for the reader what it meant for the
    article: the brief is read in the same one."""
    which, unit = (match.group("which") or "").lower(), (match.group("unit") or "").lower()
    if not which or known.steps[which] != 0 or unit == "weekend":
        return False
    if unit == "week":
        return published.isocalendar()[:2] == read_on.isocalendar()[:2]
    if unit == "month":
        return (published.year, published.month) == (read_on.year, read_on.month)
    return published.year == read_on.year


def _weekend(published: date, step: int, forward: bool, backward: bool) -> str:
    """The weekend meant: during one, "this weekend" is the current one; otherwise the coming one
    in a sentence that looks forward, the last one in a sentence told in the past, and else the
    nearer one (early in the week the last, later the coming)."""
    weekday = published.weekday()
    if weekday >= SATURDAY:
        saturday = published - timedelta(days=weekday - SATURDAY)
    elif step > 0 or (step == 0 and (forward or (not backward and weekday > 2))):
        saturday = published + timedelta(days=SATURDAY - weekday)
    else:
        saturday = published - timedelta(days=weekday + 2)
    if weekday >= SATURDAY and step:
        saturday += timedelta(weeks=step)
    return format_period(saturday, saturday + timedelta(days=1))


def _precision(when: When) -> int:
    if when.exact:
        return 3
    return 1 if when.label.isdigit() else 2


def _calendar_date(match: re.Match[str], published: date, known: Calendar) -> When | None:
    month = known.months[match.group("month").lower()]
    year = int(match.group("year")) if match.group("year") else _nearest_year(month, published)
    try:
        day = date(year, month, int(match.group("day")))
    except ValueError:
        return None
    return When(day, format_day(day), exact=True)


def _month(match: re.Match[str], published: date, known: Calendar, backward: bool) -> When:
    month = known.months[match.group("month").lower()]
    year = (
        int(match.group("year")) if match.group("year") else _month_year(month, published, backward)
    )
    part = " ".join(match.group("part").lower().split()).removeprefix("the ")
    if part.startswith(("end", "late")):
        day, prefix = date(year, month, 28), "end of "
    elif part.startswith(("beginning", "start", "early")):
        day, prefix = date(year, month, 1), "early "
    elif part.startswith(("middle", "mid")):
        day, prefix = date(year, month, 15), "mid-"
    else:
        day, prefix = date(year, month, 1), ""
    return When(day, f"{prefix}{known.month_names[month - 1]} {year}", exact=False)


def _weekday(target: int, published: date, forward: bool, backward: bool = True) -> When:
    """A bare weekday is the next one (or the day itself) in a sentence that looks forward, the
    last one in a sentence told in the past, and else the nearer one ("Tuesday's meeting" in a
    Monday article is the next day)."""
    ahead = (target - published.weekday()) % 7
    behind = (published.weekday() - target) % 7
    delta = ahead if forward or (not backward and ahead <= behind) else -behind
    day = published + timedelta(days=delta)
    return When(day, format_day(day), exact=True)


def _relative(what: str, published: date) -> When:
    if what == "tomorrow":
        day = published + timedelta(days=1)
        return When(day, format_day(day), exact=True)
    if what == "next week":
        day = published + timedelta(days=7 - published.weekday())
        return When(day, f"week of {format_day(day)}", exact=False)
    if what == "next month":
        year, month = (
            (published.year + 1, 1)
            if published.month == 12
            else (published.year, published.month + 1)
        )
        return When(date(year, month, 1), f"{month_name(month)} {year}", exact=False)
    if what == "next year":
        return When(date(published.year + 1, 1, 1), str(published.year + 1), exact=False)
    return When(date(published.year, 12, 31), str(published.year), exact=False)


def _nearest_year(month: int, published: date) -> int:
    """A bare "December 3" is in the year that puts it closest to the publication date."""
    return min(
        (published.year - 1, published.year, published.year + 1),
        key=lambda y: abs((date(y, month, 15) - published).days),
    )


def _month_year(month: int, published: date, backward: bool) -> int:
    """A bare month is the last such month in a sentence told in the past ("At the end of
    November, the assembly adopted ..."), else the next one, counting the current one ("He takes
    office in January", "before the summit at the end of June")."""
    if backward:
        return published.year if month <= published.month else published.year - 1
    return published.year if month >= published.month else published.year + 1


def month_name(month: int) -> str:
    """Return the name of month 1..12 ("December")."""
    return calendar().month_names[month - 1]


def format_day(day: date) -> str:
    """Return a date as a brief writes it: "3 December 2024"."""
    return f"{day.day} {month_name(day.month)} {day.year}"


def format_period(first: date, last: date) -> str:
    """Return a period as "17 October - 3 December 2024", shortened when parts repeat."""
    if first == last:
        return format_day(first)
    if first.year != last.year:
        return f"{format_day(first)} – {format_day(last)}"
    if first.month != last.month:
        return f"{first.day} {month_name(first.month)} – {format_day(last)}"
    return f"{first.day}–{format_day(last)}"
