"""Hostile and broken files: each attack, built by code, run as the user runs relance, in a
process of its own under a 2 GB address-space limit and a time limit.

Each one ends with exit 1 and one French sentence on stderr (or exit 0 when the file is
still usable, what is wrong said as a warning or on its row): never a traceback, an abort
(134) or a kill (137), never a library's English.
"""

from __future__ import annotations

import os
import resource
import select
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT
from docx import Document
from hostile_files import (
    CLIENTS,
    MAIN,
    STRINGS,
    STYLES,
    ledger_rows,
    ods,
    ods_cell,
    sheet_xml,
    streamed_part,
    workbook,
    write_zip,
)

ADDRESS_SPACE = 2 << 30
# Words of the libraries' own messages that must never reach the user.
ENGLISH = ("Traceback", "Error", "error:", "invalid", "Could not", "not found", "No such",
           "failed", "EOCD", "zip file", "Exception", "unexpected", "denied")  # fmt: skip


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def relance(*args: str, cwd: Path, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    """`relance …` as the user runs it, under the address-space limit."""
    env = {k: v for k, v in os.environ.items() if k != "RELANCE_TRACEBACK"}
    return subprocess.run(
        [sys.executable, "-m", "relance_xlsx", *args],
        cwd=cwd, capture_output=True, text=True, timeout=timeout, preexec_fn=_limited, env=env,
    )  # fmt: skip


def said_in_french(done: subprocess.CompletedProcess[str], code: int, phrase: str) -> str:
    """Exit `code`; with 1, exactly one sentence on stderr, in French, holding `phrase`."""
    everything = done.stdout + done.stderr
    assert done.returncode not in (134, 137, -6, -9), done.stderr[-3000:]
    assert done.returncode == code, (done.returncode, everything[-3000:])
    assert "Traceback" not in everything
    if code == 1:
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Erreur : "), done.stderr
        said = lines[0]
        for word in ENGLISH:
            assert word not in said, (word, said)
    else:
        said = everything
    assert phrase in said, (phrase, said)
    return said


@dataclass(frozen=True)
class Attack:
    """A hostile file built in a folder; the command it is given to; what must be said."""

    build: Callable[[Path], list[str]]  # writes the files, returns the command's arguments
    code: int
    phrase: str


def _office(folder: Path) -> None:
    shutil.copy2(ROOT / "sample_workbooks" / "relance.toml", folder / "relance.toml")


def _check(change: Callable[[dict], None] | None = None, **kw: object) -> Callable[[Path], list]:
    def build(folder: Path) -> list[str]:
        _office(folder)
        return ["check", str(workbook(folder / "grand-livre.xlsx", change, **kw))]

    return build


def _sheet(rows: str = "", head: str = "", dimension: str = "A1:F5") -> dict[str, str]:
    return {"Factures": sheet_xml(ledger_rows(extra=rows), head, dimension)}


def _drop(part: str) -> Callable[[dict], None]:
    return lambda parts: parts.pop(part)


def _raw(name: str, data: bytes) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        _office(folder)
        (folder / name).write_bytes(data)
        return ["check", str(folder / name)]

    return build


def _xxe(parts: dict) -> None:
    doctype = '<!DOCTYPE x [<!ENTITY s SYSTEM "file:///etc/passwd">]>'
    parts["xl/workbook.xml"] = doctype + str(parts["xl/workbook.xml"])


def _truncated(folder: Path) -> list[str]:
    _office(folder)
    whole = workbook(folder / "entier.xlsx").read_bytes()
    (folder / "grand-livre.xlsx").write_bytes(whole[: len(whole) // 2])
    return ["check", str(folder / "grand-livre.xlsx")]


def _lying_size(folder: Path) -> list[str]:
    """A sheet whose directory entry announces 2 kB and whose data inflates to 200 MB."""
    _office(folder)
    path = workbook(folder / "grand-livre.xlsx")
    big = folder / "gros.zip"
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(6, 100006))
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("x", sheet_xml(ledger_rows(extra=rows * 20)))
    with zipfile.ZipFile(big) as zf:
        info = zf.getinfo("x")
        raw = big.read_bytes()
    header = 30 + len(info.filename) + len(info.extra)
    compressed = raw[info.header_offset + header : info.header_offset + header + info.compress_size]
    parts = {}
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    parts["xl/worksheets/sheet1.xml"] = b"<small/>" * 256
    write_zip(path, parts)
    # Swap the sheet's compressed bytes for the big ones, keeping the small sizes announced.
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start : start + info.compress_size] = compressed[: info.compress_size]
    path.write_bytes(bytes(data))
    return ["check", str(path)]


def _big_strings(folder: Path) -> list[str]:
    """A shared-strings part of a gigabyte of tiny strings (a 1 MB file)."""
    _office(folder)
    path = workbook(folder / "grand-livre.xlsx", _drop("xl/sharedStrings.xml"))
    streamed_part(
        path, "xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">'.encode(), b"<si><t>x</t></si>",
        60_000_000, b"</sst>",
    )  # fmt: skip
    return ["check", str(path)]


def _many_sheets(folder: Path) -> list[str]:
    _office(folder)
    sheets = {"Factures": sheet_xml(ledger_rows())}
    sheets |= {f"F{i}": sheet_xml("") for i in range(2, 2002)}
    return ["check", str(workbook(folder / "grand-livre.xlsx", sheets=sheets))]


def _far_ods(folder: Path) -> list[str]:
    _office(folder)
    rows = "<table:table-row>" + ods_cell(1) + "</table:table-row>"
    rows += f'<table:table-row table:number-rows-repeated="6000">{ods_cell(1, 16384)}'
    return ["check", str(ods(folder / "grand-livre.ods", rows + "</table:table-row>"))]


LOL = "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
FAR = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
# One cell placed a million rows down from its row, another far right: a huge grid again.
TALL_AND_WIDE = '<row r="6"><c r="A1048576"><v>1</v></c><c r="XFD6"><v>1</v></c></row>'
LONG_FORMULA = f'<row r="9"><c r="G9" t="str"><f>"{"x" * 32000}"</f><v>x</v></c></row>'
WORKBOOKS = {
    "far-cell": Attack(_check(sheets=_sheet(FAR)), 1, "XFD1048576"),
    "far-cell-in-another-sheet": Attack(
        _check(sheets={**_sheet(), "Notes": sheet_xml(FAR)}), 0, "Feuille ignorée"
    ),
    "row-4-billion": Attack(
        _check(sheets=_sheet('<row r="4000000000"><c r="A4000000000"><v>1</v></c></row>')),
        1,
        "au-delà des limites d'Excel",
    ),
    "column-past-xfd": Attack(
        _check(sheets=_sheet('<row r="9"><c r="ZZZZ9"><v>1</v></c></row>')), 1, "ZZZZ9"
    ),
    "dimension-past-excel": Attack(
        _check(sheets=_sheet(dimension="A1:F4000000000")), 1, "dimension"
    ),
    "far-cell-without-references": Attack(
        _check(sheets=_sheet('<row r="1048576">' + "<c><v>1</v></c>" * 16384 + "</row>")),
        1,
        "Factures",
    ),
    "cell-row-beyond-its-row": Attack(
        _check(
            sheets=_sheet('<row r="6"><c r="A1048576"><v>1</v></c><c r="XFD6"><v>1</v></c></row>')
        ),
        1,
        "Factures",
    ),
    "entity-in-sheet": Attack(
        _check(sheets=_sheet(head='<!DOCTYPE w [<!ENTITY a "1">]>')), 1, "déclaration XML"
    ),
    "undeclared-entity": Attack(
        _check(sheets=_sheet('<row r="9"><c r="A9"><v>&zz;</v></c></row>')), 1, "&zz;"
    ),
    "billion-laughs-in-strings": Attack(
        _check(strings=f'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a0 "xx">{LOL}]>' + STRINGS),
        1,
        "déclaration XML",
    ),
    "external-entity-in-workbook": Attack(_check(_xxe), 1, "xl/workbook.xml"),
    "missing-sheet-part": Attack(_check(_drop("xl/worksheets/sheet1.xml")), 1, "absente"),
    "missing-shared-strings": Attack(_check(_drop("xl/sharedStrings.xml")), 1, "sharedStrings"),
    "missing-styles": Attack(_check(_drop("xl/styles.xml")), 1, "styles.xml"),
    "strings-announce-4-billion": Attack(
        _check(strings=STRINGS.replace('uniqueCount="1"', 'uniqueCount="4000000000"')),
        1,
        "annonce 4\u202f000\u202f000\u202f000 textes",
    ),
    "a-gigabyte-of-shared-strings": Attack(_big_strings, 1, "sharedStrings.xml"),
    "300-000-styles": Attack(
        _check(styles=STYLES.replace("<cellXfs", "<cellXfs>" + "<xf/>" * 300_000 + "</cellXfs><x")),
        1,
        "styles",
    ),
    "2000-sheets": Attack(_many_sheets, 1, "feuilles"),
    "zip-slip-part-name": Attack(
        _check(lambda p: p.update({"../../evil.xml": "<x/>"})), 1, "../../evil.xml"
    ),
    "truncated-zip": Attack(_truncated, 1, "endommagée"),
    "lying-part-size": Attack(_lying_size, 1, "taille annoncée"),
    "not-a-zip": Attack(_raw("grand-livre.xlsx", b"PK\x03\x04" + os.urandom(4000)), 1, "lu"),
    "password-protected": Attack(
        _raw("grand-livre.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000)),
        1,
        "mot de passe",
    ),
    "ods-6000-by-16384": Attack(_far_ods, 1, "s'arrête en l'ouvrant"),
    "formula-of-32k": Attack(
        _check(
            sheets=_sheet(f'<row r="9"><c r="G9" t="str"><f>"{"x" * 32000}"</f><v>x</v></c></row>')
        ),
        0,
        "4 factures",
    ),
    "a-date-of-minus-1e308": Attack(
        _check(sheets=_sheet('<row r="9"><c r="C9" s="1"><v>-1e308</v></c></row>')),
        1,
        "date hors de toute échelle",
    ),
    "nul-in-a-name": Attack(
        _check(sheets={"Factures": sheet_xml(ledger_rows(["Ate_x0000_lier", *CLIENTS[1:]]))}),
        0,
        "caractère invisible retiré",
    ),
}


@pytest.mark.parametrize("attack", WORKBOOKS.values(), ids=WORKBOOKS.keys())
def test_a_hostile_workbook_ends_in_one_french_sentence(tmp_path, attack):
    args = attack.build(tmp_path)
    said_in_french(relance(*args, cwd=tmp_path), attack.code, attack.phrase)


# -- templates: bounded in size, time and depth, and never reading a file -------------------

AS_OF = "2026-11-22"


def _with_config(folder: Path, text: str) -> None:
    config = folder / "relance.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


def _run(setup: Callable[[Path], None], *extra: str) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        _office(folder)
        rows = ledger_rows(email="--email" in extra)
        ledger = workbook(folder / "grand-livre.xlsx", sheets={"Factures": sheet_xml(rows)})
        setup(folder)
        return ["run", str(ledger), "--as-of", AS_OF, *extra]

    return build


def _letter_template(jinja: str) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        (folder / "modeles").mkdir()
        doc = Document(str(ROOT / "word_templates" / "relance_1.docx"))
        doc.add_paragraph(jinja)
        doc.save(str(folder / "modeles" / "relance_1.docx"))
        _with_config(folder, '[letters]\ntemplate_dir = "modeles"')

    return setup


def _repacked_template(extra: dict[str, bytes]) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        (folder / "modeles").mkdir()
        target = folder / "modeles" / "relance_1.docx"
        shutil.copy2(ROOT / "word_templates" / "relance_1.docx", target)
        with zipfile.ZipFile(target, "a") as zf:
            for name, data in extra.items():
                zf.writestr(name, data)
        _with_config(folder, '[letters]\ntemplate_dir = "modeles"')

    return setup


def _email_template(text: str) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        (folder / "modeles" / "email").mkdir(parents=True)
        (folder / "modeles" / "email" / "message.txt").write_text(text, encoding="utf-8")
        _with_config(folder, '[letters]\ntemplate_dir = "modeles"')

    return setup


def _fifo_template(folder: Path) -> None:
    (folder / "modeles").mkdir()
    os.mkfifo(folder / "modeles" / "relance_1.docx")
    _with_config(folder, '[letters]\ntemplate_dir = "modeles"')


JOINED = "{% set a = ['x' * 999999] * 1000 %}{{ a|join }}"
TEMPLATES = {
    "join-of-a-billion": Attack(_run(_letter_template(JOINED)), 1, "résultat de join trop long"),
    "list-times-list": Attack(
        _run(_letter_template("{% set a = [1] * 999999 %}{{ (a * 999999)|length }}")),
        1,
        "texte répété trop long",
    ),
    "range-of-a-billion": Attack(
        _run(_letter_template("{% for i in range(10**9) %}x{% endfor %}")), 1, "range()"
    ),
    "doubling-in-a-loop": Attack(
        _run(
            _letter_template(
                "{% set ns = namespace(s='x') %}{% for i in range(64) %}"
                "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}"
            )
        ),
        1,
        "texte assemblé par ~ trop long",
    ),
    "replace-each-letter": Attack(
        _run(_letter_template("{{ ('x' * 999999)|replace('x', 'x' * 999999) }}")),
        1,
        "résultat de replace trop long",
    ),
    "endless-recursion": Attack(
        _run(_letter_template("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}")),
        1,
        "appels imbriqués",
    ),
    "format-four-megabytes": Attack(
        _run(
            _letter_template(
                "{{ '{}{}{}{}'.format('x' * 999999, 'x' * 999999, 'x' * 999999, 'x' * 999999) }}"
            )
        ),
        1,
        "résultat de format trop long",
    ),
    "loops-over-a-million": Attack(
        _run(
            _letter_template(
                "{% set a = ('x' * 999999)|list %}{% for x in a %}"
                "{% for y in a %}{% endfor %}{% endfor %}"
            )
        ),
        1,
        "boucles trop longues",
    ),
    "include-a-file": Attack(
        _run(_letter_template("{% include '/etc/passwd' %}")), 1, "inclure un autre fichier"
    ),
    "import-a-file": Attack(
        _run(_letter_template("{% import '../relance.toml' as t %}")), 1, "inclure"
    ),
    "mutate-a-list": Attack(
        _run(_letter_template("{% set l = [] %}{{ l.append(1) }}")), 1, "relance_1.docx"
    ),
    "a-failing-method": Attack(
        _run(_letter_template("{{ 'x'.format_map({}) }}{{ ''.split('') }}")), 1, "relance_1.docx"
    ),
    "zip-slip-in-a-template": Attack(
        _run(_repacked_template({"../../../tmp/evil.txt": b"x"})), 1, "aucun programme Office"
    ),
    "dtd-in-a-template": Attack(
        _run(_repacked_template({"word/extra.xml": b'<!DOCTYPE x [<!ENTITY a "b">]><x/>'})),
        1,
        "déclaration XML",
    ),
    "template-is-a-fifo": Attack(_run(_fifo_template), 1, "n'est pas ordinaire"),
    "e-mail-template-join": Attack(
        _run(_email_template(JOINED), "--email"), 1, "résultat de join trop long"
    ),
}


@pytest.mark.parametrize("attack", TEMPLATES.values(), ids=TEMPLATES.keys())
def test_a_hostile_template_is_refused_by_name_with_its_limit(tmp_path, attack):
    args = attack.build(tmp_path)
    done = relance(*args, cwd=tmp_path, timeout=120)
    said = said_in_french(done, attack.code, attack.phrase)
    assert "relance_1.docx" in said or "message.txt" in said
    assert not (tmp_path / "relances").exists() or not list((tmp_path / "relances").rglob("*.docx"))


# -- relance.toml and the files it names -----------------------------------------------------


def _rates(make: Callable[[Path], str]) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        _with_config(folder, f"[policy]\nrates_file = '{make(folder)}'")

    return setup


def _fifo(folder: Path) -> str:
    os.mkfifo(folder / "taux.toml")
    return str(folder / "taux.toml")


def _big(folder: Path) -> str:
    (folder / "taux.toml").write_bytes(b"# " + b"x" * (5 << 20))
    return "taux.toml"


def _latin1(folder: Path) -> str:
    (folder / "taux.toml").write_bytes("# taux révisés\n".encode("latin-1"))
    return "taux.toml"


def _not_rates(folder: Path) -> str:
    (folder / "taux.toml").write_text("[ecb]\nconfirmed_until = 1\n", encoding="utf-8")
    return "taux.toml"


def _config_option(target: Callable[[Path], str]) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        ledger = workbook(folder / "grand-livre.xlsx")
        return ["check", str(ledger), "--config", target(folder)]

    return build


def _fifo_config_beside(folder: Path) -> list[str]:
    ledger = workbook(folder / "grand-livre.xlsx")
    os.mkfifo(folder / "relance.toml")
    return ["check", str(ledger)]


CONFIGS = {
    "rates-file-dev-zero": Attack(_run(_rates(lambda f: "/dev/zero")), 1, "n'est pas ordinaire"),
    "rates-file-fifo": Attack(_run(_rates(_fifo)), 1, "n'est pas ordinaire"),
    "rates-file-folder": Attack(_run(_rates(lambda f: str(f))), 1, "est un dossier"),
    "rates-file-5-mb": Attack(_run(_rates(_big)), 1, "plus que la limite de 1 Mo"),
    "rates-file-latin-1": Attack(_run(_rates(_latin1)), 1, "UTF-8"),
    "rates-file-not-rates": Attack(_run(_rates(_not_rates)), 1, "la clé « changes » manque"),
    "config-dev-zero": Attack(_config_option(lambda f: "/dev/zero"), 1, "n'est pas ordinaire"),
    "config-folder": Attack(_config_option(lambda f: str(f)), 1, "est un dossier"),
    "config-fifo-beside-the-ledger": Attack(_fifo_config_beside, 1, "n'est pas ordinaire"),
}


@pytest.mark.parametrize("attack", CONFIGS.values(), ids=CONFIGS.keys())
def test_a_file_named_in_relance_toml_must_be_a_small_regular_file(tmp_path, attack):
    args = attack.build(tmp_path)
    said_in_french(relance(*args, cwd=tmp_path, timeout=120), attack.code, attack.phrase)


# -- files named in the ledger: one check for the e-mails and the litigation files -----------

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
CELLS = {
    "absolute": ("/etc/passwd", "chemin absolu"),
    "dotdot": ("../secret/creds.pdf", "sort du dossier"),
    "link-out": ("factures/lien.pdf", "hors du dossier"),
    "link-to-dev-zero": ("factures/zero.pdf", "hors du dossier"),
    "fifo": ("factures/tube.pdf", "n'est pas ordinaire"),
    "folder": ("factures/dossier.pdf", "est un dossier"),
    "windows-device": ("factures/CON.pdf", "périphérique"),
    "windows-stream": ("factures/F-ok.pdf:secret", "périphérique"),
    "too-big": ("factures/gros.pdf", "plus que la limite de 10 Mo"),
    "not-a-pdf": ("factures/faux.pdf", "ne commence pas comme un PDF"),
    "missing": ("factures/absente.pdf", "introuvable"),
}


def _attachments_office(folder: Path, level: str | None = "Mise en demeure") -> Path:
    """A client with one invoice per hostile cell, and one good PDF; secrets beside."""
    from conftest import write_ledger

    secret = folder / "secret"
    secret.mkdir()
    (secret / "creds.pdf").write_bytes(PDF + b"RELANCE_SMTP_PASSWORD=hunter2")
    office = folder / "bureau"
    invoices = office / "factures"
    invoices.mkdir(parents=True)
    (invoices / "F-ok.pdf").write_bytes(PDF)
    (invoices / "faux.pdf").write_text("pas un PDF", encoding="utf-8")
    (invoices / "gros.pdf").write_bytes(PDF + b"0" * (11 << 20))
    (invoices / "dossier.pdf").mkdir()
    os.mkfifo(invoices / "tube.pdf")
    os.symlink(secret / "creds.pdf", invoices / "lien.pdf")
    os.symlink("/dev/zero", invoices / "zero.pdf")
    cells = [*(c for c, _ in CELLS.values()), "factures/F-ok.pdf"]
    rows = [
        [f"F-{i:02}", "Garage Bernard", "2026-03-01", "2026-04-01", 100.0, "1 rue A\n75001 Paris",
         "compta@garage.example", level, "2026-05-01" if level else None, cell]
        for i, cell in enumerate(cells)
    ]  # fmt: skip
    headers = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse",
               "E-mail", "Niveau de relance", "Date de relance", "PDF facture"]  # fmt: skip
    _office(office)
    return write_ledger(office / "grand-livre.xlsx", rows, headers)


def test_the_litigation_file_copies_only_what_an_e_mail_could_attach(tmp_path):
    ledger = _attachments_office(tmp_path)
    done = relance("dossier", str(ledger), "Garage Bernard", "--as-of", AS_OF, "--no-pdf",
                   cwd=tmp_path)  # fmt: skip
    said = said_in_french(done, 0, "Dossier écrit")
    warned = [line for line in done.stderr.splitlines() if line.startswith("Attention : ligne")]
    assert len(warned) == len(CELLS), done.stderr
    for cell, reason in CELLS.values():
        assert any(cell in w and reason in w for w in warned), (cell, reason, done.stderr)
    pieces = next((tmp_path / "bureau").rglob("pieces"))
    assert [p.name for p in pieces.iterdir()] == ["F-ok.pdf"]
    assert "hunter2" not in said


def test_an_e_mail_attaches_only_the_good_pdf_and_says_each_refusal_on_its_row(tmp_path):
    import json

    ledger = _attachments_office(tmp_path, level=None)
    done = relance("run", str(ledger), "--as-of", AS_OF, "--email", "--json", "--no-write-back",
                   cwd=tmp_path)  # fmt: skip
    said_in_french(done, 0, "")
    problems = json.loads(done.stdout)["problems"]
    refused = {p["value"]: p["message"] for p in problems if p["column"] == "PDF facture"}
    for cell, reason in CELLS.values():
        assert reason in refused.get(cell, ""), (cell, refused)
    drafts = list((ledger.parent / "relances").rglob("*.eml"))
    assert len(drafts) == 1
    content = drafts[0].read_bytes()
    assert b"hunter2" not in content and content.count(b'filename="F-ok.pdf"') == 1


# -- text that cannot mislead ----------------------------------------------------------------

HIDDEN = {
    "right-to-left-override": ("Atelier \u202eahplA", "Atelier ahplA"),
    "isolates": ("Atelier \u2067Alpha\u2069", "Atelier Alpha"),
    "zero-width": ("Ate\u200blier\u200d Alpha", "Atelier Alpha"),
    "soft-hyphen": ("Ate\u00adlier Alpha", "Atelier Alpha"),
    "tag-characters": ("Atelier Alpha\U000e0069\U000e0067\U000e006e", "Atelier Alpha"),
    "arabic-letter-mark": ("Atelier\u061c Alpha", "Atelier Alpha"),
}
INVISIBLE = "\u202e\u2067\u2069\u200b\u200d\u00ad\u061c\U000e0069"


@pytest.mark.parametrize(("name", "shown"), HIDDEN.values(), ids=HIDDEN.keys())
def test_invisible_characters_never_reach_a_letter_an_e_mail_or_the_journal(tmp_path, name, shown):
    import json

    from openpyxl import load_workbook

    _office(tmp_path)
    rows = ledger_rows([name, *CLIENTS[1:]], email=True)
    rows = rows.replace(">F-2<", ">F\u200b-2\u202e<")  # the invoice number too
    ledger = workbook(tmp_path / "grand-livre.xlsx", sheets={"Factures": sheet_xml(rows)})
    done = relance("run", str(ledger), "--as-of", AS_OF, "--email", "--json", cwd=tmp_path)
    said_in_french(done, 0, "")
    doc = json.loads(done.stdout)
    shown = name.translate({c: None for c in range(0x2000, 0x2070)})
    shown = "".join(
        c for c in shown if c.isprintable() and ord(c) < 0xE0000 and c not in "\u00ad\u061c"
    )
    letter = next(x for x in doc["letters"] if x["client"] == shown)
    assert letter["invoices"] == ["F-2"]
    text = "\n".join(p.text for p in Document(letter["path"]).paragraphs)
    assert shown in text and "F-2" in text.replace("\u2011", "-")  # no-break hyphen, typeset
    for hidden in INVISIBLE:
        assert hidden not in text and hidden not in done.stdout
    drafts = list((tmp_path / "relances").rglob("*.eml"))
    assert drafts and all("\u202e".encode() not in d.read_bytes() for d in drafts)
    journal = load_workbook(ledger)["Journal des relances"]
    assert all(
        not any(h in str(v) for h in "\u202e\u200b\u00ad")
        for r in journal.iter_rows(values_only=True)
        for v in r
    )
    assert any(p["column"] == "Client" and p["severity"] == "warning" for p in doc["problems"])


# -- a folder the run cannot write ----------------------------------------------------------


@pytest.fixture
def read_only_office(tmp_path):
    """The ledger in a folder mounted read-only (root can write in a chmod-ed one)."""
    folder = tmp_path / "lecture-seule"
    folder.mkdir()
    _office(folder)
    workbook(folder / "grand-livre.xlsx")
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    mounted = subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(folder)],
                             capture_output=True)  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip("cannot mount a read-only folder here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_read_only_folder_is_said_before_any_letter_and_no_write_back_still_works(
    tmp_path, read_only_office
):
    ledger = str(read_only_office / "grand-livre.xlsx")
    out = tmp_path / "lettres"
    done = relance("run", ledger, "--as-of", AS_OF, "--out", str(out), cwd=tmp_path)
    said = said_in_french(done, 1, "est en lecture seule pour vous")
    assert "--no-write-back" in said and not out.exists()
    done = relance("run", ledger, "--as-of", AS_OF, "--no-write-back", "--out", str(out),
                   cwd=tmp_path)  # fmt: skip
    said_in_french(done, 0, "Lettres")
    assert len(list(out.glob("* Relance 1 - *.docx"))) == 4
    done = relance("run", ledger, "--as-of", AS_OF, "--no-write-back", cwd=tmp_path)
    said_in_french(done, 1, "--out")


# -- the page: a hostile workbook is said, and the server goes on -----------------------------


@pytest.fixture
def page_process(tmp_path):
    """`relance ui` in a process of its own, under the address-space limit: (url, token)."""
    env = {k: v for k, v in os.environ.items() if k != "RELANCE_TRACEBACK"}
    env["HOME"] = str(tmp_path)  # its list of recent workbooks goes there
    server = subprocess.Popen(
        [sys.executable, "-m", "relance_xlsx", "ui", "--sans-navigateur"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_limited, env=env,
    )  # fmt: skip
    try:
        assert server.stderr is not None
        ready, _, _ = select.select([server.stderr], [], [], 60)
        assert ready, "the page never said its address"
        url = server.stderr.readline().split(" : ", 1)[1].strip()
        yield server, url.split("/?")[0], url.split("jeton=")[1]
    finally:
        server.kill()
        server.wait()


def _preview(client, base: str, token: str, ledger: Path) -> dict:
    import time

    client.post(f"{base}/classeur", data={"jeton": token, "classeur": str(ledger)})
    client.post(f"{base}/apercu", data={"jeton": token, "date": AS_OF})
    for _ in range(600):
        state = client.get(f"{base}/etat").json()
        if state["finished"]:
            return state
        time.sleep(0.1)
    raise AssertionError("the preview never finished")


def test_the_page_says_why_a_far_cell_workbook_cannot_be_read_and_goes_on(tmp_path, page_process):
    import httpx

    server, base, token = page_process
    _office(tmp_path)
    far = workbook(tmp_path / "lointain.xlsx", sheets=_sheet(FAR))
    good = workbook(tmp_path / "grand-livre.xlsx")
    client = httpx.Client(follow_redirects=True, timeout=60)
    assert client.get(f"{base}/?jeton={token}").status_code == 200
    state = _preview(client, base, token, far)
    assert state["error"] and "XFD1048576" in state["error"]
    assert "Traceback" not in state["error"] and "memory" not in state["error"]
    assert server.poll() is None  # the server is alive
    assert client.get(f"{base}/").status_code == 200
    shown = client.get(f"{base}/suivi")
    assert "XFD1048576" in shown.text
    state = _preview(client, base, token, good)  # and it still does the week's work
    assert state["error"] is None
    assert server.poll() is None


ORIGINS = {
    "another-site": ("http://evil.example", 403),
    "https-same-host": ("https://{host}:{port}", 403),
    "another-port": ("http://{host}:{other}", 403),
    "lookalike-host": ("http://{host}.evil.example:{port}", 403),
    "null": ("null", 403),
    "no-port": ("http://{host}", 403),
    "trailing-slash": ("http://{host}:{port}/", 403),
    "the-page-itself": ("http://{host}:{port}", 200),
    "another-loopback-address": ("http://127.0.0.1:{port}", 403),
    "the-page-as-localhost": ("http://localhost:{port}", 403),
}


@pytest.mark.parametrize(("origin", "status"), ORIGINS.values(), ids=ORIGINS.keys())
def test_a_post_is_accepted_only_from_the_pages_own_origin(page_process, origin, status):
    import httpx

    _, base, token = page_process
    host, port = base.rsplit("/", 1)[1].split(":")[0], int(base.rsplit(":", 1)[1])
    client = httpx.Client(follow_redirects=False, timeout=30)
    client.get(f"{base}/?jeton={token}")
    answer = client.post(
        f"{base}/battement",
        data={"jeton": token},
        headers={
            "Origin": origin.format(host=host, port=port, other=port + 1),
            "X-Relance-Jeton": token,
        },
    )
    assert answer.status_code == status, answer.text


def _planted_link(folder: Path) -> None:
    out = folder / "relances" / AS_OF
    out.mkdir(parents=True)
    (folder / "victime.txt").write_text("intact", encoding="utf-8")
    os.symlink(folder / "victime.txt", out / f"{AS_OF} Relance 1 - Atelier Alpha.docx")


def _drafted_with_ca_file(folder: Path) -> list[str]:
    _office(folder)
    rows = ledger_rows(email=True)
    ledger = workbook(folder / "grand-livre.xlsx", sheets={"Factures": sheet_xml(rows)})
    _with_config(folder, "[smtp]\nhost = '127.0.0.1'\nport = 9\nsecurity = 'ssl'\n"
                         "ca_file = '/dev/zero'")  # fmt: skip
    done = relance("run", str(ledger), "--as-of", AS_OF, "--email", cwd=folder)
    assert done.returncode == 0, done.stderr
    return ["send", str(folder / "relances" / AS_OF), "--yes"]


OUTPUTS = {
    "a-link-planted-in-the-output-folder": Attack(
        _run(_planted_link), 1, "contient un lien symbolique"
    ),
    "send-with-ca-file-dev-zero": Attack(_drafted_with_ca_file, 1, "[smtp] ca_file"),
}


@pytest.mark.parametrize("attack", OUTPUTS.values(), ids=OUTPUTS.keys())
def test_what_a_run_writes_or_sends_is_never_turned_against_the_user(tmp_path, attack):
    args = attack.build(tmp_path)
    said_in_french(relance(*args, cwd=tmp_path, timeout=120), attack.code, attack.phrase)
    victim = tmp_path / "victime.txt"
    assert not victim.exists() or victim.read_text(encoding="utf-8") == "intact"


def _sleep(seconds: float) -> str:
    import time

    time.sleep(seconds)
    return ""


@pytest.mark.parametrize(
    ("source", "refused"),
    [
        pytest.param(
            "{% for x in range(5000) %}{% for y in range(90) %}{% endfor %}{% endfor %}",
            True,
            id="a-loop-that-burns-the-processor",
        ),
        pytest.param(
            "{{ wait(0.3) }}{% for x in range(999) %}{% endfor %}",
            False,
            id="a-render-that-waits-for-the-processor",
        ),
    ],
)
def test_the_time_bound_counts_the_rendering_threads_processor_time(monkeypatch, source, refused):
    # A busy machine (another process, an antivirus) made a render wait past the bound in
    # wall time: only the processor time the render itself spends counts.
    from jinja2.exceptions import SecurityError

    from relance_xlsx.letters import sandbox

    monkeypatch.setattr(sandbox, "MAX_SECONDS", 0.05)
    env = sandbox.bounded_env(autoescape=True)
    template = env.from_string(source)
    env.start()
    if refused:
        with pytest.raises(SecurityError, match="remplissage trop long"):
            template.render(wait=_sleep)
    else:
        assert template.render(wait=_sleep) == ""
