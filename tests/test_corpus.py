"""Reading real article dumps: formats, metadata, cleaning, the date window, duplicates, bad input."""

from __future__ import annotations

import contextlib
import json
import logging
import os
from datetime import date
from pathlib import Path

import pytest
from conftest import DATA, SEEDS, pdf_text, run, run_generate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.corpus import load_corpus, read_article
from briefing.errors import ArticleError, BriefingError, NoArticlesError
from briefing.metadata import infer_metadata, split_front_matter

NOISY = DATA / "noisy"
# Lines of the seed files that are page furniture, not story.
SEED_JUNK = (
    "ua en ru",
    "© POOL/AFP/Archives",
    "Ground troops",
    "Comments",
    "Author: Bohdan Babaiev",
    "(Getty Images)",
    "European Centre for Counterterrorism and Intelligence Studies",
    "washingtonpost –",
    "NATO Secretary General Mark Rutte (left)",
)


def sources_json(*args: str) -> list[dict]:
    result = run("sources", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # warnings go to stderr


# --- the seeds ---------------------------------------------------------------------------------


def test_sources_lists_the_five_seeds_as_used_with_outlets_and_dates():
    rows = sources_json("--date", "2024-12-03", "--sources", str(SEEDS))
    assert [r["status"] for r in rows] == ["used"] * 5
    by_file = {r["file"][:3]: r for r in rows}
    assert by_file["000"]["outlet"] == "DayFR Euro"
    assert by_file["000"]["date"] == "2024-12-02"
    assert by_file["002"]["date"] == "2024-12-02"
    assert by_file["004"]["outlet"].startswith("ECCI")
    assert by_file["004"]["date"] == "2024-10-17"
    assert by_file["001"]["outlet"] == ""  # the text names none, so none is invented


def test_sources_table_is_readable():
    result = run("sources", "--date", "2024-12-03", "--sources", str(SEEDS))
    assert result.exit_code == 0
    assert "DayFR Euro" in result.output
    assert "5 of 5 files used" in result.output


def test_date_before_the_last_seeds_uses_only_the_october_article():
    rows = sources_json("--date", "2024-10-20", "--sources", str(SEEDS))
    used = [r["file"] for r in rows if r["status"] == "used"]
    assert used == ["004_98ceb06b7a6a85b3.txt"]
    skipped = [r["reason"] for r in rows if r["status"] == "skipped"]
    assert all("after the brief's date" in reason for reason in skipped)


def test_no_article_in_the_window_exits_2_with_the_reasons():
    result = run("generate", "--date", "2024-01-01", "--sources", str(SEEDS))
    assert result.exit_code == 2
    assert "no usable article" in result.output
    assert "004_98ceb06b7a6a85b3.txt: published 2024-10-17, after the brief's date" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("bad", ["2024-13-45", "03/12/2024", "tomorrow"])
def test_malformed_date_exits_2(bad):
    result = run("generate", "--date", bad)
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_missing_sources_folder_exits_2(tmp_path):
    result = run("generate", "--date", "2024-12-03", "--sources", str(tmp_path / "none"))
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_seed_articles_hold_none_of_the_junk_lines():
    for path in sorted(SEEDS.glob("*.txt")):
        text = "\n".join(read_article(path).sentences)
        for junk in SEED_JUNK:
            assert junk not in text, f"{path.name}: {junk!r} survived cleaning"


def test_seed_brief_holds_none_of_the_junk_lines(seed_brief):
    text = pdf_text(seed_brief.pdf)
    for junk in SEED_JUNK:
        assert junk not in text


def test_brief_states_the_period_its_sources_cover(seed_brief):
    assert "Sources published 17 October – 3 December 2024" in pdf_text(seed_brief.pdf)


# --- noisy dumps of other kinds ------------------------------------------------------------------


def test_saved_news_page_keeps_the_story_and_its_metadata():
    article = read_article(NOISY / "saved_page.html")
    assert article.title == "Port strike enters second week as talks stall"
    assert article.outlet == "Harbour Herald"
    assert article.author == "Maria Santos"
    assert article.published == date(2025, 5, 6)
    assert article.url == "https://harbourherald.example/news/port-strike-second-week"
    text = "\n".join(article.sentences)
    assert text.startswith("Dock workers at the city's container port")
    for junk in ("cookies", "Share on", "Related stories", "All rights reserved", "Photo:", "Home"):
        assert junk not in text


def test_feed_export_drops_prompts_and_share_buttons():
    article = read_article(NOISY / "feed_export.txt")
    assert article.title == "Wind farm tender draws record bids"
    assert article.author == "Lena Fischer"
    assert article.published == date(2025, 5, 7)
    assert len(article.sentences) == 4
    text = "\n".join(article.sentences)
    for junk in ("Read more", "Share this", "Twitter", "LinkedIn", "Published:"):
        assert junk not in text


def test_a_signature_under_a_post_is_its_author_not_its_title(tmp_path):
    path = tmp_path / "post.txt"
    path.write_text(
        "The harbour board finally found its engineer!\n"
        "It is true: the harbour board hired an engineer for the new ferry terminal on Monday.\n"
        "-Jane Doe\n\n"
        "The terminal will double the number of daily crossings to the islands.\n",
        encoding="utf-8",
    )
    article = read_article(path)
    assert article.author == "Jane Doe"
    assert "Jane Doe" not in article.title
    assert not [s for s in article.sentences if "Jane Doe" in s]


def test_paste_with_navigation_finds_banner_title_byline_and_drops_repeats():
    article = read_article(NOISY / "navigation_paste.md")
    assert article.outlet == "Metro Daily"
    assert article.title == "Rail fares to rise by six percent in January"
    assert article.author == "Sam Patel"
    assert article.published == date(2025, 5, 5)
    text = "\n".join(article.sentences)
    assert text.count("The department said the extra revenue") == 1
    for junk in ("Skip to content", "Menu", "Advertisement", "Most read", "newsletter", "©"):
        assert junk not in text


# --- metadata ----------------------------------------------------------------------------------


def test_front_matter_wins_and_an_empty_field_stays_empty(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        '---\ntitle: "Stated title"\noutlet: ""\ndate: 2024-05-01\n---\n'
        "Banner Outlet\n\nA headline in the text\n\nThe story has one sentence about the harbour.\n",
        encoding="utf-8",
    )
    article = read_article(path)
    assert article.title == "Stated title"
    assert article.outlet == ""
    assert article.published == date(2024, 5, 1)
    assert not article.date_inferred


def test_split_front_matter_returns_body():
    data, body = split_front_matter("---\ntitle: X\n---\nBody text.\n", "x.md")
    assert data == {"title": "X"}
    assert body == "Body text.\n"


def test_inferred_metadata_from_leading_lines():
    lines = [
        "The Daily Planet",
        "",
        "Council backs new tram line",
        "By Lois Lane",
        "March 3, 2025",
        "Text.",
    ]
    meta, used = infer_metadata(lines)
    assert meta.outlet == "The Daily Planet"
    assert meta.title == "Council backs new tram line"
    assert meta.author == "Lois Lane"
    assert meta.published == date(2025, 3, 3)
    assert {0, 3, 4} <= used


def test_bylines_and_banners_inside_the_body_are_dropped(tmp_path):
    path = tmp_path / "body.md"
    path.write_text(
        '---\noutlet: "Valley Times"\ndate: 2025-01-02\n---\n'
        "The dam inspection found cracks in the spillway on Thursday.\n\n"
        "Valley Times\n\nBy Ruth Okoye and Sam Lee\n\n"
        "By the end of June, engineers will decide whether to lower the reservoir.\n",
        encoding="utf-8",
    )
    sentences = read_article(path).sentences
    assert sentences == (
        "The dam inspection found cracks in the spillway on Thursday.",
        "By the end of June, engineers will decide whether to lower the reservoir.",
    )


def test_outlet_prefix_is_read_and_removed(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text(
        "Ships wait outside the port\nreuters – Dozens of ships waited outside the port on Monday.\n",
        encoding="utf-8",
    )
    article = read_article(path)
    assert article.outlet == "reuters"
    assert article.sentences[0] == "Dozens of ships waited outside the port on Monday."


def test_nothing_is_invented_when_the_text_states_nothing(tmp_path):
    path = tmp_path / "bare.txt"
    path.write_text(
        "A sentence about the weather in the valley today, nothing more.\n", encoding="utf-8"
    )
    article = read_article(path)
    assert (article.title, article.outlet, article.author, article.published) == ("", "", "", None)


# --- date window, undated, duplicates ----------------------------------------------------------


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


STORY = (
    "The harbour authority approved a new ferry terminal on Monday after two years of planning. "
    "The terminal will double the number of daily crossings to the islands. "
    "Residents of the old town warned that traffic would grow on the narrow coast road. "
    "The first ferries are expected to use the terminal next spring."
)


def test_days_drops_older_articles(tmp_path):
    write(tmp_path, "old.md", "---\ndate: 2024-11-01\n---\n" + STORY)
    write(
        tmp_path,
        "new.md",
        "---\ndate: 2024-12-01\n---\nA different story about the mountain railway reopening on Friday.",
    )
    corpus = load_corpus(tmp_path, until=date(2024, 12, 3), days=7)
    assert [a.name for a in corpus.articles] == ["new.md"]
    reasons = {r.name: r.reason for r in corpus.reports}
    assert "older than" in reasons["old.md"]


def test_undated_article_is_skipped_with_a_warning_unless_included(tmp_path, caplog):
    write(
        tmp_path,
        "dated.md",
        "---\ndate: 2024-12-01\n---\nA story about the mountain railway reopening on Friday.",
    )
    write(tmp_path, "undated.txt", STORY)
    with caplog.at_level(logging.WARNING, logger="briefing"):
        corpus = load_corpus(tmp_path, until=date(2024, 12, 3))
    assert [a.name for a in corpus.articles] == ["dated.md"]
    assert any(
        "undated.txt" in r.getMessage() and "no date" in r.getMessage() for r in caplog.records
    )
    included = load_corpus(tmp_path, until=date(2024, 12, 3), include_undated=True)
    assert sorted(a.name for a in included.articles) == ["dated.md", "undated.txt"]


def test_syndicated_copies_become_one_source_listing_every_outlet(tmp_path):
    write(tmp_path, "a.md", '---\noutlet: "Coast News"\ndate: 2024-12-01\n---\n' + STORY)
    write(
        tmp_path,
        "b.md",
        '---\noutlet: "Island Gazette"\ndate: 2024-12-02\n---\n'
        + STORY
        + " Copyright Island Gazette.",
    )
    write(
        tmp_path,
        "c.md",
        '---\noutlet: "Hill Post"\ndate: 2024-12-02\n---\nThe mountain railway reopened on Friday after repairs to the viaduct.',
    )
    corpus = load_corpus(tmp_path, until=date(2024, 12, 3))
    names = sorted(a.name for a in corpus.articles)
    assert names == ["a.md", "c.md"]
    original = next(a for a in corpus.articles if a.name == "a.md")
    assert original.also_published_by == ("Island Gazette",)
    assert {r.name: r.reason for r in corpus.reports}["b.md"] == "duplicate of a.md"
    from briefing.pipeline import Options, build_brief

    brief = build_brief(Options(sources=tmp_path, day=date(2024, 12, 3)), corpus=corpus)
    coast = next(source for source in brief.sources if source.outlet == "Coast News")
    assert "also run by Island Gazette" in coast.reference


def test_html_and_markdown_are_found_recursively_other_files_skipped(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path, "sub/page.html", (NOISY / "saved_page.html").read_text(encoding="utf-8"))
    write(tmp_path, "notes.csv", "a,b\n")
    corpus = load_corpus(tmp_path, until=date(2025, 5, 10))
    assert [a.name for a in corpus.articles] == ["sub/page.html"]
    assert {r.name: r.reason for r in corpus.reports}["notes.csv"].startswith(
        "not an article format"
    )


# --- bad input -------------------------------------------------------------------------------


def bad_files(folder: Path) -> dict[str, str]:
    """Write one file of each kind of bad input; return name -> expected words in its message."""
    write(folder, "good.md", "---\ndate: 2024-12-01\n---\n" + STORY)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.pdf.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "latin1.txt").write_bytes("Caf\xe9 society in the old town\n".encode("latin-1"))
    (folder / "huge.txt").write_bytes(b"word " * (1_100_000))
    write(folder, "broken.md", "---\ntitle: [unclosed\n---\nText of the story.\n")
    write(folder, "impossible.md", "---\ndate: 2024-13-45\n---\nText of the story.\n")
    return {
        "empty.txt": "empty",
        "scan.pdf.txt": "PDF",
        "photo.txt": "PNG",
        "latin1.txt": "UTF-8",
        "huge.txt": "5 MB",
        "broken.md": "front matter",
        "impossible.md": "2024-13-45",
    }


def test_each_bad_file_gets_one_line_and_the_run_goes_on(tmp_path, caplog):
    expected = bad_files(tmp_path)
    with caplog.at_level(logging.WARNING, logger="briefing"):
        corpus = load_corpus(tmp_path, until=date(2024, 12, 3))
    assert [a.name for a in corpus.articles] == ["good.md"]
    reasons = {r.name: r.reason for r in corpus.reports}
    messages = [r.getMessage() for r in caplog.records]
    for name, words in expected.items():
        assert words in reasons[name], (name, reasons[name])
        line = next(m for m in messages if m.startswith(f"{name}:"))
        assert "\n" not in line


def test_bad_files_through_the_command_line_warn_and_write_the_brief(tmp_path):
    bad_files(tmp_path / "in")
    result = run_generate(tmp_path / "in", tmp_path / "out", "--format", "html")
    assert result.exit_code == 0, result.output
    assert "briefing: warning: empty.txt: " in result.output
    assert "Traceback" not in result.output
    assert len(list((tmp_path / "out").glob("*.html"))) == 1


def test_unreadable_file_is_skipped_with_its_reason(tmp_path, monkeypatch):
    path = write(tmp_path, "locked.txt", STORY)
    original = Path.read_bytes

    def refuse(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(ArticleError, match="locked.txt: cannot be read"):
        read_article(path)


def test_no_usable_article_says_what_was_found(tmp_path):
    bad_files(tmp_path)
    (tmp_path / "good.md").unlink()
    with pytest.raises(NoArticlesError) as error:
        load_corpus(tmp_path, until=date(2024, 12, 3))
    message = str(error.value)
    assert "empty.txt" in message
    assert "broken.md" in message
    assert isinstance(error.value, BriefingError)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=2000))
def test_random_bytes_never_escape_as_anything_but_an_article_error(tmp_path, data):
    path = tmp_path / "random.txt"
    path.write_bytes(data)
    with contextlib.suppress(ArticleError):
        read_article(path)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=2000), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_random_text_never_escapes_as_anything_but_an_article_error(tmp_path, text, suffix):
    path = tmp_path / f"random{suffix}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        article = read_article(path)
    except ArticleError:
        return
    for sentence in article.sentences:
        assert sentence.strip() == sentence
        assert sentence


# --- hostile input (issue 12) ----------------------------------------------------------------------


def test_characters_xml_cannot_hold_are_dropped_where_text_is_read(tmp_path):
    path = write(
        tmp_path,
        "a.md",
        '---\ntitle: "Ferry\\x01 vote\\uFFFE"\noutlet: "Coast\\x1b News"\ndate: 2024-12-01\n---\n'
        "The harbour\x02 authority approved a new ferry terminal\ufffe on Monday.\n",
    )
    article = read_article(path)
    assert (article.title, article.outlet) == ("Ferry vote", "Coast News")
    assert article.sentences == ("The harbour authority approved a new ferry terminal on Monday.",)
    page = (NOISY / "saved_page.html").read_text(encoding="utf-8")
    # lxml gives up on a whole page at a reference to a control character
    write(tmp_path, "p.html", page.replace("Dock workers", "Dock&#1; workers&#xFFFE;", 1))
    assert read_article(tmp_path / "p.html").sentences[0].startswith("Dock workers at the city")


def test_files_whose_names_slug_alike_keep_their_own_ids_and_notes(tmp_path):
    write(
        tmp_path,
        "Aid Report.txt",
        '---\noutlet: "Coast News"\ndate: 2024-12-01\n---\n'
        "Germany pledged 50 Leopard tanks to Ukraine on Monday, the defence ministry said.\n",
    )
    write(
        tmp_path,
        "aid-report.md",
        '---\noutlet: "Hill Post"\ndate: 2024-12-02\n---\n'
        "France delivered 20 Caesar howitzers to Ukraine on Tuesday, the army said.\n",
    )
    corpus = load_corpus(tmp_path, until=date(2024, 12, 3))
    assert len({a.id for a in corpus.articles}) == 2
    from briefing.pipeline import Options, build_brief

    brief = build_brief(Options(sources=tmp_path, day=date(2024, 12, 3)), corpus=corpus)
    by_note = {s.citation.number: s.text for s in brief.statements()}
    rows = [row for section in brief.sections for row in section.aid]
    assert len(rows) == 2
    for row in rows:
        assert by_note[row.citation.number] == row.sentence


def test_a_yaml_alias_bomb_is_skipped_in_one_line(tmp_path, caplog):
    laughs = '---\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        laughs += f"{level}: &{level} [{', '.join([f'*{previous}'] * 9)}]\n"
    write(tmp_path, "bomb.md", laughs + "title: *i\ndate: 2024-12-01\n---\n" + STORY)
    write(tmp_path, "huge.md", "---\nnote: " + "x" * 70_000 + "\ndate: 2024-12-01\n---\n" + STORY)
    write(
        tmp_path, "good.md", "---\ndate: 2024-12-01\n---\nThe mountain railway reopened on Friday."
    )
    with caplog.at_level(logging.WARNING, logger="briefing"):
        corpus = load_corpus(tmp_path, until=date(2024, 12, 3))
    assert [a.name for a in corpus.articles] == ["good.md"]
    reasons = {r.name: r.reason for r in corpus.reports}
    assert "YAML alias" in reasons["bomb.md"]
    assert "over the 64 KB limit" in reasons["huge.md"]
    assert sum("bomb.md" in r.getMessage() for r in caplog.records) == 1


def test_links_leaving_the_sources_folder_are_followed_only_when_asked(tmp_path):
    sources, outside = tmp_path / "in", tmp_path / "outside"
    write(sources, "own.md", "---\ndate: 2024-12-01\n---\nThe mountain railway reopened on Friday.")
    secret = write(outside, "secret.md", "---\ndate: 2024-12-01\n---\n" + STORY)
    (sources / "inside-link.md").symlink_to(sources / "own.md")
    (sources / "escape.md").symlink_to(secret)
    (sources / "folder").symlink_to(outside, target_is_directory=True)
    (sources / "dangling.md").symlink_to(tmp_path / "gone.md")
    rows = {r["file"]: r for r in sources_json("--date", "2024-12-03", "--sources", str(sources))}
    assert "outside the sources folder" in rows["escape.md"]["reason"]
    assert "--follow-links" in rows["folder"]["reason"]
    assert "broken link" in rows["dangling.md"]["reason"]
    assert rows["inside-link.md"]["words"] > 0  # a link inside the folder is read
    result = run("sources", "--date", "2024-12-03", "--sources", str(sources))
    assert "briefing: warning: escape.md: link to a file outside" in result.stderr
    assert "harbour authority" not in "\n".join(
        s.text for s in _brief(sources).statements()
    )  # the linked file elsewhere is never quoted
    followed = sources_json("--date", "2024-12-03", "--sources", str(sources), "--follow-links")
    used = {r["file"] for r in followed if r["status"] == "used"}
    assert {"escape.md", "folder/secret.md"} & used
    assert "broken link" in {r["file"]: r["reason"] for r in followed}["dangling.md"]


def _brief(sources: Path):
    from briefing.pipeline import Options, build_brief

    return build_brief(Options(sources=sources, day=date(2024, 12, 3)))


def test_the_tools_own_output_is_never_read_back(tmp_path):
    sources = tmp_path / "in"
    for seed in SEEDS.iterdir():
        write(sources, seed.name, seed.read_text(encoding="utf-8"))
    first = run_generate(sources, sources, "--format", "html")
    assert first.exit_code == 0, first.output
    preview = first.output.split()[0]
    second = run_generate(sources, sources, "--format", "html")
    assert second.exit_code == 0, second.output
    assert "warning" not in second.output
    assert Path(preview).read_text(encoding="utf-8").count("<li>") > 5
    rows = sources_json("--date", "2024-12-03", "--sources", str(sources))
    own = {r["file"]: r for r in rows}[Path(preview).name]
    assert own["status"] == "skipped"
    assert "written by briefing" in own["reason"]
    assert sum(r["status"] == "used" for r in rows) == 5


def test_twelve_hundred_nested_folders_are_walked(tmp_path):
    deepest = tmp_path
    for _ in range(1200):  # Path.mkdir(parents=True) itself recurses
        deepest = deepest / "d"
        deepest.mkdir()
    article = write(deepest, "deep.md", "---\ndate: 2024-12-01\n---\n" + STORY)
    try:
        corpus = load_corpus(tmp_path, until=date(2024, 12, 3))
        assert [a.name.rsplit("/", 1)[-1] for a in corpus.articles] == ["deep.md"]
    finally:  # removed here, from the bottom up: shutil.rmtree (pytest's clean-up) recurses too
        article.unlink()
        while deepest != tmp_path:
            deepest.rmdir()
            deepest = deepest.parent


def test_an_unreadable_folder_gets_a_line(tmp_path, monkeypatch, caplog):
    write(tmp_path, "good.md", "---\ndate: 2024-12-01\n---\n" + STORY)
    write(tmp_path, "locked/inside.md", "---\ndate: 2024-12-01\n---\n" + STORY)
    original = os.scandir

    def refuse(path="."):
        if Path(path).name == "locked":  # as a folder without read permission does for non-root
            raise PermissionError(13, "Permission denied", str(path))
        return original(path)

    monkeypatch.setattr(os, "scandir", refuse)
    with caplog.at_level(logging.WARNING, logger="briefing"):
        corpus = load_corpus(tmp_path, until=date(2024, 12, 3))
    assert [a.name for a in corpus.articles] == ["good.md"]
    assert {r.name: r.reason for r in corpus.reports}["locked/"] == (
        "folder cannot be read (Permission denied)"
    )
    assert any(r.getMessage().startswith("locked/: folder cannot be read") for r in caplog.records)
