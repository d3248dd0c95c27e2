"""Fifth attack, §8: the template sandbox bounds integer products and powers (10^100 at most)
and reads its clock at each operation, so that repeated squarings fail at once, naming the
template and its line, for letter and e-mail templates."""

from __future__ import annotations

import datetime as dt
import time

import docx
import jinja2
import pytest
from conftest import ROOT, _load_sample_builder

import relance_xlsx
from relance_xlsx.letters.sandbox import bounded_env

SQUARINGS = (
    "{% set ns = namespace(x=10**50) %}{% for i in range(30) %}"
    "{% set ns.x = ns.x * ns.x %}{% endfor %}{{ ns.x }}"
)


@pytest.mark.parametrize(
    ("source", "result"),
    [
        pytest.param("{{ 1234 * 5678 }}", "7006652", id="a-product"),
        pytest.param("{{ 2 ** 64 }}", "18446744073709551616", id="a-power"),
        pytest.param("{{ 10 ** 50 * 10 ** 50 }}", str(10**100), id="at-the-bound"),
        pytest.param("{{ 1.5 * 2 }}", "3.0", id="a-float"),
        pytest.param("\n\n" + SQUARINGS, None, id="squarings"),
        pytest.param("\n\n{{ 99 ** 99 }}", None, id="a-power-past-the-bound"),
        pytest.param("\n\n{{ 10 ** 60 * 10 ** 60 }}", None, id="a-product-past-the-bound"),
        pytest.param(
            "\n\n{% set ns = namespace(x=7) %}{% for i in range(40) %}"
            "{% set ns.x = ns.x ** 3 %}{% endfor %}{{ ns.x }}",
            None,
            id="cubes",
        ),
    ],
)
def test_integer_products_and_powers_are_bounded(source, result):
    env = bounded_env()
    env.start()
    started = time.process_time()
    if result is not None:
        assert env.from_string(source).render() == result
        return
    with pytest.raises(jinja2.exceptions.SecurityError, match="nombre trop grand") as caught:
        env.from_string(source).render()
    assert time.process_time() - started < 2  # at once, not minutes of CPU
    assert caught.value.template_line == 3  # the line the template's author looks at


def _folder(tmp_path):
    folder = tmp_path / "Compta"
    (folder / "modeles" / "email").mkdir(parents=True)
    # Built afresh: the repository's copy has been run by the Quick start in a fresh clone.
    _load_sample_builder().build(folder / "gl.xlsx")
    text = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    (folder / "relance.toml").write_text(text + '\n[letters]\ntemplate_dir = "modeles"\n')
    return folder


@pytest.mark.parametrize("kind", ["letter", "email"])
def test_a_template_squaring_numbers_fails_at_once_with_its_name_and_line(tmp_path, kind):
    folder = _folder(tmp_path)
    if kind == "letter":
        doc = docx.Document(str(ROOT / "word_templates" / "relance_1.docx"))
        doc.add_paragraph(SQUARINGS)
        doc.save(str(folder / "modeles" / "relance_1.docx"))
        said = "Le modèle relance_1.docx ne peut pas être rempli (ligne "
    else:
        (folder / "modeles" / "email" / "objet.txt").write_text("Relance\n\n" + SQUARINGS)
        said = "objet.txt ne peut pas être rempli (ligne 3) : nombre trop grand"
    settings = relance_xlsx.load_settings(folder / "relance.toml")
    started = time.process_time()
    with pytest.raises(relance_xlsx.TemplateError) as caught:
        relance_xlsx.run(
            folder / "gl.xlsx", settings, as_of=dt.date(2026, 11, 22), dry_run=True,
            email=kind == "email",
        )  # fmt: skip
    assert time.process_time() - started < 30
    assert said in str(caught.value) and "nombre trop grand" in str(caught.value)
