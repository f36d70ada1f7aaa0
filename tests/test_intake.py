"""`briefing add`: pages and feeds fetched from a server on 127.0.0.1 that the tests start, saved
as front-matter files the corpus reads; failures one line each, the rest going on."""

from __future__ import annotations

import json
import socket
import threading
from collections import Counter
from collections.abc import Callable
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import run

import briefing.intake
from briefing import __version__
from briefing.errors import BriefingError
from briefing.intake import article_path, article_text, normalize_url
from briefing.metadata import Metadata, metadata_from_front_matter, split_front_matter

PARAGRAPHS = [
    "The city council voted on Monday to delay a decision on the toll for the new river bridge "
    "until the transport committee has published its traffic study.",
    "Members of the council said the toll would raise about four million a year for "
    "maintenance, but residents on both banks asked for a lower rate for daily commuters.",
    "The mayor told reporters that the bridge would open in the autumn whatever the council "
    "decides, and that the first months would be free of charge for every vehicle.",
    "The committee expects to present the study to the council in April, after a public "
    "consultation that drew more than two thousand written comments from residents.",
]
FERRY = [
    "The ferry company will run its boats every twenty minutes from next month, the harbour "
    "office announced on Wednesday, after a winter of complaints about crowded morning crossings.",
    "Two older boats will be refitted with quieter engines and returned to service in the summer, "
    "while a third is to be sold to a shipping firm on the northern coast.",
    "Passenger groups welcomed the change but said the last evening crossing still leaves too "
    "early for people who work late shifts in the hospital and the port.",
]


def words(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def page_html(
    title: str = "Council delays bridge toll decision",
    *,
    outlet: str = "Riverside Courier",
    author: str = "Ana Lindqvist",
    published: str | None = "2025-03-10T08:00:00Z",
    paragraphs: list[str] = PARAGRAPHS,
    lang: str = "en",
) -> str:
    meta = [
        f'<meta property="og:title" content="{title}">',
        f'<meta property="og:site_name" content="{outlet}">',
        f'<meta name="author" content="{author}">',
    ]
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}">')
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        + "".join(meta)
        + '</head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        + f"</header><main><article><h1>{title}</h1>{body}</article></main>"
        + "<footer><p>About us</p></footer></body></html>"
    )


PAYWALL = (
    '<!doctype html><html lang="en"><head><title>Subscribe</title></head><body><article>'
    "<h1>Council delays bridge toll decision</h1><p>The city council voted on Monday to delay "
    "a decision.</p><p>Subscribe to read the full story.</p></article></body></html>"
)


class Site:
    """Pages the tests write, served on 127.0.0.1 by a server thread; counts every request."""

    def __init__(self) -> None:
        self.routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {}
        self.hits: Counter[str] = Counter()
        self.agents: list[str] = []
        self.release = threading.Event()  # set at teardown: slow and endless pages stop
        self.finished: dict[str, threading.Event] = {}
        self.cut_off: set[str] = set()  # pages whose client hung up before the end
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                site.hits[path] += 1
                site.agents.append(self.headers.get("User-Agent", ""))
                route = site.routes.get(path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                try:
                    route(self)
                except (BrokenPipeError, ConnectionResetError):
                    site.cut_off.add(path)
                finally:
                    site.finished.setdefault(path, threading.Event()).set()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        # A short poll interval: shutdown() at teardown waits for the next poll.
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def page(
        self,
        path: str,
        body: str | bytes,
        *,
        status: int = 200,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body

        def serve(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(status)
            handler.send_header("Content-Type", content_type)
            if "Content-Length" not in (headers or {}):
                handler.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                handler.send_header(name, value)
            handler.end_headers()
            handler.wfile.write(data)

        self.routes[path] = serve
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        return self.page(path, b"", status=status, headers={"Location": location})

    def route(self, path: str, serve: Callable[[BaseHTTPRequestHandler], None]) -> str:
        self.routes[path] = serve
        return self.url(path)

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site(monkeypatch):
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    served = Site()
    yield served
    served.close()


def add(folder: Path, *args: str):
    return run("add", "--into", str(folder), *args)


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def saved(folder: Path) -> list[Path]:
    """Every file in the folder, hidden ones included (a leftover temporary file would show)."""
    return sorted(p for p in folder.rglob("*") if p.is_file())


# Saving a page


def test_a_page_is_saved_with_front_matter_and_its_text(site, tmp_path):
    url = site.page("/news/council-delays-bridge-toll.html", page_html())
    result = add(tmp_path, url)
    assert result.exit_code == 0, result.output
    (path,) = saved(tmp_path)
    assert result.stdout == f"{path}\n"
    assert path.suffix == ".md"
    assert path.name.startswith("127-0-0-1-")
    assert "council-delays-bridge-toll-" in path.name
    front, body = split_front_matter(path.read_text(encoding="utf-8"), path.name)
    assert front == {
        "title": "Council delays bridge toll decision",
        "outlet": "Riverside Courier",
        "author": "Ana Lindqvist",
        "date": "2025-03-10",
        "url": url,
        "language": "en",
    }
    # The text as trafilatura found it, headline included (the reader drops a line that repeats
    # the title), one paragraph per line, blank lines between; no page furniture.
    assert body == "\n" + "\n\n".join(["Council delays bridge toll decision", *PARAGRAPHS]) + "\n"
    assert site.agents == [briefing.intake.USER_AGENT]
    assert briefing.intake.USER_AGENT.startswith(f"briefing/{__version__} (")


def test_adding_the_same_link_again_does_nothing(site, tmp_path):
    url = site.page("/news/toll.html", page_html())
    first = add(tmp_path, url)
    (path,) = saved(tmp_path)
    before = path.read_bytes(), path.stat().st_mtime_ns
    for again in (url, url + "?utm_source=newsletter#comments", url.replace("http:", "https:")):
        result = add(tmp_path, again)
        assert result.exit_code == 0, result.output
        assert result.stdout == f"already in {path}\n"
    assert first.stdout == f"{path}\n"
    assert site.hits["/news/toll.html"] == 1  # the page was not fetched again
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert saved(tmp_path) == [path]


def test_quiet_prints_only_what_was_written(site, tmp_path):
    url = site.page("/news/toll.html", page_html())
    assert run("-q", "add", "--into", str(tmp_path), url).stdout.strip() == str(saved(tmp_path)[0])
    assert run("-q", "add", "--into", str(tmp_path), url).stdout == ""


def test_a_redirect_is_followed_and_the_article_named_after_where_it_led(site, tmp_path):
    final = site.page("/news/2025/toll.html", page_html())
    short = site.redirect("/s/abc", "/news/2025/toll.html", status=301)
    result = add(tmp_path, short)
    assert result.exit_code == 0, result.output
    (path,) = saved(tmp_path)
    assert path == article_path(tmp_path, final)
    assert split_front_matter(path.read_text(encoding="utf-8"), "x")[0]["url"] == final
    assert add(tmp_path, final).stdout == f"already in {path}\n"
    assert site.hits["/news/2025/toll.html"] == 1


def test_a_chain_of_twenty_redirects_is_followed_and_one_more_is_not(site, tmp_path):
    site.page("/end", page_html())
    for hop in range(21):
        site.redirect(f"/hop/{hop}", f"/hop/{hop + 1}" if hop < 20 else "/end")
    assert add(tmp_path, site.url("/hop/1")).exit_code == 0  # 20 redirects
    result = add(tmp_path / "other", site.url("/hop/0"))  # 21
    assert result.exit_code == 3
    assert error_lines(result) == [
        f"briefing: error: {site.url('/hop/0')}: more than 20 redirects; stopped following them"
    ]


@pytest.mark.parametrize(
    ("content_type", "declaration"),
    [
        ("text/html; charset=windows-1252", ""),  # the server says
        ("text/html", '<meta charset="windows-1252">'),  # the page says
    ],
)
def test_the_declared_charset_is_used(site, tmp_path, content_type, declaration):
    html = page_html(paragraphs=[p.replace("residents", "résidents") for p in PARAGRAPHS])
    url = site.page(
        "/news/cafe.html",
        html.replace('<meta charset="utf-8">', declaration).encode("cp1252"),
        content_type=content_type,
    )
    assert add(tmp_path, url).exit_code == 0
    assert "résidents on both banks" in saved(tmp_path)[0].read_text(encoding="utf-8")


def test_a_page_the_reader_would_skip_is_not_saved(site, tmp_path):
    prompts = "".join(f"<p>Share {i} comments {i}</p><p>Read more {i}</p>" for i in range(30))
    url = site.page(
        "/news/prompts.html",
        f"<!doctype html><html><body><article><h1>Title</h1>{prompts}</article></body></html>",
    )
    result = add(tmp_path, url)
    assert result.exit_code == 3
    assert error_lines(result) == [
        f"briefing: error: {url}: mostly page furniture (interface text), not an article"
    ]
    assert saved(tmp_path) == []  # no temporary file left either


def test_a_feed_entry_fills_what_the_page_does_not_state(site, tmp_path):
    site.page("/news/undated.html", page_html(published=None))
    feed = site.page(
        "/feed.xml",
        rss([("Bridge toll delayed", "/news/undated.html", "Tue, 11 Mar 2025 09:30:00 GMT")]),
        content_type="application/rss+xml",
    )
    result = add(tmp_path, "--feed", feed)
    assert result.exit_code == 0, result.output
    (path,) = saved(tmp_path)
    front, _ = split_front_matter(path.read_text(encoding="utf-8"), path.name)
    assert front["date"] == "2025-03-11"  # from the feed
    assert front["title"] == "Council delays bridge toll decision"  # the page's own wins


# Failures: one line each, the rest go on


def endless(handler: BaseHTTPRequestHandler) -> None:
    """An HTML page that never ends (no Content-Length), up to a safety cap."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    chunk = b"<p>" + b"word " * 2000 + b"</p>\n"
    for _ in range(64 * 1024 * 1024 // len(chunk)):
        handler.wfile.write(chunk)


def hanging(site: Site) -> Callable[[BaseHTTPRequestHandler], None]:
    def serve(handler: BaseHTTPRequestHandler) -> None:
        site.release.wait()  # no answer at all until the test is over

    return serve


def trickling(site: Site) -> Callable[[BaseHTTPRequestHandler], None]:
    """A good page sent a few bytes at a time: each read is quick, the whole is slow."""

    def serve(handler: BaseHTTPRequestHandler) -> None:
        data = page_html().encode("utf-8")
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        for start in range(0, len(data), 50):
            handler.wfile.write(data[start : start + 50])
            handler.wfile.flush()
            if site.release.wait(0.05):
                return

    return serve


def truncated(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "50000")
    handler.end_headers()
    handler.wfile.write(page_html().encode("utf-8")[:500])


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


NO_ARTICLE = "no article text found (paywall or not an article)"
FAILURES = {
    "missing": (lambda s: s.url("/nowhere"), "the server answered 404 Not Found"),
    "server error": (
        lambda s: s.page("/boom", "oops", status=500),
        "the server answered 500 Internal Server Error",
    ),
    "paywall": (lambda s: s.page("/paywalled", PAYWALL), NO_ARTICLE),
    "not an article": (
        lambda s: s.page("/index", "<html><body><ul><li>Home</li><li>News</li></ul></body></html>"),
        NO_ARTICLE,
    ),
    "broken markup": (
        lambda s: s.page("/broken", b"\x00\x01<<<</\xff\xfe" * 40, content_type="text/html"),
        "not an HTML page that can be read",
    ),
    "not html": (
        lambda s: s.page("/report.pdf", b"%PDF-1.7 ...", content_type="application/pdf"),
        "not a web page (application/pdf)",
    ),
    "cut off": (
        lambda s: s.route("/cut", truncated),
        "the connection broke off after 500 of 50000 bytes",
    ),
    "redirect loop": (
        lambda s: s.redirect("/loop", "/loop"),
        "more than 20 redirects; stopped following them",
    ),
    "redirect to a file": (
        lambda s: s.redirect("/sneaky", "file:///etc/passwd"),
        "redirected to 'file:///etc/passwd', which is not an http or https link; "
        "only those are fetched",
    ),
    "not http": (
        lambda s: "ftp://127.0.0.1/article.txt",
        "not an http or https link; only those are fetched",
    ),
    "no host": (lambda s: "http:///article", "not a valid link (no host)"),
    "refused": (
        lambda s: f"http://127.0.0.1:{closed_port()}/article",
        "the connection failed (Connection refused)",
    ),
    "huge": (
        lambda s: s.page("/huge", b"<p>x</p>", headers={"Content-Length": str(50 * 1024 * 1024)}),
        "the page is 52.4 MB, over the 10 MB limit",
    ),
}


@pytest.mark.parametrize("kind", FAILURES)
def test_a_failed_link_is_one_line_and_the_rest_are_saved(site, tmp_path, kind):
    make, message = FAILURES[kind]
    bad = make(site)
    good = site.page("/news/toll.html", page_html())
    result = add(tmp_path, bad, good)
    assert result.exit_code == 3, result.output
    assert error_lines(result) == [f"briefing: error: {bad}: {message}"]
    assert "Traceback" not in result.output
    assert saved(tmp_path) == [article_path(tmp_path, good)]
    assert result.stdout == f"{article_path(tmp_path, good)}\n"


def test_a_page_with_no_answer_times_out(site, tmp_path):
    bad = site.route("/slow", hanging(site))
    result = add(tmp_path, "--timeout", "0.3", bad)
    assert result.exit_code == 3
    assert error_lines(result) == [
        f"briefing: error: {bad}: no complete answer within 0.3 s (--timeout)"
    ]


def test_the_timeout_covers_the_whole_page_not_each_read(site, tmp_path):
    bad = site.route("/trickle", trickling(site))
    result = add(tmp_path, "--timeout", "0.4", bad)
    assert result.exit_code == 3
    assert error_lines(result) == [
        f"briefing: error: {bad}: no complete answer within 0.4 s (--timeout)"
    ]
    assert saved(tmp_path) == []


def test_reading_stops_at_the_size_limit(site, tmp_path, monkeypatch):
    monkeypatch.setattr(briefing.intake, "MAX_RESPONSE_BYTES", 256 * 1024)
    bad = site.route("/endless", endless)
    result = add(tmp_path, bad)
    assert result.exit_code == 3
    assert error_lines(result) == [
        f"briefing: error: {bad}: the page is over the 0.25 MB limit; stopped reading it"
    ]
    # The client hung up long before the server's 64 MB were sent.
    assert site.finished.setdefault("/endless", threading.Event()).wait(10)
    assert site.cut_off == {"/endless"}
    assert saved(tmp_path) == []


# Feeds


def rss(items: list[tuple[str, str, str]]) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><pubDate>{day}</pubDate></item>"
        for title, link, day in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Riverside Courier</title><link>/</link>{entries}</channel></rss>"
    )


def test_a_feed_adds_its_entries_and_skips_those_already_there(site, tmp_path):
    first = site.page("/news/toll.html", page_html())
    second = site.page(
        "/news/ferry.html", page_html("Ferry timetable extended", published="2025-03-12")
    )
    feed = site.page(
        "/feed.xml",
        rss(
            [
                ("Council delays bridge toll decision", first, "Mon, 10 Mar 2025 08:00:00 GMT"),
                ("Ferry timetable extended", second, "Wed, 12 Mar 2025 07:00:00 GMT"),
            ]
        ),
        content_type="application/rss+xml; charset=utf-8",
    )
    assert add(tmp_path, first).exit_code == 0
    result = add(tmp_path, "--feed", feed)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"already in {article_path(tmp_path, first)}",
        str(article_path(tmp_path, second)),
    ]
    again = add(tmp_path, "--feed", feed)
    assert again.exit_code == 0
    assert [line.split()[0] for line in again.stdout.splitlines()] == ["already", "already"]
    assert site.hits == Counter({"/news/toll.html": 1, "/news/ferry.html": 1, "/feed.xml": 2})
    assert len(saved(tmp_path)) == 2


def test_an_atom_feed_with_relative_links_and_a_failing_entry(site, tmp_path):
    site.page("/news/toll.html", page_html())
    feed = site.page(
        "/atom.xml",
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Riverside Courier</title><id>urn:feed</id><updated>2025-03-10T08:00:00Z</updated>"
        '<entry><title>Toll</title><link href="/news/toll.html"/><id>urn:1</id>'
        "<updated>2025-03-10T08:00:00Z</updated></entry>"
        '<entry><title>Gone</title><link href="/news/gone.html"/><id>urn:2</id>'
        "<updated>2025-03-10T09:00:00Z</updated></entry>"
        "<entry><title>No link</title><id>urn:3</id><updated>2025-03-10T09:00:00Z</updated>"
        "</entry></feed>",
        content_type="application/atom+xml",
    )
    result = add(tmp_path, "--feed", feed)
    assert result.exit_code == 3
    assert result.stdout == f"{article_path(tmp_path, site.url('/news/toll.html'))}\n"
    assert error_lines(result) == [
        f"briefing: error: {site.url('/news/gone.html')}: the server answered 404 Not Found",
        f"briefing: error: {feed}: entry 'No link' has no http or https link",
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [(None, "the server answered 404 Not Found"), (page_html(), "not an RSS or Atom feed")],
)
def test_a_feed_that_cannot_be_read_is_one_line(site, tmp_path, body, message):
    feed = site.url("/feed.xml") if body is None else site.page("/feed.xml", body)
    good = site.page("/news/toll.html", page_html())
    result = add(tmp_path, good, "--feed", feed)
    assert result.exit_code == 3
    assert error_lines(result) == [f"briefing: error: {feed}: {message}"]
    assert result.stdout == f"{article_path(tmp_path, good)}\n"


# What the corpus makes of it


def test_added_pages_are_read_by_sources_and_generate(site, tmp_path):
    folder = tmp_path / "story"
    one = site.page("/news/toll.html", page_html())
    two = site.page(
        "/news/ferry.html",
        page_html(
            "Ferry timetable extended",
            outlet="Valley Herald",
            published="2025-03-12",
            paragraphs=FERRY,
        ),
    )
    assert add(folder, one, two).exit_code == 0
    result = run("sources", "--date", "2025-03-15", "--sources", str(folder), "--json")
    assert result.exit_code == 0, result.output
    rows = {row["title"]: row for row in json.loads(result.stdout)}
    assert {title: (row["outlet"], row["date"], row["status"]) for title, row in rows.items()} == {
        "Council delays bridge toll decision": ("Riverside Courier", "2025-03-10", "used"),
        "Ferry timetable extended": ("Valley Herald", "2025-03-12", "used"),
    }
    assert rows["Council delays bridge toll decision"]["words"] == words(PARAGRAPHS)
    assert rows["Ferry timetable extended"]["words"] == words(FERRY)
    out = tmp_path / "out"
    brief = run(
        "generate",
        "--date",
        "2025-03-15",
        "--sources",
        str(folder),
        "--output",
        str(out),
        "--format",
        "html",
    )
    assert brief.exit_code == 0, brief.output
    html = next(out.glob("*.html")).read_text(encoding="utf-8")
    assert "Riverside Courier" in html
    assert "Valley Herald" in html


# The command line


def test_add_needs_a_link_or_a_feed(tmp_path):
    result = add(tmp_path)
    assert result.exit_code == 2
    assert "give one or more URLs, or --feed FEED_URL" in result.output


def test_into_a_file_is_refused_before_anything_is_fetched(site, tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("mine", encoding="utf-8")
    url = site.page("/news/toll.html", page_html())
    result = add(target, url)
    assert result.exit_code == 2
    assert "is a file" in result.output
    assert site.hits["/news/toll.html"] == 0
    assert target.read_text(encoding="utf-8") == "mine"


# File names and front matter


def test_the_api_refuses_a_file_for_a_folder(tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(BriefingError, match="is not a folder; give --into a folder"):
        list(briefing.intake.add(target, ["http://127.0.0.1:9/a"], timeout=1))
    assert target.read_text(encoding="utf-8") == "mine"


def test_a_link_names_one_file_whatever_its_dress():
    folder = Path("f")
    base = article_path(folder, "https://www.example.org/2025/03/council-toll.html")
    assert base.name.startswith("example-org-council-toll-")
    for same in (
        "http://WWW.Example.org:80/2025/03/council-toll.html",
        "https://www.example.org/2025/03/council-toll.html/#top",
        "https://www.example.org/2025/03/council-toll.html?utm_campaign=x&fbclid=y",
    ):
        assert article_path(folder, same) == base, same
    for other in (
        "https://www.example.org/2025/03/council-toll.html?page=2",
        "https://www.example.org/2025/04/council-toll.html",
        "https://news.example.org/2025/03/council-toll.html",
    ):
        assert article_path(folder, other) != base, other
    assert normalize_url("https://example.org/a/?b=1#c") == "example.org/a?b=1"
    long = article_path(folder, "https://example.org/" + "word-" * 40)
    assert len(long.name) <= 60 + 1 + 12 + 3


def test_front_matter_round_trips_awkward_values():
    meta = Metadata(
        title='Toll: "yes" or no? #vote',
        outlet="null",
        author="2024-01-01",
        published=date(2025, 3, 10),
        url="https://example.org/a?b=1&c=2",
        language="en",
    )
    text = article_text(meta, ["First paragraph.", "Second — “quoted” paragraph."])
    front, body = split_front_matter(text, "a.md")
    read = metadata_from_front_matter(front, "a.md")
    assert (read.title, read.outlet, read.author, read.published, read.url, read.language) == (
        meta.title,
        meta.outlet,
        meta.author,
        meta.published,
        meta.url,
        meta.language,
    )
    assert body == "\nFirst paragraph.\n\nSecond — “quoted” paragraph.\n"


def test_control_characters_never_reach_the_file(site, tmp_path):
    html = page_html("Council\x07 delays\x1b bridge toll", author="Ana\x00 Lindqvist").replace(
        "voted on Monday", "voted\x0b on\x08 Monday"
    )
    url = site.page("/news/ctrl.html", html)
    assert add(tmp_path, url).exit_code == 0, "control characters must not stop the page"
    text = saved(tmp_path)[0].read_text(encoding="utf-8")
    assert not any(ord(c) < 32 and c not in "\n" for c in text)
    assert "voted on Monday" in text.replace("  ", " ")


def test_readme_shows_the_file_name_add_gives():
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = article_path(Path("~/briefs/bridge"), "https://example.org/news/bridge-toll")
    assert f"`{example}`" in readme
    limits = readme.split("### Adding articles", 1)[1].split("###", 1)[0]
    assert f"fewer than {briefing.intake.MIN_ARTICLE_WORDS} words" in limits
    assert f"more than {briefing.intake.MAX_REDIRECTS} redirects" in limits
    assert f"over {briefing.intake.MAX_RESPONSE_BYTES // 1024 // 1024} MB" in limits
