"""What a litigation file says is what happened (the fourth legal review, 8, 10, 11, 12):
penalties received beyond the table are said, a public buyer's file names its own route, no
figure is printed negative, and a consumer's interest is never counted from a notice the
tool could not find. Each file is written by a real run and read back with python-docx."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "10 rue Garibaldi\n69006 Lyon"
HEADERS = ["N° facture", "Client", "Type client", "Date facture", "Échéance", "Montant TTC",
           "Montant réglé", "Date règlement", "Adresse", "Niveau de relance", "Date de relance",
           "Facture d'origine"]  # fmt: skip
JOURNAL = ("Date d'exécution", "N° facture", "Client", "Niveau", "Action", "Reste dû",
           "Intérêts", "Indemnité", "Courrier")  # fmt: skip


def _text(path) -> str:
    doc = Document(path)
    cells = [" | ".join(c.text for c in row.cells) for t in doc.tables for row in t.rows]
    lines = [p.text for p in doc.paragraphs] + cells
    return "\n".join(lines).replace("\u202f", " ").replace("\xa0", " ").replace("\u2011", "-")


def _journal(lines):
    def add(wb):
        ws = wb.create_sheet("Journal des relances")
        ws.append(JOURNAL)
        for line in lines:
            ws.append(line)

    return add


def _file(tmp_path, rows, client, journal=(), **policy):
    ledger = write_ledger(tmp_path / "l.xlsx", rows, HEADERS, extra=_journal(journal))
    settings = complete_settings()
    if policy:
        settings = replace(settings, policy=replace(settings.policy, **policy))
    path, *_ = relance_xlsx.dossier(
        ledger, client, settings, as_of=AS_OF, out_dir=tmp_path / "o", pdf=False
    )
    return _text(path)


# law-4 §8. M1: 3 000 €, due 01/06, paid 02/12; table 16/06… = 183,75 €, 190,00 € received by
# transfer: 6,25 € beyond the table, imputed on the indemnity (Code civil 1342-10 al. 2,
# review-lawnew M2): the request claims 40 € − 6,25 € = 33,75 €.
M1 = ["M1", "Mu SAS", "professionnel", D(2026, 5, 1), D(2026, 6, 1), 3000.0, 3000.0, D(2026, 12, 2), ADDRESS, "Contentieux", D(2026, 11, 20), None]  # fmt: skip


def test_penalties_received_beyond_the_table_are_said(tmp_path):
    paid = (
        dt.datetime(2026, 12, 3),
        "M1",
        "Mu SAS",
        "Contentieux",
        "Pénalités réglées (banque)",
        0.0,
        190.0,
        0.0,
        "",
    )
    text = _file(tmp_path, [M1], "Mu SAS", [paid])
    assert "183,75 € au tableau − 183,75 € imputés sur 190,00 € reçus = 0,00 € réclamés." in text
    assert (
        "Excédent de 6,25 € reçu, imputé sur l'indemnité forfaitaire (Code civil 1342-10) : "
        "40,00 € − 6,25 € = 33,75 € réclamés au titre de l'indemnité."
    ) in text, text
    assert "Excédent de pénalités reçu, imputé sur l'indemnité : 6,25 €" in text
    assert "Total réclamé : 33,75 €" in text and "Total réclamé : 40,00 €" not in text, text


def _bank(received: float) -> tuple:
    return (dt.datetime(2026, 12, 3), "M1", "Mu SAS", "Contentieux", "Pénalités réglées (banque)", 0.0, received, 0.0, "")  # fmt: skip


@pytest.mark.parametrize(
    ("journal", "with_it"),
    [
        pytest.param([_bank(190.0)], "33,75 €", id="excess-imputed-on-the-indemnity"),
        pytest.param([], "223,75 €", id="nothing-received-gross"),
    ],
)
def test_the_procedure_paragraph_counts_the_indemnity_as_claimed(tmp_path, journal, with_it):
    """Lawleft brief, item 6: « avec elle, 40,00 € » while the request claims 33,75 € (the
    6,25 € received beyond the table imputed on the indemnity): the net figure, the total's."""
    text = _file(tmp_path, [M1], "Mu SAS", journal)
    assert f"certains comptent l'indemnité dans ce plafond ; avec elle, {with_it}." in text, text
    assert f"Total réclamé : {with_it}" in text, text


# law-4 §11: « Avoirs à déduire : -1 000,00 € » read as a double negative; a credit note's
# line showed a due date.
P1 = ["P1", "Pi SAS", "professionnel", D(2026, 3, 1), D(2026, 4, 4), 10000.0, None, None, ADDRESS, "Contentieux", D(2026, 10, 1), None]  # fmt: skip
AV = ["AV-1", "Pi SAS", "professionnel", D(2026, 10, 20), None, -1000.0, None, None, ADDRESS, None, None, "P1"]  # fmt: skip


def test_no_negative_figure_in_a_litigation_file(tmp_path):
    text = _file(tmp_path, [P1, AV], "Pi SAS")
    assert "Avoirs à déduire : 1 000,00 €" in text, text
    assert "Avoir AV-1 | 20/10/2026 | – | 1 000,00 € | – | 1 000,00 € à déduire" in text, text
    assert "-1 000,00" not in text and "−1 000,00" not in text


def test_no_negative_figure_in_a_declaration(tmp_path):
    heads = [*HEADERS, "Procédure collective", "Date du jugement", "Date BODACC"]
    proc = ["Redressement judiciaire", D(2026, 11, 2), D(2026, 11, 15)]
    rows = [[*P1[:9], "Relance 1", D(2026, 5, 1), None, *proc], [*AV, *proc]]
    ledger = write_ledger(tmp_path / "l.xlsx", rows, heads)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=AS_OF, out_dir=tmp_path / "o", pdf=False
    )
    text = _text(result.declarations[0])
    assert "Avoirs à déduire : 1 000,00 €" in text, text
    assert "-1 000,00" not in text and "−1 000,00" not in text


# law-4 §12: a consumer handed to litigation with no notice in the ledger or the journal: no
# interest counted from a presumed one; it runs from the writ's service (Code civil 1231-6).
C1 = ["C1", "Mme Anne Roy", "particulier", D(2026, 5, 1), D(2026, 6, 1), 3000.0, None, None, ADDRESS, "Contentieux", D(2026, 11, 20), None]  # fmt: skip
NO_NOTICE = "Intérêts de la facture C1 : aucune mise en demeure trouvée au journal ni dans le classeur : intérêts au taux légal à compter de la signification de l'injonction de payer ou de l'assignation (Code civil 1231-6 et 1344), non chiffrés ici"


@pytest.mark.parametrize(
    ("journal", "said", "interest"),
    [
        pytest.param((), NO_NOTICE, "0,00 €", id="no-notice-known"),
        # The notice of 02/11 the journal records: presumed received 04/11, interest from 05/11,
        # 33 d × 3 000 × 2,62 % / 365 = 7,1063 → 7,11 €.
        pytest.param(
            [
                (
                    dt.datetime(2026, 11, 2),
                    "C1",
                    "Mme Anne Roy",
                    "Mise en demeure",
                    "Courrier",
                    3000.0,
                    0.0,
                    0.0,
                    "x.docx",
                )
            ],
            "réception présumée de la mise en demeure du 02/11/2026",
            "7,11 €",
            id="notice-in-the-journal",
        ),
    ],
)
def test_a_consumer_s_interest_runs_from_a_known_notice_only(tmp_path, journal, said, interest):
    text = _file(tmp_path, [C1], "Mme Anne Roy", journal, interest_for_consumers=True)
    assert said in text, text
    assert f"Intérêts arrêtés au 7 décembre 2026 : {interest}" in text, text
    assert ("datée du 20/11/2026" in text) is False
