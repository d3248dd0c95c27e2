"""Four documents checked by hand against legal-fr.md §8 (the fourth legal leftovers): a B2B
notice, a consumer notice, a public buyer's notice and a declaration of claim, on one small
ledger, as of 16/03/2026. Rates (legal-fr §4, 7.4): ECB 2,15 % on 1 January 2026, so
12,15 % between businesses (+ 10) and 10,15 % for a public buyer (+ 8)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import complete_settings, write_ledger
from test_declaration import _text

import relance_xlsx

D = dt.date
AS_OF = D(2026, 3, 16)
A = "5 rue de la Paix\n69002 Lyon"
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Adresse", "Niveau de relance", "Date de relance", "Procédure collective",
           "Date du jugement", "Date BODACC"]  # fmt: skip
ROWS = [
    # B2B, due 14/01/2026: 15/01–16/03 = 17 + 28 + 16 = 61 days;
    # 2 400 × 12,15 % × 61 / 365 = 48,7332 → 48,73; + 40 € (D441-5) = 2 488,73 €.
    ["B1", "Bêta SARL", "professionnel", D(2025, 12, 15), D(2026, 1, 14), 2400.0, A,
     "Relance 2", D(2026, 3, 1), None, None, None],
    # Consumer: no interest before the notice (Code civil 1231-6), no 40 €: 800,00 €.
    ["C1", "Mme Claire Dupont", "particulier", D(2025, 12, 10), D(2026, 1, 9), 800.0, A,
     "Relance 2", D(2026, 3, 1), None, None, None],
    # Commune, no receipt date: 02/01 + 30 days (R2192-10, -12) = due 01/02/2026;
    # 02/02–16/03 = 27 + 16 = 43 days; 1 500 × 10,15 % × 43 / 365 = 17,9363 → 17,94;
    # + 40 € (R2192-32) = 1 557,94 €.
    ["P1", "Commune de Bron", "Commune", D(2026, 1, 2), None, 1500.0, A,
     "Relance 2", D(2026, 3, 1), None, None, None],
    # Redressement judiciaire, judgment 02/03/2026: D1 due 31/01, interest 01/02–01/03 =
    # 29 days (L622-28): 1 000 × 12,15 % × 29 / 365 = 9,6534 → 9,65, + 40 € (due before the
    # judgment, §8.4); D2 due 15/03, after the judgment: à échoir, 600 €, nothing added.
    ["D1", "Delta SAS", "professionnel", D(2026, 1, 1), D(2026, 1, 31), 1000.0, A,
     None, None, "Redressement judiciaire", D(2026, 3, 2), D(2026, 3, 10)],
    ["D2", "Delta SAS", "professionnel", D(2026, 2, 13), D(2026, 3, 15), 600.0, A,
     None, None, None, None, None],
]  # fmt: skip


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hand")
    ledger = write_ledger(folder / "ledger.xlsx", ROWS, HEADERS)
    return relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=folder / "out", pdf=False
    )


B2B_ROW = "15/01/2026 | 16/03/2026 | 61 | 2 400,00 € | 12,15 % | 48,73 €"
PUBLIC_ROW = "02/02/2026 | 16/03/2026 | 43 | 1 500,00 € | 10,15 % | 17,94 €"


@pytest.mark.parametrize(
    ("client", "total", "said", "unsaid"),
    [
        pytest.param(
            "Bêta SARL",
            2488.73,
            [B2B_ROW, "sans qu'un rappel soit nécessaire", "injonction de payer"],
            [],
            id="b2b",
        ),
        pytest.param(
            "Mme Claire Dupont",
            800.0,
            ["la somme de 800,00 €"],
            ["Indemnité forfaitaire", "Pénalités"],
            id="consumer",
        ),
        pytest.param(
            "Commune de Bron",
            1557.94,
            [PUBLIC_ROW, "L2192\u201113", "référé-provision"],
            ["injonction de payer"],
            id="public-buyer",
        ),
    ],
)
def test_a_notice_s_figures_by_hand(result, client, total, said, unsaid):
    [letter] = [x for x in result.letters if x.client == client]
    assert (letter.kind, letter.total_due) == ("mise_en_demeure", total)
    text = _rows(Path(letter.path))
    for s in said:
        assert s in text, s
    for s in unsaid:
        assert s not in text, s


def test_a_declaration_s_figures_by_hand(result):
    """1 000 + 9,65 + 40 = 1 049,65 € due; 600 € à échoir; 1 649,65 € declared. The deadline,
    10/03/2026 + 2 months = 10/05/2026, a Sunday: said, not moved (by prudence)."""
    [path] = result.declarations
    text = _text(Path(path))
    assert "Intérêts arrêtés au 1er mars 2026 : 9,65 €" in text
    assert "Total échu au jour du jugement : 1 049,65 €" in text
    assert "Total à échoir : 600,00 €" in text
    assert "Montant total déclaré : 1 649,65 €" in text
    assert "À déclarer au plus tard le 10 mai 2026" in text and "dimanche" in text


def _rows(path: Path) -> str:
    """The letter's paragraphs and its tables' rows (cells joined by « | »), plain spaces."""
    from docx import Document

    doc = Document(str(path))
    lines = [p.text for p in doc.paragraphs]
    lines += [" | ".join(c.text for c in row.cells) for t in doc.tables for row in t.rows]
    return "\n".join(lines).replace("\u202f", " ").replace("\xa0", " ")
