"""Text from outside made safe once, where it is read: XML-safe for the documents, visible on a
terminal, and web addresses only where a link is made.

Articles, profiles and command-line values may hold any character. The DOCX and PDF are XML (and
lxml refuses what XML 1.0 cannot hold), and a terminal obeys control characters, so a stray byte in
one article must neither stop a brief nor print a line the tool did not write.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Characters XML 1.0 cannot hold: C0 controls but tab, newline and carriage return; the code points
# U+FFFE and U+FFFF; halves of surrogate pairs (a Python string holds them after a lone \ud800
# escape in YAML or TOML, or a command-line argument that is not UTF-8). Carriage returns go too:
# text is read with newlines only.
_NOT_XML = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")
# Vertical tab, form feed and the file/group/record separators end a line for Python's
# `splitlines`: they become the newline they stand for, so no two words are glued together.
_LINE_BREAKING = re.compile("[\x0b\x0c\x1c-\x1e]")
# Shown as escapes on a terminal: every control character (C0, DEL, C1), line and paragraph
# separators, bidirectional overrides and isolates (they reorder what a reader sees), the
# non-characters U+FFFE/U+FFFF and surrogate halves.
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_SHORT_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
WEB_SCHEMES = frozenset({"http", "https"})


def xml_safe(text: str) -> str:
    """Return `text` without the characters an XML document cannot hold."""
    return _NOT_XML.sub("", _LINE_BREAKING.sub("\n", text))


def visible(text: str) -> str:
    """Return `text` with every control character written as an escape (`\\n`, `\\x1b`, ...), so
    that printing it shows exactly what it holds, on one line."""
    return _INVISIBLE.sub(_escape, text)


def visible_name(name: str) -> str:
    """Return a file name as `visible` shows it, backslashes doubled, so that two different names
    never look alike (a name holding a newline and one holding a backslash and an "n")."""
    return visible(name.replace("\\", "\\\\"))


def web_url(text: str) -> str:
    """Return `text` if it is an http(s) address with a host, else "" (no `javascript:`, `file:`,
    `data:` or relative link ever reaches a document)."""
    text = text.strip()
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return ""
    return text if parts.scheme.lower() in WEB_SCHEMES and parts.hostname else ""


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
