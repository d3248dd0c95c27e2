"""Hostile input gives a sentence or a problem on its row, never a traceback or a hung run."""

from __future__ import annotations

import datetime as dt
import shutil
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from conftest import AS_OF, HEADERS, ROOT, write_ledger
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from relance_xlsx.cli import app

D = dt.date
ADDRESS = "1 rue A\n75001 Paris"
runner = CliRunner()


def _row(number: str, client: str, amount: object = 100.0, day: object = D(2026, 8, 1)) -> list:
    return [number, client, day, D(2026, 9, 1), amount, 0, ADDRESS]


GOOD = [_row(f"OK-{i}", f"Client {i}") for i in range(4)]


def _office(tmp_path: Path, rows: list, **kw: object) -> Path:
    shutil.copy2(ROOT / "sample_workbooks" / "relance.toml", tmp_path / "relance.toml")
    return write_ledger(tmp_path / "ledger.xlsx", rows, **kw)  # type: ignore[arg-type]


def _run(ledger: Path, *extra: str):
    out = ledger.parent / "out"
    result = runner.invoke(
        app, ["run", str(ledger), "--as-of", AS_OF.isoformat(), "--out", str(out), *extra]
    )
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result, out


def _problems(ledger: Path, *extra: str) -> list[dict]:
    import json

    result, _ = _run(ledger, "--json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["problems"]


def _letter_text(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


# -- a row problem, and the run goes on -----------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "column", "reason"),
    [
        pytest.param(1e26, "Montant TTC", "montant invraisemblable", id="amount-1e26"),
        pytest.param(1e13, "Montant TTC", "montant invraisemblable", id="amount-1e13"),
        pytest.param("2 000 000 000 000,00 €", "Montant TTC", "invraisemblable", id="text-2e12"),
        pytest.param(float("inf"), "Montant TTC", "montant", id="amount-infinite"),
    ],
)
def test_an_absurd_amount_is_a_problem_on_its_row(tmp_path, cell, column, reason):
    ledger = _office(tmp_path, [_row("BAD", "Client X", amount=cell), *GOOD])
    problems = _problems(ledger)
    bad = [p for p in problems if p["row"] == 2]
    assert bad and bad[0]["column"] == column and reason in bad[0]["message"]
    sheet = load_workbook(ledger).active
    header = [c.value for c in sheet[1]]
    level, status = header.index("Niveau de relance"), header.index("Statut relance")
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["OK-0"][level] == "Relance 1"
    assert rows["BAD"][level] is None and "corriger" in rows["BAD"][status]


@pytest.mark.parametrize(
    "day",
    [
        pytest.param(D(1900, 3, 1), id="1900"),
        pytest.param(D(1989, 12, 31), id="1989"),
        pytest.param("01/01/2150", id="text-2150"),
    ],
)
def test_a_date_before_1990_or_after_2099_is_a_problem_on_its_row(tmp_path, day):
    ledger = _office(tmp_path, [_row("OLD", "Client X", day=day), *GOOD])
    bad = [p for p in _problems(ledger) if p["row"] == 2]
    assert bad[0]["column"] == "Date facture"
    assert "date invraisemblable" in bad[0]["message"]


def test_a_date_of_1990_is_read(tmp_path):
    ledger = _office(tmp_path, [_row("OK", "Client X", day=D(1990, 1, 1)), *GOOD])
    assert not [p for p in _problems(ledger) if p["severity"] == "error"]


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("Atelier_x0008_ Durand", id="control-character"),
        pytest.param("Atelier\nDurand", id="alt-enter"),
        pytest.param("Atelier\r\nDurand", id="crlf"),
        pytest.param("Atelier_x001B_\tDurand", id="escape-and-tab"),
    ],
)
def test_a_name_with_control_characters_is_cleaned_and_reported(tmp_path, name):
    headers = [*HEADERS, "E-mail"]
    rows = [[*_row("F-1", name), "durand@client.fr"], *[[*r, "c@client.fr"] for r in GOOD]]
    ledger = _office(tmp_path, rows, headers=headers)
    result, out = _run(ledger, "--email", "--json")
    assert result.exit_code == 0, result.output
    import json

    doc = json.loads(result.stdout)
    warned = [p for p in doc["problems"] if p["row"] == 2]
    assert warned and warned[0]["severity"] == "warning" and warned[0]["column"] == "Client"
    letter = next(x for x in doc["letters"] if x["client"] == "Atelier Durand")
    assert "Atelier Durand" in _letter_text(Path(letter["path"]))
    assert Path(letter["path"]).name == "2026-11-22 Relance 1 - Atelier Durand.docx"
    eml = out / "emails" / "2026-11-22 Relance 1 - Atelier Durand.eml"
    message = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
    assert message["To"] == "Atelier Durand <durand@client.fr>"
    assert (out / "emails" / "messages.json").is_file()
    assert doc["rows_written"] == 5


# -- refused in one sentence before any letter is written -----------------------------------


def _refused(ledger: Path, expected: str, *extra: str) -> None:
    before = ledger.read_bytes()
    result, out = _run(ledger, *extra)
    assert result.exit_code == 1, result.output
    assert expected in result.output
    assert result.output.startswith("Erreur : ") and result.output.count("\n") == 1
    assert ledger.read_bytes() == before
    assert not out.exists()  # refused before any letter


def test_no_status_column_past_xfd(tmp_path):
    ledger = _office(tmp_path, GOOD, first_col=16384 - len(HEADERS) + 1)
    _refused(ledger, "Excel s'arrête à la colonne XFD")


def test_status_columns_that_just_fit_before_xfd(tmp_path):
    ledger = _office(tmp_path, GOOD, first_col=16384 - len(HEADERS) - 2)
    result, _ = _run(ledger)
    assert result.exit_code == 0, result.output
    header = next(load_workbook(ledger).active.iter_rows(min_row=1, max_row=1, values_only=True))
    assert header[-1] == "Statut relance" and len(header) == 16384


def _with_journal_sheet(tmp_path: Path, name: str) -> Path:
    toml = tmp_path / "relance.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(f'{text}\n[writeback]\njournal_sheet = "{name}"\n', encoding="utf-8")
    return tmp_path / "ledger.xlsx"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("Factures", "nomme la feuille des factures", id="the-ledger-sheet"),
        pytest.param("Clients", "n'est pas un journal de relances", id="another-sheet"),
        pytest.param("Journal/2026", "doit être un nom de feuille Excel", id="slash"),
        pytest.param("Relances: nov", "doit être un nom de feuille Excel", id="colon"),
        pytest.param("[journal]", "doit être un nom de feuille Excel", id="brackets"),
        pytest.param("J*", "doit être un nom de feuille Excel", id="star"),
        pytest.param("Pourquoi?", "doit être un nom de feuille Excel", id="question-mark"),
        pytest.param("x" * 32, "doit être un nom de feuille Excel", id="32-characters"),
        pytest.param("History", "Excel refuse le nom", id="reserved"),
    ],
)
def test_a_journal_sheet_that_cannot_be_written_is_refused(tmp_path, name, expected):
    def clients_sheet(wb):
        ws = wb.create_sheet("Clients")
        ws.append(["Client", "Téléphone"])
        ws.append(["Client 1", "01 02 03 04 05"])

    _office(tmp_path, GOOD, extra=clients_sheet)
    _refused(_with_journal_sheet(tmp_path, name), expected)


def _use_templates(folder: Path) -> None:
    toml = folder / "relance.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(f'{text}\n[letters]\ntemplate_dir = "modeles"\n', encoding="utf-8")


def _hostile_template(folder: Path, jinja: str) -> None:
    folder.mkdir(exist_ok=True)
    doc = Document(str(ROOT / "word_templates" / "relance_1.docx"))
    doc.add_paragraph(jinja)
    doc.save(str(folder / "relance_1.docx"))


@pytest.mark.parametrize(
    ("jinja", "reason"),
    [
        pytest.param("{% for i in range(10**9) %}x{% endfor %}", "range() trop grand", id="range"),
        pytest.param("{{ 'x' * 10**10 }}", "texte répété trop long", id="repeat"),
        pytest.param("{{ 'x'|center(10**10) }}", "largeur trop grande", id="center"),
        pytest.param("{{ '{:>1000000000}'.format(1) }}", "largeur trop grande", id="format"),
        pytest.param("{{ '%1000000000s' % 1 }}", "largeur trop grande", id="percent"),
        pytest.param(
            "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
            "boucles trop longues",
            id="nested-loops",
        ),
        pytest.param("{{ 10 ** 100000000 }}", "puissance trop grande", id="power"),
    ],
)
def test_a_template_cannot_hang_the_run_or_fill_the_memory(tmp_path, jinja, reason):
    ledger = _office(tmp_path, GOOD)
    _use_templates(tmp_path)
    _hostile_template(tmp_path / "modeles", jinja)
    before = ledger.read_bytes()
    result, _ = _run(ledger)
    assert result.exit_code == 1, result.output
    assert "relance_1.docx" in result.output and reason in result.output
    assert ledger.read_bytes() == before


def test_a_template_within_the_bounds_still_renders(tmp_path):
    ledger = _office(tmp_path, GOOD)
    _use_templates(tmp_path)
    _hostile_template(
        tmp_path / "modeles", "{% for i in range(3) %}{{ i }}{% endfor %}-{{ 'ab' * 2 }}"
    )
    result, out = _run(ledger)
    assert result.exit_code == 0, result.output
    assert "012-abab" in _letter_text(out / "2026-11-22 Relance 1 - Client 0.docx")


# -- a damaged or hostile package is refused before anything is inflated --------------------


def _repacked(ledger: Path, change, extra: dict[str, bytes] | None = None) -> Path:
    """The ledger's zip with each part passed through change(name, data) (None drops it)."""
    import zipfile

    target = ledger.with_name("repacked.xlsx")
    with zipfile.ZipFile(ledger) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info.filename))
            if data is not None:
                zout.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    return target


def _zero_bomb(ledger: Path, megabytes: int) -> Path:
    """A part of zeros: a few hundred kB in the file, `megabytes` once inflated."""
    import zipfile

    target = _repacked(ledger, lambda n, d: d)
    with (
        zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED) as z,
        z.open("xl/media/image1.bin", "w", force_zip64=True) as part,
    ):
        block = b"\0" * (1 << 20)
        for _ in range(megabytes):
            part.write(block)
    return target


MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT = b"http://purl.oclc.org/ooxml/spreadsheetml/main"
CUT_TYPES = ("[Content_Types].xml", lambda d: d[:-30])
CUT_RELS = ("xl/_rels/workbook.xml.rels", lambda d: d[:60])
GARBLED_BOOK = ("xl/workbook.xml", lambda d: d.replace(b"<sheets>", b"<sheets><<"))
GARBAGE_ROOT_RELS = ("_rels/.rels", lambda d: b"\xff\xfe" + d)
STRICT_PARTS = ("", lambda d: d.replace(MAIN, STRICT))  # "": every part


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        pytest.param(CUT_TYPES, "[Content_Types].xml n'est pas du XML", id="content-types-cut"),
        pytest.param(CUT_RELS, "workbook.xml.rels n'est pas du XML", id="workbook-rels-cut"),
        pytest.param(GARBLED_BOOK, "xl/workbook.xml n'est pas du XML", id="workbook-garbled"),
        pytest.param(GARBAGE_ROOT_RELS, "_rels/.rels n'est pas du XML", id="root-rels-garbage"),
        pytest.param(STRICT_PARTS, "Open XML stricte", id="strict-ooxml"),
    ],
)
def test_a_damaged_package_is_refused_before_any_letter(tmp_path, damage, expected):
    part, change = damage
    ledger = _office(tmp_path, GOOD)
    bad = _repacked(ledger, lambda n, d: change(d) if part in ("", n) else d)
    _refused(bad, expected)


def test_a_zip_bomb_is_refused_from_its_directory(tmp_path):
    ledger = _office(tmp_path, GOOD)
    bomb = _zero_bomb(ledger, 120)
    assert bomb.stat().st_size < 1_000_000
    _refused(bomb, "se décompresse en 120 Mo")


def test_the_limits_are_settings(tmp_path):
    ledger = _office(tmp_path, GOOD)
    big = _zero_bomb(ledger, 40)  # under ratio_from_mb: only max_total_mb refuses it
    toml = tmp_path / "relance.toml"
    # relance.toml is shared: it may lower a limit, never raise it (attack review 3).
    toml.write_text(toml.read_text(encoding="utf-8") + "\n[limits]\nmax_ratio = 5000\n", "utf-8")
    _refused(big, "ne peut qu'abaisser la limite intégrée")
    toml.write_text(toml.read_text(encoding="utf-8").replace("max_ratio = 5000", ""), "utf-8")
    toml.write_text(toml.read_text(encoding="utf-8") + "max_total_mb = 10\n", "utf-8")
    _refused(big, "max_total_mb")


def test_entities_are_never_expanded(tmp_path):
    """An entity declared in workbook.xml (XXE) is not resolved: the file is read as is."""
    secret = tmp_path / "secret.txt"
    secret.write_text("RELANCE_SMTP_PASSWORD=hunter2", "utf-8")
    ledger = _office(tmp_path, GOOD)
    doctype = f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'.encode()

    def inject(name: str, data: bytes) -> bytes:
        if name != "xl/workbook.xml":
            return data
        head, sep, rest = data.partition(b"?>")
        return head + sep + doctype + rest.replace(b'name="Factures"', b'name="Factures&xxe;"')

    hostile = _repacked(ledger, inject)
    result, out = _run(hostile, "--json")
    assert "hunter2" not in result.output
    for letter in out.glob("*.docx") if out.exists() else []:
        assert "hunter2" not in _letter_text(letter)


# -- valid XML that is not an attack --------------------------------------------------------

_FOOTER = '&C&"Cambria,Normal"&26&UCABINET & FILS > page &P'


@pytest.mark.parametrize(
    "cdata",
    [
        pytest.param(_FOOTER, id="header-footer"),
        pytest.param(_FOOTER + " &zz; <x>" * 30_000, id="longer-than-a-piece"),
    ],
)
def test_a_cdata_section_is_text_not_an_entity(tmp_path, cdata):
    """Review pubwb2 M9: `&` inside CDATA (Excel headers/footers) is no unknown entity."""
    from hostile_files import ledger_rows, sheet_xml, workbook

    from relance_xlsx import Settings
    from relance_xlsx.ledger import read_ledger

    footer = f"<headerFooter><oddHeader><![CDATA[{cdata}]]></oddHeader></headerFooter>"
    sheet = sheet_xml(ledger_rows()).replace("</sheetData>", "</sheetData>" + footer)
    path = workbook(tmp_path / "l.xlsx", sheets={"Factures": sheet})
    read = read_ledger(path, Settings(), as_of=AS_OF)
    assert read.frame["invoice"].tolist() == ["F-2", "F-3", "F-4", "F-5"]
    assert not [w for w in read.warnings if "entité" in w]
