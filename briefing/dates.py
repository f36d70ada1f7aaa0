"""Resolve the time expressions of a news sentence against the date the article was published.

"on Tuesday" in an article of Monday 2 December 2024 is Tuesday 3 December 2024; "the end of June"
is June 2025; "next year" is 2025. A resolved date carries a label that says how exact it is.
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
    return Calendar(
        months=months,
        month_names=tuple(name.capitalize() for name in table),
        weekdays=weekdays,
        month=month,
        future=re.compile(rf"\b({alternation(vocab.words('future_markers'))})\b", re.I),
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
    )


_RELATIVE = re.compile(r"\b(?P<what>tomorrow|next week|next month|next year|this year)\b", re.I)


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
        found.append((match.start(), _weekday(weekday, published, forward)))
    for match in _RELATIVE.finditer(sentence):
        found.append((match.start(), _relative(match.group("what").lower(), published)))
    if not found:
        return None
    # The most precise expression wins ("next year, before the summit at the end of June" is June),
    # and among equals the first one written.
    found.sort(key=lambda item: (-_precision(item[1]), item[0]))
    return found[0][1]


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


def _weekday(target: int, published: date, forward: bool) -> When:
    delta = target - published.weekday()
    if forward and delta < 0:
        delta += 7
    elif not forward and delta > 0:
        delta -= 7
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
