"""Time expressions resolved against the article's publication date."""

from datetime import date

import pytest

from briefing.dates import format_period, resolve

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
