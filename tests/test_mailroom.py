"""The week's post as a mailroom handles it: printable bundles that are the letters page for
page, safe to print double-sided, the registered letters apart with their posting list, the
LRAR numbers typed on it carried into the workbook, file names a person reads."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import httpx
import pytest
from conftest import ROOT, _load_sample_builder, needs_libreoffice, soffice
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader
from typer.testing import CliRunner

import relance_xlsx
from relance_xlsx.cli import app
from relance_xlsx.config import LETTER_KINDS
from relance_xlsx.ledger import ALL_KINDS
from relance_xlsx.letters import inside, letter_filename, readable_name
from relance_xlsx.mailroom import BLANK_TEXT, clean_number, number_problem
from relance_xlsx.mailroom.posted import posted_day
from relance_xlsx.web import running_page
from relance_xlsx.wording import money

AS_OF = dt.date(2026, 11, 22)
BLANK = BLANK_TEXT["fr"]
FOOTER_Y = 765.0  # points from the top of an A4 page: the footer's lines are below
HEADER_Y = 36.0  # and the continuation header's (page 2 and later) above


# -- names a person reads ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("client", "kind", "expected"),
    [
        pytest.param("Boulangerie Dupont & Fils", "mise_en_demeure",
                     "2026-11-22 Mise en demeure - Boulangerie Dupont & Fils.docx", id="issue"),
        pytest.param("Hôtel des Célestins", "relance_1",
                     "2026-11-22 Relance 1 - Hôtel des Célestins.docx", id="accents-kept"),
        pytest.param('R&D <Sud> "Ouest" l\'Atelier', "relance_2",
                     "2026-11-22 Relance 2 - R&D Sud Ouest l'Atelier.docx", id="refused-chars"),
        pytest.param("Dupont/Durand: associés", "relance_1",
                     "2026-11-22 Relance 1 - Dupont-Durand - associés.docx", id="separators"),
        pytest.param("../../etc/passwd", "relance_1",
                     "2026-11-22 Relance 1 - etc-passwd.docx", id="traversal"),
        pytest.param("Garage du Port. ", "relance_1",
                     "2026-11-22 Relance 1 - Garage du Port.docx", id="trailing-dot-space"),
        pytest.param("Facture\u202eFDP.exe", "relance_1",
                     "2026-11-22 Relance 1 - FactureFDP.exe.docx", id="bidi-override"),
        pytest.param("Ligne 1\nLigne\t2", "relance_1",
                     "2026-11-22 Relance 1 - Ligne 1 Ligne 2.docx", id="line-break"),
        pytest.param("???", "remerciement",
                     "2026-11-22 Remerciement - client.docx", id="nothing-left"),
    ],
)  # fmt: skip
def test_letter_file_names_read_like_a_person_wrote_them(tmp_path, client, kind, expected):
    name = letter_filename(client, kind, AS_OF, set())
    assert name == expected
    path = inside(tmp_path, name)
    path.write_bytes(b"x")  # the file system takes it
    assert path.parent == tmp_path.resolve()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("CON", "CON (client)", id="con"),
        pytest.param("nul.txt", "nul.txt (client)", id="nul-with-extension"),
        pytest.param("Com1 ", "Com1 (client)", id="com1-any-case"),
        pytest.param("LPT²", "LPT² (client)", id="lpt-superscript"),
        pytest.param("Console", "Console", id="not-reserved"),
    ],
)
def test_windows_reserved_device_names_are_never_a_file_name(text, expected):
    assert readable_name(text) == expected


def test_a_long_name_is_cut_at_a_word_and_the_path_stays_short():
    client = "Société Coopérative d'Intérêt Collectif des Producteurs Réunis " * 4
    name = letter_filename(client, "mise_en_demeure", AS_OF, set())
    part = name.removeprefix("2026-11-22 Mise en demeure - ").removesuffix(".docx")
    assert len(name) <= 120 and len(part) >= 60
    assert client.startswith(part + " ")  # cut between two words


def test_clients_that_fold_to_the_same_name_get_their_own_files():
    taken: set[str] = set()
    clients = [
        "Dupont & Fils",
        "DUPONT & FILS",  # Windows and macOS ignore case
        unicodedata.normalize("NFD", "Dupont & Fïls"),  # macOS decomposes accents
        unicodedata.normalize("NFC", "Dupont & Fïls"),
        "Dupont: Fils",
        "Dupont/ Fils",
    ]
    names = [letter_filename(c, "relance_1", AS_OF, taken) for c in clients]
    folded = {unicodedata.normalize("NFC", n).casefold() for n in names}
    assert len(folded) == len(names), names
    assert names[1] == "2026-11-22 Relance 1 - DUPONT & FILS (2).docx"


def test_the_print_settings_know_every_letter_kind():
    assert set(LETTER_KINDS) == set(ALL_KINDS)


# -- LRAR numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        pytest.param("1A 123 456 7890 5", "1A12345678905", id="la-poste-spaced"),
        pytest.param(" 1a-123-456-7890-5 ", "1A12345678905", id="lowercase-dashes"),
        pytest.param("RR 473 124 829 FR", "RR473124829FR", id="s10-valid"),
        pytest.param("RR473124828FR", None, id="s10-wrong-check-digit"),
        pytest.param(1234567890123.0, "1234567890123", id="digits-as-a-number-cell"),
        pytest.param("12345", None, id="too-short"),
        pytest.param("voir Anne", None, id="words"),
        pytest.param("1A123<script>", None, id="markup"),
    ],
)
def test_lrar_numbers_are_read_as_typed_or_refused(typed, expected):
    assert clean_number(typed) == expected


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        pytest.param("2C 555 000 1112 4 1A 123 456 7890 5",
                     "deux numéros (2C 555 000 1112 4 et 1A 123 456 7890 5)", id="two-national"),
        pytest.param("1A12345678905 RR473124829FR",
                     "deux numéros (1A 123 456 7890 5 et RR 473 124 829 FR)",
                     id="national-and-s10"),
        pytest.param("\u202e5 0987 654 321 A1", "sens de lecture (U+202E)",
                     id="right-to-left-override"),
        pytest.param("1A 123 456 7890 5\u2066", "sens de lecture (U+2066)", id="isolate-mark"),
        pytest.param("1A 123 456 7890 5\u200b", None, id="zero-width-space-cleaned"),
    ],
)  # fmt: skip
def test_two_numbers_in_a_cell_or_a_direction_mark_are_refused(typed, why):
    said = number_problem(typed)
    if why is None:
        assert said is None
    else:
        assert said and why in said and clean_number(typed) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        pytest.param("23/11/2026\u200b", dt.date(2026, 11, 23), id="zero-width-space"),
        pytest.param("\ufeff23/11/2026", dt.date(2026, 11, 23), id="byte-order-mark"),
        pytest.param("２３/１１/２０２６", dt.date(2026, 11, 23), id="full-width-digits"),
        pytest.param("23/11/2026", dt.date(2026, 11, 23), id="plain"),
    ],
)
def test_invisible_characters_in_a_date_of_posting_are_not_typed(typed, expected):
    assert posted_day(typed) == expected


# -- the week's post, converted by real LibreOffice -------------------------------------------


def _build(folder: Path, toml_extra: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    toml = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    (folder / "relance.toml").write_text(toml + toml_extra, encoding="utf-8")
    return _load_sample_builder().build(folder / "grand_livre_clients.xlsx")


def _run(ledger: Path, as_of: dt.date = AS_OF, **kw):
    settings = relance_xlsx.load_settings(ledger.with_name("relance.toml"))
    return relance_xlsx.run(ledger, settings, as_of=as_of, **kw)


@pytest.fixture(scope="module")
def week(tmp_path_factory):
    """The sample's week, run once with --pdf (double-sided, the default)."""
    ledger = _build(tmp_path_factory.mktemp("semaine"))
    return _run(ledger, pdf=True)


def _body(words: list[tuple[str, float, float]]) -> list[tuple[str, float, float]]:
    return [w for w in words if HEADER_Y < w[2] < FOOTER_Y]


def _words(pdf: Path, page: int) -> list[tuple[str, float, float]]:
    """Each word of a page with its position (pdftotext -bbox), footer line aside."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out)
    return [(w, round(float(x), 1), round(float(y), 1)) for x, y, w in found]


def _pages(pdf: Path) -> list[str]:
    return [p.extract_text() for p in PdfReader(str(pdf)).pages]


@needs_libreoffice
def test_each_letter_in_the_bundles_is_its_own_pdf_page_for_page(week):
    """Same text and every word at the same place: the bundle is the letters."""
    assert week.bundle_pdf and week.registered_pdf
    for letter in week.letters:
        single = Path(week.out_dir) / "pdf" / f"{Path(letter.path).stem}.pdf"
        bundle = Path(week.registered_pdf if letter.registered else week.bundle_pdf)
        own = PdfReader(str(single)).pages
        joined = PdfReader(str(bundle)).pages
        start = letter.bundle_page
        assert start is not None
        for n, page in enumerate(own):
            assert joined[start - 1 + n].extract_text() == page.extract_text()
            assert _words(bundle, start + n) == _words(single, n + 1), (letter.client, n + 1)
        # « Page 2 sur 3 »: numbered within the letter, with its own total.
        totals = {
            m for p in own for m in re.findall(r"Page \d+ (?:sur|of) (\d+)", p.extract_text())
        }
        assert totals == {str(len(own))}, (letter.client, totals)


@needs_libreoffice
def test_every_letter_starts_on_a_right_hand_page_and_only_blank_backs_are_added(week):
    for bundle, registered in ((week.bundle_pdf, False), (week.registered_pdf, True)):
        pages = _pages(Path(bundle))
        letters = [x for x in week.letters if x.registered == registered]
        starts = [x.bundle_page for x in letters]
        assert all(s % 2 == 1 for s in starts), starts
        assert starts == sorted(starts)
        letter_pages = set()
        for x in letters:
            count = len(
                PdfReader(str(Path(week.out_dir) / "pdf" / f"{Path(x.path).stem}.pdf")).pages
            )
            letter_pages |= set(range(x.bundle_page, x.bundle_page + count))
        for n, text in enumerate(pages, start=1):
            if n not in letter_pages:  # a back page added: blank but for its mention
                assert text.strip() == BLANK, (bundle, n, text)
        assert len(pages) - len(letter_pages) == sum(1 for t in pages if BLANK in t)


@needs_libreoffice
def test_the_registered_letters_are_apart_and_the_posting_list_matches_them(week):
    registered = [x for x in week.letters if x.registered]
    assert {x.kind for x in registered} == {"mise_en_demeure"}
    assert all(x.kind != "mise_en_demeure" for x in week.letters if not x.registered)
    ordinary = " ".join(_pages(Path(week.bundle_pdf)))
    apart = " ".join(_pages(Path(week.registered_pdf)))
    assert "mise en demeure" not in ordinary.lower()
    assert apart.count("LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION") == len(registered)
    book = load_workbook(week.posting_list)
    ws = book["Recommandés"]
    rows = [r for r in ws.iter_rows(min_row=5, values_only=True) if isinstance(r[0], int)]
    assert [r[1].split("\n")[0] for r in rows] == [x.client for x in registered]
    assert [r[6] for r in rows] == [pytest.approx(x.total_due) for x in registered]
    assert all(r[2] and r[3] and r[4] for r in rows)  # address, invoices, reference
    assert all(r[7] in (None, "") for r in rows)  # the LRAR number, to fill in
    assert ws.cell(4, 8).value == "N° de recommandé"
    # The PDF handed over: French amounts and dates whatever LibreOffice's locale, the RF.
    listed = re.sub(r"[\u00a0\u202f]", " ", " ".join(_pages(Path(week.posting_list_pdf))))
    for x, row in zip(registered, rows, strict=True):
        assert x.client in listed
        assert re.sub(r"[\u00a0\u202f]", " ", money(x.total_due)) in listed  # « 6 266,73 € »
        assert row[4] in listed  # « RF39 2611 2272 7375 181 »
    assert listed.count("22/11/2026") >= len(registered) + 1  # each line's date, the title's
    assert book["relance"].sheet_state == "veryHidden"


@needs_libreoffice
@pytest.mark.parametrize(
    "said",
    [
        pytest.param("Expéditeur\u202f:", id="sender"),
        pytest.param("Signature et cachet\u202f:", id="stamp"),
        pytest.param("enregistrez ce fichier\u202f:", id="note"),
        pytest.param("«\u202fN° recommandé\u202f»", id="guillemets"),
    ],
)
def test_the_posting_list_pdf_has_french_typography(week, said):
    """A narrow no-break space before « : ; ! ? » and inside « », as in the letters."""
    text = " ".join(_pages(Path(week.posting_list_pdf)))
    assert said in re.sub(r"\s*\n\s*", " ", text)
    assert not re.search(r"[ \u00a0][:;!?]", text), re.findall(r".{20}[ \u00a0][:;!?]", text)


@needs_libreoffice
def test_the_word_bundle_matches_the_letters_and_starts_each_on_an_odd_page(week, tmp_path):
    """Converted by LibreOffice with its automatic blank pages: no line moved (a blank header
    once pushed every page 6 mm down), each letter on an odd page."""
    profile = tmp_path / "profil"
    options = '{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'
    subprocess.run(
        [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
         f"pdf:writer_pdf_Export:{options}", "--outdir", str(tmp_path), week.bundle],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    converted = tmp_path / "a_imprimer.pdf"
    ordinary = [x for x in week.letters if not x.registered]
    assert len(PdfReader(str(converted)).pages) == len(PdfReader(week.bundle_pdf).pages)
    for letter in ordinary:
        single = Path(week.out_dir) / "pdf" / f"{Path(letter.path).stem}.pdf"
        assert letter.bundle_page % 2 == 1
        for n in range(len(PdfReader(str(single)).pages)):
            # The body, word for word and place for place; the footer and the continuation
            # header aside (their page numbers, computed by Word, are empty in LibreOffice,
            # which leaves out the header's line with them).
            mine = _body(_words(converted, letter.bundle_page + n))
            assert mine == _body(_words(single, n + 1)), letter.client


@needs_libreoffice
def test_single_sided_adds_no_blank_page(tmp_path):
    ledger = _build(tmp_path, "\n[print]\nduplex = false\n")
    result = _run(ledger, pdf=True, write_workbook=False)
    pages = _pages(Path(result.bundle_pdf))
    assert not any(BLANK in p for p in pages)
    singles = [Path(result.out_dir) / "pdf" / f"{Path(x.path).stem}.pdf" for x in result.letters]
    ordinary = [p for p, x in zip(singles, result.letters, strict=True) if not x.registered]
    assert len(pages) == sum(len(PdfReader(str(p)).pages) for p in ordinary)


def test_without_pdf_the_word_bundles_and_the_posting_list_are_written(tmp_path):
    ledger = _build(tmp_path)
    result = _run(ledger, write_workbook=False)
    assert result.pdfs == [] and result.bundle_pdf is None
    assert Path(result.bundle).name == "a_imprimer.docx"
    assert Path(result.registered_bundle).name == "recommandes.docx"
    assert Path(result.posting_list).name == "liste_recommandes.xlsx"
    assert all(Path(x.path).name.startswith("2026-11-22 ") for x in result.letters)


# -- the numbers typed back -------------------------------------------------------------------


def _type_numbers(listing: Path, numbers: dict[int, object]) -> None:
    """The office fills the list in Excel: by line number, whatever it types."""
    book = load_workbook(listing)
    ws = book["Recommandés"]
    at = [c.value for c in ws[4]].index("N° de recommandé")
    for row in ws.iter_rows(min_row=5):
        if isinstance(row[0].value, int) and row[0].value in numbers:
            row[at].value = numbers[row[0].value]
    book.save(listing)


def _column(ledger: Path, header: str) -> dict[str, object]:
    ws = load_workbook(ledger)["Factures"]
    heads = [c.value for c in ws[4]]
    at, invoice = heads.index(header), heads.index("N° facture")
    return {r[invoice]: r[at] for r in ws.iter_rows(min_row=5, values_only=True) if r[invoice]}


def test_lrar_numbers_typed_on_the_list_reach_the_workbook_next_week(tmp_path):
    ledger = _build(tmp_path)
    first = _run(ledger)
    registered = [x for x in first.letters if x.registered]
    assert len(registered) >= 3
    _type_numbers(Path(first.posting_list), {
        1: "1A 123 456 7890 5",
        2: 9876543210123,  # typed into a number cell
        3: "à voir",  # not a number: said, not written
    })  # fmt: skip
    result = _run(ledger, AS_OF + dt.timedelta(days=7))
    numbers = _column(ledger, "N° recommandé")
    # Written as La Poste prints it, whatever the spacing typed.
    assert {i: numbers[i] for i in registered[0].invoices} == {
        i: "1A 123 456 7890 5" for i in registered[0].invoices
    }
    assert {numbers[i] for i in registered[1].invoices} == {"9876543210123"}
    assert {numbers[i] for i in registered[2].invoices} == {None}
    assert any("« à voir » n'est pas un n° de recommandé" in w for w in result.warnings)
    written = {(n.invoice, n.number) for n in result.registered_numbers}
    assert written == {(i, "1A 123 456 7890 5") for i in registered[0].invoices} | {
        (i, "9876543210123") for i in registered[1].invoices
    }
    journal = load_workbook(ledger)["Journal des relances"]
    actions = [r[4] for r in journal.iter_rows(min_row=2, values_only=True)]
    assert actions.count("LRAR n° 1A 123 456 7890 5 (liste d'envoi du 22/11/2026)") == len(
        registered[0].invoices
    )
    # Next week again: nothing new to write, nothing said twice.
    again = _run(ledger, AS_OF + dt.timedelta(days=8))
    assert again.registered_numbers == []
    # Handed to litigation: the client's file shows its registered letter in the timeline.
    later = _run(ledger, AS_OF + dt.timedelta(days=16))
    texts = []
    for dossier in later.dossiers:
        doc = Document(dossier)
        texts.append("\n".join(p.text for p in doc.paragraphs))
        texts[-1] += "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    mine = [t for t in texts if registered[0].client in t]
    assert len(mine) == 1 and "LRAR n° 1A 123 456 7890 5" in mine[0]


def test_a_number_already_in_the_workbook_is_never_replaced(tmp_path):
    ledger = _build(tmp_path)
    first = _run(ledger)
    _type_numbers(Path(first.posting_list), {1: "1A 123 456 7890 5"})
    invoice = next(x for x in first.letters if x.registered).invoices[0]
    book = load_workbook(ledger)
    ws = book["Factures"]
    heads = [c.value for c in ws[4]]
    column = len([h for h in heads if h]) + 1
    ws.cell(4, column, "N° recommandé")
    for row in ws.iter_rows(min_row=5):
        if row[heads.index("N° facture")].value == invoice:
            ws.cell(row[0].row, column, "1A99999999990")
    book.save(ledger)
    result = _run(ledger, AS_OF + dt.timedelta(days=7))
    assert _column(ledger, "N° recommandé")[invoice] == "1A99999999990"
    assert any("non remplacé" in w and invoice in w for w in result.warnings)


def test_a_run_done_again_the_same_day_keeps_the_numbers_typed(tmp_path):
    ledger = _build(tmp_path)
    first = _run(ledger, write_workbook=False)
    _type_numbers(Path(first.posting_list), {2: "1A 000 000 0001 7"})
    again = _run(ledger, write_workbook=False)
    ws = load_workbook(again.posting_list)["Recommandés"]
    typed = {r[0]: r[7] for r in ws.iter_rows(min_row=5, values_only=True) if isinstance(r[0], int)}
    assert typed[2] == "1A 000 000 0001 7" and not typed[1]


def test_numbers_typed_before_a_new_run_reach_the_list_shown(tmp_path):
    """The page is shown with the list of 22/11; a run of 06/12 writes a new list, now first
    on the page: the numbers typed for the 22/11 letters go to the 22/11 list, never to the
    06/12 letters; a list no longer as shown (replaced, rewritten) takes none."""
    ledger = _build(tmp_path)
    first = _run(ledger)
    with running_page(ledger, recent_file=tmp_path / "recents.json") as page:
        client = httpx.Client(base_url=page.base, follow_redirects=True)
        token = page.state.token
        assert client.get(f"/?jeton={token}").status_code == 200
        shown = client.get("/recommandes").text
        key = re.search(r'name="liste-0" value="([0-9a-f]+)"', shown)
        assert key is not None
        later = _run(ledger, AS_OF + dt.timedelta(days=14))
        assert later.posting_list and later.posting_list != first.posting_list
        newer = Path(later.posting_list).read_bytes()
        stale = client.post(
            "/recommandes",
            data={"jeton": token, "liste-0": "0" * 24, "numero-0-1": "1A 123 456 7890 5"},
        )
        assert "remplacé ou modifié cette liste" in stale.text
        saved = client.post(
            "/recommandes",
            data={"jeton": token, "liste-0": key[1], "numero-0-1": "1A 123 456 7890 5"},
        )
        assert "1 numéro de recommandé enregistré" in saved.text
    assert Path(later.posting_list).read_bytes() == newer
    sheet = load_workbook(first.posting_list)["Recommandés"]
    assert "1A 123 456 7890 5" in [c.value for row in sheet.iter_rows() for c in row]


def test_the_command_line_names_the_registered_files(tmp_path):
    ledger = _build(tmp_path)
    out = CliRunner().invoke(app, ["run", str(ledger), "--as-of", "2026-11-22", "--json"])
    assert out.exit_code == 0, out.output
    doc = json.loads(out.stdout)
    assert Path(doc["registered_bundle"]).is_file() and Path(doc["posting_list"]).is_file()
    assert doc["registered_numbers"] == []
    assert [x["registered"] for x in doc["letters"]] == [
        x["kind"] == "mise_en_demeure" for x in doc["letters"]
    ]


def test_lrar_numbers_typed_on_the_page_reach_the_list_then_the_workbook(tmp_path):
    ledger = _build(tmp_path / "Mes Données")
    first = _run(ledger)
    registered = [x for x in first.letters if x.registered]
    with running_page(ledger, recent_file=tmp_path / "recents.json") as page:
        client = httpx.Client(base_url=page.base, follow_redirects=True)
        token = page.state.token
        assert client.get(f"/?jeton={token}").status_code == 200
        shown = client.get("/recommandes").text
        assert "Boulangerie Dupont &amp; Fils" in shown and 'name="numero-0-1"' in shown
        key = re.search(r'name="liste-0" value="([0-9a-f]+)"', shown)
        assert key is not None
        before = Path(first.posting_list).read_bytes()
        refused = client.post("/recommandes", data={"jeton": token, "numero-0-1": "voir Anne"})
        assert "à corriger" in refused.text and "contient des mots" in refused.text
        assert Path(first.posting_list).read_bytes() == before
        saved = client.post(
            "/recommandes",
            data={"jeton": token, "liste-0": key[1], "numero-0-1": "1A 123 456 7890 5"},
        )
        assert "1 numéro de recommandé enregistré" in saved.text
        assert 'value="1A 123 456 7890 5"' in saved.text
        # A number for a line of a list that does not exist changes nothing.
        client.post("/recommandes", data={"jeton": token, "numero-7-1": "1A 000 000 0000 0"})
    second = _run(ledger, AS_OF + dt.timedelta(days=7))
    assert {n.invoice for n in second.registered_numbers} == set(registered[0].invoices)
    assert {_column(ledger, "N° recommandé")[i] for i in registered[0].invoices} == {
        "1A 123 456 7890 5"
    }


@pytest.mark.parametrize(
    ("out", "page_on", "shown"),
    [
        pytest.param(None, None, True, id="the-default-folder"),
        pytest.param("envoi novembre", None, True, id="an-out-folder-beside-the-workbook"),
        pytest.param("relances/envoi", None, True, id="an-out-folder-in-relances"),
        pytest.param(None, "autre_societe.xlsx", False, id="another-workbook-in-the-same-folder"),
        pytest.param("envoi novembre", "autre_societe.xlsx", False,
                     id="another-workbook-its-out-folder"),
    ],
)  # fmt: skip
def test_the_page_shows_the_posting_lists_the_run_reads_back(tmp_path, out, page_on, shown):
    """A fresh page (no run of its own) finds the lists where the next run finds them."""
    ledger = _build(tmp_path)
    first = _run(ledger, out_dir=tmp_path / out if out else None)
    assert first.posting_list
    opened = ledger
    if page_on:
        opened = ledger.with_name(page_on)
        shutil.copy(ledger, opened)
    with running_page(opened, recent_file=tmp_path / "recents.json") as page:
        client = httpx.Client(base_url=page.base, follow_redirects=True)
        assert client.get(f"/?jeton={page.state.token}").status_code == 200
        text = client.get("/recommandes").text
    assert ('id="aucune"' not in text) is shown
    assert ('name="numero-0-1"' in text) is shown


@pytest.mark.parametrize(
    ("typed", "refused"),
    [
        pytest.param("23/11/2026", None, id="a-date"),
        pytest.param("23/11/2026\u200b", None, id="a-date-with-an-invisible-character"),
        pytest.param("lundi", "« lundi » n'est pas une date", id="not-a-date"),
        pytest.param("21/11/2026", "est avant la date des lettres (22/11/2026)",
                     id="before-the-letters"),
        pytest.param((dt.date.today() + dt.timedelta(days=3)).strftime("%d/%m/%Y"),
                     "est après aujourd'hui", id="after-today"),
    ],
)  # fmt: skip
def test_the_date_of_posting_typed_on_the_page_reaches_the_list_then_the_journal(
    tmp_path, typed, refused
):
    ledger = _build(tmp_path)
    first = _run(ledger)
    before = Path(first.posting_list).read_bytes()
    with running_page(ledger, recent_file=tmp_path / "recents.json") as page:
        client = httpx.Client(base_url=page.base, follow_redirects=True)
        token = page.state.token
        assert client.get(f"/?jeton={token}").status_code == 200
        shown = client.get("/recommandes").text
        assert 'name="depot-0-1"' in shown and "<th>Date de dépôt</th>" in shown
        key = re.search(r'name="liste-0" value="([0-9a-f]+)"', shown)
        assert key is not None
        form = {"jeton": token, "liste-0": key[1], "numero-0-1": "1A 123 456 7890 5",
                "depot-0-1": typed}  # fmt: skip
        answer = html.unescape(client.post("/recommandes", data=form).text)
    if refused:
        assert refused in answer and "rien n'a été enregistré" in answer
        assert Path(first.posting_list).read_bytes() == before
        return
    assert (
        "1 numéro de recommandé et 1 date de dépôt enregistrés" in answer
        and 'value="23/11/2026"' in answer
    )
    cell = load_workbook(first.posting_list)["Recommandés"]["I5"]
    assert cell.value == dt.datetime(2026, 11, 23) and cell.number_format == "dd/mm/yyyy"
    _run(ledger, AS_OF + dt.timedelta(days=7))
    journal = load_workbook(ledger)["Journal des relances"]
    actions = [str(r[4]) for r in journal.iter_rows(min_row=2, values_only=True) if r[4]]
    assert "LRAR n° 1A 123 456 7890 5 (déposée le 23/11/2026)" in actions, actions
