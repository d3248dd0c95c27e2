"""Public buyers by kind (legal-fr.md 8.1): each its legal payment term, counted from the
receipt of the invoice (R2192-12), and its interest at ECB + 8 points fixed at the half-year the
delay starts (R2192-31). Every figure below was computed by hand from legal-fr.md."""

# ruff: noqa: E501

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from conftest import complete_settings, write_ledger

import relance_xlsx
from relance_xlsx.ledger import buyer_kind
from relance_xlsx.wording import plain

D = dt.date
AS_OF = D(2026, 11, 22)
ADDRESS = "1 place de la Mairie\n69000 Lyon"
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Date de réception",
           "Échéance", "Montant TTC", "Adresse"]  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        pytest.param("État", "state", id="etat-accent"),
        pytest.param("Etat", "state", id="etat"),
        pytest.param("Ministère des Armées", "state", id="ministere"),
        pytest.param("Établissement public", "state", id="etablissement-public-administratif"),
        pytest.param("Collectivité", "local", id="collectivite"),
        pytest.param("Collectivités territoriales", "local", id="collectivites-plural"),
        pytest.param("Commune", "local", id="commune"),
        pytest.param("Mairie de Lyon", "local", id="mairie-de"),
        pytest.param("Département", "local", id="departement"),
        pytest.param("Région", "local", id="region"),
        pytest.param("Hôpital", "health", id="hopital"),
        pytest.param("CHU", "health", id="chu"),
        pytest.param("Centre hospitalier de Dax", "health", id="centre-hospitalier"),
        pytest.param("EPS", "health", id="eps"),
        pytest.param("Établissement public de santé", "health", id="etablissement-public-de-sante"),
        pytest.param("Service de santé des armées", "health", id="ssa"),
        pytest.param("Entreprise publique", "public_enterprise", id="entreprise-publique"),
        pytest.param("EPIC", "epic", id="epic"),
        pytest.param("EPIC local", "local", id="epic-local-R2192-10"),
        pytest.param("EPIC communal", "local", id="epic-communal-R2192-10"),
        pytest.param("Office public de l'habitat", "local", id="oph-R2192-10"),
        pytest.param("Public", "public", id="public-generic"),
        pytest.param("Épicerie", None, id="epicerie-is-not-epic"),
        pytest.param("Etatique SARL", None, id="not-a-whole-word"),
        pytest.param("Particulier", None, id="consumer"),
        pytest.param("Professionnel", None, id="business"),
    ],
)
def test_the_type_client_names_the_kind_of_public_buyer(typed, kind):
    assert buyer_kind(typed) == kind


@pytest.mark.parametrize(
    ("kind", "received", "due_cell", "due", "interest", "says"),
    [
        # R2192-11: 50 days from receipt on 14/03/2026: 17 days to 31/03, 30 in April, 3 in
        # May: due 03/05/2026. Delay from 04/05/2026 (2026 H1: ECB 2,15 % on 1 January + 8 =
        # 10,15 %, fixed) to 22/11/2026: 28 + 30 + 31 + 31 + 30 + 31 + 22 = 203 days;
        # 1 000 × 10,15 % × 203 / 365 = 56,4507 → 56,45.
        pytest.param("CHU", D(2026, 3, 14), None, "2026-05-03", 56.45,
                     "50 jours après la réception de la facture, le 14/03/2026", id="R2192-11-hospital-50-days-from-receipt"),
        # No receipt date: from the invoice date 10/03/2026 + 50 = 29/04/2026; 30/04 to 22/11:
        # 1 + 31 + 30 + 31 + 31 + 30 + 31 + 22 = 207 days; 101,5 × 207 / 365 = 57,5630 → 57,56.
        pytest.param("Hôpital", None, None, "2026-04-29", 57.56,
                     "50 jours après la date de la facture, le 10/03/2026, faute de date de réception", id="R2192-12-hospital-from-the-invoice-date"),
        # R2192-10: 30 days from 14/03: 13/04/2026; 14/04 to 22/11: 17 + 31 + 30 + 31 + 31 +
        # 30 + 31 + 22 = 223 days; 101,5 × 223 / 365 = 62,0123 → 62,01.
        pytest.param("Commune", D(2026, 3, 14), None, "2026-04-13", 62.01,
                     "30 jours après la réception", id="R2192-10-commune-30-days"),
        # R2192-11: 60 days from 14/03: 13/05/2026; 14/05 to 22/11: 18 + 30 + 31 + 31 + 30 +
        # 31 + 22 = 193 days; 101,5 × 193 / 365 = 53,6699 → 53,67.
        pytest.param("Entreprise publique", D(2026, 3, 14), None, "2026-05-13", 53.67,
                     "60 jours après la réception", id="R2192-11-entreprise-publique-60-days"),
        # R2192-10/11 set a maximum: a due date typed 30 days after the invoice (09/04), shorter
        # than the law's (03/05), is a contractual term, kept. Delay from 10/04/2026 (2026 H1,
        # 10,15 %, fixed): 10/04-30/06 = 21 + 31 + 30 = 82 days: 101,5 × 82 / 365 = 22,8027 →
        # 22,80; 01/07-22/11 = 31 + 31 + 30 + 31 + 22 = 145 days: 40,3219 → 40,32; 63,12.
        pytest.param("CHU", D(2026, 3, 14), D(2026, 4, 9), "2026-04-09", 63.12,
                     "échéance du classeur, le 09/04/2026, conservée : délai contractuel plus court que le maximum légal (50 jours, Code de la commande publique R2192-11 : 03/05/2026)", id="R2192-11-earlier-typed-due-date-kept"),
        # A later due date typed (30/06), the receipt known: beyond the maximum, the law's
        # (03/05) stands, as in the first case: 56,45.
        pytest.param("CHU", D(2026, 3, 14), D(2026, 6, 30), "2026-05-03", 56.45,
                     "échéance légale le 03/05/2026 : 50 jours après la réception de la facture, le 14/03/2026 (établissement public de santé, Code de la commande publique R2192-11 et R2192-12) ; échéance du classeur, le 30/06/2026, au-delà du délai maximal, remplacée", id="R2192-11-later-typed-due-date-gives-way"),
        # Without a receipt date the maximum from the invoice date is an approximation: the
        # later typed date (30/06) is kept. Delay from 01/07/2026, 2026 H2 (rate of 1 July
        # unknown: the latest, 2,15 % + 8): 31 + 31 + 30 + 31 + 22 = 145 days; 101,5 × 145 /
        # 365 = 40,3219 → 40,32.
        pytest.param("CHU", None, D(2026, 6, 30), "2026-06-30", 40.32,
                     None, id="R2192-12-later-typed-due-date-kept-without-receipt"),
    ],
)  # fmt: skip
def test_a_public_buyer_s_legal_term_and_its_interest(
    tmp_path, kind, received, due_cell, due, interest, says
):
    headers = HEADERS if received else [h for h in HEADERS if h != "Date de réception"]
    row = ["P-1", "Acheteur", kind, D(2026, 3, 10), received, due_cell, 1000.0, ADDRESS]
    if not received:
        row.pop(4)
    ledger = write_ledger(tmp_path / "public.xlsx", [row], headers)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, dry_run=True)
    (invoice,) = result.invoices
    assert invoice.due == due
    assert invoice.interest == interest and invoice.indemnity == 40.0
    if says:
        assert says in invoice.reason and "Code de la commande publique" in invoice.reason
    else:
        assert "échéance légale" not in invoice.reason


def test_check_says_once_that_the_term_runs_from_the_invoice_date_without_a_receipt_column(
    tmp_path,
):
    rows = [["P-1", "CHU Nord", "CHU", D(2026, 3, 10), None, 1000.0, ADDRESS],
            ["P-2", "CHU Nord", "CHU", D(2026, 4, 10), None, 500.0, ADDRESS]]  # fmt: skip
    headers = [h for h in HEADERS if h != "Date de réception"]
    result = relance_xlsx.check(write_ledger(tmp_path / "l.xlsx", rows, headers))
    said = [p for p in result.problems if "Date de réception" in p.message]
    assert len(said) == 1 and "2 facture(s)" in said[0].message and said[0].severity == "warning"


def test_check_does_not_call_a_public_buyer_s_legal_term_beyond_the_l441_10_ceiling(tmp_path):
    """Entreprise publique invoiced 01/09/2026, received 03/09: due 02/11/2026 (receipt + 60
    days, R2192-11), 62 days after the invoice: the tool's own date, under the Code de la
    commande publique, not L441-10: no « maximum légal » warning. A business's 90 days
    (01/09 → 30/11) still get it, with the cell's own value."""
    rows = [["E-1", "Régie", "Entreprise publique", D(2026, 9, 1), D(2026, 9, 3), None, 1000.0, ADDRESS],
            ["B-1", "Garage", None, D(2026, 9, 1), None, D(2026, 11, 30), 1000.0, ADDRESS]]  # fmt: skip
    result = relance_xlsx.check(write_ledger(tmp_path / "l.xlsx", rows, HEADERS))
    beyond = [p for p in result.problems if "maximum légal" in p.message]
    assert [(p.row, p.value) for p in beyond] == [(3, "30/11/2026")], beyond


def test_a_business_keeps_its_terms_and_a_consumer_is_never_a_public_buyer(tmp_path):
    # « Particulier » is a consumer; an empty type a business: both 30 days by default.
    rows = [["B-1", "Garage", None, D(2026, 3, 10), D(2026, 3, 14), None, 1000.0, ADDRESS],
            ["C-1", "M. Durand", "Particulier", D(2026, 3, 10), D(2026, 3, 14), None, 1000.0, ADDRESS]]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, dry_run=True)
    assert [i.due for i in result.invoices] == ["2026-04-09", "2026-04-09"]
    assert not any("échéance légale" in i.reason for i in result.invoices)


@pytest.mark.parametrize(
    ("kind", "route"),
    [
        pytest.param(
            "Commune",
            "référé-provision à demander au tribunal administratif",
            id="CJA-R541-1-no-injonction-against-a-commune",
        ),
        pytest.param(
            "Entreprise publique",
            "injonction de payer à engager",
            id="entreprise-publique-is-a-company",
        ),
        pytest.param(None, "injonction de payer à engager", id="business"),
        # The lawyer's c04: an EPIC is a public person (CCP L6, CGPPP L2311-1).
        pytest.param(
            "EPIC",
            "référé-provision à demander au tribunal administratif",
            id="CCP-L6-epic-administrative-court",
        ),
    ],
)
def test_the_litigation_status_names_the_route_for_the_debtor(tmp_path, kind, route):
    headers = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
               "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip
    rows = [
        [
            "P-1",
            "Acheteur",
            kind,
            D(2026, 3, 1),
            D(2026, 6, 30),
            1000.0,
            ADDRESS,
            "Mise en demeure",
            D(2026, 10, 1),
        ]
    ]
    ledger = write_ledger(tmp_path / "l.xlsx", rows, headers)
    (invoice,) = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, dry_run=True).invoices
    assert invoice.action == "litigation" and route in invoice.reason


@pytest.mark.parametrize(
    ("kind", "due", "interest", "says"),
    [
        # The lawyer's c04 (E-2, Office national des forêts, received 25/11/2024): an EPIC of the
        # State is an entreprise publique, 60 days (R2192-11): due 24/01/2025. On 01/09/2025:
        # 25/01 to 30/06/2025, 157 days at 3,15 + 8 = 11,15 % (fixed at 2025 H1, the half-year
        # the delay starts): 3 000 × 11,15 % × 157 / 365 = 143,88; 01/07 to 01/09/2025, 63 days:
        # 57,74; 201,62 €.
        pytest.param("EPIC", "2025-01-24", 201.62, "pour un EPIC local, 30 jours (R2192-10)", id="R2192-11-national-epic-60-days"),
        # A local EPIC: 30 days (R2192-10, legal-fr.md 8.1): due 25/12/2024, the delay starts in
        # 2024 H2: 4,25 + 8 = 12,25 %, 26/12/2024 to 01/09/2025 = 250 days:
        # 3 000 × 12,25 % × 6 / 365 = 6,04; × 181 / 365 = 182,24; × 63 / 365 = 63,43; 251,71 €.
        pytest.param("EPIC local", "2024-12-25", 251.71, "30 jours après la réception de la facture, le 25/11/2024 (collectivité territoriale ou établissement public local, Code de la commande publique R2192-10", id="R2192-10-local-epic-30-days"),
    ],
)  # fmt: skip
def test_an_epic_s_term_national_or_local(tmp_path, kind, due, interest, says):
    headers = ["N° facture", "Client", "Type client", "Date facture", "Date de réception",
               "Montant TTC", "Adresse"]  # fmt: skip
    rows = [["E-2", "Office national des forêts", kind, D(2024, 11, 15), D(2024, 11, 25), 3000.0, ADDRESS]]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows, headers)
    (invoice,) = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2025, 9, 1), dry_run=True
    ).invoices
    assert invoice.due == due and invoice.interest == interest and invoice.indemnity == 40.0
    assert says in invoice.reason


def test_an_epic_s_litigation_file_goes_to_the_administrative_court(tmp_path):
    """c04: not « en principe de droit privé (TC ou judiciaire) » beside a claim founded on the
    marché public: the administrative court, no seizure."""
    from docx import Document

    headers = ["N° facture", "Client", "Type client", "Date facture", "Montant TTC", "Adresse",
               "Niveau de relance", "Date de relance"]  # fmt: skip
    rows = [["E-2", "Office national des forêts", "EPIC", D(2024, 11, 15), 3000.0, ADDRESS, "Mise en demeure", D(2025, 8, 1)]]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows, headers)
    (file, *_) = relance_xlsx.dossier(ledger, "Office national des forêts", complete_settings(),
                                      as_of=D(2025, 9, 1), out_dir=tmp_path / "out", pdf=False)  # fmt: skip
    text = "\n".join(p.text for p in Document(file).paragraphs)
    procedure = text.split("Procédure\n")[1].split("Chiffres")[0]
    assert "Code de la commande publique L6" in procedure and "L2311-1" in procedure
    assert "référé-provision" in procedure and "droit privé" not in procedure
    assert "Injonction de payer" not in procedure


@pytest.mark.parametrize(
    ("kind", "claim", "says", "never"),
    [
        # The lawyer's c11: a CHU's invoice of 01/04/2026 (no receipt date: 50 days from
        # it, R2192-11, due 21/05/2026) paid on 30/06/2026: 22/05 to 30/06 = 40 days at 2,15 +
        # 8 = 10,15 % (2026 H1): 2 000 × 10,15 % × 40 / 365 = 22,2466 → 22,25 €, and 40 €.
        pytest.param("CHU", "letter", "intérêts moratoires 22,25 € et indemnité 40,00 € réclamés (Code de la commande publique L2192-13, R2192-31 et R2192-32)",
                     ("L441-10", "pénalités"), id="L2192-13-R2192-31-claimed-by-letter"),
        pytest.param("CHU", "never", "intérêts moratoires 22,25 € et indemnité 40,00 € restent dus (Code de la commande publique L2192-13, R2192-31 et R2192-32)",
                     ("L441-10", "pénalités"), id="L2192-13-R2192-32-said-in-the-status"),
        # A business: 30 days, due 01/05/2026; 02/05 to 30/06 = 60 days at 12,15 %: 39,95 €.
        pytest.param(None, "never", "pénalités 39,95 € et indemnité 40,00 € restent dues (Code de commerce L441-10)",
                     ("L2192", "moratoires"), id="L441-10-business-unchanged"),
    ],
)  # fmt: skip
def test_a_public_buyer_paid_late_owes_interets_moratoires(tmp_path, kind, claim, says, never):
    from docx import Document

    headers = ["N° facture", "Date facture", "Client", "Type client", "Adresse", "Montant TTC",
               "Montant réglé", "Date règlement", "Niveau de relance", "Date de relance"]  # fmt: skip
    rows = [["X-3", D(2026, 4, 1), "CHU de Lyon", kind, "3 quai des Célestins\n69002 Lyon", 2000.0, 2000.0, D(2026, 6, 30), "Relance 1", D(2026, 6, 1)]]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows, headers)
    settings = complete_settings()
    settings = dataclasses.replace(
        settings, policy=dataclasses.replace(settings.policy, claim_after_payment=claim)
    )
    result = relance_xlsx.run(ledger, settings, as_of=D(2026, 7, 10), out_dir=tmp_path / "out")
    (invoice,) = result.invoices
    reason = invoice.reason.replace("\xa0", " ")
    assert says in reason and not any(w in reason for w in never)
    if claim == "letter":
        (letter,) = result.letters
        text = "\n".join(p.text for p in Document(letter.path).paragraphs)
        assert "Objet : intérêts moratoires – facture n° X-3" in plain(text).replace("\u00a0", " ")
        assert "échéance convenue" not in text and "Pénalités" not in text and "L441-10" not in text


@pytest.mark.parametrize(
    ("kind", "invoiced", "warned", "interest"),
    [
        # The lawyer's c02 (defect 11): a commune's invoice of 15/03/2021, its rate fixed at
        # 2021 H1 (0 % + 8): no figure depends on 2026 H2's ECB rate, no warning. 15/04/2021
        # to 06/12/2026: 451,95 € (tests/test_ledger_history.py).
        pytest.param("Commune", D(2021, 3, 15), False, 451.95, id="R2192-31-fixed-rate-no-warning"),
        # A commune whose delay starts in 2026 H2 (invoice 15/07/2026, due 14/08): its rate is
        # 2026 H2's, not confirmed: warned. 15/08 to 06/12 = 114 days × 10,15 % = 31,70 €.
        pytest.param("Commune", D(2026, 7, 15), True, 31.70, id="R2192-31-delay-starting-in-the-unknown-half"),
        # A business's penalties running in 2026 H2: warned (15/04/2021 onwards at BCE + 10).
        pytest.param(None, D(2026, 3, 15), True, None, id="L441-10-business-runs-in-the-unknown-half"),
    ],
)  # fmt: skip
def test_the_unconfirmed_ecb_rate_is_warned_only_when_a_figure_uses_it(
    tmp_path, kind, invoiced, warned, interest
):
    headers = ["N° facture", "Client", "Type client", "Date facture", "Montant TTC", "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip
    # c02's letter of 10/05/2023 keeps the 2021 debt alive (loi 68-1250, art. 2).
    reminded = D(2023, 5, 10) if invoiced.year == 2021 else D(2026, 11, 1)
    rows = [["C-1", "Commune de Brignais", kind, invoiced, 1000.0, ADDRESS, "Relance 1", reminded]]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows, headers)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=D(2026, 12, 6), dry_run=True)
    (invoice,) = result.invoices
    assert any("Taux BCE du 2e semestre 2026 non confirmé" in w for w in result.warnings) is warned
    if interest is not None:
        assert invoice.interest == pytest.approx(interest)
