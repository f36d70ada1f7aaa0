"""The seed brief against the toolchain's floor, side by side.

    python bench/floor_bench.py [--runs 9]

The floor (issue 15) is WeasyPrint alone rendering this very brief: a fresh Python process that
imports WeasyPrint and writes the PDF from the exact HTML the brief uses (rendered once
beforehand and saved), with `render_pdf`'s base URL (the templates folder, so the same stylesheet
and fonts), paper stylesheet, PDF/UA variant and identifier. The brief is a fresh `briefing
generate --date 2024-12-03` (PDF, DOCX and the JSON record), with its article cache warm (as on
every run but the first) and with `--no-cache`. Runs alternate, so all see the same machine state;
the figures are the medians and their ratios. Then one run's stages, from its progress lines.
Target (issue 15): the brief within 1.25 times the floor.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_DAY = date(2024, 12, 3)
FLOOR = """
import weasyprint
html = weasyprint.HTML(string=open({html!r}, encoding="utf-8").read(), base_url={base!r})
paper = weasyprint.CSS(string="@page {{ size: A4 !important; }}")
html.render(stylesheets=[paper]).write_pdf(
    {out!r}, pdf_variant="pdf/ua-1", pdf_identifier={identifier!r}
)
"""
# One run of the brief in this process, printing when each stage began (seconds from the start).
TIMELINE = """
import json, logging, sys, time
start = time.perf_counter()
from briefing.cli import main
stages = [(time.perf_counter() - start, "imports done")]

class Stages(logging.Handler):
    def emit(self, record):
        if record.levelno == logging.INFO and not hasattr(record, "progress"):
            stages.append((time.perf_counter() - start, record.getMessage()))

for name in ("briefing.corpus", "briefing.pipeline"):
    logging.getLogger(name).addHandler(Stages(logging.INFO))
try:
    main({args!r}, standalone_mode=False)
finally:
    stages.append((time.perf_counter() - start, "written"))
    print(json.dumps(stages), file=sys.stderr)
"""


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT, env=env)
    return time.perf_counter() - start


def seed_html(folder: Path) -> tuple[Path, str, bytes]:
    """Write the seed brief's HTML as the PDF renderer makes it; return it, the base URL and the
    PDF identifier."""
    from briefing.options import Options
    from briefing.pipeline import build_brief
    from briefing.render_html import render_html
    from briefing.templating import templates_dir

    brief = build_brief(Options(sources=ROOT / "seeds", day=SEED_DAY, cache=False))
    templates = templates_dir(None)
    html = folder / "brief.html"
    html.write_text(render_html(brief, templates), encoding="utf-8")
    return html, templates.as_uri() + "/", brief.slug.encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    briefing = str(Path(sys.executable).with_name("briefing"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = {**os.environ, "BRIEFING_CACHE_DIR": str(work / "cache")}
        html, base, identifier = seed_html(work)
        floor_pdf = work / "floor.pdf"
        floor = [
            sys.executable,
            "-c",
            FLOOR.format(html=str(html), base=base, out=str(floor_pdf), identifier=identifier),
        ]
        out = work / "out"
        brief = [briefing, "-q", "generate", "--date", SEED_DAY.isoformat(), "--output", str(out)]
        commands = {"floor": floor, "brief": brief, "brief --no-cache": [*brief, "--no-cache"]}
        for command in commands.values():  # warm the file cache and the article cache
            timed(command, env)
        (brief_pdf,) = out.glob("*.pdf")
        same = "the same bytes" if floor_pdf.read_bytes() == brief_pdf.read_bytes() else "DIFFERENT"
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(timed(command, env))
        medians = {name: statistics.median(values) for name, values in times.items()}
        print(f"floor and brief PDFs: {same}; {args.runs} alternating runs each\n")
        print("| run | median (s) | runs (s) | ratio to the floor |")
        print("| --- | --- | --- | --- |")
        for name, values in times.items():
            spread = f"{min(values):.3f} - {max(values):.3f}"
            ratio = medians[name] / medians["floor"]
            print(f"| {name} | {medians[name]:.3f} | {spread} | {ratio:.2f} |")
        timeline = subprocess.run(
            [sys.executable, "-c", TIMELINE.format(args=brief[1:])],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env=env,
        )
        stages = json.loads(timeline.stderr.strip().splitlines()[-1])
        print(
            "\nOne brief (warm cache), when each stage began (s after Python started the script):"
        )
        print("; ".join(f"{at:.2f} {message}" for at, message in stages))


if __name__ == "__main__":
    main()
