"""No letter of its own for a trivial claim: under [policy] claim_minimum (5,00 € by default)
the penalties of an invoice paid late are not claimed apart, the status and a warning say why,
and they stay due. The lawyer's review, finding 15 (case c15: 0,79 € sent to a consumer)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from conftest import complete_settings, write_ledger

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Date règlement", "Adresse", "Niveau de relance", "Date de relance", "Date AR"]  # fmt: skip
# M. Paul, particulier: P1 1 000 €, due 01/07/2026, notice of 20/11 received on 22/11 (its
# AR), paid on 01/12. Legal interest (Code civil 1231-6) from the day after its receipt,
# 23/11–01/12, 9 days, at the legal rate of 2026 H1 still applied (legal-fr §3: 2,62 %):
# 1 000 × 2,62 % × 9 / 365 = 0,6460 → 0,65 €; no indemnity for a consumer (legal-fr §7.3).
PAUL = ["P1", "M. Paul", "particulier", D(2026, 6, 1), D(2026, 7, 1), 1000.0, 1000.0, D(2026, 12, 1), ADDRESS, "Mise en demeure", D(2026, 11, 20), D(2026, 11, 22)]  # fmt: skip


@pytest.mark.parametrize(
    ("minimum", "letter"),
    [
        pytest.param(5.0, False, id="default-5-euros-no-letter"),
        pytest.param(0.5, True, id="under-the-claim-letter-goes"),
        pytest.param(0.0, True, id="zero-claims-any-amount"),
    ],
)
def test_no_letter_of_its_own_for_a_trivial_claim(tmp_path, minimum, letter):
    settings = complete_settings()
    policy = replace(settings.policy, claim_after_payment="letter", interest_for_consumers=True)
    settings = replace(settings, policy=replace(policy, claim_minimum=minimum))
    ledger = write_ledger(tmp_path / "ledger.xlsx", [PAUL], HEADERS)
    result = relance_xlsx.run(ledger, settings, as_of=AS_OF, out_dir=tmp_path / "out")
    [p1] = result.invoices
    assert (p1.interest, p1.indemnity) == (0.65, 0.0)
    said = p1.reason.replace("\u00a0", " ")
    warned = [w.replace("\u00a0", " ") for w in result.warnings if w.startswith("M. Paul :")]
    if letter:
        assert [(x.kind, x.total_due) for x in result.letters] == [("penalites", 0.65)]
        assert not warned
    else:
        assert not result.letters
        assert p1.action == "wait"
        assert (
            "intérêts 0,65 € dus, sous le minimum d'un courrier à part (5,00 €, [policy] claim_minimum)"
            in said
        ), said
        [warning] = warned
        assert warning.startswith(
            "M. Paul : 0,65 € de pénalités ou d'intérêts de retard non réclamés par un courrier séparé"
        ), warning
        assert (
            "à joindre au prochain courrier de relance du client s'il en reçoit un dans les 90 jours du règlement"
            in warning
        )


def test_the_default_minimum_is_5_euros():
    assert complete_settings().policy.claim_minimum == 5.0
