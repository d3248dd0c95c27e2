"""The shell around the library: one error boundary, help for every command, the house plan."""

from __future__ import annotations

import ast
import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from conftest import ROOT
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx.cli import app
from relance_xlsx.wording import describe_os_error

runner = CliRunner()
PACKAGE = ROOT / "relance_xlsx"


def invoke(*args: str):
    return runner.invoke(app, list(args))


def _commands(group, prefix=()):
    """Every registered command path, found by walking the app (not a hand-written list)."""
    ctx = typer.Context(group)
    yield prefix
    for name in group.list_commands(ctx):
        sub = group.get_command(ctx, name)
        if hasattr(sub, "list_commands"):
            yield from _commands(sub, (*prefix, name))
        else:
            yield (*prefix, name)


COMMANDS = list(_commands(typer.main.get_command(app)))


def test_the_walk_finds_the_commands():
    assert {"run", "check", "send", "init"} <= {c[0] for c in COMMANDS if c}
    assert ("templates", "check") in COMMANDS


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "relance")
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_every_command_has_help_in_french(command, flag):
    result = invoke(*command, flag)
    assert result.exit_code == 0, result.output
    assert "Utilisation :" in result.stdout
    # Nothing a clerk reads is left in typer's English.
    english_words = ("Usage", "Show this message", "[required]", "Commands", "Example", "ARGS")
    for english in (*english_words, "<path>", "<bool>", "<str>", "{ledger}"):
        assert english not in result.stdout, english
    assert "Afficher cette aide" in result.stdout


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"relance-xlsx {relance_xlsx.__version__}"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["run"], "argument ou option manquant"),
        (["check", "x.xlsx", "--nonsense"], "option inconnue : --nonsense"),
        (["nonsense"], "commande inconnue : nonsense"),
        (["run", "x.xlsx", "--as-of", "demain"], "date attendue au format JJ/MM/AAAA"),
        # The format is right, the day is not (the user's review, finding 8).
        (["run", "x.xlsx", "--as-of", "31/02/2026"], "le 31/02/2026 n'existe pas au calendrier"),
        (["run", "x.xlsx", "--as-of", "2026-04-31"], "le 2026-04-31 n'existe pas au calendrier"),
    ],
    ids=[
        "missing-argument",
        "unknown-option",
        "unknown-command",
        "bad-date",
        "no-such-day",
        "no-such-iso-day",
    ],
)
def test_usage_errors_are_french_and_exit_2(args, expected):
    result = invoke(*args)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "Missing" not in result.stderr and "No such" not in result.stderr
    assert "Traceback" not in result.output


@pytest.fixture
def a_file(tmp_path):
    path = tmp_path / "somefile"
    path.write_text("not a folder", encoding="utf-8")
    return path


def test_out_under_a_file_is_one_sentence(sample, a_file):
    result = invoke("run", str(sample), "--out", str(a_file / "x"), "--no-write-back")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stderr.startswith("Erreur : ")
    assert "n'est pas un dossier" in result.stderr or "pas un dossier" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root writes")
def test_read_only_out_folder_is_one_sentence(sample, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = invoke("run", str(sample), "--out", str(locked / "x"), "--no-write-back")
    finally:
        locked.chmod(0o700)
    assert result.exit_code == 1
    assert "Accès refusé" in result.stderr
    assert "Traceback" not in result.output


def test_traceback_flag_shows_the_error(sample, a_file):
    result = invoke("--traceback", "run", str(sample), "--out", str(a_file / "x"), "--dry-run")
    # A dry run writes nothing, so it succeeds even with a bad --out.
    assert result.exit_code == 0
    result = invoke("--traceback", "run", str(sample), "--out", str(a_file / "x"))
    assert isinstance(result.exception, OSError)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (OSError(errno.ENOSPC, "No space left on device", "/d/lettre.docx"), "disque est plein"),
        (PermissionError(errno.EACCES, "Permission denied", "/d/x"), "Accès refusé à « /d/x »"),
        (OSError(errno.EROFS, "Read-only file system", "/mnt/x"), "lecture seule"),
        (NotADirectoryError(errno.ENOTDIR, "Not a directory", "/f/x"), "pas un dossier"),
        (FileNotFoundError(errno.ENOENT, "No such file", "a.xlsx"), "« a.xlsx » est introuvable"),
        (OSError(errno.EIO, "Input/output error", "/d/x"), "(Input/output error)"),
    ],
    ids=["disk-full", "permission", "read-only", "not-a-directory", "missing", "other"],
)
def test_os_errors_become_one_french_sentence(error, expected):
    text = describe_os_error(error)
    assert expected in text
    assert text.endswith(".") and "\n" not in text


@pytest.fixture
def small_disk(tmp_path):
    """A real 64 KiB file system (tmpfs), where the letters cannot all fit; root only."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_disk_full_is_one_sentence(sample, small_disk):
    result = invoke("run", str(sample), "--out", str(small_disk / "lettres"), "--no-write-back")
    assert result.exit_code == 1
    assert "Le disque est plein" in result.stderr
    assert "Traceback" not in result.output
    assert not list(small_disk.rglob("*"))  # no half-written letter, no 0-byte file


def test_disk_full_during_the_write_back_keeps_the_original(sample, small_disk):
    """The ledger on a disk too small for its new version: original kept, no partial file."""
    import shutil

    ledger = small_disk / sample.name
    shutil.copy2(sample, ledger)
    shutil.copy2(sample.with_name("relance.toml"), small_disk / "relance.toml")
    before = ledger.read_bytes()
    free = shutil.disk_usage(small_disk).free
    (small_disk / "remplissage").write_bytes(b"x" * max(free - 4096, 0))
    result = invoke("run", str(ledger), "--out", str(sample.parent / "lettres"))
    assert result.exit_code == 1, result.output
    assert "Le disque est plein" in result.stderr and "Traceback" not in result.output
    assert ledger.read_bytes() == before
    names = sorted(p.name for p in small_disk.rglob("*") if p.is_file() and "verrou" not in p.name)
    assert names == sorted([ledger.name, "relance.toml", "remplissage"]), names


def test_read_only_disk_is_one_sentence(sample, small_disk):
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    result = invoke("run", str(sample), "--out", str(small_disk / "lettres"), "--no-write-back")
    assert result.exit_code == 1
    assert "lecture seule" in result.stderr
    assert "Traceback" not in result.output


def test_the_library_takes_settings_and_never_looks_for_a_config(sample, tmp_path, monkeypatch):
    (sample.parent / "relance.toml").write_text(
        '[creditor]\nname = "Ne doit pas être lu"\n', encoding="utf-8"
    )
    monkeypatch.chdir(sample.parent)
    settings = relance_xlsx.Settings(creditor=relance_xlsx.Creditor(name="SARL Exemple"))
    result = relance_xlsx.run(sample, settings, as_of=relance_xlsx_day(), dry_run=True)
    assert result.config is None
    # Only the name was given: every letter lacks the rest of the creditor's identity.
    assert result.to_complete and not result.letters
    # Said in the words of the settings form, each missing setting once for the page.
    assert all("SIRET" in " ".join(x.missing) for x in result.to_complete)
    assert "creditor.siret" in result.missing_settings
    assert not any("creditor." in m for x in result.to_complete for m in x.missing)
    assert not any("Aucun relance.toml" in w for w in result.warnings)


def relance_xlsx_day():
    import datetime as dt

    return dt.date(2026, 11, 22)


def test_public_api_names():
    for name in ("run", "check", "send", "prepare_send", "load_settings", "Settings"):
        assert callable(getattr(relance_xlsx, name))
    for name in ("RunResult", "CheckResult", "SendResult", "LetterResult", "InvoiceResult"):
        assert isinstance(getattr(relance_xlsx, name), type)
    assert issubclass(relance_xlsx.LedgerError, relance_xlsx.RelanceError)


# -- the house plan -------------------------------------------------------------------------

# Each layer may import only from layers before it (the top-level glue first).
LAYERS = [
    {"errors"},
    {"userfiles"},
    {"config", "progress", "collector", "lazy", "pychild"},
    {"forking"},
    {"ooxml", "wording"},
    {"ledger"},
    {"policy", "bank"},
    {"letters", "workbook", "figures"},
    {"mail", "mailroom"},
    {"results"},
    {"display", "pipeline"},
    {"web"},
    {"cli"},
    {"__main__", "__init__"},
]
RANK = {name: i for i, layer in enumerate(LAYERS) for name in layer}


def _unit(path: Path) -> str:
    return path.relative_to(PACKAGE).with_suffix("").parts[0]


def _imports(path: Path) -> list[tuple[str, tuple[str, ...], int]]:
    """(unit imported, names, line) for every import of a sibling unit in the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    depth = len(path.relative_to(PACKAGE).parts) - 1
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            if node.level <= depth:
                continue  # inside the same subpackage
            names = tuple(a.name for a in node.names)
            if node.module:
                found.append((node.module.split(".")[0], names, node.lineno))
            else:
                # `from . import x`: a unit, or a name of the package's own face
                found += [(n if n in RANK else "__init__", (), node.lineno) for n in names]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("relance_xlsx"):
            rest = node.module.split(".")[1:] if node.module else []
            found.append((rest[0] if rest else "__init__", (), node.lineno))
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_go_one_way(path):
    unit = _unit(path)
    for target, _names, line in _imports(path):
        if target == unit or (target == "__init__" and unit == "cli"):
            continue
        assert RANK[target] < RANK[unit], f"{path.name}:{line} imports {target}"


@pytest.mark.parametrize(
    "path",
    [p for p in MODULES if len(p.relative_to(PACKAGE).parts) > 1],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_other_packages_import_only_a_face(path):
    """`from ..ledger import X`, never `from ..ledger.values import X`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 2 and node.module:
            parts = node.module.split(".")
            assert len(parts) == 1, f"{path.name}:{node.lineno} imports {node.module}"


# The domains a shell reaches only through the library's face (pipeline and the package).
DOMAINS = {
    "ledger",
    "policy",
    "bank",
    "letters",
    "workbook",
    "figures",
    "mail",
    "mailroom",
    "ooxml",
}


@pytest.mark.parametrize(
    "path",
    [p for p in MODULES if _unit(p) in {"cli", "web"}],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_the_shells_import_the_library_s_face_never_a_domain(path):
    """The CLI and the page are thin shells: a run, a check, the posting list, the templates'
    check all come through `pipeline` (or the package), never from `letters` or `ledger`."""
    reached = {target for target, _names, _line in _imports(path)} & DOMAINS
    assert not reached, f"{path.relative_to(PACKAGE)} imports {sorted(reached)}"


def test_the_top_holds_only_the_shell_and_the_glue():
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert top <= {
        "__init__",
        "__main__",
        "cli",
        "display",
        "pipeline",
        "results",
        "config",
        "errors",
        "progress",
        "collector",
        "forking",
        "lazy",
        "pychild",
    }


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_and_functions_stay_small(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 300
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            assert node.end_lineno - node.lineno < 80, f"{node.name} is too long"


def test_the_file_format_engine_knows_nothing_of_invoices():
    """Importing the engine loads nothing of the domain beyond what the package root loads."""
    code = (
        "import sys, relance_xlsx; before = set(sys.modules); import relance_xlsx.ooxml; "
        "print(sorted(m for m in set(sys.modules) - before if m.startswith('relance_xlsx') "
        "and not m.startswith('relance_xlsx.ooxml')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_console_script_is_the_boundary(tmp_path):
    exe = shutil.which("relance")
    if exe is None:
        pytest.skip("relance is not installed as a command")
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    done = subprocess.run([exe, "check", str(target / "nope.xlsx")], capture_output=True, text=True)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("Erreur : ")
