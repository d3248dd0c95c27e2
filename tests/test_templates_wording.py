"""Two lines of the bundled letters' wording (session 10): the surplus of payments on account
is titled « Règlements reçus non imputés (excédent) » (they are imputed by law, only what
exceeds every invoice is listed); the bank after the BIC is printed from creditor.bank_line,
never « () »; an office's old copy with « ({{ creditor.bank }}) » is warned of, never changed."""

# ruff: noqa: E501

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from docxtpl import DocxTemplate
from typer.testing import CliRunner

from relance_xlsx import load_settings
from relance_xlsx.cli import app
from relance_xlsx.config import Settings
from relance_xlsx.letters import bundled_templates, creditor_context, sample_context
from relance_xlsx.letters.items import creditor_for
from relance_xlsx.letters.render import jinja_env
from relance_xlsx.letters.sample import SAMPLE_CREDITOR
from relance_xlsx.pipeline.around import template_folder

SURPLUS = {"fr": "Règlements reçus non imputés (excédent) :", "en": "Payments received not applied (surplus):"}  # fmt: skip
KINDS = ["relance_1", "relance_2", "mise_en_demeure", "penalites", "pre_echeance"]


def _template(language: str, kind: str) -> Path:
    base = bundled_templates()
    return base / kind if language == "fr" else base / "en" / kind


def _filled(path: Path, context: dict) -> str:
    doc = DocxTemplate(str(path))
    doc.render(context, jinja_env=jinja_env(), autoescape=True)
    out = io.BytesIO()
    doc.save(out)
    filled = Document(io.BytesIO(out.getvalue()))
    cells = [c.text for t in filled.tables for row in t.rows for c in row.cells]
    return "\n".join([*(p.text for p in filled.paragraphs), *cells])


def _context(language: str, kind: str, bank: str) -> dict:
    context = sample_context(language, kind)
    settings = Settings(creditor=replace(SAMPLE_CREDITOR, bank=bank))
    context["creditor"] = creditor_for(creditor_context(settings, []), language)
    context["received_payments"] = [
        {"number": "1700001", "date": "20/10/2026", "object": "Acompte", "amount": "50,00 €"}
    ]
    return context


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_the_surplus_of_payments_received_is_titled_as_a_surplus(language, kind):
    text = _filled(_template(language, f"{kind}.docx"), _context(language, kind, "Banque X"))
    assert SURPLUS[language] in text, text
    assert "non déduits de la somme demandée (indiquez-nous la facture à laquelle" not in text
    assert "tell us which invoice to apply them to" not in text


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(
    ("bank", "said"),
    [
        pytest.param("", "BIC AGRIFRPP888, ", id="no-bank"),
        pytest.param("  ", "BIC AGRIFRPP888, ", id="blank-bank"),
        pytest.param("Crédit Agricole", "BIC AGRIFRPP888 (Crédit Agricole), ", id="bank"),
    ],
)
def test_the_bank_after_the_bic_is_never_empty_brackets(language, bank, said):
    context = _context(language, "relance_1", bank)
    context["creditor"]["bic"] = "AGRIFRPP888"
    text = _filled(_template(language, "relance_1.docx"), context)
    assert "()" not in text and "( )" not in text
    assert said in text, text


def _old_copy(folder: Path, transfer: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    doc = Document()
    doc.add_paragraph("{{ debtor.name }}")
    doc.add_paragraph("Modalités de règlement :")
    doc.add_paragraph(transfer)
    doc.save(folder / "relance_1.docx")
    return folder


BARE = "– par virement sur le compte IBAN {{ creditor.iban }} – BIC {{ creditor.bic }} ({{ creditor.bank }}), en indiquant en référence : {{ payment.reference }} ;"  # fmt: skip
GUARDED = BARE.replace("({{ creditor.bank }})", "{% if creditor.bank %}({{ creditor.bank }}){% endif %}")  # fmt: skip


@pytest.mark.parametrize(
    ("transfer", "warned"),
    [
        pytest.param(BARE, True, id="old-copy"),
        pytest.param(GUARDED, False, id="guarded"),
        pytest.param(
            BARE.replace("({{ creditor.bank }})", "{{ creditor.bank_line }}"), False, id="bank-line"
        ),
    ],
)
def test_templates_check_warns_of_an_old_copy_printing_empty_brackets(tmp_path, transfer, warned):
    folder = _old_copy(tmp_path / "modeles", transfer)
    before = (folder / "relance_1.docx").read_bytes()
    result = CliRunner().invoke(app, ["templates", "check", str(folder)])
    assert result.exit_code == 0, result.output  # a warning: the letters are right with a bank
    said = [ln for ln in result.output.splitlines() if "avertissement" in ln]
    if warned:
        assert len(said) == 1, result.output
        assert "relance_1.docx" in said[0] and "paragraphe 3" in said[0], said
        assert "« () »" in said[0] and "creditor.bank_line" in said[0], said
    else:
        assert said == [], result.output
    assert (folder / "relance_1.docx").read_bytes() == before  # never changed behind its back


@pytest.mark.parametrize(("bank", "warned"), [("", True), ("Banque X", False)])
def test_a_run_with_an_old_copy_and_no_bank_says_so(tmp_path, bank, warned):
    _old_copy(tmp_path / "modeles", BARE)
    (tmp_path / "relance.toml").write_text(
        f'[creditor]\nbank = "{bank}"\n[letters]\ntemplate_dir = "modeles"\n', encoding="utf-8"
    )
    settings = load_settings(tmp_path / "relance.toml")
    warnings: list[str] = []
    assert template_folder(settings, warnings) == str(tmp_path / "modeles")
    said = [w for w in warnings if "relance_1.docx" in w and "« () »" in w]
    assert len(said) == (1 if warned else 0), warnings
