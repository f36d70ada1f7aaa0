"""The article cache: unchanged files come from it, new and changed ones are read, deleted ones
forgotten; a damaged or busy cache never fails a brief; runs at once share it; --no-cache leaves
it alone; and the brief is the same, byte for byte, with and without it."""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from conftest import SEEDS, run, run_generate

import briefing.cache
import briefing.corpus
from briefing.cache import CACHE_VARIABLE, READING_MODULES, cache_folder
from briefing.corpus import article_from_json, article_to_json, load_corpus, read_article
from briefing.pipeline import DIGEST_MODULES
from briefing.vocabulary import shipped

SEED_DAY = "2024-12-03"
# Files a test writes are dated an hour back: the cache keeps only files older than a clock tick.
AN_HOUR = 3600


def aged(folder: Path, seconds_ago: int = AN_HOUR) -> Path:
    """Date every file in `folder` `seconds_ago` back, as files saved earlier are."""
    when = time.time() - seconds_ago
    for path in folder.rglob("*"):
        os.utime(path, (when, when))
    return folder


def seeds_in(folder: Path) -> Path:
    shutil.copytree(SEEDS, folder)
    return aged(folder)


def many_articles(folder: Path, count: int) -> Path:
    """Write `count` short, distinct, dated articles (enough to read on every core)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"item-{n:03d}.md").write_text(
            f"---\ntitle: Bridge {n} reopens\noutlet: Courier {n % 5}\ndate: 2025-05-0{n % 7 + 1}\n"
            f"---\nThe bridge over canal {n} reopened on Monday after {n + 2} weeks of repairs, "
            f"the council of district {n} said.\n\nTraffic on route {n} is expected to return to "
            f"normal by the end of week {n % 9 + 1}, officials from ward {n} said.\n",
            encoding="utf-8",
        )
    return aged(folder)


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_VARIABLE, str(folder))
    return folder


class ReadingLog(logging.Handler):
    """What each run said it read: (files read now, files taken from the cache)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.runs: list[tuple[int, int]] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith("Reading ") and "from the cache" in message:
            words = message.replace("(", " ").split()
            self.runs.append((int(words[1]), int(words[6])))


@pytest.fixture
def reading():
    handler = ReadingLog()
    logger = logging.getLogger("briefing.corpus")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)


def database(cache: Path) -> Path:
    (found,) = cache.glob("articles-*.sqlite3")
    return found


def cached_paths(cache: Path) -> set[str]:
    with sqlite3.connect(database(cache)) as connection:
        return {os.fsdecode(row[0]) for row in connection.execute("SELECT path FROM files")}


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def warnings_in(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("briefing: warning")]


def sources_json(folder: Path, *extra: str) -> dict[str, dict]:
    result = run("sources", "--date", "2025-05-08", "--sources", str(folder), "--json", *extra)
    assert result.exit_code == 0, result.output
    return {row["file"]: row for row in json.loads(result.stdout)}


# --- new, changed and deleted files -------------------------------------------------------------


def test_a_run_reads_only_new_and_changed_files_and_forgets_deleted_ones(
    tmp_path, cache_dir, reading
):
    sources = many_articles(tmp_path / "sources", 6)
    first = sources_json(sources)
    assert reading.runs == [(6, 0)]
    assert sources_json(sources) == first
    assert reading.runs[-1] == (0, 6)

    changed = sources / "item-002.md"
    changed.write_text(changed.read_text().replace("Bridge 2 reopens", "Bridge 2 shut again"))
    (sources / "item-004.md").unlink()
    many_articles(tmp_path / "more", 8)
    shutil.copy(tmp_path / "more" / "item-007.md", sources / "new-007.md")
    aged(sources, 60)  # changed and new files, saved a minute ago
    rows = sources_json(sources)
    assert reading.runs[-1] == (6, 0)  # every file's times changed: all are read again
    assert rows["item-002.md"]["title"] == "Bridge 2 shut again"
    assert "item-004.md" not in rows
    assert rows["new-007.md"]["title"] == "Bridge 7 reopens"
    assert cached_paths(cache_dir) == set(rows)

    (sources / "item-003.md").write_text("---\ntitle: Moved\ndate: 2025-05-02\n---\nShort.\n")
    os.utime(sources / "item-003.md", (time.time() - 30, time.time() - 30))
    sources_json(sources)
    assert reading.runs[-1] == (1, 5)  # only the changed file is read


def test_a_skipped_file_is_remembered_and_still_reported(tmp_path, cache_dir, reading):
    sources = many_articles(tmp_path / "sources", 2)
    (sources / "empty.md").write_text("")
    aged(sources)
    for expected in ((3, 0), (0, 3)):
        result = run("sources", "--date", "2025-05-08", "--sources", str(sources))
        assert result.exit_code == 0, result.output
        assert warnings_in(result) == ["briefing: warning: empty.md: file is empty"]
        assert reading.runs[-1] == expected


def test_a_file_changed_a_moment_ago_is_read_again_next_time(tmp_path, cache_dir, reading):
    """Its times may not show a second change within the same clock tick."""
    sources = many_articles(tmp_path / "sources", 2)
    (sources / "item-000.md").write_text((sources / "item-000.md").read_text())
    sources_json(sources)
    sources_json(sources)
    assert reading.runs == [(2, 0), (1, 1)]


# --- the brief is the same ----------------------------------------------------------------------


def test_the_brief_is_byte_identical_with_and_without_the_cache(tmp_path, cache_dir, reading):
    sources = seeds_in(tmp_path / "seeds")
    plain = run_generate(sources, tmp_path / "plain", "--no-cache", day=SEED_DAY)
    assert plain.exit_code == 0, plain.output
    assert not cache_dir.exists()  # --no-cache neither reads nor writes it
    for name in ("cold", "warm"):
        result = run_generate(sources, tmp_path / name, day=SEED_DAY)
        assert result.exit_code == 0, result.output
    assert reading.runs == [(5, 0), (0, 5)]
    expected = outputs(tmp_path / "plain")
    assert {p.rsplit(".", 1)[1] for p in expected} == {"pdf", "docx", "json"}
    assert outputs(tmp_path / "cold") == expected
    assert outputs(tmp_path / "warm") == expected


def test_articles_read_in_parallel_are_those_read_one_by_one(tmp_path, monkeypatch, reading):
    count = briefing.corpus.PARALLEL_MIN_FILES + 6
    sources = many_articles(tmp_path / "sources", count)
    (sources / "broken.md").write_bytes(b"\xff\xfe not text")
    day = date(2025, 5, 8)
    parallel = load_corpus(sources, until=day, days=3, cache=False)
    monkeypatch.setattr(briefing.corpus, "PARALLEL_MIN_FILES", 10**9)
    assert load_corpus(sources, until=day, days=3, cache=False) == parallel
    assert len(parallel.reports) == count + 1


def test_an_article_survives_its_json_unchanged(tmp_path):
    for path in sorted(SEEDS.glob("*.txt")):
        article = read_article(path)
        assert article_from_json(article_to_json(article)) == article
    with pytest.raises(ValueError, match="not an article"):
        article_from_json('{"__class__": "os.system", "args": ["true"]}')


# --- --no-cache ---------------------------------------------------------------------------------


def test_no_cache_bypasses_what_the_cache_holds(tmp_path, cache_dir):
    sources = many_articles(tmp_path / "sources", 3)
    sources_json(sources)
    with sqlite3.connect(database(cache_dir)) as connection:
        (text,) = connection.execute(
            "SELECT article FROM files WHERE path = ?", (b"item-001.md",)
        ).fetchone()
        tampered = json.loads(text) | {"title": "Held in the cache"}
        connection.execute(
            "UPDATE files SET article = ? WHERE path = ?", (json.dumps(tampered), b"item-001.md")
        )
    assert sources_json(sources)["item-001.md"]["title"] == "Held in the cache"
    assert sources_json(sources, "--no-cache")["item-001.md"]["title"] == "Bridge 1 reopens"


def test_no_cache_on_every_command_that_reads_sources(tmp_path, cache_dir):
    sources = seeds_in(tmp_path / "seeds")
    eml = tmp_path / "brief.eml"
    for args in (
        ("sources", "--date", SEED_DAY, "--sources", str(sources)),
        ("generate", "--date", SEED_DAY, "--sources", str(sources), "--format", "docx",
         "--output", str(tmp_path / "out")),
        ("email", "--date", SEED_DAY, "--sources", str(sources), "--to", "desk@example.org",
         "--eml", str(eml), "--output", str(tmp_path / "out")),
    ):  # fmt: skip
        result = run(*args, "--no-cache")
        assert result.exit_code == 0, result.output
    assert eml.exists()
    assert not cache_dir.exists()


# --- a damaged, busy or misplaced cache ---------------------------------------------------------


def test_a_damaged_cache_is_made_anew_with_one_warning(tmp_path, cache_dir, reading):
    sources = seeds_in(tmp_path / "seeds")
    assert run_generate(sources, tmp_path / "first", day=SEED_DAY).exit_code == 0
    db = database(cache_dir)
    db.write_bytes(b"this is no database " * 400)
    result = run_generate(sources, tmp_path / "second", day=SEED_DAY)
    assert result.exit_code == 0, result.output
    (warning,) = warnings_in(result)
    assert f"article cache {db} was unreadable" in warning
    assert warning.endswith("made anew")
    assert outputs(tmp_path / "second") == outputs(tmp_path / "first")
    again = run_generate(sources, tmp_path / "third", day=SEED_DAY)
    assert warnings_in(again) == []
    assert reading.runs == [(5, 0), (5, 0), (0, 5)]
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_damaged_record_is_read_again(tmp_path, cache_dir, reading):
    sources = many_articles(tmp_path / "sources", 4)
    first = sources_json(sources)
    damage = (
        ("article", '{"id": 1}', b"item-001.md"),
        ("article", "not json", b"item-002.md"),
        ("published", "2025-13-45", b"item-003.md"),
        ("notes", "{}", b"item-000.md"),
    )
    with sqlite3.connect(database(cache_dir)) as connection:
        for column, value, path in damage:
            connection.execute(f"UPDATE files SET {column} = ? WHERE path = ?", (value, path))
    assert sources_json(sources) == first
    assert reading.runs[-1] == (4, 0)  # each damaged record is read again, silently


def test_a_busy_cache_is_left_alone_with_one_warning(tmp_path, cache_dir, reading, monkeypatch):
    sources = seeds_in(tmp_path / "seeds")
    plain = run_generate(sources, tmp_path / "plain", "--format", "docx", day=SEED_DAY)
    assert plain.exit_code == 0, plain.output
    monkeypatch.setattr(briefing.cache, "BUSY_TIMEOUT", 0.05)
    holder = sqlite3.connect(database(cache_dir), isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")  # another run holding it, reads shut out
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("DELETE FROM files")
    try:
        result = run_generate(sources, tmp_path / "busy", "--format", "docx", day=SEED_DAY)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 0, result.output
    (warning,) = warnings_in(result)
    assert "is busy (another run is writing it); this run reads without it" in warning
    assert outputs(tmp_path / "busy") == outputs(tmp_path / "plain")
    assert (
        run_generate(sources, tmp_path / "after", "--format", "docx", day=SEED_DAY).exit_code == 0
    )
    assert reading.runs == [(5, 0), (5, 0), (0, 5)]


def test_two_runs_at_once_share_the_cache(tmp_path, cache_dir, reading):
    sources = many_articles(tmp_path / "sources", briefing.corpus.PARALLEL_MIN_FILES + 16)
    env = {**os.environ, CACHE_VARIABLE: str(cache_dir)}

    def start(output: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "briefing", "-q", "generate", "--date", "2025-05-08",
             "--sources", str(sources), "--output", str(tmp_path / output), "--format", "docx"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip

    runs = [start("one"), start("two")]
    for process in runs:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        assert "warning" not in err
    with sqlite3.connect(database(cache_dir)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*) FROM files").fetchone() == (80,)
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
    result = run_generate(sources, tmp_path / "three", "--format", "docx", day="2025-05-08")
    assert result.exit_code == 0, result.output
    assert reading.runs == [(0, 80)]
    assert outputs(tmp_path / "three") == outputs(tmp_path / "one")


def test_the_cache_is_never_kept_inside_the_sources(tmp_path, monkeypatch):
    sources = seeds_in(tmp_path / "seeds")
    monkeypatch.setenv(CACHE_VARIABLE, str(sources / "cache"))
    result = run("sources", "--date", SEED_DAY, "--sources", str(sources))
    assert result.exit_code == 0, result.output
    (warning,) = warnings_in(result)
    assert "is inside the sources folder; not used" in warning
    assert sorted(p.name for p in sources.iterdir()) == sorted(p.name for p in SEEDS.iterdir())


@pytest.mark.parametrize("kind", ["link", "shared"])
def test_a_cache_folder_others_could_plant_files_in_is_not_used(tmp_path, monkeypatch, kind):
    sources = seeds_in(tmp_path / "seeds")
    target = tmp_path / "elsewhere"
    target.mkdir()
    if kind == "link":
        folder = tmp_path / "cache"
        folder.symlink_to(target)
        problem = "is a symbolic link"
    else:
        folder = target
        target.chmod(0o777)
        problem = "may be written by other users"
    monkeypatch.setenv(CACHE_VARIABLE, str(folder))
    result = run("sources", "--date", SEED_DAY, "--sources", str(sources))
    assert result.exit_code == 0, result.output
    (warning,) = warnings_in(result)
    assert problem in warning
    assert list(target.iterdir()) == []


def test_the_cache_folder_follows_the_user_s_settings(tmp_path, monkeypatch):
    monkeypatch.delenv(CACHE_VARIABLE)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert cache_folder() == tmp_path / "home" / ".cache" / "briefing"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert cache_folder() == tmp_path / "home" / ".cache" / "briefing"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_folder() == tmp_path / "xdg" / "briefing"
    sources = seeds_in(tmp_path / "seeds")
    assert run("sources", "--date", SEED_DAY, "--sources", str(sources)).exit_code == 0
    (db,) = (tmp_path / "xdg" / "briefing").glob("articles-*.sqlite3")
    assert oct((tmp_path / "xdg" / "briefing").stat().st_mode & 0o777) == "0o700"
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "mine"))
    assert cache_folder() == tmp_path / "mine"


# --- the reader's version -----------------------------------------------------------------------


def test_a_profile_s_vocabulary_is_part_of_the_reader_s_version(tmp_path, cache_dir, reading):
    sources = seeds_in(tmp_path / "seeds")
    for _ in range(2):
        assert (
            run_generate(sources, tmp_path / "out", "--format", "docx", day=SEED_DAY).exit_code == 0
        )
    profile = sources / "brief.toml"
    profile.write_text(profile.read_text() + '\n[vocabulary]\nspeech_verbs = ["quipped"]\n')
    assert run_generate(sources, tmp_path / "out", "--format", "docx", day=SEED_DAY).exit_code == 0
    assert reading.runs == [(5, 0), (0, 5), (5, 0)]
    plain, extended = shipped(), shipped().extended({"speech_verbs": ["quipped"]})
    assert briefing.corpus.reader_version(plain) != briefing.corpus.reader_version(extended)
    assert briefing.corpus.reader_version(plain) == briefing.corpus.reader_version(None)


def test_the_reader_s_version_covers_all_the_reading_code():
    probe = (
        "import sys, briefing.corpus, briefing.cleaning, briefing.metadata, briefing.text\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('briefing.'))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    # The cache itself keeps records and shapes no article (its layout is in the version).
    assert {m.removeprefix("briefing.") for m in loaded} <= {*READING_MODULES, "cache"}


def test_the_digest_s_version_covers_all_the_summarizer_s_code():
    probe = (
        "import sys, briefing.summarize\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('briefing.'))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert {m.removeprefix("briefing.") for m in loaded} <= set(DIGEST_MODULES)


# --- digests --------------------------------------------------------------------------------------

PROBE = """
import json, sys
from briefing.cli import main
main({args!r}, standalone_mode=False)
print(json.dumps(sorted(m.split(".")[0] for m in sys.modules)))
"""


def test_a_warm_run_takes_the_digests_from_the_cache_and_loads_no_summarizer(tmp_path, cache_dir):
    sources = seeds_in(tmp_path / "seeds")
    env = {**os.environ, CACHE_VARIABLE: str(cache_dir)}
    args = ["-q", "generate", "--date", SEED_DAY, "--sources", str(sources), "--format", "docx"]
    loaded = []
    for run_name in ("cold", "warm"):
        done = subprocess.run(
            [sys.executable, "-c", PROBE.format(args=[*args, "--output", str(tmp_path / run_name)])],
            capture_output=True, text=True, check=True, env=env,
        )  # fmt: skip
        loaded.append(set(json.loads(done.stdout.splitlines()[-1])))
    assert {"nltk", "numpy"} <= loaded[0]
    assert not {"nltk", "numpy"} & loaded[1]
    assert outputs(tmp_path / "warm") == outputs(tmp_path / "cold")
    with sqlite3.connect(database(cache_dir)) as connection:
        assert connection.execute("SELECT count(*) FROM digests").fetchone() == (5,)
        connection.execute('UPDATE digests SET digest = \'{"not": "a list"}\'')
    again = run_generate(sources, tmp_path / "again", "--format", "docx", day=SEED_DAY)
    assert again.exit_code == 0, again.output
    assert warnings_in(again) == []
    assert outputs(tmp_path / "again") == outputs(tmp_path / "cold")
    (sources / "000_2ced16fb7bbe558b.txt").unlink()  # its digest goes with it
    assert run("sources", "--date", SEED_DAY, "--sources", str(sources)).exit_code == 0
    with sqlite3.connect(database(cache_dir)) as connection:
        paths = {os.fsdecode(p) for (p,) in connection.execute("SELECT path FROM digests")}
    assert paths == {p.name for p in sources.glob("*.txt")}


def test_an_article_dated_outside_the_window_is_read_only_as_far_as_its_date(
    tmp_path, cache_dir, reading
):
    sources = many_articles(tmp_path / "sources", 3)  # dated 1-3 May 2025
    (sources / "old.md").write_text("---\ntitle: Old\ndate: 2025-01-10\n---\nThe ferry ran.\n")
    (sources / "old-empty.md").write_text("---\ntitle: Old and empty\ndate: 2025-01-11\n---\n\n")
    aged(sources)
    args = ("--days", "7", "--format", "docx")
    plain = run_generate(sources, tmp_path / "plain", *args, "--no-cache", day="2025-05-08")
    cold = run_generate(sources, tmp_path / "cold", *args, day="2025-05-08")
    for result in (plain, cold):
        assert result.exit_code == 0, result.output
        assert warnings_in(result) == []  # the empty old file was never cleaned: nothing to say
    with sqlite3.connect(database(cache_dir)) as connection:
        dated = dict(connection.execute("SELECT path, dated_only FROM files"))
    assert dated == {b"item-000.md": 0, b"item-001.md": 0, b"item-002.md": 0,
                     b"old.md": 1, b"old-empty.md": 1}  # fmt: skip
    rows = sources_json(sources)  # every file in full: the two old ones are read now
    assert rows["old-empty.md"]["reason"].startswith("no article text")
    assert rows["old.md"]["title"] == "Old"
    warm = run_generate(sources, tmp_path / "warm", *args, day="2025-05-08")
    assert warm.exit_code == 0, warm.output
    assert reading.runs == [(5, 0), (2, 3), (0, 5)]
    assert outputs(tmp_path / "cold") == outputs(tmp_path / "plain")
    assert outputs(tmp_path / "warm") == outputs(tmp_path / "plain")


def test_a_cache_no_run_has_opened_for_months_is_removed(tmp_path, cache_dir):
    sources = many_articles(tmp_path / "sources", 2)
    cache_dir.mkdir(mode=0o700)
    old = cache_dir / "articles-0123456789abcdef01234567.sqlite3"
    old.write_bytes(b"a folder briefed long ago")
    recent = cache_dir / "articles-fedcba9876543210fedcba98.sqlite3"
    recent.write_bytes(b"a folder briefed last month")
    months_ago = time.time() - (briefing.cache.UNUSED_DAYS + 1) * 24 * 3600
    os.utime(old, (months_ago, months_ago))
    os.utime(recent, (time.time() - 30 * 24 * 3600,) * 2)
    sources_json(sources)
    (mine,) = set(cache_dir.glob("articles-*.sqlite3")) - {old, recent}
    os.utime(mine, (months_ago, months_ago))  # unused for months, yet opened by this run
    sources_json(sources)
    assert not old.exists()
    assert recent.exists()
    assert time.time() - mine.stat().st_mtime < 3600


def test_ctrl_c_while_reading_on_every_core_stops_every_process_in_one_line(tmp_path):
    sources = many_articles(tmp_path / "sources", 600)
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "generate", "--date", "2025-05-08", "--sources",
         str(sources), "--output", str(tmp_path / "out"), "--format", "docx", "--no-cache"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        env={k: v for k, v in os.environ.items() if k != "BRIEFING_NO_FORK"},
    )  # fmt: skip
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    while len(children.read_text().split()) < 2:  # the reading pool is at work
        assert process.poll() is None, "the run ended before reading on every core"
        time.sleep(0.005)
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole group
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err == "briefing: interrupted\n"  # no traceback from a pool process
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # no process of the run is left
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_a_link_planted_where_the_database_goes_is_never_followed(tmp_path, cache_dir):
    sources = many_articles(tmp_path / "sources", 2)
    sources_json(sources)
    db = database(cache_dir)
    for companion in cache_dir.iterdir():
        companion.unlink()
    precious = tmp_path / "precious.txt"
    precious.write_text("an analyst's notes")
    db.symlink_to(precious)
    result = run("sources", "--date", "2025-05-08", "--sources", str(sources))
    assert result.exit_code == 0, result.output
    (warning,) = warnings_in(result)
    assert warning.endswith(
        f"article cache {db} is not a regular file (a link or a special file); reading every file"
    )
    assert precious.read_text() == "an analyst's notes"
    assert db.is_symlink()
