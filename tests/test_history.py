"""What changed since the last brief: the JSON record written with every brief, the "New since"
section the next brief of the story opens with, and `briefing diff`."""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import SEEDS, W, docx_xml, pdf_text, run, run_generate, squash
from corpora import HARBOUR_DATE, write_harbour

from briefing.history import SCHEMA, SCHEMA_VERSION, find_earlier, normalise
from briefing.text import split_sentences

SLUG = "ukraines-bid-for-a-nato-invitation"
NEW_ARTICLES = {"001_7b9aed3d067845a5.txt", "003_bc49a67c67b6855b.txt"}  # dated 3 December
OLD_ARTICLES = {"000_2ced16fb7bbe558b.txt", "002_3b6b60b6e0d10ecd.txt", "004_98ceb06b7a6a85b3.txt"}


def texts_of(ids) -> str:
    return "\n".join((SEEDS / i).read_text(encoding="utf-8") for i in sorted(ids))


def digests(folder: Path, day: str) -> dict[str, str]:
    return {p.suffix: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.glob(f"{day}-*")}


def record(folder: Path, day: str) -> dict:
    return json.loads((folder / f"{day}-{SLUG}.json").read_text(encoding="utf-8"))


def statements(rec: dict) -> list[dict]:
    found = []
    for section in rec["sections"]:
        found += [s for g in section["groups"] for s in g["statements"]]
        found += [e["statement"] for e in section["events"]] + section["statements"]
    return found


def docx_blocks(path: Path) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(paragraph style id, text, [(run style id, run text)]) of every body paragraph."""
    body = docx_xml(path, "word/document.xml").find(f"{W}body")
    blocks = []
    for p in body.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        runs = [
            (
                (r.find(f"{W}rPr/{W}rStyle").get(f"{W}val") if r.find(f"{W}rPr/{W}rStyle") is not None else ""),
                "".join(t.text or "" for t in r.iter(f"{W}t")),
            )
            for r in p.iter(f"{W}r")
        ]  # fmt: skip
        blocks.append(
            (style.get(f"{W}val") if style is not None else "", "".join(t for _, t in runs), runs)
        )
    return blocks


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Path:
    """The seeds briefed on 2 December, then on 3 December, into one folder."""
    folder = tmp_path_factory.mktemp("story")
    for day in ("2024-12-02", "2024-12-03"):
        result = run_generate(SEEDS, folder, day=day)
        assert result.exit_code == 0, result.output
    return folder


def test_every_run_writes_its_record_beside_the_documents(story):
    first, second = record(story, "2024-12-02"), record(story, "2024-12-03")
    assert (first["schema"], first["version"]) == (SCHEMA, SCHEMA_VERSION)
    assert {r["id"] for r in first["read"]} == OLD_ARTICLES
    assert {r["id"] for r in second["read"]} == OLD_ARTICLES | NEW_ARTICLES
    numbers = [s["footnote"] for s in statements(second)]
    assert numbers == sorted(numbers)
    sources = texts_of(OLD_ARTICLES | NEW_ARTICLES)
    for s in statements(second):
        assert s["text"] in sources
        assert s["source"] in s["sources"]
        assert s["cited"]
    assert second["sourcing"][0]["label"] == "Sources"
    assert (story / f"2024-12-03-{SLUG}.json").read_bytes().endswith(b"}\n")


def test_the_first_brief_of_a_story_has_no_new_since(story):
    assert record(story, "2024-12-02")["since"] is None
    assert not any(s["new"] for s in statements(record(story, "2024-12-02")))
    assert "New since" not in pdf_text(story / f"2024-12-02-{SLUG}.pdf")
    assert not any(
        text.startswith("New since")
        for _, text, _ in docx_blocks(story / f"2024-12-02-{SLUG}.docx")
    )


def test_the_next_brief_says_what_is_new_since_the_first(story):
    rec = record(story, "2024-12-03")
    assert rec["since"] == "2024-12-02"
    new = [s for s in statements(rec) if s["new"]]
    assert new
    for s in statements(rec):  # new: only statements from articles the first brief did not have
        assert s["new"] == (set(s["sources"]) <= NEW_ARTICLES), s["text"]
    old_texts = texts_of(OLD_ARTICLES)
    new_texts = texts_of(NEW_ARTICLES)

    # The PDF opens with the section, before the key points, each entry pointing to its note.
    pdf = pdf_text(story / f"2024-12-03-{SLUG}.pdf")
    first_page = pdf.split("Page 1 of")[0]
    assert "New since 2 December 2024" in first_page
    assert first_page.index("New since 2 December 2024") < first_page.index("Key points")
    section = squash(first_page.split("New since 2 December 2024")[1].split("Key points")[0])
    shown = [s for s in statements(rec) if squash(s["text"]) in section]
    assert shown
    assert all(s["new"] for s in shown)

    # The DOCX: the same section, entries quoting only the new articles; "New" marks below.
    blocks = docx_blocks(story / f"2024-12-03-{SLUG}.docx")
    headings = [text for style, text, _ in blocks if style == "Heading1"]
    assert headings[0] == "New since 2 December 2024"
    start = next(k for k, b in enumerate(blocks) if b[1] == headings[0])
    end = next(k for k, b in enumerate(blocks) if b[1] == "Key points")
    entries = [b for b in blocks[start + 1 : end] if b[0] == "ListBullet"]
    assert entries
    for _, _, runs in entries:
        quoted = "".join(t for style, t in runs if not style).strip()
        for sentence in split_sentences(quoted):  # a statement may come with its context
            assert sentence in new_texts
            assert sentence not in old_texts
        assert any(style == "BriefGloss" and "note " in t for style, t in runs)  # where it stands
    marks = [t for _, _, runs in blocks[end:] for style, t in runs if style == "BriefNew"]
    assert len(marks) == len(new)
    if len(new) > len(entries):  # the rest are counted, not listed
        assert squash(f"{len(new) - len(entries)} more are marked") in squash(pdf)


def test_running_the_day_again_compares_with_the_same_brief_and_gives_the_same_bytes(
    story, tmp_path
):
    before = digests(story, "2024-12-03")
    assert set(before) == {".pdf", ".docx", ".json"}
    assert find_earlier(story, SLUG, date(2024, 12, 3)).name.startswith("2024-12-02")
    result = run_generate(SEEDS, story, day="2024-12-03")
    assert result.exit_code == 0, result.output
    assert digests(story, "2024-12-03") == before
    assert record(story, "2024-12-03")["since"] == "2024-12-02"


def test_since_names_the_earlier_brief(story, tmp_path):
    earlier = story / f"2024-12-02-{SLUG}.json"
    result = run_generate(SEEDS, tmp_path, "--format", "docx", "--since", str(earlier))
    assert result.exit_code == 0, result.output
    assert record(tmp_path, "2024-12-03")["since"] == "2024-12-02"


def test_a_since_that_is_no_record_is_a_one_line_error(tmp_path):
    broken = tmp_path / "old.json"
    broken.write_text('{"schema": "something else"}', encoding="utf-8")
    out = tmp_path / "out"
    result = run_generate(SEEDS, out, "--since", str(broken))
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert str(broken) in result.output
    assert "not a brief's JSON record" in result.output
    assert not out.exists() or not list(out.iterdir())  # nothing written


def test_a_damaged_earlier_record_in_the_folder_is_skipped_with_a_warning(tmp_path):
    (tmp_path / f"2024-12-02-{SLUG}.json").write_text("{not json", encoding="utf-8")
    result = run_generate(SEEDS, tmp_path, "--format", "docx")
    assert result.exit_code == 0, result.output
    assert "warning" in result.output
    assert f"2024-12-02-{SLUG}.json" in result.output
    assert record(tmp_path, "2024-12-03")["since"] is None


def test_diff_prints_what_was_added_and_dropped(story):
    old, new = story / f"2024-12-02-{SLUG}.json", story / f"2024-12-03-{SLUG}.json"
    result = run("diff", str(old), str(new))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "2 December 2024 -> 3 December 2024"
    blocks, counts, current = {}, {}, None
    for line in lines[1:]:
        if line[:1] in "+-" and current:
            blocks[current].append(line[2:])
        else:
            current, count = line.rsplit(": ", 1)
            blocks[current], counts[current] = [], int(count)
    assert counts == {name: len(entries) for name, entries in blocks.items()}
    old_texts = {normalise(s["text"]) for s in statements(record(story, "2024-12-02"))}
    new_texts = {normalise(s["text"]) for s in statements(record(story, "2024-12-03"))}
    assert blocks["Statements added"]
    assert blocks["Statements dropped"]
    for line in blocks["Statements added"]:
        assert normalise(line.split("] ", 1)[1]) not in old_texts
    for line in blocks["Statements dropped"]:
        assert normalise(line.split("] ", 1)[1]) not in new_texts
    assert len(blocks["Sources added"]) == len(NEW_ARTICLES)
    assert blocks["Sources dropped"] == []


def test_diff_of_a_file_that_is_no_record_is_a_one_line_error(story, tmp_path):
    other = tmp_path / "notes.json"
    other.write_text("[]", encoding="utf-8")
    result = run("diff", str(story / f"2024-12-02-{SLUG}.json"), str(other))
    assert result.exit_code == 2
    assert str(other) in result.output
    assert result.output.count("\n") == 1


def test_a_record_is_never_read_back_as_an_article(tmp_path):
    sources = write_harbour(tmp_path / "harbour")
    out = sources / "briefs"  # the output folder inside the sources folder
    for _ in range(2):
        result = run_generate(sources, out, "--format", "docx", day=HARBOUR_DATE)
        assert result.exit_code == 0, result.output
    records = list(out.glob("*.json"))
    assert len(records) == 1
    rec = json.loads(records[0].read_text(encoding="utf-8"))
    assert not any(r["file"].endswith(".json") for r in rec["read"])
    listing = run("sources", "--date", HARBOUR_DATE, "--sources", str(sources), "--json")
    rows = {
        row["file"]: row
        for row in json.loads(listing.output.split("\n", 0)[0] if False else listing.output)
    }
    assert rows[f"briefs/{records[0].name}"]["status"] == "skipped"
    shutil.rmtree(out)
