"""A hand-built `Brief` for renderer tests: every kind of content, no pipeline run."""

from __future__ import annotations

from datetime import UTC, date, datetime

from briefing.model import (
    ActorPositions,
    AidItem,
    Brief,
    Citation,
    Event,
    Labels,
    Reference,
    Section,
    Source,
    Statement,
)
from briefing.vocabulary import shipped

LABELS = Labels(**shipped().table("labels"))
URL = "https://harbourherald.example/news/strike"


def sample_brief(**changes) -> Brief:
    """Return a small brief holding actor groups, a timeline, an aid table, an empty section and
    two sources, one with a URL."""
    herald = Reference("herald", "Harbour Herald, “Dockers strike”, 5 May 2025", URL)
    courier = Reference("courier", "Riverside Courier, “Port talks”, 6 May 2025")
    citations = [
        Citation(1, (herald,)),
        Citation(2, (courier,)),
        Citation(3, (herald, courier)),
        Citation(4, (courier,)),
        Citation(5, (herald,)),
    ]

    def said(n: int, text: str, **more) -> Statement:
        return Statement(text, citations[n - 1], citations[n - 1].source_ids[0], n, **more)

    sections = (
        Section("key_points", "Key points", statements=(said(1, "Dock workers stayed out."),)),
        Section(
            "positions",
            "Positions",
            groups=(ActorPositions("Port authority", (said(2, "The authority offered 3%."),)),),
        ),
        Section("open_questions", "Open questions", empty_note="Nothing is open."),
        Section(
            "aid",
            "Aid and funding",
            statements=(
                said(3, "The city pledged $2 million to shippers.", note=LABELS.reported(2)),
            ),
            aid=(
                AidItem("The city", "$2 million", "pledged", citations[2], "The city pledged ..."),
            ),
        ),
        Section(
            "outlook",
            "Outlook",
            events=(Event(date(2025, 5, 12), "12 May 2025", said(4, "Talks resume Monday.")),),
            statements=(said(5, "A vote is expected.", speaker="Ana Ruiz"),),
        ),
    )
    sources = (
        Source("herald", "a.md", "Dockers strike", "Harbour Herald", published=date(2025, 5, 5),
               url=URL, digest=("Dock workers stayed out.",), reference=herald.text),
        Source("courier", "b.md", "Port talks", "Riverside Courier", published=date(2025, 5, 6),
               reference=courier.text),
    )  # fmt: skip
    fields = dict(
        title="Port strike",
        slug="port-strike",
        date=date(2025, 5, 7),
        date_label="7 May 2025",
        period_label="Sources published 5–6 May 2025",
        sources_label="2 sources",
        sections=sections,
        sources=sources,
        citations=tuple(citations),
        labels=LABELS,
        created=datetime(2025, 5, 7, tzinfo=UTC),
        handling="Restricted",
    )
    fields.update(changes)
    return Brief(**fields)
