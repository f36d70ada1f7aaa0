"""The sourcing note at the end of the body: how well sourced the brief is, in its own words.

Made from the brief's data only: the sources cited and their outlets, the span of their dates,
how many statements rest on one source, which are reported by several, which rest on anonymous
speakers and where sources differ. Short enough to take in at a glance.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.dates import format_period
from briefing.model import Fact, Labels, Section, Source, Statement


def sourcing_note(
    sections: Sequence[Section], sources: Sequence[Source], labels: Labels
) -> tuple[Fact, ...]:
    """Return the note's lines: sources, outlets, one source only, corroborated, anonymous
    sources, sources differ. Statements are those printed in the body, another source's account
    of one counting with it."""
    statements = [s for section in sections for s in section.main_statements()]
    corroborated = [s for s in statements if s.reported_by > 1]
    anonymous = [s for s in statements if s.anonymous]
    differ = [s for s in statements if s.variants]
    single = len(statements) - len(corroborated)
    return (
        Fact(labels.sourcing_sources, _sources(sources, labels)),
        Fact(labels.sourcing_outlets, _outlets(sources, labels)),
        Fact(
            labels.sourcing_single,
            labels.share_text.format(count=single, total=labels.statements(len(statements))),
        ),
        Fact(labels.sourcing_corroborated, _listed(corroborated, labels)),
        Fact(labels.sourcing_anonymous, _listed(anonymous, labels)),
        # Only the statements shown were compared with other accounts: "none" would say more.
        Fact(labels.sourcing_differ, _listed(differ, labels) if differ else labels.none_differ),
    )


def _sources(sources: Sequence[Source], labels: Labels) -> str:
    dates = [s.published for s in sources if s.published]
    articles = labels.articles(len(sources))
    if not dates:
        return articles
    return labels.sources_text.format(
        articles=articles, period=format_period(min(dates), max(dates))
    )


def _outlets(sources: Sequence[Source], labels: Labels) -> str:
    """The outlets (or sites) of the cited sources, those that ran a copy included, in order of
    first citation; then how many sources name none."""
    from briefing.metadata import site_name

    named: list[str] = []
    unnamed = 0
    for source in sources:
        who = source.outlet or site_name(source.url)
        if not who:
            unnamed += 1
        for outlet in (who, *source.also_published_by):
            if outlet and outlet not in named:
                named.append(outlet)
    parts = list(named)
    if unnamed:
        parts.append(labels.unnamed_outlets.format(articles=labels.articles(unnamed)))
    return "; ".join(parts) if parts else labels.none


def _listed(statements: Sequence[Statement], labels: Labels) -> str:
    if not statements:
        return labels.none
    numbers = [s.citation.number for s in statements]
    return labels.notes_text.format(
        statements=labels.statements(len(statements)), notes=labels.notes(numbers)
    )
