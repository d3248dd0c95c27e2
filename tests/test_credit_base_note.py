"""A credit note naming an invoice lowers its interest base from the start of the delay (the
credited part was never due): the interest detail says so under its table, or the debtor
reads two bases for one invoice (« Reste dû 1 234,56 € », « Base 1 134,56 € ») with no word
why (the lawyer's review of the ordinary letters, finding 7)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import all_paragraphs, complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 7)
HEADERS = ["N° facture", "Client", "Langue", "Adresse", "Date facture", "Échéance", "Montant TTC",
           "Niveau de relance", "Date de relance", "Facture d'origine"]  # fmt: skip
ADDRESS = "10 rue Garibaldi\n69006 Lyon"


@pytest.mark.parametrize(
    ("lang", "credits", "says"),
    [
        pytest.param("fr", ["AV5"], "Facture n° F101 : base des intérêts diminuée de l'avoir AV5.", id="fr-one-credit"),
        pytest.param("fr", ["AV5", "AV6"], "Facture n° F101 : base des intérêts diminuée des avoirs AV5 et AV6.", id="fr-two-credits"),
        pytest.param("en", ["AV5"], "Invoice F101: interest base reduced by credit note AV5.", id="en-one-credit"),
        pytest.param("fr", [], None, id="fr-no-credit-no-note"),
    ],
)  # fmt: skip
def test_the_interest_detail_names_the_credit_that_lowered_the_base(tmp_path, lang, credits, says):
    rows = [
        [
            "F101",
            "Boulangerie Martin SARL",
            lang,
            ADDRESS,
            D(2026, 10, 15),
            D(2026, 11, 14),
            1234.56,
            "Relance 1",
            D(2026, 11, 20),
            None,
        ]
    ]
    rows += [[n, "Boulangerie Martin SARL", lang, ADDRESS, D(2026, 11, 20), None, -50.0, None, None, "F101"] for n in credits]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    (f101,) = [i for i in result.invoices if i.invoice == "F101"]
    assert f101.letter and f101.interest > 0, f101.reason
    # 1 234,56 less 50 € a credit note; 23 days (15/11 to 07/12) at 12,15 %.
    base = 1234.56 - 50.0 * len(credits)
    assert f101.interest_periods[0][4] == pytest.approx(base)
    text = " ".join(p.text for p in all_paragraphs(Document(f101.letter)))
    text = text.replace("\xa0", " ").replace("\u202f", " ")
    if says:
        assert says in text, text
    else:
        assert "diminuée" not in text and "reduced by" not in text, text
