"""A letter template that links a picture, an object or a frame by its address: refused by
`templates check` and by a run before any letter (LibreOffice would fetch it at every PDF,
and every letter would carry the link to the client). Hyperlinks stay allowed."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from hostile_files import workbook
from test_attacks import _office, _with_config, relance, said_in_french
from typer.testing import CliRunner

from relance_xlsx.cli import app
from relance_xlsx.letters.render import check_template

RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
URL = "http://127.0.0.1:9/pixel.png"
PICTURE = (
    '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/'
    '2006/wordprocessingDrawing"><wp:extent cx="9525" cy="9525"/><wp:docPr id="999" name="p"/>'
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData '
    'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://'
    'schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="999" '
    'name="p"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip xmlns:r="' + RELS + '" '
    'r:link="rIdLinked"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic>'
    "</wp:inline></w:drawing></w:r></w:p>"
)


def _linked(target: Path, kind: str, *, part: str = "word/_rels/document.xml.rels",
            mode: str = "External", drawing: bool = False) -> Path:  # fmt: skip
    """The bundled relance_1.docx with one more relationship (kind, to URL) in part, and
    the picture that uses it in the body if asked."""
    source = ROOT / "word_templates" / "relance_1.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        names = zin.namelist()
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                rel = f'<Relationship Id="rIdLinked" Type="{RELS}/{kind}" Target="{URL}"'
                rel += f' TargetMode="{mode}"/>' if mode else "/>"
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            if drawing and info.filename == "word/document.xml":
                data = re.sub(rb"(<w:body>)", rb"\1" + PICTURE.encode(), data, count=1)
            zout.writestr(info, data)
        if part not in names:  # settings.xml's relationships, for an attached template
            rel = f'<Relationship Id="rIdLinked" Type="{RELS}/{kind}" Target="{URL}"'
            zout.writestr(
                part,
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
                'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'{rel} TargetMode="{mode}"/></Relationships>',
            )
    return target


SETTINGS_RELS = "word/_rels/settings.xml.rels"
CASES = {
    "picture-linked": (dict(kind="image", drawing=True), "une image"),
    "picture-relationship-only": (dict(kind="image"), "une image"),
    "picture-mode-lowercase": (dict(kind="image", mode="external"), "une image"),
    "ole-object": (dict(kind="oleObject"), "un objet OLE"),
    "attached-template": (dict(kind="attachedTemplate", part=SETTINGS_RELS), "modèle attaché"),
    "frame": (dict(kind="frame"), "un cadre"),
    "font": (dict(kind="font", part="word/_rels/fontTable.xml.rels"), "une police"),
    "other-kind": (dict(kind="package"), "un élément"),
    "hyperlink": (dict(kind="hyperlink"), None),
    "picture-inside-the-file": (dict(kind="image", mode=""), None),
}


@pytest.mark.parametrize(("link", "said"), CASES.values(), ids=CASES.keys())
def test_templates_check_refuses_a_template_that_links_outside_itself(tmp_path, link, said):
    template = _linked(tmp_path / "relance_1.docx", **link)
    issues = [i.describe() for i in check_template(template, {})]
    linked = [i for i in issues if URL in i]
    if said is None:
        assert not linked, issues
        return
    [issue] = linked
    assert issue.startswith("relance_1.docx : Modèle refusé : ")
    assert said in issue and "un modèle doit contenir ses images" in issue


def test_the_command_says_which_file_and_which_link(tmp_path):
    _linked(tmp_path / "relance_1.docx", "image", drawing=True)
    result = CliRunner().invoke(app, ["templates", "check", str(tmp_path)])
    assert result.exit_code == 1
    assert "relance_1.docx" in result.stdout and URL in result.stdout
    assert "relance_1.docx lie une image hors du fichier" in result.stdout
    assert "dans word/_rels/document.xml.rels" in result.stdout


def test_a_run_refuses_the_template_before_any_letter(tmp_path):
    _office(tmp_path)
    workbook(tmp_path / "grand-livre.xlsx")
    _linked(tmp_path / "modeles" / "relance_1.docx", "image", drawing=True)
    _with_config(tmp_path, '[letters]\ntemplate_dir = "modeles"')
    done = relance("run", "grand-livre.xlsx", "--as-of", "22/11/2026", cwd=tmp_path)
    said = said_in_french(done, 1, "relance_1.docx")
    assert URL in said and "un modèle doit contenir ses images" in said
    written = tmp_path / "relances"
    assert not written.exists() or not list(written.rglob("*.docx"))


def test_the_bundled_templates_link_nothing_outside_themselves(tmp_path):
    shutil.copytree(ROOT / "word_templates", tmp_path / "modeles")
    result = CliRunner().invoke(app, ["templates", "check", str(tmp_path / "modeles")])
    assert result.exit_code == 0, result.stdout
