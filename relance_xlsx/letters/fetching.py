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
from html.parser import HTMLParser
from pathlib import Path

from lxml import etree

from ..ooxml import SAFE_PARSER

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VML = ("{urn:schemas-microsoft-com:vml}", "{urn:schemas-microsoft-com:office:office}")
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


def fetching_field(zf: zipfile.ZipFile, path: Path) -> str:
    """The first field, imported block or VML picture of the Word file that fetches
    something from outside it, said in French with the fix; "" when there is none."""
    for name in zf.namelist():
        if not name.endswith(".xml") or name.startswith("[") or "/_rels/" in f"/{name}":
            continue
        try:
            root = etree.fromstring(zf.read(name), SAFE_PARSER)
        except etree.XMLSyntaxError:
            if name.startswith("word/"):
                return f"{name} de {path} est illisible (XML invalide) : enregistrez-le à nouveau"
            continue  # docProps, customXml: never shown, never resolved
        said = _in_part(root, path, name)
        if said:
            return said
    return ""


def _field(code: str, path: Path, part: str) -> str:
    found = _FETCHING.match(code)
    if found is None:
        return ""
    shown = " ".join(code.split())[:200]
    return (
        f"{path} contient un champ {found.group(1).upper()} (« {shown} », dans {part}) qui va "
        f"chercher un contenu hors du fichier : {_FIELD_FIX}"
    )


def _in_part(root: etree._Element, path: Path, part: str) -> str:
    """The first fetching thing in one XML part: fields are read whole (a field's code may be
    split over several runs), nested fields each on its own."""
    codes: list[list[str]] = []  # the codes of the fields open here, innermost last
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == f"{W}fldChar":
            kind = el.get(f"{W}fldCharType")
            if kind == "begin":
                if codes and not "".join(codes[-1]).strip(" \"'"):
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
        elif tag.startswith(_VML) and (said := _vml(el, path, part)):
            return said
    return next(filter(None, (_field("".join(c), path, part) for c in codes)), "")


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


# An e-mail's HTML: what a mail reader loads by itself when the message is opened.
_LOADING_TAGS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "link", "base",
    "portal",
}  # fmt: skip
_LOADING_ATTRS = {
    "src", "srcset", "background", "poster", "data", "dynsrc", "lowsrc", "codebase",
    "archive", "action", "formaction", "manifest", "xlink:href", "imagesrcset", "ping",
}  # fmt: skip
_CSS_LOADS = re.compile(r"url\s*\(|@import|image-set\s*\(|image\s*\(|expression\s*\(", re.I)
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.S)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_EMBEDDED = ("cid:", "data:image/")  # a part of the message itself, or inline


def _css_loads(css: str) -> bool:
    """Whether style text loads something (escapes and comments undone first)."""
    css = _CSS_ESCAPE.sub(_unescaped, _CSS_COMMENT.sub("", css))
    return _CSS_LOADS.search(css) is not None


def _unescaped(m: re.Match[str]) -> str:
    if m[1]:
        code = int(m[1], 16)
        return chr(code) if 0 < code < 0x110000 else "\ufffd"
    return m[2]


class _Remote(HTMLParser):
    """The first thing an HTML text loads from elsewhere, with its line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: tuple[str, int] | None = None
        self._in_style = False

    def _say(self, what: str) -> None:
        if self.found is None:
            self.found = (what, self.getpos()[0])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _LOADING_TAGS:
            self._say(f"la balise <{tag}>")
        if tag == "meta" and any((v or "").lower() == "refresh" for _, v in attrs):
            self._say("la balise <meta http-equiv=refresh>")
        self._in_style = tag == "style"
        for name, value in attrs:
            text = (value or "").strip()
            loads = name in _LOADING_ATTRS or (name == "href" and tag not in ("a", "area"))
            if loads and text and not text.lower().startswith(_EMBEDDED):
                self._say(f"l'attribut {name}=« {text[:120]} » de <{tag}>")
            elif name == "style" and _css_loads(text):
                self._say(f"le style « {text[:120]} » de <{tag}>")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style and _css_loads(data):
            self._say("une feuille de style <style> qui charge une adresse (url(…), @import)")


# Whatever could load something: a text holding none of these (lowercased) is not parsed;
# each message is checked once filled, and a parse costs 0.3 ms. (An href loads only on
# <link>, <base>, <image> or inside <svg>: named here; an <a href> is only followed.)
_MAYBE = (
    "url", "@import", "image", "expression", "\\", "xlink", "src", "background",
    "poster", "data", "codebase", "archive", "action", "manifest", "ping", "refresh",
    "<script", "<iframe", "<frame", "<object", "<embed", "<applet", "<link", "<base",
    "<portal", "<svg", "<math",
)  # fmt: skip


def remote_in_html(text: str, path: Path) -> str:
    """What an HTML e-mail template makes every reader load from elsewhere (a picture, a
    frame, a script, a style sheet), said in French with the fix; "" when nothing."""
    low = text.lower()
    if not any(token in low for token in _MAYBE):
        return ""
    parser = _Remote()
    parser.feed(text)
    parser.close()
    if parser.found is None:
        return ""
    what, line = parser.found
    return (
        f"{path} charge un contenu hors du message ({what}, ligne {line}) : "
        "la messagerie de chaque client le téléchargerait à l'ouverture (un pixel espion "
        "révèle qui lit quoi et quand) ; retirez-le du modèle (un lien cliquable <a href=…> "
        "reste permis, une pièce s'ajoute en pièce jointe)"
    )


__all__ = ["fetching_field", "remote_in_html"]
