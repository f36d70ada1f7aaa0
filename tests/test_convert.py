"""The Word loop end to end against a real LibreOffice and a local SMTP server: an edited draft
printed with `briefing pdf` and sent with `briefing email --docx`.

LibreOffice takes seconds per run, so each conversion below runs once per session and its tests
share it.
"""

from __future__ import annotations

import email
import re
import shutil
import subprocess
import tempfile
from email import policy
from pathlib import Path

import pytest
from conftest import SEEDS, pdf_text, run, squash
from test_mail import Inbox, free_port
from test_read_docx import key_point_paragraphs, open_draft, rewrite, type_into_assessment

from briefing.read_docx import ASSESSMENT_PROMPT, ASSESSMENT_TITLE

HAS_LIBREOFFICE = bool(shutil.which("soffice") or shutil.which("libreoffice"))
needs_libreoffice = pytest.mark.skipif(
    not HAS_LIBREOFFICE, reason="LibreOffice not installed (CI installs libreoffice-writer)"
)
EDITED_TITLE = "Invitation deferred: the analyst's title"
EDITED_POINT = "The analyst rewrote this key point after a call with the desk."
ASSESSMENT = "Our judgement: the invitation waits for the next summit."
PROMPT_START = squash(ASSESSMENT_PROMPT[:40])
# A machine whose own fonts are DejaVu alone: Noto in the PDF can only come from templates/fonts.
DEJAVU_ONLY = """<?xml version="1.0"?>
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <include ignore_missing="yes">/etc/fonts/conf.d</include>
</fontconfig>
"""


class Scratch:
    """A temporary folder the conversion is told to use, to see what it leaves behind."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.left: list[str] = []

    def __enter__(self) -> Scratch:
        self.saved, tempfile.tempdir = tempfile.tempdir, str(self.folder)
        return self

    def __exit__(self, *exc) -> None:
        tempfile.tempdir = self.saved
        self.left = sorted(p.name for p in self.folder.iterdir())


@pytest.fixture(scope="session")
def edited(seed_brief, tmp_path_factory) -> Path:
    """The seed draft as an analyst left it: new title, a key point rewritten, assessment typed."""
    document = open_draft(seed_brief.docx)
    next(p for p in document.paragraphs if p.style.name == "Title").text = EDITED_TITLE
    rewrite(key_point_paragraphs(document)[0], EDITED_POINT)
    type_into_assessment(document, ASSESSMENT)
    path = tmp_path_factory.mktemp("edited") / "draft.docx"
    document.save(str(path))
    return path


@pytest.fixture(scope="session")
def converted(edited, tmp_path_factory):
    """`briefing pdf` on the edited draft, on a machine with DejaVu fonts only."""
    folder = tmp_path_factory.mktemp("converted")
    fontconfig = folder / "dejavu-only.conf"
    fontconfig.write_text(DEJAVU_ONLY, encoding="utf-8")
    scratch_folder = folder / "scratch"
    scratch_folder.mkdir()
    target = folder / "sent.pdf"
    with Scratch(scratch_folder) as scratch:
        result = run_with(
            {"FONTCONFIG_FILE": str(fontconfig)}, "pdf", str(edited), "-o", str(target)
        )
    assert result.exit_code == 0, result.output
    assert result.output == f"{target}\n"
    return target, scratch


@pytest.fixture(scope="session")
def received(edited, tmp_path_factory):
    """The message `briefing email --docx --attach-docx` sent to a local SMTP server."""
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        result = run(
            "email", "--docx", str(edited), "--attach-docx", "--to", "minister@example.org",
            "--smtp", f"127.0.0.1:{controller.port}",
            "--output", str(tmp_path_factory.mktemp("kept")),
        )  # fmt: skip
    finally:
        controller.stop()
    assert result.exit_code == 0, result.output
    assert len(inbox.envelopes) == 1
    return email.message_from_bytes(inbox.envelopes[0].content, policy=policy.default)


@pytest.fixture(scope="session")
def untouched(seed_brief, tmp_path_factory):
    """The message `briefing email --docx` writes for a draft nobody edited."""
    target = tmp_path_factory.mktemp("untouched") / "message.eml"
    result = run(
        "email", "--docx", str(seed_brief.docx), "--to", "a@example.org", "--eml", str(target)
    )
    assert result.exit_code == 0, result.output
    return email.message_from_bytes(target.read_bytes(), policy=policy.default)


def run_with(env: dict[str, str], *args: str):
    """Run the command line as `run` does, with these environment variables set."""
    from click.testing import CliRunner

    from briefing.cli import main

    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def attachment(message, suffix: str):
    return next(a for a in message.iter_attachments() if a.get_filename().endswith(suffix))


def saved(data: bytes, path: Path) -> Path:
    path.write_bytes(data)
    return path


# --- briefing pdf ------------------------------------------------------------------------------


@needs_libreoffice
def test_converted_pdf_carries_the_edits_and_the_footnotes(converted, seed_model):
    target, _ = converted
    text = squash(pdf_text(target))
    assert squash(EDITED_TITLE) in text
    assert squash(EDITED_POINT) in text
    assert squash(ASSESSMENT_TITLE) + squash(ASSESSMENT) in text
    assert PROMPT_START not in text
    key_points = text.split(squash("Key points"), 1)[1].split(squash(ASSESSMENT_TITLE), 1)[0]
    replaced = seed_model.section("key_points").statements[0]
    assert squash(replaced.text) not in key_points  # a source's digest may still quote it
    for citation in seed_model.citations[:5]:
        assert squash(citation.text) in text, f"footnote {citation.number} missing"
    assert "Page1of" in text


@needs_libreoffice
def test_converted_pdf_keeps_header_footer_and_handling_mark(converted):
    from pypdf import PdfReader

    target, _ = converted
    pages = [squash(page.extract_text()) for page in PdfReader(target).pages]
    assert len(pages) > 1
    assert "FORINTERNALUSE" in pages[0].upper()  # the handling line of the masthead
    totals = set()
    for number, page in enumerate(pages, start=1):
        found = re.search(rf"Page{number}of(\d+)", page)
        assert found, f"page {number} has no page number"
        totals.add(int(found.group(1)))
    # LibreOffice computes the page-count field of each footer in an earlier layout pass than the
    # one it exports: when a late footnote moves a page, the count can run one ahead (a known
    # LibreOffice limitation, noted in README). It is never behind and never further off.
    assert totals <= {len(pages), len(pages) + 1}
    for page in pages:
        assert "3December2024" in page  # in the running header from page 2 on
        assert "FORINTERNALUSE" in page.upper()  # on every page: the masthead, then the header
    # The first page has a header of its own, empty: the running title heads later pages only.
    running_title = squash("Ukraine's bid for a NATO invitation")
    assert running_title not in pages[0]
    assert all(running_title in page for page in pages[1:])


@needs_libreoffice
def test_converted_pdf_keeps_each_timeline_date_on_one_line(converted, seed_model):
    from pypdf import PdfReader

    target, _ = converted
    lines = [line for page in PdfReader(target).pages for line in page.extract_text().splitlines()]
    events = seed_model.section("outlook").events
    assert events
    for event in events:
        assert any(event.when_label in line for line in lines), event.when_label


@needs_libreoffice
@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_converted_pdf_embeds_the_templates_fonts(converted):
    target, _ = converted
    listing = subprocess.run(
        ["pdffonts", str(target)], capture_output=True, text=True, check=True
    ).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    faces = {row[0].split("+", 1)[-1] for row in rows}
    assert {"NotoSerif-Regular", "NotoSans-Regular", "NotoSans-Bold"} <= faces
    # the machine's own text faces are not used (a bullet may come from a symbol font)
    assert not any(face.startswith(("DejaVuSerif", "DejaVuSans")) for face in faces)
    assert all(row[-5] == "yes" for row in rows)  # the "emb" column: every font embedded


@needs_libreoffice
def test_conversion_leaves_no_temporary_files(converted):
    _, scratch = converted
    assert scratch.left == []


@needs_libreoffice
def test_a_conversion_that_times_out_leaves_no_process_and_no_file(
    seed_brief, tmp_path, monkeypatch
):
    import briefing.convert

    monkeypatch.setattr(briefing.convert, "CONVERT_TIMEOUT", 0.5)  # LibreOffice starts slower
    scratch_folder, target = tmp_path / "scratch", tmp_path / "out.pdf"
    scratch_folder.mkdir()
    pipes = dead_ipc_pipes()
    with Scratch(scratch_folder) as scratch:
        result = run("pdf", str(seed_brief.docx), "-o", str(target))
    assert result.exit_code == 2
    assert "LibreOffice did not finish printing the draft within 0.5 s" in result.output
    assert result.output.count("\n") == 1
    assert scratch.left == []
    assert not target.exists()
    assert not running_with(str(scratch_folder))
    assert dead_ipc_pipes() <= pipes  # a killed LibreOffice leaves its socket in /tmp otherwise


def dead_ipc_pipes() -> set[Path]:
    """LibreOffice's IPC sockets in /tmp that no running instance listens on."""
    import socket

    dead = set()
    for path in Path("/tmp").glob("OSL_PIPE_*_SingleOfficeIPC_*"):
        with socket.socket(socket.AF_UNIX) as probe:
            try:
                probe.connect(str(path))
            except OSError:
                dead.add(path)
    return dead


def running_with(text: str) -> list[str]:
    """Command lines of the running processes that mention `text` (Linux /proc)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            command = cmdline.read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if text in command:
            found.append(command)
    return found


def test_output_may_not_overwrite_the_draft(seed_brief, tmp_path):
    draft = shutil.copy(seed_brief.docx, tmp_path / "d.docx")
    result = run("pdf", str(draft), "-o", str(draft))
    assert result.exit_code == 2
    assert "that is the draft itself" in result.output
    assert Path(draft).read_bytes() == seed_brief.docx.read_bytes()


@pytest.mark.parametrize("command", ["pdf", "email"])
def test_without_libreoffice_one_line_names_the_package(seed_brief, tmp_path, command):
    empty = tmp_path / "bin"
    empty.mkdir()
    args = ["pdf", str(seed_brief.docx), "-o", str(tmp_path / "x.pdf")]
    if command == "email":
        args = ["email", "--docx", str(seed_brief.docx), "--to", "a@example.org",
                "--eml", str(tmp_path / "x.eml")]  # fmt: skip
    result = run_with({"PATH": str(empty)}, *args)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert "LibreOffice" in result.output
    assert "libreoffice-writer" in result.output
    assert list(tmp_path.iterdir()) == [empty]


# --- briefing email --docx ---------------------------------------------------------------------


@needs_libreoffice
def test_email_subject_and_body_are_read_from_the_edited_draft(received):
    assert received["Subject"] == f"[For internal use] {EDITED_TITLE} – 3 December 2024"
    for kind in ("plain", "html"):
        body = received.get_body((kind,)).get_content()
        assert EDITED_POINT in body
        assert ASSESSMENT in body
        assert "ASSESSMENT" in body if kind == "plain" else ">Assessment</h2>" in body
        assert ASSESSMENT_PROMPT[:30] not in body
    text = received.get_body(("plain",)).get_content()
    assert f"- {EDITED_POINT} [1]" in text
    assert "\n[1] " in text


@needs_libreoffice
def test_email_attaches_the_converted_draft_and_the_docx(received, tmp_path):
    names = [a.get_filename() for a in received.iter_attachments()]
    assert names == ["draft.pdf", "draft.docx"]
    pdf = saved(attachment(received, ".pdf").get_content(), tmp_path / "a.pdf")
    text = squash(pdf_text(pdf))
    assert squash(EDITED_POINT) in text
    assert squash(ASSESSMENT) in text
    assert PROMPT_START not in text
    import docx

    sent = docx.Document(
        str(saved(attachment(received, ".docx").get_content(), tmp_path / "a.docx"))
    )
    texts = [p.text for p in sent.paragraphs]
    assert ASSESSMENT in texts
    assert ASSESSMENT_PROMPT not in texts


@needs_libreoffice
def test_untouched_prompt_is_in_neither_the_pdf_nor_the_body(untouched, seed_model, tmp_path):
    pdf = saved(attachment(untouched, ".pdf").get_content(), tmp_path / "u.pdf")
    text = squash(pdf_text(pdf))
    assert PROMPT_START not in text
    assert squash(ASSESSMENT_TITLE) not in text
    first = seed_model.section("key_points").statements[0]
    assert squash(first.text) in text
    for kind in ("plain", "html"):
        body = untouched.get_body((kind,)).get_content()
        assert ASSESSMENT_PROMPT[:30] not in body
        assert ASSESSMENT_TITLE.upper() not in body
        assert ASSESSMENT_TITLE not in body
        assert first.text in body or first.text.replace("'", "&#39;") in body


@needs_libreoffice
def test_a_draft_sent_by_email_keeps_its_glosses_and_handling_mark(untouched):
    assert untouched["Subject"].startswith("[For internal use] ")
    text = untouched.get_body(("plain",)).get_content()
    assert text.startswith("Policy brief · For internal use\n")
    assert "insisted this weekend. [3] (this weekend: 30 November – 1 December 2024)" in text


def test_email_takes_a_draft_or_a_date_not_both(seed_brief, tmp_path):
    both = run(
        "email", "--docx", str(seed_brief.docx), "--date", "2024-12-03", "--sources", str(SEEDS),
        "--to", "a@example.org", "--eml", str(tmp_path / "m.eml"),
    )  # fmt: skip
    assert both.exit_code == 2
    assert "--docx sends an edited draft, --date, --sources build a new brief" in both.output
    neither = run("email", "--to", "a@example.org", "--eml", str(tmp_path / "m.eml"))
    assert neither.exit_code == 2
    assert "--date YYYY-MM-DD" in neither.output
    assert "--docx DRAFT.docx" in neither.output
    assert not (tmp_path / "m.eml").exists()
