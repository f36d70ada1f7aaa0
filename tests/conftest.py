"""Shared fixtures: the seed brief generated once, and readers that open DOCX and PDF as a reader would."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from briefing.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
SEED_DATE = date(2024, 12, 3)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class Generated:
    folder: Path
    pdf: Path
    docx: Path
    stdout: str


def run(*args: str) -> object:
    """Run the command line as a user would, returning click's result (never raising)."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def run_generate(sources: Path, output: Path, *extra: str, day: str = "2024-12-03"):
    """Run `briefing generate` for `day` on the articles in `sources`, writing into `output`."""
    return run(
        "generate", "--date", day, "--sources", str(sources), "--output", str(output), *extra
    )


def run_seeds(output: Path, *extra: str):
    """Run `briefing generate` on the seeds for the seed date into `output`."""
    return run_generate(SEEDS, output, *extra, day=SEED_DATE.isoformat())


def generate(folder: Path, *extra: str) -> Generated:
    result = run_seeds(folder, *extra)
    assert result.exit_code == 0, result.output
    pdfs, docxs = sorted(folder.glob("*.pdf")), sorted(folder.glob("*.docx"))
    return Generated(folder, pdfs[0] if pdfs else None, docxs[0] if docxs else None, result.output)


@pytest.fixture(scope="session", autouse=True)
def article_cache(tmp_path_factory):
    """Every test's article cache lives in a temporary folder, never in the user's own."""
    folder = tmp_path_factory.mktemp("article-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(scope="session")
def seed_brief(tmp_path_factory) -> Generated:
    return generate(tmp_path_factory.mktemp("brief"))


@pytest.fixture(scope="session")
def seed_model():
    from briefing.pipeline import Options, build_brief

    return build_brief(Options(sources=SEEDS, day=SEED_DATE))


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def pdf_body_text(path: Path, running_head: str = "") -> str:
    """The PDF's text without its page-foot footnotes (everything from a page's first footnote
    on), running heads and page footers, so that a statement broken across a page reads whole."""
    from pypdf import PdfReader

    lines = []
    for page in PdfReader(path).pages:
        for line in (page.extract_text() or "").splitlines():
            if re.match(r"^\d+\.\s", line):
                break  # the footnotes end the page's text
            if running_head and line.startswith(running_head):
                continue
            if re.match(r"^\W*$", line) or re.search(r"Page \d+ of \d+$", line):
                continue  # a list bullet left on a line of its own, a page footer
            lines.append(line)
    return "\n".join(lines)


def squash(text: str) -> str:
    """Text with all white space and soft hyphens removed, for comparing across line breaks."""
    return re.sub(r"[\s\u00ad]+", "", text)


def docx_xml(path: Path, member: str) -> ElementTree.Element:
    with zipfile.ZipFile(path) as package:
        return ElementTree.fromstring(package.read(member))


def docx_footnotes(path: Path) -> dict[int, str]:
    """Return the real footnotes of a DOCX (id -> text), separators left out."""
    root = docx_xml(path, "word/footnotes.xml")
    notes = {}
    for note in root.iter(f"{W}footnote"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator"):
            continue
        notes[int(note.get(f"{W}id"))] = "".join(t.text or "" for t in note.iter(f"{W}t")).strip()
    return notes


def docx_footnote_references(path: Path) -> list[int]:
    root = docx_xml(path, "word/document.xml")
    return [int(ref.get(f"{W}id")) for ref in root.iter(f"{W}footnoteReference")]


def docx_paragraphs(path: Path) -> list[tuple[str, str]]:
    """Return (style name, text) for each body paragraph, tables included."""
    import docx

    document = docx.Document(str(path))
    out = [(p.style.name, p.text) for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                out.extend((p.style.name, p.text) for p in cell.paragraphs)
    return out


def source_texts() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
