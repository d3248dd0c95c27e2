"""`check --suggest-config` names the amount claimed: never a count of days, never the net beside
its total, never an amount converted into the bookkeeping currency beside the invoice's own."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from relance_xlsx.cli import app
from relance_xlsx.ledger.unfit import suggest_columns

runner = CliRunner()
_BASE = ["Invoice", "Name", "Date", "Due date"]
_NAMES = ["Alpha SA", "Beta SRL", "Gamma SA", "Alpha SA", "Delta SRL", "Beta SRL"]


def _cell(header: str, i: int) -> object:
    """A plausible value of each kind of column, on row i."""
    folded = header.lower()
    if folded in ("currency", "devise"):
        return "EUR"
    if any(w in folded for w in ("day", "jour", "retard")):
        return [12, 324, 34, 2, 61, 95][i]
    if any(w in folded for w in ("historic", "tenue", "local")):
        return round(4.9423 * (1000.0 + 137.5 * i), 2)
    if any(w in folded for w in ("ht", "net")):
        return 1000.0 + 137.5 * i
    return round(1.2 * (1000.0 + 137.5 * i), 2)


def _sample(headers: list[str]) -> list[list[object]]:
    base = [
        [f"SSIB/{21160 + i}", _NAMES[i], dt.datetime(2026, 8, 1 + i), dt.datetime(2026, 9, 1 + i)]
        for i in range(6)
    ]
    return [[*b, *(_cell(h, i) for h in headers)] for i, b in enumerate(base)]


_OWN = "Amount in transaction currency"
_HISTORIC = "Amount at historic rate"


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        pytest.param(["Days", _OWN, "Currency"], _OWN, id="days"),
        pytest.param(["Jours", _OWN, "Currency"], _OWN, id="jours"),
        pytest.param(["Retard (j)", _OWN, "Currency"], _OWN, id="retard-j"),
        pytest.param(["Days overdue", _OWN, "Currency"], _OWN, id="days-overdue"),
        pytest.param(["Days", "Currency"], None, id="days-alone"),
        pytest.param([_HISTORIC, _OWN, "Currency"], _OWN, id="historic-rate"),
        pytest.param(["Days", _HISTORIC, _OWN, "Currency"], _OWN, id="danpopaa"),
        pytest.param(
            ["Montant en devise de tenue", "Montant en devise", "Devise"],
            "Montant en devise",
            id="devise-de-tenue",
        ),
        pytest.param(
            ["Amount in local currency", "Amount", "Currency"], "Amount", id="local-currency"
        ),
        pytest.param([_HISTORIC, "Currency"], None, id="converted-alone"),
        pytest.param(["Base HT", "Total facture"], "Total facture", id="base-ht-total-facture"),
        pytest.param(["Net HT", "Brut"], "Brut", id="net-ht-brut"),
        pytest.param(["Base HT", "Total TTC"], "Total TTC", id="base-ht-total-ttc"),
    ],
)
def test_the_suggested_amount(extra, expected):
    guess, doubts, _ = suggest_columns([*_BASE, *extra], _sample(extra), {})
    assert guess.get("amount") == expected, (guess, doubts)
    if expected is None and _HISTORIC in extra:
        assert any(_HISTORIC in d and "converti" in d for d in doubts)


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        pytest.param(["Days", _HISTORIC, _OWN, "Currency"], _OWN, id="danpopaa"),
        pytest.param(["Base HT", "Total facture"], "Total facture", id="gross-wins"),
    ],
)
def test_suggest_config_writes_that_amount(tmp_path, extra, expected):
    wb = Workbook()
    ws = wb.active
    ws.append([*_BASE, *extra])
    for row in _sample(extra):
        ws.append(row)
    path = tmp_path / "l.xlsx"
    wb.save(path)
    result = runner.invoke(app, ["check", str(path), "--suggest-config"])
    written = (tmp_path / "relance.toml").read_text(encoding="utf-8")
    assert f'\namount = "{expected}"' in written, result.output
