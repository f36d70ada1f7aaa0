"""References a reader can use: a source cited by what is known of it, never by its file name, in
the PDF, the DOCX, the HTML preview and the email; short forms cut where they stay recognisable."""

from __future__ import annotations

import email
import json
import re
from datetime import date
from email import policy
from html import unescape

import pytest
from conftest import SEEDS, docx_footnotes, docx_paragraphs, pdf_text, run, run_generate, squash
from corpora import HARBOUR_DATE, HARBOUR_FILES, write_harbour

from briefing.citations import full_reference, short_reference, short_title
from briefing.corpus import Article
from briefing.model import Labels
from briefing.vocabulary import shipped

LABELS = Labels(**shipped().table("labels"))
SEED_FILES = tuple(p.stem for p in SEEDS.glob("*.txt"))
# What the seed brief printed before: an error, not a reference.
NOT_REFERENCES = ("Outlet not named", "untitled article", ".txt", ".md")


def every_text(folder) -> dict[str, str]:
    """What a reader sees of each document in `folder`: PDF text, DOCX paragraphs and
    footnotes, the HTML preview."""
    pdf = next(folder.glob("*.pdf"))
    docx = next(folder.glob("*.docx"))
    html = next(folder.glob("*.html"))
    return {
        "pdf": pdf_text(pdf),
        "docx": "\n".join(text for _, text in docx_paragraphs(docx))
        + "\n".join(docx_footnotes(docx).values()),
        "html": unescape(html.read_text(encoding="utf-8")),
    }


@pytest.fixture(scope="module")
def seed_documents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed-html")
    result = run_generate(SEEDS, folder, "--format", "pdf,docx,html")
    assert result.exit_code == 0, result.output
    return every_text(folder)


@pytest.fixture(scope="module")
def harbour(tmp_path_factory):
    sources = write_harbour(tmp_path_factory.mktemp("harbour"))
    out = tmp_path_factory.mktemp("harbour-out")
    result = run_generate(sources, out, "--format", "pdf,docx,html", day=HARBOUR_DATE)
    assert result.exit_code == 0, result.output
    record = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
    return every_text(out), record


def test_no_seed_footnote_names_a_file(seed_documents):
    for kind, text in seed_documents.items():
        for name in SEED_FILES:
            assert name not in text, f"{kind} names {name}"
        for wording in NOT_REFERENCES:
            assert wording not in text, f"{kind} says {wording!r}"


def test_email_footnotes_name_no_file(tmp_path):
    target = tmp_path / "brief.eml"
    args = ["--sources", str(SEEDS), "--to", "desk@example.org", "--eml", str(target)]
    result = run("email", "--date", "2024-12-03", *args)
    assert result.exit_code == 0, result.output
    message = email.message_from_bytes(target.read_bytes(), policy=policy.default)
    for kind in ("plain", "html"):
        body = message.get_body((kind,)).get_content()
        assert "Article beginning “Ukraine is intensifying its push for NATO membership…”" in body
        for name in SEED_FILES:
            assert name not in body


def test_untitled_seed_is_cited_by_its_opening_words(seed_documents):
    cited = "Article beginning “Ukraine is intensifying its push for NATO membership…”, 3 December"
    for kind, text in seed_documents.items():
        assert squash(cited) in squash(text), kind


def test_a_source_is_cited_by_what_is_known_of_it(harbour):
    documents, record = harbour
    for kind, text in documents.items():
        for name in HARBOUR_FILES:
            assert name not in text, f"{kind} names {name}"
    untitled = [s for s in record["sources"] if not s["title"]]
    assert untitled, "the corpus's untitled articles are cited"
    for source in untitled:
        reference = source["reference"]
        assert re.search(r"(?:^A|, a)rticle beginning “[^”]+…”", reference), reference
        if source["url"]:  # the site its URL names stands for the outlet
            assert reference.startswith("portnews.example, article beginning")
        for kind, text in documents.items():
            assert squash(reference) in squash(text), kind


@pytest.mark.parametrize(
    ("title", "short"),
    [
        (
            "Ukraine puts pressure on to be invited to join NATO, Trump in the background",
            "Ukraine puts pressure on to be invited…",
        ),
        (
            "Zelensky brings Victory Plan to Brussels, but NATO invite seems out of reach",
            "Zelensky brings Victory Plan to Brussels…",
        ),
        (
            "NATO will not offer Ukraine membership at this week’s meeting - Reuters",
            "NATO will not offer Ukraine membership…",
        ),
        ("Port strike goes on", "Port strike goes on"),
        ("Council splits over bridge toll: what the vote means for commuters", "Council splits over bridge toll…"),
    ],
)  # fmt: skip
def test_short_titles_stop_at_a_word_that_keeps_them_recognisable(title, short):
    assert short_title(title) == short


def test_every_short_form_in_the_seed_brief_is_a_clean_cut(seed_model):
    dangling = set(shipped().words("dangling_words"))
    titles = {s.title for s in seed_model.sources if s.title}
    shortened = re.findall(r"“([^”]+)…”", " ".join(c.text for c in seed_model.citations))
    assert shortened
    for short in shortened:
        assert short.split()[-1].lower() not in dangling, short
        assert short[-1] not in ",;:-–", short
        full = [t for t in titles if t.startswith(short)]
        assert not full or all(t[len(short)] in " ,;:" for t in full), short  # a word boundary


def article(**fields) -> Article:
    base = dict(
        id="a", name="0042_page.md", title="", outlet="", author="", published=date(2025, 5, 7),
        url="", language="en", paragraphs=("Ferries were cancelled across the bay on Monday.",),
        sentences=("Ferries were cancelled across the bay on Monday.",),
    )  # fmt: skip
    base.update(fields)
    return Article(**base)


def test_references_say_what_is_known_and_nothing_else():
    bare = article()
    assert full_reference(bare, LABELS) == (
        "Article beginning “Ferries were cancelled across the bay on Monday.”, 7 May 2025"
    )
    signed = article(author="Ana Lindqvist", url="https://www.bayreport.example/ferries")
    assert full_reference(signed, LABELS).startswith("bayreport.example, Ana Lindqvist, article")
    assert short_reference(signed, LABELS).startswith("bayreport.example, article beginning")
    undated = article(title="Ferries cancelled", outlet="Bay Report", published=None)
    assert full_reference(undated, LABELS) == "Bay Report, “Ferries cancelled”, undated"
    headline = article(paragraphs=("Ferry chaos in the bay", "Ferries were cancelled."))
    assert "“Ferry chaos in the bay”" in full_reference(headline, LABELS)
    assert "0042" not in full_reference(bare, LABELS) + short_reference(bare, LABELS)


def test_copies_are_named_by_outlet_never_by_file():
    copied = article(title="Ferries cancelled", outlet="Bay Report", also_published_by=("",))
    assert "(also run elsewhere)" in full_reference(copied, LABELS)
    named = article(title="Ferries cancelled", also_published_by=("Island Gazette", ""))
    assert "(also run by Island Gazette)" in full_reference(named, LABELS)
