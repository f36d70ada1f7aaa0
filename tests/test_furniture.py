"""Page furniture never becomes content: each rule on a real-looking paste of its kind, the story
around it kept word for word, and articles that are mostly furniture skipped with the reason.

The examples are written in the style of pastes seen in news clusters (wire copy, newspaper sites,
broadcaster pages, web archive notices); names and facts are invented.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import run

from briefing.corpus import read_article
from briefing.errors import ArticleError

STORY = (
    "The harbour authority approved a new ferry terminal on Monday after two years of planning.",
    "The terminal will double the number of daily crossings to the islands.",
    "Residents of the old town warned that traffic would grow on the narrow coast road.",
)


def paste(tmp_path: Path, text: str, name: str = "paste.txt") -> Path:
    """A plain .txt paste with no front matter, as a user would save it."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def sentences_of(tmp_path: Path, text: str) -> list[str]:
    path = paste(tmp_path, text)
    article = read_article(path)
    source = path.read_text(encoding="utf-8")
    for sentence in article.sentences:
        assert sentence in source, f"not a verbatim slice of the source: {sentence!r}"
    return list(article.sentences)


def story_with(*furniture: str) -> str:
    return "\n".join([STORY[0], *furniture, STORY[1], STORY[2]]) + "\n"


# --- photo captions and credits --------------------------------------------------------------


def test_caption_glued_to_the_next_text_by_a_credit_run_in_is_removed(tmp_path):
    # "<caption> | <Photographer>/AP <headline> <standfirst>": a caption block above the story.
    caption = (
        "The new port director earned $2.1 million from her stake in the shipping firm. | "
        "Jane Roe/AP Director still stands to profit from the firm The newly named director has "
        "earned millions from her stake, according to a filing."
    )
    kept = sentences_of(tmp_path, story_with(caption))
    assert kept == list(STORY)


def test_caption_without_a_credit_is_removed_when_it_tells_a_dated_scene(tmp_path):
    # A picture's scene in the present tense with its full date: a caption, not news.
    kept = sentences_of(
        tmp_path,
        story_with(
            "A worker holds circuit boards at a recycling warehouse in Porto March 6, 2013.",
            "Ferry passengers wait on the quay in Harbourtown, Tuesday, April 5, 2011.",
        ),
    )
    assert kept == list(STORY)


def test_news_sentences_with_full_dates_are_kept(tmp_path):
    news = (
        "On Tuesday, May 5, 2015, voters elected a new harbour board.",
        "The board said on March 6, 2013, that the quay would close.",
        "The first ferry sailed on June 1, 1998.",
    )
    assert sentences_of(tmp_path, "\n".join(news) + "\n") == list(news)


def test_wire_photo_captions_with_their_credits_are_removed(tmp_path):
    kept = sentences_of(
        tmp_path,
        story_with(
            "FILE - In this Oct. 22, 2011 file photo, a pilot steers a ferry into the harbour.",
            "This undated photo released by the port authority shows the planned terminal.",
            "The mayor speaks to reporters at the quay. (Jane Roe/The Harbour Courier)",
            "Image copyright Reuters Image caption The old terminal opened in 1962",
            "(Image: Getty Images)",
            "Photo",
        ),
    )
    assert kept == list(STORY)


def test_truncated_caption_and_its_full_text_are_both_removed(tmp_path):
    # Pages print a caption cut short with its credit, then the caption in full.
    kept = sentences_of(
        tmp_path,
        story_with(
            "Passengers board the last ferry of the day at the old terminal in Harbourtown,"
            " Monday, May 4, 2015. The authority... (Associated Press)",
            "Passengers board the last ferry of the day at the old terminal in Harbourtown,"
            " Monday, May 4, 2015. The authority said the terminal will close next year.",
        ),
    )
    assert kept == list(STORY)


def test_captions_glued_before_the_story_are_cut_and_the_story_kept(tmp_path):
    story = " ".join(STORY) + " " + " ".join(STORY)  # long enough to be no caption itself
    single = (
        "In this April 11, 2018, file photo, two boys push their scooters along the quay. "
        f"(AP Photo/Jane Roe, File) {story}"
    )
    gallery = (
        "(Jane Roe/The Harbour Courier) Protesters gather at the quay on Monday. "
        "(Ali Khan / The Harbour Courier) A ferry waits at the pier. "
        f"(Sam Lee/The Harbour Courier) X {story}"
    )
    for text in (single, gallery):
        assert sentences_of(tmp_path, text + "\n") == list(STORY)


def test_story_paragraph_repeating_a_captions_words_is_kept(tmp_path):
    # A caption that quotes the lede does not take the lede with it.
    lede = (
        "The harbour authority approved a new ferry terminal on Monday after two years of planning."
    )
    text = f"{lede} | Jane Roe/AP Terminal approved\n{lede} The vote was 7 to 2.\n"
    assert sentences_of(tmp_path, text) == [lede, "The vote was 7 to 2."]


def test_sentences_about_photos_are_news_not_captions(tmp_path):
    news = (
        "Photos from the camp's website show rugged terrain around the lake.",
        "It was the caption beneath the photograph that angered the minister.",
        "Older versions remain on the Wayback Machine, which archives sites across the web.",
    )
    assert sentences_of(tmp_path, "\n".join(news) + "\n") == list(news)


# --- video players and teasers ----------------------------------------------------------------


def test_video_teasers_and_player_notices_are_removed(tmp_path):
    kept = sentences_of(
        tmp_path,
        story_with(
            "JUST WATCHED Ferry talks keep the islands' hopes alive Replay More Videos ..."
            " MUST WATCH Ferry talks keep the islands' hopes alive 02:41",
            "Media playback is unsupported on your device Media caption Ferry crews explain the plan",
            "Embed Ferry crosses in a storm 2:49 autoplay autoplay Copy this code to your website"
            " or blog",
        ),
    )
    assert kept == list(STORY)


# --- datelines -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dateline", "outlet"),
    [
        ("LONDON (Reuters) - ", "Reuters"),
        ("OSLO, May 4 (AP) -- ", "AP"),
        ("(CNN) ", "CNN"),
        ("PORTSMOUTH, England (KPIX 5) — ", "KPIX 5"),
        ("WASHINGTON — ", ""),
    ],
)
def test_dateline_prefix_is_stripped_and_the_sentence_kept(tmp_path, dateline, outlet):
    article = read_article(paste(tmp_path, dateline + " ".join(STORY) + "\n"))
    assert article.sentences == STORY
    assert article.outlet == outlet  # a wire dateline names who wrote it; a place is no outlet


# --- social-media embeds ---------------------------------------------------------------------------


def test_embedded_tweets_are_removed(tmp_path):
    kept = sentences_of(
        tmp_path,
        story_with(
            "Huge queues at the quay this morning pic.twitter.com/abc123XYZ"
            " — Jane Doe (@janedoe) May 5, 2017",
            "Please plan your journey. https://t.co/xY12ab — Harbour Police (@HarbourPolice)"
            " April 17, 2016",
        ),
    )
    assert kept == list(STORY)


def test_a_widget_pasted_as_a_source_is_skipped_with_its_kind(tmp_path):
    path = paste(
        tmp_path,
        "Tweet with a location\n"
        "You can add location information to your Tweets, such as your city or precise location,"
        " from the web and via third-party applications. You always have the option to delete"
        " your Tweet location history. Learn more\n",
    )
    with pytest.raises(ArticleError, match=r"mostly page furniture \(social-media embed\)"):
        read_article(path)


# --- prompts: newsletter, subscription, advertisement, "Click here", credits --------------------


def test_reader_prompts_are_removed(tmp_path):
    kept = sentences_of(
        tmp_path,
        story_with(
            "Advertisement Continue reading the main story",
            "Newsletter Sign Up Continue reading the main story Please verify you're not a robot"
            " by clicking the box.",
            "Get breaking news alerts on your mobile device direct from the Harbour news desk.",
            "Click here to see the full list of ferry routes.",
            "Read more about the terminal plan here.",
            "Follow Jane Doe on Twitter and Facebook.",
            "Please enable cookies to use this site.",
            "Jane Doe and Ali Khan contributed to this report.",
            "(Editing by Sam Lee)",
            "(Additional reporting by Jane Doe, Ali Khan and Sam Lee in Harbourtown, Maria Santos in"
            " Lisbon and Lena Fischer in Hamburg; Writing by Ruth Okoye; Editing by Lois Lane and"
            " Tom Weber)",
            "► May 4: Council backs new tram line",
        ),
    )
    assert kept == list(STORY)


def test_page_notes_related_links_and_gallery_widgets_are_removed(tmp_path):
    kept = sentences_of(
        tmp_path,
        story_with(
            "Story highlights The harbour board backs a second ferry terminal",
            "PREVIOUS: Harbour board delays ferry terminal vote",
            "Correction: Earlier versions of this article misspelled the name of the harbour "
            "master.",
            "Editor's note: This story has been updated with the board's vote.",
            "Harbour master Kofi Osei, left, and engineer Ana Ruiz unveil the model of the new "
            "terminal at the town hall in Harbourtown.",
            "Photo: Jane Doe Image 1 of / 3 Caption Close Image 1 of 3 The old ferry pier in "
            "Harbourtown. The pier will close next year. less The old ferry pier in Harbourtown. "
            "more Photo: Ali Khan Image 2 of 3 Back to Gallery",
        ),
    )
    assert kept == list(STORY)


def test_a_prompt_glued_to_the_end_of_a_paragraph_is_cut_and_the_story_kept(tmp_path):
    text = (
        f"{STORY[0]}\n"
        f"{STORY[1]} Advertisement\n"
        f"Ferry crews will train all summer. Watch the video below to hear what the captain said.\n"
        f"{STORY[2]} Reach Jane Doe at jane@example.org or on Twitter.\n"
    )
    kept = sentences_of(tmp_path, text)
    assert kept == [STORY[0], STORY[1], "Ferry crews will train all summer.", STORY[2]]


def test_story_sentences_that_share_a_word_with_prompts_are_kept(tmp_path):
    news = (
        "Visitors flocked to the harbour to see the new ferry.",
        "More than 5,000 people have signed up for the ferry pass.",
        "Customers who subscribe to the pass pay $10 a month, the company said.",
    )
    assert sentences_of(tmp_path, "\n".join(news) + "\n") == list(news)


def test_time_stamps_of_a_live_page_are_removed_but_a_dated_head_is_read(tmp_path):
    path = paste(
        tmp_path,
        "Harbour votes on ferry terminal\n\nUpdated 5 May 2025\n\n"
        + story_with(
            "5:35 p.m.", "(Published Monday, May 4, 2025)", "Last Updated, Monday, 11:07 a.m."
        ),
    )
    article = read_article(path)
    assert article.published == date(2025, 5, 5)
    assert article.sentences == STORY


# --- archive notices and error pages ------------------------------------------------------------

ARCHIVE_NOTICE = (
    "The seed for this crawl was:\n"
    "- Front pages from every domain on the web:\n"
    "-- a ranking of all URLs that have more than one incoming inter-domain link\n"
    "-- up to a maximum of 100 most highly ranked URLs per domain\n"
    "- Top ranked pages from every linked-to domain using the inter-domain link graph\n"
)
ERROR_PAGE = (
    "404\n\nPage not found\n\nSorry, the page you were looking for has moved or no longer"
    " exists.\n\nReturn to the homepage\n\n© 2017 Harbour Courier. All rights reserved.\n"
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (ARCHIVE_NOTICE, "archive notice"),
        (
            "Starting in 1996, an archive has been donating its crawl data to the Internet"
            " Archive. Every day the data are added to the Wayback Machine after an embargo"
            " period.\n",
            "archive notice",
        ),
        (ERROR_PAGE, "error page"),
        ("Access denied\n\nPlease enable cookies and reload the page.\n", "error page"),
    ],
)
def test_archive_notices_and_error_pages_are_skipped_as_mostly_furniture(tmp_path, text, kind):
    with pytest.raises(ArticleError, match=rf"mostly page furniture \({kind}\), not an article"):
        read_article(paste(tmp_path, text))


def test_a_short_real_article_is_not_skipped(tmp_path):
    short = "\n".join(STORY[:2]) + "\n"
    assert read_article(paste(tmp_path, short)).sentences == STORY[:2]


def test_briefing_sources_says_why_a_furniture_page_was_skipped(tmp_path):
    story = "---\ndate: 2025-05-04\n---\n" + story_with("MUST WATCH Ferry talks 02:41")
    paste(tmp_path, story, "story.txt")
    paste(tmp_path, ARCHIVE_NOTICE, "archive.txt")
    paste(tmp_path, ERROR_PAGE, "gone.txt")
    result = run("sources", "--date", "2025-05-05", "--sources", str(tmp_path), "--json")
    assert result.exit_code == 0, result.output
    rows = {row["file"]: row for row in json.loads(result.stdout)}
    assert rows["story.txt"]["status"] == "used"
    assert rows["archive.txt"]["reason"] == "mostly page furniture (archive notice), not an article"
    assert rows["gone.txt"]["reason"] == "mostly page furniture (error page), not an article"
    table = run("sources", "--date", "2025-05-05", "--sources", str(tmp_path))
    assert "mostly page furniture (archive notice)" in table.output
