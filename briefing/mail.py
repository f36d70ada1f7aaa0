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
from email.headerregistry import HeaderRegistry
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from briefing.errors import MailError, TemplateError
from briefing.model import Brief, Statement
from briefing.read_docx import DraftSummary, Passage
from briefing.templating import EMAIL_TEMPLATE, render_template, templates_dir
from briefing.untrusted import xml_safe

USER_VARIABLE = "BRIEFING_SMTP_USER"
PASSWORD_VARIABLE = "BRIEFING_SMTP_PASSWORD"
SENDER_VARIABLE = "BRIEFING_FROM"
DEFAULT_SENDER = "briefing@localhost"
SMTP_TIMEOUT = 30  # seconds; a mail server that does not answer in this time is reported
MAX_HEADER_LINE = 998  # RFC 5322, 2.1.1: the longest line a message may hold
DOCX_SUBTYPE = "vnd.openxmlformats-officedocument.wordprocessingml.document"
PORTS = 65536  # TCP port numbers run from 1 to 65535


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
    insecure_login: bool = False  # send the login over an unencrypted connection
    eml: Path | None = None  # write the message here instead of sending it
    keep_folder: Path = Path("output")  # where a message that could not be sent is kept

    def check(self) -> None:
        """Raise `MailError` when the message has nowhere to go or a header is malformed."""
        check_headers(to=self.to, cc=self.cc, sender=self.sender, subject=self.subject)
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
    headers = check_headers(
        to=delivery.to, cc=delivery.cc, sender=delivery.sender, subject=delivery.subject
    )
    message = EmailMessage()
    message["Subject"] = (
        summary.marked(headers["Subject"])
        if headers["Subject"]
        else _one_line(summary.subject, "the brief's title")
    )
    for name in ("From", "To", "Cc"):
        if headers[name]:
            message[name] = headers[name]
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
    folder = templates_dir(templates)
    try:
        return render_template(folder, EMAIL_TEMPLATE, summary=summary)
    except TemplateError as exc:
        if "undefined" not in str(exc):
            raise
        raise MailError(  # e.g. a copy made when the template received `brief`
            f"{exc}; it receives `summary`, see the {EMAIL_TEMPLATE} shipped with briefing"
        ) from None


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
