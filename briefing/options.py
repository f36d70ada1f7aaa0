"""What a user can ask for, each setting with its one default: the command line and the API share them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

FORMATS = ("pdf", "docx", "html")  # in the order they are rendered
DEFAULT_FORMATS = ("pdf", "docx")  # the draft to edit and the document that goes out
PAPERS = ("a4", "letter")
DEFAULT_PAPER = "a4"
DEFAULT_WORDS = 800  # about two pages of body: readable in five minutes
MIN_WORDS = 100  # fewer leaves no room for more than the key points
DEFAULT_SOURCES = Path("seeds")
DEFAULT_OUTPUT = Path("output")


@dataclass(frozen=True)
class Options:
    """What the brief is made from and how long it is; every field has the command line's default."""

    sources: Path = DEFAULT_SOURCES
    day: date | None = None
    days: int | None = None
    include_undated: bool = False
    profile: Path | None = None
    words: int = DEFAULT_WORDS
    author: str = ""
    follow_links: bool = False  # follow symbolic links out of the sources folder
    # The output folder: files there named like a brief are never read as sources, and the latest
    # earlier brief of the same topic found there is what "New since" compares with.
    output: Path | None = None
    since: Path | None = None  # the earlier brief's record to compare with, instead of the latest
    cache: bool = True  # take unchanged articles from the article cache (briefing.cache)
