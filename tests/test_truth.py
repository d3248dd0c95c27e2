"""Every letter's statements checked on its data before it is written: a letter that would cite
an unrecorded reminder, list an invoice at a stage it did not reach, print amounts that do not
add up or cite an article of another client type's law is refused, with a French reason, and
goes to a_completer/."""

# ruff: noqa: E501

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pandas as pd
import pytest
from conftest import ROOT, write_ledger
from openpyxl import load_workbook

import relance_xlsx
from relance_xlsx import Settings
from relance_xlsx.letters import LetterPlan, LetterRows, Part, creditor_context, letter_context
from relance_xlsx.letters.truth import refusals

AS_OF = dt.date(2026, 11, 22)
TS = pd.Timestamp


def _invoice(**over: Any) -> dict[str, Any]:
    row = {
        "invoice": "F-1", "client": "Client", "invoice_date": TS("2026-08-01"),
        "due_date": TS("2026-09-01"), "amount": 300.0, "paid": 0.0, "outstanding": 300.0,
        "object": None, "address": "1 rue A\n75001 Paris", "contact": None, "email": None,
        "consumer": False, "public": False, "currency": None, "is_credit": False,
        "last_date": TS("2026-11-01"), "level": 2, "payment_date": pd.NaT,
        # decisions
        "days_late": 82, "interest": 8.19, "indemnity": 40.0, "stage": 3, "action": "letter",
        "relisted": False,
    }  # fmt: skip
    row.update(over)
    return row


_DECIDED = ("days_late", "interest", "indemnity", "stage", "action", "relisted")


def _letter(
    rows: list[dict[str, Any]],
    kind: str = "mise_en_demeure",
    sent: dict | None = None,
    reminded: bool = True,
) -> tuple[LetterPlan, LetterRows, dict[str, Any]]:
    frame = pd.DataFrame([{k: v for k, v in r.items() if k not in _DECIDED} for r in rows])
    decisions = pd.DataFrame([{k: r[k] for k in _DECIDED} for r in rows]).rename(
        columns={"stage": "level"}
    )
    index = tuple(range(len(rows)))
    periods = {
        # The periods' interest: what the letter claims, and what a transfer already paid of it.
        i: [(dt.date(2026, 9, 2), AS_OF, 82, 12.15, r["outstanding"], r["interest"] + paid)]
        for i, r in enumerate(rows)
        if (paid := r.get("interest_paid", 0.0)) or r["interest"]
    }
    plan = LetterPlan("Client", kind, "fr", index, parts=(Part(kind, index, reminded),))
    data = LetterRows(frame, decisions, [plan], periods, sent or {}, AS_OF)
    settings = Settings()
    context = letter_context(plan, data, settings, AS_OF, 12.15, creditor_context(settings, []))
    return plan, data, context


R1_ON_OCT_20 = {("Client", "F-1"): [(dt.date(2026, 10, 20), 1)]}


def test_a_true_formal_notice_passes():
    plan, data, context = _letter([_invoice()], sent=R1_ON_OCT_20)
    assert refusals(plan, data, context, Settings().policy, AS_OF) == []
    assert context["parts"][0]["reminder_dates"] == ["20/10/2026", "01/11/2026"]


def _tamper(path: str, value: Any):
    def change(context: dict[str, Any]) -> None:
        *keys, last = path.split(".")
        node: Any = context
        for key in keys:
            node = node[int(key)] if key.isdigit() else node[key]
        node[last] = value

    return change


@pytest.mark.parametrize(
    ("rows", "kind", "change", "reason"),
    [
        pytest.param([_invoice(level=0, last_date=pd.NaT, stage=3)], "mise_en_demeure", None,
                     "première lettre au stade 3", id="first-letter-a-notice"),
        pytest.param([_invoice(level=1, stage=3)], "mise_en_demeure", None,
                     "sauterait du stade 1 au stade 3", id="skips-a-stage"),
        pytest.param([_invoice(level=2, last_date=TS("2026-11-18"))], "mise_en_demeure", None,
                     "4 jour(s) après sa lettre précédente (délai 10 jours)", id="delay-not-waited"),
        pytest.param([_invoice(level=3, stage=3)], "mise_en_demeure", None,
                     "seconde lettre au stade 3", id="a-second-notice"),
        pytest.param([_invoice(level=1, stage=1, relisted=False, interest=0.0, indemnity=0.0)], "relance_1", None,
                     "seconde lettre au stade 1", id="listed-again-without-being-relisted"),
        pytest.param([_invoice(stage=2)], "mise_en_demeure", None,
                     "listée au stade 3 mais enregistrée au stade 2", id="part-and-record-differ"),
        pytest.param([_invoice()], "mise_en_demeure", _tamper("parts.0.totals.claimed", "9 999,00\xa0€"),
                     "n'est pas la somme de ses factures", id="total-does-not-add-up"),
        pytest.param([_invoice()], "mise_en_demeure", _tamper("parts.0.totals.claimed_words", "cent euros"),
                     "montant en lettres", id="amount-in-words-wrong"),
        pytest.param([_invoice()], "mise_en_demeure", _tamper("totals.claimed", "1,00\xa0€"),
                     "le total du courrier", id="letter-total-not-its-parts"),
        pytest.param([_invoice()], "mise_en_demeure", _tamper("parts.0.reminder_dates", ["15/10/2026"]),
                     "relance du 15/10/2026", id="reminder-not-recorded"),
        pytest.param([_invoice(consumer=True, interest=0.0)], "mise_en_demeure", None,
                     "indemnité forfaitaire réclamée à un particulier", id="consumer-indemnity"),
        pytest.param([_invoice(consumer=True, indemnity=0.0)], "mise_en_demeure", None,
                     "sans mise en demeure enregistrée", id="consumer-interest-before-notice"),
        pytest.param([_invoice(consumer=True, interest=0.0, indemnity=0.0)], "mise_en_demeure",
                     _tamper("legal.articles", ["L441-10", "1344"]),
                     "l'article L441-10 ne s'applique pas à un client particulier", id="b2b-article-to-a-consumer"),
        pytest.param([_invoice(public=True)], "mise_en_demeure", _tamper("legal.articles", ["R2192-31", "1344"]),
                     "l'article 1344 ne s'applique pas à un client acheteur public", id="civil-article-to-a-public-buyer"),
        pytest.param([_invoice(), _invoice(invoice="F-2", consumer=True, interest=0.0, indemnity=0.0)], "mise_en_demeure", None,
                     "le type du client diffère", id="two-laws-in-one-letter"),
        pytest.param([_invoice(paid=100.0, outstanding=200.0, payment_date=TS("2026-10-05"))], "mise_en_demeure",
                     _tamper("parts.0.partly_paid_total", 0.0),
                     "ne dit pas les 100,00\xa0€ de règlements partiels reçus", id="partial-payment-not-said"),
        pytest.param([_invoice(interest=5.19, interest_paid=3.0, indemnity_paid=0.0)], "mise_en_demeure",
                     _tamper("parts.0.figures.penalties_paid", 0.0),
                     "ne dit pas les 3,00\xa0€ de pénalités déjà réglés par virement", id="penalties-paid-not-said"),
    ],
)  # fmt: skip
def test_a_false_statement_is_refused_with_its_reason(rows, kind, change, reason):
    sent = {("Client", r["invoice"]): [(dt.date(2026, 10, 20), 1)] for r in rows}
    plan, data, context = _letter(rows, kind, sent, reminded=rows[0]["level"] >= 1)
    context = copy.deepcopy(context)
    if change:
        change(context)
    found = refusals(plan, data, context, Settings().policy, AS_OF)
    assert any(reason in r for r in found), found


@pytest.mark.parametrize(
    ("paid_on", "said"),
    [
        pytest.param(
            "2026-10-05", " (dernier règlement le 5 octobre 2026)", id="before-the-letter"
        ),
        # Typed ahead or a typo: a letter cannot say a payment came on a day still to come.
        pytest.param("2026-12-24", "", id="after-the-letter-not-cited"),
    ],
)
def test_a_partial_payment_is_said_and_passes(paid_on, said):
    row = _invoice(paid=100.0, outstanding=200.0, payment_date=TS(paid_on))
    plan, data, context = _letter([row], sent=R1_ON_OCT_20)
    assert refusals(plan, data, context, Settings().policy, AS_OF) == []
    part = context["parts"][0]
    assert part["partly_paid"] == "100,00\xa0€ sur la facture n° F-1" + said
    assert part["partly_paid_total"] == 100.0


def test_penalties_a_transfer_paid_are_deducted_and_said():
    # 8,19 € of interest over the period, 3,00 € of it paid with a letter's QR code.
    row = _invoice(interest=5.19, interest_paid=3.0, indemnity_paid=0.0)
    plan, data, context = _letter([row], sent=R1_ON_OCT_20)
    assert refusals(plan, data, context, Settings().policy, AS_OF) == []
    part = context["parts"][0]
    assert (part["totals"]["interest"], part["totals"]["penalties_paid"]) == (
        "5,19\xa0€",
        "3,00\xa0€",
    )
    assert part["interest_periods"][0]["interest"] == "8,19\xa0€"
    # The same letter, had the run forgotten the transfer: its interest is not its periods.
    data.records[0]["interest_paid"] = 0.0
    found = refusals(plan, data, context, Settings().policy, AS_OF)
    assert any("ne sont pas la somme de leurs périodes" in r for r in found), found


def test_malgre_nos_relances_for_an_invoice_never_reminded_is_refused():
    plan, data, context = _letter([_invoice(level=0, last_date=pd.NaT, stage=1, interest=0.0, indemnity=0.0)],
                                  "relance_1", reminded=True)  # fmt: skip
    found = refusals(plan, data, context, Settings().policy, AS_OF)
    assert any("n'a reçu aucune relance enregistrée" in r for r in found), found


def test_a_refused_letter_goes_to_a_completer_and_its_invoices_keep_their_level(tmp_path):
    """One client typed « Particulier » on one invoice, « Professionnel » on the other: which
    law would the letter follow? Refused, in French, until the ledger says one."""
    headers = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
               "Adresse", "Type client", "Niveau de relance", "Date de relance"]  # fmt: skip
    rows = [
        ["M-1", "Martin Dupuis", dt.date(2026, 8, 1), dt.date(2026, 9, 1), 300.0, 0, "1 rue A\n75001 Paris", "Particulier", "Relance 1", dt.date(2026, 10, 20)],
        ["M-2", "Martin Dupuis", dt.date(2026, 8, 1), dt.date(2026, 9, 1), 200.0, 0, "1 rue A\n75001 Paris", "Professionnel", "Relance 1", dt.date(2026, 10, 20)],
        ["N-1", "Net SARL", dt.date(2026, 8, 1), dt.date(2026, 9, 1), 100.0, 0, "2 rue B\n75002 Paris", "Professionnel", None, None],
    ]  # fmt: skip
    (tmp_path / "relance.toml").write_text(
        (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8"), "utf-8"
    )
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    result = relance_xlsx.run(
        ledger, relance_xlsx.load_settings(tmp_path / "relance.toml"), as_of=AS_OF
    )
    assert [x.client for x in result.letters] == ["Net SARL"]
    [held] = result.to_complete
    assert held.client == "Martin Dupuis" and "a_completer" in held.path
    assert any("refusée au contrôle" in m and "type du client diffère" in m for m in held.missing)
    ws = load_workbook(ledger).active
    header = [c.value for c in ws[1]]
    level, status = header.index("Niveau de relance"), header.index("Statut relance")
    by_number = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert by_number["M-1"][level] == by_number["M-2"][level] == "Relance 1"
    assert "refusée au contrôle" in by_number["M-1"][status]
    assert {i.invoice: i.action for i in result.invoices}["M-1"] == "incomplete"


def test_a_template_made_before_parts_never_lumps_two_stages_together(tmp_path):
    """A relance_2.docx edited by the office before 0.2 says every invoice « malgré nos
    relances »: it still serves a letter of one stage, and a letter of two is held."""
    from docx import Document

    folder = tmp_path / "modeles"
    folder.mkdir()
    doc = Document()
    doc.add_paragraph("{{ debtor.name }}")
    doc.add_paragraph(
        "Malgré {{ letter.previous_reminders }}, {{ letter.invoices_phrase }} reste{{ letter.nt }} impayée{{ letter.s }}."
    )
    doc.save(folder / "relance_2.docx")
    headers = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
               "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip
    rows = [
        # Two stages: A-1 due its 2nd reminder, A-2 its first.
        ["A-1", "Atelier Alpha", dt.date(2026, 8, 1), dt.date(2026, 9, 1), 100.0, 0, "1 rue A\n75001 Paris", "Relance 1", dt.date(2026, 10, 1)],
        ["A-2", "Atelier Alpha", dt.date(2026, 9, 20), dt.date(2026, 10, 20), 200.0, 0, "1 rue A\n75001 Paris", None, None],
        # One stage.
        ["B-1", "Boutique Bêta", dt.date(2026, 8, 1), dt.date(2026, 9, 1), 100.0, 0, "2 rue B\n75002 Paris", "Relance 1", dt.date(2026, 10, 1)],
    ]  # fmt: skip
    toml = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    (tmp_path / "relance.toml").write_text(
        toml + '\n[letters]\ntemplate_dir = "modeles"\n', "utf-8"
    )
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    result = relance_xlsx.run(
        ledger,
        relance_xlsx.load_settings(tmp_path / "relance.toml"),
        as_of=AS_OF,
        write_workbook=False,
    )
    assert [(x.client, x.kind) for x in result.letters] == [("Boutique Bêta", "relance_2")]
    [held] = result.to_complete
    assert held.client == "Atelier Alpha" and any(
        "ne distingue pas les stades" in m for m in held.missing
    )


@pytest.mark.parametrize(
    ("client_type", "court", "absent"),
    [
        pytest.param("Commune", "référé-provision", "injonction de payer", id="a-public-person"),
        pytest.param("Hôpital", "référé-provision", "injonction de payer", id="a-public-hospital"),
        pytest.param(
            "Entreprise publique", "injonction de payer", "référé-provision", id="a-public-company"
        ),
        # The lawyer's review of 29 (c04): an EPIC is a public person, its marché public an
        # administrative contract (Code de la commande publique L6), its property not seizable.
        pytest.param("EPIC", "référé-provision", "injonction de payer", id="an-epic-CCP-L6"),
    ],
)
def test_a_public_buyer_s_notice_names_the_court_that_can_hear_it(
    tmp_path, client_type, court, absent
):
    """Interest under the public procurement code for every public buyer; the administrative
    court for a public person, an EPIC included (an entreprise publique is a company: the
    judicial court, as its litigation file says)."""
    from docx import Document

    headers = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
               "Adresse", "Type client", "Niveau de relance", "Date de relance"]  # fmt: skip
    rows = [["P-1", "Acheteur", dt.date(2026, 7, 1), dt.date(2026, 9, 1), 1000.0, 0, "1 rue A\n75001 Paris", client_type, "Relance 2", dt.date(2026, 11, 1)]]  # fmt: skip
    (tmp_path / "relance.toml").write_text(
        (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8"), "utf-8"
    )
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    result = relance_xlsx.run(
        ledger,
        relance_xlsx.load_settings(tmp_path / "relance.toml"),
        as_of=AS_OF,
        write_workbook=False,
    )
    [letter] = result.letters
    text = "\n".join(p.text for p in Document(letter.path).paragraphs).replace("\u2011", "-")
    assert letter.kind == "mise_en_demeure" and "R2192-31" in text and "L441-10" not in text
    assert court in text and absent not in text
