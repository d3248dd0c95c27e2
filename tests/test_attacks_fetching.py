"""A template that fetches content by itself when opened: Word fields (INCLUDEPICTURE,
INCLUDETEXT, LINK, DDE, DDEAUTO, IMPORT), imported blocks and VML pictures by address in a
letter template, remote pictures, frames, scripts and style sheets in an HTML e-mail
template. Refused by `relance templates check` and by a run before any letter, in French,
naming the template, the field and the fix."""

from __future__ import annotations

import html
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

URL = "http://127.0.0.1:9/pixel.png"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _runs(*pieces: str) -> str:
    """A paragraph of runs: «begin», «sep», «end» are fldChar, other strings instrText."""
    runs = []
    for p in pieces:
        if p in ("begin", "separate", "end"):
            runs.append(f'<w:r><w:fldChar w:fldCharType="{p}"/></w:r>')
        elif p.startswith("<"):
            runs.append(p)
        else:
            runs.append(f'<w:r><w:instrText xml:space="preserve">{p}</w:instrText></w:r>')
    return "<w:p>" + "".join(runs) + "</w:p>"


def _simple(instr: str) -> str:
    instr = html.escape(instr, quote=True)
    return f'<w:p><w:fldSimple w:instr="{instr}"><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>'


VML = (
    '<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" style="width:1pt">'
    f'<v:imagedata src="{URL}"/></v:shape></w:pict></w:r></w:p>'
)
RESULT = "<w:r><w:t>page</w:t></w:r>"
# (paragraph put in the body, or in the footer with « footer: »; what the refusal names).
FIELDS = {
    "includepicture-simple": (_simple(f'INCLUDEPICTURE "{URL}" \\d'), "INCLUDEPICTURE"),
    "includepicture-split-over-runs": (
        _runs("begin", " INCLUDE", f'PICTURE "{URL}" \\d ', "separate", RESULT, "end"),
        "INCLUDEPICTURE",
    ),
    "includetext-lowercase-file": (
        _runs("begin", ' includetext "/etc/passwd" ', "end"),
        "INCLUDETEXT",
    ),
    "include-old-name": (_simple('  INCLUDE "C:\\\\secret.doc"'), "INCLUDE"),
    "link": (_runs("begin", f' LINK Word.Document.12 "{URL}" "" \\a ', "end"), "LINK"),
    "dde": (_simple('DDE cmd "/c calc" x'), "DDE"),
    "ddeauto-no-space-quoted": (
        _runs("begin", '"DDEAUTO"c:\\\\cmd.exe "/k calc"', "end"),
        "DDEAUTO",
    ),
    "import": (_simple(f"IMPORT {URL}"), "IMPORT"),
    "includepicture-no-quotes-unc": (
        _simple("includePicture \\\\\\\\host\\\\x.png"),
        "INCLUDEPICTURE",
    ),
    "nested-inside-if": (
        _runs("begin", ' IF 1 = 1 "', "begin", f' INCLUDEPICTURE "{URL}" ', "end", '" ', "end"),
        "INCLUDEPICTURE",
    ),
    "keyword-made-by-a-field": (
        _runs("begin", "begin", ' QUOTE "INCLUDEPICTURE" ', "end", f' "{URL}" ', "end"),
        "fait par un autre champ",
    ),
    "in-the-footer": ("footer:" + _simple(f'INCLUDEPICTURE "{URL}"'), "INCLUDEPICTURE"),
    "vml-picture-by-address": (VML, URL),
    "alt-chunk": (f'<w:altChunk xmlns:r="{RELS}" r:id="rIdAlt"/>', "altChunk"),
}
HARMLESS = {
    "hyperlink": _runs("begin", f' HYPERLINK "{URL}" ', "separate", RESULT, "end"),
    "page": _simple("PAGE"),
    "numpages-split": _runs("begin", " NUM", "PAGES ", "separate", RESULT, "end"),
    "field-result-holds-a-field": _runs(
        "begin", " PAGE ", "separate", "begin", " SECTION ", "end", "end"
    ),
    "linked-word-in-text": "<w:p><w:r><w:t>INCLUDEPICTURE LINK DDE</w:t></w:r></w:p>",
}


def _with(target: Path, paragraph: str) -> Path:
    """The bundled relance_1.docx with one more paragraph first in its body (or footer)."""
    part, paragraph = (
        ("word/footer1.xml", paragraph[7:])
        if paragraph.startswith("footer:")
        else ("word/document.xml", paragraph)
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    source = ROOT / "word_templates" / "relance_1.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                body = part.endswith("document.xml")
                at = data.index(b"<w:body>") + 8 if body else data.index(b"<w:p")
                data = data[:at] + paragraph.encode() + data[at:]
            zout.writestr(info, data)
    return target


@pytest.mark.parametrize(("paragraph", "said"), FIELDS.values(), ids=FIELDS.keys())
def test_templates_check_refuses_a_field_that_fetches(tmp_path, paragraph, said):
    template = _with(tmp_path / "relance_1.docx", paragraph)
    [issue] = [i.describe() for i in check_template(template, {})]
    assert issue.startswith("relance_1.docx : Modèle refusé : "), issue
    assert said in issue and str(template) in issue
    assert "supprimez ce champ" in issue or "enregistrez-le à nouveau" in issue


@pytest.mark.parametrize("paragraph", HARMLESS.values(), ids=HARMLESS.keys())
def test_fields_that_fetch_nothing_are_kept(tmp_path, paragraph):
    template = _with(tmp_path / "relance_1.docx", paragraph)
    assert not [i for i in check_template(template, {}) if "refusé" in i.message]


def test_a_run_refuses_a_fetching_field_before_any_letter(tmp_path):
    _office(tmp_path)
    workbook(tmp_path / "grand-livre.xlsx")
    _with(tmp_path / "modeles" / "relance_1.docx", FIELDS["includepicture-simple"][0])
    _with_config(tmp_path, '[letters]\ntemplate_dir = "modeles"')
    done = relance("run", "grand-livre.xlsx", "--as-of", "22/11/2026", cwd=tmp_path)
    said = said_in_french(done, 1, "relance_1.docx")
    assert "champ INCLUDEPICTURE" in said and URL in said and "supprimez ce champ" in said
    written = tmp_path / "relances"
    assert not written.exists() or not list(written.rglob("*.docx"))


HTML_REMOTE = {
    "img": (f'<p>Bonjour</p><img src="{URL}" width="1">', "src"),
    "img-upper-unquoted": (f"<IMG SRC={URL}>", "src"),
    "img-srcset": (f'<img srcset="{URL} 2x">', "srcset"),
    "img-entity-encoded": ('<img src="&#104;ttp://127.0.0.1:9/p.png">', "src"),
    "link-stylesheet": (f'<link rel="stylesheet" href="{URL}">', "<link>"),
    "style-block-url": (f"<style>body {{ background: URL( '{URL}' ) }}</style>", "<style>"),
    "style-block-import": (f'<style>@import "{URL}";</style>', "<style>"),
    "style-attr-url": (f'<td style="background-image:url({URL})">x</td>', "style"),
    "style-attr-escaped": (f'<td style="background:u\\72l({URL})">x</td>', "style"),
    "style-attr-comment": (f'<td style="background:url/**/({URL})">x</td>', "style"),
    "iframe": (f'<iframe src="{URL}"></iframe>', "<iframe>"),
    "object": (f'<object data="{URL}"></object>', "<object>"),
    "script": ("<script>new Image().src='x'</script>", "<script>"),
    "body-background": (f'<body background="{URL}">', "background"),
    "video-poster": (f'<video poster="{URL}"></video>', "poster"),
    "svg-image": (f'<svg><image href="{URL}"/></svg>', "href"),
    "variable-src": ('<img src="{{ creditor.logo }}">', "src"),
}
HTML_KEPT = {
    "link-to-click": f'<p><a href="{URL}">payer en ligne</a></p>',
    "embedded-picture": '<img src="cid:logo@relance" alt="logo">',
    "inline-picture": '<img src="data:image/png;base64,iVBORw0KGgo=">',
    "plain-style": "<style>p { color: #333; margin: 0 }</style><p>Bonjour</p>",
}


def _email_folder(folder: Path, html: str) -> Path:
    email = folder / "modeles" / "email"
    shutil.copytree(ROOT / "word_templates" / "email", email)
    (email / "message.html").write_text(html, encoding="utf-8")
    return folder / "modeles"


@pytest.mark.parametrize(("html", "said"), HTML_REMOTE.values(), ids=HTML_REMOTE.keys())
def test_templates_check_refuses_an_email_that_loads_remote_content(tmp_path, html, said):
    base = _email_folder(tmp_path, html)
    shutil.copy2(ROOT / "word_templates" / "relance_1.docx", base / "relance_1.docx")
    result = CliRunner().invoke(app, ["templates", "check", str(base)])
    assert result.exit_code == 1, result.stdout
    assert "email/message.html : 1 problème(s)" in result.stdout
    assert "relance_1.docx : ok" in result.stdout
    [line] = [x for x in result.stdout.splitlines() if x.startswith("  - ")]
    assert "Modèle d'e-mail refusé : " in line and "message.html charge" in line, line
    assert said in line, line
    assert "charge un contenu hors du message" in line and "retirez-le du modèle" in line


@pytest.mark.parametrize("html", HTML_KEPT.values(), ids=HTML_KEPT.keys())
def test_an_email_with_links_and_embedded_pictures_passes(tmp_path, html):
    base = _email_folder(tmp_path, html)
    shutil.copy2(ROOT / "word_templates" / "relance_1.docx", base / "relance_1.docx")
    result = CliRunner().invoke(app, ["templates", "check", str(base)])
    assert result.exit_code == 0, result.stdout
    assert "email/message.html : ok" in result.stdout


def test_a_run_with_emails_refuses_a_tracking_pixel_before_any_letter(tmp_path, sample):
    # A freshly built sample: the repository's own has its week done once the README's
    # quick start has run (a fresh clone's check), and a run with nothing new plans no e-mail.
    _office(tmp_path)
    shutil.copy2(sample, tmp_path / "gl.xlsx")
    _email_folder(tmp_path, f'<p>Bonjour</p><img src="{URL}">')
    _with_config(tmp_path, '[letters]\ntemplate_dir = "modeles"')
    done = relance("run", "gl.xlsx", "--as-of", "22/11/2026", "--email", cwd=tmp_path)
    said = said_in_french(done, 1, "message.html")
    assert URL in said and "retirez-le du modèle" in said
    written = tmp_path / "relances"
    assert not written.exists() or not list(written.rglob("*.docx"))


# -- third attack review: code written by Jinja, blanks before a nested field, parts named
# otherwise than *.xml, a mail merge's data source -----------------------------------------

NESTED_AFTER = {
    "tab": "\t",
    "no-break-space": "\u00a0",
    "narrow-no-break-space": "\u202f",
}


@pytest.mark.parametrize("lead", NESTED_AFTER.values(), ids=NESTED_AFTER.keys())
def test_a_field_whose_keyword_a_nested_field_makes_after_a_blank_is_refused(tmp_path, lead):
    paragraph = _runs("begin", lead, "begin", ' QUOTE "INCLUDEPICTURE" ', "end", f' "{URL}" \\d ',
                      "end")  # fmt: skip
    template = _with(tmp_path / "relance_1.docx", paragraph)
    [issue] = [i.describe() for i in check_template(template, {})]
    assert "fait par un autre champ" in issue, issue


JINJA_CODES = {
    "literal": ('{{ "INCLUDEPICTURE" }} "' + URL + '" \\d', "INCLUDEPICTURE"),
    "joined": ("{{ 'INCLUDE' ~ 'PICTURE' }} \"" + URL + '" \\d', "INCLUDEPICTURE"),
    "ddeauto": ('{{ "DDEAUTO" }} c:\\\\windows\\\\system32\\\\cmd.exe "/c calc"', "DDEAUTO"),
}


@pytest.mark.parametrize(("code", "said"), JINJA_CODES.values(), ids=JINJA_CODES.keys())
def test_a_field_code_written_by_jinja_is_refused_once_filled(tmp_path, code, said):
    paragraph = _runs("begin", html.escape(code, quote=False), "separate", RESULT, "end")
    _with(tmp_path / "modeles" / "relance_1.docx", paragraph)
    result = CliRunner().invoke(app, ["templates", "check", str(tmp_path / "modeles")])
    assert result.exit_code == 1, result.stdout
    [line] = [x for x in result.stdout.splitlines() if x.startswith("  - ")]
    assert "une fois rempli" in line and f"champ {said}" in line, line


def test_a_run_refuses_a_letter_whose_filled_code_fetches(tmp_path):
    _office(tmp_path)
    workbook(tmp_path / "grand-livre.xlsx")
    paragraph = _runs("begin", JINJA_CODES["literal"][0], "separate", RESULT, "end")
    _with(tmp_path / "modeles" / "relance_1.docx", paragraph)
    _with_config(tmp_path, '[letters]\ntemplate_dir = "modeles"')
    done = relance("run", "grand-livre.xlsx", "--as-of", "22/11/2026", cwd=tmp_path)
    said = said_in_french(done, 1, "une fois rempli")
    assert "champ INCLUDEPICTURE" in said and URL in said


def _repacked(target: Path, footer_name: str = "", settings: str = "") -> Path:
    """relance_1.docx with its footer renamed (rels and content type too) holding a fetching
    field, or with more in settings.xml."""
    source = ROOT / "word_templates" / "relance_1.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            name, data = info.filename, zin.read(info.filename)
            if name == "word/footer1.xml" and footer_name:
                at = data.index(b"<w:p")
                data = data[:at] + _simple(f'INCLUDEPICTURE "{URL}" \\d').encode() + data[at:]
                name = f"word/{footer_name}"
            elif footer_name and name in ("word/_rels/document.xml.rels", "[Content_Types].xml"):
                data = data.replace(b"footer1.xml", footer_name.encode())
            elif name == "word/settings.xml" and settings:
                at = data.index(b">", data.index(b"<w:settings")) + 1
                data = data[:at] + settings.encode() + data[at:]
            zout.writestr(name, data)
    return target


MAIL_MERGE = (
    '<w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:linkToQuery/>'
    '<w:dataType w:val="native"/><w:connectString w:val="Data Source=\\\\127.0.0.1\\share\\'
    'V10.xlsx"/><w:query w:val="SELECT * FROM `Feuil1$`"/></w:mailMerge>'
)
PACKAGES = {
    "footer-named-dat": ({"footer_name": "footer1.dat"}, "INCLUDEPICTURE"),
    "footer-named-upper-xml": ({"footer_name": "footer1.XML"}, "INCLUDEPICTURE"),
    "mail-merge-data-source": ({"settings": MAIL_MERGE}, "publipostage"),
}


@pytest.mark.parametrize(("change", "said"), PACKAGES.values(), ids=PACKAGES.keys())
def test_parts_are_scanned_by_content_type_and_a_mail_merge_is_refused(tmp_path, change, said):
    template = _repacked(tmp_path / "relance_1.docx", **change)
    issues = [i.describe() for i in check_template(template, {})]
    assert any("Modèle refusé" in i and said in i for i in issues), issues


# Python's HTMLParser and the mail readers (WHATWG parsers, Outlook's conditional comments)
# disagree on comments and raw-text elements: what hides an <img> from one is refused.
HTML_HIDDEN = {
    "comment-opened-and-closed": (f"<!--><img src={URL}><!-- -->", "« <!--"),
    "comment-three-dashes": (f"<!---><img src={URL}>", "« <!--"),
    "comment-bang-close": (f"<!-- a --!><img src={URL}><!-- b -->", "« <!--"),
    "title-holding-style": (f"<title><style></title><img src={URL}>", "<title>"),
    "outlook-conditional": (f"<!--[if mso]><img src={URL}><![endif]-->", "« <!--"),
    "downlevel-revealed": (f"<![if !mso]><img src={URL}><![endif]>", "« <!["),
    "textarea-holding-a-tag": (f"<p>x</p>\n<textarea><style></textarea><img src={URL}>", "ligne 2"),
}
HTML_PLAIN = {
    "doctype": "<!DOCTYPE html><html><body><p>Bonjour</p></body></html>",
    "title-of-text": "<title>Relance &lt;urgent&gt;</title><p>Bonjour</p>",
}


@pytest.mark.parametrize(("html", "said"), HTML_HIDDEN.values(), ids=HTML_HIDDEN.keys())
def test_comments_and_tags_in_raw_text_are_refused_in_an_email(tmp_path, html, said):
    base = _email_folder(tmp_path, html)
    shutil.copy2(ROOT / "word_templates" / "relance_1.docx", base / "relance_1.docx")
    result = CliRunner().invoke(app, ["templates", "check", str(base)])
    assert result.exit_code == 1, result.stdout
    [line] = [x for x in result.stdout.splitlines() if x.startswith("  - ")]
    assert "Modèle d'e-mail refusé : " in line and "ne lisent pas toutes" in line, line
    assert said in line and "retirez-le du modèle" in line, line


@pytest.mark.parametrize("html", HTML_PLAIN.values(), ids=HTML_PLAIN.keys())
def test_a_doctype_and_a_plain_title_pass(tmp_path, html):
    base = _email_folder(tmp_path, html)
    shutil.copy2(ROOT / "word_templates" / "relance_1.docx", base / "relance_1.docx")
    result = CliRunner().invoke(app, ["templates", "check", str(base)])
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize(
    ("codec", "declared"),
    [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16BE")],
    ids=["utf-16-bom", "utf-16be-no-bom"],
)
def test_a_part_in_another_encoding_is_scanned_all_the_same(tmp_path, codec, declared):
    """Parts whose bytes name no field are not parsed (a run's fixed cost); a part encoded
    so that its names are not those bytes (UTF-16) is parsed whole."""
    from lxml import etree

    template = _with(tmp_path / "clean.docx", "footer:" + _simple(f'INCLUDEPICTURE "{URL}"'))
    target = tmp_path / "relance_1.docx"
    with zipfile.ZipFile(template) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/footer1.xml":
                text = etree.tostring(etree.fromstring(data), encoding="unicode")
                data = (f'<?xml version="1.0" encoding="{declared}"?>' + text).encode(codec)
                assert b"INCLUDEPICTURE" not in data and b"instr" not in data
            zout.writestr(info, data)
    [issue] = [i.describe() for i in check_template(target, {})]
    assert "INCLUDEPICTURE" in issue, issue
