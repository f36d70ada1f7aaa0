"""`briefing email`: the message, an .eml file, and a real SMTP exchange with a local server."""

from __future__ import annotations

import email
import os
import socket
import stat
from email import policy

import pytest
from conftest import SEEDS, run

PDF_NAME = "2024-12-03-ukraines-bid-for-a-nato-invitation.pdf"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """An aiosmtpd handler that keeps what it receives."""

    def __init__(self) -> None:
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    logins = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        from aiosmtpd.smtp import AuthResult

        logins.append((auth_data.login.decode(), auth_data.password.decode()))
        return AuthResult(success=auth_data.password == b"s3cret")

    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=free_port(),
        server_hostname="localhost",
        authenticator=authenticator,
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield controller, inbox, logins
    finally:
        controller.stop()


def email_args(*extra: str) -> list[str]:
    return [
        "email",
        "--date",
        "2024-12-03",
        "--sources",
        str(SEEDS),
        "--to",
        "minister@example.org",
        *extra,
    ]


def read(path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)


def test_eml_holds_text_html_and_the_pdf(tmp_path):
    target = tmp_path / "brief.eml"
    result = run(
        *email_args("--cc", "desk@example.org", "--from", "unit@example.org", "--eml", str(target))
    )
    assert result.exit_code == 0, result.output
    message = read(target)
    assert message["To"] == "minister@example.org"
    assert message["Cc"] == "desk@example.org"
    assert message["From"] == "unit@example.org"
    assert (
        message["Subject"]
        == "[For internal use] Ukraine's bid for a NATO invitation – 3 December 2024"
    )
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "KEY POINTS" in text
    assert "[1]" in text
    assert "<li" in html
    assert "Key points" in html
    attachments = list(message.iter_attachments())
    assert len(attachments) == 1
    pdf = attachments[0]
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_filename() == PDF_NAME
    assert pdf.get_content().startswith(b"%PDF-")


def test_message_reaches_a_local_smtp_server_intact(smtp_server, tmp_path, monkeypatch):
    controller, inbox, logins = smtp_server
    monkeypatch.setenv("BRIEFING_SMTP_USER", "analyst")
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", "s3cret")
    result = run(
        *email_args(
            "--subject",
            "Morning brief",
            "--smtp",
            f"127.0.0.1:{controller.port}",
            "--insecure-login",  # the test server speaks no TLS
            "--output",
            str(tmp_path),
        )
    )
    assert result.exit_code == 0, result.output
    assert logins == [("analyst", "s3cret")]
    assert len(inbox.envelopes) == 1
    envelope = inbox.envelopes[0]
    assert envelope.rcpt_tos == ["minister@example.org"]
    message = email.message_from_bytes(envelope.content, policy=policy.default)
    assert message["Subject"] == "[For internal use] Morning brief"  # the handling mark stays
    pdf = next(message.iter_attachments())
    assert pdf.get_filename() == PDF_NAME
    assert pdf.get_content().startswith(b"%PDF-")
    assert not list(tmp_path.glob("*.eml"))


def test_smtp_failure_is_reported_and_the_message_kept(tmp_path):
    port = free_port()  # nothing listens there
    result = run(*email_args("--smtp", f"127.0.0.1:{port}", "--output", str(tmp_path)))
    assert result.exit_code == 2
    assert f"sending to 127.0.0.1:{port} failed" in result.output
    kept = tmp_path / "2024-12-03-ukraines-bid-for-a-nato-invitation.eml"
    assert str(kept) in result.output
    assert next(read(kept).iter_attachments()).get_filename() == PDF_NAME


def test_rejected_recipient_is_reported_and_nothing_lost(smtp_server, tmp_path):
    controller, inbox, _ = smtp_server

    async def refuse(server, session, envelope, address, rcpt_options):
        return "550 5.1.1 mailbox unavailable"

    inbox.handle_RCPT = refuse
    result = run(*email_args("--smtp", f"127.0.0.1:{controller.port}", "--output", str(tmp_path)))
    assert result.exit_code == 2
    assert "mailbox unavailable" in result.output
    assert inbox.envelopes == []
    assert list(tmp_path.glob("*.eml"))


def test_no_destination_is_a_clear_error():
    result = run(*email_args())
    assert result.exit_code == 2
    assert "--smtp HOST:PORT" in result.output


def test_password_is_never_an_option():
    result = run("email", "--help")
    assert "password" not in result.output.lower().split("briefing_smtp_password")[0]
    assert "BRIEFING_SMTP_PASSWORD" in result.output


def test_an_outdated_email_template_is_a_clear_error(tmp_path):
    import shutil

    from conftest import ROOT

    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    (templates / "email.html.j2").write_text("<h1>{{ brief.title }}</h1>", encoding="utf-8")
    result = run(*email_args("--templates", str(templates), "--eml", str(tmp_path / "m.eml")))
    assert result.exit_code == 2
    assert f"{templates / 'email.html.j2'}: 'brief' is undefined; it receives `summary`" in (
        result.output
    )
    assert not (tmp_path / "m.eml").exists()


def test_attach_docx_attaches_the_new_briefs_draft(tmp_path):
    target = tmp_path / "brief.eml"
    result = run(*email_args("--attach-docx", "--eml", str(target)))
    assert result.exit_code == 0, result.output
    attachments = list(read(target).iter_attachments())
    assert [a.get_filename() for a in attachments] == [PDF_NAME, PDF_NAME[:-4] + ".docx"]
    assert attachments[1].get_content_type().endswith("wordprocessingml.document")
    assert attachments[1].get_content().startswith(b"PK")


# --- hostile input (issue 12) ----------------------------------------------------------------------


def test_credentials_are_never_sent_unencrypted_unless_asked(smtp_server, tmp_path, monkeypatch):
    controller, inbox, logins = smtp_server
    monkeypatch.setenv("BRIEFING_SMTP_USER", "analyst")
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", "s3cret")
    result = run(*email_args("--smtp", f"127.0.0.1:{controller.port}", "--output", str(tmp_path)))
    assert result.exit_code == 2
    assert "refusing to send the BRIEFING_SMTP_USER login" in result.output
    assert "--starttls" in result.output
    assert "--insecure-login" in result.output
    assert logins == []
    assert inbox.envelopes == []
    assert list(tmp_path.glob("*.eml"))  # a failed send keeps the message


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--to", "", "--to '' is not an email address"),
        ("--to", "desk", "--to 'desk' is not an email address"),
        ("--to", "desk@", "--to 'desk@' is not an email address"),
        ("--to", "a@example.org\nBcc: spy@example.net", "--to must be one line"),
        ("--cc", "a@example.org\r\nBcc: spy@example.net", "--cc must be one line"),
        ("--from", "unit@example.org\nBcc: spy@example.net", "--from must be one line"),
        ("--subject", "Brief\nBcc: spy@example.net", "--subject must be one line"),
    ],
)
def test_headers_are_one_line_and_addresses_whole(tmp_path, option, value, message):
    target = tmp_path / "brief.eml"
    result = run(*email_args(option, value, "--eml", str(target)))
    assert result.exit_code == 2
    assert result.output.startswith(f"briefing: error: {message}")
    assert result.output.count("\n") == 1
    assert not target.exists()


def test_a_sender_variable_with_a_newline_is_one_line_exit_2(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_FROM", "unit@example.org\nBcc: spy@example.net")
    result = run(*email_args("--eml", str(tmp_path / "brief.eml")))
    assert result.exit_code == 2
    assert result.output == "briefing: error: BRIEFING_FROM must be one line\n"


def test_a_profile_title_with_a_newline_is_one_line_exit_2(tmp_path):
    sources = tmp_path / "in"
    sources.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (sources / seed.name).write_bytes(seed.read_bytes())
    (sources / "brief.toml").write_text('title = "Brief\\nBcc: spy@example.net"\n')
    result = run(*email_args("--sources", str(sources), "--eml", str(tmp_path / "brief.eml")))
    assert result.exit_code == 2
    assert result.output == f"briefing: error: {sources / 'brief.toml'}: 'title' must be one line\n"


def test_a_host_name_dns_cannot_hold_fails_in_one_line_and_keeps_the_message(tmp_path):
    host = "a" * 64 + ".example.org"  # a DNS label holds 63 characters at most
    result = run(*email_args("--smtp", f"{host}:25", "--output", str(tmp_path)))
    assert result.exit_code == 2
    assert result.output.startswith(f"briefing: error: sending to {host}:25 failed")
    assert result.output.count("\n") == 1
    kept = tmp_path / "2024-12-03-ukraines-bid-for-a-nato-invitation.eml"
    assert next(read(kept).iter_attachments()).get_filename() == PDF_NAME


def test_eml_never_replaces_a_pipe_or_a_device(tmp_path):
    pipe = tmp_path / "pipe.eml"
    os.mkfifo(pipe)
    result = run(*email_args("--eml", str(pipe)))
    assert result.exit_code == 2
    assert f"{pipe}: is a pipe, not a regular file" in result.output
    assert pipe.is_fifo()
    link = tmp_path / "null.eml"
    link.symlink_to(os.devnull)
    result = run(*email_args("--eml", str(link)))
    assert result.exit_code == 2
    assert "is a symbolic link, not a regular file" in result.output
    assert link.is_symlink()
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_key_points_carry_their_dates_glosses_and_the_handling_mark(tmp_path):
    target = tmp_path / "brief.eml"
    result = run(*email_args("--eml", str(target)))
    assert result.exit_code == 0, result.output
    message = read(target)
    assert message["Subject"].startswith("[For internal use] ")
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert text.startswith("Policy brief · For internal use\n")
    assert "insisted this weekend. [3] (this weekend: 30 November – 1 December 2024)" in text
    assert "this weekend: 30 November – 1 December 2024" in html


def test_an_older_key_point_shows_its_date_in_the_email():
    from dataclasses import replace

    from briefs import sample_brief

    from briefing.mail import plain_text, summarize_brief
    from briefing.model import Section

    brief = sample_brief()
    old = replace(brief.sections[0].statements[0], dated="Published 17 April 2025", new=True)
    brief = replace(brief, sections=(Section("key_points", "Key points", statements=(old,)),))
    summary = summarize_brief(brief)
    assert summary.subject == "[Restricted] Port strike – 7 May 2025"
    assert "Dock workers stayed out. [1] (New · Published 17 April 2025)" in plain_text(summary)
