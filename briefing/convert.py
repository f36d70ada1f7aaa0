"""Print an edited Word draft to PDF with LibreOffice in headless mode.

Each run has its own LibreOffice profile, so it works while the user's LibreOffice is open, and
its own fontconfig setup, which adds the templates' fonts; both live in one temporary folder that
is removed afterwards, whatever happens.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from xml.etree import ElementTree

from briefing.errors import ConversionError

log = logging.getLogger(__name__)

SOFFICE_NAMES = ("soffice", "libreoffice")
DEBIAN_PACKAGE = "libreoffice-writer"
# A cold start on a fresh profile takes 3-10 s on a small machine; a run that takes this long is
# stuck (a dialog it cannot show, a broken install) and is stopped.
CONVERT_TIMEOUT = 180  # seconds
# Tagged PDF, so that screen readers follow the converted brief as they do the one `generate` writes.
PDF_FILTER = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
# The DOCX names the faces Word users have (tools/make_reference_docx.py); the PDF `generate` writes
# is set in the templates' Noto faces (brief.css). Where a machine lacks the former, the latter
# stand in, so the converted PDF looks like the generated one.
FONT_STAND_INS = {"Georgia": "Noto Serif", "Arial": "Noto Sans"}
SYSTEM_FONTCONFIG = "/etc/fonts/fonts.conf"
FONTS_FOLDER = "fonts"
IPC_FOLDERS = ("/tmp", "/var/tmp")  # where LibreOffice puts its IPC socket, first writable wins


def convert_draft(path: Path, templates: Path | None = None) -> tuple[bytes, bytes]:
    """Return the printable copy of the draft at `path` (DOCX) and that copy printed to PDF."""
    from briefing.read_docx import printable_draft
    from briefing.templating import templates_dir

    printable = printable_draft(path)
    log.info("Printing %s to PDF with LibreOffice", path)
    return printable, docx_to_pdf(printable, templates_dir(templates) / FONTS_FOLDER)


def find_soffice() -> str:
    """Return LibreOffice's command on PATH; raise `ConversionError` saying what to install."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise ConversionError(
        "LibreOffice is needed to print a DOCX draft to PDF and is not on PATH (soffice or "
        f"libreoffice); install it, e.g. sudo apt-get install {DEBIAN_PACKAGE}"
    )


def docx_to_pdf(docx: bytes, fonts: Path | None = None, timeout: float | None = None) -> bytes:
    """Return the PDF LibreOffice prints from `docx`, with the fonts in `fonts` available; give
    up after `timeout` seconds (default CONVERT_TIMEOUT)."""
    soffice = find_soffice()
    timeout = timeout or CONVERT_TIMEOUT
    with tempfile.TemporaryDirectory(prefix="briefing-soffice-") as name:
        work = Path(name)
        source, out, scratch = work / "draft.docx", work / "out", work / "tmp"
        scratch.mkdir()
        source.write_bytes(docx)
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",  # its own instance
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            PDF_FILTER,
            "--outdir",
            str(out),
            str(source),
        ]
        environment = {
            **os.environ,
            "FONTCONFIG_FILE": str(_write_fontconfig(work, fonts)),
            # LibreOffice's own scratch files stay in the folder that is removed afterwards.
            "TMPDIR": str(scratch),
            "TMP": str(scratch),
            "TEMP": str(scratch),
        }
        errors = _run(command, environment, timeout, _ipc_pipe(work / "profile"))
        printed = out / "draft.pdf"
        if not printed.is_file():
            reason = errors.strip().splitlines()[-1] if errors.strip() else "no PDF came out"
            raise ConversionError(f"LibreOffice could not print the draft to PDF: {reason}")
        return printed.read_bytes()


def _run(command: list[str], environment: dict[str, str], timeout: float, pipe: Path) -> str:
    """Run LibreOffice in its own process group; return its stderr. On a timeout or an interrupt
    the whole group is stopped, so no LibreOffice process outlives the run, and the IPC `pipe`
    it leaves behind is removed."""
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
        start_new_session=True,
    )
    finished = False
    try:
        _, errors = process.communicate(timeout=timeout)
        finished = True
    except subprocess.TimeoutExpired:
        raise ConversionError(
            f"LibreOffice did not finish printing the draft within {timeout:g} s; "
            "try again, or open the draft in LibreOffice to see what holds it up"
        ) from None
    finally:
        if not finished:
            _stop(process, pipe)
    return errors.decode("utf-8", "replace")


def _stop(process: subprocess.Popen, pipe: Path) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        process.kill()
    process.communicate()
    if pipe.is_socket():
        pipe.unlink(missing_ok=True)


def _ipc_pipe(profile: Path) -> Path:
    """The socket LibreOffice opens for the instance using `profile`. It is made in /tmp whatever
    TMPDIR says and removed on a clean exit, not when the process is killed. Its name holds the
    MD5 of the profile's URL in UTF-16LE, each byte in hex without leading zero (LibreOffice's
    desktop/source/app/officeipcthread.cxx and sal/osl/unx/pipe.cxx)."""
    digest = hashlib.md5(profile.as_uri().encode("utf-16-le"), usedforsecurity=False).digest()
    folder = next((d for d in IPC_FOLDERS if os.access(d, os.W_OK)), IPC_FOLDERS[0])
    name = "".join(f"{byte:x}" for byte in digest)
    return Path(folder) / f"OSL_PIPE_{os.geteuid()}_SingleOfficeIPC_{name}"


def _write_fontconfig(work: Path, fonts: Path | None) -> Path:
    """Write a fontconfig setup: the machine's own, plus the templates' fonts and stand-ins.

    Its cache folder comes first, so the cache of the fonts folder is written inside `work` and
    not into the user's cache, where every run would leave one more file.
    """
    root = ElementTree.Element("fontconfig")
    ElementTree.SubElement(root, "cachedir").text = str(work / "fontconfig")
    include = ElementTree.SubElement(root, "include", ignore_missing="yes")
    include.text = _system_fontconfig()
    if fonts is not None and fonts.is_dir():
        ElementTree.SubElement(root, "dir").text = str(fonts.resolve())
        for family, stand_in in FONT_STAND_INS.items():
            alias = ElementTree.SubElement(root, "alias", binding="same")
            ElementTree.SubElement(alias, "family").text = family
            accept = ElementTree.SubElement(alias, "accept")
            ElementTree.SubElement(accept, "family").text = stand_in
    path = work / "fonts.conf"
    ElementTree.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return path


def _system_fontconfig() -> str:
    """The fontconfig file the machine uses now: the user's choice, else the system's."""
    if os.environ.get("FONTCONFIG_FILE"):
        return os.environ["FONTCONFIG_FILE"]
    if os.environ.get("FONTCONFIG_PATH"):
        return str(Path(os.environ["FONTCONFIG_PATH"]) / "fonts.conf")
    return SYSTEM_FONTCONFIG
