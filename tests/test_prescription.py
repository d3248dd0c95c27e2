"""Prescription to the day (Code civil 2228-2229) for each debtor, from the right start, and the
four-year lapse of public debts with its interruptions (loi 68-1250): legal-fr.md 8.2, 8.3.

The day of the starting event is not counted; the claim is barred once the last day is over.
Every boundary below was computed by hand from those rules."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest
from conftest import complete_settings, write_ledger
from test_policy import TABLES, frame

import relance_xlsx
from relance_xlsx import Policy
from relance_xlsx.policy import decide

D, T = dt.date, pd.Timestamp
COMMUNE = {"public": True, "buyer": "local"}
CONSUMER = {"consumer": True}


def _decide(row: dict, as_of: dt.date, demands: dict | None = None):
    return decide(frame(**row), as_of, Policy(), TABLES, demands).frame.iloc[0]


@pytest.mark.parametrize(
    ("row", "as_of", "barred", "says"),
    [
        # L110-4: 5 years from 15/06/2021: the last day is 15/06/2026, barred from 16/06/2026.
        pytest.param({"invoice_date": T("2021-06-15"), "due_date": T("2021-07-15")}, D(2026, 6, 15), False, None, id="L110-4-last-day-actionable"),
        pytest.param({"invoice_date": T("2021-06-15"), "due_date": T("2021-07-15")}, D(2026, 6, 16), True, "Prescrite depuis le 16/06/2026 (dernier jour pour agir : 15/06/2026) : 5 ans entre professionnels (Code de commerce L110-4), comptés de la facture du 15/06/2021", id="L110-4-barred-the-next-day"),
        # A mise en demeure does not interrupt it (Code civil 2240-2244).
        pytest.param({"invoice_date": T("2021-06-15"), "due_date": T("2021-07-15"), "level": 3, "last_date": T("2024-03-10")}, D(2026, 6, 16), True, "pas une relance ni une mise en demeure", id="L110-4-a-notice-does-not-interrupt"),
        # A dated partial payment acknowledges the debt (2240): 5 years from 20/02/2025.
        pytest.param({"invoice_date": T("2021-06-15"), "due_date": T("2021-07-15"), "paid": 100.0, "outstanding": 900.0, "payment_date": T("2025-02-20")}, D(2030, 2, 20), False, None, id="L110-4-partial-payment-last-day"),
        pytest.param({"invoice_date": T("2021-06-15"), "due_date": T("2021-07-15"), "paid": 100.0, "outstanding": 900.0, "payment_date": T("2025-02-20")}, D(2030, 2, 21), True, "paiement partiel du 20/02/2025", id="L110-4-partial-payment-barred-next-day"),
        # An entreprise publique is a company: L110-4, not the four-year lapse.
        pytest.param({"invoice_date": T("2021-06-15"), "due_date": T("2021-08-14"), "public": True, "buyer": "public_enterprise"}, D(2026, 1, 1), False, None, id="L110-4-entreprise-publique"),
        # L218-2: 2 years from the performance (10/03/2024), not the invoice (25/03/2024).
        pytest.param({**CONSUMER, "performance_date": T("2024-03-10"), "invoice_date": T("2024-03-25"), "due_date": T("2024-04-24")}, D(2026, 3, 10), False, None, id="L218-2-last-day-from-the-performance"),
        pytest.param({**CONSUMER, "performance_date": T("2024-03-10"), "invoice_date": T("2024-03-25"), "due_date": T("2024-04-24")}, D(2026, 3, 11), True, "2 ans contre un particulier (Code de la consommation L218-2 ; Cass. 3e civ., 1er mars 2023, n° 21-23.176), comptés de la livraison ou exécution de la prestation le 10/03/2024", id="L218-2-barred-the-day-after-from-the-performance"),
        # Without a performance date, from the invoice, and the status says so.
        pytest.param({**CONSUMER, "invoice_date": T("2024-03-25"), "due_date": T("2024-04-24")}, D(2026, 3, 26), True, "facture du 25/03/2024, faute de date de livraison ou d'exécution", id="L218-2-from-the-invoice-without-performance-date"),
        # 29/02/2024 + 2 years: no 29/02/2026, the term ends on 28/02; barred from 01/03/2026.
        pytest.param({**CONSUMER, "invoice_date": T("2024-02-29"), "due_date": T("2024-03-30")}, D(2026, 2, 28), False, None, id="L218-2-leap-day-last-day"),
        pytest.param({**CONSUMER, "invoice_date": T("2024-02-29"), "due_date": T("2024-03-30")}, D(2026, 3, 1), True, "Prescrite depuis le 01/03/2026", id="L218-2-leap-day-barred"),
        # Loi 68-1250: right born in 2021, four years from 01/01/2022: last day 31/12/2025.
        pytest.param({**COMMUNE, "invoice_date": T("2021-06-15"), "due_date": T("2021-07-15")}, D(2025, 12, 31), False, None, id="loi-68-1250-last-day-31-december"),
        pytest.param({**COMMUNE, "invoice_date": T("2021-06-15"), "due_date": T("2021-07-15")}, D(2026, 1, 1), True, "Déchue depuis le 01/01/2026 (dernier jour pour agir : 31/12/2025) : déchéance quadriennale (loi n° 68-1250 du 31 décembre 1968, art. 1), droit né en 2021", id="loi-68-1250-lapsed-on-1-january"),
        # A reminder of 10/03/2024 (the ledger's level and date) interrupts: four new years
        # from 01/01/2025, last day 31/12/2028.
        pytest.param({**COMMUNE, "invoice_date": T("2021-06-15"), "due_date": T("2021-07-15"), "level": 1, "last_date": T("2024-03-10")}, D(2028, 12, 31), False, None, id="loi-68-1250-a-letter-interrupts-last-day"),
        pytest.param({**COMMUNE, "invoice_date": T("2021-06-15"), "due_date": T("2021-07-15"), "level": 2, "last_date": T("2024-03-10")}, D(2029, 1, 1), True, "la réclamation écrite du 10/03/2024 (date de la dernière relance du classeur, si elle est bien partie) l'ayant interrompue", id="loi-68-1250-a-letter-interrupts-lapsed-later"),
        # A letter after the lapse revives nothing.
        pytest.param({**COMMUNE, "invoice_date": T("2021-06-15"), "due_date": T("2021-07-15"), "level": 1, "last_date": T("2026-01-05")}, D(2026, 1, 10), True, "Déchue depuis le 01/01/2026", id="loi-68-1250-a-letter-after-the-lapse"),
        # A partial payment interrupts too (art. 2): 20/02/2025, four years from 01/01/2026.
        pytest.param({**COMMUNE, "invoice_date": T("2021-06-15"), "due_date": T("2021-07-15"), "paid": 100.0, "outstanding": 900.0, "payment_date": T("2025-02-20")}, D(2029, 12, 31), False, None, id="loi-68-1250-partial-payment-interrupts"),
        # Work done on 15/12/2021, invoiced on 10/01/2022: the right was born in 2021, and the
        # invoice, a demand for payment (art. 2), gives four years from 01/01/2023.
        pytest.param({**COMMUNE, "performance_date": T("2021-12-15"), "invoice_date": T("2022-01-10"), "due_date": T("2022-02-09")}, D(2026, 12, 31), False, None, id="loi-68-1250-an-invoice-of-the-next-year-interrupts"),
        pytest.param({**COMMUNE, "performance_date": T("2021-12-15"), "invoice_date": T("2022-01-10"), "due_date": T("2022-02-09")}, D(2027, 1, 1), True, "la facture (demande de paiement) du 10/01/2022 l'ayant interrompue", id="loi-68-1250-lapsed-four-years-after-the-invoice-s-year"),
        # What interrupts it is said right: a reminder suffices.
        pytest.param({**COMMUNE, "invoice_date": T("2021-06-15"), "due_date": T("2021-07-15")}, D(2026, 1, 1), True, "une lettre de relance suffit", id="loi-68-1250-says-a-letter-interrupts"),
    ],
)  # fmt: skip
def test_prescription_to_the_day(row, as_of, barred, says):
    decision = _decide(row, as_of)
    assert (decision["action"] == "prescribed") is barred, decision["reason"]
    if barred:
        assert decision["interest"] == 0 and decision["kind"] is None
        assert says in decision["reason"]


def test_a_letter_in_the_journal_interrupts_a_public_debt():
    """The journal's letter of 02/02/2025: four years from 01/01/2026, barred 01/01/2030."""
    row = {**COMMUNE, "invoice_date": T("2021-06-15"), "due_date": T("2021-07-15")}
    assert _decide(row, D(2029, 12, 31), {0: (D(2025, 2, 2),)})["action"] != "prescribed"
    lapsed = _decide(row, D(2030, 1, 1), {0: (D(2025, 2, 2),)})
    assert lapsed["action"] == "prescribed"
    assert "Déchue depuis le 01/01/2030" in lapsed["reason"]
    # The journal's letter interrupts only if it left: the status says where the date is from.
    assert "la relance du 02/02/2025 (journal, si elle est bien partie)" in lapsed["reason"]


def test_a_public_debt_lapsing_soon_whose_letter_goes_today_is_flagged():
    """A commune's debt born 2022 lapses on 01/01/2027 (four years from 01/01/2023), 71 days
    after 22/10/2026 (within the 90 days' warning): today's reminder interrupts it only if it
    is sent by 31/12/2026; the status and a warning say so, and advise an AR (art. 2)."""
    row = {**COMMUNE, "invoice_date": T("2022-06-15"), "due_date": T("2022-07-15"), "level": 1, "last_date": T("2022-08-01")}  # fmt: skip
    decisions = decide(frame(**row), D(2026, 10, 22), Policy(), TABLES)
    decision = decisions.frame.iloc[0]
    assert decision["action"] == "letter"
    assert (
        "déchéance quadriennale le 01/01/2027 : cette relance ne l'interrompt que si elle est "
        "adressée au débiteur au plus tard le 31/12/2026 ; envoyez-la en recommandé avec avis "
        "de réception" in decision["reason"]
    )
    (warning,) = [w for w in decisions.warnings if "Déchéance quadriennale proche" in w]
    assert f"{frame(**row)['invoice'].iat[0]} (" in warning and "le 01/01/2027" in warning
    assert "recommandé avec avis de réception" in warning


@pytest.mark.parametrize(
    ("row", "action", "says"),
    [
        # Business: barred from 16/06/2026, 86 days after 22/03/2026: flagged, and the status
        # says a reminder does not stop it.
        pytest.param({"invoice_date": T("2021-06-15"), "due_date": T("2021-07-15"), "level": 2, "last_date": T("2026-03-20")}, "wait", "prescrite le 16/06/2026 (dernier jour pour agir : 15/06/2026) : à défaut de paiement, agissez avant (injonction de payer ou reconnaissance de dette signée ; une relance ne l'interrompt pas)", id="L110-4-warning"),
        # A disputed invoice is barred all the same: its status warns too.
        pytest.param({"invoice_date": T("2021-06-15"), "due_date": T("2021-07-15"), "hold": True}, "hold", "prescrite le 16/06/2026", id="L110-4-warning-on-a-disputed-invoice"),
        # Handed to litigation in 2022 (a hand-over, not a letter): nothing interrupted it.
        pytest.param({**COMMUNE, "invoice_date": T("2022-06-15"), "due_date": T("2022-07-15"), "level": 4, "last_date": T("2022-09-01")}, "none", "déchéance quadriennale le 01/01/2027 (dernier jour 31/12/2026) : une réclamation écrite avant cette date, la prochaine relance par exemple, ouvre un nouveau délai de 4 ans", id="loi-68-1250-warning"),
    ],
)  # fmt: skip
def test_the_warning_before_the_bar_says_what_interrupts_it(row, action, says):
    as_of = D(2026, 3, 22) if row.get("buyer") is None else D(2026, 10, 22)
    decisions = decide(frame(**row), as_of, Policy(), TABLES)
    decision = decisions.frame.iloc[0]
    assert decision["action"] == action
    if says:
        assert says in decision["reason"]
        assert any("prescrite(s) ou déchue(s)" in w for w in decisions.warnings)
    else:
        assert not any("déchue" in w for w in decisions.warnings)


def test_a_consumer_counted_from_its_delivery_column_and_a_commune_from_its_journal(tmp_path):
    """The ledger's « Date de livraison » starts a consumer's two years; the journal's letter
    interrupts a commune's lapse. Run on 15/03/2026."""
    headers = ["N° facture", "Client", "Type client", "Date de livraison", "Date facture",
               "Échéance", "Montant TTC", "Adresse"]  # fmt: skip
    address = "1 rue A\n75001 Paris"
    rows = [
        # Delivered 10/03/2024, invoiced 25/03/2024: barred from 11/03/2026.
        [
            "C-1",
            "M. Durand",
            "Particulier",
            D(2024, 3, 10),
            D(2024, 3, 25),
            D(2024, 4, 24),
            300.0,
            address,
        ],
        # Born 2021, lapsed 01/01/2026 but for the journal's letter of 02/02/2025 (from
        # 01/01/2026 again, four years): still alive on 15/03/2026.
        ["M-1", "Commune de Brou", "Commune", None, D(2021, 6, 15), D(2021, 7, 15), 800.0, address],
        # The same commune's invoice the journal never chased: lapsed since 01/01/2026.
        ["M-2", "Commune de Brou", "Commune", None, D(2021, 6, 20), D(2021, 7, 20), 200.0, address],
    ]

    def journal(wb) -> None:
        ws = wb.create_sheet("Journal des relances")
        ws.append(["Date d'exécution", "N° facture", "Client", "Niveau", "Action", "Reste dû",
                   "Intérêts", "Indemnité", "Courrier"])  # fmt: skip
        ws.append([D(2025, 2, 2), "M-1", "Commune de Brou", "Relance 1", "Courrier", 800.0, 0, 0,
                   "relance_1_Commune-de-Brou.docx"])  # fmt: skip

    ledger = write_ledger(tmp_path / "l.xlsx", rows, headers, extra=journal)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=D(2026, 3, 15), dry_run=True)
    by = {i.invoice: i for i in result.invoices}
    assert by["C-1"].action == "prescribed"
    assert "Prescrite depuis le 11/03/2026" in by["C-1"].reason
    assert "exécution de la prestation le 10/03/2024" in by["C-1"].reason
    assert by["M-1"].action != "prescribed"
    assert by["M-2"].action == "prescribed" and "Déchue depuis le 01/01/2026" in by["M-2"].reason


@pytest.mark.parametrize(
    ("row", "status", "warning"),
    [
        # The lawyer's c12: a commune's work done on 20/12/2021, invoiced 10/01/2022 (the right
        # born in 2021: lapse from 01/01/2026; the invoice, a demand made in 2022, interrupts:
        # four years from 01/01/2023, last day 31/12/2026). No address: the relance 1 of
        # 06/12/2026 cannot go, so nothing interrupts; the status and the run say the date.
        pytest.param(
            ["Z-1", D(2022, 1, 10), D(2021, 12, 20), "Commune de Feyzin", "Commune", None, 1000.0],
            "déchéance quadriennale le 01/01/2027 (dernier jour 31/12/2026)",
            "1 facture(s) d'acheteurs publics déchue(s) d'ici le 01/01/2027 dont la lettre n'est pas partie",
            id="c12-loi-68-1250-lapse-kept-when-the-letter-is-held",
        ),
        # c12b: a business's invoice of 20/12/2021: five years (L110-4), the last day 20/12/2026,
        # barred from 21/12/2026 (Code civil 2228-2229).
        pytest.param(
            ["Z-2", D(2021, 12, 20), None, "Garage Bernard SARL", "professionnel", None, 1000.0],
            "prescrite le 21/12/2026 (dernier jour pour agir : 20/12/2026)",
            "1 facture(s) prescrite(s) ou déchue(s) d'ici le 21/12/2026",
            id="c12b-L110-4-prescription-kept-when-the-letter-is-held",
        ),
    ],
)  # fmt: skip
def test_a_held_letter_does_not_hide_the_lapse(tmp_path, row, status, warning):
    headers = ["N° facture", "Date facture", "Date d'exécution", "Client", "Type client", "Adresse", "Montant TTC"]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", [row], headers)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2026, 12, 6), out_dir=tmp_path / "out"
    )
    (invoice,) = result.invoices
    assert invoice.action == "incomplete" and "non envoyée" in invoice.reason
    assert status in invoice.reason
    assert any(w.startswith(warning) for w in result.warnings)
    # The workbook's status cell says it too.
    ws = openpyxl.load_workbook(ledger)["Factures"]
    assert any(status in str(c.value) for c in ws[2])


@pytest.mark.parametrize(
    ("row", "says"),
    [
        # Performed 10/03/2024: two years, last day 10/03/2026, barred 11/03/2026, within the
        # 90 days' warning on 22/01/2026.
        pytest.param({**CONSUMER, "performance_date": T("2024-03-10"), "invoice_date": T("2024-03-25"), "due_date": T("2024-04-24")},
                     "prescrite le 11/03/2026 (dernier jour pour agir : 10/03/2026 ; 2 ans comptés de la livraison ou exécution de la prestation le 10/03/2024)", id="from-the-performance"),
        # No performance date: from the invoice of 25/03/2024, barred 26/03/2026.
        pytest.param({**CONSUMER, "invoice_date": T("2024-03-25"), "due_date": T("2024-04-24")},
                     "prescrite le 26/03/2026 (dernier jour pour agir : 25/03/2026 ; 2 ans comptés de la facture du 25/03/2024, faute de date de livraison ou d'exécution dans le classeur)", id="from-the-invoice"),
    ],
)  # fmt: skip
def test_a_consumer_s_soon_barred_status_says_what_it_counted_from(row, says):
    """legal-fr §8.3: « say which was used » (the third legal review, finding 7)."""
    row = {**row, "level": 1, "last_date": T("2026-01-20")}
    decision = decide(frame(**row), D(2026, 1, 22), Policy(), TABLES).frame.iloc[0]
    assert says in decision["reason"], decision["reason"]
