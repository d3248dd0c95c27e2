"""Letters: every template renders with real values, safely, and reads back from the PDF."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import AS_OF, convert, needs_libreoffice, settings_near
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from pypdf import PdfReader

from relance_xlsx import TemplateError
from relance_xlsx.ledger import ALL_KINDS
from relance_xlsx.letters import (
    LetterJob,
    bundled_templates,
    check_template,
    compiled_template,
    inside,
    jinja_env,
    render_bundles,
    render_letter,
    render_letters,
    safe_filename,
    sample_context,
)
from relance_xlsx.progress import Quiet

TRICKY = 'R&D <Sud> "Ouest" l\'Atelier'


def text_of(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [c.text for row in table.rows for c in row.cells]
    parts += [p.text for s in doc.sections for p in s.footer.paragraphs]
    return "\n".join(parts)


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_template_renders_completely(tmp_path, kind, language):
    sub = "" if language == "fr" else "en"
    template = bundled_templates() / sub / f"{kind}.docx"
    context = sample_context(language, kind)
    assert check_template(template, context) == []
    target = tmp_path / "letter.docx"
    render_letter(template, context, target)
    text = text_of(target)
    assert TRICKY in text  # autoescape: the name survives whole, nothing truncated
    for inv in context["invoices"]:
        assert inv["number"] in text
    assert context["creditor"]["name"] in text
    assert "{{" not in text and "{%" not in text
    if kind in ("relance_2", "mise_en_demeure"):
        assert context["totals"]["claimed"] in text
        assert context["legal"]["interest_rate"] in text
    if kind == "mise_en_demeure":
        assert context["totals"]["claimed_words"] in text
        # The deadline runs from receipt of the letter, and interest until payment.
        assert context["letter"]["deadline"] not in text
        assert ("réception de la présente" if language == "fr" else "of receiving") in text
        assert "tenir compte" not in text and "disregard" not in text
    if kind in ("relance_2", "mise_en_demeure"):
        # The breakdown (CPC 1407): every period's dates and interest, its rate.
        for period in context["interest_periods"]:
            assert period["start"] in text and period["interest"] in text
        assert len(context["interest_periods"]) == 3


def test_missing_value_is_an_error_not_a_blank(tmp_path):
    context = sample_context()
    del context["debtor"]["name"]
    with pytest.raises(TemplateError):
        render_letter(bundled_templates() / "relance_1.docx", context, tmp_path / "x.docx")


@pytest.mark.parametrize(
    ("client", "expected"),
    [
        pytest.param("../../etc/passwd", "relance_1_etc-passwd.docx", id="traversal"),
        pytest.param("CON", "relance_1_CON-client.docx", id="windows-reserved-name"),
        pytest.param('a<b>:"c"/d\\e|f?g*', "relance_1_a-b-c-d-e-f-g.docx", id="windows-refused"),
        pytest.param("Hôtel des Célestins", "relance_1_Hotel-des-Celestins.docx", id="accents"),
        pytest.param("...", "relance_1_client.docx", id="nothing-left"),
    ],
)
def test_safe_file_names(tmp_path, client, expected):
    name = safe_filename(client, "relance_1", set())
    assert name == expected
    assert inside(tmp_path, name).parent == tmp_path.resolve()


def test_same_client_name_twice_never_overwrites():
    taken: set[str] = set()
    names = [safe_filename("Dupont", "relance_1", taken) for _ in range(3)]
    assert len(set(names)) == 3


def _template_with(tmp_path: Path, text: str) -> Path:
    source = bundled_templates() / "relance_1.docx"
    path = tmp_path / "broken.docx"
    shutil.copy(source, path)
    doc = Document(str(path))
    doc.add_paragraph(text)
    doc.save(str(path))
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("{{ client_nom }}", "variable inconnue", id="unknown-variable"),
        pytest.param("{{ debtor.nom }}", "variable inconnue", id="unknown-attribute"),
        pytest.param("{% if %}", "erreur de syntaxe", id="syntax-error"),
        pytest.param("Cher {name},", "pas une balise Jinja", id="single-braces"),
        pytest.param("Client : [nom du client]", "pas une balise Jinja", id="brackets"),
        pytest.param("Montant : <<montant>>", "pas une balise Jinja", id="chevrons"),
    ],
)
def test_templates_check_catches(tmp_path, text, message):
    issues = check_template(_template_with(tmp_path, text), sample_context())
    assert any(message in i.message for i in issues), issues


def _letter_jobs(tmp_path: Path, clients: list[tuple[str, str, str]], template=None):
    """One job per (client, kind, language), each with the sample context under that name."""
    jobs = []
    for i, (client, kind, language) in enumerate(clients):
        context = sample_context(language, kind)
        context["debtor"]["name"] = client
        context["debtor"]["of_name"] = f"de {client}"
        sub = "" if language == "fr" else "en"
        path = template or bundled_templates() / sub / f"{kind}.docx"
        jobs.append(LetterJob(path, context, tmp_path / f"{i}_{kind}.docx"))
    return jobs


PRINT_RUN = [
    ("Alpha Bâtiment", "mise_en_demeure", "fr"),
    ("Bravo Ltd", "relance_2", "en"),
    (TRICKY, "relance_2", "fr"),
    ("Delta", "relance_1", "fr"),
    ("Echo & Fils", "remerciement", "fr"),
]


def test_bundle_gives_each_letter_its_own_section_in_print_order(tmp_path):
    jobs = _letter_jobs(tmp_path, PRINT_RUN)
    bundle = render_letters(jobs, tmp_path / "a_imprimer.docx", Quiet())
    doc = Document(str(bundle))
    assert len(doc.sections) == len(jobs)
    text = text_of(bundle)
    positions = [text.index(client) for client, _, _ in PRINT_RUN]
    assert positions == sorted(positions)
    for section in doc.sections:
        assert section.start_type == WD_SECTION.NEW_PAGE
        numbering = section._sectPr.find(qn("w:pgNumType"))
        assert numbering is not None and numbering.get(qn("w:start")) == "1"
    # each letter file is the same letter as in the bundle
    for job in jobs:
        assert job.context["debtor"]["name"] in text_of(job.target)


def _footer_template(tmp_path: Path) -> Path:
    """A user's template that prints the client's name in the footer."""
    path = tmp_path / "pied_client.docx"
    doc = Document(str(bundled_templates() / "relance_1.docx"))
    doc.sections[0].footer.paragraphs[0].runs[0].text = "Réf. client {{ debtor.name }}"
    doc.save(str(path))
    return path


def test_one_letters_footer_never_shows_on_anothers_page(tmp_path):
    clients = [("Client Un", "relance_1", "fr"), ("Client Deux", "relance_1", "fr")]
    jobs = _letter_jobs(tmp_path, clients, template=_footer_template(tmp_path))
    bundle = render_letters(jobs, tmp_path / "a_imprimer.docx", Quiet())
    footers = [s.footer.paragraphs[0].text for s in Document(str(bundle)).sections]
    assert footers == ["Réf. client Client Un", "Réf. client Client Deux"]


@needs_libreoffice
def test_bundle_pdf_starts_every_letter_on_its_own_page(tmp_path):
    jobs = _letter_jobs(tmp_path, PRINT_RUN)
    bundle = render_letters(jobs, tmp_path / "a_imprimer.docx", Quiet())
    pages = [
        " ".join(p.extract_text().split())
        for p in PdfReader(str(convert(bundle, "pdf", tmp_path))).pages
    ]
    clients = [" ".join(c.split()) for c, _, _ in PRINT_RUN]
    on_page = [[c for c in clients if c in page] for page in pages]
    assert all(len(found) <= 1 for found in on_page), on_page  # no page holds two letters
    named = [found[0] for found in on_page if found]  # a letter's later pages omit the name
    firsts = [c for i, c in enumerate(named) if i == 0 or named[i - 1] != c]
    assert firsts == clients


def test_templates_with_other_styles_are_bundled_by_docxcompose(tmp_path):
    own = tmp_path / "relance_1_maison.docx"
    doc = Document(str(bundled_templates() / "relance_1.docx"))
    doc.styles.add_style("Maison", WD_STYLE_TYPE.PARAGRAPH)  # as Word does when a user edits
    doc.save(str(own))
    jobs = _letter_jobs(tmp_path, PRINT_RUN[:2])
    jobs += _letter_jobs(tmp_path / "own", [("Foxtrot", "relance_1", "fr")], template=own)
    (tmp_path / "own").mkdir()
    bundle = render_letters(jobs, tmp_path / "a_imprimer.docx", Quiet())
    xml = Document(str(bundle)).element.xml
    # A break between letters; each formal notice's statement of account starts its own page.
    annexes = sum(1 for job in jobs if job.template.stem == "mise_en_demeure")
    assert xml.count('w:type="page"') == len(jobs) - 1
    assert xml.count("<w:pageBreakBefore/>") == annexes
    text = text_of(bundle)
    assert text.index("Alpha Bâtiment") < text.index("Bravo Ltd") < text.index("Foxtrot")


def test_two_workers_write_the_same_bytes_as_one(tmp_path):
    clients = [(f"Client {i:02d}", kind, lang) for i, (_, kind, lang) in enumerate(PRINT_RUN * 3)]
    outputs = []
    for workers in (1, 2):
        folder = tmp_path / f"w{workers}"
        folder.mkdir()
        jobs = _letter_jobs(folder, clients)
        bundle = render_letters(jobs, folder / "a_imprimer.docx", Quiet(), workers=workers)
        outputs.append([p.read_bytes() for p in [bundle, *(j.target for j in jobs)]])
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("workers", [1, 2], ids=["this-process", "pool"])
def test_the_callers_work_runs_once_beside_the_rendering(tmp_path, workers):
    # Run while the pool renders, before its letters are taken: same bytes as without it.
    clients = [(f"Client {i:02d}", kind, lang) for i, (_, kind, lang) in enumerate(PRINT_RUN * 3)]
    outputs, calls = [], []
    for beside in (None, lambda: calls.append(len(calls))):
        folder = tmp_path / f"{workers}-{beside is None}"
        folder.mkdir()
        jobs = _letter_jobs(folder, clients)
        made = render_bundles(
            [(folder / "a_imprimer.docx", jobs)], Quiet(), workers=workers, meanwhile=beside
        )
        assert made[0] is not None
        outputs.append([p.read_bytes() for p in [made[0], *(j.target for j in jobs)]])
    assert calls == [0]
    assert outputs[0] == outputs[1]


def test_the_callers_error_beside_the_rendering_stops_after_the_letters(tmp_path):
    jobs = _letter_jobs(tmp_path, PRINT_RUN * 2)

    def failing() -> None:
        raise OSError("disque plein")

    with pytest.raises(OSError, match="disque plein"):
        render_bundles([(tmp_path / "a.docx", jobs)], Quiet(), workers=2, meanwhile=failing)
    # The pool was drained, not left running: every letter is there, no bundle.
    assert all(j.target.is_file() for j in jobs)
    assert not (tmp_path / "a.docx").exists()


def test_a_letters_error_is_raised_after_the_callers_work(tmp_path):
    jobs = _letter_jobs(tmp_path, PRINT_RUN)
    # A letter the worker cannot write (its folder is gone): the caller's work is done, then
    # the worker's error is raised, and no bundle is written.
    broken = LetterJob(jobs[0].template, jobs[0].context, tmp_path / "gone" / "x.docx")
    calls: list[int] = []
    with pytest.raises(FileNotFoundError):
        render_bundles(
            [(tmp_path / "a.docx", [jobs[0], broken, *jobs[1:]])],
            Quiet(),
            workers=2,
            meanwhile=lambda: calls.append(1),
        )
    assert calls == [1]
    assert not (tmp_path / "a.docx").exists()


@pytest.mark.parametrize("smallest", [False, True], ids=["full", "smallest"])
@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("kind", ALL_KINDS)
def test_compiled_template_writes_the_letter_docxtpl_writes(tmp_path, kind, language, smallest):
    template = bundled_templates() / ("" if language == "fr" else "en") / f"{kind}.docx"
    context = sample_context(language, kind, smallest=smallest)
    render_letter(template, context, tmp_path / "docxtpl.docx")
    compiled = compiled_template(template, jinja_env)
    assert compiled is not None
    compiled.write(compiled.render(context), tmp_path / "compiled.docx")
    expected, got = (
        Document(str(tmp_path / "docxtpl.docx")),
        Document(str(tmp_path / "compiled.docx")),
    )
    assert text_of(tmp_path / "compiled.docx") == text_of(tmp_path / "docxtpl.docx")
    assert [p.style.name for p in got.paragraphs] == [p.style.name for p in expected.paragraphs]
    assert len(got.tables[0].rows) == len(expected.tables[0].rows)


def test_template_that_breaks_the_document_is_refused_not_recovered(tmp_path):
    # An {% if %} opened in a table cell and closed after the table: when false, the table's
    # closing tags vanish. docxtpl "recovers" a truncated letter; the compiled path refuses.
    path = tmp_path / "casse.docx"
    doc = Document(str(bundled_templates() / "pre_echeance.docx"))
    doc.tables[0].rows[0].cells[0].paragraphs[0].add_run("{% if letter.kind == 'x' %}")
    doc.add_paragraph("{% endif %}")
    doc.save(str(path))
    compiled = compiled_template(path, jinja_env)
    with pytest.raises(TemplateError, match="document Word invalide"):
        compiled.render(sample_context("fr", "pre_echeance"))
    issues = check_template(path, sample_context("fr", "pre_echeance"))
    assert [i.found for i in issues] == ["casse.docx"], issues  # and `templates check` says so


@needs_libreoffice
def test_every_template_full_and_smallest_converts_to_pdf_with_its_values(tmp_path):
    from relance_xlsx.letters import convert_to_pdf

    cases = [
        (kind, language, smallest)
        for kind in ALL_KINDS
        for language in ("fr", "en")
        for smallest in (False, True)
    ]
    jobs = []
    for kind, language, smallest in cases:
        template = bundled_templates() / ("" if language == "fr" else "en") / f"{kind}.docx"
        target = tmp_path / f"{kind}-{language}-{'min' if smallest else 'full'}.docx"
        context = sample_context(language, kind, smallest=smallest)
        jobs.append(LetterJob(template, context, target))
    render_letters(jobs, tmp_path / "a_imprimer.docx", Quiet())
    pdfs = convert_to_pdf([j.target for j in jobs], tmp_path / "pdf")  # one batch
    for (kind, language, smallest), job, pdf in zip(cases, jobs, pdfs, strict=True):
        text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(pdf)).pages)
        text = text.replace("\u202f", " ").replace("\xa0", " ")
        context = job.context
        where = f"{kind} {language} {'smallest' if smallest else 'full'}"
        assert context["debtor"]["name"] in text, where
        assert context["creditor"]["name"] in text, where
        for inv in context["invoices"]:
            assert inv["number"] in text, where
            # A claim for penalties lists invoices paid in full: their interest, not a balance.
            shown = inv["interest"] if kind == "penalites" else inv["outstanding"]
            assert " ".join(shown.split()) in text, where
        if kind in ("relance_2", "mise_en_demeure"):
            assert " ".join(context["totals"]["claimed"].split()) in text, where
        if kind == "mise_en_demeure":
            # The deadline runs from receipt of the letter, and interest until payment.
            assert context["letter"]["deadline"] not in text
            assert ("réception de la présente" if language == "fr" else "of receiving") in text
            assert "tenir compte" not in text and "disregard" not in text
        if kind in ("relance_2", "mise_en_demeure"):
            # The breakdown (CPC 1407): every period's dates and interest, its rate.
            assert context["interest_periods"], where
            for period in context["interest_periods"]:
                # « 16 Oct 2026 » in English, bound by no-break spaces (plain in the text)
                assert " ".join(period["start"].split()) in text, where
                assert " ".join(period["interest"].split()) in text, where


@needs_libreoffice
def test_sample_run_letters_convert_to_pdf_with_their_values(sample):
    import relance_xlsx
    from relance_xlsx.letters import convert_to_pdf

    result = relance_xlsx.run(sample, settings_near(sample), as_of=AS_OF, write_workbook=False)
    one_per_kind = {letter.kind: letter for letter in result.letters}
    assert set(one_per_kind) == {"relance_1", "relance_2", "mise_en_demeure"}  # thanks: in them
    pdfs = convert_to_pdf([Path(x.path) for x in one_per_kind.values()], sample.parent / "pdf")
    for letter, pdf in zip(one_per_kind.values(), pdfs, strict=True):
        text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(pdf)).pages)
        assert letter.client in text
        for number in letter.invoices:
            assert number in text
        total = f"{letter.total_due:,.2f}".replace(",", " ").replace(".", ",")
        assert total in text.replace("\u202f", " ").replace("\xa0", " ")


class CountingProgress:
    """Counts what a progress bar would show."""

    def __init__(self) -> None:
        self.totals: list[int] = []
        self.done = 0

    def start(self, label: str, total: int) -> None:
        self.totals.append(total)

    def advance(self, n: int = 1) -> None:
        self.done += n

    def stop(self) -> None:
        return None


@needs_libreoffice
def test_a_big_batch_converts_on_two_libreoffice_processes(tmp_path):
    from relance_xlsx.letters import PARALLEL_FROM, convert_to_pdf

    clients = [(f"Client {i:02d}", "relance_1", "fr") for i in range(PARALLEL_FROM + 2)]
    jobs = _letter_jobs(tmp_path, clients)
    bundle = render_letters(jobs, tmp_path / "a_imprimer.docx", Quiet())
    progress = CountingProgress()
    pdfs = convert_to_pdf([bundle, *(j.target for j in jobs)], tmp_path / "pdf", progress=progress)
    assert progress.totals == [len(jobs) + 1] and progress.done == len(jobs) + 1
    # Every letter in the bundle, each from a new page (the sample's, which says a partial
    # payment, takes two).
    pages = [len(PdfReader(str(pdf)).pages) for pdf in pdfs[1:]]
    assert len(PdfReader(str(pdfs[0])).pages) == sum(pages)
    for (client, _, _), pdf in zip(clients, pdfs[1:], strict=True):
        assert client in PdfReader(str(pdf)).pages[0].extract_text()


def _row(periods, paid=0.0, amount=1000.0, outstanding=1000.0):
    return {
        "invoice": "F1",
        "paid": paid,
        "amount": amount,
        "outstanding": outstanding,
        "periods": periods,
    }


_DAY = dt.date(2026, 1, 1)


@pytest.mark.parametrize(
    ("rows", "lang", "rates", "short"),
    [
        pytest.param([_row([(_DAY, _DAY, 1, 12.15, 1000.0, 0.33)])], "fr", "au taux de 12,15\u00a0% l'an", "12,15\u00a0%", id="one-rate"),
        pytest.param(
            [_row([(_DAY, _DAY, 1, 14.5, 1000.0, 0.4)]), _row([(_DAY, _DAY, 1, 12.15, 1000.0, 0.33), (_DAY, _DAY, 1, 14.0, 1000.0, 0.38)])],
            "fr", "aux taux de 12,15\u00a0% à 14,50\u00a0% l'an selon les périodes (détail ci-dessous)", "12,15\u00a0% à 14,50\u00a0%", id="three-rates-fr",
        ),
        pytest.param([_row([(_DAY, _DAY, 1, 12.15, 1000.0, 0.33), (_DAY, _DAY, 1, 14.0, 1000.0, 0.38)])], "en", "at rates of 12.15% to 14.00% a year depending on the period (detailed below)", "12.15% to 14.00%", id="two-rates-en"),
        pytest.param([_row([])], "fr", "au taux de 12,15\u00a0% l'an", "12,15\u00a0%", id="no-period-the-run-rate"),
    ],
)  # fmt: skip
def test_a_letter_names_the_rates_its_interest_was_computed_at(rows, lang, rates, short):
    from relance_xlsx.letters.interest import rates_named

    assert rates_named(rows, 12.15, lang) == {"rates": rates, "rates_short": short}


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        pytest.param(_row([(_DAY, _DAY, 1, 12.15, 600.0, 0.2)], 400.0, 1000.0, 600.0), True, id="paid-on-an-unknown-date"),
        pytest.param(_row([(_DAY, _DAY, 1, 12.15, 1000.0, 0.33), (_DAY, _DAY, 1, 12.15, 600.0, 0.2)], 400.0, 1000.0, 600.0), False, id="payment-dated"),
        pytest.param(_row([(_DAY, _DAY, 1, 12.15, 1000.0, 0.33)]), False, id="nothing-paid"),
    ],
)  # fmt: skip
def test_the_letter_says_when_interest_ran_on_the_balance(row, expected):
    from relance_xlsx.letters.interest import on_balance

    assert on_balance([row]) is expected


@pytest.mark.parametrize(
    ("paragraphs", "said"),
    [
        pytest.param(["Indemnité forfaitaire de {{ legal.indemnity_amount }} (article D441-5)."], "particulier", id="unconditional"),
        pytest.param(["{%p if not debtor.consumer and not debtor.public %}", "Indemnité forfaitaire de {{ legal.indemnity_amount }} (article D441-5).", "{%p endif %}"], None, id="inside-an-if"),
        pytest.param(["{%p if debtor.consumer %}", "Article 1231-6 du Code civil.", "{%p elif debtor.public %}", "Intérêts moratoires (R2192-31).", "{%p else %}", "Pénalités de l'article L441-10.", "{%p endif %}"], None, id="branches-on-the-client-type"),
        pytest.param(["{%p if debtor.consumer %}", "Article 1231-6 du Code civil.", "{%p else %}", "Pénalités de l'article L441-10.", "{%p endif %}"], "acheteur public", id="l441-10-to-a-public-buyer"),
        pytest.param(["{%p if not debtor.consumer %}", "À défaut, requête en injonction de payer.", "{%p endif %}"], "acheteur public", id="injonction-to-a-public-buyer"),
        pytest.param(["{%p if not debtor.public %}", "La présente mise en demeure fait courir les intérêts.", "{%p endif %}"], "professionnel", id="notice-starts-interest-between-businesses"),
    ],
)  # fmt: skip
def test_templates_check_fails_a_template_that_says_to_a_client_what_its_law_does_not(
    tmp_path, paragraphs, said
):
    from typer.testing import CliRunner

    from relance_xlsx.cli import app

    doc = Document()
    doc.add_paragraph("{{ debtor.name }}")
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(tmp_path / "relance_2.docx")
    result = CliRunner().invoke(app, ["templates", "check", str(tmp_path)])
    assert (result.exit_code == 1) is (said is not None), result.output
    if said:
        assert f"client {said}" in result.output


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("{% if %}", id="parse-error"),
        pytest.param("{{ total | no_such_filter }}", id="unknown-filter"),
    ],
)
def test_a_syntax_error_names_its_line(tmp_path, text):
    """The template is compiled once without a line per paragraph; its error is still
    named by the line of its paragraph, as docxtpl numbers them (the last paragraph here)."""
    path = _template_with(tmp_path, text)
    issues = check_template(path, sample_context())
    found = [i.message for i in issues if "erreur de syntaxe" in i.message]
    assert found, issues
    line = int(found[0].split("(ligne ")[1].split(")")[0])
    assert line == 168, found  # its paragraph's line, as docxtpl gives it (not line 1)
