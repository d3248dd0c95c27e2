"""One sheet per month: the run reads one, and its warning names EVERY other sheet as
complete, with what is still owed on each (review-pubwb7 MEDIUM-3: « Novembre » and its
unpaid invoices were named nowhere)."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "3 rue Oberkampf\n75011 Paris"
HEADERS = [
    "N° facture",
    "Client",
    "Date facture",
    "Échéance",
    "Montant TTC",
    "Montant réglé",
    "Adresse",
]


def _month(month: int, amounts: list[tuple[float, float]]) -> list[list]:
    return [
        [
            f"F-{month}-{i}",
            f"Client {i}",
            D(2026, month, 1),
            D(2026, month, 28),
            amount,
            paid,
            ADDRESS,
        ]
        for i, (amount, paid) in enumerate(amounts, 1)
    ]


def _sheets(months: dict[str, list[list]]):
    def add(wb):
        for name, rows in months.items():
            ws = wb.create_sheet(name)
            ws.append(HEADERS)
            for row in rows:
                ws.append(row)

    return add


OCTOBRE = _month(10, [(600.0, 0), (610.0, 0), (500.0, 500.0)])
NOVEMBRE = _month(11, [(1000.0, 400.0), (217.0, 0)])


@pytest.mark.parametrize(
    ("others", "said"),
    [
        pytest.param(
            {"Octobre": OCTOBRE, "Novembre": NOVEMBRE},
            "Les feuilles « Octobre » (2 factures dues, 1 210,00 €), « Novembre » (2 factures dues, 817,00 €) ont un tableau de factures aussi complet que la feuille lue « Septembre », mais un run ne lit qu'une feuille : leurs factures ne sont ni lues ni relancées ; réunissez-les sur une seule feuille ou lancez relance sur chacune avec --sheet \"Octobre\", --sheet \"Novembre\".",
            id="two-other-months",
        ),
        pytest.param(
            {"Octobre": _month(10, [(500.0, 500.0)])},
            "La feuille « Octobre » (aucune facture due) a un tableau",
            id="one-other-month-all-paid",
        ),
    ],
)  # fmt: skip
def test_every_sheet_as_complete_is_named_with_what_it_owes(tmp_path, others, said):
    rows = _month(9, [(605.0, 0), (600.0, 0)])
    ledger = write_ledger(
        tmp_path / "l.xlsx", rows, HEADERS, sheet="Septembre", extra=_sheets(others)
    )
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, dry_run=True)
    assert result.sheet == "Septembre"
    # Amounts are written with non-breaking spaces (« 1 210,00 € »).
    warned = [
        w for w in result.warnings if w.replace("\u202f", " ").replace("\xa0", " ").startswith(said)
    ]
    assert len(warned) == 1
    assert warned[0] in relance_xlsx.check(ledger, complete_settings(), as_of=AS_OF).warnings


@pytest.mark.parametrize(
    ("others", "expected"),
    [
        pytest.param(
            {"Octobre": OCTOBRE, "Novembre": NOVEMBRE},
            [("feuille « Octobre »", ["F-10-1", "F-10-2"], 1210.0), ("feuille « Novembre »", ["F-11-1", "F-11-2"], 817.0)],
            id="two-other-months",
        ),
        pytest.param({"Octobre": _month(10, [(500.0, 500.0)])}, [], id="nothing-owed-elsewhere"),
        pytest.param({}, [], id="one-sheet"),
    ],
)  # fmt: skip
def test_the_other_sheets_invoices_are_counted_as_not_chased(tmp_path, others, expected):
    """The decision sheet's « not chased » counts what the sheets not read still owe."""
    rows = _month(9, [(605.0, 0), (600.0, 0)])
    ledger = write_ledger(
        tmp_path / "l.xlsx", rows, HEADERS, sheet="Septembre", extra=_sheets(others)
    )
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, dry_run=True)
    found = [
        (n.client, n.invoices, n.amount)
        for n in result.summary.not_chased
        if n.why == "other_sheet"
    ]
    assert found == expected
    labels = {n.label for n in result.summary.not_chased if n.why == "other_sheet"}
    assert labels == (
        {"Sur une autre feuille, non lue (un run ne lit qu'une feuille)"} if expected else set()
    )
