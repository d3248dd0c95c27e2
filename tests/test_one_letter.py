"""One client, one letter: a coherent account across weeks, in French a client reads."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, all_paragraphs, convert, needs_libreoffice, write_ledger
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx.cli import app
from relance_xlsx.ledger import ALL_KINDS
from relance_xlsx.wording import plain

D = dt.date
ADDRESS = "1 rue A\n75001 Paris"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Adresse", "Niveau de relance", "Date de relance"]  # fmt: skip
START = D(2026, 11, 2)

# Each client shows one trap of invoice-by-invoice letters.
ROWS = [
    # Alpha: one invoice due for a 2nd reminder, one new, one paid since the 1st reminder.
    ["A-1", "Atelier Alpha", D(2026, 8, 1), D(2026, 9, 1), 100.0, 0, ADDRESS, "Relance 1", D(2026, 10, 1)],
    ["A-2", "Atelier Alpha", D(2026, 9, 20), D(2026, 10, 20), 200.0, 0, ADDRESS, None, None],
    ["A-3", "Atelier Alpha", D(2026, 8, 1), D(2026, 9, 1), 300.0, 300.0, ADDRESS, "Relance 1", D(2026, 10, 1)],
    # Bêta: everything paid after a reminder: a thank-you, and only that.
    ["B-1", "Boulangerie Bêta", D(2026, 8, 1), D(2026, 9, 1), 150.0, 150.0, ADDRESS, "Relance 1", D(2026, 10, 1)],
    # Gamma: under mise en demeure (waiting), and a new invoice falls due.
    ["G-1", "Café Gamma", D(2026, 6, 1), D(2026, 7, 1), 400.0, 0, ADDRESS, "Mise en demeure", D(2026, 10, 28)],
    ["G-2", "Café Gamma", D(2026, 9, 25), D(2026, 10, 25), 50.0, 0, ADDRESS, None, None],
    # Delta: one late, one due in a few days (no separate pre-due reminder on the same day).
    ["D-1", "Droguerie Delta", D(2026, 9, 1), D(2026, 10, 1), 80.0, 0, ADDRESS, None, None],
    ["D-2", "Droguerie Delta", D(2026, 10, 5), D(2026, 11, 5), 90.0, 0, ADDRESS, None, None],
]  # fmt: skip


def _office(tmp_path: Path, extra_toml: str = "") -> Path:
    toml = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    (tmp_path / "relance.toml").write_text(
        toml + "\n[policy]\npre_due_reminder = true\npre_due_days = 5\n" + extra_toml, "utf-8"
    )
    return write_ledger(tmp_path / "ledger.xlsx", ROWS, HEADERS)


def _levels(ledger: Path) -> dict[str, str | None]:
    ws = load_workbook(ledger).active
    header = [c.value for c in ws[1]]
    at = header.index("Niveau de relance")
    return {r[0]: r[at] for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}


def _run(ledger: Path, day: dt.date) -> relance_xlsx.RunResult:
    settings = relance_xlsx.load_settings(ledger.parent / "relance.toml")
    return relance_xlsx.run(ledger, settings, as_of=day, out_dir=ledger.parent / day.isoformat())


def _text(path: Path | str) -> str:
    """The letter's text, its invoice numbers' no-break hyphens read as typed (« A-1 ») and
    its no-break spaces (« 30 novembre », « 8 jours », « 100,00 € ») as spaces."""
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    return text.replace("\u2011", "-").replace("\xa0", " ")


def _stages(letter: relance_xlsx.LetterResult) -> dict[str, str]:
    """Each invoice of a letter and the stage of the part it is in."""
    return {n: part["kind"] for part in letter.parts for n in part["invoices"]}


STAGE_LABELS = {"relance_1": "Relance 1", "relance_2": "Relance 2",
                "mise_en_demeure": "Mise en demeure"}  # fmt: skip


def test_first_week_one_envelope_per_client_each_invoice_at_its_own_stage(tmp_path):
    ledger = _office(tmp_path)
    result = _run(ledger, START)
    by_client = {x.client: x for x in result.letters}
    assert len(by_client) == len(result.letters)  # one letter per client
    # Alpha: A-1 is due its 2nd reminder, A-2 its first: one letter, two parts, the letter's
    # kind its highest part.
    alpha = by_client["Atelier Alpha"]
    assert alpha.kind == "relance_2" and alpha.invoices == ["A-1", "A-2"]
    assert _stages(alpha) == {"A-1": "relance_2", "A-2": "relance_1"}
    assert by_client["Boulangerie Bêta"].kind == "remerciement"
    # Gamma is under a formal notice still running and a new invoice falls due: the new one
    # gets its own first reminder; the notice is recalled, never given a second time.
    gamma = by_client["Café Gamma"]
    assert (gamma.kind, gamma.invoices) == ("relance_1", ["G-2"])
    text = _text(gamma.path)
    assert (
        "Pour mémoire, la facture n° G-1 fait l'objet de notre mise en demeure du "
        "28 octobre 2026." in text
    )
    assert "simple oubli" not in text and "RECOMMANDÉE" not in text  # a client under notice
    assert by_client["Droguerie Delta"].invoices == ["D-1"]  # no pre-due letter beside it
    text = _text(alpha.path)
    assert (
        "Malgré notre relance du 1er octobre 2026, la facture n° A-1 ci-dessous reste impayée"
        in text
    )
    assert "Par ailleurs, la facture n° A-2 ci-dessous est arrivée à échéance" in text
    assert "malgré" not in text.split("Par ailleurs, la facture n° A-2")[1].split(".")[0]
    assert "Nous avons bien reçu le règlement de la facture n° A-3" in text
    levels = _levels(ledger)
    assert (levels["A-1"], levels["A-2"]) == ("Relance 2", "Relance 1")
    assert levels["A-3"] == "Réglée – remerciée"
    assert (levels["G-1"], levels["G-2"]) == ("Mise en demeure", "Relance 1")
    assert levels["D-2"] is None


def test_weeks_on_each_client_gets_at_most_one_letter_and_reruns_change_nothing(tmp_path):
    ledger = _office(tmp_path)
    for week in range(8):
        day = START + dt.timedelta(days=7 * week)
        before = _levels(ledger)
        result = _run(ledger, day)
        clients = [x.client for x in result.letters]
        assert len(clients) == len(set(clients)), (day, clients)
        levels = _levels(ledger)
        order = ["", "Relance 1", "Relance 2", "Mise en demeure", "Contentieux"]
        for number, level in levels.items():
            was = before[number] if before[number] in order else ""
            if level in order:  # never two stages above its last letter
                assert order.index(level) <= order.index(was) + 1, (day, number, was, level)
        for letter in result.letters:
            stage = {**dict.fromkeys(letter.invoices, letter.kind), **_stages(letter)}
            for number in letter.invoices:
                expected = STAGE_LABELS.get(stage[number], {
                    "remerciement": "Réglée – remerciée",
                    "pre_echeance": "Rappel avant échéance"}.get(stage[number]))  # fmt: skip
                assert levels[number] == expected, (day, letter.client, number)
        saved = ledger.read_bytes()
        again = _run(ledger, day)
        assert again.letters == [] and again.rows_written == 0, day
        assert ledger.read_bytes() == saved


def test_a_thank_you_waits_while_something_is_left_to_chase(tmp_path):
    rows = [
        ["E-1", "Épicerie Echo", D(2026, 8, 1), D(2026, 9, 1), 100.0, 100.0, ADDRESS, "Relance 1", D(2026, 10, 25)],
        ["E-2", "Épicerie Echo", D(2026, 8, 1), D(2026, 9, 1), 100.0, 0, ADDRESS, "Relance 1", D(2026, 10, 25)],
    ]  # fmt: skip
    toml = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    (tmp_path / "relance.toml").write_text(toml, "utf-8")
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = _run(ledger, D(2026, 11, 2))  # E-2 waits (15 days after its reminder)
    assert result.letters == []  # no « compte à jour » while E-2 is still due
    result = _run(ledger, D(2026, 11, 12))
    assert [(x.kind, x.invoices) for x in result.letters] == [("relance_2", ["E-2"])]
    text = _text(result.letters[0].path)
    assert "bien reçu le règlement de la facture n° E-1" in text


def test_group_by_client_and_stage_keeps_one_letter_per_stage(tmp_path):
    ledger = _office(tmp_path, '\ngroup_by = "client_and_stage"\n')
    result = _run(ledger, START)
    alpha = sorted(x.kind for x in result.letters if x.client == "Atelier Alpha")
    assert alpha == ["relance_1", "relance_2", "remerciement"]


# -- French a client reads, pages fit to post ------------------------------------------------

ELISION_MISSES = re.compile(r"\b(?:de|le|que) (?!Harbour)[AEIOUÉÈÊÀYaeiouéèêà]\w", re.U)


@needs_libreoffice
def test_the_sample_letters_read_right_and_fit_on_their_pages(sample):
    result = relance_xlsx.run(sample, relance_xlsx.load_settings(sample.with_name("relance.toml")),
                              as_of=D(2026, 11, 22), write_workbook=False, pdf=True)  # fmt: skip
    pages = [
        page.extract_text()
        for pdf in (result.bundle_pdf, result.registered_pdf)
        for page in PdfReader(str(pdf)).pages
        if "Page laissée blanche" not in page.extract_text()
    ]
    signature = {"Camille Exemple", "Gérante", "Nous vous prions d'agréer, Madame, Monsieur, "
                 "l'expression de nos salutations distinguées."}  # fmt: skip
    for n, page in enumerate(pages, 1):
        lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
        assert re.search(r"Page \d+", page), f"page {n} has no page number"
        body = [ln for ln in lines if not ln.startswith(("Atelier Exemple SARL –", "Page "))]
        assert not set(body) <= signature, f"page {n} holds only the signature: {body}"
    text = " ".join(" ".join(p.split()) for p in pages)
    assert "de les" not in text and "à l'ordre de Atelier" not in text
    assert not ELISION_MISSES.findall(text), ELISION_MISSES.findall(text)
    assert "simple oubli" not in text or "Ce retard atteint" in text
    # The bundle's clients come in order, each once.
    clients = [x.client for x in result.letters]
    assert clients == sorted(clients, key=str.casefold) and len(clients) == len(set(clients))


def test_init_writes_templates_that_the_run_uses(sample, tmp_path):
    folder = tmp_path / "bureau"
    runner = CliRunner()
    assert runner.invoke(app, ["init", str(folder)]).exit_code == 0
    toml = (folder / "relance.toml").read_text(encoding="utf-8")
    assert re.search(r'^template_dir = "modeles"', toml, re.M)
    template = folder / "modeles" / "relance_1.docx"
    doc = Document(str(template))
    doc.add_paragraph("Texte ajouté par le cabinet.")
    doc.save(str(template))
    ledger = shutil.copy2(sample, folder / sample.name)
    settings = relance_xlsx.load_settings(folder / "relance.toml")
    settings = relance_xlsx.Settings(
        creditor=relance_xlsx.load_settings(ROOT / "sample_workbooks" / "relance.toml").creditor,
        letters=settings.letters,
        config_path=settings.config_path,
    )
    result = relance_xlsx.run(Path(ledger), settings, as_of=D(2026, 11, 22), write_workbook=False)
    assert result.templates == str(folder / "modeles")
    first = next(x for x in result.letters if x.kind == "relance_1")
    assert "Texte ajouté par le cabinet." in "\n".join(
        p.text for p in Document(first.path).paragraphs
    )


@pytest.mark.parametrize(
    "days_late, courteous", [(30, True), (45, True), (46, False), (584, False)]
)
def test_a_very_old_debt_is_no_simple_oversight(tmp_path, days_late, courteous):
    due = D(2026, 11, 22) - dt.timedelta(days=days_late)
    rows = [
        ["O-1", "Client Oméga", due - dt.timedelta(days=30), due, 100.0, 0, ADDRESS, None, None]
    ]
    (tmp_path / "relance.toml").write_text(
        (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8"), "utf-8"
    )
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    result = _run(ledger, D(2026, 11, 22))
    text = _text(result.letters[0].path)
    assert ("simple oubli" in text) is courteous
    assert (f"Ce retard atteint {days_late} jours" in text) is not courteous


def test_a_statement_of_account_on_request_changes_no_level(tmp_path):
    ledger = _office(tmp_path)
    before = _levels(ledger)
    runner = CliRunner()
    out = tmp_path / "releves"
    result = runner.invoke(app, ["run", str(ledger), "--as-of", "2026-11-02", "--out", str(out),
                                 "--releve", "café  GAMMA", "--releve", "Personne", "--json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    import json

    doc = json.loads(result.stdout)
    statement = next(x for x in doc["letters"] if x["kind"] == "releve")
    assert statement["client"] == "Café Gamma" and statement["total_due"] == 450.0
    assert any("« Personne »" in w for w in doc["warnings"])
    letter = Document(statement["path"])
    rows = [[c.text for c in r.cells] for r in letter.tables[0].rows]
    # Typeset: a no-break hyphen in the numbers, a narrow no-break space before « : ».
    assert [plain(r[0]) for r in rows[1:]] == ["Facture G-1", "Facture G-2"]
    text = "\n".join(p.text for p in all_paragraphs(letter))
    assert "Solde du compte\u202f: 450,00\xa0€" in text
    # The statement comes right after the client's own letter in the bundle.
    kinds = [(x["client"], x["kind"]) for x in doc["letters"]]
    at = kinds.index(("Café Gamma", "releve"))
    assert kinds[at - 1] == ("Café Gamma", "relance_1")
    after = _levels(ledger)
    # The statement changed nothing: G-1 keeps its notice, G-2 got its own first reminder.
    assert after["G-1"] == "Mise en demeure" == before["G-1"] and after["G-2"] == "Relance 1"


def test_every_formal_notice_carries_the_statement(tmp_path):
    ledger = _office(tmp_path)
    _run(ledger, START)
    result = _run(ledger, D(2026, 11, 16))  # 14 days after its 2nd reminder
    notice = next(x for x in result.letters if x.kind == "mise_en_demeure")
    text = _text(notice.path)
    assert (
        "Relevé de compte au 16 novembre 2026" in text and "Solde du compte\u202f: 300,00 €" in text
    )


@pytest.mark.parametrize("interest", [False, True], ids=["no-interest", "interest-configured"])
@pytest.mark.parametrize(
    "kind_level", [("relance_2", "Relance 1"), ("mise_en_demeure", "Relance 2")]
)
def test_a_consumer_is_never_claimed_the_40_euros_nor_business_penalties(
    tmp_path, kind_level, interest
):
    kind, level = kind_level
    headers = [*HEADERS, "Type client"]
    rows = [
        ["P-1", "M. Jean Petit", D(2026, 8, 1), D(2026, 9, 1), 300.0, 0, ADDRESS, level, D(2026, 10, 1), "Particulier"],
        ["E-1", "Entreprise Zeta", D(2026, 8, 1), D(2026, 9, 1), 300.0, 0, ADDRESS, level, D(2026, 10, 1), "Professionnel"],
    ]  # fmt: skip
    toml = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    extra = f"\n[policy]\ninterest_for_consumers = {'true' if interest else 'false'}\n"
    (tmp_path / "relance.toml").write_text(toml + extra, "utf-8")
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    result = _run(ledger, D(2026, 11, 22))
    letters = {x.client: x for x in result.letters}
    assert {x.kind for x in letters.values()} == {kind}

    def text(client: str) -> str:
        doc = Document(letters[client].path)
        return "\n".join(p.text for p in doc.paragraphs).replace("\u2011", "-")

    consumer, business = text("M. Jean Petit"), text("Entreprise Zeta")
    for legal in ("L441-10", "D441-5", "40,00", "indemnité forfaitaire"):
        assert legal not in consumer and legal.lower() in business.lower()
    # The legal interest is named only when the office claims it (interest_for_consumers),
    # and never as a line of 0,00 € before a formal notice exists.
    assert ("1231-6" in consumer) is interest
    assert "taux légal depuis la mise en demeure" not in consumer
    assert letters["M. Jean Petit"].total_due == 300.0  # the principal only
    assert letters["Entreprise Zeta"].total_due > 340.0  # principal, interest and 40 €


def test_new_invoices_never_hold_back_the_oldest_one(tmp_path):
    """A client who keeps buying: the old invoice listed again keeps its date and escalates."""
    rows = [
        ["OLD", "Client Fidèle", D(2026, 8, 1), D(2026, 9, 1), 100.0, 0, ADDRESS, "Relance 1", D(2026, 10, 20)],
        ["NEW", "Client Fidèle", D(2026, 9, 28), D(2026, 10, 28), 100.0, 0, ADDRESS, None, None],
    ]  # fmt: skip
    (tmp_path / "relance.toml").write_text(
        (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8"), "utf-8"
    )
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, HEADERS)
    first = _run(ledger, D(2026, 10, 30))
    assert [(x.kind, sorted(x.invoices)) for x in first.letters] == [("relance_1", ["NEW", "OLD"])]
    ws = load_workbook(ledger).active
    dates = {r[0]: r[8] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert dates["OLD"].date() == D(2026, 10, 20) and dates["NEW"].date() == D(2026, 10, 30)
    # 17 days after OLD's reminder, but the letter of 30/10 asked for both by 07/11: no step
    # before that day (test_letter_deadline.py); the day after it, OLD escalates.
    assert _run(ledger, D(2026, 11, 6)).letters == []
    later = _run(ledger, D(2026, 11, 8))
    assert [(x.kind, sorted(x.invoices)) for x in later.letters] == [("relance_2", ["NEW", "OLD"])]


def test_a_public_buyer_is_claimed_moratory_interest_under_the_public_code(tmp_path):
    headers = [*HEADERS, "Type client"]
    rows = [["C-1", "Commune de Saint-Priest", D(2026, 8, 1), D(2026, 9, 1), 300.0, 0, ADDRESS,
             "Relance 2", D(2026, 10, 1), "Collectivité"]]  # fmt: skip
    (tmp_path / "relance.toml").write_text(
        (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8"), "utf-8"
    )
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    result = _run(ledger, D(2026, 11, 22))
    (letter,) = result.letters
    text = "\n".join(p.text for p in Document(letter.path).paragraphs).replace("\u2011", "-")
    assert "R2192-31" in text and "L441-10" not in text and "12,15" not in text
    # 2 Sep to 22 Nov 2026: 82 days at 2,15 + 8 = 10,15 %: 300 × 10,15 % × 82 / 365 = 6,84;
    # with the 40 € indemnity: 346,84
    assert letter.total_due == 346.84


@pytest.mark.parametrize(
    ("cell", "deadline"),
    [
        pytest.param(
            "Redressement judiciaire, BODACC du 12/11/2026", "12/01/2027", id="text-with-date"
        ),
        pytest.param(D(2026, 11, 30), "30/01/2027", id="a-date"),
        pytest.param("Liquidation judiciaire", None, id="no-date"),
    ],
)
def test_collective_proceedings_stop_every_reminder_and_say_when_to_declare(
    tmp_path, cell, deadline
):
    headers = [*HEADERS, "Procédure collective"]
    rows = [
        ["R-1", "Garage Rouge", D(2026, 8, 1), D(2026, 9, 1), 300.0, 0, ADDRESS, "Relance 2", D(2026, 10, 1), cell],
        ["R-2", "Garage Rouge", D(2026, 9, 1), D(2026, 10, 1), 200.0, 0, ADDRESS, None, None, None],
        ["V-1", "Garage Vert", D(2026, 9, 1), D(2026, 10, 1), 100.0, 0, ADDRESS, None, None, "non"],
    ]  # fmt: skip
    (tmp_path / "relance.toml").write_text(
        (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8"), "utf-8"
    )
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    result = _run(ledger, D(2026, 11, 22))
    assert [x.client for x in result.letters] == ["Garage Vert"]
    rouge = [i for i in result.invoices if i.client == "Garage Rouge"]
    assert {i.action for i in rouge} == {"insolvency"}
    assert all(i.interest == 0 and i.indemnity == 0 for i in rouge)
    for invoice in rouge:
        assert "L622-21" in invoice.reason and "R622-24" in invoice.reason
        if deadline:
            assert f"au plus tard le {deadline}" in invoice.reason


def test_a_formal_notice_over_three_half_years_shows_each_period_and_its_rate(tmp_path):
    """CPC 1407: a delay from December 2025 to November 2026 is claimed period by period.

    1 000 € due 1/12/2025: 30 days of H2 2025 at 12,15 % (ECB 2,15 on 1 July 2025 + 10),
    9,99 €; 181 days of H1 2026 at 12,15 % (ECB 2,15 on 1 January 2026), 60,25 €; 145 days
    of H2 2026 at 12,15 %, 48,27 €. One rate here: the letter names it once, and the
    breakdown still lists the three periods, which add up to the interest claimed.
    """
    headers = HEADERS
    rows = [["F-OLD", "Client Ancien", D(2025, 11, 1), D(2025, 12, 1), 1000.0, 0, ADDRESS, "Relance 2", D(2026, 10, 1)]]  # fmt: skip
    (tmp_path / "relance.toml").write_text(
        (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8"), "utf-8"
    )
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    result = _run(ledger, D(2026, 11, 22))
    [invoice] = result.to_json()["invoices"]
    periods = [
        (p["start"], p["end"], p["days"], p["interest"]) for p in invoice["interest_periods"]
    ]
    assert periods == [
        (D(2025, 12, 2), D(2025, 12, 31), 30, 9.99),
        (D(2026, 1, 1), D(2026, 6, 30), 181, 60.25),
        (D(2026, 7, 1), D(2026, 11, 22), 145, 48.27),
    ]
    assert invoice["interest"] == 118.51
    [letter] = result.letters
    assert letter.kind == "mise_en_demeure" and letter.total_due == 1000 + 118.51 + 40
    text = _all_text(Path(letter.path))
    for day in ("02/12/2025", "31/12/2025", "01/01/2026", "30/06/2026", "01/07/2026"):
        assert day in text
    for amount in ("9,99", "60,25", "48,27", "118,51"):
        assert amount in text
    assert "jusqu'à parfait paiement" in text and "réception de la présente" in text


def _all_text(path: Path) -> str:
    """Paragraphs and table cells of a .docx, as one text."""
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([*(p.text for p in doc.paragraphs), *cells])


@pytest.mark.parametrize("kept", [True, False], ids=["kept", "broken"])
def test_a_promise_to_pay_over_three_weeks(tmp_path, kept):
    """Week 1: a promise for 30/11 holds the reminder. Week 2 (4/12, after 3 days of grace):
    paid, the client is thanked; unpaid, the escalation resumes where it stopped, the reason
    says the promise was not kept, and the client is on the call list."""
    headers = [*HEADERS, "Promesse de paiement"]
    rows = [["P-1", "Client Promis", D(2026, 9, 1), D(2026, 10, 1), 500.0, 0, ADDRESS, "Relance 1", D(2026, 11, 1), D(2026, 11, 30)]]  # fmt: skip
    (tmp_path / "relance.toml").write_text(
        (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8"), "utf-8"
    )
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, headers)
    week1 = _run(ledger, D(2026, 11, 22))
    [invoice] = week1.invoices
    assert (invoice.action, invoice.level) == ("wait", 1) and not week1.letters
    assert invoice.reason.startswith("Promesse de paiement au 30/11/2026")
    book = load_workbook(ledger)
    if kept:
        book.active["F2"] = 500.0  # Montant réglé
    book.save(ledger)
    week2 = _run(ledger, D(2026, 12, 4))
    [invoice] = week2.invoices
    if kept:
        assert invoice.action == "thanks" and "non tenue" not in invoice.reason
        return
    assert (invoice.action, invoice.level) == ("letter", 2)
    assert "promesse du 30/11/2026 non tenue" in invoice.reason
    calls = relance_xlsx.report(
        ledger,
        relance_xlsx.load_settings(tmp_path / "relance.toml"),
        as_of=D(2026, 12, 4),
        write=False,
    ).figures.calls
    assert [c.client for c in calls] == ["Client Promis"] and "non tenue" in calls[0].why


def test_a_running_promise_keeps_its_invoice_out_of_the_client_s_letter(tmp_path):
    headers = [*HEADERS, "Promesse de paiement"]
    rows = [
        ["P-1", "Client Promis", D(2026, 9, 1), D(2026, 10, 1), 500.0, 0, ADDRESS, "Relance 1", D(2026, 11, 1), D(2026, 11, 30)],
        ["P-2", "Client Promis", D(2026, 9, 5), D(2026, 10, 5), 200.0, 0, ADDRESS, "Relance 1", D(2026, 11, 1), None],
    ]  # fmt: skip
    (tmp_path / "relance.toml").write_text(
        (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8"), "utf-8"
    )
    result = _run(write_ledger(tmp_path / "ledger.xlsx", rows, headers), D(2026, 11, 22))
    assert [(x.kind, x.invoices) for x in result.letters] == [("relance_2", ["P-2"])]


NOTICE_HEADERS = [*HEADERS, "N° recommandé", "Date AR"]


@pytest.mark.parametrize(
    ("ar", "day", "action"),
    [
        # Sent 1/11, 15 days of deadline: litigation on 16/11 without an AR date.
        pytest.param(None, D(2026, 11, 16), "litigation", id="no-ar-from-the-letter-date"),
        # Received 10/11: the deadline runs from there, litigation from 25/11 only.
        pytest.param(D(2026, 11, 10), D(2026, 11, 22), "wait", id="ar-moves-the-deadline"),
        pytest.param(D(2026, 11, 10), D(2026, 11, 25), "litigation", id="ar-deadline-passed"),
    ],
)
def test_litigation_waits_for_the_notice_s_deadline_counted_from_its_receipt(
    tmp_path, ar, day, action
):
    rows = [["M-1", "Client Mis", D(2026, 8, 1), D(2026, 9, 1), 900.0, 0, ADDRESS, "Mise en demeure", D(2026, 11, 1), "1A 234 567 8901 2", ar]]  # fmt: skip
    (tmp_path / "relance.toml").write_text(
        (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8"), "utf-8"
    )
    ledger = write_ledger(tmp_path / "ledger.xlsx", rows, NOTICE_HEADERS)
    [invoice] = _run(ledger, day).invoices
    assert invoice.action == action
    if action == "litigation":
        journal = load_workbook(ledger)["Journal des relances"]
        texts = " ".join(str(c.value) for row in journal.iter_rows() for c in row if c.value)
        assert "LRAR n° 1A 234 567 8901 2" in texts
        assert ("AR du 10/11/2026" in texts) is (ar is not None)


def test_a_notice_without_its_date_never_goes_to_litigation(tmp_path):
    rows = [
        ["M-2", "Client Flou", D(2026, 8, 1), D(2026, 9, 1), 900.0, 0, ADDRESS, "Mise en demeure", None, None, None],
        ["OK-1", "Client Net", D(2026, 11, 1), D(2026, 12, 1), 100.0, 0, ADDRESS, None, None, None, None],
    ]  # fmt: skip
    (tmp_path / "relance.toml").write_text(
        (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8"), "utf-8"
    )
    result = _run(write_ledger(tmp_path / "ledger.xlsx", rows, NOTICE_HEADERS), D(2026, 11, 22))
    invoice = result.invoices[0]
    assert invoice.action != "litigation" and invoice.level == 3
    assert [(p.row, p.column) for p in result.problems] == [(2, "Niveau de relance")]
    assert "mise en demeure sans date" in result.problems[0].message


@needs_libreoffice
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_consumer_letters_of_every_kind_converted_by_libreoffice_claim_no_b2b_penalty(
    tmp_path, language
):
    """Every kind of letter a consumer can get, in PDF: no « 40,00 », D441-5 or L441-10."""
    from relance_xlsx.letters import bundled_templates, render_letter, sample_context

    folder = bundled_templates() / ("" if language == "fr" else "en")
    pdfs = []
    for template in sorted(folder.glob("*.docx")):
        context = sample_context(language, template.stem, client_type="consumer")
        target = tmp_path / f"{template.stem}.docx"
        render_letter(template, context, target)
        pdfs.append(convert(target, "pdf", tmp_path))
    # Every kind, the claim for penalties of invoices paid late included.
    assert sorted(p.stem for p in pdfs) == sorted(ALL_KINDS)
    for pdf in pdfs:
        text = " ".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
        text = text.replace("\xa0", " ").replace("\u202f", " ")
        for word in ("40,00", "40.00", "D441-5", "L441-10"):
            assert word not in text, f"{pdf.name}: {word}"
