"""The brief's title and file slug."""

from __future__ import annotations

from conftest import DATA

from briefing.titles import corpus_title, slugify


def test_corpus_title_names_what_the_articles_are_about():
    from briefing.corpus import read_paths

    articles = read_paths([DATA / "other_topic"])
    assert "Riverside" in corpus_title(articles)


def test_slugify():
    assert slugify("Ukraine's bid for a NATO invitation") == "ukraines-bid-for-a-nato-invitation"
    assert slugify("Žižek & co: über alles!") == "zizek-co-uber-alles"
    assert slugify("!!!") == "brief"
