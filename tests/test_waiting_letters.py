"""Letters that wait for their client's postal address say so once, with what to do, and what
--email does for them (nothing: an e-mail goes with a complete letter only). The user's review,
finding 6: wasif-x/automated-invoice-sender keeps e-mails and no postal address, and
`relance run --email` said nothing of e-mail; and finding 8: the warning named a « valeur »
without its row, an empty « Courrier » table was printed, the title wrapped inside « »."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import write_ledger
from typer.testing import CliRunner

from relance_xlsx.cli import app

D = dt.datetime
runner = CliRunner()
HEADERS = ["client_name", "client_mail", "service", "amount", "invoice_no", "due_date", "status"]
ROWS = [
    ["ahmed", "ahmed@example.org", "photoshoot", 500, "INV-21-31", D(2026, 7, 24), "pending"],
    ["osama", "osama@example.org", "web design", 340, "INV-21-34", D(2026, 7, 24), "pending"],
    ["ali", "ali@example.org", "video edit", 235, "INV-21-37", D(2026, 7, 24), "paid"],
    ["ahmed", "ahmed@example.org", "retouches", 120, "INV-21-40", D(2026, 8, 24), "pending"],
]
WAIT = (
    "2 lettre(s) restent à compléter faute de l'adresse postale complète de leur client "
    "(ahmed, osama) : ajoutez-la au classeur (colonnes « Adresse », « Code postal » et « Ville », "
    "ou une feuille de clients) {then} ; "
)
# A real run: they go with the next run (the day's run is made once); a dry run: run again.
RAN, DRY = "; elles partiront au prochain traitement", "puis relancez"
MAILED = "aucun e-mail n'est préparé pour elles"
NOT_MAILED = "préparer les e-mails n'y changerait rien"
WHY = (
    ", même pour les 2 client(s) qui ont une adresse e-mail : un e-mail accompagne une lettre "
    "complète, jamais une lettre à compléter."
)


@pytest.fixture
def ledger(tmp_path, sample):
    (tmp_path / "relance.toml").write_text(
        (sample.parent / "relance.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return str(write_ledger(tmp_path / "invoices.xlsx", ROWS, HEADERS))


@pytest.mark.parametrize(
    ("flags", "then", "said"),
    [
        pytest.param(["--email"], RAN, MAILED, id="email"),
        pytest.param([], RAN, NOT_MAILED, id="paper"),
        pytest.param(["--email", "--dry-run"], DRY, MAILED, id="email-dry-run"),
    ],
)
def test_letters_waiting_for_an_address_say_why_and_what_email_does(ledger, flags, then, said):
    args = ["run", ledger, "--as-of", "2026-12-07", *flags]
    text = runner.invoke(app, args, env={"COLUMNS": "80"})
    document = json.loads(runner.invoke(app, [*args, "--json"]).stdout)
    assert text.exit_code == 0, text.output
    sentence = WAIT.format(then=then) + said + WHY
    assert f"Attention : {sentence}" in text.output
    assert sentence in document["warnings"]
    assert document["emails"] == [] and len(document["to_complete"]) == 2
    # Each letter's warning names the client's column and its rows, never a bare « valeur ».
    waiting = sorted(p["message"] for p in document["problems"] if p["value"] == "ahmed")
    assert [p["column"] for p in document["problems"] if p["value"] == "ahmed"] == ["client_name"]
    assert waiting[0].startswith("adresse du client manquante (lignes 2, 5) : la lettre va")
    assert "colonne « client_name », valeur « osama » : adresse du client manquante (ligne 3)" in (
        text.output
    )
    # No empty table of letters « Total réclamé 0 »; the title on one line, whole.
    assert "Total réclamé" not in text.output
    title = next(line for line in text.output.splitlines() if line.startswith("invoices.xlsx"))
    assert title.startswith("invoices.xlsx — feuille « Factures » — 7 décembre 2026")


def test_an_address_given_waits_for_nothing(ledger, tmp_path):
    rows = [[*r, "3 rue Oberkampf\n75011 Paris"] for r in ROWS]
    path = write_ledger(tmp_path / "with.xlsx", rows, [*HEADERS, "Adresse"])
    document = json.loads(
        runner.invoke(
            app, ["run", str(path), "--as-of", "2026-12-07", "--dry-run", "--json"]
        ).stdout
    )
    assert not [w for w in document["warnings"] if "restent à compléter" in w]
    assert len(document["letters"]) == 2
