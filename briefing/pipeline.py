"""The pipeline, top to bottom: articles -> sections -> `Brief` -> documents on disk."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Mapping, Sequence
from contextlib import ExitStack
from datetime import UTC, date, datetime
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.cache import ArticleCache, fingerprint
from briefing.citations import Citer, assemble_sections, sources_in_citation_order
from briefing.corpus import Article, Corpus, load_corpus
from briefing.dates import format_day, format_period
from briefing.drafts import body_words
from briefing.errors import BriefingError, MailError
from briefing.history import SUFFIX as RECORD
from briefing.history import brief_record, gather_earlier, new_since
from briefing.model import Brief, Labels, Source
from briefing.options import DEFAULT_PAPER, FORMATS, Options
from briefing.output import output_path, write_files
from briefing.profile import find_profile, load_profile
from briefing.sections import build_sections
from briefing.sourcing import sourcing_note
from briefing.summarize import digest
from briefing.titles import corpus_title, slugify
from briefing.vocabulary import shipped
from briefing.workers import Prepared

if TYPE_CHECKING:  # mail (and the draft reader it needs) load only when a brief is emailed
    from briefing.mail import Delivery

log = logging.getLogger(__name__)

DIGEST_SENTENCES = 3
# What makes a source's digest (its version keys the digests the article cache keeps).
DIGEST_MODULES = (  # the summarizer and what it imports (a test checks the list is complete)
    "dates",
    "errors",
    "gazetteer",
    "profile",
    "speakers",
    "standalone",
    "summarize",
    "text",
    "untrusted",
    "vocabulary",
)
DIGEST_LIBRARIES = ("sumy", "nltk", "numpy")
EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"  # reproducible builds: the documents' timestamp


def build_brief(options: Options, corpus: Corpus | None = None) -> Brief:
    """Read the sources and return the finished brief for `options.day`."""
    day = options.day or date.today()
    profile = load_profile(find_profile(options.sources, options.profile))
    vocab = profile.vocabulary
    if corpus is None:
        log.info("Reading articles in %s", options.sources)
        corpus = load_corpus(
            options.sources,
            until=day,
            days=options.days,
            include_undated=options.include_undated,
            follow_links=options.follow_links,
            output=options.output,
            vocab=vocab,
            cache=options.cache,
        )
    articles = corpus.articles
    skipped = len(corpus.reports) - len(articles)
    log.info("Read %d articles (%d files skipped or merged)", len(articles), skipped)
    log.info("Selecting statements from %d articles", len(articles))
    drafts = build_sections(articles, profile, options.words, day)
    log.info("Body: %d words of %d", body_words(drafts), options.words)
    labels = Labels(**vocab.table("labels"))
    lead = [p.text for d in drafts if d.key == "key_points" for p in d.picks]
    title = profile.title or corpus_title(articles, vocab, lead)
    slug = slugify(title)
    earlier = gather_earlier(options.output, slug, day, options.since)
    citer = Citer(articles, labels, day, vocab, earlier)
    sections = assemble_sections(drafts, citer)
    log.info("Condensing %d cited sources", len(citer.first_cited))
    cited = list(citer.first_cited)
    condensed = condense([articles[d] for d in cited], corpus.cache)
    digests = dict(zip(cited, condensed, strict=True))
    sources = sources_in_citation_order(articles, citer, digests)
    return Brief(
        title=title,
        slug=slug,
        date=day,
        date_label=format_day(day),
        period_label=_period_label(corpus),
        sources_label=_sources_label(len(articles), len(sources)),
        sections=sections,
        sources=sources,
        citations=tuple(citer.citations),
        labels=labels,
        created=created_at(day),
        handling=profile.handling,
        author=options.author or profile.author,
        subject=f"{labels.kind}: {title}",
        keywords=profile.keywords,
        sourcing=sourcing_note(sections, sources, labels),
        new_since=new_since(sections, earlier, labels) if earlier else None,
        read=_read(corpus),
    )


def _read(corpus: Corpus) -> tuple[Source, ...]:
    """Every article the brief read (copies folded into another included), for its record."""
    return tuple(
        Source(
            id=r.article.id,
            path=r.article.name,
            title=r.article.title,
            outlet=r.article.outlet,
            published=r.article.published,
            url=r.article.url,
        )
        for r in corpus.reports
        if r.read and r.article is not None
    )


def condense(articles: Sequence[Article], cache: ArticleCache | None = None) -> list[list[str]]:
    """Return each article's digest: from the article cache when it holds the digest of the same
    sentences made by the same summarizer, else made now (and kept)."""
    keys = [digest_key(a.sentences) for a in articles] if cache else []
    known = cache.digests(keys) if cache else {}
    made: dict[bytes, tuple[str, list[str]]] = {}
    digests = []
    for i, article in enumerate(articles):
        found = known.get(keys[i]) if cache else None
        if found is None:
            found = digest(article.sentences, DIGEST_SENTENCES)
            if cache:
                made[keys[i]] = (article.name, found)
        digests.append(found)
    if made:
        cache.keep_digests(made)
    return digests


def digest_key(sentences: Sequence[str]) -> bytes:
    """The key of a digest of `sentences`: their text and the summarizer's version."""
    text = json.dumps([digester_version(), DIGEST_SENTENCES, list(sentences)], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


@cache
def digester_version() -> str:
    """The version of what makes a digest: the summarizer's code and sumy's and NLTK's."""
    return fingerprint(DIGEST_MODULES, DIGEST_LIBRARIES, shipped().fingerprint())


def created_at(day: date) -> datetime:
    """Return the documents' creation time: SOURCE_DATE_EPOCH when set (reproducible builds),
    else the brief's date at midnight UTC, so the same sources and date give the same bytes."""
    epoch = os.environ.get(EPOCH_VARIABLE, "").strip()
    if not epoch:
        return datetime(day.year, day.month, day.day, tzinfo=UTC)
    try:
        return datetime.fromtimestamp(int(epoch), UTC)
    except (ValueError, OverflowError, OSError):
        raise BriefingError(
            f"{EPOCH_VARIABLE}={epoch[:20]} is not a time a document can carry "
            "(seconds since 1970, up to the year 9999)"
        ) from None


def generate(
    options: Options,
    folder: Path,
    formats: Sequence[str],
    templates: Path | None = None,
    paper: str = DEFAULT_PAPER,
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
    paper: str = DEFAULT_PAPER,
    renderers: Mapping[str, Prepared] | None = None,
) -> list[Path]:
    """Render every requested format, then move them all into place; return the written paths.

    `renderers` may supply a renderer for a format (a prepared worker); the others render here.
    Formats other than the worker's render while it works.
    """
    renderers = renderers or {}
    chosen = [fmt for fmt in FORMATS if fmt in formats]
    for fmt in chosen:
        if fmt in renderers:
            log.info("Rendering %s", fmt.upper())
            renderers[fmt].submit(brief)
    data: dict[str, bytes] = {}
    for fmt in chosen:  # here, while the workers render theirs
        if fmt not in renderers:
            log.info("Rendering %s", fmt.upper())
            data[fmt] = render(brief, fmt, templates, paper)
    for fmt in chosen:
        if fmt in renderers:
            data[fmt] = renderers[fmt].result()
    rendered = [(output_path(folder, brief.date, brief.slug, fmt), data[fmt]) for fmt in chosen]
    # The record goes beside the documents on every run: the next brief of the story reads it.
    rendered.append((output_path(folder, brief.date, brief.slug, RECORD), brief_record(brief)))
    write_files(rendered)
    return [path for path, _ in rendered]


def render(
    brief: Brief, fmt: str, templates: Path | None = None, paper: str = DEFAULT_PAPER
) -> bytes:
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


def email(
    options: Options | None,
    delivery: Delivery,
    templates: Path | None = None,
    paper: str = DEFAULT_PAPER,
    *,
    draft: Path | None = None,
    attach_docx: bool = False,
) -> str:
    """Email a brief: the one `options` build, or the analyst's edited `draft` (its PDF printed by
    LibreOffice). The body shows the key points (and the draft's assessment), the PDF is attached
    (and the DOCX with `attach_docx`); with `delivery.eml` the message is written there instead.

    Return what happened, in one line. A message that could not be sent is kept as an .eml file in
    `delivery.keep_folder`, and the error says where.
    """
    from briefing.mail import build_message, send, write_eml

    delivery.check()
    if draft is not None:
        summary, attachments, kept = _draft_message(draft, templates, attach_docx, delivery)
    else:
        summary, attachments, kept = _brief_message(
            options, templates, paper, attach_docx, delivery
        )
    message = build_message(summary, attachments, delivery, templates)
    if delivery.eml is not None:
        write_eml(message, delivery.eml)
        return str(delivery.eml)
    try:
        send(
            message,
            delivery.smtp,
            starttls=delivery.starttls,
            insecure_login=delivery.insecure_login,
        )
    except Exception as exc:  # whatever stopped the send, the message is kept
        write_eml(message, kept)
        if isinstance(exc, MailError):
            raise MailError(f"{exc}; the message is kept in {kept}") from None
        raise
    return f"sent to {', '.join([*delivery.to, *delivery.cc])} through {delivery.smtp}"


def _draft_message(draft: Path, templates, attach_docx: bool, delivery: Delivery):
    """The edited draft's summary, its PDF (and DOCX) as attachments, and where a failed send
    keeps the message."""
    from briefing.convert import convert_draft
    from briefing.mail import DOCX_SUBTYPE, Attachment
    from briefing.read_docx import read_draft

    summary = read_draft(draft)
    printable, printed = convert_draft(draft, templates)
    attachments = [Attachment(draft.with_suffix(".pdf").name, printed)]
    if attach_docx:
        attachments.append(Attachment(draft.with_suffix(".docx").name, printable, DOCX_SUBTYPE))
    return summary, attachments, delivery.keep_folder / f"{draft.stem}.eml"


def _brief_message(options: Options, templates, paper: str, attach_docx: bool, delivery: Delivery):
    """A new brief's summary, its PDF (and DOCX) as attachments, and where a failed send keeps
    the message."""
    from briefing.mail import DOCX_SUBTYPE, Attachment, summarize_brief

    brief = build_brief(options)
    name = output_path(Path("."), brief.date, brief.slug, "pdf").name
    attachments = [Attachment(name, render(brief, "pdf", templates, paper))]
    if attach_docx:
        docx = render(brief, "docx", templates, paper)
        attachments.append(Attachment(Path(name).with_suffix(".docx").name, docx, DOCX_SUBTYPE))
    kept = output_path(delivery.keep_folder, brief.date, brief.slug, "eml")
    return summarize_brief(brief), attachments, kept
