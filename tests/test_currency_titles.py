"""A currency said in a title above the header (« montants en FCFA », « Devise : CHF »), a local
currency word in a number format (« #,##0 "DH" », « "F CFA" ») and a dollar with its country
(« ($ CA) », « NZ$ ») are read, never claimed as euros (review pubwb3 H1, H2, LOW)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import AS_OF
from openpyxl import Workbook

from relance_xlsx import Settings
from relance_xlsx.errors import RelanceError
from relance_xlsx.ledger import read_ledger
from relance_xlsx.ledger.currency import header_currency
from relance_xlsx.ledger.formatted import format_currency

D = dt.date
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC"]
ROWS = [
    ("F-1", "Alpha SARL", D(2026, 8, 1), D(2026, 9, 1), 100.0),
    ("F-2", "Beta SAS", D(2026, 8, 5), D(2026, 9, 5), 200.0),
    ("F-3", "Gamma SA", D(2026, 8, 9), D(2026, 9, 9), 300.0),
]


def _read(tmp_path, titles=(), header="Montant TTC", number_format="#,##0.00", sheet="Factures"):
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for title in titles:
        ws.append(list(title) if isinstance(title, tuple) else [title])
    ws.append([*HEADERS[:-1], header])
    for row in ROWS:
        ws.append(list(row))
        for cell in ws[ws.max_row][2:4]:
            cell.number_format = "dd/mm/yyyy"
        ws.cell(ws.max_row, 5).number_format = number_format
    wb.save(tmp_path / "l.xlsx")
    return read_ledger(tmp_path / "l.xlsx", Settings(), as_of=AS_OF)


FOREIGN_TITLES = [
    (["Grand livre clients – montants en FCFA"], "XOF"),
    (["Balance âgée (en dirhams)"], "MAD"),
    (["Factures émises – Devise : CHF"], "CHF"),
    (["Montants exprimés en dollars US"], "USD"),
    (["Montants en USD"], "USD"),
    (["Suivi des créances", "(montants en F CFA)"], "XOF"),
    ([("Devise :", "XAF")], "XAF"),
    ([("Exercice 2026", "CHF")], "CHF"),
    (["Factures (montants en euros) – Devise : GBP"], "GBP"),
    (["Amounts in CA$"], "CAD"),
    # The fourth review: a colon after « Montants », a dash before a code, « Devise de … ».
    (["Montants : francs CFA"], "XOF"),
    (["Grand livre clients – XOF"], "XOF"),
    (["Devise de facturation : livre sterling"], "GBP"),
    (["Amounts: USD"], "USD"),
]


@pytest.mark.parametrize(
    ("titles", "code"), [pytest.param(*t, id=str(t[0][-1])) for t in FOREIGN_TITLES]
)
def test_a_currency_said_in_a_title_is_never_claimed_in_euros(tmp_path, titles, code):
    with pytest.raises(
        RelanceError, match=f"sont en {code} .* d'après le titre de la feuille, pas"
    ):
        _read(tmp_path, titles)


def test_a_currency_said_in_the_sheet_name_is_read(tmp_path):
    with pytest.raises(RelanceError, match="sont en XOF"):
        _read(tmp_path, sheet="Factures en FCFA")


EURO_TITLES = [
    ["Exercice 2026 – factures émises (montants en euros)"],
    ["Montants en €"],
    [("Devise", "EUR")],
    ["SARL DA Conseil – Factures en attente", "Capital social : 10 000 €"],
    ["Relances en cours – export en PDF et en ALL CAPS"],
    ["Suivi des factures", "M. Dupont", "Tél. 01 23 45 67 89"],
    ["Objectif 2027 : 1 M€ encaissé", "Encours maximum 12\u00a0k€ par client"],
    ["Encours en retard au 30/11 (SAS et SARL)", "Export en CSV"],
    [("Livres", "Francs", "Dossiers en SOS")],
    [],
    # A currency the title denies is not the amounts' (it refused a euro ledger as USD).
    ["Montants en euros – aucune facture en dollars"],
    ["Montants en euros, pas en dirhams"],
    ["Montant total : voir colonne E", "Grand livre clients – 2026", "Relances – Juin"],
]


@pytest.mark.parametrize("titles", [pytest.param(t, id=str(t)[:40]) for t in EURO_TITLES])
def test_a_title_in_euros_or_of_no_currency_reads_the_amounts_as_euros(tmp_path, titles):
    ledger = _read(tmp_path, titles)
    assert ledger.frame["amount"].tolist() == [100.0, 200.0, 300.0]
    assert not ledger.problems


@pytest.mark.parametrize(
    "title",
    [
        "Tous les montants sont en milliers d'euros",
        "Balance âgée en k€",
        "Encours clients (KEUR)",
        "Montants en millions d'euros",
        "(en milliers)",
    ],
)
def test_a_title_in_thousands_is_refused(tmp_path, title):
    with pytest.raises(RelanceError, match="en milliers"):
        _read(tmp_path, [title])


def test_a_sheet_named_in_thousands_is_refused(tmp_path):
    with pytest.raises(RelanceError, match="La feuille « Encours k€ » compte"):
        _read(tmp_path, sheet="Encours k€")


def test_a_euro_header_under_a_euro_title_is_euros(tmp_path):
    ledger = _read(tmp_path, ["Montants en euros"], header="Montant TTC (€)")
    assert ledger.frame["amount"].tolist() == [100.0, 200.0, 300.0]


LOCAL_FORMATS = [
    ('#,##0.00 "DH"', "MAD"),
    ('#,##0.00 "Dhs"', "MAD"),
    ('#,##0.00 "MAD"', "MAD"),
    ('#,##0 "FCFA"', "XOF"),
    ('#,##0\\ "F CFA"', "XOF"),
    ('#,##0 "CFA"', "XOF"),
    ('#,##0 "XOF"', "XOF"),
    ('#,##0 "XAF"', "XAF"),
    ('#,##0.00 "DA"', "DZD"),
    ('#,##0.000 "DT"', "TND"),
    ('#,##0.000 "TND"', "TND"),
    ('#,##0 "FCFP"', "XPF"),
    ('#,##0 "XPF"', "XPF"),
    ('#,##0 "francs CFA"', "XOF"),
    ('#,##0.00 "CA$"', "CAD"),
    ('#,##0.00 "$ CA"', "CAD"),
    ('"A$"#,##0.00', "AUD"),
]


@pytest.mark.parametrize(("code", "currency"), [pytest.param(*f, id=f[0]) for f in LOCAL_FORMATS])
def test_a_local_currency_word_in_a_number_format_is_that_currency(tmp_path, code, currency):
    assert format_currency(code) == currency
    with pytest.raises(RelanceError, match=f"sont en {currency} .*, pas en euros"):
        _read(tmp_path, number_format=code)


@pytest.mark.parametrize("code", ['#,##0.00 "€"', '#,##0.00 "EUR"', '#,##0 "pcs"', '0 "j"'])
def test_a_euro_or_unit_format_stays_euros(tmp_path, code):
    assert _read(tmp_path, number_format=code).frame["amount"].tolist() == [100.0, 200.0, 300.0]


@pytest.mark.parametrize("mark", ["F CFA", "F.CFA", "FCFP", "XAF", "Dhs", "DT"])
def test_a_local_currency_in_a_currency_column_is_not_euros(tmp_path, mark):
    wb = Workbook()
    ws = wb.active
    ws.append([*HEADERS, "Devise"])
    for row in ROWS:
        ws.append([*row, mark])
    wb.save(tmp_path / "l.xlsx")
    with pytest.raises(RelanceError, match="pas en euros"):
        read_ledger(tmp_path / "l.xlsx", Settings(), as_of=AS_OF)


DOLLARS = [
    ("Montant TTC ($ CA)", "CAD"),
    ("Montant TTC (CA$)", "CAD"),
    ("Montant TTC C$", "CAD"),
    ("Montant TTC ($CAN)", "CAD"),
    ("Montant TTC A$", "AUD"),
    ("Montant TTC (NZ$)", "NZD"),
    ("Montant TTC HK$", "HKD"),
    ("Montant TTC (S$)", "SGD"),
    ("Montant TTC ($)", "USD"),
    ("Montant TTC US$", "USD"),
    ("Total$", "USD"),
    ("Montant TTC (FCFP)", "XPF"),
    ("Montant TTC (XAF)", "XAF"),
]


@pytest.mark.parametrize(("header", "code"), [pytest.param(*d, id=d[0]) for d in DOLLARS])
def test_a_dollar_with_its_country_is_that_countrys(tmp_path, header, code):
    assert header_currency(header) == code
    with pytest.raises(RelanceError, match=f"sont en {code} "):
        _read(tmp_path, header=header)
