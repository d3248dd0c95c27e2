"""A credit note that names its invoice lowers that invoice's interest base from the start of
the delay: the part it cancels was never due. Rates from legal-fr.md: 2026 H1, ECB 2,15 % + 10 = 12,15 %."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger

import relance_xlsx
from relance_xlsx.ledger.credits import named_invoice
from relance_xlsx.wording import plain

D = dt.date
AS_OF = D(2026, 6, 30)
ADDRESS = "1 rue A\n75001 Paris"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Facture d'origine",
           "Remarques", "Adresse"]  # fmt: skip
INVOICE = ["F-10", "Atelier Bleu", D(2026, 3, 1), D(2026, 3, 31), 1000.0, None, None, ADDRESS]


@pytest.mark.parametrize(
    ("credit", "interest", "periods"),
    [
        # No credit note: 01/04 to 30/06 = 91 days; 1 000 × 12,15 % × 91 / 365 = 30,2918 → 30,29.
        pytest.param(None, 30.29, [("2026-04-01", "2026-06-30", 91, 1000.0, 30.29)], id="no-credit"),
        # Credit of 250 € dated 15/05/2026 naming F-10 in « Facture d'origine »: the cancelled
        # 250 € were never due (the third legal review, finding 6), so the base is 750 € from
        # the first day, whatever the credit's date: 01/04 to 30/06, 91 days:
        # 750 × 12,15 % × 91 / 365 = 91,125 × 91 / 365 = 22,7188 → 22,72.
        pytest.param(["AV-1", "Atelier Bleu", D(2026, 5, 15), None, -250.0, "F-10", None, ADDRESS], 22.72,
                     [("2026-04-01", "2026-06-30", 91, 750.0, 22.72)], id="origin-column-lowers-the-base-from-the-start"),
        # The same credit named in a remark « Avoir sur F-10 »: the same figures.
        pytest.param(["AV-1", "Atelier Bleu", D(2026, 5, 15), None, -250.0, None, "Avoir sur F-10", ADDRESS], 22.72,
                     [("2026-04-01", "2026-06-30", 91, 750.0, 22.72)], id="remark-avoir-sur"),
        # Dated 20/03/2026, before the due date: 750 € from the first day, 91 days:
        # 91,125 × 91 / 365 = 22,7188 → 22,72.
        pytest.param(["AV-1", "Atelier Bleu", D(2026, 3, 20), None, -250.0, "Facture n° F-10", None, ADDRESS], 22.72,
                     [("2026-04-01", "2026-06-30", 91, 750.0, 22.72)], id="credit-before-the-due-date"),
        # A credit naming an invoice of another client changes nothing here.
        pytest.param(["AV-1", "Autre client", D(2026, 5, 15), None, -250.0, "F-10", None, ADDRESS], 30.29,
                     [("2026-04-01", "2026-06-30", 91, 1000.0, 30.29)], id="another-client-s-credit"),
    ],
)  # fmt: skip
def test_a_credit_note_lowers_its_invoice_s_interest_base_from_the_start(
    tmp_path, credit, interest, periods
):
    rows = [INVOICE] + ([credit] if credit else [])
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, dry_run=True)
    f10 = next(i for i in result.invoices if i.invoice == "F-10")
    assert f10.interest == interest
    assert [
        (p.start.isoformat(), p.end.isoformat(), p.days, p.base, p.interest)
        for p in f10.interest_periods
    ] == periods
    assert f10.outstanding == 1000.0  # the credit stays a line of its own, deducted from the total


def test_a_credit_naming_no_invoice_of_the_client_is_a_warning_on_its_row(tmp_path):
    rows = [INVOICE, ["AV-9", "Atelier Bleu", D(2026, 5, 15), None, -50.0, "F-99", None, ADDRESS]]
    result = relance_xlsx.check(write_ledger(tmp_path / "l.xlsx", rows, HEADERS))
    (problem,) = [p for p in result.problems if "F-99" in p.message]
    assert problem.row == 3 and problem.column == "Facture d'origine"
    assert problem.severity == "warning" and "sans effet sur les intérêts" in problem.message


@pytest.mark.parametrize(
    ("text", "number"),
    [
        pytest.param("Avoir sur F2026-012", "F2026-012", id="avoir-sur"),
        pytest.param("avoir sur facture n° 151", "151", id="avoir-sur-facture-no"),
        pytest.param("Avoir relatif à la facture FA-7.", "FA-7", id="relatif-a"),
        pytest.param("Credit note for invoice INV-12", "INV-12", id="english"),
        # A real ledger's wording (cdf_audit, the new user's review): its 15 000 € of credits
        # were left « available », not set against the invoices they cancel.
        pytest.param("Avoir annulant la facture n°111", "111", id="avoir-annulant"),
        # The second legal review: wordier credit notes.
        pytest.param(
            "Avoir n° AV-2026-15 annulant la facture n°111", "111", id="avoir-no-annulant"
        ),
        pytest.param("annulation de la facture 111", "111", id="annulation-de"),
        pytest.param("Credit note cancelling invoice INV-7", "INV-7", id="english-cancelling"),
        pytest.param("remise avoir de 10 %", None, id="a-rate-is-no-invoice"),
        pytest.param("Avoir commercial", None, id="no-invoice-named"),
    ],
)
def test_the_invoice_a_remark_names(text, number):
    assert named_invoice(text) == number


@pytest.mark.parametrize(
    "number",
    [
        pytest.param("FACT-2026-01", id="starts-like-fact"),
        pytest.param("NO1", id="starts-like-no"),
        pytest.param("INVOICE-7", id="starts-like-invoice"),
    ],
)
def test_an_origin_number_that_starts_like_a_word_is_kept_whole(tmp_path, number):
    """The second legal review: « FACT-2026-01 » in « Facture d'origine » was read as
    « -2026-01 »; the invoice it cancelled went to court with its whole amount."""
    rows = [
        [number, "Atelier Bleu", D(2026, 3, 1), D(2026, 3, 31), 1000.0, None, None, ADDRESS],
        ["AV-1", "Atelier Bleu", D(2026, 5, 15), None, -1000.0, number, None, ADDRESS],
    ]
    result = relance_xlsx.run(write_ledger(tmp_path / "l.xlsx", rows, HEADERS),
                              complete_settings(), as_of=AS_OF, dry_run=True)  # fmt: skip
    invoice = next(i for i in result.invoices if i.invoice == number)
    assert invoice.outstanding == 0.0 and invoice.reason.startswith("Soldée par l'avoir du")


# The lawyer's review of issue 28 (D2): a credit note was deducted again in every later letter,
# down to « la somme de -64,21 € ». A credit that names its invoice reduces that invoice only; a
# free one is shown as available, never deducted; a demand of zero or less is never sent.
NOV = D(2026, 11, 16)
LEDGER_HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
                  "Date règlement", "Facture d'origine", "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip
ALPHA = "3 rue Oberkampf\n75011 Paris"


def _alpha(
    a2_level: str, a2_date: dt.date, credit_origin: str | None, credit: float = -200.0
) -> list[list]:
    return [
        ["A1", "Atelier Alpha", D(2026, 8, 16), D(2026, 9, 15), 1200.0, None, None, None, ALPHA, "Mise en demeure", D(2026, 11, 9)],
        ["A2", "Atelier Alpha", D(2026, 9, 10), D(2026, 10, 10), 700.0, 300.0, D(2026, 10, 28), None, ALPHA, a2_level, a2_date],
        ["AV-A1", "Atelier Alpha", D(2026, 10, 15), D(2026, 10, 15), credit, None, None, credit_origin, ALPHA, None, None],
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "client", "claimed", "deducted", "available", "held"),
    [
        # A2's notice on 16/11 while A1 (the credit's invoice) is under its own notice: A2's 400 €
        # principal; 11/10–28/10, 18 days on 700 €: 700 × 12,15 % × 18 / 365 = 4,19; 29/10–16/11,
        # 19 days on 400 €: 400 × 12,15 % × 19 / 365 = 2,53; + 40 € = 446,72 € (0.2 said 246,72).
        pytest.param(_alpha("Relance 2", D(2026, 11, 2), "A1"), "Atelier Alpha", 446.72, [], [], None,
                     id="w1-A2-notice-without-A1-s-credit"),
        # The same credit naming no invoice: compensated (C. civ. 1347), deducted from A2's
        # principal as the litigation file does (review-lawhand 1): 446,72 − 200 = 246,72 €.
        pytest.param(_alpha("Relance 2", D(2026, 11, 2), None), "Atelier Alpha", 246.72, ["AV-A1"], [], None,
                     id="free-credit-compensated"),
        # A1 itself chased (relance 2 → notice): its own credit is deducted there, once.
        # 1 200 − 200 = 1 000 €; the credited 200 € were never due: A1's interest on 1 000 €
        # from the start (the third legal review, finding 6): 16/09–16/11, 62 days:
        # 1 000 × 12,15 % × 62 / 365 = 20,6384 → 20,64; + 40 € = 1 060,64 €.
        pytest.param([["A1", "Atelier Alpha", D(2026, 8, 16), D(2026, 9, 15), 1200.0, None, None, None, ALPHA, "Relance 2", D(2026, 11, 2)],
                      ["AV-A1", "Atelier Alpha", D(2026, 10, 15), D(2026, 10, 15), -200.0, None, None, "A1", ALPHA, None, None]],
                     "Atelier Alpha", 1060.64, ["AV-A1"], [], None, id="credit-deducted-from-its-own-invoice"),
        # Her w3 Vega: 500 € invoice, free credit note of 800 €: 0.2 asked « -300,00 € ».
        pytest.param([["V1", "Vega SAS", D(2026, 9, 1), D(2026, 10, 1), 500.0, None, None, None, ALPHA, None, None],
                      ["AV-V", "Vega SAS", D(2026, 10, 10), D(2026, 10, 10), -800.0, None, None, None, ALPHA, None, None]],
                     "Vega SAS", None, [], [], "avoir à imputer ou à rembourser", id="w3-vega-free-credit-covers-the-demand"),
    ],
)  # fmt: skip
def test_a_credit_note_is_applied_once_and_no_demand_is_zero_or_less(
    tmp_path, rows, client, claimed, deducted, available, held
):
    from docx import Document

    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, LEDGER_HEADERS)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=NOV, out_dir=tmp_path / "out")
    mine = [x for x in result.letters if x.client == client]
    if held:
        assert not mine
        [letter] = [x for x in result.to_complete if x.client == client]
        assert any(held in m for m in letter.missing), letter.missing
        return
    [letter] = mine
    assert letter.total_due == claimed
    # Read as typeset: no-break hyphens and spaces made plain (issue 33's typography).
    text = plain("\n".join(p.text for p in Document(letter.path).paragraphs))
    tables = plain(
        " ".join(c.text for t in Document(letter.path).tables for row in t.rows for c in row.cells)
    )
    for number in deducted:
        assert "déduits du total" in text and number in tables
    if available:
        assert "Avoirs disponibles en votre faveur, non déduits" in text
        assert all(n in tables for n in available)
    if not deducted and not available:  # (the notice's statement of account still lists it)
        assert "déduits du total" not in text and "Avoirs disponibles" not in text
    assert "-" not in f"{letter.total_due}"
