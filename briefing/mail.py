"""An email that carries a brief: key points as text and HTML, the PDF attached; an .eml or SMTP.

The body is made from a `DraftSummary`: of a brief just built, or of the edited draft the analyst
sends (`briefing email --docx`), so that the body says what the attached PDF says.
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
from briefing.model import Brief, Statement
from briefing.read_docx import DraftSummary, Passage
from briefing.templating import EMAIL_TEMPLATE, environment, templates_dir

USER_VARIABLE = "BRIEFING_SMTP_USER"
PASSWORD_VARIABLE = "BRIEFING_SMTP_PASSWORD"
DEFAULT_SENDER = "briefing@localhost"
SMTP_TIMEOUT = 30  # seconds; a mail server that does not answer in this time is reported
MAX_HEADER_LINE = 998  # RFC 5322, 2.1.1: the longest line a message may hold
DOCX_SUBTYPE = "vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Attachment:
    """A file the message carries."""

    filename: str
    data: bytes
    subtype: str = "pdf"  # of maintype "application"


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
    summary: DraftSummary,
    attachments: Sequence[Attachment],
    delivery: Delivery,
    templates: Path | None = None,
) -> EmailMessage:
    """Return the message: plain text and HTML alternatives, and the attachments."""
    if not delivery.to:
        raise MailError("no recipient: give at least one --to ADDRESS")
    message = EmailMessage()
    message["Subject"] = summary.marked(delivery.subject) if delivery.subject else summary.subject
    message["From"] = delivery.sender or os.environ.get("BRIEFING_FROM", DEFAULT_SENDER)
    message["To"] = ", ".join(delivery.to)
    if delivery.cc:
        message["Cc"] = ", ".join(delivery.cc)
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = make_msgid(domain="briefing.invalid")
    message.set_content(plain_text(summary))
    message.add_alternative(_html(summary, templates), subtype="html")
    for attachment in attachments:
        message.add_attachment(
            attachment.data,
            maintype="application",
            subtype=attachment.subtype,
            filename=attachment.filename,
        )
    # The bodies are encoded by now; headers are folded when the message is written. Folding a
    # subject of more than 78 characters just before an encoded word ("–") makes Python's email
    # package leave a space on both sides of the fold, which a reader sees as two. Header lines
    # may be 998 characters long (RFC 5322), so a subject is written on one line.
    message.policy = message.policy.clone(max_line_length=MAX_HEADER_LINE)
    return message


def _html(summary: DraftSummary, templates: Path | None) -> str:
    import jinja2

    folder = templates_dir(templates)
    try:
        return environment(folder).get_template(EMAIL_TEMPLATE).render(summary=summary)
    except jinja2.UndefinedError as exc:  # e.g. a copy made when the template received `brief`
        raise MailError(
            f"{folder / EMAIL_TEMPLATE}: {exc.message}; it receives `summary`, "
            "see the email.html.j2 shipped with briefing"
        ) from None


def summarize_brief(brief: Brief) -> DraftSummary:
    """Return what the email shows of a brief just built: the draft as `generate` writes it."""
    key_points = brief.section("key_points")
    statements = key_points.statements
    return DraftSummary(
        title=brief.title,
        date_label=brief.date_label,
        masthead=brief.kind + (f" · {brief.handling}" if brief.handling else ""),
        handling=brief.handling,
        meta=f"{brief.period_label} · {brief.sources_label}",
        key_points_title=key_points.title,
        key_points=tuple(_passage(s, brief) for s in statements),
        empty_note=key_points.empty_note if key_points.is_empty else "",
        footnotes=tuple((s.citation.number, s.citation.text) for s in key_points.all_statements()),
        closing=brief.labels.attached,
    )


def _passage(s: Statement, brief: Brief) -> Passage:
    """A key point as the draft prints it: speaker, quoted text, other sources' accounts, and
    the brief's own words beside it (the "New" mark, glosses, its date, notes)."""
    text = f"{s.speaker}: {s.quoted}" if s.speaker else s.quoted
    notes = [s.citation.number]
    for variant in s.variants:
        text += f" [{s.citation.number}] {brief.labels.other_account} {variant.quoted}"
        notes = [variant.citation.number]
    # The email sets the labels apart in parentheses already: the glosses go without brackets.
    marks = (brief.labels.new if s.new else "", "; ".join(s.glosses), s.dated, s.note)
    return Passage(text, tuple(notes), " · ".join(mark for mark in marks if mark))


def plain_text(summary: DraftSummary) -> str:
    """Return the key points and the assessment as plain text, with their footnotes below."""
    lines = [
        summary.masthead,
        summary.title,
        " · ".join(part for part in (summary.date_label, summary.meta) if part),
        "",
        summary.key_points_title.upper(),
        "",
    ]
    if not summary.key_points:
        lines.append(summary.empty_note)
    lines.extend(f"- {_plain_passage(p)}" for p in summary.key_points)
    if summary.assessment:
        lines += ["", summary.assessment_title.upper()]
        for passage in summary.assessment:
            lines += ["", _plain_passage(passage)]
    if summary.footnotes:
        lines.append("")
        lines.extend(f"[{number}] {text}" for number, text in summary.footnotes)
    lines += ["", summary.closing]
    return "\n".join(lines) + "\n"


def _plain_passage(passage: Passage) -> str:
    marks = "".join(f" [{n}]" for n in passage.notes)
    label = f" ({passage.label})" if passage.label else ""
    return f"{passage.text}{marks}{label}"


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
