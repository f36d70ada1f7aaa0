"""The command line: parse options, call the pipeline, turn a `BriefingError` into one line."""

from __future__ import annotations

import functools
import json
import logging
import shutil
import signal
import sys
import time
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import click

from briefing import __version__
from briefing.errors import BriefingError
from briefing.options import (
    DEFAULT_FORMATS,
    DEFAULT_OUTPUT,
    DEFAULT_PAPER,
    DEFAULT_SOURCES,
    DEFAULT_WORDS,
    FORMATS,
    MIN_WORDS,
    PAPERS,
    Options,
)
from briefing.untrusted import visible, xml_safe

log = logging.getLogger("briefing")

INTERRUPTED = 130  # 128 + SIGINT, the shell's status for a run stopped by Ctrl-C
TERMINATED = 143  # 128 + SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that every clean-up on the way out runs."""


def _raise_terminated(signum, frame) -> None:
    raise Terminated()


class Day(click.ParamType):
    """A calendar date written YYYY-MM-DD."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(
                f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2024-12-03", param, ctx
            )


def formats_option(value: str) -> list[str]:
    chosen = [v.strip().lower() for v in value.split(",") if v.strip()]
    unknown = [v for v in chosen if v not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"'{value}': choose from {', '.join(FORMATS)}, comma-separated")
    return chosen


def handle_errors(command):
    """Show a `BriefingError` as one line and exit 2; anything else as one line and exit 1."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        ctx = click.get_current_context()
        debug = ctx.find_root().params.get("debug", False)
        try:
            return command(*args, **kwargs)
        except BriefingError as exc:
            if debug:
                raise
            # visible: a file name or value holding a newline must not print a line of its own.
            click.echo(f"briefing: error: {visible(str(exc))}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt as exc:
            click.echo("briefing: interrupted", err=True)
            sys.exit(TERMINATED if isinstance(exc, Terminated) else INTERRUPTED)
        except Exception as exc:  # a bug: still one line, with the way to see more
            if debug:
                raise
            click.echo(
                f"briefing: unexpected error: {type(exc).__name__}: {visible(str(exc))} "
                "(run with --debug)",
                err=True,
            )
            sys.exit(1)

    return wrapper


def setup_logging(quiet: bool) -> None:
    """Warnings always go to stderr as one line each; stage progress only on a terminal."""
    root = logging.getLogger("briefing")
    root.handlers.clear()
    root.propagate = False
    root.setLevel(logging.INFO)
    warnings = logging.StreamHandler(sys.stderr)
    warnings.setLevel(logging.ERROR if quiet else logging.WARNING)
    warnings.setFormatter(_OneLineFormatter("briefing: warning: %(message)s"))
    root.addHandler(warnings)
    if not quiet and sys.stderr.isatty():
        root.addHandler(_ProgressHandler())


class _OneLineFormatter(logging.Formatter):
    """Every message on one line, control characters shown as escapes: a file name holding a
    newline or a terminal escape cannot forge a line or drive the terminal."""

    def format(self, record: logging.LogRecord) -> str:
        return visible(super().format(record))


class _ProgressHandler(logging.Handler):
    """Stage progress on stderr (INFO lines), drawn by rich when the run is interactive.

    A run that ends within PROGRESS_DELAY seconds prints nothing; a longer one shows the stage it
    is in and every stage after it. A line that counts (a record with `progress`, such as "Read
    1,200 of 10,000 files") is drawn over itself, so thousands of files take one line.
    """

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.start = time.monotonic()
        self.pending: str | None = None
        self.console = None
        self.counting = False  # a count is on the screen, its line not yet ended

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno != logging.INFO:
            return
        message = record.getMessage()
        count = getattr(record, "progress", None)  # corpus.PROGRESS: (done, total)
        if self.console is None:
            if time.monotonic() - self.start < PROGRESS_DELAY:
                if count is None:
                    self.pending = message
                return
            from rich.console import Console

            self.console = Console(stderr=True, highlight=False)
            if self.pending:
                self._show(self.pending)
        if count is None:
            self._show(message)
        else:
            self._count(message, *count)

    def _show(self, message: str) -> None:
        from rich.text import Text

        self._end_count()
        # A Text is printed as it is: a folder name with "[bold]" in it is not markup.
        self.console.print(Text("· ", style="dim") + Text(visible(message)))

    def _count(self, message: str, done: int, total: int) -> None:
        """Draw the count over the previous one (carriage return, erase the line)."""
        stream = self.console.file
        stream.write(f"\r\x1b[2K· {visible(message)}")
        self.counting = done < total
        if not self.counting:
            stream.write("\n")
        stream.flush()

    def _end_count(self) -> None:
        if self.counting:
            self.console.file.write("\n")
            self.counting = False


PROGRESS_DELAY = 1.0  # seconds: quicker runs need no progress report


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="briefing")
@click.option("--debug", is_flag=True, help="Show the full traceback of an error.")
@click.option("-q", "--quiet", is_flag=True, help="Print only the written paths and errors.")
def main(debug: bool, quiet: bool) -> None:
    """Turn a folder of news articles into a dated, footnoted policy brief (DOCX and PDF)."""
    setup_logging(quiet)
    handle_termination()


def handle_termination() -> None:
    """Let SIGTERM stop a run as Ctrl-C does, cleaning up on the way out, for this command only."""
    if _in_main_thread():
        previous = signal.signal(signal.SIGTERM, _raise_terminated)
        click.get_current_context().call_on_close(lambda: signal.signal(signal.SIGTERM, previous))


def _in_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def source_options(command=None, *, date_required: bool = True):
    if command is None:
        return functools.partial(source_options, date_required=date_required)
    options = [
        click.option(
            "--date",
            "day",
            type=Day(),
            required=date_required,
            help="The brief's date; articles published after it are left out.",
        ),
        click.option(
            "--sources",
            type=click.Path(path_type=Path),
            default=DEFAULT_SOURCES,
            show_default=True,
            help="Folder of articles (.txt, .md, .html), read recursively.",
        ),
        click.option(
            "--days",
            type=click.IntRange(min=0),
            default=None,
            help="Also leave out articles older than DATE minus this many days.",
        ),
        click.option(
            "--include-undated",
            is_flag=True,
            help="Use articles with no date instead of skipping them.",
        ),
        click.option(
            "--follow-links",
            is_flag=True,
            help="Follow symbolic links to folders and to files outside the sources folder.",
        ),
        click.option(
            "--no-cache",
            "no_cache",
            is_flag=True,
            help="Read every file again, neither using nor updating the article cache.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def brief_options(command):
    options = [
        click.option(
            "--profile",
            type=click.Path(path_type=Path),
            default=None,
            help="Topic profile (default: brief.toml in the sources folder).",
        ),
        click.option(
            "--words",
            type=click.IntRange(min=MIN_WORDS),
            default=DEFAULT_WORDS,
            show_default=True,
            help="Word budget of the body (key points through outlook).",
        ),
        click.option(
            "--author",
            default="",
            callback=lambda c, p, v: " ".join(xml_safe(v).split()),
            help="Author named in the documents' properties and masthead.",
        ),
        click.option(
            "--templates",
            type=click.Path(path_type=Path, file_okay=False),
            default=None,
            help="Your copy of templates/ (HTML, CSS, reference.docx).",
        ),
        click.option(
            "--paper",
            type=click.Choice(PAPERS),
            default=DEFAULT_PAPER,
            show_default=True,
            help="Paper size of the PDF and DOCX.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _options(params: Mapping[str, Any]) -> Options:
    """The brief's options from a command's parameters (`source_options`, `brief_options`,
    `--output`, `--since`)."""
    return Options(
        sources=params["sources"],
        day=params["day"],
        days=params["days"],
        include_undated=params["include_undated"],
        profile=params["profile"],
        words=params["words"],
        author=params["author"],
        follow_links=params["follow_links"],
        output=params["output"],
        since=params["since"],
        cache=not params["no_cache"],
    )


def since_option(command):
    return click.option(
        "--since",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="An earlier brief's .json record to say what is new since (default: the latest "
        "earlier brief of the same topic in the output folder).",
    )(command)


@main.command()
@source_options
@brief_options
@click.option(
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_OUTPUT,
    show_default=True,
    help="Folder the brief is written to.",
)
@click.option(
    "--format",
    "formats",
    default=",".join(DEFAULT_FORMATS),
    show_default=True,
    callback=lambda c, p, v: formats_option(v),
    help=f"Comma-separated: {', '.join(FORMATS)}.",
)
@since_option
@handle_errors
def generate(
    day,
    sources,
    days,
    include_undated,
    follow_links,
    no_cache,
    profile,
    words,
    author,
    templates,
    paper,
    output,
    formats,
    since,
):
    """Write the brief for --date as output/<date>-<topic>.pdf and .docx, and its record as .json.

    When the output folder holds an earlier brief of the same topic (or --since names one), the
    brief opens with what is new since it.
    """
    from briefing.pipeline import generate as generate_brief

    options = _options(click.get_current_context().params)
    for path in generate_brief(options, output, formats, templates, paper):
        click.echo(str(path))


@main.command()
@source_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts instead of a table.")
@handle_errors
def sources(day, sources, days, include_undated, follow_links, no_cache, as_json):
    """List every file in the sources folder: used, or skipped and why."""
    from briefing.corpus import survey

    reports = survey(
        sources,
        until=day,
        days=days,
        include_undated=include_undated,
        follow_links=follow_links,
        cache=not no_cache,
    )
    rows = [
        {
            "file": r.name,
            "outlet": r.article.outlet if r.article else "",
            "date": r.article.published.isoformat() if r.article and r.article.published else "",
            "title": r.article.title if r.article else "",
            "words": r.article.words if r.article else 0,
            "status": "used" if r.used else "skipped",
            "reason": r.reason,
        }
        for r in reports
    ]
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    def cell(value: str) -> Text:
        # What a file says is printed as text: no rich markup, no terminal escapes.
        return Text(visible(value))

    title = cell(f"Sources for {day.isoformat()} in {sources}")
    table = Table(title=title, title_justify="left")
    for name in ("file", "outlet", "date", "title", "words", "used"):
        table.add_column(name, overflow="fold", justify="right" if name == "words" else "left")
    for row in rows:
        status = "used" if row["status"] == "used" else f"skipped: {row['reason']}"
        table.add_row(
            *map(cell, (row["file"], row["outlet"], row["date"], row["title"])),
            cell(str(row["words"])),
            cell(status),
        )
    Console(width=max(100, shutil.get_terminal_size().columns)).print(table)
    used = sum(1 for r in rows if r["status"] == "used")
    click.echo(f"{used} of {len(rows)} files used")


@main.command()
@click.option(
    "--words",
    type=click.IntRange(min=10),
    default=300,
    show_default=True,
    help="Word budget of the summary.",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@handle_errors
def summarize(words, paths):
    """Print a multi-article summary of PATHS (files or folders), one verbatim sentence per line."""
    from briefing.corpus import read_paths
    from briefing.summarize import summarize as summarize_documents

    articles = read_paths(paths)
    for sentence in summarize_documents([list(a.sentences) for a in articles], words):
        click.echo(sentence)


FETCH_TIMEOUT = 20.0  # seconds per page or feed, redirects included: slow news sites need a few
# Exit status when some links could not be added and the others were: a script tells it from a
# usage error (2) that added nothing, and from success (0).
PARTIAL_EXIT = 3


@main.command()
@click.argument("urls", nargs=-1, metavar="[URL]...")
@click.option(
    "--feed",
    "feeds",
    multiple=True,
    metavar="FEED_URL",
    help="An RSS or Atom feed: add every entry not yet in the folder; repeat for several.",
)
@click.option(
    "--into",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Sources folder the articles are saved in (made if missing).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=FETCH_TIMEOUT,
    show_default=True,
    help="Seconds each page or feed may take to arrive, redirects included.",
)
@handle_errors
def add(urls, feeds, into, timeout):
    """Fetch each URL (or every entry of a --feed) and save the article into --into as a .md file
    with front matter. A link already saved is left alone.

    Exit status 0 when every link was added or already there, 3 when some could not be added
    (one line each; the others were saved), 2 for a usage error.
    """
    from briefing import intake

    if not urls and not feeds:
        raise BriefingError("give one or more URLs, or --feed FEED_URL")
    quiet = click.get_current_context().find_root().params.get("quiet", False)
    failed = 0
    for outcome in intake.add(into, urls, feeds, timeout=timeout):
        if outcome.status == intake.ADDED:
            click.echo(str(outcome.path))
        elif outcome.status == intake.FAILED:
            failed += 1
            click.echo(f"briefing: error: {outcome.reason}", err=True)
        elif not quiet:
            click.echo(f"already in {outcome.path}")
    if failed:
        sys.exit(PARTIAL_EXIT)


@main.command()
@click.argument("draft", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    "target",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="The PDF to write (default: the draft's name with .pdf, beside it).",
)
@click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Your copy of templates/ (its fonts/ are the PDF's faces).",
)
@handle_errors
def pdf(draft, target, templates):
    """Print an edited DOCX draft to PDF with LibreOffice, as the analyst left it.

    The Assessment prompt is left out until the analyst replaces it.
    """
    from briefing.convert import convert_draft
    from briefing.errors import DraftError
    from briefing.output import write_bytes

    target = target or draft.with_suffix(".pdf")
    if target.resolve() == draft.resolve():
        raise DraftError(f"{target}: that is the draft itself; give -o another file name")
    _, printed = convert_draft(draft, templates)
    write_bytes(target, printed)
    click.echo(str(target))


# The options that build a new brief; `email --docx` sends a draft and takes none of them.
BRIEF_BUILDING = (
    "day",
    "since",
    "sources",
    "days",
    "include_undated",
    "profile",
    "words",
    "author",
    "paper",
)


@main.command()
@source_options(date_required=False)
@brief_options
@click.option(
    "--docx",
    "draft",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Send this edited DOCX draft instead of building a brief (needs LibreOffice).",
)
@click.option("--attach-docx", is_flag=True, help="Attach the DOCX draft too.")
@click.option("--to", "to", multiple=True, required=True, help="Recipient; repeat for several.")
@click.option("--cc", multiple=True, help="Copy recipient; repeat for several.")
@click.option("--from", "sender", default="", help="Sender address (default: $BRIEFING_FROM).")
@click.option("--subject", default="", help="Subject (default: the brief's title and date).")
@click.option("--smtp", default=None, metavar="HOST:PORT", help="Send through this SMTP server.")
@click.option("--starttls", is_flag=True, help="Encrypt the SMTP connection with STARTTLS.")
@click.option(
    "--insecure-login",
    is_flag=True,
    help="Send the SMTP login even over an unencrypted connection.",
)
@click.option(
    "--eml",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write the message to this .eml file instead of sending it.",
)
@click.option(
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_OUTPUT,
    show_default=True,
    help="Where a message that could not be sent is kept as .eml; earlier briefs are looked "
    "for here too.",
)
@since_option
@handle_errors
def email(
    day,
    sources,
    days,
    include_undated,
    follow_links,
    no_cache,
    profile,
    words,
    author,
    templates,
    paper,
    draft,
    attach_docx,
    to,
    cc,
    sender,
    subject,
    smtp,
    starttls,
    insecure_login,
    eml,
    output,
    since,
):
    """Email the brief for --date, or the edited --docx draft: key points in the body, PDF attached.

    SMTP credentials are read from BRIEFING_SMTP_USER and BRIEFING_SMTP_PASSWORD.
    """
    from briefing.errors import MailError
    from briefing.mail import Delivery, check_headers
    from briefing.pipeline import email as email_brief

    if draft is not None:
        _refuse_brief_options(click.get_current_context())
    elif day is None:
        raise MailError(
            "say what to send: --date YYYY-MM-DD to build a brief, or --docx DRAFT.docx to send "
            "an edited draft"
        )
    check_headers(to=to, cc=cc, sender=sender, subject=subject)  # before the work, not after
    delivery = Delivery(
        to=to,
        cc=cc,
        sender=sender,
        subject=subject,
        smtp=smtp,
        starttls=starttls,
        insecure_login=insecure_login,
        eml=eml,
        keep_folder=output,
    )
    options = None if draft else _options(click.get_current_context().params)
    click.echo(
        email_brief(options, delivery, templates, paper, draft=draft, attach_docx=attach_docx)
    )


@main.command()
@click.argument("old", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("new", type=click.Path(path_type=Path, dir_okay=False))
@handle_errors
def diff(old, new):
    """Print what the brief recorded in NEW (a .json beside its documents) added and dropped
    against the one in OLD: statements, by section, then sources."""
    from briefing.history import compare, describe

    for line in describe(compare(old, new)):
        click.echo(line)


def _refuse_brief_options(ctx: click.Context) -> None:
    from click.core import ParameterSource

    from briefing.errors import MailError

    given = [
        param.opts[0]
        for param in ctx.command.params
        if param.name in BRIEF_BUILDING
        and ctx.get_parameter_source(param.name)
        in (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT)
    ]
    if given:
        raise MailError(
            f"--docx sends an edited draft, {', '.join(given)} build a new brief: "
            "give one or the other"
        )


if __name__ == "__main__":
    main()
