"""Resolve the time expressions of a news sentence against the date the article was published.

"on Tuesday" in an article of Monday 2 December 2024 is Tuesday 3 December 2024; "the end of June"
is June 2025; "next year" is 2025. A resolved date carries a label that says how exact it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from briefing.metadata import MONTHS

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

# Words that make a sentence look forward: a weekday it names is then the next one, not the last.
_FUTURE = re.compile(
    r"\b(will|would|shall|expected|scheduled|set to|due to|plans? to|to (?:meet|hold|convene|"
    r"discuss|decide|vote)|meet|meets|convene|convenes|upcoming|next|ahead of|is to|are to)\b",
    re.I,
)
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:-\d{{1,2}})?\s+{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?\b", re.I
)
_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:-\d{{1,2}})?(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?",
    re.I,
)
_PART_OF_MONTH = re.compile(
    rf"\b(?P<part>(?:the\s+)?(?:end|beginning|start|middle|mid)(?:\s+of)?|early|late|in)\s+{_MONTH}"
    r"(?:\s+(?P<year>\d{4}))?\b",
    re.I,
)
_WEEKDAY = re.compile(
    r"\b(?:on|this|next|last)?\s*(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.I
)
_RELATIVE = re.compile(r"\b(?P<what>tomorrow|next week|next month|next year|this year)\b", re.I)


@dataclass(frozen=True)
class When:
    """A resolved point in time: the date used for ordering and a label saying how exact it is."""

    day: date
    label: str
    exact: bool


def resolve(sentence: str, published: date) -> When | None:
    """Return the first time the sentence refers to, resolved against `published`, or None."""
    forward = _FUTURE.search(sentence) is not None
    found: list[tuple[int, When]] = []
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for match in pattern.finditer(sentence):
            when = _calendar_date(match, published)
            if when:
                found.append((match.start(), when))
    for match in _PART_OF_MONTH.finditer(sentence):
        if any(start <= match.end() and match.start() <= start for start, _ in found):
            continue
        found.append((match.start(), _month(match, published)))
    for match in _WEEKDAY.finditer(sentence):
        found.append((match.start(), _weekday(match.group("weekday"), published, forward)))
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


def _calendar_date(match: re.Match[str], published: date) -> When | None:
    month = MONTHS[match.group("month").lower()]
    year = int(match.group("year")) if match.group("year") else _nearest_year(month, published)
    try:
        day = date(year, month, int(match.group("day")))
    except ValueError:
        return None
    return When(day, format_day(day), exact=True)


def _month(match: re.Match[str], published: date) -> When:
    month = MONTHS[match.group("month").lower()]
    year = int(match.group("year")) if match.group("year") else _next_year_of(month, published)
    part = " ".join(match.group("part").lower().split()).removeprefix("the ")
    if part.startswith(("end", "late")):
        day, prefix = date(year, month, 28), "end of "
    elif part.startswith(("beginning", "start", "early")):
        day, prefix = date(year, month, 1), "early "
    elif part.startswith(("middle", "mid")):
        day, prefix = date(year, month, 15), "mid-"
    else:
        day, prefix = date(year, month, 1), ""
    return When(day, f"{prefix}{MONTH_NAMES[month - 1]} {year}", exact=False)


def _weekday(name: str, published: date, forward: bool) -> When:
    target = WEEKDAYS.index(name.lower())
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
        return When(date(year, month, 1), f"{MONTH_NAMES[month - 1]} {year}", exact=False)
    if what == "next year":
        return When(date(published.year + 1, 1, 1), str(published.year + 1), exact=False)
    return When(date(published.year, 12, 31), str(published.year), exact=False)


def _nearest_year(month: int, published: date) -> int:
    """A bare "December 3" is in the year that puts it closest to the publication date."""
    return min(
        (published.year - 1, published.year, published.year + 1),
        key=lambda y: abs((date(y, month, 15) - published).days),
    )


def _next_year_of(month: int, published: date) -> int:
    """A bare month ("the end of June") is the next such month, counting the current one."""
    return published.year if month >= published.month else published.year + 1


def format_day(day: date) -> str:
    """Return a date as a brief writes it: "3 December 2024"."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def format_period(first: date, last: date) -> str:
    """Return a period as "17 October - 3 December 2024", shortened when parts repeat."""
    if first == last:
        return format_day(first)
    if first.year != last.year:
        return f"{format_day(first)} – {format_day(last)}"
    if first.month != last.month:
        return f"{first.day} {MONTH_NAMES[first.month - 1]} – {format_day(last)}"
    return f"{first.day}–{format_day(last)}"
