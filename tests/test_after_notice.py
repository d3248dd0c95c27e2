"""A client under formal notice is never thanked nor told « simple oubli » (the lawyer's review
of issue 28, D4): the letter after a notice whose principal was paid says the payment came after
the notice and claims what remains, by the law of the client's type."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from conftest import complete_settings, write_ledger
from docx import Document
from openpyxl import load_workbook

import relance_xlsx

D = dt.date
HEADERS = ["N° facture", "Client", "Type client", "Adresse", "Date facture", "Échéance", "Montant TTC",
           "Montant réglé", "Date règlement", "Niveau de relance", "Date de relance"]  # fmt: skip
ADDRESS = "1 rue A\n69001 Lyon"
# Her w3: four clients under a notice typed in the ledger, each paid the principal on 30/10.
ROWS = [
    ["Z1", "Zeta SARL", "professionnel", ADDRESS, D(2026, 8, 1), D(2026, 8, 31), 6000.0, 6000.0, D(2026, 10, 30), "Mise en demeure", D(2026, 10, 26)],
    ["Y1", "Commune de Yzeron", "Commune", ADDRESS, D(2026, 8, 1), D(2026, 8, 31), 3000.0, 3000.0, D(2026, 10, 30), "Mise en demeure", D(2026, 10, 26)],
    ["X1", "M. Xavier Roy", "particulier", ADDRESS, D(2026, 8, 1), D(2026, 8, 31), 900.0, 900.0, D(2026, 10, 30), "Mise en demeure", D(2026, 10, 20)],
    ["W1", "Omega SAS", "professionnel", ADDRESS, D(2026, 8, 1), D(2026, 8, 31), 1000.0, 1000.0, D(2026, 10, 30), "Mise en demeure", D(2026, 10, 26)],
    ["W2", "Omega SAS", "professionnel", ADDRESS, D(2026, 9, 28), D(2026, 10, 28), 150.0, None, None, None, None],
]  # fmt: skip


@pytest.fixture(scope="module")
def letters(tmp_path_factory) -> dict[str, tuple[float, str]]:
    """One run on 02/11/2026: each client's letter, its total and its text."""
    tmp = tmp_path_factory.mktemp("after_notice")
    ledger = write_ledger(tmp / "ledger.xlsx", ROWS, HEADERS)
    settings = complete_settings()
    # The lawyer's relance.toml: the penalties of invoices paid late are claimed by letter.
    settings = replace(
        settings,
        policy=replace(
            settings.policy,
            claim_after_payment="letter",
            interest_for_consumers=True,
            claim_minimum=0.0,  # the consumer's 0,52 € is claimed all the same (its wording)
        ),
    )
    result = relance_xlsx.run(ledger, settings, as_of=D(2026, 11, 2), out_dir=tmp / "out")
    out = {}
    for x in result.letters:
        text = " ".join(p.text for p in Document(x.path).paragraphs).replace("\u2011", "-")
        out[x.client] = (x.total_due, " ".join(text.split()))
    return out


@pytest.mark.parametrize(
    ("client", "total", "says"),
    [
        # 01/09–30/10, 60 days: 6 000 × 12,15 % × 60 / 365 = 119,84; + 40 € = 159,84 €.
        pytest.param("Zeta SARL", 159.84,
                     ["Le règlement de la facture n° Z1 ci-dessous, objet de notre mise en demeure du 26 octobre 2026, nous est parvenu le 30 octobre 2026, après cette mise en demeure. Il ne couvre que le principal : les pénalités de retard et l'indemnité forfaitaire pour frais de recouvrement restent dues.",
                      "Nous vous demandons de nous régler la somme de 159,84"], id="business"),
        # Intérêts moratoires: ECB 2,15 % + 8 = 10,15 %, 60 days on 3 000 € = 50,05; + 40 € = 90,05 €.
        pytest.param("Commune de Yzeron", 90.05,
                     ["objet de notre mise en demeure du 26 octobre 2026, nous est parvenu le 30 octobre 2026, après cette mise en demeure. Il ne couvre que le principal : les intérêts moratoires et l'indemnité forfaitaire pour frais de recouvrement restent dus.",
                      "intérêts moratoires (article L2192-13"], id="public-buyer"),
        # Code civil 1231-6: from the notice (20/10), received, without an AR, two days after
        # it was sent (22/10): 23/10–30/10, 8 days on 900 € at the legal rate 2,62 %:
        # 900 × 2,62 % × 8 / 365 = 0,5168 → 0,52 €; no 40 € for a consumer.
        pytest.param("M. Xavier Roy", 0.52,
                     ["objet de notre mise en demeure du 20 octobre 2026, nous est parvenu le 30 octobre 2026, après cette mise en demeure. Il ne couvre que le principal : les intérêts au taux légal courus depuis cette mise en demeure restent dus.",
                      "la somme due a porté intérêts au taux légal à compter de notre mise en demeure du 20 octobre 2026"], id="consumer"),
        # W2 (150 €, 5 days late) at relance 1, then W1's penalties: 1 000 × 12,15 % × 60 / 365
        # = 19,97 + 40 € = 59,97 €; 150 + 59,97 = 209,97 €. No « simple oubli » a week after a notice.
        pytest.param("Omega SAS", 209.97,
                     ["Par ailleurs, le règlement de la facture n° W1 ci-dessous, objet de notre mise en demeure du 26 octobre 2026, nous est parvenu le 30 octobre 2026, après cette mise en demeure.",
                      "Nous vous demandons de nous régler la somme de 150,00"],
                     id="omega-new-invoice-and-noticed-one"),
    ],
)  # fmt: skip
def test_no_thanks_after_a_notice(letters, client, total, says):
    claimed, text = letters[client]
    assert claimed == total
    for sentence in says:
        assert sentence in text, text
    for never in ("remercions du règlement", "simple oubli", "vous en remercions", "Thank you"):
        assert never not in text


def test_a_thank_you_after_a_notice_thanks_no_one(tmp_path):
    """Penalties not claimed by letter (claim_after_payment = "never"): the receipt of a payment
    after a notice is acknowledged, without thanks, and says it came after the notice."""
    ledger = write_ledger(tmp_path / "ledger.xlsx", ROWS[:1], HEADERS)
    result = relance_xlsx.run(
        ledger, complete_settings(), as_of=D(2026, 11, 2), out_dir=tmp_path / "out"
    )
    [letter] = result.letters
    text = " ".join(" ".join(p.text for p in Document(letter.path).paragraphs).split())
    text = text.replace("\u2011", "-")  # article numbers never cut at a line's end
    assert (
        "objet de notre mise en demeure du 26 octobre 2026, pour un montant de 6 000,00 €. Ce règlement nous est parvenu le 30 octobre 2026, après cette mise en demeure."
        in text
    )
    assert "remercions" not in text


def test_a_receipt_acknowledged_after_a_notice_is_never_called_a_thank_you(tmp_path):
    """The label and the next weeks' status say what was sent: an acknowledgement, no thanks;
    and nothing is sent again."""
    ledger = write_ledger(tmp_path / "ledger.xlsx", ROWS[:1], HEADERS)
    seen = []
    for day in (D(2026, 11, 2), D(2026, 11, 9), D(2026, 11, 16)):
        result = relance_xlsx.run(
            ledger, complete_settings(), as_of=day, out_dir=tmp_path / str(day)
        )
        sheet = load_workbook(ledger).worksheets[0]
        header = [c.value for c in sheet[1]]
        row = dict(zip(header, (c.value for c in sheet[2]), strict=True))
        seen.append((len(result.letters), row["Niveau de relance"], row["Statut relance"]))
        # the preview's line for the letter says the same
        assert [line.why for x in result.letters for line in x.lines] == [
            "Réglée : règlement accusé, sans remerciement"
        ] * len(result.letters)
    assert [s[0] for s in seen] == [1, 0, 0]
    assert {s[1] for s in seen} == {"Réglée – règlement accusé"}
    assert seen[0][2].startswith("Réglée : règlement accusé, sans remerciement")
    for _, _, status in seen[1:]:
        assert status.startswith("Réglée (règlement déjà accusé au client, sans remerciement)")
        assert "remerciement déjà envoyé" not in status
