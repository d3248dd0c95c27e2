"""The litigation file's figures say what the claim is made of: penalties a bank transfer
already paid deducted in plain sight (table − received = claimed), the indemnity at the amount
the settings claim (not always « 40 € »), and an invoice a credit note settled in part said so
(not « principal payé »). Rates from legal-fr.md §4: 2026 H1 and H2, ECB 2,15 % + 10 = 12,15 %."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx
from relance_xlsx.figures.parties import Debtor, debtor_lines

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Montant réglé", "Date règlement", "Adresse", "Niveau de relance", "Date de relance",
           "Facture d'origine"]  # fmt: skip
JOURNAL = ("Date d'exécution", "N° facture", "Client", "Niveau", "Action", "Reste dû",
           "Intérêts", "Indemnité", "Courrier")  # fmt: skip
# M1: 3 000 €, due 01/06/2026, handed over on 20/11, paid in full on 02/12/2026; its
# penalties, payment day counted (test_paid_in_court.py):
#   02/06–30/06, 29 d: 3 000 × 12,15 % × 29 / 365 = 28,9603 → 28,96
#   01/07–02/12, 155 d: 3 000 × 12,15 % × 155 / 365 = 154,7877 → 154,79   183,75 € + 40 €.
M1 = ["M1", "Mu SAS", "professionnel", D(2026, 5, 1), D(2026, 6, 1), 3000.0, 3000.0,
      D(2026, 12, 2), ADDRESS, "Contentieux", D(2026, 11, 20), None]  # fmt: skip


def _text(path: str) -> str:
    doc = Document(path)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    lines = [p.text for p in doc.paragraphs] + cells
    return "\n".join(lines).replace("\u202f", " ").replace("\xa0", " ")


def _file(tmp_path: Path, rows, journal=(), settings=None) -> str:
    def add_journal(wb) -> None:
        if journal:
            ws = wb.create_sheet("Journal des relances")
            ws.append(JOURNAL)
            for line in journal:
                ws.append(line)

    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS, extra=add_journal)
    (file, *_) = relance_xlsx.dossier(ledger, str(rows[0][1]), settings or complete_settings(),
                                      as_of=AS_OF, out_dir=tmp_path / "out", pdf=False)  # fmt: skip
    return _text(file)


def _paid(interest: float, indemnity: float) -> tuple:
    return (dt.datetime(2026, 12, 3), "M1", "Mu SAS", "Contentieux", "Pénalités réglées (banque)",
            0.0, interest, indemnity, "")  # fmt: skip


@pytest.mark.parametrize(
    ("interest", "indemnity", "says", "total"),
    [
        # 50,00 € of the interest received: the table's 183,75 € − 50,00 € = 133,75 € claimed,
        # with the 40 €: 173,75 €.
        pytest.param(50.0, 0.0, ["Déjà reçu par virement au titre des pénalités de retard (facture M1), déduit : 183,75 € au tableau − 50,00 € reçus = 133,75 € réclamés.",
                                 "Intérêts arrêtés au 2 décembre 2026 : 133,75 €", "Indemnités forfaitaires : 40,00 €"],
                     173.75, id="part-of-the-interest"),
        # The interest and 15 € of the 40 €: 183,75 − 100 = 83,75 €, and 25 € of indemnity.
        pytest.param(100.0, 15.0, ["183,75 € au tableau − 100,00 € reçus = 83,75 € réclamés.",
                                   "Indemnité forfaitaire déjà reçue par virement (facture M1) : 15,00 €, déduits de l'indemnité réclamée.",
                                   "Indemnités forfaitaires : 25,00 €"],
                     108.75, id="interest-and-part-of-the-indemnity"),
        # More than the table (a letter's interest ran past the payment of 02/12): the table's
        # 183,75 € deducted, none left; the 6,25 € beyond it imputed on the 40 € (Code civil
        # 1342-10, review-lawnew M2): 33,75 € claimed.
        pytest.param(190.0, 0.0, ["183,75 € au tableau − 183,75 € imputés sur 190,00 € reçus = 0,00 € réclamés.",
                                  "Intérêts arrêtés au 2 décembre 2026 : 0,00 €",
                                  "Réglée(s) après l'échéance, principal payé : M1 ; reste due l'indemnité forfaitaire (Code de commerce D441-5), comprise dans la demande."],
                     33.75, id="more-than-the-table"),
    ],
)  # fmt: skip
def test_penalties_received_by_transfer_are_deducted_in_plain_sight(
    tmp_path, interest, indemnity, says, total
):
    text = _file(tmp_path, [M1], [_paid(interest, indemnity)])
    # The table stays whole: each period as computed.
    assert "28,96 €" in text and "154,79 €" in text, text
    for line in says:
        assert line in text, text
    assert f"Total réclamé : {total:.2f} €".replace(".", ",") in text, text


def test_no_transfer_no_deduction_line(tmp_path):
    text = _file(tmp_path, [M1])
    assert "Déjà reçu" not in text and "déjà reçue" not in text
    assert "Total réclamé : 223,75 €" in text, text


@pytest.mark.parametrize(
    ("kind", "indemnity", "basis", "claimed"),
    [
        pytest.param("professionnel", 40.0, "Indemnité forfaitaire pour frais de recouvrement de 40 € par facture (Code de commerce L441-10 II et D441-5)",
                     "Indemnités forfaitaires : 40,00 €", id="the-law-s-40"),
        # [policy] indemnity = 0: none claimed, and the file says so (it said « 40 € par facture »).
        pytest.param("professionnel", 0.0, "Indemnité forfaitaire pour frais de recouvrement (40 € par facture, Code de commerce L441-10 II et D441-5) : non réclamée",
                     "Indemnités forfaitaires : 0,00 €", id="none-claimed"),
        pytest.param("professionnel", 25.0, "Indemnité forfaitaire pour frais de recouvrement : 25,00 € par facture, en deçà des 40 € prévus (Code de commerce L441-10 II et D441-5)",
                     "Indemnités forfaitaires : 25,00 €", id="less-than-the-law-s"),
        # 100 € = the law's 40 € + 60 € of further compensation, on proof of the costs.
        pytest.param("professionnel", 100.0, "Frais de recouvrement : 100,00 € par facture, soit l'indemnité forfaitaire de 40 € (Code de commerce L441-10 II et D441-5) et 60,00 € d'indemnisation complémentaire, sur justification des frais exposés (Code de commerce L441-10 II)",
                     "Indemnités forfaitaires : 100,00 €", id="more-than-the-law-s"),
        pytest.param("Commune", 0.0, "Indemnité forfaitaire pour frais de recouvrement (40 € par facture, L2192-13 et R2192-32) : non réclamée",
                     "Indemnités forfaitaires : 0,00 €", id="public-none-claimed"),
    ],
)  # fmt: skip
def test_the_basis_says_the_indemnity_claimed(tmp_path, kind, indemnity, basis, claimed):
    settings = complete_settings()
    settings = replace(settings, policy=replace(settings.policy, indemnity=indemnity))
    row = ["G-1", "Garage Bleu", kind, D(2026, 8, 1), D(2026, 9, 1), 1000.0, None, None,
           ADDRESS, "Contentieux", D(2026, 11, 20), None]  # fmt: skip
    text = _file(tmp_path, [row], settings=settings)
    assert basis in text, text
    assert claimed in text, text
    if indemnity != 40.0:
        assert "40 € par facture (" not in text, text


# M2: 3 000 €, due 01/06/2026; a credit note AV-M2 of 1 000 € naming it, dated 15/07/2026,
# then 2 000 € paid on 02/12/2026. The credit lowers the base from the first day (2 000 €):
#   02/06–30/06, 29 d: 2 000 × 12,15 % × 29 / 365 = 19,3068 → 19,31
#   01/07–02/12, 155 d: 2 000 × 12,15 % × 155 / 365 = 103,1918 → 103,19   122,50 € + 40 €.
M2 = ["M2", "Mu SAS", "professionnel", D(2026, 5, 1), D(2026, 6, 1), 3000.0, 2000.0,
      D(2026, 12, 2), ADDRESS, "Contentieux", D(2026, 11, 20), None]  # fmt: skip
AV_M2 = ["AV-M2", "Mu SAS", "professionnel", D(2026, 7, 15), None, -1000.0, None, None,
         ADDRESS, None, None, "M2"]  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "said", "periods", "total"),
    [
        pytest.param([M2, AV_M2], "Facture M2 : avoir n° AV-M2 du 15/07/2026 (1 000,00 €), puis règlement de 2 000,00 € le 02/12/2026 ; principal soldé après l'échéance ; restent dues les pénalités de retard et l'indemnité forfaitaire (Code de commerce L441-10 et D441-5), comprises dans la demande.",
                     ["19,31 €", "103,19 €"], 162.50, id="credit-note-then-payment"),
        # Paid first (1 000 € on 20/07), the credit note for the rest after (15/10/2026): it
        # lowers the base from the first day, to 1 000 €, which the payment of 20/07 settles:
        #   02/06–30/06, 29 d: 1 000 × 12,15 % × 29 / 365 = 9,6534 → 9,65
        #   01/07–20/07, 20 d: 1 000 × 12,15 % × 20 / 365 = 6,6575 → 6,66   16,31 € + 40 €.
        pytest.param([[*M2[:6], 1000.0, D(2026, 7, 20), *M2[8:]], [*AV_M2[:3], D(2026, 10, 15), None, -2000.0, *AV_M2[6:]]],
                     "Facture M2 : règlement de 1 000,00 € le 20/07/2026, puis avoir n° AV-M2 du 15/10/2026 (2 000,00 €) ; principal soldé après l'échéance ; restent dues",
                     ["9,65 €", "6,66 €"], 56.31, id="payment-then-credit-note"),
        # The payment without a day: the ledger's « Date règlement » is not the credit's.
        pytest.param([[*M2[:7], None, *M2[8:]], AV_M2],
                     "Facture M2 : avoir n° AV-M2 du 15/07/2026 (1 000,00 €), puis règlement de 2 000,00 € non daté ; principal soldé",
                     [], None, id="payment-without-a-day"),
        # Paid in full all the same: the credit note, unused, stays an open credit, said
        # « non imputé » and deducted from nothing (test_a_contradictory_credit_…), and the
        # invoice was paid, not credited.
        pytest.param([[*M2[:6], 3000.0, *M2[7:]], AV_M2],
                     "Réglée(s) après l'échéance, principal payé : M2 ; restent dues",
                     ["Avoir non imputé : 1 000,00 €"], None, id="paid-in-full-credit-unused"),
        # 2 999,50 € paid, 0,50 € short, within [policy] tolerance (1,00 €), no credit note:
        # no credit note is made up of the difference.
        pytest.param([[*M1[:6], 2999.5, *M1[7:]]], "Indemnités forfaitaires pour frais de recouvrement (Code de commerce D441-5) : 40,00 € pour 1 facture.",
                     ["28,96 €", "154,79 €"], None, id="within-tolerance-no-credit-note"),
    ],
)  # fmt: skip
def test_an_invoice_settled_by_a_credit_note_says_so(tmp_path, rows, said, periods, total):
    text = _file(tmp_path, rows)
    assert said in text, text
    if "principal payé" in said or not rows[-1][0].startswith("AV"):
        assert "avoir n°" not in text and "principal soldé" not in text, text
    else:
        assert "principal payé" not in text, text
    assert all(p in text for p in periods), text
    if total is not None:
        assert f"Total réclamé : {total:.2f} €".replace(".", ",") in text, text


@pytest.mark.parametrize(
    ("kind", "indemnity", "line"),
    [
        # 100 € claimed per invoice: 40 € under D441-5, the 60 € more only on proof of the
        # costs (L441-10 II), as the basis says; the line cited D441-5 alone for all 100 €.
        pytest.param("professionnel", 100.0, "Frais de recouvrement : 100,00 € pour 1 facture, soit 40,00 € d'indemnités forfaitaires (Code de commerce D441-5) et 60,00 € d'indemnisation complémentaire, sur justification des frais exposés (Code de commerce L441-10 II).",
                     id="business-more-than-40"),
        pytest.param("Commune", 100.0, "Frais de recouvrement : 100,00 € pour 1 facture, soit 40,00 € d'indemnités forfaitaires (Code de la commande publique R2192-32) et 60,00 € d'indemnisation complémentaire, sur justification des frais exposés.",
                     id="public-more-than-40"),
        pytest.param("professionnel", 40.0, "Indemnités forfaitaires pour frais de recouvrement (Code de commerce D441-5) : 40,00 € pour 1 facture.",
                     id="business-40"),
    ],
)  # fmt: skip
def test_the_indemnities_line_cites_the_complement_s_basis(tmp_path, kind, indemnity, line):
    settings = complete_settings()
    settings = replace(settings, policy=replace(settings.policy, indemnity=indemnity))
    row = ["G-1", "Garage Bleu", kind, D(2026, 8, 1), D(2026, 9, 1), 1000.0, None, None,
           ADDRESS, "Contentieux", D(2026, 11, 20), None]  # fmt: skip
    text = _file(tmp_path, [row], settings=settings)
    assert line in text, text
    if indemnity > 40:
        assert "(Code de commerce D441-5) : 100,00 €" not in text, text


# Contradictory ledgers: a credit note can never make a claim negative. What the open credit
# notes leave beyond the principal is said « avoir non imputé », and deducted neither from the
# penalties nor from the indemnities; the run warns on the credit note's row.
NOT_IMPUTED = {
    # M2 paid in full (3 000 € on 02/12) while AV-M2 (1 000 €) names it: the credit lowers the
    # base to 2 000 € from the first day (test above: 19,31 + 103,19 = 122,50 €) + 40 € =
    # 162,50 €; its 1 000 € are not imputed. Main said « Total réclamé : -837,50 € ».
    "paid-in-full": ([[*M2[:6], 3000.0, *M2[7:]], AV_M2], 162.50, 1000.0,
                     "ligne 3 : avoir AV-M2 de 1 000,00 € sur la facture M2 : elle est déjà réglée en entier (3 000,00 € réglés sur 3 000,00 €) ; reste de l'avoir, non imputé sur cette facture : 1 000,00 €"),
    # M2 3 000 €, 2 000 € paid on 15/10, AV-M2 of 1 500 € (more than the 1 000 € left): base
    # 3 000 − 1 500 = 1 500 € from the first day, to the payment:
    #   02/06–30/06, 29 d: 1 500 × 12,15 % × 29 / 365 = 14,4801 → 14,48
    #   01/07–15/10, 107 d: 1 500 × 12,15 % × 107 / 365 = 53,4267 → 53,43   67,91 € + 40 €
    # = 107,91 €; 500 € not imputed. Main said -392,09 €.
    "larger-than-left": ([[*M2[:6], 2000.0, D(2026, 10, 15), *M2[8:]], [*AV_M2[:5], -1500.0, *AV_M2[6:]]], 107.91, 500.0,
                         "ligne 3 : avoir AV-M2 de 1 500,00 € sur la facture M2 : il dépasse ce qui en restait dû (1 000,00 €) ; reste de l'avoir, non imputé sur cette facture : 500,00 €"),
    # M2 3 000 €, 2 500 € paid on 15/10, 500 € open; a credit note naming no invoice, 1 500 €
    # of 15/07, set off against the 500 € open from that day (Code civil 1347 al. 2,
    # review-lawhand 2):
    #   02/06–30/06, 29 d: 3 000 × 12,15 % × 29 / 365 = 28,9603 → 28,96
    #   01/07–14/07, 14 d: 3 000 × 12,15 % × 14 / 365 = 13,9808 → 13,98
    #   15/07–15/10, 93 d: 2 500 × 12,15 % × 93 / 365 = 77,3938 → 77,39       120,33 €
    # 500 € − 500 € of credit + 120,33 + 40 = 160,33 €; 1 000 € not imputed (main: -815,37 €).
    "beyond-the-principal": ([[*M2[:6], 2500.0, D(2026, 10, 15), *M2[8:]], [*AV_M2[:5], -1500.0, *AV_M2[6:11], None]], 160.33, 1000.0, None),
}  # fmt: skip


@pytest.mark.parametrize("case", list(NOT_IMPUTED), ids=list(NOT_IMPUTED))
def test_a_contradictory_credit_never_makes_the_claim_negative(tmp_path, case):
    rows, total, unused, warning = NOT_IMPUTED[case]
    text = _file(tmp_path, rows)
    assert f"Total réclamé : {total:.2f} €".replace(".", ",") in text, text
    said = f"Avoir non imputé : {unused:,.2f} €".replace(",", " ").replace(".", ",")
    assert (
        f"{said} (au-delà du principal, il n'est déduit ni des pénalités ni des indemnités" in text
    ), text
    assert "Total réclamé : -" not in text and "Avoirs à déduire : -1 500,00 €" not in text, text
    # The run names the credit note's row, the invoice and the amounts, so that the ledger is
    # corrected; a credit naming no invoice contradicts nothing.
    result = relance_xlsx.run(
        tmp_path / "ledger.xlsx", complete_settings(), as_of=AS_OF, dry_run=True
    )
    said = [p.describe().replace("\u202f", " ").replace("\xa0", " ") for p in result.problems]
    if warning:
        assert [p for p in said if p.startswith(warning)], said
    else:
        assert not [p for p in said if "non imputé" in p], said


def test_the_report_never_claims_a_negative_principal(tmp_path):
    """The report's « Contentieux » sheet: a credit note larger than the open invoice in
    litigation (500 € open, 1 500 € of credit) gives a principal of 0, never -1 000 €; the
    penalties and the 40 € stay whole (120,33 + 40 = 160,33 €, as in the file above)."""
    rows = [[*M2[:6], 2500.0, D(2026, 10, 15), *M2[8:]], [*AV_M2[:5], -1500.0, *AV_M2[6:11], None]]
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    figures = relance_xlsx.report(ledger, complete_settings(), as_of=AS_OF, write=False).figures
    [case] = figures.litigation
    assert (case.principal, case.interest, case.indemnity, case.total) == (
        0.0,
        120.33,
        40.0,
        160.33,
    )


@pytest.mark.parametrize(
    ("rows", "story", "status"),
    [
        # M2 3 000 €: AV-M2 (1 000 €) of 15/07, 2 000 € paid on a day the ledger does not give.
        # The credit's day is not the payment's: main dated it 15/07 and claimed penalties on
        # 2 000 € to then (« arrêtés au 15 juillet 2026 : 29,30 € », + 40 €).
        pytest.param([[*M2[:7], None, *M2[8:]], AV_M2],
                     "Facture M2 : avoir n° AV-M2 du 15/07/2026 (1 000,00 €), puis règlement de 2 000,00 € non daté ;",
                     "Soldée par un règlement non daté et l'avoir du 15/07/2026", id="with-a-credit-note"),
        # The same payment alone, 3 000 €: nothing computed on it, and now said in the file.
        pytest.param([[*M2[:6], 3000.0, None, *M2[8:]]], "Facture M2 : règlement de 3 000,00 € non daté ;",
                     "Réglée", id="alone"),
    ],
)  # fmt: skip
def test_a_payment_without_a_day_is_not_dated_by_a_credit_note(tmp_path, rows, story, status):
    """As for a payment without a day alone, nothing is computed on it (no day to stop the
    penalties at, no delay known): no penalty, no indemnity, and the file says why."""
    text = _file(tmp_path, rows)
    assert (
        f"{story} principal soldé à une date inconnue : sans la date du règlement, ni pénalités "
        "ni indemnité n'y sont calculées (indiquez-la dans le classeur, colonne « Date "
        "règlement », puis refaites le dossier)." in text
    ), text
    assert "15 juillet 2026" not in text and "Total réclamé : 0,00 €" in text, text
    result = relance_xlsx.run(tmp_path / "ledger.xlsx", complete_settings(), as_of=AS_OF, dry_run=True)  # fmt: skip
    m2 = next(i for i in result.invoices if i.invoice == "M2")
    assert (m2.interest, m2.indemnity) == (0.0, 0.0), m2
    assert m2.reason.startswith(status), m2.reason


@pytest.mark.parametrize(
    ("debtor", "said"),
    [
        pytest.param(Debtor("Rouge SAS"), "Forme juridique : non renseignée dans le classeur", id="form"),
        pytest.param(Debtor("Rouge SAS"), "adresse de facturation : non renseignée dans le classeur", id="billing"),
        pytest.param(Debtor("M. Paul Rouge", consumer=True), "Adresse : non renseignée dans le classeur", id="consumer"),
        pytest.param(Debtor("Rouge SAS"), "SIRET : non renseigné dans le classeur", id="siret"),
    ],
)  # fmt: skip
def test_what_the_ledger_lacks_agrees_with_its_noun(debtor, said):
    """« non renseignée » after a feminine noun (review-clerk3: « Forme juridique : non renseigné »)."""
    assert any(said in line for line in debtor_lines(debtor))
