"""The low findings of the first attack review: a workbook with a part twice, an e-mail cell
of 32,767 characters, an address of 5,000, an invoice number with a line break, an output
folder that is a file. Each ends in one French sentence, or in a row's problem and a run
that goes on; no header, no letter runs over."""

from __future__ import annotations

import warnings
import zipfile
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from hostile_files import ledger_rows, sheet_xml, workbook
from test_attacks import _office, relance, said_in_french

from relance_xlsx.letters.postal import LINE_WIDTH, postal_address
from relance_xlsx.mail import parse_addresses

SHEET = "xl/worksheets/sheet1.xml"
GAMMA = "compta4@client.example"  # Café Gamma's address, row 4


def _with_emails(folder: Path, change=None) -> Path:
    def edit(parts: dict) -> None:
        parts[SHEET] = sheet_xml(ledger_rows(email=True), dimension="A1:G5")
        if change is not None:
            change(parts)

    _office(folder)
    return workbook(folder / "grand-livre.xlsx", edit)


def _twice(name: str):
    def build(folder: Path) -> Path:
        _office(folder)
        ledger = workbook(folder / "grand-livre.xlsx")
        with zipfile.ZipFile(ledger) as zf:
            data = zf.read(SHEET)
        with warnings.catch_warnings(), zipfile.ZipFile(ledger, "a") as zf:
            warnings.simplefilter("ignore")  # « Duplicate name »: the point of the test
            zf.writestr(name, data.replace(b"Atelier Alpha", b"Atelier Autre"))
        return ledger

    return build


@pytest.mark.parametrize(
    "build",
    [_twice(SHEET), _twice(SHEET.upper()), _twice("[Content_Types].xml")],
    ids=["same-name", "other-case", "content-types"],
)
def test_a_workbook_with_a_part_twice_is_refused_in_one_sentence(tmp_path, build):
    ledger = build(tmp_path)
    before = ledger.read_bytes()
    for command in (["check"], ["run", "--as-of", "22/11/2026"]):
        done = relance(command[0], "grand-livre.xlsx", *command[1:], cwd=tmp_path)
        sentence = said_in_french(done, 1, "y figure deux fois")
        assert "enregistrez-le à nouveau" in sentence
    assert ledger.read_bytes() == before
    assert not (tmp_path / "relances").exists()


LONG_CELLS = {
    "cell-of-32767": ("G" * 32_767, "la cellule fait 32767 caractères"),
    "local-part-of-5000": ("a" * 5000 + "@x.fr", "la cellule fait 5005 caractères"),
    "local-part-of-65": ("a" * 65 + "@x.fr", "dont 64 avant l'@"),
    "address-of-255": ("a@" + "b" * 250 + ".fr", "254 au plus"),
}


@pytest.mark.parametrize(("cell", "said"), LONG_CELLS.values(), ids=LONG_CELLS.keys())
def test_an_overlong_email_cell_is_its_rows_problem(tmp_path, cell, said):
    _with_emails(tmp_path, lambda parts: parts.update({SHEET: parts[SHEET].replace(GAMMA, cell)}))
    done = relance("run", "grand-livre.xlsx", "--as-of", "22/11/2026", "--email", cwd=tmp_path)
    said_in_french(done, 0, "Classeur mis à jour")
    [line] = [x for x in done.stdout.splitlines() if said in x]
    assert "ligne 4, colonne « E-mail »" in line and len(line) < 400, line
    drafts = list((tmp_path / "relances").rglob("*.eml"))
    assert len(drafts) == 3 and not [d for d in drafts if "Gamma" in d.name]


def test_the_longest_addresses_mail_servers_take_are_kept():
    with pytest.raises(ValueError, match="adresse e-mail de 70 caractères"):
        parse_addresses("a" * 65 + "@x.fr", 30)
    longest = "a" * 64 + "@" + "b" * 186 + ".fr"
    assert len(longest) == 254 and parse_addresses(longest) == [longest]


def test_a_client_name_of_32767_characters_is_cut_in_the_to_header(tmp_path):
    name = "G" * 32_767
    _with_emails(tmp_path, lambda p: p.update({SHEET: p[SHEET].replace("Café Gamma", name)}))
    done = relance("run", "grand-livre.xlsx", "--as-of", "22/11/2026", "--email", cwd=tmp_path)
    said_in_french(done, 0, "Classeur mis à jour")
    [draft] = [d for d in (tmp_path / "relances").rglob("*.eml") if GAMMA in d.read_text()]
    message = BytesParser(policy=policy.default).parsebytes(draft.read_bytes())
    assert message["To"].addresses[0].addr_spec == GAMMA
    assert len(str(message["To"])) < 120 and str(message["To"]).startswith("GGGG")
    head = draft.read_bytes().replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    assert len(head) < 4000


ADDRESSES = {
    "one-word-of-5000": "a" * 5000 + "\n75001 Paris",
    "town-of-5000": "12 rue A\n75001 " + "P" * 5000,
    "5000-in-words": " ".join(["rue"] * 1250) + "\n75001 Paris",
}


@pytest.mark.parametrize("address", ADDRESSES.values(), ids=ADDRESSES.keys())
def test_an_address_of_5000_characters_never_reaches_an_envelope(address):
    found = postal_address(address)
    assert found.problem is not None and "NF Z10-011" in found.problem
    assert len(found.lines) <= 12 and all(len(line) <= 2 * LINE_WIDTH for line in found.lines)


def test_a_letter_with_a_5000_character_address_waits_to_be_completed(tmp_path):
    _office(tmp_path)
    address = "a" * 5000 + "\n75001 Paris"
    workbook(
        tmp_path / "grand-livre.xlsx",
        lambda p: p.update({SHEET: p[SHEET].replace("1 rue A\n75001 Paris", address, 1)}),
    )
    done = relance("run", "grand-livre.xlsx", "--as-of", "22/11/2026", cwd=tmp_path)
    said_in_french(done, 0, "Classeur mis à jour")
    assert "adresse du client illisible : une ligne de 5000 caractères" in done.stdout
    held = list((tmp_path / "relances").rglob("a_completer/*.docx"))
    assert [p for p in held if "Atelier" in p.name], held


def test_an_invoice_number_with_a_line_break_is_said_and_made_one_line(tmp_path):
    _office(tmp_path)
    smuggled = "F-3\r\nBcc: spy@evil.example\r\nX-Injected: 1"
    workbook(tmp_path / "grand-livre.xlsx", lambda p: p.update({SHEET: p[SHEET].replace(
        "<t xml:space=\"preserve\">F-3</t>", f'<t xml:space="preserve">{smuggled}</t>'
    )}))  # fmt: skip
    done = relance("check", "grand-livre.xlsx", cwd=tmp_path)
    said_in_french(done, 0, "4 factures")
    [line] = [x for x in done.stdout.splitlines() if "ligne 3, colonne « N° facture »" in x]
    assert "« F-3 ↵ Bcc: spy@evil.example ↵ X-Injected: 1 »" in line
    assert "retour à la ligne" in line
    dry = relance(
        "run", "grand-livre.xlsx", "--as-of", "22/11/2026", "--dry-run", "--json", cwd=tmp_path
    )
    assert "F-3 Bcc: spy@evil.example X-Injected: 1" in dry.stdout
    assert "\\r" not in dry.stdout and "\\n" not in dry.stdout.replace("\\n\\n", "")


@pytest.mark.parametrize("out", ["un-fichier", "/dev/null"], ids=["file", "device"])
def test_an_output_folder_that_is_a_file_is_said_so(tmp_path, out):
    _office(tmp_path)
    workbook(tmp_path / "grand-livre.xlsx")
    (tmp_path / "un-fichier").write_text("à garder", encoding="utf-8")
    done = relance("run", "grand-livre.xlsx", "--as-of", "22/11/2026", "--out", out, cwd=tmp_path)
    sentence = said_in_french(done, 1, "ce n'est pas un dossier")
    assert "--out" in sentence
    assert (tmp_path / "un-fichier").read_text(encoding="utf-8") == "à garder"
