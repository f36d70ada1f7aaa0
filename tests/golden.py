"""The seed brief as a plain-text outline: what the golden file holds and the test compares."""

from __future__ import annotations

from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "seed_brief.md"


def outline() -> str:
    from briefing.pipeline import Options, build_brief

    brief = build_brief(Options(sources=ROOT / "seeds", day=date(2024, 12, 3)))
    lines = [
        f"# {brief.title}",
        "",
        f"{brief.date_label} · {brief.period_label} · {brief.sources_label}",
    ]
    for section in brief.sections:
        lines += ["", f"## {section.title}"]
        if section.is_empty:
            lines.append(f"_{section.empty_note}_")
        for group in section.groups:
            lines += [f"### {group.actor}"]
            lines += [_line(s) for s in group.statements]
        lines += [f"- [{e.when_label}] {_line(e.statement)[2:]}" for e in section.events]
        lines += [_line(s) for s in section.statements]
        lines += [
            f"| {r.donor or '—'} | {r.item} | {r.status} | note {r.citation.number} |"
            for r in section.aid
        ]
    lines += ["", f"## {brief.labels.sourcing}"]
    lines += [f"- {fact.label}: {fact.text}" for fact in brief.sourcing]
    lines += ["", "## Footnotes"]
    lines += [f"{c.number}. {c.text}" for c in brief.citations]
    return "\n".join(lines) + "\n"


def _line(statement) -> str:
    speaker = f"{statement.speaker}: " if statement.speaker else ""
    marks = (statement.gloss, statement.dated, statement.note)
    note = f" ({' · '.join(m for m in marks if m)})" if any(marks) else ""
    return f"- {speaker}{statement.quoted} [{statement.citation.number}]{note}"
