"""A payment received after the opening judgment for a debt born before it (Code de commerce
L622-7 forbids it, legal-fr.md 7.6): the declaration states what was due on the judgment's
day (8.4), the payment not deducted, and the run and the status warn.
Rates from legal-fr.md: 2024 H1 ECB 4,50 % + 10 = 14,50 %; 2024 H2 4,25 % + 10 = 14,25 %."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import complete_settings, write_ledger
from test_declaration import ADDRESS, _text

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Date règlement", "Adresse", "Procédure collective", "Date du jugement",
           "Date BODACC"]  # fmt: skip
JUDGMENT, NOTICE = D(2024, 7, 15), D(2024, 7, 30)


def _plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


def test_a_payment_after_the_judgment_is_declared_and_warned(tmp_path: Path) -> None:
    rows = [
        # 1 000 € due 15/05/2024, 200 € paid on 20/07/2024, after the judgment of 15/07:
        # 16/05-30/06 = 46 days: 1 000 × 14,50 % × 46 / 365 = 18,2740 → 18,27; 01/07-14/07 =
        # 14 days: 1 000 × 14,25 % × 14 / 365 = 5,4658 → 5,47. 1 000 declared, not 800.
        ["P-1", "Rouge SAS", D(2024, 4, 15), D(2024, 5, 15), 1000.0, 200.0, D(2024, 7, 20),
         ADDRESS, "Redressement judiciaire", JUDGMENT, NOTICE],
        # 500 € due 14/07/2024 (no day of interest), paid whole on 16/07/2024, after the
        # judgment: still declared with its 40 €, no thanks letter.
        ["P-2", "Rouge SAS", D(2024, 6, 14), D(2024, 7, 14), 500.0, 500.0, D(2024, 7, 16),
         ADDRESS, None, None, None],
        # 300 € due 31/05/2024, paid whole on 10/07/2024, late but before the judgment: not
        # a forbidden payment; its penalties, born before the judgment, are declared (L622-24):
        # 01/06-30/06 = 30 days: 300 × 14,50 % × 30 / 365 = 3,5753 → 3,58; 01/07-10/07 = 10
        # days: 300 × 14,25 % × 10 / 365 = 1,1712 → 1,17; 4,75 € and 40 €.
        ["P-3", "Rouge SAS", D(2024, 4, 30), D(2024, 5, 31), 300.0, 300.0, D(2024, 7, 10),
         ADDRESS, None, None, None],
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2024, 8, 20), out_dir=tmp_path / "out"
    )
    actions = {i.invoice: i for i in result.invoices}
    assert actions["P-1"].action == actions["P-2"].action == "insolvency"
    assert actions["P-3"].action != "insolvency"
    for number, said in (
        ("P-1", "200,00 € reçu le 20/07/2024"),
        ("P-2", "500,00 € reçu le 16/07/2024"),
    ):
        reason = _plain(actions[number].reason)
        assert said in reason and "L622-7" in reason and "restitué" in reason, reason
        assert any(number in w and said in _plain(w) and "avocat" in w for w in result.warnings)
    assert "L622-7" not in actions["P-3"].reason
    text = _text(Path(result.declarations[0]))
    # Principal due on the judgment: 1 000 + 500 = 1 500 (the 700 € received after it are
    # not deducted); interest 18,27 + 5,47 + 4,75 (P-3) = 28,49; 3 × 40 €;
    # 1 500 + 28,49 + 120 = 1 648,49.
    assert "Principal échu : 1 500,00 €" in text
    assert (
        "Intérêts arrêtés au 10 juillet 2024 pour la facture n° P-3 et au 14 juillet 2024 pour "
        "la facture n° P-1 : 28,49 €"
    ) in text
    assert "Total échu au jour du jugement : 1 648,49 €" in text
    assert "Facture P-1 : 200,00 € reçus le 20 juillet 2024, postérieurement au jugement" in text
    assert "sous réserve de restitution" in text
    assert "Facture P-3 réglée le 10 juillet 2024, après son échéance du 31 mai 2024" in text


def test_a_payments_sheet_deducts_only_what_came_before_the_judgment(tmp_path: Path) -> None:
    """P-1, 1 000 € due 15/05/2024: 300 € paid on 01/07/2024, before the judgment of 15/07,
    and 200 € on 20/07/2024, after it. Due on the judgment: 1 000 − 300 = 700 €, the 200 €
    not deducted. Interest: 16/05–30/06, 46 days on 1 000 € at 14,50 %: 18,27; 01/07 (the
    payment's day bears interest on the amount before it), 1 day on 1 000 € at 14,25 %:
    1 000 × 14,25 % / 365 = 0,3904 → 0,39; 02/07–14/07, 13 days on 700 €: 700 × 14,25 % × 13
    / 365 = 3,5527 → 3,55; 22,21 €. Total due: 700 + 22,21 + 40 = 762,21 €."""
    headers = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse",
               "Procédure collective", "Date du jugement", "Date BODACC"]  # fmt: skip
    rows = [["P-1", "Rouge SAS", D(2024, 4, 15), D(2024, 5, 15), 1000.0, ADDRESS,
             "Redressement judiciaire", JUDGMENT, NOTICE]]  # fmt: skip

    def payments(wb) -> None:
        ws = wb.create_sheet("Règlements")
        ws.append(["N° facture", "Date", "Montant"])
        ws.append(["P-1", D(2024, 7, 1), 300.0])
        ws.append(["P-1", D(2024, 7, 20), 200.0])

    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers, extra=payments)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2024, 8, 20), out_dir=tmp_path / "out"
    )
    [invoice] = result.invoices
    assert "paiement de 200,00 € reçu le 20/07/2024" in _plain(invoice.reason)
    text = _text(Path(result.declarations[0]))
    assert "Principal échu : 700,00 €" in text
    assert "Intérêts arrêtés au 14 juillet 2024 : 22,21 €" in text
    assert "Total échu au jour du jugement : 762,21 €" in text


def test_each_payment_after_the_judgment_is_named(tmp_path: Path) -> None:
    """P-1, 1 000 € due 15/05/2024 (judgment 15/07/2024): 300 € on 01/07/2024, before it,
    then 100 € on 20/07/2024 and 150 € on 05/08/2024, both after it. The warning names both
    payments and their total, 250 €, not only the last one (150 € on 05/08 was « 250,00 €
    reçu le 05/08/2024 »). Declared as in the test above: 700 € + 22,21 € + 40 € = 762,21 €,
    the 250 € not deducted."""
    headers = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse",
               "Procédure collective", "Date du jugement", "Date BODACC"]  # fmt: skip
    rows = [["P-1", "Rouge SAS", D(2024, 4, 15), D(2024, 5, 15), 1000.0, ADDRESS,
             "Redressement judiciaire", JUDGMENT, NOTICE]]  # fmt: skip

    def payments(wb) -> None:
        ws = wb.create_sheet("Règlements")
        ws.append(["N° facture", "Date", "Montant"])
        ws.append(["P-1", D(2024, 7, 1), 300.0])
        ws.append(["P-1", D(2024, 7, 20), 100.0])
        ws.append(["P-1", D(2024, 8, 5), 150.0])

    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers, extra=payments)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2024, 8, 20), out_dir=tmp_path / "out"
    )
    [invoice] = result.invoices
    said = "2 paiements, 250,00 € en tout, reçus après le jugement d'ouverture pour une dette "
    said += "née avant lui (100,00 € le 20/07/2024 et 150,00 € le 05/08/2024)"
    assert said in _plain(invoice.reason), invoice.reason
    assert "paiements interdits par l'article L622-7" in _plain(invoice.reason)
    assert any(said in _plain(w) and "P-1" in w for w in result.warnings), result.warnings
    text = _plain(_text(Path(result.declarations[0])))
    assert "Principal échu : 700,00 €" in text
    assert "Total échu au jour du jugement : 762,21 €" in text
    assert (
        "Facture P-1 : 250,00 € reçus postérieurement au jugement d'ouverture, en 2 paiements "
        "(100,00 € le 20 juillet 2024 et 150,00 € le 5 août 2024), non déduits" in text
    ), text


def test_interest_a_transfer_paid_is_deducted_in_plain_sight(tmp_path: Path) -> None:
    """P-1, 1 000 € due 15/05/2024, judgment of 15/07/2024: 18,27 + 5,47 = 23,74 € over the
    periods (above); the journal says a transfer paid 10,00 € of its interest: 13,74 €
    declared, and the declaration says the 10,00 € under its table (it only showed 13,74 €
    under a table of 23,74 €)."""

    def journal(wb) -> None:
        ws = wb.create_sheet("Journal des relances")
        ws.append(["Date d'exécution", "N° facture", "Client", "Niveau", "Action", "Reste dû",
                   "Intérêts", "Indemnité", "Courrier"])  # fmt: skip
        ws.append([dt.datetime(2024, 7, 10), "P-1", "Rouge SAS", "Relance 2",
                   "Pénalités réglées (banque)", 0.0, 10.0, 0.0, ""])  # fmt: skip

    rows = [["P-1", "Rouge SAS", D(2024, 4, 15), D(2024, 5, 15), 1000.0, None, None, ADDRESS,
             "Redressement judiciaire", JUDGMENT, NOTICE]]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS, extra=journal)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2024, 8, 20), out_dir=tmp_path / "out"
    )
    text = _text(Path(result.declarations[0]))
    assert "18,27 €" in text and "5,47 €" in text
    assert (
        "Déjà reçu par virement au titre des intérêts de retard (facture P-1), déduit : "
        "23,74 € au tableau − 10,00 € reçus = 13,74 € déclarés." in text
    ), text
    assert "Intérêts arrêtés au 14 juillet 2024 : 13,74 €" in text


UNDATED = "règlement de 400,00 € non daté : s'il est postérieur au jugement d'ouverture, il ne doit pas être déduit (L622-7) ; indiquez sa date."


@pytest.mark.parametrize(
    ("paid", "day", "said"),
    [
        pytest.param(400.0, None, True, id="undated-part-payment"),
        pytest.param(400.0, D(2024, 6, 1), False, id="dated-before-the-judgment"),
        pytest.param(None, None, False, id="nothing-paid"),
    ],
)
def test_an_undated_part_payment_is_said_in_the_declaration(tmp_path, paid, day, said):
    """The fourth legal review, 9: « Réglé 400,00 € | Reste dû 600,00 € » without a word, while
    a payment made after the judgment must not be deducted (L622-7)."""
    rows = [["U2", "Upsilon SAS", D(2024, 4, 15), D(2024, 5, 15), 1000.0, paid, day, ADDRESS,
             "Liquidation judiciaire", JUDGMENT, NOTICE]]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2024, 8, 20), out_dir=tmp_path / "out"
    )
    text = " ".join(_plain(_text(Path(result.declarations[0]))).split())
    assert (f"Facture U2 : {UNDATED}" in text) is said, text


INTEREST = (
    "indiquez sa date. Intérêts comptés sur le reste dû dès l'échéance : reçu après elle, ce "
    "règlement laisse dus en plus les intérêts de son montant jusqu'à sa date."
)


@pytest.mark.parametrize(
    ("paid", "day", "said"),
    [
        pytest.param(400.0, None, True, id="undated-interest-on-the-rest-said"),
        pytest.param(400.0, D(2024, 6, 1), False, id="dated-nothing-said"),
    ],
)
def test_an_undated_part_payment_says_how_interest_was_counted(tmp_path, paid, day, said):
    """The lawyer's review lawnew L3: the interest is counted on 600 € from the due date as
    if the 400 € came before it; paid later, more is due: said beside the L622-7 sentence."""
    rows = [["U2", "Upsilon SAS", D(2024, 4, 15), D(2024, 5, 15), 1000.0, paid, day, ADDRESS,
             "Liquidation judiciaire", JUDGMENT, NOTICE]]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2024, 8, 20), out_dir=tmp_path / "out", pdf=False
    )
    text = " ".join(_plain(_text(Path(result.declarations[0]))).split())
    assert (f"{UNDATED[: -len('indiquez sa date.')]}{INTEREST}" in text) is said, text
