"""« Malgré nos relances des … » cites, for each invoice, only the reminders recorded for that very
invoice (ledger or journal): the lawyer's review of issue 28 (D1) found a part's dates merged,
A2 said reminded on 05/10/2026 when it was not even due."""

# ruff: noqa: E501

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pandas as pd
import pytest

from relance_xlsx import Settings
from relance_xlsx.letters import LetterPlan, LetterRows, Part, creditor_context, letter_context
from relance_xlsx.letters.truth import refusals
from relance_xlsx.wording import reminders_by_invoice

AS_OF = dt.date(2026, 11, 2)
TS = pd.Timestamp
_DECIDED = ("days_late", "interest", "indemnity", "stage", "action", "relisted")


def invoice(number: str, **over: Any) -> dict[str, Any]:
    """One invoice of client « Atelier Alpha », at relance 2 today, with its decisions."""
    row = {
        "invoice": number, "client": "Atelier Alpha", "invoice_date": TS("2026-08-16"),
        "due_date": TS("2026-09-15"), "amount": 1200.0, "paid": 0.0, "outstanding": 1200.0,
        "object": None, "address": "3 rue Oberkampf\n75011 Paris", "contact": None, "email": None,
        "consumer": False, "public": False, "currency": None, "is_credit": False,
        "last_date": pd.NaT, "level": 1, "payment_date": pd.NaT, "credit_for": None,
        "days_late": 48, "interest": 19.33, "indemnity": 40.0, "stage": 2, "action": "letter",
        "relisted": False,
    }  # fmt: skip
    row.update(over)
    return row


def letter(
    rows: list[dict[str, Any]], kind: str, sent: dict, lang: str = "fr"
) -> tuple[LetterPlan, LetterRows, dict[str, Any]]:
    """One letter of one part, its rows (sent: the journal's letters) and its context."""
    frame = pd.DataFrame([{k: v for k, v in r.items() if k not in _DECIDED} for r in rows])
    decisions = pd.DataFrame([{k: r[k] for k in _DECIDED} for r in rows]).rename(
        columns={"stage": "level"}
    )
    index = tuple(range(len(rows)))
    plan = LetterPlan("Atelier Alpha", kind, lang, index, parts=(Part(kind, index, True),))
    data = LetterRows(frame, decisions, [plan], {}, sent, AS_OF)
    settings = Settings()
    context = letter_context(plan, data, settings, AS_OF, 12.15, creditor_context(settings, []))
    return plan, data, context


D = dt.date
# The lawyer's w1: A1 reminded 05/10 and 12/10 (relance 1, listed again) and 26/10 (with A2,
# which fell due on 10/10 and had its first reminder that day).
W1 = {
    ("Atelier Alpha", "A1"): [(D(2026, 10, 5), 1), (D(2026, 10, 12), 1), (D(2026, 10, 26), 1)],
    ("Atelier Alpha", "A2"): [(D(2026, 10, 26), 1)],
}
# Her w4: two invoices typed « Relance 2 », one dated 20/10, the other 22/10 (their first
# reminders' dates unknown).
W4 = {}


@pytest.mark.parametrize(
    ("rows", "sent", "lang", "expected"),
    [
        pytest.param([invoice("A1"), invoice("A2", due_date=TS("2026-10-10"))], W1, "fr",
                     "nos relances des 5 et 12 octobre 2026 pour la facture n° A1 et du 26 octobre 2026 pour les factures n° A1 et A2",
                     id="w1-A1-A2-different-histories"),
        pytest.param([invoice("A1"), invoice("A2", due_date=TS("2026-10-10"))], W1, "en",
                     "our reminders of 5 and 12 October 2026 for invoice A1 and of 26 October 2026 for invoices A1 and A2",
                     id="w1-english"),
        pytest.param([invoice("SAS1", level=2, last_date=TS("2026-10-20"), stage=3),
                      invoice("SAS2", level=2, last_date=TS("2026-10-22"), stage=3)], W4, "fr",
                     "nos relances, dont celles du 20 octobre 2026 pour la facture n° SAS1 et du 22 octobre 2026 pour la facture n° SAS2",
                     id="w4-notice-each-its-own-date"),
        pytest.param([invoice("A1"), invoice("A3")],
                     {("Atelier Alpha", "A1"): [(D(2026, 10, 12), 1)], ("Atelier Alpha", "A3"): [(D(2026, 10, 12), 1)]}, "fr",
                     "notre relance du 12 octobre 2026", id="same-history-one-date"),
        pytest.param([invoice(f"N{i}") for i in range(1, 6)],
                     {("Atelier Alpha", f"N{i}"): [(D(2026, 10, i), 1)] for i in range(1, 6)}, "fr",
                     "nos relances, dont le tableau ci-dessous donne les dates pour chaque facture",
                     id="five-histories-the-table-says"),
    ],
)  # fmt: skip
def test_malgre_nos_relances_names_each_invoice_s_own_reminders(rows, sent, lang, expected):
    kind = "mise_en_demeure" if rows[0]["stage"] == 3 else "relance_2"
    plan, data, context = letter(rows, kind, sent, lang)
    assert context["parts"][0]["previous_reminders"] == expected
    assert refusals(plan, data, context, Settings().policy, AS_OF) == []


@pytest.mark.parametrize(
    ("groups", "reason"),
    [
        pytest.param([{"dates": ["05/10/2026", "12/10/2026", "26/10/2026"], "numbers": ["A1", "A2"]}],
                     "la relance du 05/10/2026 est citée pour la facture n° A2", id="union-of-the-part"),
        pytest.param([{"dates": ["26/10/2026"], "numbers": ["A2"]}, {"dates": ["12/10/2026"], "numbers": ["A2"]}],
                     "la relance du 12/10/2026 est citée pour la facture n° A2", id="another-invoice-s-date"),
    ],
)  # fmt: skip
def test_a_date_cited_for_an_invoice_not_reminded_that_day_is_refused(groups, reason):
    """The check reads which reminder the letter says reminded which invoice: the union of the
    part's dates (what 0.2 before this fix printed) no longer passes."""
    plan, data, context = letter(
        [invoice("A1"), invoice("A2", due_date=TS("2026-10-10"))], "relance_2", W1
    )
    context = copy.deepcopy(context)
    context["parts"][0]["reminder_groups"] = groups
    found = refusals(plan, data, context, Settings().policy, AS_OF)
    assert any(reason in r for r in found), found


@pytest.mark.parametrize(
    ("groups", "numbers", "complete", "expected"),
    [
        pytest.param([], ["A"], True, "nos précédents courriers", id="no-date"),
        pytest.param([(["01/10/2026"], ["A"]), (["02/10/2026"], ["B"])], ["A", "B"], True,
                     "nos relances du 01/10/2026 pour la facture n° A et du 02/10/2026 pour la facture n° B", id="two-invoices-two-days"),
        pytest.param([(["01/10/2026"], ["A"])], ["A", "B"], False,
                     "nos relances, dont celle du 01/10/2026 pour la facture n° A", id="one-invoice-s-date-unknown"),
    ],
)  # fmt: skip
def test_reminders_by_invoice(groups, numbers, complete, expected):
    assert reminders_by_invoice(groups, numbers, "fr", complete) == expected
