# ruff: noqa: E501
"""Penalties of invoices paid late, claimed in a letter of their own (claim_after_payment)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import ROOT, convert, needs_libreoffice, write_ledger
from docx import Document
from openpyxl import load_workbook

import relance_xlsx

D = dt.date
ADDRESS = "1 rue A\n75001 Paris"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Date règlement", "Adresse", "Type client", "Niveau de relance", "Date de relance"]  # fmt: skip
AS_OF = D(2026, 11, 22)
ROWS = [
    # 1 200 € due 15/10/2026, paid 14/11: 30 days (16/10 to 14/11) at 12,15 % (ECB 2,15 + 10):
    # 1200 × 12,15 % × 30 / 365 = 11,9836 → 11,98; with the 40 €: 51,98 claimed.
    ["P-1", "Plomberie Pi", D(2026, 9, 15), D(2026, 10, 15), 1200.0, 1200.0, D(2026, 11, 14), ADDRESS, None, "Relance 1", D(2026, 10, 25)],
    # Paid after a reminder, payment date unknown: nothing to claim, thanked in the claim letter.
    ["P-2", "Plomberie Pi", D(2026, 9, 1), D(2026, 10, 1), 100.0, 100.0, None, ADDRESS, None, "Relance 1", D(2026, 10, 25)],
    # Paid late, and Qi gets a first reminder today for Q-2: the claim joins that letter as a
    # part of its own (never a second letter the same day, never a thank-you beside it).
    # 500 € due 30/09, paid 30/10: 30 days: 500 × 12,15 % × 30 / 365 = 4,9932 → 4,99.
    ["Q-1", "Quincaillerie Qi", D(2026, 8, 31), D(2026, 9, 30), 500.0, 500.0, D(2026, 10, 30), ADDRESS, None, None, None],
    ["Q-2", "Quincaillerie Qi", D(2026, 9, 1), D(2026, 10, 1), 300.0, 0, None, ADDRESS, None, None, None],
    # A consumer paid late without any mise en demeure: neither interest nor 40 € is due.
    ["C-1", "M. Jean Petit", D(2026, 9, 1), D(2026, 10, 1), 250.0, 250.0, D(2026, 11, 10), ADDRESS, "Particulier", None, None],
    # Paid late long ago (outside claim_within_days): switching the option on claims no history.
    ["O-1", "Optique Omega", D(2025, 1, 1), D(2025, 1, 31), 800.0, 800.0, D(2025, 3, 3), ADDRESS, None, None, None],
]  # fmt: skip


def _office(tmp_path: Path, claim: str) -> Path:
    toml = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    (tmp_path / "relance.toml").write_text(
        toml + f'\n[policy]\nclaim_after_payment = "{claim}"\n', "utf-8"
    )
    return write_ledger(tmp_path / "ledger.xlsx", ROWS, HEADERS)


def _run(ledger: Path, day: dt.date) -> relance_xlsx.RunResult:
    settings = relance_xlsx.load_settings(ledger.parent / "relance.toml")
    return relance_xlsx.run(ledger, settings, as_of=day, out_dir=ledger.parent / day.isoformat())


def _column(ledger: Path, header: str) -> dict[str, object]:
    ws = load_workbook(ledger).active
    at = [c.value for c in ws[1]].index(header)
    fine = str.maketrans({"\xa0": " ", "\u202f": " "})
    return {
        r[0]: r[at].translate(fine) if isinstance(r[at], str) else r[at]
        for r in ws.iter_rows(min_row=2, values_only=True)
        if r[0]
    }


def _text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    text = "\n".join([p.text for p in doc.paragraphs] + cells)
    # The letters' fine spaces, and their invoice numbers' no-break hyphens, as typed.
    return text.replace("\xa0", " ").replace("\u202f", " ").replace("\u2011", "-")


def test_the_penalties_of_an_invoice_paid_late_are_claimed_once_alone_or_in_the_next_letter(
    tmp_path,
):
    ledger = _office(tmp_path, "letter")
    result = _run(ledger, AS_OF)
    by_client = {x.client: x for x in result.letters}
    assert sorted(by_client) == ["Plomberie Pi", "Quincaillerie Qi"]  # one letter each
    claim = by_client["Plomberie Pi"]
    assert (claim.kind, claim.invoices, claim.total_due) == ("penalites", ["P-1"], 51.98)
    qi = by_client["Quincaillerie Qi"]
    assert (qi.kind, qi.invoices, qi.total_due) == ("relance_1", ["Q-2", "Q-1"], 344.99)
    assert [(p["kind"], p["invoices"]) for p in qi.parts] == [
        ("relance_1", ["Q-2"]),
        ("penalites", ["Q-1"]),
    ]
    text = _text(claim.path)
    for expected in ("L441-10", "D441-5", "11,98 €", "40,00 €", "51,98 €", "14/11/2026", "30"):
        assert expected in text, expected
    assert "bien reçu le règlement de la facture n° P-2" in text  # thanked here, not apart
    assert "ne pas tenir compte" not in text
    assert "conditions générales" not in text  # the office did not say it has any
    qi_text = _text(qi.path)
    assert "Par ailleurs, la facture n° Q-1 ci-dessous a été réglée après l'échéance." in qi_text
    assert "remercions du règlement" not in qi_text and "ne pas tenir compte" not in qi_text
    levels, statuses = _column(ledger, "Niveau de relance"), _column(ledger, "Statut relance")
    assert levels["P-1"] == levels["Q-1"] == "Réglée – pénalités réclamées"
    assert levels["P-2"] == "Réglée – remerciée"
    assert "pénalités 11,98 € et indemnité 40,00 € réclamées" in str(statuses["P-1"])
    assert "restent dues" in str(statuses["O-1"])  # reported, not claimed
    invoices = {i.invoice: i for i in result.invoices}
    assert (invoices["P-1"].action, invoices["Q-1"].action, invoices["C-1"].action) == (
        "claim",
        "claim",
        "none",
    )
    assert (invoices["C-1"].interest, invoices["C-1"].indemnity) == (0.0, 0.0)
    # What is still to decide excludes what was claimed today.
    assert sorted(p.client for p in result.paid_late) == ["Optique Omega"]
    journal = load_workbook(ledger)["Journal des relances"]
    assert any(
        "Pénalités réclamées" in str(r) and "P-1" in str(r)
        for r in journal.iter_rows(values_only=True)
    )

    again = _run(ledger, AS_OF)
    assert again.letters == [] and again.rows_written == 0
    # A week on, nothing: both claims were made and never go again.
    week = _run(ledger, AS_OF + dt.timedelta(days=7))
    assert week.letters == []
    assert _column(ledger, "Niveau de relance")["P-1"] == "Réglée – pénalités réclamées"
    # Its status still says they were claimed, never « restent dues ».
    assert "11,98 € et indemnité 40,00 € réclamées" in str(_column(ledger, "Statut relance")["P-1"])
    assert _run(ledger, AS_OF + dt.timedelta(days=14)).letters == []


def test_never_claims_nothing_and_the_thank_you_waives_nothing(tmp_path):
    ledger = _office(tmp_path, "never")
    result = _run(ledger, AS_OF)
    kinds = {x.client: x.kind for x in result.letters}
    assert kinds == {"Plomberie Pi": "remerciement", "Quincaillerie Qi": "relance_1"}
    text = _text(result.letters[0].path)
    assert "sans objet" not in text and "L441-10" not in text
    # P-1 was paid late: its penalties are still owed, so nothing says the account is settled.
    assert "à jour" not in text
    assert "restent dues" in str(_column(ledger, "Statut relance")["P-1"])
    pi = next(p for p in result.paid_late if p.client == "Plomberie Pi")
    assert (pi.interest, pi.indemnity) == (11.98, 40.0)


@pytest.mark.parametrize(
    ("settings_line", "message"),
    [
        pytest.param(
            'claim_after_payment = "toujours"', "claim_after_payment", id="unknown-choice"
        ),
        pytest.param("claim_within_days = 0", "claim_within_days", id="no-window"),
    ],
)
def test_a_wrong_claim_setting_is_refused_in_french(tmp_path, settings_line, message):
    (tmp_path / "relance.toml").write_text(f"[policy]\n{settings_line}\n", "utf-8")
    with pytest.raises(relance_xlsx.RelanceError, match=message):
        relance_xlsx.load_settings(tmp_path / "relance.toml")


@needs_libreoffice
def test_the_claim_letter_converted_by_libreoffice_shows_its_figures(tmp_path):
    ledger = _office(tmp_path, "letter")
    claim = next(x for x in _run(ledger, AS_OF).letters if x.kind == "penalites")
    pdf = convert(Path(claim.path), "pdf", tmp_path)
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages).replace("\xa0", " ")
    assert "Pénalités de retard" in text and "51,98" in text and "P-1" in text


@pytest.mark.parametrize("terms", [False, True], ids=["no-terms-of-sale", "terms-of-sale"])
def test_the_terms_of_sale_are_cited_only_when_the_creditor_says_it_has_some(tmp_path, terms):
    toml = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    toml = toml.replace(
        "[creditor]\n", f"[creditor]\nterms_of_sale = {'true' if terms else 'false'}\n"
    )
    (tmp_path / "relance.toml").write_text(
        toml + '\n[policy]\nclaim_after_payment = "letter"\n', "utf-8"
    )
    ledger = write_ledger(tmp_path / "ledger.xlsx", ROWS[:2], HEADERS)
    [claim] = _run(ledger, AS_OF).letters
    text = _text(claim.path)
    assert (
        "Conformément à nos conditions générales de vente et à l'article L441-10" in text
    ) is terms
    assert ("En application de l'article L441-10" in text) is not terms


def test_terms_of_sale_must_be_true_or_false(tmp_path):
    (tmp_path / "relance.toml").write_text('[creditor]\nterms_of_sale = "oui"\n', "utf-8")
    with pytest.raises(relance_xlsx.RelanceError, match="terms_of_sale"):
        relance_xlsx.load_settings(tmp_path / "relance.toml")
