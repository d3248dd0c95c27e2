"""What is claimed is what is owed now (review pubwb3, H7): a deposit or a credit note already
applied is deducted as a payment is, a « Net à payer » beside the TTC is the claim, and a
retention (« Retenue de garantie ») is left out of the claim and said in the status, never
chased. Checked on the letters and the statuses of a real run."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from docx import Document
from openpyxl import load_workbook

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 7)
BASE = ["N° facture", "Client", "Adresse", "Date facture", "Échéance", "Montant TTC"]
ROW = [
    "F-100",
    "SARL Alpha",
    "1 rue de la Paix\n75002 Paris",
    D(2026, 9, 1),
    D(2026, 10, 1),
    1200.0,
]
# A second invoice, with nothing deducted: a held row is never the whole ledger.
OTHER = ["F-101", "Beta SAS", "2 rue de la Paix\n75002 Paris", D(2026, 9, 2), D(2026, 10, 2), 850.0]
_RG = "retenue de garantie de 60,00 € non exigible"


def _fine(text: str) -> str:
    return " ".join(text.replace("\u2011", "-").replace("\xa0", " ").replace("\u202f", " ").split())


def _run(tmp_path, extra, values):
    ledger = write_ledger(tmp_path / "l.xlsx", [[*ROW, *values], OTHER], [*BASE, *extra])
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    letters = [
        _fine(" ".join(p.text for p in Document(x.path).paragraphs))
        for x in result.letters
        if x.client == "SARL Alpha"
    ]
    ws = load_workbook(ledger).active
    header = [c.value for c in ws[1]]
    status = _fine(str(ws.cell(2, header.index("Statut relance") + 1).value))
    return letters, status


@pytest.mark.parametrize(
    ("extra", "values", "owed", "said"),
    [
        pytest.param(["Acompte versé"], [400], 800, None, id="acompte-verse"),
        pytest.param(["Acompte reçu"], [400], 800, None, id="acompte-recu"),
        pytest.param(["Avoir imputé"], [200], 1000, None, id="avoir-impute"),
        # An « Avoir » column of amounts is the credit applied, not an oui/non (pubwb4 M7).
        pytest.param(["Avoir"], [200], 1000, None, id="avoir-montant"),
        pytest.param(["Acompte versé"], [-400], 800, None, id="acompte-negatif"),
        pytest.param(["Déjà réglé"], [400], 800, None, id="deja-regle"),
        pytest.param(["Déjà payé"], [400], 800, None, id="deja-paye"),
        pytest.param(["Montant encaissé"], [400], 800, None, id="montant-encaisse"),
        pytest.param(["Montant réglé", "Acompte versé"], [None, 400], 800, None, id="acompte-seul"),
        pytest.param(["Net à payer"], [800], 800, None, id="net-a-payer"),
        pytest.param(["Montant net à payer"], [800], 800, None, id="montant-net-a-payer"),
        pytest.param(["Reste à payer"], [800], 800, None, id="reste-a-payer"),
        pytest.param(["Solde dû"], [800], 800, None, id="solde-du"),
        pytest.param(["Montant dû"], [800], 800, None, id="montant-du"),
        pytest.param(["Retenue de garantie 5%"], [60], 1140, _RG, id="retenue-de-garantie"),
        pytest.param(["RG"], [-60], 1140, _RG, id="rg-negatif"),
        pytest.param(
            ["Acompte versé", "Retenue de garantie"], [400, 60], 740, _RG, id="acompte-et-rg"
        ),
    ],
)
def test_the_letter_claims_what_is_owed_now(tmp_path, extra, values, owed, said):
    letters, status = _run(tmp_path, extra, values)
    assert len(letters) == 1, status
    amount = f"{owed:,.2f}".replace(",", " ").replace(".", ",")
    assert f"Total restant dû : {amount} €" in letters[0]
    assert f"régler la somme de {amount} €" in letters[0]
    assert "la somme de 1 200,00 €" not in letters[0]
    if said:
        assert said in status
        # Never chased, and said (review pubwb4 M6): the gap is no payment received.
        assert "dont 60,00 € de retenue de garantie, non exigible avant sa levée" in letters[0]
        assert (RECEIVED in letters[0]) == ("Acompte versé" in extra)
    else:
        assert "retenue" not in letters[0].lower()


@pytest.mark.parametrize(
    ("extra", "values", "said"),
    [
        # Does « Montant réglé » hold the deposit already? Unknown: held, never guessed.
        pytest.param(["Montant réglé", "Acompte versé"], [300, 400], "acompte", id="both-filled"),
        # A net to pay below the TTC less what was paid: one of them is stale, never guessed.
        pytest.param(
            ["Montant réglé", "Net à payer"], [0, 800], "net à payer", id="net-below-paid"
        ),
        pytest.param(["Montant réglé", "Reste dû"], [100, 800], "reste dû", id="balance-below"),
        # All paid but the retention: nothing is chased, the status says what is withheld.
        pytest.param(["Montant réglé", "Retenue de garantie"], [1140, 60], _RG, id="only-rg-left"),
    ],
)
def test_nothing_is_chased(tmp_path, extra, values, said):
    letters, status = _run(tmp_path, extra, values)
    assert letters == []
    assert said in status


def test_no_interest_runs_on_the_retention(tmp_path):
    """Paid late but for its retention: the penalties run on what was due, as for an invoice of
    that amount with no retention."""
    headers = [*BASE, "Montant réglé", "Date règlement", "Retenue de garantie"]
    late = D(2026, 11, 1)
    rows = [
        [*ROW, 1140.0, late, 60.0],
        ["F-102", "Gamma EURL", ROW[2], ROW[3], ROW[4], 1140.0, 1140.0, late, None],
        [*OTHER, None, None, None],
    ]
    ledger = write_ledger(tmp_path / "l.xlsx", rows, headers)
    relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out")
    ws = load_workbook(ledger).active
    at = [c.value for c in ws[1]].index("Statut relance") + 1
    alpha, gamma = (_fine(str(ws.cell(r, at).value)) for r in (2, 3))
    assert "pénalités" in gamma and _RG in alpha
    assert (
        alpha.split("pénalités ")[1].split(" €")[0] == gamma.split("pénalités ")[1].split(" €")[0]
    )


RECEIVED = "Nous avons bien reçu, en règlement partiel"


@pytest.mark.parametrize(
    ("extra", "values", "said"),
    [
        pytest.param(["Acompte versé"], [400], "400,00 €", id="a-deposit-is-received"),
        pytest.param(["Avoir imputé"], [200], None, id="a-credit-applied-is-not"),
        pytest.param(["Avoirs déduits"], [200], None, id="credits-deducted-are-not"),
        pytest.param(
            ["Acompte versé", "Avoir imputé"], [300, 200], "300,00 €", id="only-the-deposit"
        ),
    ],
)
def test_a_credit_applied_is_never_said_received(tmp_path, extra, values, said):
    """« Nous avons bien reçu, en règlement partiel, 200,00 € » was written for a credit note
    applied: a payment's sentence for what no one paid. Both still lower the claim."""
    letters, _ = _run(tmp_path, extra, values)
    [letter] = letters
    owed = 1200 - sum(values)
    assert f"Total restant dû : {owed:,.2f} €".replace(",", " ").replace(".", ",") in letter
    if said is None:
        assert RECEIVED not in letter, letter
    else:
        assert f"{RECEIVED}, {said} sur la facture n° F-100" in letter, letter


# review-pubwb4 M6 — the letter says what of the amount it does not claim, and says « reçu »
# only of what the ledger shows received: a net to pay below the TTC is no payment.
@pytest.mark.parametrize(
    ("extra", "values", "said", "received"),
    [
        pytest.param(
            ["Retenue de garantie"],
            [60],
            "Montant TTC de la facture n° F-100 : 1 200,00 €, dont 60,00 € de retenue de "
            "garantie, non exigible avant sa levée, non réclamés.",
            None,
            id="retention",
        ),
        pytest.param(
            ["Net à payer"],
            [800],
            "La somme réclamée au titre de la facture n° F-100 est son net à payer, 800,00 €, et "
            "non son montant TTC de 1 200,00 €.",
            None,
            id="net-a-payer",
        ),
        pytest.param(["Reste dû"], [800], "est son net à payer, 800,00 €", None, id="reste-du"),
        pytest.param(
            ["Montant réglé", "Reste dû"], [400, 800], None, "400,00 €", id="paid-and-balance"
        ),
        pytest.param(["Acompte versé", "Net à payer"], [300, 800], None, "300,00 €", id="deposit"),
    ],
)
def test_the_gap_is_never_read_as_a_payment(tmp_path, extra, values, said, received):
    letters, _ = _run(tmp_path, extra, values)
    [letter] = letters
    if said is not None:
        assert said in letter, letter
    if received is None:
        assert RECEIVED not in letter and "règlement intégral" not in letter, letter
    else:
        assert f"{RECEIVED}, {received} sur la facture n° F-100" in letter, letter


# review-pubwb4 M5 — a percentage in a deduction or retention column is a row problem, never
# euros received (« reçu 0,30 € »).
def _read_rates(tmp_path, header, value, fmt):
    from openpyxl import Workbook

    from relance_xlsx import Settings
    from relance_xlsx.ledger import read_ledger

    wb = Workbook()
    ws = wb.active
    ws.append([*BASE, header])
    ws.append([*ROW, value])
    ws.append([*OTHER, None])
    if fmt:
        ws.cell(2, len(BASE) + 1).number_format = fmt
    wb.save(tmp_path / "l.xlsx")
    return read_ledger(tmp_path / "l.xlsx", Settings(), as_of=AS_OF)


@pytest.mark.parametrize(
    ("header", "value", "fmt"),
    [
        pytest.param("Acompte versé", 0.3, "0%", id="acompte-0%"),
        pytest.param("Acompte versé", 0.3, "0.00%", id="acompte-0.00%"),
        pytest.param("Retenue de garantie", 0.05, "0%", id="retenue-0%"),
        pytest.param("Avoir imputé", 0.1, "0.0%", id="avoir-custom%"),
        pytest.param("Acompte versé", "30 %", None, id="acompte-texte"),
        pytest.param("Retenue de garantie", "5%", None, id="retenue-texte"),
        pytest.param("Retenue de garantie", "2,5 %", None, id="retenue-texte-virgule"),
    ],
)
def test_a_percentage_is_a_problem_not_euros(tmp_path, header, value, fmt):
    ledger = _read_rates(tmp_path, header, value, fmt)
    found = [p for p in ledger.problems if p.row == 2 and p.column == header]
    assert [p.message for p in found] == ["un pourcentage, pas un montant"]
    assert found[0].severity == "error"
    frame = ledger.frame.set_index("invoice")
    assert frame.at["F-100", "paid"] == 0.0
    assert frame.at["F-100", "retention"] == 0.0


@pytest.mark.parametrize(
    ("header", "value"),
    [
        pytest.param("Acompte versé", 400.0, id="acompte"),
        pytest.param("Retenue de garantie", 60.0, id="retenue"),
    ],
)
def test_an_amount_beside_percentages_is_still_an_amount(tmp_path, header, value):
    ledger = _read_rates(tmp_path, header, value, "#,##0.00 €")
    assert not [p for p in ledger.problems if p.column == header]


# review-lawnew M3 — a second reminder of a « Net à payer » invoice, nothing paid: never
# « Les intérêts des factures en partie réglées … »; said when a payment is shown.
@pytest.mark.parametrize(
    ("extra", "values", "partly"),
    [
        pytest.param(["Net à payer"], [1000], False, id="net-nothing-paid"),
        pytest.param(["Montant réglé"], [500], True, id="part-paid"),
    ],
)
def test_interest_on_the_balance_only_said_of_a_payment(tmp_path, extra, values, partly):
    headers = [*BASE, *extra, "Niveau de relance", "Date de relance"]
    rows = [[*ROW, *values, "Relance 1", D(2026, 10, 20)]]
    ledger = write_ledger(tmp_path / "l.xlsx", rows, headers)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "out", pdf=False
    )
    [letter] = result.letters
    text = _fine(" ".join(p.text for p in Document(letter.path).paragraphs))
    assert "Pénalités de retard" in text or "pénalités" in text, text
    assert ("factures en partie réglées" in text) is partly, text
