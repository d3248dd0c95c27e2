"""Ten weeks of a real office: clients who buy again while under each stage, a public buyer, a
consumer. Every week: no invoice recorded two stages above its last letter, every invoice in the
part of its own stage, every « malgré nos relances » naming only invoices reminded before with
the dates recorded for them (journal or ledger), and a rerun on the same date changes nothing."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from conftest import ROOT, write_ledger
from docx import Document
from openpyxl import load_workbook

import relance_xlsx

D = dt.date
START = D(2026, 10, 5)
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Date règlement", "Adresse", "Code postal", "Ville", "Type client",
           "Niveau de relance", "Date de relance"]  # fmt: skip
CLIENTS = {
    # name: (street, postcode, town, type)
    "Atelier Alpha": ("1 rue A", "75001", "Paris", "Professionnel"),
    "Bâtiment Bêta": ("2 rue B", "69001", "Lyon", "Professionnel"),
    "Café Gamma": ("3 rue C", "13001", "Marseille", "Professionnel"),
    "Commune de Saint-Priest": (
        "Place de l'Hôtel de Ville",
        "69800",
        "Saint-Priest",
        "Collectivité",
    ),
    "M. Jean Petit": ("4 impasse D", "33000", "Bordeaux", "Particulier"),
}
# Each client starts at another stage: none, relance 1, relance 2, mise en demeure.
FIRST = [
    ("A-1", "Atelier Alpha", D(2026, 9, 1), 1000.0, "Relance 1", D(2026, 9, 25)),
    ("B-1", "Bâtiment Bêta", D(2026, 8, 1), 2000.0, "Relance 2", D(2026, 9, 30)),
    ("G-1", "Café Gamma", D(2026, 7, 1), 700.0, "Mise en demeure", D(2026, 10, 1)),
    ("C-1", "Commune de Saint-Priest", D(2026, 9, 15), 3000.0, None, None),
    ("P-1", "M. Jean Petit", D(2026, 9, 10), 500.0, "Relance 1", D(2026, 9, 28)),
]
BUYING_WEEKS = (1, 2, 4, 6)  # every client buys again these weeks (due 3 days before the run)
ORDER = ["", "Relance 1", "Relance 2", "Mise en demeure", "Contentieux"]
STAGE = {"relance_1": "Relance 1", "relance_2": "Relance 2", "mise_en_demeure": "Mise en demeure"}
DATE = re.compile(r"\d{2}/\d{2}/\d{4}")
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]  # fmt: skip
# The dates a sentence cites, as running text writes them: « des 3 et 5 novembre 2026 »,
# « du 28 octobre 2026 », « des 30 décembre 2025 et 10 janvier 2026 », « 1er ».
CITED = re.compile(
    r"(?:relances?|demeure),? (?:du|des|dont celles? d(?:u|es)) "
    r"(.*?\d{4}(?: pour .*?)?)(?=, l|[,.]$|\.)"
)
# « du 5 octobre 2026 pour la facture n° A1 et des 12 et 26 octobre 2026 pour les factures
# n° A1 et A2 »: each date names its invoices; the invoice numbers are not dates.
FOR_INVOICES = re.compile(r" pour (?:la|les) factures? n° .*?(?=(?: et d(?:u|es) \d)|$)")
DAY = re.compile(r"(\d{1,2})(?:er)?(?:\s+(" + "|".join(MONTHS) + r"))?(?:\s+(\d{4}))?")


def _cited(sentence: str) -> set[str]:
    """The days a sentence cites for its reminders or notices, as dd/mm/yyyy."""
    found = CITED.search(sentence.replace("\u00a0", " "))
    if not found:
        return set()
    days, month, year = [], None, None
    # The month and year are said once, last.
    for m in reversed(list(DAY.finditer(FOR_INVOICES.sub("", found[1])))):
        month = MONTHS.index(m[2]) + 1 if m[2] else month
        year = int(m[3]) if m[3] else year
        days.append(f"{int(m[1]):02d}/{month:02d}/{year}")
    return set(days)


def _row(number: str, client: str, due: dt.date, amount: float, level=None, date=None) -> list[Any]:
    street, postcode, town, kind = CLIENTS[client]
    return [number, client, due - dt.timedelta(days=30), due, amount, 0, None, street, postcode,
            town, kind, level, date]  # fmt: skip


def _office(tmp_path: Path) -> Path:
    toml = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    policy = '\n[policy]\ninterest_for_consumers = true\nclaim_after_payment = "letter"\n'
    (tmp_path / "relance.toml").write_text(toml + policy, "utf-8")
    return write_ledger(tmp_path / "ledger.xlsx", [_row(*r) for r in FIRST], HEADERS)


def _ledger_state(ledger: Path) -> tuple[dict[str, tuple[str, Any]], dict[tuple[str, str], set]]:
    """Each invoice's level and date, and the letters recorded for it (journal and ledger)."""
    book = load_workbook(ledger)
    ws = book["Factures"]
    header = [c.value for c in ws[1]]
    at = {
        h: header.index(h) for h in ("N° facture", "Client", "Niveau de relance", "Date de relance")
    }
    levels, recorded = {}, defaultdict(set)
    for r in ws.iter_rows(min_row=2, values_only=True):
        if not r[0]:
            continue
        level, date = r[at["Niveau de relance"]] or "", r[at["Date de relance"]]
        levels[r[0]] = (level, date)
        if level in ORDER[1:4] and date is not None:
            recorded[(r[at["Client"]], r[0])].add((date.date(), level))
    if "Journal des relances" in book.sheetnames:
        for r in book["Journal des relances"].iter_rows(min_row=2, values_only=True):
            if r[0] and str(r[4]).startswith("Courrier") and r[3] in ORDER[1:4]:
                recorded[(r[2], r[1])].add((r[0].date(), r[3]))
    return levels, recorded


def _add_purchases(ledger: Path, week: int, day: dt.date) -> None:
    book = load_workbook(ledger)
    ws = book["Factures"]
    for i, (client, prefix) in enumerate(zip(CLIENTS, "ABGCP", strict=True)):
        ws.append(_row(f"{prefix}-W{week}", client, day - dt.timedelta(days=3), 100.0 * (i + 1)))
    book.save(ledger)


def _pay(ledger: Path, number: str, on: dt.date) -> None:
    book = load_workbook(ledger)
    ws = book["Factures"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == number:
            row[header.index("Montant réglé")].value = row[header.index("Montant TTC")].value
            row[header.index("Date règlement")].value = on
    book.save(ledger)


def _blocks(path: str) -> list[Any]:
    """The letter's body in order: paragraph texts and tables (rows of cell texts)."""
    doc = Document(path)
    out: list[Any] = []
    for child in doc.element.body.iterchildren():
        if child.tag.endswith("}p"):
            text = "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t"))
            out.append(text.replace("\u2011", "-"))  # numbers as typed
        elif child.tag.endswith("}tbl"):
            rows = [
                [
                    "".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t")).replace(
                        "\u2011", "-"
                    )
                    for cell in row.iter()
                    if cell.tag.endswith("}tc")
                ]
                for row in child.iter()
                if row.tag.endswith("}tr")
            ]
            out.append(rows)
    return out


def _check_reminders_cited(letter, recorded, day) -> int:
    """Each « malgré nos relances »: its invoices were reminded before, on the dates it cites."""
    blocks, checked = _blocks(letter.path), 0
    for i, block in enumerate(blocks):
        if not isinstance(block, str) or not re.search(r"[Mm]algré (notre|nos) relance", block):
            continue
        table = next(b for b in blocks[i + 1 :] if isinstance(b, list))
        assert table[0][-1] == "Relancée le", (letter.client, table[0])
        cited = _cited(block)
        known = set()
        for number, *_, dates in table[1:]:
            mine = {d.strftime("%d/%m/%Y") for d, level in recorded[(letter.client, number)]
                    if level in ("Relance 1", "Relance 2") and d < day}  # fmt: skip
            assert mine, (
                day,
                letter.client,
                number,
                "cited « malgré nos relances » without a reminder",
            )
            assert set(DATE.findall(dates)) <= mine, (day, number, dates, mine)
            known |= mine
        # Past three groups of reminders the sentence sends to the table (its dates checked
        # above, invoice by invoice) instead of citing any.
        to_table = "le tableau ci-dessous donne les dates" in block
        assert (cited or to_table) and cited <= known, (day, letter.client, cited, known)
        checked += 1
    for block in blocks:
        if isinstance(block, str) and block.startswith("Pour mémoire"):
            for number in re.findall(r"n° ([\w-]+)", block):
                notices = {
                    d.strftime("%d/%m/%Y")
                    for d, level in recorded[(letter.client, number)]
                    if level == "Mise en demeure"
                }
                assert notices and _cited(block) and _cited(block) <= notices, (day, block)
    return checked


FALSE = {
    "business": ["fait courir les intérêts", "conditions générales de vente"],
    "public": ["fait courir les intérêts", "injonction de payer", "saisie", "L441-10", "D441-5"],
    "consumer": ["L441-10", "D441-5", "40,00", "indemnité forfaitaire", "R2192",
                 r"Intérêts au taux légal[^\n]*: 0,00"],
}  # fmt: skip
TYPE_OF = {"Professionnel": "business", "Collectivité": "public", "Particulier": "consumer"}


def test_ten_weeks_of_clients_buying_again_under_every_stage(tmp_path):
    ledger = _office(tmp_path)
    settings = relance_xlsx.load_settings(tmp_path / "relance.toml")
    seen: dict[str, set[str]] = defaultdict(set)
    several = cited = 0
    for week in range(10):
        day = START + dt.timedelta(days=7 * week)
        if week in BUYING_WEEKS:
            _add_purchases(ledger, week, day)
        if week == 5:
            _pay(ledger, "A-1", day - dt.timedelta(days=2))  # paid late: its penalties claimed
        if week == 7:
            _pay(ledger, "C-1", day - dt.timedelta(days=1))
        before, recorded = _ledger_state(ledger)
        result = relance_xlsx.run(ledger, settings, as_of=day, out_dir=tmp_path / day.isoformat())
        assert result.to_complete == [], [x.missing for x in result.to_complete]
        after, _ = _ledger_state(ledger)
        for number, (level, _) in after.items():
            was = before.get(number, ("", None))[0]
            if level in ORDER and was in ORDER:
                assert ORDER.index(level) <= ORDER.index(was) + 1, (day, number, was, level)
        clients = [x.client for x in result.letters]
        assert len(clients) == len(set(clients)), (day, clients)  # one envelope per client
        for letter in result.letters:
            kind = TYPE_OF[CLIENTS[letter.client][3]]
            seen[kind] |= {p["kind"] for p in letter.parts} | {letter.kind}
            several += len(letter.parts) > 1
            for part in letter.parts:
                for number in part["invoices"]:
                    if part["kind"] in STAGE:  # each invoice recorded at its own part's stage
                        assert after[number][0] == STAGE[part["kind"]], (day, number, part)
            cited += _check_reminders_cited(letter, recorded, day)
            text = "\n".join(b for b in _blocks(letter.path) if isinstance(b, str))
            for wrong in FALSE[kind]:
                assert not re.search(wrong, text), (day, letter.client, wrong)
            if letter.kind == "mise_en_demeure":
                assert "LETTRE RECOMMANDÉE" in text
            else:
                assert "RECOMMANDÉE" not in text and "mettons en demeure" not in text
        saved = ledger.read_bytes()
        again = relance_xlsx.run(ledger, settings, as_of=day, out_dir=tmp_path / f"{day}-bis")
        assert again.letters == [] and again.rows_written == 0 and again.journal_lines == 0, day
        assert ledger.read_bytes() == saved, day
    # The weeks went through what the test is about.
    assert {"relance_1", "relance_2", "mise_en_demeure"} <= seen["business"]
    assert {"relance_1", "relance_2", "mise_en_demeure"} <= seen["public"]
    assert {"relance_1", "relance_2", "mise_en_demeure"} <= seen["consumer"]
    assert "penalites" in seen["business"]
    assert several >= 5 and cited >= 10
