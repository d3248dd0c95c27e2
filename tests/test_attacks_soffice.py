"""[pdf] soffice: a relance.toml planted beside the ledger never makes relance-xlsx run a
program of its choosing; LibreOffice named by its full path elsewhere still runs."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from hostile_files import workbook
from test_attacks import _office, _with_config, relance, said_in_french

from relance_xlsx.config import load_settings
from relance_xlsx.errors import ConfigError
from relance_xlsx.letters import soffice_binary


def _program(path: Path) -> Path:
    """An executable file at path that leaves a mark if it ever runs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\necho ran > '{path.parent / 'RAN'}'\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


# value of [pdf] soffice, written from the office folder (the ledger's, where relance.toml
# is) and another folder: "{office}/…", "{elsewhere}/…"; None: accepted.
PATHS = {
    "elsewhere-soffice": ("{elsewhere}/program/soffice", None),
    "elsewhere-libreoffice": ("{elsewhere}/bin/libreoffice", None),
    "elsewhere-soffice.exe": ("{elsewhere}/program/soffice.exe", None),
    "elsewhere-SOFFICE.EXE": ("{elsewhere}/program/SOFFICE.EXE", None),
    "elsewhere-soffice.com": ("{elsewhere}/program/soffice.com", None),
    "relative-beside-toml": ("outil.sh", "n'est pas un chemin complet"),
    "relative-named-soffice": ("program/soffice", "n'est pas un chemin complet"),
    "absolute-other-name": ("{elsewhere}/program/outil.sh", "nom est soffice"),
    "soffice-as-a-prefix": ("{elsewhere}/program/soffice.sh", "nom est soffice"),
    "Soffice-upper-unix-name": ("{elsewhere}/program/Soffice", "nom est soffice"),
    "in-the-toml-folder": ("{office}/soffice", "dans le dossier de relance.toml"),
    "below-the-toml-folder": ("{office}/LO/program/soffice", "dans le dossier de relance.toml"),
    "through-dotdot": ("{elsewhere}/../bureau/soffice", "dans le dossier de relance.toml"),
    "a-folder-named-soffice": ("{elsewhere}/dossier/soffice", "n'est pas un fichier"),
    "network-share": ("//serveur/partage/soffice.exe", "autre ordinateur du réseau"),
    # The second review: a sibling folder of the share passed the name and folder checks.
    "elsewhere-not-installed": ("{elsewhere}/outils/soffice", "RELANCE_SOFFICE"),
}
# Accepted only as the LibreOffice this computer's user named (RELANCE_SOFFICE).
NAMED = {value for value, refused in PATHS.values() if refused is None}


@pytest.mark.parametrize(("value", "refused"), PATHS.values(), ids=PATHS.keys())
def test_pdf_soffice_must_be_libreoffice_by_its_full_path_outside_the_office_folder(
    tmp_path, monkeypatch, value, refused
):
    office, elsewhere = tmp_path / "bureau", tmp_path / "logiciels"
    office.mkdir()
    (elsewhere / "dossier" / "soffice").mkdir(parents=True)
    path = value.format(office=office, elsewhere=elsewhere)
    if value in NAMED:
        monkeypatch.setenv("RELANCE_SOFFICE", path)
    if not path.startswith("//") and "dossier" not in path:
        _program(office / path if not Path(path).is_absolute() else Path(path))
    (office / "relance.toml").write_text(f"[pdf]\nsoffice = '{path}'\n", encoding="utf-8")
    settings = load_settings(office / "relance.toml")
    if refused is None:
        assert settings.soffice == path
        assert soffice_binary(settings.soffice) == path
        return
    with pytest.raises(ConfigError, match=refused) as caught:
        _ = settings.soffice
    assert "[pdf] soffice" in str(caught.value)
    assert "chemin complet du programme soffice de LibreOffice" in str(caught.value)


def test_pdf_soffice_in_the_ledgers_folder_is_refused_whatever_relance_toml_names_it(
    tmp_path, monkeypatch
):
    office, own = tmp_path / "bureau", tmp_path / "moi"
    own.mkdir()
    program = _program(office / "soffice")
    monkeypatch.setenv("RELANCE_SOFFICE", str(program))  # named by this computer's user
    (own / "relance.toml").write_text(f"[pdf]\nsoffice = '{program}'\n", encoding="utf-8")
    settings = load_settings(own / "relance.toml")
    assert settings.soffice == str(program)  # outside relance.toml's folder
    with pytest.raises(ConfigError, match="dans le dossier du classeur"):
        settings.soffice_for(office / "grand-livre.xlsx")


def test_a_link_named_soffice_into_the_office_folder_is_refused(tmp_path):
    office, elsewhere = tmp_path / "bureau", tmp_path / "logiciels"
    script = _program(office / "outil.sh")
    elsewhere.mkdir()
    (elsewhere / "soffice").symlink_to(script)
    (office / "relance.toml").write_text(f"[pdf]\nsoffice = '{elsewhere}/soffice'\n", "utf-8")
    with pytest.raises(ConfigError, match=r"dans le dossier de relance\.toml"):
        _ = load_settings(office / "relance.toml").soffice


COMMANDS = {
    "report": ["report", "grand-livre.xlsx", "--as-of", "22/11/2026"],
    "run --pdf": ["run", "grand-livre.xlsx", "--as-of", "22/11/2026", "--pdf"],
    "dossier": ["dossier", "grand-livre.xlsx", "Atelier Alpha", "--as-of", "22/11/2026"],
}


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script")
@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_planted_relance_toml_and_script_never_run(tmp_path, command):
    _office(tmp_path)
    workbook(tmp_path / "grand-livre.xlsx")
    _program(tmp_path / "outil.sh")
    _with_config(tmp_path, '[pdf]\nsoffice = "outil.sh"')
    done = relance(*command, cwd=tmp_path)
    said = said_in_french(done, 1, "[pdf] soffice")
    assert "n'est pas un chemin complet" in said
    assert not (tmp_path / "RAN").exists()
    assert not (tmp_path / "relances").exists() or not any(
        p.suffix in (".docx", ".xlsx", ".pdf") for p in (tmp_path / "relances").rglob("*")
    )
