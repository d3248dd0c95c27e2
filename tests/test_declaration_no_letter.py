"""No letter of any kind to a client in collective proceedings (Code de commerce L622-21):
neither thanks nor a penalties claim for an invoice it paid before the opening judgment; the
status says why, once, and the declaration of claim is the channel (legal-fr.md 8.4)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from conftest import complete_settings, write_ledger
from test_declaration import ADDRESS, _text
from test_declaration_paid_before import HEADERS, JUDGMENT, NOTICE, REDRESSEMENT

import relance_xlsx

D = dt.date
NO_LETTER = "Réglée : aucun courrier au client, en procédure collective (Code de commerce L622-21)"


def _k(number: str, due: dt.date, paid_on: dt.date | None, level: str) -> list[object]:
    paid = 1000.0 if paid_on else None
    return [number, "Kappa SAS", "professionnel", due - dt.timedelta(days=30), due, 1000.0,
            paid, paid_on, ADDRESS, level, D(2024, 6, 20),
            REDRESSEMENT, JUDGMENT, NOTICE]  # fmt: skip


LATE = _k("K1", D(2024, 5, 15), D(2024, 7, 10), "Relance 1")  # paid late, before the judgment
ON_TIME = _k("K3", D(2024, 7, 10), D(2024, 7, 5), "Relance 1")  # paid on time after a reminder
UNPAID = _k("K2", D(2024, 6, 14), None, "Relance 1")

CASES = [
    # id, rows, policy claim_after_payment, the invoices whose status says no letter
    ("late-alone-never", [LATE], "never", ["K1"]),
    ("late-alone-claim-letter", [LATE], "letter", ["K1"]),
    ("late-beside-unpaid", [LATE, UNPAID], "letter", ["K1"]),
    ("on-time-after-reminder", [ON_TIME], "never", ["K3"]),
    ("all-three", [LATE, ON_TIME, UNPAID], "letter", ["K1", "K3"]),
]


@pytest.mark.parametrize(
    ("rows", "claim", "silenced"), [pytest.param(*c[1:], id=c[0]) for c in CASES]
)
def test_no_letter_to_a_client_in_proceedings(
    tmp_path: Path, rows: list[list[object]], claim: str, silenced: list[str]
) -> None:
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    s = complete_settings()
    s = dataclasses.replace(s, policy=dataclasses.replace(s.policy, claim_after_payment=claim))
    result = relance_xlsx.run(ledger, s, as_of=D(2024, 8, 20), out_dir=tmp_path / "o", pdf=False)
    assert result.letters == []
    assert not any(i.action in ("letter", "thanks", "claim", "litigation") for i in result.invoices)
    for invoice in result.invoices:
        if invoice.invoice in silenced:
            assert invoice.reason.startswith(NO_LETTER), invoice.reason
            assert invoice.reason.count("L622-21") == 1, invoice.reason
            assert "remerciement" not in invoice.reason, invoice.reason
            assert "à réclamer" not in invoice.reason, invoice.reason
    k1 = [i for i in result.invoices if i.invoice == "K1"]
    if k1:
        assert k1[0].reason.endswith("à déclarer au mandataire judiciaire (déclaration de créance)")
        assert len(result.declarations) == 1


SPANS = [
    # id, rows, the sentence above the interest table (each stop true)
    ("paid-before-alone", [LATE],
     "Intérêts de retard, du lendemain de l'échéance jusqu'au jour du règlement, pour la "
     "facture réglée avant le jugement d'ouverture (facture K1), période par période au taux "
     "de chaque semestre :"),
    ("paid-before-beside-unpaid", [LATE, UNPAID],
     "Intérêts de retard, du lendemain de chaque échéance jusqu'au 14 juillet 2024, veille du "
     "jugement d'ouverture qui en arrête le cours (Code de commerce L622-28), ou jusqu'au jour "
     "du règlement pour une facture réglée avant lui (facture K1), période par période au taux "
     "de chaque semestre :"),
    ("unpaid-alone", [UNPAID],
     "Intérêts de retard, du lendemain de chaque échéance au 14 juillet 2024, veille du "
     "jugement d'ouverture qui en arrête le cours (Code de commerce L622-28), période par "
     "période au taux de chaque semestre :"),
]  # fmt: skip


@pytest.mark.parametrize(("rows", "sentence"), [pytest.param(*c[1:], id=c[0]) for c in SPANS])
def test_the_declarations_interest_stops_are_true(
    tmp_path: Path, rows: list[list[object]], sentence: str
) -> None:
    """Interest stops at the eve of the judgment (L622-28), or at the payment's day for an
    invoice paid before it: the declaration says which."""
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    s = complete_settings()
    result = relance_xlsx.run(ledger, s, as_of=D(2024, 8, 20), out_dir=tmp_path / "o", pdf=False)
    [declaration] = result.declarations
    text = _text(Path(declaration))
    assert sentence in text
    if rows == [LATE]:
        assert "veille du jugement" not in text


def test_no_statement_asked_for_a_client_in_proceedings(tmp_path: Path) -> None:
    """A statement of account asked for by name is no letter either: the run says why."""
    ledger = write_ledger(tmp_path / "l.xlsx", [LATE, UNPAID], HEADERS)
    result = relance_xlsx.run(
        ledger,
        complete_settings(),
        as_of=D(2024, 8, 20),
        out_dir=tmp_path / "o",
        pdf=False,
        statements=["kappa sas"],
    )
    assert result.letters == []
    said = [w for w in result.warnings if "Kappa SAS" in w and "L622-21" in w]
    assert said == [
        "Aucun courrier à « Kappa SAS », en procédure collective (Code de commerce L622-21) : "
        "la déclaration de créance en tient lieu."
    ], result.warnings
