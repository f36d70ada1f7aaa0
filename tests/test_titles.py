"""The brief's title and file slug."""

from __future__ import annotations

from conftest import DATA

from briefing.corpus import read_paths
from briefing.titles import corpus_title, slugify


def pasted(folder, texts: list[str]):
    """The articles of `texts` pasted as plain .txt files, no headline, no front matter."""
    for n, text in enumerate(texts):
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    return read_paths([folder])


def test_corpus_title_is_the_headline_that_says_what_all_the_articles_report():
    articles = read_paths([DATA / "other_topic"])
    assert corpus_title(articles) == "City council splits over river bridge toll"


def test_without_headlines_the_title_is_the_main_clause_of_the_story(tmp_path):
    texts = [
        "A British man accused of hacking US agencies lost his fight on Friday. Lauri Love's "
        "extradition was approved by a London court after a long hearing in the case.",
        "Campaigners said Lauri Love's extradition would put his health at risk. The court "
        "heard from doctors who examined Love this year about his condition.",
    ]
    articles = pasted(tmp_path, texts)
    lead = "Lauri Love's extradition was approved by a London court after a long hearing."
    assert corpus_title(articles, key_points=[lead]) == (
        "Lauri Love's extradition was approved by a London court after a long hearing"
    )
    assert corpus_title(articles) == "Lauri Love"  # no key point: the central name
    assert "," not in corpus_title(articles)  # never a list of frequent words


def test_a_key_point_gives_a_title_only_when_its_clause_stands_as_one(tmp_path):
    texts = [
        "Maybe the council will listen. Helen Osei chairs the Riverside council.",
        "Helen Osei said the bridge would close. The phone lines were busy all day.",
    ]
    articles = pasted(tmp_path, texts)

    def title(*lead: str) -> str:
        return corpus_title(articles, key_points=list(lead))

    # A dateline goes, a double dash or a clause opener ends the clause, an abbreviation does not.
    assert title("HOUSTON A gunman was killed at the airport -- the second attack this year.") == (
        "A gunman was killed at the airport"
    )
    assert title("The delegation will begin arriving on Jan. 25, the ministry said.") == (
        "The delegation will begin arriving on Jan. 25"
    )
    # Too long: ended before a circumstantial clause.
    assert (
        title(
            "A man who fired a gun inside the ticketing area of the city's airport was "
            "killed after being confronted by a law enforcement official on Monday."
        )
        == "A man who fired a gun inside the ticketing area of the city's airport was killed"
    )
    # No title from a pronoun, a connective, a label, someone's own voice, a bare attribution or a
    # name alone; the next key point is tried, then the central name.
    unfit = [
        "It is difficult to sever ties with the council and its leaders.",
        "Or there could be silence from the council for weeks.",
        "Correction: An earlier version misspelled the name of the council's chair.",
        "Over the past two days we have received a tremendous amount of feedback.",
        "Canadian authorities said on Monday, after an inspection, that the bridge would close.",
        "The Riverside Bridge Maintenance Trust (RBMT).",
        "Police Chief Ana Ruiz said the mother told police the bridge was unsafe.",
        "Several crashes, involving as many as 100 cars and dozens of trucks stretched over miles "
        "of icy road, shut the Riverside bridge for most of the day on Monday.",
        "The 23-year-old was arrested on the Riverside bridge on Monday.",
    ]
    for lead in unfit:
        assert title(lead) == "Helen Osei", lead
    assert title(unfit[0], "The Riverside council voted to close the bridge on Monday.") == (
        "The Riverside council voted to close the bridge on Monday"
    )


def test_a_teaser_or_a_summary_line_is_no_headline(tmp_path):
    headlines = [
        "What do the Riverside council and the bridge trust have in common?",
        "He was inside the bridge's control room, the council says",
    ]
    body = (
        "Helen Osei said the Riverside council and the bridge trust would close the bridge. "
        "The Riverside council and the bridge trust meet on Monday."
    )
    for n, headline in enumerate(headlines):
        (tmp_path / f"{n}.md").write_text(
            f'---\ntitle: "{headline}"\ndate: 2025-03-1{n}\n---\n{body}\n', encoding="utf-8"
        )
    title = corpus_title(read_paths([tmp_path]))
    assert title
    assert title not in headlines


def test_a_capital_is_no_title_while_a_key_point_can_give_one(tmp_path):
    texts = [
        "Tokyo is bracing for more aftershocks. People queued for water in Tokyo on Sunday.",
        "Tokyo officials met on Monday. Trains in Tokyo ran late as Tokyo counted the damage.",
    ]
    articles = pasted(tmp_path, texts)
    key_points = [
        "It could take weeks to restore power, officials said.",
        "They said the damage was serious.",
        "Low levels of radiation have been detected well beyond the capital's suburbs.",
    ]
    assert corpus_title(articles) == "Tokyo"  # nothing better: the place
    assert corpus_title(articles, key_points=key_points) == (
        "Low levels of radiation have been detected well beyond the capital's suburbs"
    )


def test_the_central_name_is_a_name_not_a_word_opening_a_sentence(tmp_path):
    texts = [
        "Maybe Spelacchio will be replaced. Critics said maybe the tree was too old. Phone "
        "lines were busy. Spelacchio lost its needles.",
        "Maybe Spelacchio can be saved, the mayor said. Call by phone. Spelacchio is a tree.",
    ]
    assert corpus_title(pasted(tmp_path, texts)) == "Spelacchio"


def test_slugify():
    assert slugify("Ukraine's bid for a NATO invitation") == "ukraines-bid-for-a-nato-invitation"
    assert slugify("Žižek & co: über alles!") == "zizek-co-uber-alles"
    assert slugify("!!!") == "brief"
