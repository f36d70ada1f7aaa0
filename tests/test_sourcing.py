"""The sourcing note: how well sourced the brief is, in its own words, from its own data, and
what both documents print of it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from briefs import LABELS, sample_brief
from conftest import docx_paragraphs, pdf_text, squash

from briefing.model import Section, Source
from briefing.sourcing import sourcing_note


def counts(brief) -> dict[str, list[int]]:
    """What the brief's data say, recomputed here: the footnote numbers of each kind."""
    main = [s for section in brief.sections for s in section.main_statements()]
    return {
        "all": [s.citation.number for s in main],
        "single": [s.citation.number for s in main if s.reported_by == 1],
        "corroborated": [s.citation.number for s in main if s.reported_by > 1],
        "anonymous": [s.citation.number for s in main if s.anonymous],
        "differ": [s.citation.number for s in main if s.variants],
    }


def test_note_counts_what_the_statements_say():
    brief = sample_brief()
    first, second = brief.sections[0].statements[0], brief.sections[1].groups[0].statements[0]
    corroborated = replace(first, reported_by=3, note=LABELS.reported(3))
    anonymous = replace(second, attributed_to="a senior official", anonymous=True)
    differing = replace(brief.sections[4].statements[0], variants=(second,))
    sections = (
        Section("key_points", "Key points", statements=(corroborated,)),
        replace(brief.sections[1], groups=(replace(brief.sections[1].groups[0], statements=(anonymous,)),)),
        Section("outlook", "Outlook", statements=(differing,)),
    )  # fmt: skip
    sources = (
        Source("a", "a.md", "Dockers strike", "Harbour Herald", published=date(2025, 5, 5),
               also_published_by=("Coast FM", "")),
        Source("b", "b.md", "", "", published=date(2025, 5, 6), url="https://www.portnews.example/1"),
        Source("c", "c.md", "", "", published=date(2025, 5, 6)),
    )  # fmt: skip
    note = {fact.label: fact.text for fact in sourcing_note(sections, sources, LABELS)}
    assert note == {
        "Sources": "3 articles, published 5–6 May 2025",
        "Outlets": "Harbour Herald; Coast FM; portnews.example; 1 article without a named outlet",
        "One source only": "2 of 3 statements",
        "Corroborated": "1 statement (note 1)",
        "Anonymous sources": "1 statement (note 2)",
        "Sources differ": f"1 statement (note {differing.citation.number})",
    }


def test_an_empty_count_says_none():
    brief = sample_brief()
    note = {f.label: f.text for f in sourcing_note(brief.sections[:1], brief.sources[:1], LABELS)}
    assert note["Anonymous sources"] == "none"
    assert note["Sources differ"] == "none among the statements shown"
    assert note["Sources"] == "1 article, published 5 May 2025"


def test_seed_note_matches_the_brief_and_both_documents_print_it(seed_model, seed_brief):
    data = counts(seed_model)
    note = {fact.label: fact.text for fact in seed_model.sourcing}
    assert note["One source only"] == f"{len(data['single'])} of {len(data['all'])} statements"
    listed = re.findall(r"\d+", note["Anonymous sources"].split("(")[-1])
    assert [int(n) for n in listed] == data["anonymous"]
    assert note["Anonymous sources"].startswith(f"{len(data['anonymous'])} statements")
    assert data["anonymous"], "the seeds quote unnamed officials and diplomats"
    for key, label in (("corroborated", "Corroborated"), ("differ", "Sources differ")):
        numbers = [int(n) for n in re.findall(r"\d+", note[label].split("(")[-1])]
        assert numbers == data[key] or (note[label].startswith("none") and not data[key])
    dated = [s.published for s in seed_model.sources]
    assert note["Sources"] == "5 articles, published 17 October – 3 December 2024"
    assert min(dated) == date(2024, 10, 17)
    assert max(dated) == date(2024, 12, 3)
    assert "DayFR Euro" in note["Outlets"]
    assert "3 articles without a named outlet" in note["Outlets"]
    pdf = squash(pdf_text(seed_brief.pdf))
    docx = [text for style, text in docx_paragraphs(seed_brief.docx) if style == "Brief Fact"]
    assert len(docx) == len(seed_model.sourcing)
    for fact, line in zip(seed_model.sourcing, docx, strict=True):
        assert squash(fact.label) + squash(fact.text) in pdf
        assert line == f"{fact.label}\t{fact.text}"
    assert pdf.index(squash("Sourcing")) < pdf.rindex(squash("Sources"))  # before the sources
