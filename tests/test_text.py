"""Sentence and word splitting with no data download, and the tokenizer sumy is given."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.text import SumyTokenizer, sentence_spans, split_sentences, word_count, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NATO met. Ukraine asked again.", ["NATO met.", "Ukraine asked again."]),
        ("U.S. officials said no. They left.", ["U.S. officials said no.", "They left."]),
        (
            "It was backed by the U.S. The vote follows.",
            ["It was backed by the U.S.", "The vote follows."],
        ),
        (
            "Mr. Zelensky spoke on Dec. 3 in Brussels.",
            ["Mr. Zelensky spoke on Dec. 3 in Brussels."],
        ),
        ("President Joe R. Biden agreed.", ["President Joe R. Biden agreed."]),
        (
            '"It will take weeks. I would be surprised," a diplomat said. Talks go on.',
            ['"It will take weeks. I would be surprised," a diplomat said.', "Talks go on."],
        ),
        ("“Is it over?” she asked. Nobody knew.", ["“Is it over?” she asked.", "Nobody knew."]),
        (
            "First paragraph ends\nSecond one starts.",
            ["First paragraph ends", "Second one starts."],
        ),
        ("According to this source. .", ["According to this source."]),
        (
            "The cost is $725 million. More may follow.",
            ["The cost is $725 million.", "More may follow."],
        ),
    ],
)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


@given(st.text(max_size=500))
def test_sentences_are_verbatim_slices_in_order(text):
    last = 0
    for start, end in sentence_spans(text):
        assert last <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
        last = end


def test_words_keep_amounts_and_hyphens():
    assert words("Israeli-American Arrow systems cost $725 million.") == [
        "Israeli-American", "Arrow", "systems", "cost", "$725", "million",
    ]  # fmt: skip
    assert word_count("Ukraine’s bid, again.") == 3


def test_sumy_tokenizer_needs_no_download():
    tokenizer = SumyTokenizer("english")
    assert tokenizer.to_sentences("One. Two three.") == ("One.", "Two three.")
    assert tokenizer.to_words("Two three.") == ("Two", "three")
    from sumy.models.dom import Sentence

    assert Sentence("Kyiv asked for THAAD systems.", tokenizer).words == (
        "Kyiv",
        "asked",
        "for",
        "THAAD",
        "systems",
    )
