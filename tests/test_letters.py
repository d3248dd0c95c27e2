"""Letters: every template renders with real values, safely, and reads back from the PDF."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import AS_OF, convert, needs_libreoffice
from docx import Document
from docxtpl import DocxTemplate
from pypdf import PdfReader

from relance_xlsx.bundle import build_bundle
from relance_xlsx.errors import TemplateError
from relance_xlsx.levels import ALL_KINDS
from relance_xlsx.render import (
    bundled_templates,
    check_template,
    inside,
    render_letter,
    safe_filename,
)
from relance_xlsx.sample import sample_context

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
        assert context["letter"]["deadline"] in text


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


def test_bundle_starts_each_letter_on_a_new_page(tmp_path):
    letters = []
    for i, kind in enumerate(("mise_en_demeure", "relance_2", "relance_1")):
        path = tmp_path / f"{i}.docx"
        DocxTemplate(str(bundled_templates() / f"{kind}.docx"))
        render_letter(bundled_templates() / f"{kind}.docx", sample_context("fr", kind), path)
        letters.append(path)
    bundle = build_bundle(letters, tmp_path / "a_imprimer.docx")
    xml = Document(str(bundle)).element.xml
    assert xml.count('w:type="page"') == len(letters) - 1
    text = text_of(bundle)
    assert text.index("mise en demeure") < text.index("2e relance") < text.index("Objet : relance")


@needs_libreoffice
@pytest.mark.parametrize("kind", ["relance_1", "relance_2", "mise_en_demeure", "remerciement"])
def test_letter_converts_to_pdf_with_values(tmp_path, kind):
    context = sample_context("fr", kind)
    docx = tmp_path / f"{kind}.docx"
    render_letter(bundled_templates() / f"{kind}.docx", context, docx)
    pdf = convert(docx, "pdf", tmp_path)
    text = " ".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    flat = " ".join(text.split())
    assert TRICKY in flat
    for inv in context["invoices"]:
        assert inv["number"] in flat
        assert " ".join(inv["outstanding"].split()) in flat


@needs_libreoffice
def test_sample_run_letters_convert_to_pdf_with_their_values(sample):
    from relance_xlsx import pipeline
    from relance_xlsx.bundle import convert_to_pdf

    result = pipeline.run(sample, as_of=AS_OF, write_workbook=False)
    one_per_kind = {letter.kind: letter for letter in result.letters}
    assert set(one_per_kind) == {"relance_1", "relance_2", "mise_en_demeure", "remerciement"}
    pdfs = convert_to_pdf([Path(x.path) for x in one_per_kind.values()], sample.parent / "pdf")
    for letter, pdf in zip(one_per_kind.values(), pdfs, strict=True):
        text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(pdf)).pages)
        assert letter.client in text
        for number in letter.invoices:
            assert number in text
        total = f"{letter.total_due:,.2f}".replace(",", " ").replace(".", ",")
        assert total in text.replace("\u202f", " ").replace("\xa0", " ")
