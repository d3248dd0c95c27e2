"""A payment on an invoice already handed to litigation: the run warns that the court file or
request handed over must be corrected (tell the lawyer or commissaire de justice, reduce or
withdraw the request: a sum already paid must not be claimed in court), and the penalties still
owed stay in the court claim. The second legal review, N5 (case c22, Kappa SAS)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import complete_settings, write_ledger

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Montant réglé", "Date règlement", "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip
# K1: 4 900 €, due 01/06/2026, handed to litigation on 20/11, paid in full on 02/12/2026.
# Penalties (legal-fr §4: 2026 H1 and H2, ECB 2,15 % + 10 = 12,15 %), payment day counted:
#   02/06–30/06, 29 d: 4 900 × 12,15 % × 29 / 365 = 47,30
#   01/07–02/12, 155 d: 4 900 × 12,15 % × 155 / 365 = 252,82     total 300,12 € + 40 €.
# K2: 700 €, due 01/09/2026, Relance 1, paid 30/11: 90 d, 700 × 12,15 % × 90 / 365 = 20,97 €.
ROWS = [
    ["K1", "Kappa SAS", "professionnel", D(2026, 5, 1), D(2026, 6, 1), 4900.0, 4900.0, D(2026, 12, 2), ADDRESS, "Contentieux", D(2026, 11, 20)],
    ["K2", "Kappa SAS", "professionnel", D(2026, 8, 1), D(2026, 9, 1), 700.0, 700.0, D(2026, 11, 30), ADDRESS, "Relance 1", D(2026, 10, 1)],
]  # fmt: skip


@pytest.mark.parametrize("claim", ["never", "letter"])
def test_a_payment_in_litigation_asks_to_correct_the_court_file(tmp_path, claim):
    ledger = write_ledger(tmp_path / "ledger.xlsx", ROWS, HEADERS)
    settings = complete_settings()
    settings = replace(settings, policy=replace(settings.policy, claim_after_payment=claim))
    result = relance_xlsx.run(ledger, settings, as_of=AS_OF, out_dir=tmp_path / "out")
    k1 = next(i for i in result.invoices if i.invoice == "K1")
    said = k1.reason.replace("\u00a0", " ")  # money() writes « 300,12 € » with a no-break space
    assert (k1.interest, k1.indemnity) == (300.12, 40.0)
    assert "après la contentieux" not in k1.reason, k1.reason
    assert "à réclamer si vous le décidez" not in k1.reason, k1.reason
    assert "après le passage au contentieux" in said, said
    assert (
        "pénalités 300,12 € et indemnité 40,00 € restent dues (Code de commerce L441-10), à "
        "maintenir dans la demande en justice (dossier de contentieux)" in said
    ), said
    [warning] = [w for w in result.warnings if "K1" in w and "contentieux" in w]
    assert warning.startswith(
        "Kappa SAS : la facture n° K1, remise au contentieux le 20/11/2026, a été réglée le 02/12/2026"
    ), warning
    assert "prévenez votre avocat ou le commissaire de justice" in warning, warning
    assert "réduire ou retirer la demande" in warning, warning
    # K1's penalties stay in its court claim: a letter claims only K2's, 20,97 + 40 = 60,97 €.
    claimed = [(x.kind, x.total_due) for x in result.letters if x.kind == "penalites"]
    assert claimed == ([("penalites", 60.97)] if claim == "letter" else []), result.letters


def test_a_credit_note_on_an_invoice_in_litigation_asks_to_correct_the_court_file(tmp_path):
    """Settled by a credit note naming it, after the hand-over: the request is as wrong."""
    headers = [*HEADERS, "Facture d'origine"]
    rows = [
        ["L1", "Lit SAS", "professionnel", D(2026, 5, 1), D(2026, 6, 1), 2000.0, None, None, ADDRESS, "Contentieux", D(2026, 11, 20), None],
        ["AV-L1", "Lit SAS", "professionnel", D(2026, 11, 25), None, -2000.0, None, None, ADDRESS, None, None, "L1"],
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    [warning] = [w for w in result.warnings if w.startswith("Lit SAS : la facture")]
    assert warning.startswith(
        "Lit SAS : la facture n° L1, remise au contentieux le 20/11/2026, a été soldée par l'avoir du 25/11/2026 : prévenez votre avocat"
    ), warning


@pytest.mark.parametrize("shared", [False, True], ids=["dated-run-folders", "one-out-folder"])
def test_a_payment_in_litigation_redoes_the_file_and_keeps_the_old_one(tmp_path, shared):
    """M1: 3 000 €, due 01/06/2026, mise en demeure on 01/11/2026: handed to litigation by the
    run of 20/11/2026 (19 days ≥ 15), then paid in full on 02/12/2026. The run of 07/12/2026
    writes a new file: principal 0, the penalties kept (legal-fr §4, 2026 H1 and H2 at
    2,15 % + 10 = 12,15 %, payment day counted):
      02/06–30/06, 29 d: 3 000 × 12,15 % × 29 / 365 = 28,9603 → 28,96
      01/07–02/12, 155 d: 3 000 × 12,15 % × 155 / 365 = 154,7877 → 154,79
    183,75 € + 40 € = 223,75 €. The file of 20/11 is kept, byte for byte; with one --out
    folder for both runs, the new one goes beside it, dated."""
    from docx import Document
    from openpyxl import load_workbook

    rows = [["M1", "Mu SAS", "professionnel", D(2026, 5, 1), D(2026, 6, 1), 3000.0, None, None,
             ADDRESS, "Mise en demeure", D(2026, 11, 1)]]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    settings = complete_settings()
    out = (lambda day: tmp_path / "out") if shared else (lambda day: None)
    first = relance_xlsx.run(ledger, settings, as_of=D(2026, 11, 20), out_dir=out(1), pdf=False)
    [old] = first.dossiers
    before = Path(old).read_bytes()
    wb = load_workbook(ledger)
    ws = wb.worksheets[0]
    heads = [c.value for c in ws[1]]
    ws.cell(2, heads.index("Montant réglé") + 1, 3000.0)
    ws.cell(2, heads.index("Date règlement") + 1, D(2026, 12, 2))
    assert ws.cell(2, heads.index("Niveau de relance") + 1).value == "Contentieux"
    wb.save(ledger)
    second = relance_xlsx.run(ledger, settings, as_of=AS_OF, out_dir=out(2), pdf=False)
    [new] = second.dossiers
    assert Path(old).read_bytes() == before
    assert new != old and Path(new).name == (
        "dossier-2026-12-07.docx" if shared else "dossier.docx"
    )
    doc = Document(new)
    text = "\n".join(p.text for p in doc.paragraphs).replace("\u202f", " ").replace("\xa0", " ")
    assert (
        "Nouvelle version, après la remise au contentieux : la facture n° M1, remise au contentieux le 20/11/2026, a été réglée le 02/12/2026."
        in text
    ), text
    assert "Principal : 0,00 €" in text
    # M1's interest stopped at its payment, not at the run's date.
    assert "Intérêts arrêtés au 2 décembre 2026 : 183,75 €" in text
    assert "Total réclamé : 223,75 €" in text
    [said] = [w for w in second.warnings if "dossier de contentieux refait" in w]
    assert said.startswith(
        f"Mu SAS : dossier de contentieux refait après un règlement ou un avoir sur une facture déjà remise au contentieux : {new} ;"
    ), said
    assert "Principal : 3 000,00 €" in "\n".join(p.text for p in Document(old).paragraphs).replace(
        "\u202f", " "
    ).replace("\xa0", " ")


def test_a_client_in_collective_proceedings_gets_no_court_file_redone(tmp_path):
    """N1 handed to litigation on 20/11, redressement judiciaire opened on 25/11, 1 000 € paid
    on 02/12 (after the judgment: L622-7). No court action is possible (L622-21): its
    declaration of claim is written, no litigation file."""
    headers = [*HEADERS, "Procédure collective", "Date du jugement", "Date BODACC"]
    rows = [["N1", "Nu SAS", "professionnel", D(2026, 5, 1), D(2026, 6, 1), 3000.0, 1000.0,
             D(2026, 12, 2), ADDRESS, "Contentieux", D(2026, 11, 20), "Redressement judiciaire",
             D(2026, 11, 25), D(2026, 11, 30)]]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    assert result.dossiers == [] and len(result.declarations) == 1
    assert not [w for w in result.warnings if "dossier de contentieux refait" in w]


# N1 handed to litigation on 20/11, redressement judiciaire opened on 25/11 (the fourth legal
# review, finding 3): paid in part after the judgment (L622-7), before it, or reduced by a
# credit note after the hand-over.
IN_PROCEEDINGS = {
    "paid-after-judgment": (1000.0, D(2026, 12, 2), None),
    "paid-before-judgment": (1000.0, D(2026, 11, 22), None),
    "credit-note": (None, None, -500.0),
}


@pytest.mark.parametrize("case", list(IN_PROCEEDINGS), ids=list(IN_PROCEEDINGS))
def test_a_client_in_collective_proceedings_is_not_told_to_reduce_a_request(tmp_path, case):
    """The action is stopped or interrupted by the opening judgment (L622-21, L622-22): no
    « réduire ou retirer la demande … principal restant » warning, which contradicted the
    L622-7 one (« déclarez la créance entière »); the declaration is written instead."""
    paid, on, credit = IN_PROCEEDINGS[case]
    headers = [*HEADERS, "Facture d'origine", "Procédure collective", "Date du jugement", "Date BODACC"]  # fmt: skip
    proc = ["Redressement judiciaire", D(2026, 11, 25), D(2026, 11, 30)]
    rows = [["N1", "Nu SAS", "professionnel", D(2026, 5, 1), D(2026, 6, 1), 3000.0, paid, on, ADDRESS, "Contentieux", D(2026, 11, 20), None, *proc]]  # fmt: skip
    if credit:
        rows.append(["AV-N1", "Nu SAS", "professionnel", D(2026, 11, 27), None, credit, None, None, ADDRESS, None, None, "N1", *proc])  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False)  # fmt: skip
    assert result.dossiers == [] and len(result.declarations) == 1
    said = "\n".join(result.warnings)
    assert "réduire ou retirer la demande" not in said, said
    assert "principal restant" not in said, said
    assert "la facture n° N1, remise au contentieux" not in said, said


def test_each_invoice_s_interest_is_said_stopped_on_its_own_day(tmp_path):
    """The redone file's figures: P1 paid in full on 02/12/2026 once in litigation, its interest
    stopped that day; P2 still open, its interest runs to the run's date, 07/12/2026. Both
    2026 H1 and H2 at 2,15 % + 10 = 12,15 % (legal-fr §4), the payment day counted:
      P1 2 000 €: 02/06–30/06, 29 d: 2 000 × 12,15 % × 29 / 365 = 19,3068 → 19,31
                  01/07–02/12, 155 d: 2 000 × 12,15 % × 155 / 365 = 103,1918 → 103,19
      P2 1 000 €: 02/06–30/06, 29 d: 1 000 × 12,15 % × 29 / 365 = 9,6534 → 9,65
                  01/07–07/12, 160 d: 1 000 × 12,15 % × 160 / 365 = 53,2603 → 53,26
    Interest 122,50 + 62,91 = 185,41 €; 2 × 40 €; total 1 000 + 185,41 + 80 = 1 265,41 €.
    The file said « Intérêts arrêtés au 7 décembre 2026 » of both."""
    from docx import Document

    rows = [
        ["P1", "Pi SAS", "professionnel", D(2026, 5, 1), D(2026, 6, 1), 2000.0, 2000.0, D(2026, 12, 2), ADDRESS, "Contentieux", D(2026, 11, 20)],
        ["P2", "Pi SAS", "professionnel", D(2026, 5, 1), D(2026, 6, 1), 1000.0, None, None, ADDRESS, "Contentieux", D(2026, 11, 20)],
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    [file] = result.dossiers
    text = "\n".join(p.text for p in Document(file).paragraphs)
    text = text.replace("\u202f", " ").replace("\xa0", " ")
    assert (
        "Intérêts arrêtés au 2 décembre 2026 pour la facture n° P1 et au 7 décembre 2026 pour "
        "la facture n° P2 : 185,41 €" in text
    ), text
    assert "Total réclamé : 1 265,41 €" in text


# L1: 2 000 €, due 01/06/2026, handed to litigation on 20/11/2026; what came after, and what
# the warning must say is still owed. 2026 H1 and H2 at 2,15 % + 10 = 12,15 % (legal-fr §4),
# a credit note's part never due, so off the base from the start (stretches.py):
#   full credit 25/11: nothing owed (no principal, no penalties, no 40 €).
#   500 € credit 25/11, base 1 500 €: 02/06–30/06, 29 d: 1 500 × 12,15 % × 29 / 365 = 14,48;
#     01/07–07/12, 160 d: 1 500 × 12,15 % × 160 / 365 = 79,89; 94,37 € to date + 40 €.
#   500 € credit 25/11 and 1 500 € paid 28/11: 14,48 + 01/07–28/11, 151 d: 1 500 × 12,15 %
#     × 151 / 365 = 75,40; 89,88 € + 40 €.
#   paid 2 000 € on 02/12: 2 000 × 12,15 % × 29 / 365 = 19,31 + × 155 / 365 = 103,19;
#     122,50 € + 40 €.
#   the same, by a commune: intérêts moratoires at 2,15 % + 8 = 10,15 % (R2192-31):
#     2 000 × 10,15 % × 29 / 365 = 16,13 + × 155 / 365 = 86,21; 102,34 € + 40 € (R2192-32).
#   the same, by a private person: no 40 € (legal-fr §7.3), interest not computed by default.
SETTLED = {
    "full-credit": (None, None, -2000.0, [
        "a été soldée par l'avoir du 25/11/2026 : prévenez votre avocat",
        "il faut retirer cette facture de la demande",
        "annulée par l'avoir, elle n'est plus due, ni en principal, ni en pénalités ou intérêts, ni en indemnité forfaitaire",
    ]),
    "part-credit": (None, None, -500.0, [
        "a été réduite par l'avoir du 25/11/2026 (500,00 €) : prévenez votre avocat",
        "Ce qui reste dû peut y être maintenu : principal restant 1 500,00 €, pénalités 94,37 € à ce jour sur le montant diminué de l'avoir et indemnité forfaitaire 40,00 €.",
    ]),
    "credit-and-payment": (1500.0, D(2026, 11, 28), -500.0, [
        "a été soldée par l'avoir du 25/11/2026 et le règlement du 28/11/2026 : prévenez",
        "une somme déjà payée ou annulée est abusif",
        "Ce qui reste dû peut y être maintenu : pénalités 89,88 € sur le montant diminué de l'avoir et indemnité forfaitaire 40,00 €.",
    ]),
    # The payment without a day: the credit note does not date it, nothing is computed on it
    # (as on any payment without a day); the warning still comes, on the credit's day.
    "credit-and-undated-payment": (1500.0, None, -500.0, [
        "a été soldée par un règlement non daté et l'avoir du 25/11/2026 : prévenez",
    ]),
    "payment": (2000.0, D(2026, 12, 2), None, [
        "a été réglée le 02/12/2026 : prévenez",
        "Ce qui reste dû peut y être maintenu : pénalités 122,50 € et indemnité forfaitaire 40,00 €.",
    ]),
    # A public person: the référé-provision, no injonction de payer, no commissaire de justice
    # (legal-fr §8.1), the interest and the 40 € by the Code de la commande publique.
    "public-payment": (2000.0, D(2026, 12, 2), None, [
        "prévenez votre avocat à qui le dossier a été remis ; il faut réduire ou retirer la demande (référé-provision devant le tribunal administratif, ou réclamation) : ",
        "Ce qui reste dû peut y être maintenu : intérêts moratoires 102,34 € (Code de la commande publique L2192-13) et indemnité forfaitaire 40,00 € (R2192-32).",
    ]),
    "consumer-payment": (2000.0, D(2026, 12, 2), None, [
        "réclamer en justice une somme déjà payée est abusif.",
    ]),
}  # fmt: skip
KINDS = {"public-payment": "Commune", "consumer-payment": "Particulier"}


@pytest.mark.parametrize("case", list(SETTLED), ids=list(SETTLED))
def test_the_warning_says_what_stays_owed_after_a_payment_or_credit_in_litigation(tmp_path, case):
    """The warning said « Les pénalités et l'indemnité restent dues » whatever happened: false
    of an invoice a credit note cancelled, silent on a credit note for part of it."""
    paid, on, credit, said = SETTLED[case]
    headers = [*HEADERS, "Facture d'origine"]
    kind = KINDS.get(case, "professionnel")
    rows = [["L1", "Lit SAS", kind, D(2026, 5, 1), D(2026, 6, 1), 2000.0, paid, on, ADDRESS, "Contentieux", D(2026, 11, 20), None]]  # fmt: skip
    if credit:
        rows.append(["AV-L1", "Lit SAS", "professionnel", D(2026, 11, 25), None, credit, None, None, ADDRESS, None, None, "L1"])  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False)  # fmt: skip
    [warning] = [w for w in result.warnings if w.startswith("Lit SAS : la facture n° L1")]
    warning = warning.replace("\u202f", " ").replace("\xa0", " ")
    for part in said:
        assert part in warning, warning
    assert "restent dues" not in warning, warning
    if case == "consumer-payment":  # nothing the run computed stays owed: no sentence on it
        assert "indemnité" not in warning and "reste dû" not in warning, warning
    if case == "public-payment":  # the fourth legal review, finding 10
        from docx import Document

        assert "injonction" not in warning and "commissaire" not in warning, warning
        [file] = result.dossiers
        text = "\n".join(p.text for p in Document(file).paragraphs)
        text = text.replace("\u202f", " ").replace("\xa0", " ")
        assert (
            "ce qui reste dû (principal non réglé, intérêts moratoires et indemnité forfaitaire de 40 €, Code de la commande publique L2192-13 et R2192-32) y est maintenu"
            in text
        ), text
        assert (
            "la demande déjà formée (référé-provision devant le tribunal administratif, ou réclamation) doit être réduite ou retirée"
            in text
        ), text
        assert "entre professionnels" not in text and "requête en injonction" not in text, text
        [redone] = [w for w in result.warnings if "dossier de contentieux refait" in w]
        assert redone.endswith("Remettez cette nouvelle version à votre avocat."), redone
    if case == "full-credit":
        from docx import Document

        assert "reste dû" not in warning, warning
        [file] = result.dossiers
        text = "\n".join(p.text for p in Document(file).paragraphs).replace("\u202f", " ")
        assert "soldée par l'avoir du 25/11/2026 (annulée : plus rien n'est dû à son titre)" in text
        assert "Pénalités de retard : aucune à ce jour." in text
        # No procedure offered for a claim of nothing.
        assert "Total réclamé de 0,00 € : rien à réclamer à ce client" in text.replace("\xa0", " ")
        assert "petites créances" not in text


def test_the_file_s_timeline_dates_a_payment_on_its_own_day_and_names_the_credit(tmp_path):
    """L1 paid 1 500 € on 22/11, after its hand-over, then settled by a 500 € credit note of
    25/11: the ledger's payment day becomes the credit's (ledger/credits.py), and the timeline
    said « 25/11/2026 — Règlement de 1 500,00 € » without the credit note."""
    from docx import Document

    headers = [*HEADERS, "Facture d'origine"]
    rows = [
        ["L1", "Lit SAS", "professionnel", D(2026, 5, 1), D(2026, 6, 1), 2000.0, 1500.0, D(2026, 11, 22), ADDRESS, "Contentieux", D(2026, 11, 20), None],
        ["AV-L1", "Lit SAS", "professionnel", D(2026, 11, 25), None, -500.0, None, None, ADDRESS, None, None, "L1"],
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False)  # fmt: skip
    [file] = result.dossiers
    text = "\n".join(p.text for p in Document(file).paragraphs)
    text = text.replace("\u202f", " ").replace("\xa0", " ")
    assert "22/11/2026 — Règlement de 1 500,00 € sur la facture L1" in text, text
    assert "25/11/2026 — Avoir de 500,00 € sur la facture L1" in text, text
    assert "25/11/2026 — Règlement" not in text, text
