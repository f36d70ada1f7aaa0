"""An email that carries a brief: key points as text and HTML, the PDF attached; an .eml or SMTP.

Credentials come from the environment (BRIEFING_SMTP_USER, BRIEFING_SMTP_PASSWORD), never from the
command line, where other users of the machine could read them.
"""

from __future__ import annotations

import os
import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from briefing.errors import MailError
from briefing.model import Brief
from briefing.templating import EMAIL_TEMPLATE, environment, templates_dir

USER_VARIABLE = "BRIEFING_SMTP_USER"
PASSWORD_VARIABLE = "BRIEFING_SMTP_PASSWORD"
DEFAULT_SENDER = "briefing@localhost"
SMTP_TIMEOUT = 30  # seconds; a mail server that does not answer in this time is reported


@dataclass(frozen=True)
class Delivery:
    """Where a brief's email goes: recipients, sender, subject, and the server or file."""

    to: Sequence[str]
    cc: Sequence[str] = ()
    sender: str = ""
    subject: str = ""
    smtp: str | None = None  # "host:port"
    starttls: bool = False
    eml: Path | None = None  # write the message here instead of sending it
    keep_folder: Path = Path("output")  # where a message that could not be sent is kept

    def check(self) -> None:
        """Raise `MailError` when the message has nowhere to go."""
        if not self.to:
            raise MailError("no recipient: give at least one --to ADDRESS")
        if self.eml is None and self.smtp is None:
            raise MailError(
                "say where the message goes: --smtp HOST:PORT to send it, or --eml FILE to write it"
            )


def build_message(
    brief: Brief,
    pdf: bytes,
    filename: str,
    delivery: Delivery,
    templates: Path | None = None,
) -> EmailMessage:
    """Return the message: plain text and HTML alternatives, and the PDF as an attachment."""
    if not delivery.to:
        raise MailError("no recipient: give at least one --to ADDRESS")
    message = EmailMessage()
    message["Subject"] = delivery.subject or f"{brief.title} – {brief.date_label}"
    message["From"] = delivery.sender or os.environ.get("BRIEFING_FROM", DEFAULT_SENDER)
    message["To"] = ", ".join(delivery.to)
    if delivery.cc:
        message["Cc"] = ", ".join(delivery.cc)
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = make_msgid(domain="briefing.invalid")
    message.set_content(plain_text(brief))
    html = environment(templates_dir(templates)).get_template(EMAIL_TEMPLATE).render(brief=brief)
    message.add_alternative(html, subtype="html")
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=filename)
    return message


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
    lines += ["", brief.labels.attached]
    return "\n".join(lines) + "\n"


def write_eml(message: EmailMessage, path: Path) -> None:
    from briefing.output import write_bytes

    write_bytes(path, bytes(message))


def send(message: EmailMessage, server: str, *, starttls: bool = False) -> None:
    """Send over SMTP to `server` ("host:port"); raise `MailError` with the reason on failure."""
    host, _, port_text = server.rpartition(":")
    if not host or not port_text.isdigit():
        raise MailError(f"--smtp '{server}' must be HOST:PORT, e.g. smtp.example.org:587")
    user = os.environ.get(USER_VARIABLE, "")
    password = os.environ.get(PASSWORD_VARIABLE, "")
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
    except (OSError, smtplib.SMTPException) as exc:
        reason = getattr(exc, "smtp_error", b"") or str(exc) or type(exc).__name__
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise MailError(f"sending to {server} failed: {reason}") from None
