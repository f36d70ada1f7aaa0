"""The command line as a user meets it, and README kept honest about it."""

from __future__ import annotations

import re

import click
from conftest import ROOT, run

from briefing import __version__
from briefing.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert __version__ in result.output


def test_every_command_has_help():
    for name in main.commands:
        result = run(name, "--help")
        assert result.exit_code == 0
        assert "Usage: " in result.output


def test_readme_names_every_command_and_option():
    for name, command in main.commands.items():
        assert f"briefing {name}" in README
        for param in command.params:
            if isinstance(param, click.Option):
                assert any(opt in README for opt in param.opts), (
                    f"{name} {param.opts} missing from README"
                )
    for param in main.params:
        if isinstance(param, click.Option):
            assert any(opt in README for opt in param.opts)


def test_readme_keeps_exactly_two_setup_commands():
    setup = README.split("## Set up", 1)[1].split("##", 1)[0]
    commands = re.findall(r"^make \w+", setup, re.M)
    assert commands == ["make brief", "make test"]


def test_unexpected_errors_are_one_line_without_traceback(monkeypatch, tmp_path):
    import briefing.pipeline

    def broken(*args, **kwargs):
        raise KeyError("surprise")

    monkeypatch.setattr(briefing.pipeline, "build_brief", broken)
    result = run("generate", "--date", "2024-12-03", "--output", str(tmp_path))
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert "Traceback" not in result.output
    assert "--debug" in result.output


def test_bad_format_is_a_usage_error(tmp_path):
    result = run(
        "generate", "--date", "2024-12-03", "--format", "pdf,odt", "--output", str(tmp_path)
    )
    assert result.exit_code == 2
    assert "choose from pdf, docx, html" in result.output


def test_clean_seed_run_logs_no_warnings(tmp_path):
    result = run("generate", "--date", "2024-12-03", "--format", "html", "--output", str(tmp_path))
    assert result.exit_code == 0
    assert "warning" not in result.output


# --- hostile input (issue 12) ----------------------------------------------------------------------


def test_sources_prints_what_files_say_as_plain_visible_text(tmp_path):
    story = "The harbour authority approved a new ferry terminal on Monday after two years."
    for name, front in {
        "a.md": 'title: "Budget [/bold] row"\noutlet: "Post \\u009b2J"',
        "b.md": 'title: "[link=file:///x]y"\noutlet: "Wire"',
        "\x1b[2J.md": 'title: "Plain"\noutlet: "Wire"',
    }.items():
        (tmp_path / name).write_text(f"---\n{front}\ndate: 2024-12-01\n---\n{story}\n")
    result = run("sources", "--date", "2024-12-03", "--sources", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "Budget [/bold] row" in result.output
    assert "[link=file:///x]y" in result.output
    assert "Post \\x9b2J" in result.output
    assert "\\x1b[2J.md" in result.output
    assert not any(ch in result.output for ch in "\x1b\x9b\x07")


def test_a_window_reaching_before_the_year_1_lets_in_every_article(tmp_path):
    result = run(
        "generate", "--date", "2024-12-03", "--days", "1000000", "--format", "html",
        "--output", str(tmp_path),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    result = run("generate", "--date", "0001-01-01", "--days", "1", "--output", str(tmp_path))
    assert result.exit_code == 2
    assert result.output.startswith(
        "briefing: error: no usable article in 'seeds' up to 0001-01-01"
    )
    assert result.output.count("\n") == 1
