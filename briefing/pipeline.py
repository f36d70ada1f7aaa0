"""The pipeline, top to bottom: articles -> sections -> `Brief` -> documents on disk."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from briefing.citations import Citer, assemble_sections, sources_in_citation_order
from briefing.corpus import Corpus, load_corpus
from briefing.dates import format_day, format_period
from briefing.model import DOCUMENT_KIND, Brief
from briefing.output import FORMATS, output_path, write_files
from briefing.profile import find_profile, load_profile, slugify
from briefing.sections import body_words, build_sections
from briefing.speakers import corpus_title
from briefing.summarize import digest
from briefing.workers import Prepared

log = logging.getLogger(__name__)

DEFAULT_WORDS = 800
DIGEST_SENTENCES = 3


@dataclass(frozen=True)
class Options:
    """What the user asked for; every field has the command line's default."""

    sources: Path = Path("seeds")
    day: date | None = None
    days: int | None = None
    include_undated: bool = False
    profile: Path | None = None
    words: int = DEFAULT_WORDS
    author: str = ""
    follow_links: bool = False
    output: Path | None = None  # files there named like a brief are never read as sources


def build_brief(options: Options, corpus: Corpus | None = None) -> Brief:
    """Read the sources and return the finished brief for `options.day`."""
    day = options.day or date.today()
    profile = load_profile(find_profile(options.sources, options.profile))
    if corpus is None:
        log.info("Reading articles in %s", options.sources)
        corpus = load_corpus(
            options.sources,
            until=day,
            days=options.days,
            include_undated=options.include_undated,
            follow_links=options.follow_links,
            output=options.output,
        )
    articles = corpus.articles
    skipped = len(corpus.reports) - len(articles)
    log.info("Read %d articles (%d files skipped or merged)", len(articles), skipped)
    log.info("Selecting statements from %d articles", len(articles))
    drafts = build_sections(articles, profile, options.words, day)
    log.info("Body: %d words of %d", body_words(drafts), options.words)
    citer = Citer(articles)
    sections = assemble_sections(drafts, citer)
    log.info("Condensing %d cited sources", len(citer.first_cited))
    digests = {d: digest(articles[d].sentences, DIGEST_SENTENCES) for d in citer.first_cited}
    sources = sources_in_citation_order(articles, citer, digests)
    title = profile.title or corpus_title(articles)
    return Brief(
        title=title,
        slug=slugify(title),
        date=day,
        date_label=format_day(day),
        period_label=_period_label(corpus),
        sources_label=_sources_label(len(articles), len(sources)),
        sections=sections,
        sources=sources,
        citations=tuple(citer.citations),
        handling=profile.handling,
        author=options.author or profile.author,
        subject=f"{DOCUMENT_KIND}: {title}",
        keywords=profile.keywords,
    )


def generate(
    options: Options,
    folder: Path,
    formats: Sequence[str],
    templates: Path | None = None,
    paper: str = "a4",
) -> list[Path]:
    """Build the brief and write it in every requested format; return the written paths.

    The PDF renderer starts in a worker process at once, so that WeasyPrint's import overlaps
    reading and selecting (see `workers`).
    """
    renderers: dict[str, Prepared] = {}
    with ExitStack() as stack:
        if "pdf" in formats:
            worker = Prepared(
                _warm_pdf, partial(render, fmt="pdf", templates=templates, paper=paper), start=False
            )
            stack.callback(worker.close)  # before the worker exists: Ctrl-C may come at once
            worker.start()
            renderers["pdf"] = worker
        brief = build_brief(options)
        return write_outputs(brief, folder, formats, templates, paper, renderers)


def _warm_pdf() -> None:
    import weasyprint

    weasyprint.HTML(string="<p>.</p>").render()


def write_outputs(
    brief: Brief,
    folder: Path,
    formats: Sequence[str],
    templates: Path | None = None,
    paper: str = "a4",
    renderers: Mapping[str, Prepared] | None = None,
) -> list[Path]:
    """Render every requested format, then move them all into place; return the written paths.

    `renderers` may supply a renderer for a format (a prepared worker); the others render here.
    Formats other than the worker's render while it works.
    """
    renderers = renderers or {}
    for fmt in FORMATS:
        if fmt in formats and fmt in renderers:
            log.info("Rendering %s", fmt.upper())
            renderers[fmt].submit(brief)
    rendered: list[tuple[Path, bytes]] = []
    for fmt in FORMATS:
        if fmt not in formats:
            continue
        if fmt in renderers:
            data = renderers[fmt].result()
        else:
            log.info("Rendering %s", fmt.upper())
            data = render(brief, fmt, templates, paper)
        rendered.append((output_path(folder, brief.date, brief.slug, fmt), data))
    write_files(rendered)
    return [path for path, _ in rendered]


def render(brief: Brief, fmt: str, templates: Path | None = None, paper: str = "a4") -> bytes:
    """Return the brief rendered as `fmt` (pdf, docx, html); renderers are imported on demand."""
    if fmt == "pdf":
        from briefing.render_pdf import render_pdf

        return render_pdf(brief, templates, paper)
    if fmt == "docx":
        from briefing.render_docx import render_docx

        return render_docx(brief, templates, paper)
    from briefing.render_html import render_html

    return render_html(brief, templates, standalone=True).encode("utf-8")


def _period_label(corpus: Corpus) -> str:
    span = corpus.period
    return f"Sources published {format_period(*span)}" if span else "Sources undated"


def _sources_label(read: int, cited: int) -> str:
    if read == cited:
        return f"{read} source" + ("s" if read != 1 else "")
    return f"{cited} of {read} sources cited"
