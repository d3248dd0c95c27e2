"""An invoice listed in a formal notice's envelope (« Par ailleurs … dans le même délai de 8 jours
à compter de la réception de la présente ») waits for that delay as the notice's own invoices do:
no letter lists it again, nothing escalates it, before the delay is over (lawyer's review 33g,
finding 1): a second letter with its own deadline would contradict the registered one."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Adresse", "Date facture", "Échéance", "Montant TTC",
           "Montant réglé", "Niveau de relance", "Date de relance"]  # fmt: skip
ADDRESS = "1 rue A\n69001 Lyon"
NOTICE_DAY = D(2026, 11, 22)
# Boulangerie: B1 goes to a formal notice on 22/11; B2 (reminded on 08/11) and B3 (never
# reminded) go in the same envelope below it.
ROWS = [
    ["B1", "Boulangerie Bêta", ADDRESS, D(2026, 8, 1), D(2026, 8, 31), 500.0, 0, "Relance 2", D(2026, 11, 10)],
    ["B2", "Boulangerie Bêta", ADDRESS, D(2026, 6, 1), D(2026, 7, 1), 300.0, 0, "Relance 1", D(2026, 11, 8)],
    ["B3", "Boulangerie Bêta", ADDRESS, D(2026, 9, 1), D(2026, 10, 1), 200.0, 0, None, None],
]  # fmt: skip


@pytest.fixture(scope="module")
def after_notice(tmp_path_factory):
    """The ledger after the run of 22/11 (a notice for B1 with B2 and B3 in its envelope)."""
    tmp = tmp_path_factory.mktemp("envelope")
    ledger = write_ledger(tmp / "ledger.xlsx", ROWS, HEADERS)
    settings = complete_settings()
    first = relance_xlsx.run(ledger, settings, as_of=NOTICE_DAY, out_dir=tmp / "first")
    stages = {n: p["kind"] for x in first.letters for p in x.parts for n in p["invoices"]}
    assert stages == {"B1": "mise_en_demeure", "B2": "relance_1", "B3": "relance_1"}
    return ledger, settings


@pytest.mark.parametrize(
    ("days", "letters"),
    [
        # 4 and 11 days after the registered letter: its 8 days from receipt may still run;
        # the [policy] delay after a notice (15 days) holds B2 and B3 as it holds B1.
        pytest.param(4, {}, id="4-days"),
        pytest.param(11, {}, id="11-days"),
        # The notice's delay over: B1 goes to litigation, B2 and B3 to their next stage.
        pytest.param(16, {"B2": "relance_2", "B3": "relance_2"}, id="16-days"),
    ],
)
def test_no_letter_while_the_notice_runs(after_notice, tmp_path, days, letters):
    ledger, settings = after_notice
    day = NOTICE_DAY + dt.timedelta(days=days)
    result = relance_xlsx.run(ledger, settings, as_of=day, out_dir=tmp_path / "out", dry_run=True)
    stages = {
        n: p["kind"]
        for x in result.letters
        if x.client == "Boulangerie Bêta"
        for p in x.parts
        for n in p["invoices"]
    }
    assert stages == letters
    reasons = {r.invoice: r.reason for r in result.invoices if r.invoice in ("B2", "B3")}
    if not letters:
        for reason in reasons.values():
            assert reason.startswith(
                "En attente : listée dans la lettre recommandée (mise en demeure) du 22/11/2026"
            ), reason


@pytest.mark.parametrize(
    ("invoice", "says"),
    [
        pytest.param(
            "B2",
            "1re relance du 08/11/2026, puis lettre recommandée du 22/11/2026",
            id="reminded-then-in-the-envelope",
        ),
        pytest.param(
            "B3",
            "1re relance du 22/11/2026 (lettre recommandée)",
            id="first-listed-in-the-envelope",
        ),
    ],
)
def test_the_status_names_the_registered_letter_that_listed_the_invoice(
    after_notice, tmp_path, invoice, says
):
    """« Statut relance » cites the registered envelope as the letters do, never as a second
    letter when it is the very letter of the level's date."""
    ledger, settings = after_notice
    day = NOTICE_DAY + dt.timedelta(days=16)
    result = relance_xlsx.run(ledger, settings, as_of=day, out_dir=tmp_path / "out", dry_run=True)
    [row] = [r for r in result.invoices if r.invoice == invoice]
    assert says in row.reason, row.reason
