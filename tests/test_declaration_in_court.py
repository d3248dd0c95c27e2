"""A declaration of claim for an invoice already handed to litigation before the opening
judgment (the fourth legal review, finding 6): an instance may be pending, interrupted by the
judgment until the declaration (Code de commerce L622-22; L641-3 in a liquidation); the
declaration says so with the hand-over's day and asks for the court seized (R622-23, 3°).
And the indemnities above 40 € (finding 7): 40 € fixed (D441-5) and the rest a complement on
proof of the costs (L441-10 II), as the litigation file says."""

# ruff: noqa: E501

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from conftest import complete_settings, write_ledger
from test_declaration import ADDRESS, _text

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC", "Adresse",
           "Niveau de relance", "Date de relance", "Procédure collective", "Date du jugement", "Date BODACC"]  # fmt: skip
JOURNAL = ("Date d'exécution", "N° facture", "Client", "Niveau", "Action", "Reste dû", "Intérêts", "Indemnité", "Courrier")  # fmt: skip
JUDGMENT, BODACC = D(2026, 9, 10), D(2026, 9, 25)

# R1 at « Contentieux » since the day given; R2 at « Relance 1 »: never in court.
IN_COURT = {
    "handed-before": ("Redressement judiciaire", D(2026, 8, 20), None, [
        "Facture R1 remise au contentieux le 20 août 2026, avant le jugement d'ouverture : si une instance a été engagée à son titre (requête en injonction de payer, assignation), elle est interrompue par le jugement jusqu'à la présente déclaration (Code de commerce L622-22), puis reprise pour la seule constatation de la créance et la fixation de son montant. Juridiction saisie (R622-23, 3°) : [À COMPLÉTER : juridiction saisie et date de la saisine, ou « aucune »].",
        "acte de saisine de la juridiction (requête en injonction de payer, assignation) pour la facture R1",
    ]),
    # The journal's hand-over line is the first day, the ledger's date a later one.
    "journal-day": ("Liquidation judiciaire", D(2026, 8, 28), D(2026, 8, 14), [
        "Facture R1 remise au contentieux le 14 août 2026, avant le jugement d'ouverture",
        "(Code de commerce L622-22 et L641-3)",
    ]),
    # Handed over after the judgment (which forbids any action, L622-21): no instance.
    "handed-after": ("Redressement judiciaire", D(2026, 9, 20), None, []),
}  # fmt: skip


@pytest.mark.parametrize("case", list(IN_COURT), ids=list(IN_COURT))
def test_the_declaration_names_the_instance_the_judgment_interrupted(tmp_path: Path, case):
    kind, handed, journaled, says = IN_COURT[case]
    rows = [
        ["R1", "Rho SAS", "professionnel", D(2026, 4, 15), D(2026, 5, 15), 3000.0, ADDRESS, "Contentieux", handed, kind, JUDGMENT, BODACC],
        ["R2", "Rho SAS", "professionnel", D(2026, 5, 1), D(2026, 6, 1), 600.0, ADDRESS, "Relance 1", D(2026, 6, 20), None, None, None],
    ]  # fmt: skip

    def journal(wb):
        ws = wb.create_sheet("Journal des relances")
        ws.append(JOURNAL)
        if journaled:
            ws.append((dt.datetime(2026, 8, 14), "R1", "Rho SAS", "Contentieux", "Contentieux", 3000.0, 0.0, 0.0, ""))  # fmt: skip

    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS, extra=journal)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=D(2026, 11, 2), out_dir=tmp_path / "out", pdf=False)  # fmt: skip
    text = _text(Path(result.declarations[0]))
    warned = [w for w in result.warnings if "L622-22" in w]
    for part in says:
        assert part in text, text
    assert "R2 remise au contentieux" not in text, text
    if not says:
        assert "remise au contentieux" not in text and "acte de saisine" not in text, text
        assert warned == [], warned
        return
    [warning] = warned
    day = "14/08/2026" if journaled else "20/08/2026"
    assert warning.startswith(
        f"Rho SAS, facture R1 : remise au contentieux le {day}, avant le jugement d'ouverture ;"
    ), warning
    assert "indiquez la juridiction saisie dans la déclaration (R622-23, 3°)" in warning, warning
    assert not [w for w in result.warnings if "réduire" in w], result.warnings


@pytest.mark.parametrize(
    ("indemnity", "says", "never"),
    [
        # 100 € per invoice, R1 and R2 due before the judgment: 2 × 40 € fixed (D441-5) and
        # 2 × 60 € on proof of the costs (L441-10 II), never « 200 € d'indemnités forfaitaires ».
        pytest.param(100.0, [
            "Frais de recouvrement : 2 facture(s) échue(s) avant le jugement × 100,00 € = 200,00 €, soit 80,00 € d'indemnités forfaitaires (Code de commerce D441-5) et 120,00 € d'indemnisation complémentaire, sur justification des frais exposés (L441-10 II).",
            "Frais de recouvrement (indemnités forfaitaires et indemnisation complémentaire) : 200,00 €",
            "justificatifs des frais de recouvrement exposés au-delà de 40 € par facture (L441-10 II)",
        ], ["Indemnités forfaitaires : 200,00 €", "Indemnités forfaitaires pour frais"], id="100-split"),
        pytest.param(40.0, [
            "Indemnités forfaitaires pour frais de recouvrement : 2 facture(s) échue(s) avant le jugement × 40,00 € = 80,00 € (L441-10 II, D441-5).",
            "Indemnités forfaitaires : 80,00 €",
        ], ["indemnisation complémentaire, sur justification des frais exposés (L441-10 II).", "justificatifs des frais"], id="40-fixed"),
    ],
)  # fmt: skip
def test_an_indemnity_above_40_is_declared_as_the_file_claims_it(tmp_path: Path, indemnity, says, never):  # fmt: skip
    rows = [
        ["R1", "Rho SAS", "professionnel", D(2026, 4, 15), D(2026, 5, 15), 3000.0, ADDRESS, "Relance 1", D(2026, 6, 1), "Redressement judiciaire", JUDGMENT, BODACC],
        ["R2", "Rho SAS", "professionnel", D(2026, 5, 1), D(2026, 6, 1), 600.0, ADDRESS, "Relance 1", D(2026, 6, 20), None, None, None],
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    settings = complete_settings()
    settings = dataclasses.replace(settings, policy=dataclasses.replace(settings.policy, indemnity=indemnity))  # fmt: skip
    result = relance_xlsx.run(ledger, settings, as_of=D(2026, 11, 2), out_dir=tmp_path / "out", pdf=False)  # fmt: skip
    text = _text(Path(result.declarations[0]))
    for part in says:
        assert part in text, text
    for part in never:
        assert part not in text, text
