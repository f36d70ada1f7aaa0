"""The brief's title and file slug."""

from __future__ import annotations

from conftest import DATA

from briefing.titles import corpus_title, slugify


def test_corpus_title_is_the_headline_that_says_what_all_the_articles_report():
    from briefing.corpus import read_paths

    articles = read_paths([DATA / "other_topic"])
    assert corpus_title(articles) == "City council splits over river bridge toll"


def test_without_headlines_the_title_is_the_main_clause_of_the_story(tmp_path):
    from briefing.corpus import read_paths

    texts = [
        "A British man accused of hacking US agencies lost his fight on Friday. Lauri Love's "
        "extradition was approved by a London court after a long hearing in the case.",
        "Campaigners said Lauri Love's extradition would put his health at risk. The court "
        "heard from doctors who examined Love this year about his condition.",
    ]
    for n, text in enumerate(texts):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    articles = read_paths([tmp_path])
    lead = "Lauri Love's extradition was approved by a London court after a long hearing."
    assert corpus_title(articles, key_points=[lead]) == (
        "Lauri Love's extradition was approved by a London court after a long hearing"
    )
    assert corpus_title(articles) == "Lauri Love"  # no key point: the central name
    assert "," not in corpus_title(articles)  # never a list of frequent words


def test_slugify():
    assert slugify("Ukraine's bid for a NATO invitation") == "ukraines-bid-for-a-nato-invitation"
    assert slugify("Žižek & co: über alles!") == "zizek-co-uber-alles"
    assert slugify("!!!") == "brief"
