"""An email that carries a brief: key points as text and HTML, the PDF attached; an .eml or SMTP.

Credentials come from the environment (BRIEFING_SMTP_USER, BRIEFING_SMTP_PASSWORD), never from the
command line, where other users of the machine could read them.
"""

from __future__ import annotations

import os
import smtplib
import ssl
from collections.abc import Sequence
from datetime import UTC, datetime
from email.headerregistry import HeaderRegistry
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from briefing.errors import MailError
from briefing.model import Brief
from briefing.render_html import render_template, templates_dir
from briefing.untrusted import xml_safe

USER_VARIABLE = "BRIEFING_SMTP_USER"
PASSWORD_VARIABLE = "BRIEFING_SMTP_PASSWORD"
SENDER_VARIABLE = "BRIEFING_FROM"
DEFAULT_SENDER = "briefing@localhost"
SMTP_TIMEOUT = 30  # seconds; a mail server that does not answer in this time is reported
PORTS = 65536  # TCP port numbers run from 1 to 65535


def build_message(
    brief: Brief,
    pdf: bytes,
    filename: str,
    *,
    to: Sequence[str],
    cc: Sequence[str] = (),
    sender: str = "",
    subject: str = "",
    templates: Path | None = None,
) -> EmailMessage:
    """Return the message: plain text and HTML alternatives, and the PDF as an attachment."""
    headers = check_headers(to=to, cc=cc, sender=sender, subject=subject)
    message = EmailMessage()
    message["Subject"] = headers["Subject"] or _one_line(
        f"{brief.title} – {brief.date_label}", "the brief's title"
    )
    for name in ("From", "To", "Cc"):
        if headers[name]:
            message[name] = headers[name]
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = make_msgid(domain="briefing.invalid")
    message.set_content(plain_text(brief))
    html = render_template(templates_dir(templates), "email.html.j2", brief=brief)
    message.add_alternative(html, subtype="html")
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=filename)
    return message


def check_headers(
    *, to: Sequence[str], cc: Sequence[str] = (), sender: str = "", subject: str = ""
) -> dict[str, str]:
    """Return the header values the options give, or raise `MailError` naming the option: every
    value on one line (no header injection), every address whole."""
    if not to:
        raise MailError("no recipient: give at least one --to ADDRESS")
    from_variable = os.environ.get(SENDER_VARIABLE, "")
    return {
        "Subject": _one_line(subject, "--subject"),
        "From": _addresses(
            [sender or from_variable or DEFAULT_SENDER],
            "--from" if sender else SENDER_VARIABLE if from_variable else "the sender",
        ),
        "To": _addresses(to, "--to"),
        "Cc": _addresses(cc, "--cc") if cc else "",
    }


def _one_line(value: str, option: str) -> str:
    """Return a header value made XML-safe; a line break in it (a header injection) is refused."""
    if "\n" in value or "\r" in value:
        raise MailError(f"{option} must be one line")
    return xml_safe(value).strip()


def _addresses(values: Sequence[str], option: str) -> str:
    """Return the addresses as one header value; each must be a whole, well-formed address."""
    parse = HeaderRegistry()
    for value in values:
        text = _one_line(value, option)
        try:
            header = parse("To", text)
            addresses = header.addresses
        except (IndexError, ValueError):  # the parser fails on some malformed text ("a@")
            addresses, header = (), None
        if (
            not addresses
            or header is None
            or header.defects
            or not all(a.username and a.domain for a in addresses)
        ):
            raise MailError(f"{option} '{text}' is not an email address (name@example.org)")
    return ", ".join(_one_line(v, option) for v in values)


def plain_text(brief: Brief) -> str:
    """Return the key points as plain text, with their footnotes below."""
    key_points = brief.section("key_points")
    lines = [
        f"{brief.kind}{' · ' + brief.handling if brief.handling else ''}",
        brief.title,
        f"{brief.date_label} · {brief.period_label} · {brief.sources_label}",
        "",
        key_points.title.upper(),
        "",
    ]
    if key_points.is_empty:
        lines.append(key_points.empty_note)
    for s in key_points.statements:
        note = f" ({s.note})" if s.note else ""
        lines.append(f"- {s.text} [{s.citation.number}]{note}")
    lines.append("")
    lines.extend(f"[{s.citation.number}] {s.citation.text}" for s in key_points.statements)
    lines += ["", "The full brief, with every section and source, is attached as a PDF."]
    return "\n".join(lines) + "\n"


def write_eml(message: EmailMessage, path: Path) -> None:
    from briefing.output import write_bytes

    write_bytes(path, bytes(message))


def send(
    message: EmailMessage, server: str, *, starttls: bool = False, insecure_login: bool = False
) -> None:
    """Send over SMTP to `server` ("host:port"); raise `MailError` with the reason on failure.

    Credentials are sent only over an encrypted connection (`starttls`) unless `insecure_login`.
    """
    host, _, port_text = server.rpartition(":")
    if not host or not port_text.isdigit() or not 0 < int(port_text) < PORTS:
        raise MailError(f"--smtp '{server}' must be HOST:PORT, e.g. smtp.example.org:587")
    user = os.environ.get(USER_VARIABLE, "")
    password = os.environ.get(PASSWORD_VARIABLE, "")
    if user and not starttls and not insecure_login:
        raise MailError(
            f"refusing to send the {USER_VARIABLE} login to {server} unencrypted: add --starttls, "
            "or --insecure-login for a server you trust on a network you trust"
        )
    try:
        # local_hostname: without it smtplib asks DNS for this machine's name, which can hang offline.
        with smtplib.SMTP(
            host, int(port_text), local_hostname="localhost", timeout=SMTP_TIMEOUT
        ) as smtp:
            if starttls:
                smtp.starttls(context=ssl.create_default_context())
            if user:
                smtp.login(user, password)
            smtp.send_message(message)
    # UnicodeError: a host name IDNA cannot encode (a label over 63 characters).
    except (OSError, smtplib.SMTPException, UnicodeError) as exc:
        reason = getattr(exc, "smtp_error", b"") or str(exc) or type(exc).__name__
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise MailError(f"sending to {server} failed: {reason}") from None
