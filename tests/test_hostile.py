"""Hostile and broken input across the whole run: nothing left behind, a brief whatever one file
holds, and every write all or nothing. (Input attacks on one stage live in that stage's tests.)"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import SEEDS, docx_paragraphs, pdf_text, run, run_generate, run_seeds

POLL_SECONDS = 0.005


def worker_started(process: subprocess.Popen, tmpdir: Path) -> bool:
    """The run has forked its PDF worker (Linux lists a process's children in /proc)."""
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    return bool(children.read_text().split())


def pdf_rendering(process: subprocess.Popen, tmpdir: Path) -> bool:
    """WeasyPrint has begun to render: its font folder exists, wherever in the temporary folder."""
    try:
        return any(tmpdir.rglob("weasyprint-*"))
    except FileNotFoundError:  # a folder went while being listed: look again
        return False


def start(tmpdir: Path, *args: str) -> subprocess.Popen:
    """Start the command line in its own process group, its temporary folder set to `tmpdir`."""
    env = {**os.environ, "TMPDIR": str(tmpdir)}
    env.pop("BRIEFING_NO_FORK", None)
    return subprocess.Popen(
        [sys.executable, "-m", "briefing", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def seed_args(output: Path) -> list[str]:
    return ["generate", "--date", "2024-12-03", "--sources", str(SEEDS), "--output", str(output)]


def wait_for(process: subprocess.Popen, tmpdir: Path, stage) -> None:
    """Poll until the run reaches `stage` (a predicate), failing if it ends first."""
    while not stage(process, tmpdir):
        assert process.poll() is None, "the run ended before the stage was reached"
        time.sleep(POLL_SECONDS)


def left_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def tmpdir_audit(tmp_path):
    folder = tmp_path / "TMPDIR"
    folder.mkdir()
    return folder


# --- nothing left behind (issue 12, point 1) ----------------------------------------------------


def test_seed_brief_leaves_nothing_in_the_temporary_folder(tmpdir_audit, tmp_path):
    process = start(tmpdir_audit, *seed_args(tmp_path / "out"))
    out, err = process.communicate()
    assert process.returncode == 0, err
    assert [Path(p).suffix for p in out.split()] == [".pdf", ".docx", ".json"]
    assert left_in(tmpdir_audit) == []


@pytest.mark.parametrize(
    "failure",
    [
        ["--date", "2024-01-01"],  # no article in the window: the worker is stopped unused
        ["--output", "__file__"],  # the PDF is rendered, then its folder cannot be made
    ],
)
def test_failed_run_leaves_nothing_in_the_temporary_folder(tmpdir_audit, tmp_path, failure):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    args = seed_args(tmp_path / "out") + [
        str(blocker / "out") if a == "__file__" else a for a in failure
    ]
    process = start(tmpdir_audit, *args)
    _, err = process.communicate()
    assert process.returncode == 2
    assert err.startswith("briefing: error: "), err
    assert err.count("\n") == 1, err
    assert left_in(tmpdir_audit) == []


@pytest.mark.parametrize(
    ("signum", "whole_group", "stage", "status"),
    [
        (signal.SIGINT, True, worker_started, 130),  # Ctrl-C reaches the worker too
        (signal.SIGINT, True, pdf_rendering, 130),
        (signal.SIGTERM, False, pdf_rendering, 143),  # `kill PID`: the parent alone
    ],
)
def test_interrupted_run_leaves_nothing_and_prints_one_line(
    tmpdir_audit, tmp_path, signum, whole_group, stage, status
):
    output = tmp_path / "out"
    process = start(tmpdir_audit, *seed_args(output))
    wait_for(process, tmpdir_audit, stage)
    if whole_group:
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)
    _, err = process.communicate()
    assert process.returncode == status
    assert err == "briefing: interrupted\n"  # no traceback from the worker
    assert left_in(tmpdir_audit) == []
    assert not output.exists() or left_in(output) == []


# --- one article's bytes never stop a brief (item 1) --------------------------------------------

PADDING = " ".join(
    f"Paragraph {n} of the council minutes records the vote on the ferry timetable for route {n}."
    for n in range(120)
)


def test_control_characters_anywhere_never_stop_the_brief(tmp_path):
    sources = tmp_path / "in"
    sources.mkdir()
    body = (
        "The harbour authority\x01 approved a new ferry terminal on Monday\ufffe after two years.\n\n"
        "The terminal will double\x0b the number of daily crossings\x1b[2J to the islands.\n\n"
        f"{PADDING}\n\nResidents of the old town warned that traffic\x00 would grow.\n"
    )
    text = (
        '---\ntitle: "Ferry\\x01 terminal\\uFFFF approved"\noutlet: "Coast\\x1b News"\n'
        f"date: 2024-12-01\n---\n{body}"
    )
    (sources / "hostile.md").write_bytes(text.encode("utf-8"))
    assert text.encode().index(b"\x00") > 8192  # past the binary-file check
    (sources / "brief.toml").write_text(
        'title = "Harbour\\u0007 ferries"\nkeywords = ["ferry\\uFFFE", "harbour"]\n',
        encoding="utf-8",
    )
    result = run_generate(
        sources, tmp_path / "out", "--format", "pdf,docx,html", "--author", "Desk\x02 \udcff Unit"
    )
    assert result.exit_code == 0, result.output
    docx_path = next((tmp_path / "out").glob("*.docx"))
    paragraphs = "\n".join(text for _, text in docx_paragraphs(docx_path))
    assert "The harbour authority approved a new ferry terminal on Monday after two years." in (
        paragraphs
    )
    assert "Desk Unit" in paragraphs
    with zipfile.ZipFile(docx_path) as package:
        core = package.read("docProps/core.xml").decode()
    assert "<dc:title>Harbour ferries</dc:title>" in core
    text = pdf_text(next((tmp_path / "out").glob("*.pdf")))
    assert "Harbour ferries" in text
    assert "Coast News" in text


# --- all or nothing (items 2 and 3) ---------------------------------------------------------------


def test_a_full_disk_leaves_the_previous_brief_whole(tmp_path, monkeypatch):
    output = tmp_path / "out"
    assert run_seeds(output, "--format", "docx,html").exit_code == 0
    before = {p.name: p.read_bytes() for p in output.iterdir()}
    original = Path.write_bytes

    def disk_full_on_html(self, data):
        if ".html." in self.name:
            original(self, data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")
        return original(self, data)

    monkeypatch.setattr(Path, "write_bytes", disk_full_on_html)
    result = run_seeds(output, "--format", "docx,html", "--words", "300")
    assert result.exit_code == 2
    assert "No space left on device" in result.output
    assert {p.name: p.read_bytes() for p in output.iterdir()} == before  # no newer DOCX either


def test_a_pipe_where_a_brief_goes_is_never_replaced_and_nothing_is_written(tmp_path):
    output = tmp_path / "out"
    output.mkdir()
    pipe = output / "2024-12-03-ukraines-bid-for-a-nato-invitation.docx"
    os.mkfifo(pipe)
    result = run_seeds(output, "--format", "docx,html")
    assert result.exit_code == 2
    assert f"{pipe}: is a pipe, not a regular file" in result.output
    assert pipe.is_fifo()
    assert [p.name for p in output.iterdir()] == [pipe.name]


def test_a_link_where_a_brief_goes_is_never_followed_or_replaced(tmp_path):
    output = tmp_path / "out"
    output.mkdir()
    target = tmp_path / "elsewhere.html"
    target.write_text("keep me", encoding="utf-8")
    link = output / "2024-12-03-ukraines-bid-for-a-nato-invitation.html"
    link.symlink_to(target)
    result = run_seeds(output, "--format", "html")
    assert result.exit_code == 2
    assert "is a symbolic link, not a regular file" in result.output
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "keep me"


def test_reporting_is_one_line_per_problem_whatever_a_name_holds(tmp_path):
    sources = tmp_path / "in"
    sources.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (sources / seed.name).write_bytes(seed.read_bytes())
    (sources / "x\nbriefing: error: forged.txt").write_bytes(b"")
    result = run("sources", "--date", "2024-12-03", "--sources", str(sources))
    assert result.exit_code == 0
    result = run_generate(sources, tmp_path / "out", "--format", "html")
    assert result.exit_code == 0
    assert "briefing: warning: x\\nbriefing: error: forged.txt: file is empty" in result.output
    assert not any(line.startswith("briefing: error") for line in result.output.splitlines())
