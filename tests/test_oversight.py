"""« Il s'agit probablement d'un simple oubli » only where the ledger backs it (lawyer's review
33g, finding 5): never of an invoice paid in part or whose payment was promised (the client
acknowledged the debt, §7.5), nor in a letter that already says « Malgré notre relance … ».
The plain request stays; English likewise (« This is probably an oversight. »)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from docx import Document

import relance_xlsx

D = dt.date
AS_OF = D(2026, 11, 22)
HEADERS = ["N° facture", "Client", "Langue", "Adresse", "Date facture", "Échéance", "Montant TTC",
           "Montant réglé", "Date règlement", "Niveau de relance", "Date de relance",
           "Promesse de paiement"]  # fmt: skip
A = "1 rue A\n69001 Lyon"
ROWS = [
    # Half paid, never reminded, 37 days late.
    ["L1", "Librairie Lambda", "fr", A, D(2026, 9, 16), D(2026, 10, 16), 298.15, 149.07, D(2026, 10, 21), None, None, None],
    # A promise to pay for 10/11, broken: the reminder resumes.
    ["P1", "Promesse Pi", "fr", A, D(2026, 9, 10), D(2026, 10, 10), 400.0, 0, None, None, None, D(2026, 11, 10)],
    # T1 reminded on 09/11 (« Malgré notre relance »), T2 new (« Par ailleurs »).
    ["T1", "Traiteur Tau", "fr", A, D(2026, 8, 17), D(2026, 9, 16), 500.0, 0, None, "Relance 1", D(2026, 11, 9)],
    ["T2", "Traiteur Tau", "fr", A, D(2026, 10, 3), D(2026, 11, 2), 200.0, 0, None, None, None, None],
    ["K1", "Harbour Kappa", "en", A, D(2026, 9, 16), D(2026, 10, 16), 350.0, 100.0, D(2026, 10, 21), None, None, None],
    # Nothing paid, promised nor reminded: the oversight is what the ledger says.
    ["O1", "Olive Omega", "fr", A, D(2026, 9, 16), D(2026, 10, 16), 300.0, 0, None, None, None, None],
    ["Q1", "Quay Qoppa", "en", A, D(2026, 9, 16), D(2026, 10, 16), 300.0, 0, None, None, None, None],
    # H1 got a relance 2 on 15/11 (its next step waits); H2 falls due: its own relance 1 goes
    # alone, to a client being chased: no « oubli » (lawyer's re-review, item 5).
    ["H1", "Hôtel Eta", "fr", A, D(2026, 6, 1), D(2026, 7, 1), 900.0, 0, None, "Relance 2", D(2026, 11, 15), None],
    ["H2", "Hôtel Eta", "fr", A, D(2026, 9, 20), D(2026, 10, 20), 300.0, 0, None, None, None, None],
]  # fmt: skip
OVERSIGHT = {
    "fr": "Il s'agit probablement d'un simple oubli",
    "en": "This is probably an oversight",
}
REQUEST = {"fr": "Nous vous remercions de bien vouloir nous régler la somme de", "en": "Please pay"}


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, tuple[str, str]]:
    """Each client's letter kind and text, from one run."""
    tmp = tmp_path_factory.mktemp("oversight")

    def journal(wb) -> None:
        # H1's relance 2 of 15/11 asked for payment by 23/11: it is not listed again before.
        ws = wb.create_sheet("Journal des relances")
        ws.append(["Date d'exécution", "N° facture", "Client", "Niveau", "Action", "Reste dû",
                   "Intérêts", "Indemnité", "Courrier"])  # fmt: skip
        ws.append([D(2026, 11, 15), "H1", "Hôtel Eta", "Relance 2", "Courrier", 900.0, 0, 40,
                   "2026-11-15 Relance 2 - Hôtel Eta.docx"])  # fmt: skip

    ledger = write_ledger(tmp / "ledger.xlsx", ROWS, HEADERS, extra=journal)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, out_dir=tmp / "out")
    out = {}
    for x in result.letters:
        text = " ".join(p.text for p in Document(x.path).paragraphs)
        out[x.client] = (x.kind, " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split()))
    return out


@pytest.mark.parametrize(
    ("client", "lang", "oversight", "also"),
    [
        pytest.param("Librairie Lambda", "fr", False, "en règlement partiel", id="partly-paid"),
        pytest.param("Promesse Pi", "fr", False, "", id="promise-broken"),
        pytest.param(
            "Traiteur Tau",
            "fr",
            False,
            "Malgré notre relance du 9 novembre 2026",
            id="letter-reminded",
        ),
        pytest.param(
            "Harbour Kappa", "en", False, "We have received, in part payment", id="en-partly-paid"
        ),
        pytest.param("Hôtel Eta", "fr", False, "", id="client-chased-for-another-invoice"),
        pytest.param("Olive Omega", "fr", True, "", id="fr-forgotten"),
        pytest.param("Quay Qoppa", "en", True, "", id="en-forgotten"),
    ],
)
def test_oversight_only_where_backed(written, client, lang, oversight, also):
    kind, text = written[client]
    assert kind == "relance_1", kind
    assert (OVERSIGHT[lang] in text) is oversight, text
    assert REQUEST[lang] in text, text
    assert also in text, text
