"""The clerk's machine: a relance.toml typed in Notepad, LibreOffice where its installer puts
it, paths with spaces and accents, everything said in French."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, needs_libreoffice
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx.cli import app
from relance_xlsx.errors import LibreOfficeError
from relance_xlsx.letters import convert_to_pdf, soffice_binary

runner = CliRunner()


@pytest.mark.parametrize(
    ("text", "line", "said"),
    [
        pytest.param(
            '[creditor]\nname = "A"\naddress = "1 rue des Tanneurs\n69002 Lyon"\n',
            3,
            "triples guillemets",
            id="address-on-two-lines",
        ),
        pytest.param(
            '[letters]\ntemplate_dir = "C:\\Users\\Anne\\Modèles"\n',
            2,
            "apostrophes",
            id="windows-path-in-double-quotes",
        ),
        pytest.param(
            "[letters]\npayment_days = 8\npayment_days = 10\n",
            3,
            "une seule ligne",
            id="same-key-twice",
        ),
        pytest.param("[creditor]\ncity = Lyon\n", 2, "entre guillemets", id="text-without-quotes"),
        pytest.param('[creditor]\nname = "Atelier\n', 2, "guillemet", id="unterminated"),
        pytest.param("[policy\ngrace_days = 1\n", 1, "crochets", id="section-not-closed"),
        pytest.param("[letters]\npayment days = 8\n", 2, "nom = valeur", id="space-in-key"),
    ],
)
def test_a_relance_toml_that_does_not_parse_is_explained_in_french(tmp_path, text, line, said):
    config = tmp_path / "relance.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(relance_xlsx.RelanceError) as caught:
        relance_xlsx.load_settings(config)
    message = str(caught.value)
    assert f"ligne {line}" in message and "Correction :" in message and said in message
    assert "at line" not in message and "Illegal" not in message  # no parser English


def test_a_relance_toml_from_notepad_loads(tmp_path):
    """Notepad writes UTF-8 with a byte-order mark; an ANSI file is refused in French."""
    config = tmp_path / "relance.toml"
    config.write_bytes(b"\xef\xbb\xbf" + '[creditor]\nname = "Café Étoile"\n'.encode())
    assert relance_xlsx.load_settings(config).creditor.name == "Café Étoile"
    config.write_bytes('[creditor]\nname = "Café Étoile"\n'.encode("cp1252"))
    with pytest.raises(relance_xlsx.RelanceError, match="Enregistrer sous"):
        relance_xlsx.load_settings(config)


def test_the_cli_says_a_broken_toml_in_one_french_sentence(tmp_path):
    (tmp_path / "relance.toml").write_text('[creditor]\naddress = "1 rue\nParis"\n', "utf-8")
    ledger = shutil.copy(
        ROOT / "sample_workbooks" / "grand_livre_clients.xlsx", tmp_path / "l.xlsx"
    )
    result = runner.invoke(app, ["check", str(ledger)])
    assert result.exit_code == 1
    assert "ligne 2" in result.stderr and "Traceback" not in result.stderr


def test_libreoffice_is_found_in_its_windows_install_folder(tmp_path, monkeypatch):
    """LibreOffice's Windows installer does not put soffice on PATH."""
    program = tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe"
    program.parent.mkdir(parents=True)
    program.write_bytes(b"")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("PROGRAMFILES", str(tmp_path / "Program Files"))
    assert soffice_binary() == str(program)
    # A path set in [pdf] soffice wins, and one that does not exist finds nothing.
    assert soffice_binary(str(program)) == str(program)
    assert soffice_binary(str(tmp_path / "nowhere.exe")) is None


def test_a_wrong_pdf_soffice_says_so_in_french(tmp_path):
    letter = tmp_path / "a.docx"
    letter.write_bytes(b"")
    with pytest.raises(LibreOfficeError, match=r"\[pdf\] soffice"):
        convert_to_pdf([letter], tmp_path, soffice=str(tmp_path / "absent" / "soffice.exe"))


@needs_libreoffice
def test_a_run_with_pdf_soffice_set_in_a_folder_with_spaces_and_accents(tmp_path, sample):
    """The real LibreOffice, named in [pdf] soffice, on a ledger under « Mes Données »."""
    folder = tmp_path / "Mes Données" / "Relances été"
    folder.mkdir(parents=True)
    # A freshly built sample: the repository's own may have been run on already today.
    ledger = Path(shutil.copy(sample, folder))
    toml = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    real = shutil.which("soffice") or shutil.which("libreoffice")
    (folder / "relance.toml").write_text(toml + f"\n[pdf]\nsoffice = '{real}'\n", "utf-8")
    settings = relance_xlsx.load_settings(folder / "relance.toml")
    import datetime as dt

    result = relance_xlsx.run(ledger, settings, as_of=dt.date(2026, 11, 22), pdf=True)
    assert result.pdfs and all(Path(p).read_bytes().startswith(b"%PDF") for p in result.pdfs)
