"""An invoice of a client in collective proceedings paid in full late, but before the opening
judgment: its interest up to the payment and its 40 € are a claim born before the judgment,
declared to the mandataire judiciaire (Code de commerce L622-24; legal-fr.md 8.4), never
added to a court claim nor claimed by letter (L622-21).

Rates from legal-fr.md: 2024 H1 ECB 4,50 % + 10 = 14,50 %; 2024 H2 4,25 % + 10 = 14,25 %.
K1, 3 000 € due 15/05/2024, paid 10/07/2024 (judgment 15/07/2024): 16/05–30/06, 46 days:
3 000 × 14,50 % × 46 / 365 = 54,8219 → 54,82; 01/07–10/07 (the payment's day counts), 10
days: 3 000 × 14,25 % × 10 / 365 = 11,7123 → 11,71; 66,53 € and 40 €.
K2, 1 000 € due 14/06/2024, unpaid: 15/06–30/06, 16 days: 1 000 × 14,50 % × 16 / 365 =
6,3562 → 6,36; 01/07–14/07, 14 days: 1 000 × 14,25 % × 14 / 365 = 5,4658 → 5,47; 11,83 €
and 40 €. Both: 1 000 + 66,53 + 11,83 + 80 = 1 158,36 €. K1 alone: 66,53 + 40 = 106,53 €."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from conftest import complete_settings, write_ledger
from test_declaration import ADDRESS, _text

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Montant réglé", "Date règlement", "Adresse", "Niveau de relance", "Date de relance",
           "Procédure collective", "Date du jugement", "Date BODACC"]  # fmt: skip
JUDGMENT, NOTICE = D(2024, 7, 15), D(2024, 7, 30)
REDRESSEMENT = "Redressement judiciaire"
LIQUIDATION = "Liquidation judiciaire"


def _rows(level: str, proceedings: str, with_k2: bool) -> list[list[object]]:
    p = [proceedings, JUDGMENT, NOTICE]
    k1 = ["K1", "Kappa SAS", "professionnel", D(2024, 4, 15), D(2024, 5, 15), 3000.0, 3000.0,
          D(2024, 7, 10), ADDRESS, level, D(2024, 6, 20), *p]  # fmt: skip
    k2 = ["K2", "Kappa SAS", "professionnel", D(2024, 5, 14), D(2024, 6, 14), 1000.0, None,
          None, ADDRESS, level, D(2024, 6, 20), *p]  # fmt: skip
    return [k1, k2] if with_k2 else [k1]


CASES = [
    # id, level of both invoices, proceedings, K2 unpaid beside K1, claim letters, to whom,
    # the figures of the declaration
    ("in-court", "Contentieux", REDRESSEMENT, True, "never", "mandataire judiciaire",
     ("Principal échu : 1 000,00 €", "Intérêts arrêtés au 10 juillet 2024 pour la facture "
      "n° K1 et au 14 juillet 2024 pour la facture n° K2 : 78,36 €",
      "Indemnités forfaitaires : 80,00 €", "Montant total déclaré : 1 158,36 €")),
    ("reminder", "Relance 1", REDRESSEMENT, True, "never", "mandataire judiciaire",
     ("Principal échu : 1 000,00 €", "Montant total déclaré : 1 158,36 €")),
    ("alone-claim-letter", "Relance 1", REDRESSEMENT, False, "letter", "mandataire judiciaire",
     ("Principal échu : 0,00 €", "Intérêts arrêtés au 10 juillet 2024 : 66,53 €",
      "Indemnités forfaitaires : 40,00 €", "Montant total déclaré : 106,53 €")),
    ("liquidation-in-court", "Contentieux", LIQUIDATION, True, "never", "liquidateur judiciaire",
     ("Montant total déclaré : 1 158,36 €",)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("level", "proceedings", "with_k2", "claim", "who", "figures"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_penalties_of_an_invoice_paid_late_before_the_judgment_are_declared(
    tmp_path: Path,
    level: str,
    proceedings: str,
    with_k2: bool,
    claim: str,
    who: str,
    figures: tuple[str, ...],
) -> None:
    ledger = write_ledger(tmp_path / "l.xlsx", _rows(level, proceedings, with_k2), HEADERS)
    s = complete_settings()
    s = dataclasses.replace(s, policy=dataclasses.replace(s.policy, claim_after_payment=claim))
    result = relance_xlsx.run(ledger, s, as_of=D(2024, 8, 20), out_dir=tmp_path / "o", pdf=False)
    k1 = next(i for i in result.invoices if i.invoice == "K1")
    assert (k1.interest, k1.indemnity) == (66.53, 40.0)
    assert k1.action not in ("claim", "litigation"), k1.action
    assert f"à déclarer au {who} (déclaration de créance)" in k1.reason, k1.reason
    assert "demande en justice" not in k1.reason and "à réclamer" not in k1.reason
    assert not result.dossiers  # no court file for a client in proceedings
    [declaration] = result.declarations
    text = _text(Path(declaration))
    for line in figures:
        assert line in text, line
    for cells in ("16/05/2024", "30/06/2024", "46", "54,82 €", "01/07/2024", "10/07/2024",
                  "11,71 €"):  # fmt: skip
        assert cells in text, cells
    assert (
        "Facture K1 réglée le 10 juillet 2024, après son échéance du 15 mai 2024 et avant le "
        "jugement d'ouverture : intérêts de retard du lendemain de l'échéance au jour du "
        "règlement (66,53 €) et indemnité forfaitaire (40,00 €), restés dus, créance née avant "
        "le jugement et déclarée (Code de commerce L441-10 II et L622-24)."
    ) in text
    assert (
        "Pénalités de retard dues sur factures réglées après l'échéance, avant le jugement "
        "d'ouverture (facture K1) : du lendemain de l'échéance au jour du règlement" in text
    )


def test_without_the_judgments_day_the_invoice_is_listed_to_value(tmp_path: Path) -> None:
    """Proceedings said, their judgment not dated: K1 paid late is listed in the declaration,
    its interest and 40 € to compute once the judgment's day is given; still « à déclarer »."""
    rows = [[*r[:-2], None, None] for r in _rows("Relance 1", REDRESSEMENT, False)]
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS)
    out = tmp_path / "o"
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2024, 8, 20), out_dir=out, pdf=False
    )
    k1 = next(i for i in result.invoices if i.invoice == "K1")
    assert "à déclarer au mandataire judiciaire (déclaration de créance)" in k1.reason
    [declaration] = result.declarations
    text = _text(Path(declaration))
    assert "Date du jugement d'ouverture inconnue" in text
    assert "K1\n15/04/2024\n15/05/2024\n3 000,00 €\n3 000,00 €\n0,00 €" in text
