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
