"""Fifth attack, §7: « Confirmer » runs only what the preview showed. The workbook, the
settings (relance.toml: the IBAN the letters print) and the user's letter templates are one
digest; any change since the preview is refused, nothing run, saying what changed."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, _load_sample_builder
from openpyxl import load_workbook
from test_page import _previewed, _version, _wait, page  # noqa: F401  (fixture)
from test_page_week import office  # noqa: F401  (fixture)

import relance_xlsx
from relance_xlsx.pipeline import content_hash, preview_digest

AS_OF = dt.date(2026, 11, 22)
SETTINGS_SAID = "Les réglages (relance.toml) ont changé depuis l'aperçu"
TEMPLATES_SAID = "Les modèles de lettre ou d'e-mail ont changé depuis l'aperçu"


def _new_iban(toml: Path) -> None:
    """A colleague changes the IBAN the letters print."""
    text = re.sub(r'iban = "[^"]*"', 'iban = "FR76 3000 4000 5000 6000 7000 189"', toml.read_text())
    toml.write_text(text, encoding="utf-8")


def _new_template(toml: Path) -> None:
    """A colleague saves the letter template again (here: its zip comment only)."""
    with zipfile.ZipFile(toml.parent / "modeles" / "relance_1.docx", "a") as docx:
        docx.comment = b"saved again"


def _folder(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "Compta"
    (folder / "modeles").mkdir(parents=True)
    # Built afresh: the repository's copy has been run by the Quick start in a fresh clone.
    _load_sample_builder().build(folder / "gl.xlsx")
    toml = folder / "relance.toml"
    text = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    toml.write_text(text + '\n[letters]\ntemplate_dir = "modeles"\n', encoding="utf-8")
    shutil.copy(ROOT / "word_templates" / "relance_1.docx", folder / "modeles")
    return folder / "gl.xlsx", toml


@pytest.mark.parametrize(
    ("change", "said"),
    [
        pytest.param(None, None, id="as-previewed-runs"),
        pytest.param(_new_iban, SETTINGS_SAID, id="relance-toml-changed"),
        pytest.param(_new_template, TEMPLATES_SAID, id="template-changed"),
    ],
)
def test_confirm_runs_only_with_the_previewed_settings_and_templates(tmp_path, change, said):
    ledger, toml = _folder(tmp_path)
    settings = relance_xlsx.load_settings(toml)
    seen = preview_digest(content_hash(ledger), settings)
    preview = relance_xlsx.run(ledger, settings, as_of=AS_OF, dry_run=True)
    assert preview.letters
    if change is not None:
        change(toml)
    out = tmp_path / "out"
    settings = relance_xlsx.load_settings(toml)  # as the page does at « Confirmer »
    if said is None:
        assert relance_xlsx.run(ledger, settings, as_of=AS_OF, out_dir=out, expect=seen).letters
        return
    with pytest.raises(relance_xlsx.WorkbookChanged) as caught:
        relance_xlsx.run(ledger, settings, as_of=AS_OF, out_dir=out, expect=seen)
    assert str(caught.value).startswith(said + " : rien n'a été fait")
    assert not out.exists()


def test_the_page_previews_again_when_relance_toml_changed(page, office):  # noqa: F811
    client = _previewed(page, office)
    _new_iban(office.parent / "relance.toml")
    data = {"jeton": page.state.token, "confirme": "oui", "apercu": _version(client)}
    client.post("/traitement", data=data)
    assert _wait(client)["error"] is None
    assert page.state.last_run is None  # nothing run, nothing written
    assert "Journal des relances" not in load_workbook(office).sheetnames
    said = SETTINGS_SAID + " : vérifiez ce nouvel aperçu avant de confirmer."
    assert said.replace("'", "&#39;") in client.get("/apercu").text
    client.post("/traitement", data={**data, "apercu": _version(client)})
    assert _wait(client)["error"] is None
    assert page.state.last_run is not None and page.state.last_run.letters
