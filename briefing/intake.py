"""Add articles to a sources folder: fetch pages and feeds, extract each article, save it as a
front-matter file the corpus reads like any other.

The network is touched here and nowhere else. A file is named after its link, so adding a link
twice does nothing; a page that fails is reported in one line and the rest go on.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import time
import unicodedata
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from http.client import HTTPException
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit

from briefing import __version__
from briefing.errors import ArticleError, BriefingError, FetchError
from briefing.metadata import Metadata, merge
from briefing.output import write_atomically

log = logging.getLogger(__name__)

USER_AGENT = f"briefing/{__version__} (saves news articles a user links to for a policy brief)"
# Chrome and Firefox give up after 20 redirects; a link that needs more is broken or a loop.
MAX_REDIRECTS = 20
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
# News pages with inline scripts and styles run to a few MB and feeds to a few hundred KB; past
# this a response is not an article, and reading on would only fill memory.
MAX_RESPONSE_BYTES = 10 * 1024 * 1024
READ_CHUNK = 64 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml")
HTML_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
)
# A paywall teaser, a cookie notice or a section front leaves a sentence or two; the shortest wire
# items run to about a hundred words.
MIN_ARTICLE_WORDS = 60
# Dates from the page's markup and URL only: htmldate's free-text search would take any date the
# story mentions for its publication date.
DATE_PARAMS = {"extensive_search": False, "original_date": True}
# Paragraphs repeated more often than trafilatura allows within one page are furniture; a cache per
# page keeps one page's text from removing another's (trafilatura's default cache is global).
DEDUPLICATION_ENTRIES = 4096
# File names: a readable slug from the link, then a hash of the normalized link that makes the name
# unique (12 hex digits: a collision needs millions of articles in one folder).
SLUG_CHARS = 60
HASH_CHARS = 12
# Query parameters that mark where a link was shared, not which page it is.
TRACKING_PREFIXES = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
PAGE_SUFFIXES = re.compile(r"\.(?:s?html?|php|aspx?|jsp)$", re.I)
# Characters a URL may carry as they are; everything else (spaces, non-ASCII) is percent-encoded.
URL_SAFE = ":/?#[]@!$&'()*+,;=%~"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 and C1 controls but tab and newline

ADDED, PRESENT, FAILED = "added", "present", "failed"


@dataclass(frozen=True)
class Outcome:
    """What became of one link: added (saved at `path`), present (already at `path`), or failed."""

    url: str
    status: str
    path: Path | None = None
    reason: str = ""


@dataclass(frozen=True)
class Response:
    """A fetched body, the URL it came from after redirects, and its Content-Type header."""

    url: str
    body: bytes
    content_type: str = ""


@dataclass(frozen=True)
class FeedEntry:
    """One entry of a feed: its link, and what the feed states of it (title, author, date)."""

    url: str
    metadata: Metadata


def add(
    folder: Path, urls: Iterable[str] = (), feeds: Iterable[str] = (), *, timeout: float
) -> Iterator[Outcome]:
    """Fetch each page in `urls` and each entry of each feed in `feeds`, saving articles in
    `folder`; yield one outcome per link as it is done."""
    prepare_folder(folder)
    for url in urls:
        yield add_page(url, folder, timeout)
    for feed_url in feeds:
        try:
            entries = read_feed(feed_url, timeout)
        except FetchError as exc:
            yield Outcome(feed_url, FAILED, reason=str(exc))
            continue
        log.info("%s: %d entries", feed_url, len(entries))
        for entry in entries:
            if urlsplit(entry.url).scheme.lower() not in ("http", "https"):
                title = entry.metadata.title or "untitled"
                problem = f"{feed_url}: entry '{title}' has no http or https link"
                yield Outcome(feed_url, FAILED, reason=problem)
                continue
            yield add_page(entry.url, folder, timeout, fallback=entry.metadata)


def prepare_folder(folder: Path) -> None:
    """Make `folder` if it is missing; refuse a path that is not a folder."""
    if folder.exists() and not folder.is_dir():
        raise BriefingError(f"'{folder}' is not a folder; give --into a folder for the articles")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefingError(f"{folder}: cannot make the folder ({exc.strerror or exc})") from None


def add_page(url: str, folder: Path, timeout: float, fallback: Metadata | None = None) -> Outcome:
    """Fetch one page and save its article in `folder`, unless a file for the link is there.

    `fallback` fills what the page does not state (a feed entry's title, author and date).
    """
    url = url.strip()
    try:
        check_link(url)
        path = article_path(folder, url)
        if path.exists():
            return Outcome(url, PRESENT, path)
        log.info("Fetching %s", url)
        response = fetch(url, timeout, accept=HTML_ACCEPT, types=HTML_TYPES)
        path = article_path(folder, response.url)  # a redirect may lead to a page already saved
        if path.exists():
            return Outcome(url, PRESENT, path)
        meta, paragraphs = extract_article(decode(response), response.url)
        save_article(path, merge(meta, fallback or Metadata()), paragraphs)
    except (FetchError, ArticleError) as exc:
        return Outcome(url, FAILED, reason=str(exc))
    return Outcome(url, ADDED, path)


def check_link(url: str, asked: str | None = None) -> None:
    """Refuse anything but an http(s) link with a host; `asked` is the link a redirect came from."""
    asked = asked or url
    via = f"redirected to '{url}', which is " if asked != url else ""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"{asked}: {via}not an http or https link; only those are fetched")
    try:
        parts.port  # noqa: B018 -- raises on a port that is not a number
    except ValueError:
        raise FetchError(f"{asked}: {via}not a valid link (bad port)") from None
    if not parts.hostname:
        raise FetchError(f"{asked}: {via}not a valid link (no host)")


def article_path(folder: Path, url: str) -> Path:
    """Return the file a link's article is saved in: `<host>-<last path part>-<hash>.md`."""
    key = normalize_url(url)
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:HASH_CHARS]
    host, _, path = key.partition("/")
    last = PAGE_SUFFIXES.sub("", path.rstrip("/").rpartition("/")[2])
    slug = _slug(f"{host.removeprefix('www.')} {last}")[:SLUG_CHARS].rstrip("-")
    return folder / f"{slug or 'article'}-{digest}.md"


def normalize_url(url: str) -> str:
    """Return a link reduced to what names the page: host, path and query, lower-case host, no
    scheme (http and https serve the same article), default port, fragment, trailing slash or
    tracking parameters."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    if port is not None and port not in (80, 443):
        host = f"{host}:{port}"
    query = urlencode(
        [
            (name, value)
            for name, value in parse_qsl(parts.query, keep_blank_values=True)
            if not name.lower().startswith(TRACKING_PREFIXES)
        ]
    )
    return host + (parts.path.rstrip("/") or "/") + (f"?{query}" if query else "")


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", unquote(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def fetch(url: str, timeout: float, *, accept: str, types: tuple[str, ...] = ()) -> Response:
    """Return the body at `url`, following at most MAX_REDIRECTS redirects, all within `timeout`
    seconds; with `types`, refuse a response of another content type before reading it."""
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(_NoRedirects)
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        check_link(current, url)
        request = urllib.request.Request(
            quote(current, safe=URL_SAFE), headers={"User-Agent": USER_AGENT, "Accept": accept}
        )
        try:
            with opener.open(request, timeout=_remaining(deadline, url, timeout)) as answer:
                stated = answer.headers.get("Content-Type", "")
                kind = answer.headers.get_content_type()
                if types and stated and kind not in types:
                    raise FetchError(f"{url}: not a web page ({kind})")
                body = _read_body(answer, url, deadline, timeout)
                return Response(current, body, stated)
        except urllib.error.HTTPError as exc:
            exc.close()
            location = exc.headers.get("Location") if exc.code in REDIRECT_CODES else None
            if not location:
                raise FetchError(f"{url}: the server answered {exc.code} {exc.reason}") from None
            current = urljoin(current, location.strip())
        except (urllib.error.URLError, HTTPException, OSError, ValueError) as exc:
            raise FetchError(_network_problem(url, exc, timeout)) from None
    raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects; stopped following them")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand every redirect back to `fetch`, which counts them and checks where they lead."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _remaining(deadline: float, url: str, timeout: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError(_timed_out(url, timeout))
    return left


def _read_body(answer, url: str, deadline: float, timeout: float) -> bytes:
    """Read the body in chunks, stopping past MAX_RESPONSE_BYTES or the deadline."""
    limit = f"{MAX_RESPONSE_BYTES / 1024 / 1024:g} MB"
    declared = answer.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > MAX_RESPONSE_BYTES:
        raise FetchError(f"{url}: the page is {int(declared) / 1e6:.1f} MB, over the {limit} limit")
    chunks: list[bytes] = []
    size = 0
    while chunk := answer.read1(READ_CHUNK):
        size += len(chunk)
        if size > MAX_RESPONSE_BYTES:
            raise FetchError(f"{url}: the page is over the {limit} limit; stopped reading it")
        chunks.append(chunk)
        _remaining(deadline, url, timeout)
    if answer.length:  # read1, unlike read, does not check the length the server announced
        raise FetchError(f"{url}: the connection broke off after {size} of {declared} bytes")
    return b"".join(chunks)


def _network_problem(url: str, exc: BaseException, timeout: float) -> str:
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, TimeoutError):
        return _timed_out(url, timeout)
    if isinstance(reason, HTTPException):
        return f"{url}: the connection broke off ({type(reason).__name__})"
    if isinstance(reason, OSError):
        return f"{url}: the connection failed ({reason.strerror or reason})"
    return f"{url}: cannot fetch ({reason})"


def _timed_out(url: str, timeout: float) -> str:
    return f"{url}: no complete answer within {timeout:g} s (--timeout)"


def decode(response: Response) -> str:
    """Return the body as text, in the encoding a browser would choose: a byte-order mark, else
    the charset the server declares, else the page's own <meta> declaration, else UTF-8 when the
    bytes are UTF-8, else trafilatura's detection."""
    from trafilatura.utils import detect_encoding
    from w3lib.encoding import html_to_unicode

    def detect(body: bytes) -> str | None:
        return next(iter(detect_encoding(body)), None)

    return html_to_unicode(response.content_type or None, response.body, auto_detect_fun=detect)[1]


def extract_article(html: str, url: str) -> tuple[Metadata, list[str]]:
    """Return the metadata and paragraphs of the article on a page, found by trafilatura."""
    import trafilatura
    from trafilatura.deduplication import LRUCache
    from trafilatura.utils import load_html

    from briefing.text import word_count

    try:
        tree = load_html(html)
        if tree is None:
            raise FetchError(f"{url}: not an HTML page that can be read")
        language = tree.get("lang") or ""
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            deduplicate=LRUCache(maxsize=DEDUPLICATION_ENTRIES),
            favor_precision=True,
            date_extraction_params=DATE_PARAMS,
        )
    except FetchError:
        raise
    except Exception as exc:  # trafilatura raises many internal types on broken markup
        raise FetchError(f"{url}: the page could not be parsed ({type(exc).__name__})") from None
    text = _clean_text(doc.text or "") if doc else ""
    if word_count(text) < MIN_ARTICLE_WORDS:
        raise FetchError(f"{url}: no article text found (paywall or not an article)")
    meta = Metadata(
        title=_clean_field(doc.title),
        outlet=_clean_field(doc.sitename),
        author=_clean_field(doc.author),
        published=_iso_date(doc.date),
        url=url,
        language=_clean_field(language).split("-")[0].lower(),
    )
    return meta, [line.strip() for line in text.splitlines() if line.strip()]


def _clean_field(value: str | None) -> str:
    return _CONTROL.sub("", " ".join((value or "").split()))


def _clean_text(text: str) -> str:
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def save_article(path: Path, meta: Metadata, paragraphs: list[str]) -> None:
    """Write the article as front matter and paragraphs, atomically, after checking that the
    corpus reads it back: a page it would skip is never saved."""
    from briefing.corpus import read_article

    text = article_text(meta, paragraphs)

    def write(temporary: Path) -> None:
        temporary.write_text(text, encoding="utf-8")
        try:
            read_article(temporary, path.name)
        except ArticleError as exc:
            problem = str(exc).removeprefix(f"{path.name}: ")
            raise ArticleError(f"{meta.url}: {problem}") from None

    write_atomically(path, write)


def article_text(meta: Metadata, paragraphs: list[str]) -> str:
    """Return the file's text: YAML front matter with the fields known (README's "Articles"),
    then the paragraphs separated by blank lines.

    An unknown field is left out rather than written empty, so that the reader may still find a
    byline or dateline in the text, as it does for any article.
    """
    import yaml

    fields = {
        "title": meta.title,
        "outlet": meta.outlet,
        "author": meta.author,
        "date": meta.published,
        "url": meta.url,
        "language": meta.language,
    }
    known = {name: value for name, value in fields.items() if value}
    # One line per field: a folded value would be harder to read and edit by hand.
    head = yaml.safe_dump(known, sort_keys=False, allow_unicode=True, width=float("inf"))
    return "---\n" + head + "---\n\n" + "\n\n".join(paragraphs) + "\n"


def read_feed(feed_url: str, timeout: float) -> list[FeedEntry]:
    """Fetch an RSS or Atom feed and return its entries' links and stated metadata."""
    import feedparser

    feed_url = feed_url.strip()
    log.info("Reading feed %s", feed_url)
    response = fetch(feed_url, timeout, accept=FEED_ACCEPT)
    headers = {"content-location": response.url}
    if response.content_type:
        headers["content-type"] = response.content_type
    # A stream, never a string: feedparser would fetch a string that looks like a link itself.
    parsed = feedparser.parse(io.BytesIO(response.body), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        raise FetchError(f"{feed_url}: not an RSS or Atom feed")
    return [FeedEntry(_clean_field(e.get("link")), _entry_metadata(e)) for e in parsed.entries]


def _entry_metadata(entry) -> Metadata:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return Metadata(
        title=_clean_field(entry.get("title")),
        author=_clean_field(entry.get("author")),
        published=date(*stamp[:3]) if stamp else None,
    )
