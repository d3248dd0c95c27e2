"""A letter in parts through the mailroom (issues 28 and 33): one envelope holding a formal
notice, a second reminder and a first reminder is registered as a whole, typeset like any
letter in every part, and laid out so that no part's totals are split across two pages.
Checked on LibreOffice's PDFs."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, all_paragraphs, needs_libreoffice, write_ledger
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

import relance_xlsx
from relance_xlsx.wording import plain

D = dt.date
AS_OF = D(2026, 11, 22)
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
           "Date règlement", "Adresse", "Code postal", "Ville", "Pays", "Type client", "Langue",
           "Niveau de relance", "Date de relance"]  # fmt: skip
DUPONT = "Boulangerie Dupont & Fils"


def _row(no, client, due, amount, level=None, date=None, lang="fr", where=None):
    street, postcode, town, country = where or ("12 rue de la Paix", "75002", "Paris", None)
    return [no, client, due - dt.timedelta(days=30), due, amount, 0, None, street, postcode,
            town, country, "Professionnel", lang, level, date]  # fmt: skip


LONDON = ("10 Dock Street", "E1 8AA", "London", "Royaume-Uni")
ROWS = [
    # One envelope: a notice (second reminder long ago), two second reminders whose first
    # reminders went on two days of one month, a first reminder.
    _row("F2026-015", DUPONT, D(2026, 8, 1), 4200.50, "Relance 2", D(2026, 10, 20)),
    _row("F2026-031", DUPONT, D(2026, 9, 20), 1250.00, "Relance 1", D(2026, 11, 3)),
    _row("F2026-032", DUPONT, D(2026, 9, 25), 860.40, "Relance 1", D(2026, 11, 5)),
    _row("F2026-044", DUPONT, D(2026, 11, 10), 540.00),
    _row("F2026-020", "Atelier Alpha", D(2026, 9, 1), 1000.0, "Relance 1", D(2026, 11, 3)),
    _row("F2026-021", "Atelier Alpha", D(2026, 9, 2), 700.0, "Relance 1", D(2026, 11, 5)),
    _row("F2026-050", "Harbour Trading Ltd", D(2026, 9, 1), 3000.0, "Relance 2",
         D(2026, 10, 20), "en", LONDON),
    _row("F2026-051", "Harbour Trading Ltd", D(2026, 10, 1), 1500.0, "Relance 1",
         D(2026, 11, 3), "en", LONDON),
]  # fmt: skip


@pytest.fixture(scope="module")
def post(tmp_path_factory):
    folder = tmp_path_factory.mktemp("enveloppe")
    toml = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    (folder / "relance.toml").write_text(toml, encoding="utf-8")
    ledger = write_ledger(folder / "ledger.xlsx", ROWS, HEADERS)
    settings = relance_xlsx.load_settings(folder / "relance.toml")
    return relance_xlsx.run(ledger, settings, as_of=AS_OF, pdf=True, write_workbook=False)


def _letter(post, client):
    return next(x for x in post.letters if x.client == client)


def _texts(path: str) -> list[str]:
    doc = Document(path)
    texts = [p.text for p in all_paragraphs(doc)]
    texts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return texts + [p.text for s in doc.sections for p in s.footer.paragraphs]


def _pdf(post, letter) -> Path:
    return Path(post.out_dir) / "pdf" / f"{Path(letter.path).stem}.pdf"


def test_the_envelope_holds_each_invoice_at_its_own_stage(post):
    dupont = _letter(post, DUPONT)
    assert dupont.kind == "mise_en_demeure" and dupont.registered
    assert [p["kind"] for p in dupont.parts] == ["mise_en_demeure", "relance_2", "relance_1"]
    assert Path(dupont.path).name == f"2026-11-22 Mise en demeure - {DUPONT}.docx"


@pytest.mark.parametrize(
    ("client", "expected"),
    [
        pytest.param(DUPONT, "Par ailleurs, malgré nos relances du 3 novembre 2026 pour la facture "
                     "n°\u00a0F2026\u2011031 et du 5 novembre 2026 pour la facture "
                     "n°\u00a0F2026\u2011032, "
                     "les factures n°\u00a0F2026\u2011031 et F2026\u2011032", id="second-part"),
        pytest.param(DUPONT, "Malgré nos relances, dont celle du 20 octobre 2026, la facture "
                     "n°\u00a0F2026\u2011015", id="notice-part"),
        pytest.param("Atelier Alpha", "Malgré nos relances du 3 novembre 2026 pour la facture "
                     "n°\u00a0F2026\u2011020 et du 5 novembre 2026 pour la facture "
                     "n°\u00a0F2026\u2011021, "
                     "les factures n°\u00a0F2026\u2011020 et F2026\u2011021", id="one-part"),
        pytest.param("Harbour Trading Ltd", "Despite our reminders, including that of "
                     "20 October 2026, invoice F2026\u2011050", id="english"),
    ],
)  # fmt: skip
def test_dates_in_running_text_and_numbers_never_cut_in_every_part(post, client, expected):
    joined = "\n".join(_texts(_letter(post, client).path)).replace(" ", "\u00a0")
    assert expected.replace(" ", "\u00a0") in joined, [
        t for t in joined.split("\n") if "algré" in t or "espite" in t
    ]


@pytest.mark.parametrize("client", [DUPONT, "Atelier Alpha", "Harbour Trading Ltd"])
def test_typography_and_one_deadline_in_every_part(post, client):
    letter = _letter(post, client)
    texts = _texts(letter.path)
    joined = "\n".join(texts)
    english = letter.language == "en"
    for text in texts:
        pattern = r"\s[:;!?]" if english else r"[ \u00a0][:;!?]|«[ \u00a0]|[ \u00a0]»"
        assert not re.search(pattern, text), text
    # No « sans délai » beside a date: each stage says its own deadline once.
    assert "sans délai" not in joined and "without delay" not in joined
    # The payment list: « ; » after each way to pay but the last, which ends with « . ».
    ways = [t for t in texts if t.startswith("– ")]
    assert len(ways) == 2
    assert ways[0].endswith(";" if english else "\u202f;") and ways[-1].endswith(".")


@needs_libreoffice
def test_the_envelope_is_registered_with_all_its_parts(post):
    dupont = _letter(post, DUPONT)
    registered = " ".join(p.extract_text() for p in PdfReader(post.registered_pdf).pages)
    ordinary = " ".join(p.extract_text() for p in PdfReader(post.bundle_pdf).pages)
    assert "F2026-044" in registered and "F2026-044" not in ordinary  # its relance 1 part too
    assert "Atelier Alpha" in ordinary and "Atelier Alpha" not in registered
    rows = [
        r
        for r in load_workbook(post.posting_list)["Recommandés"].iter_rows(
            min_row=5, values_only=True
        )
        if isinstance(r[0], int)
    ]
    line = next(r for r in rows if r[1].startswith(DUPONT))
    assert line[6] == pytest.approx(dupont.total_due)  # the whole envelope's amount
    # Shown with no-break hyphens (never cut at the hyphen), read back plain.
    assert plain(line[3]) == "F2026-015, F2026-031, F2026-032, F2026-044"


def _lines(pdf: Path) -> list[tuple[int, str]]:
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    out = []
    for n, page in enumerate(html.split("<page ")[1:], start=1):
        for found in re.finditer(r"<line [^>]*>(.*?)</line>", page, re.S):
            out.append((n, " ".join(re.findall(r">([^<]*)</word>", found[1]))))
    return out


@needs_libreoffice
@pytest.mark.parametrize("client", [DUPONT, "Atelier Alpha", "Harbour Trading Ltd"])
def test_no_part_has_its_totals_or_its_table_split_across_pages(post, client):
    lines = _lines(_pdf(post, _letter(post, client)))
    starts = [i for i, (_, t) in enumerate(lines) if t.startswith(("Total restant", "Total out"))]
    assert starts
    for i in starts:
        # Its table's last row above it, and its « Total réclamé » below, on the same page.
        end = next(
            (j for j in range(i, len(lines)) if lines[j][1].startswith(("Total réclamé",
                                                                          "Total claimed"))),
            i,
        )  # fmt: skip
        assert lines[i - 1][0] == lines[i][0] == lines[end][0], (client, lines[i][1])
