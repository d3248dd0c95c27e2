"""The ledger's « N° recommandé » is its notice's: the journal never pins it on an ordinary
letter (the mailroom's review of issue 33: « Courrier (LRAR n° …) » on a relance 2)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import complete_settings, write_ledger
from openpyxl import load_workbook

import relance_xlsx

D = dt.date

HEADERS = ["N° facture", "Client", "Adresse", "Date facture", "Échéance", "Montant TTC",
           "Niveau de relance", "Date de relance", "N° recommandé"]  # fmt: skip
ADDRESS = "1 rue A\n69001 Lyon"


@pytest.mark.parametrize(
    ("level", "sent", "recovered_says_lrar"),
    [
        pytest.param("Relance 1", D(2026, 11, 8), False, id="ordinary-letter-before"),
        pytest.param("Mise en demeure", D(2026, 10, 20), True, id="the-notice-itself"),
    ],
)
def test_an_lrar_number_is_said_only_of_its_notice(tmp_path, level, sent, recovered_says_lrar):
    rows = [["A1", "Alpha SARL", ADDRESS, D(2026, 8, 1), D(2026, 8, 31), 1000.0, level, sent,
             "1A 123 456 7890 5"]]  # fmt: skip
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    relance_xlsx.run(ledger, complete_settings(), as_of=D(2026, 11, 29), out_dir=tmp_path / "out")
    journal = load_workbook(ledger)["Journal des relances"]
    actions = [str(r[4]) for r in journal.iter_rows(min_row=2, values_only=True) if r[4]]
    recovered = [a for a in actions if "repris du classeur" in a]
    assert recovered, actions
    assert all(("LRAR n°" in a) == recovered_says_lrar for a in recovered), actions
    # the run's own ordinary letter never carries the number; litigation may (its notice's)
    for action in actions:
        if action.startswith("Courrier") and "repris" not in action:
            assert "LRAR" not in action, actions


# -- the date of posting: typed on the list, said by the journal only when it holds ----------

WEEK1, WEEK2 = D(2026, 11, 22), D(2026, 11, 29)  # 22/11/2026 is a Sunday: posted the Monday
NOTICE = ["N1", "Nord SARL", ADDRESS, D(2026, 8, 1), D(2026, 8, 31), 1000.0, "Relance 2",
          D(2026, 10, 20), None]  # fmt: skip
NUMBER = "1A 000 000 0001 7"


def _posting_list(tmp_path):
    ledger = write_ledger(tmp_path / "ledger.xlsx", [NOTICE], HEADERS)
    first = relance_xlsx.run(ledger, complete_settings(), as_of=WEEK1, out_dir=None)
    assert first.posting_list, "a mise en demeure, posted « en recommandé avec AR »"
    return ledger, first.posting_list


@pytest.mark.parametrize(
    ("typed", "says", "warned"),
    [
        pytest.param(dt.datetime(2026, 11, 23), "(déposée le 23/11/2026)", None, id="a-date-cell"),
        pytest.param("23/11/2026", "(déposée le 23/11/2026)", None, id="typed-as-text"),
        pytest.param("24.11.26", "(déposée le 24/11/2026)", None, id="short-year-with-dots"),
        pytest.param(46349, "(déposée le 23/11/2026)", None, id="a-day-number-cell"),
        pytest.param(WEEK2, "(déposée le 29/11/2026)", None, id="the-run-s-own-day"),
        pytest.param(None, "(liste d'envoi du 22/11/2026)", None, id="nothing-typed"),
        pytest.param(D(2026, 11, 21), "(liste d'envoi du 22/11/2026)",
                     "le 21/11/2026 est avant la date des lettres (22/11/2026)",
                     id="before-the-letters"),
        pytest.param(D(2026, 12, 1), "(liste d'envoi du 22/11/2026)",
                     "le 01/12/2026 est après la date de cette exécution (29/11/2026)",
                     id="after-the-run"),
        pytest.param("lundi", "(liste d'envoi du 22/11/2026)",
                     "« lundi » n'est pas une date (jj/mm/aaaa)", id="not-a-date"),
        pytest.param("31/11/2026", "(liste d'envoi du 22/11/2026)",
                     "« 31/11/2026 » n'est pas une date", id="no-such-day"),
    ],
)  # fmt: skip
def test_the_journal_says_the_date_of_posting_typed_never_the_list_s_as_posting(
    tmp_path, typed, says, warned
):
    ledger, listing = _posting_list(tmp_path)
    book = load_workbook(listing)
    ws = book["Recommandés"]
    heads = [c.value for c in ws[4]]
    assert heads[-1] == "Date de dépôt"
    ws.cell(5, heads.index("N° de recommandé") + 1).value = NUMBER
    ws.cell(5, heads.index("Date de dépôt") + 1).value = typed
    book.save(listing)
    second = relance_xlsx.run(ledger, complete_settings(), as_of=WEEK2, out_dir=None)
    journal = load_workbook(ledger)["Journal des relances"]
    actions = [str(r[4]) for r in journal.iter_rows(min_row=2, values_only=True) if r[4]]
    assert f"LRAR n° {NUMBER} {says}" in actions, actions
    assert not any("dépôt du" in a for a in actions), actions
    about = [w for w in second.warnings if "date de dépôt" in w]
    if warned is None:
        assert about == []
    else:
        assert len(about) == 1, about
        for part in ("relances/2026-11-22/liste_recommandes.xlsx", "feuille « Recommandés »",
                     "cellule I5", "Nord SARL", warned, "reporté sans date de dépôt"):  # fmt: skip
            assert part in about[0], about[0]
    # The number goes into « N° recommandé » anyway.
    sheet = load_workbook(ledger).worksheets[0]
    assert NUMBER in [c for row in sheet.iter_rows(values_only=True) for c in row]


def test_the_list_helps_the_office_type_the_number_and_the_date(tmp_path):
    _, listing = _posting_list(tmp_path)
    ws = load_workbook(listing)["Recommandés"]
    rules = {str(v.sqref): v for v in ws.data_validations.dataValidation}
    number, posted = rules["H5"], rules["I5"]
    assert number.type == "textLength" and "1A 123 456 7890 5" in number.prompt
    assert posted.type == "date" and posted.operator == "greaterThanOrEqual"
    assert "22/11/2026" in posted.error and "\u202f;" in posted.error
    assert ws["I5"].number_format == "dd/mm/yyyy" and ws["I5"].value is None
    assert "liste d'envoi du 22/11/2026" in ws["A1"].value and "dépôt du" not in ws["A1"].value


WEEK3, WEEK4 = D(2026, 12, 6), D(2026, 12, 13)


@pytest.mark.parametrize(
    ("typed", "corrected", "says", "warned_week3"),
    [
        pytest.param("lundi", "23/11/2026", "(déposée le 23/11/2026)", False,
                     id="text-corrected"),
        pytest.param(D(2026, 11, 21), D(2026, 11, 23), "(déposée le 23/11/2026)", False,
                     id="before-the-letters-corrected"),
        pytest.param(None, D(2026, 11, 24), "(déposée le 24/11/2026)", False,
                     id="typed-only-after-the-number"),
        pytest.param(D(2026, 12, 1), D(2026, 12, 1), "(déposée le 01/12/2026)", False,
                     id="after-the-run-held-until-a-later-run"),
        pytest.param(D(2026, 12, 9), D(2026, 12, 9), None, True,
                     id="after-the-next-run-too-still-held"),
        pytest.param("lundi", "lundi", None, True, id="never-corrected-the-reminder-repeats"),
    ],
)  # fmt: skip
def test_a_date_of_posting_set_aside_reaches_the_journal_once_it_holds(
    tmp_path, typed, corrected, says, warned_week3
):
    ledger, listing = _posting_list(tmp_path)

    def type_date(value):
        book = load_workbook(listing)
        ws = book["Recommandés"]
        ws["H5"], ws["I5"] = NUMBER, value
        book.save(listing)

    def dated_lines():
        journal = load_workbook(ledger)["Journal des relances"]
        actions = [str(r[4]) for r in journal.iter_rows(min_row=2, values_only=True) if r[4]]
        return [a for a in actions if a.startswith(f"LRAR n° {NUMBER} (déposée le")]

    type_date(typed)
    relance_xlsx.run(ledger, complete_settings(), as_of=WEEK2, out_dir=None)
    assert dated_lines() == []
    type_date(corrected)
    third = relance_xlsx.run(ledger, complete_settings(), as_of=WEEK3, out_dir=None)
    about = [w for w in third.warnings if "date de dépôt" in w]
    assert bool(about) is warned_week3, about
    if about and isinstance(corrected, dt.date):  # held open, not refused for good
        assert f"une exécution datée du {corrected:%d/%m/%Y} ou après" in about[0], about
    assert third.registered_numbers == []  # the number was written by the second run
    assert dated_lines() == ([f"LRAR n° {NUMBER} {says}"] if says else []), dated_lines()
    # Once said, neither said again nor warned about.
    fourth = relance_xlsx.run(ledger, complete_settings(), as_of=WEEK4, out_dir=None)
    if says:
        assert dated_lines() == [f"LRAR n° {NUMBER} {says}"]
        assert not [w for w in fourth.warnings if "date de dépôt" in w]
