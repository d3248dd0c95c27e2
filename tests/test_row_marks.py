"""What the look of a ledger's rows says (review-pubwb7): a row struck through is held, never
chased (HIGH-2); coloured rows in a ledger with no paid column are warned of, and held when a
legend says their colour means paid (HIGH-1); hidden rows are counted by `check` (LOW-1).
Workbooks are built by code with openpyxl, run for real (dry run) and the result read."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import openpyxl
import pytest
from conftest import complete_settings, write_ledger
from openpyxl.styles import Font, PatternFill

import relance_xlsx

D = dt.date
AS_OF = D(2026, 12, 7)
ADDRESS = "3 rue Oberkampf\n75011 Paris"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse"]
UNPAID = [
    [f"F-{i}", f"Client {i}", D(2026, 8, i), D(2026, 9, i), 100.0 * i, ADDRESS] for i in range(1, 6)
]
GREEN = PatternFill("solid", fgColor="FF92D050")


def _styled(rows: dict[int, Callable], legend: str | None = None) -> Callable:
    """Style the given Excel rows' cells (row -> a function of the cell); a legend in H1."""

    def add(wb):
        ws = wb.active
        for row, style in rows.items():
            style(ws, row)
        if legend:
            ws["H1"] = legend

    return add


def _strike(columns: range) -> Callable:
    def style(ws, row):
        for c in columns:
            ws.cell(row, c).font = Font(strike=True)

    return style


def _fill(ws, row):
    for c in range(1, 7):
        ws.cell(row, c).fill = GREEN


def _chased(result) -> set[str]:
    return {n for letter in [*result.letters, *result.to_complete] for n in letter.invoices}


@pytest.mark.parametrize(
    ("styles", "held"),
    [
        pytest.param({3: _strike(range(1, 7))}, {"F-2"}, id="whole-row-struck"),
        pytest.param({3: _strike(range(1, 5)), 5: _strike(range(1, 7))}, {"F-2", "F-4"}, id="two-rows-most-cells"),
        pytest.param({3: _strike(range(5, 6))}, set(), id="one-struck-cell-is-not-a-struck-row"),
        pytest.param({}, set(), id="nothing-struck"),
    ],
)  # fmt: skip
def test_a_struck_row_is_held_never_chased(tmp_path, styles, held):
    ledger = write_ledger(tmp_path / "l.xlsx", UNPAID, HEADERS, extra=_styled(styles))
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, dry_run=True)
    assert not held & _chased(result)
    assert {f"F-{i}" for i in range(1, 6)} - held <= _chased(result)
    said = [w for w in result.warnings if "barrée" in w]
    assert len(said) == (1 if held else 0)
    if held:
        rows = sorted(int(n[2:]) + 1 for n in held)
        assert f"(ligne(s) {', '.join(map(str, rows))})" in said[0]
        assert "payée(s) ou annulée(s) ?" in said[0]
        checked = relance_xlsx.check(ledger, complete_settings(), as_of=AS_OF)
        assert checked.would_stop is None  # held on purpose: not a doubtful read


PAID_HEADERS = [*HEADERS, "Réglé le"]
PAID_ROWS = [[*r, None] for r in UNPAID]


@pytest.mark.parametrize(
    ("headers", "rows", "legend", "warned", "held"),
    [
        pytest.param(HEADERS, UNPAID, None, True, set(), id="green-rows-no-paid-column"),
        pytest.param(HEADERS, UNPAID, "Légende : vert = payé", True, {"F-2", "F-4"}, id="legend-vert-egal-paye"),
        pytest.param(HEADERS, UNPAID, "en vert : réglé", True, {"F-2", "F-4"}, id="legend-en-vert"),
        pytest.param(HEADERS, UNPAID, "Factures payées en vert", True, {"F-2", "F-4"}, id="legend-paye-en-vert"),
        pytest.param(HEADERS, UNPAID, "jaune = payé", True, set(), id="legend-of-another-colour"),
        pytest.param(HEADERS, UNPAID, "vert = payé, rouge = impayé", True, {"F-2", "F-4"}, id="legend-two-colours"),
        # review-attack-6 §3: a legend that denies, halves or doubts the payment holds nothing.
        pytest.param(HEADERS, UNPAID, "Factures impayées en vert", True, set(), id="legend-unpaid-in-green"),
        pytest.param(HEADERS, UNPAID, "Non soldées en vert", True, set(), id="legend-not-settled"),
        pytest.param(HEADERS, UNPAID, "vert = payé partiellement", True, set(), id="legend-part-paid"),
        pytest.param(HEADERS, UNPAID, "vert : payé ? (à confirmer)", True, set(), id="legend-doubt"),
        pytest.param(HEADERS, UNPAID, "vert -> payée à 50 %", True, set(), id="legend-half"),
        pytest.param(PAID_HEADERS, PAID_ROWS, "vert = payé", False, set(), id="paid-column-nothing-changes"),
    ],
)  # fmt: skip
def test_coloured_rows_without_a_paid_column_are_said(
    tmp_path, headers, rows, legend, warned, held
):
    # A title row above the header; the legend beside the title, in H1.
    extra = _styled({4: _fill, 6: _fill}, legend)
    ledger = write_ledger(tmp_path / "l.xlsx", rows, headers, title_rows=1, extra=extra)
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, dry_run=True)
    assert not held & _chased(result)
    assert {f"F-{i}" for i in range(1, 6)} - held <= _chased(result)
    said = [w for w in result.warnings if "colorées" in w]
    assert said == (
        [
            "2 lignes sur 5 sont colorées (vert) et aucune colonne ne dit ce qui est réglé : relance-xlsx ne lit pas les couleurs ; ajoutez une colonne « Réglé le » ou « Statut »."
        ]
        if warned
        else []
    )
    checked = relance_xlsx.check(ledger, complete_settings(), as_of=AS_OF)
    assert [w for w in checked.warnings if "colorées" in w] == said
    assert checked.would_stop is None
    if held:
        assert any("légende dit « payé » (ligne(s) 4, 6)" in w for w in result.warnings)


def _hide(ws, row):
    ws.row_dimensions[row].hidden = True


@pytest.mark.parametrize(
    ("hidden", "count"),
    [
        pytest.param({3: _hide, 5: _hide, 6: _hide}, 3, id="three-hidden-rows"),
        pytest.param({}, 0, id="none-hidden"),
    ],
)  # fmt: skip
def test_hidden_rows_are_read_and_counted_by_check(tmp_path, hidden, count):
    ledger = write_ledger(tmp_path / "l.xlsx", UNPAID, HEADERS, extra=_styled(hidden))
    checked = relance_xlsx.check(ledger, complete_settings(), as_of=AS_OF)
    said = [
        d.count for d in checked.decisions if d.what == "Ligne(s) masquée(s), lues comme les autres"
    ]
    assert said == ([count] if count else [])
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, dry_run=True)
    assert {f"F-{i}" for i in range(1, 6)} <= _chased(result)  # a hidden row is not settled


@pytest.mark.parametrize(
    ("styles", "legend", "said"),
    [
        pytest.param({3: _strike(range(1, 7))}, None, "À corriger : ligne barrée", id="struck"),
        pytest.param({3: _fill}, "vert = payé", "À corriger : couleur « vert » selon la légende", id="legend"),
    ],
)  # fmt: skip
def test_a_held_row_is_never_marked_chased_in_the_workbook(tmp_path, styles, legend, said):
    # The legend sits in a column of its own, beside the table's header (H1).
    ledger = write_ledger(tmp_path / "l.xlsx", UNPAID, HEADERS, extra=_styled(styles, legend))
    relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF)
    rows = list(openpyxl.load_workbook(ledger).active.iter_rows(values_only=True))
    status = rows[0].index("Statut relance")
    level = rows[0].index("Niveau de relance")
    assert str(rows[2][status]).startswith(said)
    assert rows[2][level] is None
    assert rows[1][level] == "Relance 1"


@pytest.mark.parametrize("bad", ['fontId="x"', 'fontId="2.0"', 'fontId="²"', 'fillId="2.0"'])
def test_a_style_id_that_is_no_number_never_stops_the_read(tmp_path, bad):
    """review-attack-6 §11: « Erreur inattendue (ValueError) » on fontId="x", a file read before."""
    import re
    import zipfile

    built = write_ledger(
        tmp_path / "b.xlsx", UNPAID, HEADERS, extra=_styled({3: _strike(range(1, 7))})
    )
    ledger = tmp_path / "l.xlsx"
    with zipfile.ZipFile(built) as src, zipfile.ZipFile(ledger, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/styles.xml":
                name = bad.split("=")[0]
                data = re.sub(
                    rb"(<xf [^>]*?)" + name.encode() + rb'="\d+"',
                    rb"\1" + bad.encode(),
                    data,
                    count=2,
                )
            out.writestr(item, data)
    result = relance_xlsx.check(ledger, complete_settings(), as_of=AS_OF)
    assert result.invoices == 5 and result.would_stop is None


@pytest.mark.parametrize(
    ("legend", "unread"),
    [
        pytest.param(["Légende : vert = payé"], [], id="one-cell"),
        pytest.param(["Légende :", "vert = payé", "rouge = litige"], [], id="three-cells"),
        pytest.param(["Projet", "Légende : vert = payé"], ["Projet"], id="beside-a-real-column"),
    ],
)  # fmt: skip
def test_a_legend_in_the_header_row_is_no_header(tmp_path, legend, unread):
    """review-pubwb7 HIGH-1: a colour legend typed in the header row, beside the headers, is
    neither the header nor a column « non lue »; the header is read and the legend holds."""
    headers = [*HEADERS, None, *legend]
    rows = [[*r, *([None] * (len(legend) + 1))] for r in UNPAID]
    ledger = write_ledger(tmp_path / "l.xlsx", rows, headers, extra=_styled({3: _fill, 5: _fill}))
    checked = relance_xlsx.check(ledger, complete_settings(), as_of=AS_OF)
    assert checked.header_row == 1 and checked.invoices == 5
    assert {f["header"] for f in checked.fields} == set(HEADERS)
    assert checked.unread == unread
    result = relance_xlsx.run(ledger, complete_settings(), as_of=AS_OF, dry_run=True)
    assert not {"F-2", "F-4"} & _chased(result)
