"""What a template would fetch from outside itself besides its relationships: Word field
codes (INCLUDEPICTURE, INCLUDETEXT, LINK, DDE…), imported blocks and VML pictures linked by
address in a .docx, remote pictures, frames, scripts and style sheets in an HTML e-mail.

Each is a web bug (a picture fetched from a server each time a letter or a message is
opened, by the office or by the client) or worse (DDE runs a program, a `\\\\host\\share`
address sends the Windows password hash). LibreOffice does not resolve them, Word and
mail readers do: they are refused in the template, by name."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from ..ooxml import SAFE_PARSER
from .htmlremote import remote_in_html

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VML_NAMESPACES = ("urn:schemas-microsoft-com:vml", "urn:schemas-microsoft-com:office:office")
_VML = tuple(f"{{{n}}}" for n in _VML_NAMESPACES)
# A field's keyword, after spaces and quotes; longest first (INCLUDE is INCLUDETEXT's alias).
_FETCHING = re.compile(
    r"""^[\s"'\u201c\u201d«»]*(INCLUDEPICTURE|INCLUDETEXT|INCLUDE|LINK|DDEAUTO|DDE|IMPORT)"""
    r"(?![A-Za-z0-9_])",
    re.IGNORECASE,
)
_FIELD_FIX = (
    "Word le résoudrait à l'ouverture de chaque lettre, chez vous comme chez le client ; "
    "supprimez ce champ (Word : Alt+F9 montre les codes de champ) et mettez dans le modèle "
    "le contenu lui-même (Insertion > Images, sans « Lier au fichier »)"
)


_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
# What a filled letter's part must hold for a field, an imported block or a mail merge to be
# in it: tested with `in` first (a letter's XML is long; most hold none of these).
MAYBE_FETCHING = ("instrText", "fldSimple", "altChunk", "mailMerge", "subDoc", "OLEObject")


def _xml_parts(zf: zipfile.ZipFile) -> list[str]:
    """The package's XML parts by their content type ([Content_Types].xml), not by the
    name's extension: a footer may be named footer1.dat or footer1.XML (OPC allows it)."""
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    try:
        types = etree.fromstring(zf.read("[Content_Types].xml"), SAFE_PARSER)
        for el in types:
            if el.tag == f"{_CT}Default":
                defaults[(el.get("Extension") or "").lower()] = el.get("ContentType") or ""
            elif el.tag == f"{_CT}Override":
                overrides[(el.get("PartName") or "").lower()] = el.get("ContentType") or ""
    except (KeyError, etree.XMLSyntaxError):
        pass  # no readable types: every part named .xml (any case) is scanned all the same
    found = []
    for name in zf.namelist():
        if name.endswith("/") or name == "[Content_Types].xml" or "/_rels/" in f"/{name}":
            continue
        kind = overrides.get(f"/{name}".lower()) or defaults.get(name.rsplit(".", 1)[-1].lower())
        xml = (kind or "").split(";")[0].strip().lower()
        typed = xml.endswith("+xml") or xml in ("application/xml", "text/xml")
        if (typed and xml != _RELS_TYPE) or name.lower().endswith(".xml"):
            found.append(name)
    return found


# What a part's bytes must hold for anything fetching_in looks for to be in it: the names it
# tests and the VML namespaces. Most of a template's parts (styles, theme, numbering, fonts)
# hold none and are not parsed (a third of a run's fixed cost, element by element).
_SIGNS = tuple(sign.encode("ascii") for sign in (*MAYBE_FETCHING, "fldChar", *_VML_NAMESPACES))
# Encodings in which those names are the same bytes as in ASCII; another (UTF-16, EBCDIC)
# could hide them from a byte test: such a part is parsed whole.
_ASCII_SAFE = re.compile(rb"(?i)utf-?8|us-ascii|ascii|iso-8859-\d+|latin-?1|windows-125\d|cp125\d")
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")


def _may_fetch(data: bytes) -> bool:
    """Whether a part's bytes may hold a field, a block, a merge or a VML picture."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:64]:
        return True  # UTF-16 or UTF-32
    declared = _DECLARED.match(data[:200])
    if declared and not _ASCII_SAFE.fullmatch(declared.group(1)):
        return True
    return any(sign in data for sign in _SIGNS)


def fetching_field(zf: zipfile.ZipFile, path: Path) -> str:
    """The first field, imported block, mail merge or VML picture of the Word file that
    fetches something from outside it, said in French with the fix; "" when there is none."""
    for name in _xml_parts(zf):
        data = zf.read(name)
        if not _may_fetch(data):
            continue
        try:
            root = etree.fromstring(data, SAFE_PARSER)
        except etree.XMLSyntaxError:
            if name.lower().startswith("word/"):
                return f"{name} de {path} est illisible (XML invalide) : enregistrez-le à nouveau"
            continue  # docProps, customXml: never shown, never resolved
        said = fetching_in(root, path, name)
        if said:
            return said
    return ""


def _bare(code: list[str]) -> bool:
    """Whether a field's code so far is only blanks and quotes (tab, no-break space too)."""
    return not _BLANKS.sub("", "".join(code))


_BLANKS = re.compile(r"""[\s"'\u201c\u201d«»\u00a0\u2007\u202f\ufeff\u200b]+""")


def _field(code: str, path: Path, part: str) -> str:
    found = _FETCHING.match(code)
    if found is None:
        return ""
    shown = " ".join(code.split())[:200]
    return (
        f"{path} contient un champ {found.group(1).upper()} (« {shown} », dans {part}) qui va "
        f"chercher un contenu hors du fichier : {_FIELD_FIX}"
    )


# The elements fetching_in acts on; every other one it passes over.
_WATCHED = (
    *(f"{W}{n}" for n in ("fldChar", "instrText", "fldSimple", "altChunk", "mailMerge")),
    f"{W}subDoc",
    "{*}OLEObject",
    *(f"{v}*" for v in _VML),
)


def fetching_in(root: etree._Element, path: Path, part: str) -> str:
    """The first fetching thing in one XML part (a template's, or a letter's once filled):
    fields are read whole (a field's code may be split over several runs), nested fields
    each on its own."""
    codes: list[list[str]] = []  # the codes of the fields open here, innermost last
    for el in root.iter(*_WATCHED):  # in document order, picked in C (not every element)
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == f"{W}fldChar":
            kind = el.get(f"{W}fldCharType")
            if kind == "begin":
                if codes and _bare(codes[-1]):
                    return (
                        f"{path} contient un champ dont le code est fait par un autre champ "
                        f"(dans {part}) : ce code n'est connu qu'à l'ouverture et peut aller "
                        f"chercher un contenu hors du fichier ; {_FIELD_FIX}"
                    )
                codes.append([])
            elif kind == "separate" and codes:
                codes[-1].append("\x00")  # the code is whole: what follows is its result
            elif kind == "end" and codes:
                said = _field("".join(codes.pop()), path, part)
                if said:
                    return said
        elif tag == f"{W}instrText":
            if codes:
                codes[-1].append(el.text or "")
            elif said := _field(el.text or "", path, part):
                return said
        elif tag == f"{W}fldSimple":
            if said := _field(el.get(f"{W}instr") or "", path, part):
                return said
        elif tag == f"{W}altChunk":
            return (
                f"{path} importe un bloc d'un autre format (altChunk, dans {part}) que Word "
                "convertit à l'ouverture, avec ses images distantes : ouvrez le modèle dans "
                "Word et enregistrez-le à nouveau, ou collez ce bloc comme simple texte"
            )
        elif said := _linked_element(el, tag, path, part):
            return said
    return next(filter(None, (_field("".join(c), path, part) for c in codes)), "")


def _linked_element(el: etree._Element, tag: str, path: Path, part: str) -> str:
    """A mail merge's data source, a linked sub-document or OLE object, a VML picture by
    address: each makes Word fetch (or run a query on) something outside the file."""
    if tag == f"{W}mailMerge":
        return (
            f"{path} est un document de publipostage (w:mailMerge, dans {part}) : Word "
            "interrogerait sa source de données à l'ouverture de chaque lettre ; retirez le "
            "publipostage du modèle (Word : Publipostage > Document Word normal)"
        )
    if tag == f"{W}subDoc" or (tag.endswith("}OLEObject") and el.get("Type") == "Link"):
        local = tag.rsplit("}", 1)[-1]
        return f"{path} lie un document hors du fichier ({local}, dans {part}) : {_FIELD_FIX}"
    return _vml(el, path, part) if tag.startswith(_VML) else ""


def _vml(el: etree._Element, path: Path, part: str) -> str:
    """A VML picture or object linked by address (src, o:href) rather than contained."""
    for attr, value in el.attrib.items():
        local = str(attr).rsplit("}", 1)[-1].lower()
        if local in ("src", "href") and str(value).strip():
            return (
                f"{path} lie une image hors du fichier (« {str(value)[:200]} », attribut "
                f"{local} dans {part}) : {_FIELD_FIX}"
            )
    return ""


__all__ = ["fetching_field", "fetching_in", "remote_in_html"]
