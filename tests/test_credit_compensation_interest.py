"""A free credit note (one naming no open invoice, or what is left of one larger than its
invoice) set against what the client owes by compensation lowers the interest base of the
invoice it extinguishes from the day the compensation takes effect (Code civil 1347 al. 2):
the later of its date and the invoice's due date, as a dated payment does; the letter, the
litigation file's interest table and the run's figures (JSON) give the same interest
(review-lawhand 2: 38,05 € by hand, not 46,94 € on the whole principal)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx
from relance_xlsx.wording import plain

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Adresse", "Niveau de relance", "Date de relance", "Facture d'origine"]  # fmt: skip


def _row(number, day, due, amount, origin=None, level=2):
    reminded = D(2026, 11, 20) if level else None
    return [
        number,
        "Gamma SARL",
        "professionnel",
        day,
        due,
        amount,
        ADDRESS,
        level or None,
        reminded,
        origin,
    ]


G1 = _row("G1", D(2026, 8, 1), D(2026, 8, 31), 500.0)
G2 = _row("G2", D(2026, 8, 5), D(2026, 9, 4), 1500.0)
# All at 12,15 % (ECB 2,15 + 10), actual days / 365.
CASES = [
    # review-lawhand 2: AV1 −800 € names G1 (500 €); its 300 € left is set off against G2 on
    # 10/09: 1 500 € 05/09–09/09 (5 d) 2,50 €, then 1 200 € 10/09–07/12 (89 d) 35,55 €.
    pytest.param(
        [G1, G2, _row("AV1", D(2026, 9, 10), D(2026, 9, 10), -800.0, "G1", level=0)],
        {"G2": 38.05},
        [
            "G2 | 05/09/2026 | 09/09/2026 | 5 | 1 500,00 € | 12,15 % | 2,50 €",
            "G2 | 10/09/2026 | 07/12/2026 | 89 | 1 200,00 € | 12,15 % | 35,55 €",
        ],
        "Facture n° G2 : base des intérêts diminuée de 300,00 € le 10/09/2026, par compensation avec l'avoir AV1 (Code civil 1347).",
        id="surplus-of-a-credit-from-its-date",
    ),
    # A credit note naming no invoice, dated before G2's due date: the compensation takes
    # effect at the due date, so the base is lowered from the first day late:
    # 1 200 € 05/09–07/12 (94 d) = 37,55 €.
    pytest.param(
        [G2, _row("AV2", D(2026, 9, 1), D(2026, 9, 1), -300.0, level=0)],
        {"G2": 37.55},
        ["G2 | 05/09/2026 | 07/12/2026 | 94 | 1 200,00 € | 12,15 % | 37,55 €"],
        "Facture n° G2 : base des intérêts diminuée de 300,00 € le 04/09/2026",
        id="credit-before-the-due-date",
    ),
    # 600 € naming no invoice, on 10/09: the oldest debt first (1342-10), G1's 500 € whole,
    # then 100 € of G2. G1: 500 € 01/09–09/09 (9 d) = 1,50 €, nothing after. G2: 1 500 €
    # 05/09–09/09 = 2,50 €, then 1 400 € 10/09–07/12 (89 d) = 41,48 €.
    pytest.param(
        [G1, G2, _row("AV3", D(2026, 9, 10), D(2026, 9, 10), -600.0, level=0)],
        {"G1": 1.50, "G2": 43.98},
        [
            "G1 | 01/09/2026 | 09/09/2026 | 9 | 500,00 € | 12,15 % | 1,50 €",
            "G2 | 10/09/2026 | 07/12/2026 | 89 | 1 400,00 € | 12,15 % | 41,48 €",
        ],
        "Facture n° G1 : base des intérêts diminuée de 500,00 € le 10/09/2026",
        id="the-oldest-invoice-first",
    ),
]


def _text(path) -> str:
    doc = Document(str(path))
    cells = [" | ".join(c.text for c in r.cells) for t in doc.tables for r in t.rows]
    text = plain("\n".join([p.text for p in doc.paragraphs] + cells))
    return text.replace("\u202f", " ").replace("\xa0", " ").replace("\u2011", "-")


@pytest.mark.parametrize(("rows", "interest", "periods", "sentence"), CASES)
def test_a_compensation_lowers_the_interest_base_from_its_date(
    tmp_path, rows, interest, periods, sentence
):
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    settings = complete_settings()
    result = relance_xlsx.run(ledger, settings, as_of=AS_OF, out_dir=tmp_path / "o", pdf=False)
    figures = {i.invoice: i.interest for i in result.invoices if i.invoice in interest}
    assert figures == interest  # the run's figures (JSON « interest »)
    [letter] = [x for x in result.letters if x.client == "Gamma SARL"]
    principal = sum(r[5] for r in rows)
    assert letter.total_due == round(principal + sum(interest.values()) + 40 * len(interest), 2)
    text = _text(letter.path)
    for line in periods:
        assert line in text, text
    assert sentence in text, text
    path, *_ = relance_xlsx.dossier(
        ledger, "Gamma SARL", settings, as_of=AS_OF, out_dir=tmp_path / "f", pdf=False
    )
    filed = _text(path)
    assert (
        "par compensation, réduit la base des intérêts de la facture qu'il éteint dès le jour où la compensation joue"
        in filed
    )
    total = f"{sum(interest.values()):,.2f}".replace(",", " ").replace(".", ",")
    # G1 wholly set off: its interest stops on 09/09 (« … au 9 septembre 2026 pour la facture
    # n° G1 et au 7 décembre 2026 pour la facture n° G2 : 45,48 € »).
    [stated] = [line for line in filed.splitlines() if line.startswith("Intérêts arrêtés au ")]
    assert stated.endswith(f" : {total} €"), stated
    for line in periods:
        assert line in filed, filed


def test_a_time_barred_invoice_takes_no_compensation(tmp_path):
    """G0, due 31/03/2021, is barred since 2026 when AV4 (10/09/2026, naming no invoice) would
    be set off against it: a barred debt takes no compensation (Code civil 1347-3), so AV4's
    300 € lower G2's base, the invoice the letter deducts them from: 2,50 + 35,55 = 38,05 €,
    never interest on the whole 1 500 € (review-lawre HIGH-1)."""
    rows = [_row("G0", D(2021, 3, 1), D(2021, 3, 31), 900.0), G2,
            _row("AV4", D(2026, 9, 10), D(2026, 9, 10), -300.0, level=0)]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "o", pdf=False
    )
    by = {i.invoice: i for i in result.invoices}
    assert by["G0"].action == "prescribed" and by["G2"].interest == 38.05
    [letter] = [x for x in result.letters if x.client == "Gamma SARL"]
    assert letter.total_due == round(1200 + 38.05 + 40, 2)
