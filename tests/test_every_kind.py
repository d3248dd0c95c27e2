"""Letters and e-mails of every kind, French and English, for a business, a public buyer and a
consumer, converted by real LibreOffice: none of the false sentences of issue 28, and each
e-mail states the same deadline, total and invoices as its letter."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
import re
import subprocess
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from conftest import ROOT, needs_libreoffice, write_ledger
from pypdf import PdfReader

import relance_xlsx
from relance_xlsx.wording import money

D = dt.date
AS_OF = D(2026, 11, 22)
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Date règlement", "Adresse", "Type client", "Langue", "E-mail",
           "Niveau de relance", "Date de relance"]  # fmt: skip
TYPES = {"business": "Professionnel", "public": "Collectivité", "consumer": "Particulier"}


def _rows(kind: str, lang: str) -> list[list]:
    """One client per kind of letter: a first reminder, a second, a formal notice with a part
    at each lower stage and penalties, penalties alone, a thank-you, a courtesy reminder."""
    t = TYPES[kind]
    consumer = kind == "consumer"
    out = []

    def add(client, number, due, amount, paid=0.0, paid_on=None, level=None, date=None):
        name = f"{client} {kind} {lang}"
        out.append([f"{number}-{kind[:3]}-{lang}", name, due - dt.timedelta(days=30), due, amount, paid,
                    paid_on, "1 rue A\n75001 Paris", t, lang, f"{client.lower()}@example.fr", level, date])  # fmt: skip

    add("Un", "R1", D(2026, 11, 10), 100.0)
    add("Deux", "R2", D(2026, 10, 1), 200.0, level="Relance 1", date=D(2026, 11, 1))
    add("Trois", "MD", D(2026, 9, 1), 1000.0, level="Relance 2", date=D(2026, 11, 5))
    add("Trois", "WAIT", D(2026, 10, 15), 300.0, level="Relance 1", date=D(2026, 11, 15))
    add("Trois", "NEW", D(2026, 11, 15), 400.0)
    # Paid late: a consumer owes interest only from a notice, so his had one.
    late = ("Mise en demeure", D(2026, 10, 20)) if consumer else ("Relance 1", D(2026, 10, 10))
    add("Trois", "PAID", D(2026, 10, 1), 500.0, 500.0, D(2026, 11, 18), *late)
    add("Quatre", "PEN", D(2026, 10, 1), 600.0, 600.0, D(2026, 11, 15), *late)
    add("Cinq", "THX", D(2026, 10, 1), 700.0, 700.0, None, "Relance 1", D(2026, 10, 20))
    add("Six", "PRE", D(2026, 11, 25), 800.0)
    return out


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("every-kind")
    toml = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    # claim_minimum = 0: a consumer's penalties letter of a few euros is one of the kinds.
    toml += '\n[policy]\npre_due_reminder = true\ninterest_for_consumers = true\nclaim_after_payment = "letter"\nclaim_minimum = 0\n'
    (folder / "relance.toml").write_text(toml, "utf-8")
    rows = [r for kind in TYPES for lang in ("fr", "en") for r in _rows(kind, lang)]
    ledger = write_ledger(folder / "ledger.xlsx", rows, HEADERS)
    settings = relance_xlsx.load_settings(folder / "relance.toml")
    result = relance_xlsx.run(ledger, settings, as_of=AS_OF, email=True, pdf=True,
                              write_workbook=False, out_dir=folder / "out")  # fmt: skip
    return result, folder / "out"


def _flat(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").split())


def _pdf_text(path: Path) -> str:
    return _flat(" ".join(page.extract_text() for page in PdfReader(str(path)).pages))


def _mail_text(path: Path) -> str:
    msg = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    return _flat(msg["Subject"] + "\n" + msg.get_body(("plain",)).get_content())


def _type_lang(client: str) -> tuple[str, str]:
    _, kind, lang = client.split()
    return kind, lang


# Sentences that were false in letters the tool sent (issue 28), by the client's type.
FALSE_ALL = [r"fait courir les intérêts", r"factures n° factures", r"invoices invoices", r"facture n° facture",
             r"conditions générales de vente", r"terms of sale", r"\binvoices [A-Z0-9, -]+(?: and [A-Z0-9-]+)? is\b",
             r"\binvoice [A-Z0-9-]+ (?:are|remain)\b"]  # fmt: skip
FALSE = {
    "business": [r"R2192", r"1231-6", r"référé", r"L2192"],
    "public": [r"injonction de payer", r"order for payment", r"saisie", r"seiz", r"L441-10", r"D441-5", r"1231-6", r"1344"],
    "consumer": [r"L441-10", r"D441-5", r"40,00", r"€40\.00", r"indemnité forfaitaire", r"fixed compensation",
                 r"R2192", r"(?:Intérêts au taux légal|legal rate)[^€]*: (?:0,00 €|€0\.00)"],
}  # fmt: skip


@needs_libreoffice
def test_every_kind_for_every_client_type_in_both_languages_says_nothing_false(office):
    result, out = office
    assert result.to_complete == [], [(x.client, x.missing) for x in result.to_complete]
    made = {(_type_lang(x.client), x.kind) for x in result.letters}
    for kind in TYPES:
        for lang in ("fr", "en"):
            for letter_kind in (
                "relance_1",
                "relance_2",
                "mise_en_demeure",
                "penalites",
                "remerciement",
                "pre_echeance",
            ):
                assert ((kind, lang), letter_kind) in made, (kind, lang, letter_kind)
    for letter in result.letters:
        kind, lang = _type_lang(letter.client)
        pdf = out / "pdf" / f"{Path(letter.path).stem}.pdf"
        texts = {
            "letter": _pdf_text(pdf),
            "e-mail": _mail_text(out / "emails" / f"{Path(letter.path).stem}.eml"),
        }
        for what, text in texts.items():
            for wrong in [*FALSE_ALL, *FALSE[kind]]:
                assert not re.search(wrong, text), (letter.client, letter.kind, what, wrong)
        if letter.kind in ("relance_2", "mise_en_demeure", "penalites"):
            # A letter that claims penalties is never to be disregarded once the principal is paid.
            assert not re.search(r"ne pas tenir compte|disregard", " ".join(texts.values())), (
                letter.client
            )
        if letter.kind == "mise_en_demeure":
            under_notice = texts["letter"]
            assert not re.search(
                r"Nous vous remercions du règlement|Thank you for your payment", under_notice
            )
            assert re.search(r"LETTRE RECOMMANDÉE|REGISTERED LETTER", under_notice)
            assert (
                "tribunal administratif" in under_notice or "administrative court" in under_notice
            ) is (kind == "public")
        else:
            assert not re.search(r"RECOMMANDÉE|REGISTERED", texts["letter"])


DEADLINES = [
    r"dans un délai de (\d+) jours à compter de la réception",
    r"dans le même délai de (\d+) jours à compter de la réception",
    r"au plus tard le (\d{1,2}(?:er)? [a-zéû]+ \d{4})",
    r"within (\d+) days of receiving",
    r"within the same (\d+) days of receiving",
    r"\bby (\d{1,2} [A-Z][a-z]+ \d{4})",
]
AMOUNT = re.compile(r"-?\d{1,3}(?: \d{3})*,\d{2} €|-?€\d{1,3}(?:,\d{3})*\.\d{2}")
NUMBER = re.compile(r"\b[A-Z0-9]+-(?:bus|pub|con)-(?:fr|en)\b")


@needs_libreoffice
def test_each_email_states_its_letter_s_deadline_total_and_invoices(office):
    result, out = office
    compared = 0
    for letter in result.letters:
        _, lang = _type_lang(letter.client)
        stem = Path(letter.path).stem
        text = _pdf_text(out / "pdf" / f"{stem}.pdf")
        mail = _mail_text(out / "emails" / f"{stem}.eml")
        for pattern in DEADLINES:
            assert set(re.findall(pattern, mail)) == set(re.findall(pattern, text)), (
                letter.client,
                letter.kind,
                pattern,
            )
        assert _flat(money(letter.total_due, "EUR", lang)) in mail, (
            letter.client,
            letter.kind,
            letter.total_due,
        )
        assert set(AMOUNT.findall(mail)) <= set(AMOUNT.findall(text)), (letter.client, letter.kind)
        invoices = set(letter.invoices)
        assert set(NUMBER.findall(mail)) == invoices, (
            letter.client,
            letter.kind,
            NUMBER.findall(mail),
        )
        assert invoices <= set(NUMBER.findall(text)), (letter.client, letter.kind)
        compared += 1
    assert compared == len(result.letters) == 36


NUMERIC_DATE = re.compile(r"\b\d{2}/\d{2}/\d{4}\b")


def _sentences_with_numeric_dates(pdf: Path) -> list[str]:
    """The lines of LibreOffice's PDF that hold a date as 22/11/2026 beside other words: a
    table's cell comes out as a line of its own (« 08/07/2026 »), a sentence does not."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    return [
        line
        for line in text.splitlines()
        if NUMERIC_DATE.search(line) and not NUMERIC_DATE.fullmatch(line.strip())
    ]


@needs_libreoffice
def test_dates_in_sentences_are_written_out_in_letters_and_e_mails(office):
    """« arrêtées au 22 novembre 2026 », « dernier règlement le 5 octobre 2026 », « Relevé de
    compte au 22 novembre 2026 », « échue le 1er octobre 2026 »: only the tables keep
    22/11/2026 (issue 33's mailroom review)."""
    result, out = office
    seen = {"fr": 0, "en": 0}
    for letter in result.letters:
        _, lang = _type_lang(letter.client)
        stem = Path(letter.path).stem
        pdf = out / "pdf" / f"{stem}.pdf"
        assert _sentences_with_numeric_dates(pdf) == [], (letter.client, letter.kind)
        mail = _mail_text(out / "emails" / f"{stem}.eml")
        assert not NUMERIC_DATE.search(mail), (letter.client, letter.kind, mail)
        long = r"\b\d{1,2}(?:er)? [a-zéû]+ 2026" if lang == "fr" else r"\b\d{1,2} [A-Z][a-z]+ 2026"
        seen[lang] += len(re.findall(long, _pdf_text(pdf)))
    assert seen["fr"] > 30 and seen["en"] > 30, seen


NOTICE = {"fr": "dans un délai de 8 jours à compter de la réception",
          "en": "within 8 days of receiving"}  # fmt: skip
SAME = {"fr": "dans le même délai de 8 jours à compter de la réception",
        "en": "within the same 8 days of receiving"}  # fmt: skip
DATED = {"fr": r"au plus tard le \d", "en": r"\bby \d{1,2} [A-Z][a-z]+ \d{4}"}


@needs_libreoffice
def test_one_deadline_in_an_envelope_that_gives_a_formal_notice(office):
    """The notice's delay runs from its receipt; the envelope's other parts (a second or a
    first reminder, penalties) ask for payment within that same delay, never by a date of
    their own beside it; the e-mail copy says the same. Letters without a notice keep their
    date."""
    result, out = office
    checked = 0
    for letter in result.letters:
        _, lang = _type_lang(letter.client)
        stem = Path(letter.path).stem
        texts = {"letter": _pdf_text(out / "pdf" / f"{stem}.pdf"),
                 "e-mail": _mail_text(out / "emails" / f"{stem}.eml")}  # fmt: skip
        others = len(letter.parts) - 1
        for what, text in texts.items():
            dated = len(re.findall(DATED[lang], text))
            said = (text.count(NOTICE[lang]), text.count(SAME[lang]), dated)
            if letter.kind == "mise_en_demeure":
                assert others >= 2, [p["kind"] for p in letter.parts]
                assert said == (1, others, 0), (letter.client, what, said)
                checked += 1
            elif letter.kind in ("relance_1", "relance_2", "penalites"):
                assert said[:2] == (0, 0) and said[2] >= 1, (letter.client, what, said)
    assert checked == 12  # a notice for each type of client and language, letter and e-mail
