"""No reminder for a claim that is barred before the payment date the reminder would give:
a reminder does not interrupt prescription (Code civil 2240-2244, legal-fr §7.5, §8.3); the
run says « prescription imminente » instead. Review of 7 December 2026, finding 5 (c9, c3)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 7)  # a reminder of today asks for payment by 15/12/2026 (8 days)
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "invoiced", "action", "said"),
    [
        # c9: 5 years (L110-4) from 07/12/2021, the day not counted: last day 07/12/2026,
        # barred on 08/12, before 15/12.
        pytest.param("professionnel", D(2021, 12, 7), "imminent", "Prescription imminente : prescrite le 08/12/2026 (dernier jour pour agir : 07/12/2026), avant l'échéance qu'une relance donnerait (15/12/2026)", id="c9-b2b-barred-tomorrow"),
        # c3: 2 years (L218-2) from 07/12/2024: barred on 08/12/2026.
        pytest.param("particulier", D(2024, 12, 7), "imminent", "Prescription imminente : prescrite le 08/12/2026", id="c3-consumer-barred-tomorrow"),
        # Barred on 15/12, the reminder's own payment date: no reminder either.
        pytest.param("professionnel", D(2021, 12, 14), "imminent", "Prescription imminente : prescrite le 15/12/2026 (dernier jour pour agir : 14/12/2026)", id="barred-on-the-deadline"),
        # Barred on 16/12, after the deadline: the reminder goes, its status warns.
        pytest.param("professionnel", D(2021, 12, 15), "letter", "prescrite le 16/12/2026 (dernier jour pour agir : 15/12/2026)", id="barred-after-the-deadline"),
        # A public debt's lapse is interrupted by a written demand: the letter goes.
        pytest.param("Commune", D(2022, 11, 1), "letter", "2e relance", id="public-lapse-letter-interrupts"),
    ],
)  # fmt: skip
def test_no_reminder_whose_deadline_falls_after_the_bar(tmp_path, kind, invoiced, action, said):
    due = invoiced + dt.timedelta(days=30)
    rows = [["A1", "Pi SAS", kind, invoiced, due, 1000.0, ADDRESS, "Relance 1", D(2026, 11, 1)]]
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    [a1] = result.invoices
    assert a1.action == action, a1.reason
    assert said in a1.reason, a1.reason
    imminent = [n for n in result.summary.not_chased if n.why == "imminent"]
    warned = [w for w in result.warnings if w.startswith("Prescription imminente")]
    if action == "imminent":
        assert not result.letters
        [aside] = imminent
        assert (aside.client, aside.invoices, aside.amount) == ("Pi SAS", ["A1"], 1000.0)
        [warning] = warned
        assert "seule une action en justice (injonction de payer)" in warning
        assert "seule une action en justice (injonction de payer)" in a1.reason
    else:
        assert [x.kind for x in result.letters] == ["relance_2"]
        assert not imminent and not warned


# A formal notice of today (07/12/2026) announces the court: 8 days from its receipt, then
# [policy] days_after_formal_notice (15) before the run hands the claim to litigation. With
# the notice's 2 days in the post: 07/12 + 2 + 8 + 15 = 01/01/2027. A claim barred by then
# gets no notice that announces a step it cannot reach (the second legal review, N4).
NOTICE_HEADERS = [*HEADERS, "Date de livraison"]


@pytest.mark.parametrize(
    ("kind", "invoiced", "delivered", "action", "said"),
    [
        # c23: 2 years (L218-2) from the delivery of 17/12/2024: last day 17/12/2026, barred
        # on 18/12/2026, after a reminder's 15/12 but before the court step of 01/01/2027.
        pytest.param("particulier", D(2024, 12, 20), D(2024, 12, 17), "imminent", "Prescription imminente : prescrite le 18/12/2026 (dernier jour pour agir : 17/12/2026 ; 2 ans comptés de la livraison ou exécution de la prestation le 17/12/2024), avant la saisine du juge qu'une mise en demeure annoncerait (01/01/2027", id="c23-consumer-notice"),
        # 5 years (L110-4) from 20/12/2021: barred on 21/12/2026, before 01/01/2027.
        pytest.param("professionnel", D(2021, 12, 20), None, "imminent", "aucune mise en demeure envoyée", id="b2b-notice-barred-21-12"),
        # Barred on 01/01/2027 (invoice of 31/12/2021), the day the court step is due: none.
        pytest.param("professionnel", D(2021, 12, 31), None, "imminent", "prescrite le 01/01/2027 (dernier jour pour agir : 31/12/2026)", id="barred-on-the-court-day"),
        # Barred on 02/01/2027 (invoice of 01/01/2022): the last day to act is the court
        # day itself, the notice goes and its status warns.
        pytest.param("professionnel", D(2022, 1, 1), None, "letter", "prescrite le 02/01/2027 (dernier jour pour agir : 01/01/2027)", id="barred-after-the-court-day"),
    ],
)  # fmt: skip
def test_no_notice_whose_court_step_falls_after_the_bar(
    tmp_path, kind, invoiced, delivered, action, said
):
    due = invoiced + dt.timedelta(days=30)
    rows = [
        [
            "JU1",
            "M. Juste",
            kind,
            invoiced,
            due,
            700.0,
            ADDRESS,
            "Relance 2",
            D(2026, 11, 20),
            delivered,
        ]
    ]
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, NOTICE_HEADERS)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    [ju1] = result.invoices
    assert ju1.action == action, ju1.reason
    assert said in ju1.reason, ju1.reason
    imminent = [n for n in result.summary.not_chased if n.why == "imminent"]
    if action == "imminent":
        assert not result.letters
        assert [n.invoices for n in imminent] == [["JU1"]]
        [warning] = [w for w in result.warnings if w.startswith("Prescription imminente")]
        assert "aucune mise en demeure envoyée" in warning, warning
        assert "seule une action en justice (injonction de payer)" in ju1.reason
    else:
        assert [x.kind for x in result.letters] == ["mise_en_demeure"]
        assert not imminent
