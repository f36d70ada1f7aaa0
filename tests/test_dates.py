"""Time expressions resolved against the article's publication date."""

from datetime import date

import pytest

from briefing.dates import RECENT_DAYS, calendar, format_period, glosses, is_recent, resolve

MONDAY = date(2024, 12, 2)


@pytest.mark.parametrize(
    ("sentence", "expected", "label"),
    [
        ("Ministers meet on Tuesday in Brussels.", date(2024, 12, 3), "3 December 2024"),
        (
            "A diplomat said on Monday that it would take time.",
            date(2024, 12, 2),
            "2 December 2024",
        ),
        (
            "The summit is scheduled for the end of June in The Hague.",
            date(2025, 6, 28),
            "end of June 2025",
        ),
        ("It will be raised next year.", date(2025, 1, 1), "2025"),
        ("He takes office in January.", date(2025, 1, 1), "January 2025"),
        ("The meeting on December 3 will decide.", date(2024, 12, 3), "3 December 2024"),
        ("Talks resume on 14 January 2025.", date(2025, 1, 14), "14 January 2025"),
        ("I don't see that happening tomorrow.", date(2024, 12, 3), "3 December 2024"),
    ],
)
def test_resolve(sentence, expected, label):
    when = resolve(sentence, MONDAY)
    assert when is not None
    assert when.day == expected
    assert when.label == label


def test_the_most_precise_expression_wins():
    when = resolve("It will be raised next year, before the summit at the end of June.", MONDAY)
    assert when.label == "end of June 2025"


def test_no_time_no_event():
    assert resolve("Ukraine wants guarantees.", MONDAY) is None


def test_format_period():
    assert format_period(date(2024, 10, 17), date(2024, 12, 3)) == "17 October – 3 December 2024"
    assert format_period(date(2024, 12, 2), date(2024, 12, 3)) == "2–3 December 2024"


# --- glosses: relative days resolved beside a statement ------------------------------------------

SATURDAY = date(2024, 12, 7)
SUNDAY = date(2024, 12, 8)


def glossed(sentence: str, published: date = MONDAY, read_on: date | None = None) -> list[str]:
    return [f"{g.phrase}: {g.meaning}" for g in glosses(sentence, published, read_on=read_on)]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        (
            "“We need it,” Zelensky insisted this weekend.",
            MONDAY,
            ["this weekend: 30 November – 1 December 2024"],
        ),
        ("Talks are due to resume this weekend.", MONDAY, ["this weekend: 7–8 December 2024"]),
        ("We will meet this weekend.", SATURDAY, ["this weekend: 7–8 December 2024"]),
        ("It happened last weekend.", SUNDAY, ["last weekend: 30 November – 1 December 2024"]),
        ("Ministers meet on Tuesday in Brussels.", MONDAY, ["Tuesday: 3 December 2024"]),
        (
            "I don't see that happening tomorrow, a diplomat said on Monday.",
            MONDAY,
            ["tomorrow: 3 December 2024", "Monday: 2 December 2024"],
        ),
        (
            "They will meet next Friday; they met last Friday.",
            MONDAY,
            ["next Friday: 6 December 2024", "last Friday: 29 November 2024"],
        ),
        ("Putin said last week that talks were over.", MONDAY, ["last week: week of 25 November 2024"]),
        ("The subject will be raised next year.", MONDAY, ["next year: 2025"]),
        ("He returns to the presidency next month.", MONDAY, ["next month: January 2025"]),
        ("Prices rose yesterday and fell today.", MONDAY, ["yesterday: 1 December 2024", "today: 2 December 2024"]),
    ],
)  # fmt: skip
def test_relative_days_are_resolved_against_the_article(sentence, published, expected):
    assert glossed(sentence, published) == expected


def test_a_weekday_the_sentence_dates_itself_needs_no_gloss():
    assert (
        glossed("NATO is unlikely to heed the call during Tuesday's meeting on December 3.") == []
    )


def test_a_weekday_in_a_name_is_no_day():
    assert glossed("He told the Sunday Times that Good Friday and Super Tuesday matter.") == []
    assert glossed("On Tuesday Ministers met.") == ["Tuesday: 26 November 2024"]


def test_this_year_needs_no_gloss_when_the_brief_is_read_that_year():
    assert glossed("Costs rose this year.", read_on=date(2024, 12, 3)) == []
    assert glossed("Costs rose this year.", read_on=date(2025, 1, 6)) == ["this year: 2024"]
    assert glossed("It will come next year.", read_on=date(2024, 12, 3)) == ["next year: 2025"]


def test_a_name_is_no_sign_of_what_lies_ahead():
    future = calendar().future
    assert not future.search("The officer is played by Will Poulter in the film.")
    assert not future.search("The Next Generation party won the vote.")
    assert future.search("Next Tuesday the council votes on the toll.")
    assert not future.search("The next blow, after the body was turned over, was harder.")
    assert not future.search("Even the reconstruction is to some extent guesswork.")
    assert future.search("The board is to decide on the toll in May.")
    assert future.search("Will the council vote on Monday?")
    assert future.search("The council will vote next week.")


def test_the_recent_window_is_three_days():
    assert RECENT_DAYS == 3
    brief = date(2024, 12, 3)
    assert is_recent(date(2024, 11, 30), brief)
    assert not is_recent(date(2024, 11, 29), brief)
    assert not is_recent(date(2024, 10, 17), brief)
    assert is_recent(None, brief)  # an undated article has no date to show
