"""A letter the ledger alone records survives the write-back: before a run overwrites the
ledger's « Niveau de relance » / « Date de relance », the letter they recorded goes into the
journal (« Courrier (repris du classeur) », with its LRAR number and AR date), once. The
lawyer's review of issue 29 (defect 1): cases c02 (a commune's lapse), c05 (a consumer's
notice) and c09 (a business's mise en demeure exhibit), with her hand figures."""

# ruff: noqa: E501

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from conftest import complete_settings, write_ledger
from docx import Document
from openpyxl import load_workbook

import relance_xlsx

D = dt.date
JOURNAL = "Journal des relances"
HEADERS = ["N° facture", "Date facture", "Client", "Type client", "Adresse", "Montant TTC",
           "Échéance", "Niveau de relance", "Date de relance", "N° recommandé", "Date AR"]  # fmt: skip


def _text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return (
        "\n".join([p.text for p in doc.paragraphs] + cells)
        .replace("\u202f", " ")
        .replace("\xa0", " ")
    )


def _journal(ledger: Path) -> list[tuple]:
    ws = load_workbook(ledger)[JOURNAL]
    return [r for r in ws.iter_rows(min_row=2, values_only=True) if any(r)]


def _settings(consumers: bool = False):
    s = complete_settings()
    return dataclasses.replace(
        s, policy=dataclasses.replace(s.policy, interest_for_consumers=consumers)
    )


CASES = [
    # c02: a commune's invoice of 15/03/2021 (right born in 2021: lapse from 01/01/2026),
    # reminded on 10/05/2023 (loi 68-1250 art. 2: four years again from 01/01/2024, lapse on
    # 01/01/2028). The run of 06/12/2026 sends relance 2 and overwrites 10/05/2023. Interest
    # at ECB 0 % + 8 = 8 % (2021 H1, fixed), from 15/04/2021 to 06/12/2026: 2 064 days less
    # the per-period rounding: 16,88 + 40,33 + 39,67 + 40,33 + 39,67 + 40,33 + 39,89 + 40,33
    # + 39,67 + 40,33 + 39,67 + 34,85 = 451,95 €, and the 40 €.
    pytest.param(
        [
            "C-1",
            D(2021, 3, 15),
            "Commune de Brignais",
            "Commune",
            "Hôtel de ville\n69530 Brignais",
            1000.0,
            None,
            "Relance 1",
            D(2023, 5, 10),
            None,
            None,
        ],
        D(2026, 12, 6),
        D(2026, 12, 6),
        False,
        (D(2023, 5, 10), "Relance 1", "Courrier (repris du classeur)"),
        "Intérêts arrêtés au 6 décembre 2026 : 451,95 €",
        "Indemnités forfaitaires : 40,00 €",
        id="c02-commune-lapse-interrupted-by-the-ledger-s-2023-letter",
    ),
    # c05: a consumer's mise en demeure of 15/05/2025 (AR 19/05/2025), handed to litigation on
    # 31/10/2025; the file of 05/11/2025 counts the legal rate (« autres cas ») from the day
    # after the notice's receipt: 20/05 to 30/06/2025, 42 days at 3,71 % = 4,27; 01/07 to
    # 05/11/2025, 128 days at 2,76 % = 9,68: 13,95 € (13,57 € on 31/10, 14,36 € if counted
    # from the letter's date).
    pytest.param(
        [
            "K-10",
            D(2025, 3, 1),
            "M. Jean Petit",
            "particulier",
            "5 rue Longue\n69001 Lyon",
            1000.0,
            D(2025, 3, 31),
            "Mise en demeure",
            D(2025, 5, 15),
            "1A 234 567 8901 2",
            D(2025, 5, 19),
        ],
        D(2025, 10, 31),
        D(2025, 11, 5),
        True,
        (
            D(2025, 5, 15),
            "Mise en demeure",
            "Courrier (repris du classeur) (LRAR n° 1A 234 567 8901 2, AR du 19/05/2025)",
        ),
        "Intérêts arrêtés au 5 novembre 2025 : 13,95 €",
        "Mise en demeure du 15/05/2025 : facture K-10 (LRAR n° 1A 234 567 8901 2, AR du 19/05/2025) — d'après le journal",
        id="c05-consumer-interest-from-the-recovered-notice",
    ),
    # c09: a business's mise en demeure of 05/01/2026 (AR 08/01/2026), handed to litigation on
    # 02/02/2026: the file of 10/02/2026 lists it with its registered letter.
    pytest.param(
        [
            "A-1",
            D(2025, 9, 15),
            "Association Les Petits Pas",
            "professionnel",
            "28 rue Denfert-Rochereau\n69004 Lyon",
            7000.0,
            D(2025, 10, 15),
            "Mise en demeure",
            D(2026, 1, 5),
            "1A 111 222 3334 5",
            D(2026, 1, 8),
        ],
        D(2026, 2, 2),
        D(2026, 2, 10),
        False,
        (
            D(2026, 1, 5),
            "Mise en demeure",
            "Courrier (repris du classeur) (LRAR n° 1A 111 222 3334 5, AR du 08/01/2026)",
        ),
        "Mise en demeure du 05/01/2026 : facture A-1 (LRAR n° 1A 111 222 3334 5, AR du 08/01/2026) — d'après le journal",
        "05/01/2026 — Courrier (repris du classeur)",
        id="c09-business-notice-exhibit-survives-the-hand-over",
    ),
]


@pytest.mark.parametrize(("row", "run_on", "file_on", "consumers", "line", "says", "also"), CASES)
def test_the_ledger_s_letter_survives_the_write_back(
    tmp_path, row, run_on, file_on, consumers, line, says, also
):
    ledger = write_ledger(tmp_path / "l.xlsx", [row], HEADERS)
    settings = _settings(consumers)
    relance_xlsx.run(ledger, settings, as_of=run_on, out_dir=tmp_path / "out")
    journal = _journal(ledger)
    recovered = [(r[0].date(), r[3], r[4]) for r in journal if "repris" in str(r[4])]
    assert recovered == [line]
    # The amounts of that day are not known: left empty, never a made-up figure.
    assert [r[5:8] for r in journal if "repris" in str(r[4])] == [(None, None, None)]
    # The next run still sees the letter; rerunning adds no line.
    later = relance_xlsx.run(ledger, settings, as_of=file_on, out_dir=tmp_path / "out2")
    assert all(i.action != "prescribed" for i in later.invoices)
    assert [r for r in _journal(ledger) if "repris" in str(r[4])] == [
        r for r in journal if "repris" in str(r[4])
    ]
    (file, *_) = relance_xlsx.dossier(
        ledger, row[2], settings, as_of=file_on, out_dir=tmp_path / "f", pdf=False
    )
    text = _text(Path(file))
    assert says in text and also in text
    assert "Aucune mise en demeure trouvée" not in text or row[7] != "Mise en demeure"


def test_a_commune_s_lapse_still_interrupted_the_day_after(tmp_path):
    """c02's second step: on 07/12/2026 C-1 is not « Déchue depuis le 01/01/2026 »."""
    row = CASES[0].values[0]
    ledger = write_ledger(tmp_path / "l.xlsx", [row], HEADERS)
    relance_xlsx.run(ledger, _settings(), as_of=D(2026, 12, 6), out_dir=tmp_path / "out")
    result = relance_xlsx.run(ledger, _settings(), as_of=D(2026, 12, 7), dry_run=True)
    (c1,) = result.invoices
    assert c1.action == "wait" and "Déchue" not in c1.reason
    # 451,95 € on 06/12 + one day at 8 % on 1 000 € (0,22 €, the last period re-rounded).
    assert c1.interest == pytest.approx(452.17)


def test_a_letter_already_in_the_journal_is_not_recovered_again(tmp_path):
    """The run's own letter, recorded in the journal, overwritten by the next stage: no
    « repris » line for it (the journal already holds it)."""
    row = [
        "G-1",
        D(2026, 8, 1),
        "Garage Bleu",
        None,
        "3 rue des Lilas\n69100 Villeurbanne",
        900.0,
        D(2026, 9, 1),
        None,
        None,
        None,
        None,
    ]
    ledger = write_ledger(tmp_path / "l.xlsx", [row], HEADERS)
    for day in (D(2026, 9, 10), D(2026, 9, 30), D(2026, 10, 15)):
        relance_xlsx.run(ledger, _settings(), as_of=day, out_dir=tmp_path / day.isoformat())
    lines = _journal(ledger)
    assert [r[3] for r in lines] == ["Relance 1", "Relance 2", "Mise en demeure"]
    assert not [r for r in lines if "repris" in str(r[4])]


@pytest.mark.parametrize(
    ("number", "ar", "interest", "says"),
    [
        # The lawyer's c05 (defect 6), on 31/10/2025: the notice of 15/05/2025 received on
        # 19/05/2025 (CPC 668): 20/05 to 30/06, 42 days at 3,71 % = 4,27; 01/07 to 31/10, 123
        # days at 2,76 % = 9,30: 13,57 €.
        pytest.param("1A 234 567 8901 2", D(2025, 5, 19), 13.57,
                     "Intérêts de la facture K-10 : à compter du lendemain de la réception de la mise en demeure (avis de réception du 19/05/2025 ; Code de procédure civile 668)",
                     id="CPC-668-from-the-AR-date"),
        # No AR date: presumed received two days after the letter (17/05), said: 18/05 to
        # 30/06, 44 days: 1 000 × 3,71 % × 44 / 365 = 4,4723 → 4,47; 123 days = 9,30: 13,77 €.
        pytest.param(None, None, 13.77,
                     "Intérêts de la facture K-10 : à compter du lendemain de la réception présumée de la mise en demeure du 15/05/2025, le 17/05/2025 : deux jours après son envoi, faute de date d'avis de réception",
                     id="1231-6-from-the-presumed-receipt-without-AR"),
    ],
)  # fmt: skip
def test_a_consumer_s_interest_runs_from_the_notice_s_receipt(tmp_path, number, ar, interest, says):
    row = ["K-10", D(2025, 3, 1), "M. Jean Petit", "particulier", "5 rue Longue\n69001 Lyon", 1000.0, D(2025, 3, 31), "Mise en demeure", D(2025, 5, 15), number, ar]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", [row], HEADERS)
    settings = _settings(consumers=True)
    (k10,) = relance_xlsx.run(ledger, settings, as_of=D(2025, 10, 31), dry_run=True).invoices
    assert k10.action == "litigation" and k10.interest == pytest.approx(interest)
    (file, *_) = relance_xlsx.dossier(ledger, "M. Jean Petit", settings, as_of=D(2025, 10, 31), out_dir=tmp_path / "f", pdf=False)  # fmt: skip
    text = _text(Path(file))
    assert says in text
    assert f"Intérêts arrêtés au 31 octobre 2025 : {interest:.2f} €".replace(".", ",") in text
