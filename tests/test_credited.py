"""An invoice the credit notes naming it cancel is settled on the credit's date, not unpaid:
never chased, never escalated. Cancelled without any payment, nothing was due, so nothing was
late: no penalties, no 40 € (the second legal review); paid in part, then credited, what ran
on the payment's delay is owed like a late payment's (legal-fr §2). Review of 7 December 2026,
finding 1 (case c16).
Rates from legal-fr.md: 2026 H2, ECB 2,15 % + 10 = 12,15 %."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx
from relance_xlsx.wording import plain

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Date règlement", "Facture d'origine", "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip
U1 = [
    "U1",
    "Upsilon SAS",
    D(2026, 8, 1),
    D(2026, 9, 1),
    1000.0,
    None,
    None,
    None,
    ADDRESS,
    "Relance 1",
    D(2026, 9, 15),
]
U2 = [
    "U2",
    "Upsilon SAS",
    D(2026, 9, 1),
    D(2026, 10, 1),
    500.0,
    None,
    None,
    None,
    ADDRESS,
    "Relance 1",
    D(2026, 11, 10),
]
AV_U2 = [
    "AV-U2",
    "Upsilon SAS",
    D(2026, 9, 20),
    None,
    -200.0,
    None,
    None,
    "U2",
    ADDRESS,
    None,
    None,
]


def _credit(amount: float, day: dt.date, number: str = "AV-U1") -> list:
    return [number, "Upsilon SAS", day, None, amount, None, None, "U1", ADDRESS, None, None]


@pytest.mark.parametrize(
    ("rows", "claim", "action", "interest", "indemnity", "status", "total"),
    [
        # c16: AV-U1 of 01/10 cancels U1 (1 000 €, due 01/09): nothing owed (0.2 fix claimed
        # 9,65 € and 40 € as if paid late on 01/10). U2's letter: 500 − 200 = 300 €; 02/10–07/12, 67 days on 300 €: 300 × 12,15 % × 67 / 365
        # = 6,6908 → 6,69 €; + 40 € = 346,69 € (0.2 listed U1 at 1 000 €: 396,34 € « impayées »).
        pytest.param([U1, _credit(-1000.0, D(2026, 10, 1)), U2, AV_U2], "never", "none", 0.0, 0.0,
                     "Soldée par l'avoir du 01/10/2026, sans règlement reçu", 346.69,
                     id="c16-cancelled-not-chased"),
        # claim_after_payment = "letter": nothing to claim either; U2's letter alone.
        pytest.param([U1, _credit(-1000.0, D(2026, 10, 1)), U2, AV_U2], "letter", "none", 0.0, 0.0,
                     "Soldée par l'avoir du 01/10/2026, sans règlement reçu", 346.69,
                     id="c16-cancelled-nothing-to-claim"),
        # Two credit notes add up to the invoice: settled on the later one's date, nothing owed.
        pytest.param([U1, _credit(-600.0, D(2026, 9, 15), "AV-1"), _credit(-400.0, D(2026, 10, 1), "AV-2"), U2, AV_U2],
                     "never", "none", 0.0, 0.0, "Soldée par l'avoir du 01/10/2026", 346.69, id="two-credits-add-up"),
        # A credit dated before the due date: nothing was ever late, nothing owed.
        pytest.param([U1, _credit(-1000.0, D(2026, 8, 20)), U2, AV_U2], "never", "none", 0.0, 0.0,
                     "Soldée par l'avoir du 20/08/2026", 346.69, id="credited-before-due"),
        # Partly paid (400 € on 15/09), the rest credited on 01/10: the 600 € credited were never
        # due (the third legal review, finding 6): interest on the 400 € paid late only,
        # 02/09–15/09 (14 days): 400 × 12,15 % × 14 / 365 = 48,6 × 14 / 365 = 1,8641 → 1,86 €.
        pytest.param([[*U1[:5], 400.0, D(2026, 9, 15), *U1[7:]], _credit(-600.0, D(2026, 10, 1)), U2, AV_U2],
                     "never", "none", 1.86, 40.0, "Soldée par le règlement du 15/09/2026 et l'avoir du 01/10/2026", 346.69, id="paid-then-credited"),
    ],
)  # fmt: skip
def test_an_invoice_its_credit_notes_cancel_is_settled_not_unpaid(
    tmp_path, rows, claim, action, interest, indemnity, status, total
):
    settings = complete_settings()
    settings = replace(settings, policy=replace(settings.policy, claim_after_payment=claim))
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(ledger, settings, as_of=AS_OF, out_dir=tmp_path / "out")
    u1 = next(i for i in result.invoices if i.invoice == "U1")
    assert (u1.action, u1.level, u1.outstanding) == (action, 1, 0.0)
    assert (u1.interest, u1.indemnity) == (interest, indemnity)
    assert u1.reason.startswith(status), u1.reason
    [letter] = result.letters
    assert letter.total_due == total
    text = plain("\n".join(p.text for p in Document(letter.path).paragraphs))
    tables = plain(
        " ".join(c.text for t in Document(letter.path).tables for row in t.rows for c in row.cells)
    )
    # U2 alone is unpaid: it is chased for what its credit leaves (its own credit deducted).
    assert "la facture n° U2 ci-dessous reste impayée" in text
    assert "U1 et U2" not in text and "AV-U1" not in tables and "AV-1" not in tables
    assert "déduits du total" in text and "AV-U2" in tables
    # Cancelled, not paid late: U1 is named nowhere, not even as a penalties claim.
    assert "U1" not in text


def test_a_cancelled_invoice_is_never_escalated_nor_thanked(tmp_path):
    """Two weeks later, on the written-back workbook: U1 stays where it was, no notice."""
    rows = [U1, _credit(-1000.0, D(2026, 10, 1))]
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    for day in (AS_OF, D(2026, 12, 21)):
        result = relance_xlsx.run(
            ledger, complete_settings(), as_of=day, out_dir=tmp_path / str(day)
        )
        u1 = next(i for i in result.invoices if i.invoice == "U1")
        assert (u1.action, u1.level) == ("none", 1), u1
        assert not result.letters


def test_a_credit_larger_than_its_invoice_settles_it_and_keeps_the_rest(tmp_path):
    """Vega: V1 (500 €) named by a credit of 800 €: V1 settled on 10/10, no letter (0.2 held a
    part asking -300 €); 300 € of credit stay available. Cancelled, not paid: nothing owed."""
    rows = [
        ["V1", "Vega SAS", D(2026, 9, 1), D(2026, 10, 1), 500.0, None, None, None, ADDRESS, None, None],
        ["AV-V", "Vega SAS", D(2026, 10, 10), None, -800.0, None, None, "V1", ADDRESS, None, None],
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=D(2026, 11, 16), dry_run=True)
    v1, av = (next(i for i in result.invoices if i.invoice == n) for n in ("V1", "AV-V"))
    assert (v1.action, v1.outstanding, v1.interest, v1.indemnity) == ("none", 0.0, 0.0, 0.0)
    assert v1.reason.startswith("Soldée par l'avoir du 10/10/2026"), v1.reason
    assert av.outstanding == -300.0
    assert not result.letters and not result.to_complete


def test_paid_in_part_then_credited_says_both(tmp_path):
    """c20, Yotta: Y1 (1 000 €, due 01/09) paid 600 € on 15/10, the rest credited on 01/11. It
    was settled by the client's payment and our credit note: the letter and the status say both,
    never « et non par un règlement » nor « sans règlement reçu » (the second legal review, N6).
    The 400 € credited were never due (the third legal review, finding 6): interest on the 600 €
    actually due, 02/09–15/10, 44 days: 600 × 12,15 % × 44 / 365 = 72,9 × 44 / 365 = 8,7879 →
    8,79 €; + 40 € = 48,79 €."""
    rows = [
        ["Y1", "Yotta SAS", D(2026, 8, 1), D(2026, 9, 1), 1000.0, 600.0, D(2026, 10, 15), None, ADDRESS, "Relance 1", D(2026, 9, 15)],
        ["AV-Y1", "Yotta SAS", D(2026, 11, 1), None, -400.0, None, None, "Y1", ADDRESS, None, None],
    ]  # fmt: skip
    settings = complete_settings()
    settings = replace(settings, policy=replace(settings.policy, claim_after_payment="letter"))
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(ledger, settings, as_of=AS_OF, out_dir=tmp_path / "out")
    y1 = next(i for i in result.invoices if i.invoice == "Y1")
    assert (y1.interest, y1.indemnity) == (8.79, 40.0)
    assert "sans règlement reçu" not in y1.reason, y1.reason
    assert y1.reason.startswith("Soldée par le règlement du 15/10/2026 et l'avoir du 01/11/2026"), (
        y1.reason
    )
    [letter] = result.letters
    assert letter.total_due == 48.79
    text = plain("\n".join(p.text for p in Document(letter.path).paragraphs))
    assert "non par un règlement" not in text, text
    assert (
        "soldée par votre règlement du 15 octobre 2026 et notre avoir du 1er novembre 2026" in text
    ), text


def test_a_credit_before_the_payment_is_named_first(tmp_path):
    """The third legal review's N6 case (finding 6 and 8a): Y1 (1 000 €, due 01/09) credited
    400 € on 01/10, then paid 600 € on 15/10. The payment and the credit note are named in
    date order, the credit first. The 400 € credited were never due: penalties on the 600 €
    from 02/09 to 15/10, 44 days: 600 × 12,15 % × 44 / 365 = 8,7879 → 8,79 € (not 12,65 €,
    which ran on 1 000 € until the credit); + 40 € = 48,79 €."""
    rows = [
        ["Y1", "Yotta SAS", D(2026, 8, 1), D(2026, 9, 1), 1000.0, 600.0, D(2026, 10, 15), None, ADDRESS, "Relance 1", D(2026, 9, 15)],
        ["AV-Y1", "Yotta SAS", D(2026, 10, 1), None, -400.0, None, None, "Y1", ADDRESS, None, None],
    ]  # fmt: skip
    settings = complete_settings()
    settings = replace(settings, policy=replace(settings.policy, claim_after_payment="letter"))
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(ledger, settings, as_of=AS_OF, out_dir=tmp_path / "out")
    y1 = next(i for i in result.invoices if i.invoice == "Y1")
    assert (y1.interest, y1.indemnity) == (8.79, 40.0)
    assert y1.reason.startswith("Soldée par l'avoir du 01/10/2026 et le règlement du 15/10/2026")
    [letter] = result.letters
    assert letter.total_due == 48.79
    text = plain("\n".join(p.text for p in Document(letter.path).paragraphs))
    assert (
        "soldée par notre avoir du 1er octobre 2026 et votre règlement du 15 octobre 2026" in text
    )
