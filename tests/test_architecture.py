"""The shape of the code: stages that never import each other in a circle, vocabulary as data,
and a README that names every module."""

from __future__ import annotations

import ast
import re

from conftest import ROOT

PACKAGE = ROOT / "briefing"
MAX_LITERAL_WORDS = 5  # a few items inline are fine ("and", "or"); a vocabulary belongs in data
# Literals that are a schema, not vocabulary: the columns of `briefing sources`, the settings a
# profile may hold, the options that build a brief, LibreOffice's command line, the modules whose
# code is the article cache's reader version.
SCHEMA = {
    ("cli", "file"),
    ("profile", "title"),
    ("cli", "day"),
    ("convert", "--headless"),
    ("cache", "cleaning"),
    ("pipeline", "dates"),  # the modules a digest depends on, like the reader's above
}


def modules() -> dict[str, ast.Module]:
    return {p.stem: ast.parse(p.read_text(encoding="utf-8")) for p in PACKAGE.glob("*.py")}


def imports(tree: ast.Module) -> set[str]:
    """Every briefing module a module imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("briefing"):
            parts = node.module.split(".")
            if len(parts) > 1:
                found.add(parts[1])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("briefing."):
                    found.add(alias.name.split(".")[1])
    return found


def test_no_two_modules_import_each_other_directly_or_in_a_loop():
    graph = {name: imports(tree) & set(modules()) for name, tree in modules().items()}
    state: dict[str, str] = {}

    def visit(name: str, path: list[str]) -> None:
        state[name] = "open"
        for other in sorted(graph[name]):
            assert state.get(other) != "open", "import cycle: " + " -> ".join([*path, other])
            if other not in state:
                visit(other, [*path, other])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])


def test_no_word_list_lives_in_code():
    offenders = []
    for name, tree in modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.List | ast.Tuple | ast.Set):
                words = [
                    e.value
                    for e in node.elts
                    if isinstance(e, ast.Constant)
                    and isinstance(e.value, str)
                    and re.search(r"[a-z]{2}", e.value, re.I)
                ]
                if len(words) > MAX_LITERAL_WORDS and (name, words[0]) not in SCHEMA:
                    offenders.append(f"{name}.py:{node.lineno}: {words[:3]}...")
            # An alternation of many words in a pattern is a word list too.
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value.count("|") > MAX_LITERAL_WORDS
                and re.search(r"(?:[a-z]{3,}\|){5}", node.value)
            ):
                offenders.append(f"{name}.py:{node.lineno}: {node.value[:40]}...")
    assert offenders == []


def test_readme_table_names_every_module():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## How it works") :]
    table = table[: table.index("\n## ", 5)]
    named = set(re.findall(r"`(\w+)\.py`", table))
    present = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__", "__main__"}
    assert named == present


def test_every_data_file_names_its_source():
    for path in (PACKAGE / "data").glob("*.toml"):
        head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        assert "Source:" in head, path.name
