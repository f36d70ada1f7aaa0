"""The aid table: items, amounts, status and donor as verbatim spans of aid statements."""

from __future__ import annotations

from datetime import date

from briefing.aid import aid_item, aid_status
from briefing.pipeline import Options, build_brief


def test_aid_table_cells_are_spans_of_the_cited_sentence(seed_model):
    rows = seed_model.section("aid").aid
    assert rows
    for row in rows:
        assert row.item in row.sentence
        assert row.donor in row.sentence
        assert row.status in {
            "announced",
            "pledged",
            "delivered",
            "requested",
            "refused",
            "reported",
        }
    by_item = {row.item: row for row in rows}
    assert by_item["$725 million"].status == "announced"
    thaad = [row for row in rows if "THAAD" in row.sentence]
    assert thaad
    assert all(row.status == "requested" for row in thaad)


def test_aid_table_covers_aid_named_in_the_key_points(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ndate: 2025-05-06\n---\nThe shippers' union asked the state for aid in March. "
        "The port authority announced a $12 million package of support "
        "for small shippers on Monday. Dock workers stayed off the job for an eighth day.\n",
        encoding="utf-8",
    )
    brief = build_brief(Options(sources=tmp_path, day=date(2025, 5, 7)))
    rows = brief.section("aid").aid
    assert [row.item for row in rows] == ["$12 million"]
    key_point = next(s for s in brief.section("key_points").statements if "$12 million" in s.text)
    assert rows[0].citation.number == key_point.citation.number


def test_aid_helpers_read_amounts_named_systems_and_status():
    sentence = "Kyiv continues to press for more defenses, such as the American THAAD and Israeli-American Arrow systems."
    assert aid_item(sentence) == "American THAAD and Israeli-American Arrow systems"
    assert aid_status(sentence) == "requested"
    assert aid_item("Washington announced $725 million in aid.") == "$725 million"
    assert aid_status("Berlin has pledged more tanks.") == "pledged"


def test_aid_rows_point_to_the_footnote_of_their_statement(seed_model):
    aid = seed_model.section("aid")
    numbers = {s.quoted: s.citation.number for s in seed_model.statements()}
    for row in aid.aid:
        assert numbers[row.sentence] == row.citation.number
