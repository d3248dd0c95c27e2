"""The English letters give the 40 € one name throughout, « fixed compensation for recovery
costs » (Directive 2011/7/EU, art. 6): they mixed it with « fixed recovery indemnity » (the
third legal review, 8f)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import all_paragraphs
from docx import Document

from relance_xlsx.letters import noticed

ENGLISH = Path(__file__).resolve().parent.parent / "word_templates" / "en"


@pytest.mark.parametrize(
    "name", ["mise_en_demeure", "penalites", "relance_1", "relance_2"], ids=str
)
def test_an_english_template_names_the_40_euros_one_way(name):
    doc = Document(str(ENGLISH / f"{name}.docx"))
    # Without the template's own names ({{ legal.indemnity_amount }}…).
    text = re.sub(r"{[{%].*?[%}]}", "", " ".join(p.text for p in all_paragraphs(doc)))
    assert "indemnity" not in text.lower(), text
    assert "fixed compensation for recovery costs" in text


def test_the_paid_after_notice_sentence_uses_the_same_name():
    said = " ".join(v for kinds in vars(noticed).values() if isinstance(kinds, dict)
                    for k in kinds.values() if isinstance(k, dict) for v in k.values())  # fmt: skip
    assert "recovery indemnity" not in said
    assert "fixed compensation for recovery costs remain due" in said
