"""What an HTML e-mail template makes every mail reader load from elsewhere by itself:
remote pictures, frames, scripts, style sheets. A web bug reveals who reads what and when."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

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


# Where readers parse differently from Python's HTMLParser, and could find an <img> it does
# not see: comments (« <!--> », « --!> », Outlook's « <!--[if mso]> »), « <![ » and any
# other « <! » but a doctype, and a raw-text element (title, textarea…) holding a « < ».
_RAW_TEXT = re.compile(
    r"<(title|textarea|noscript|xmp|noembed|noframes|plaintext)\b[^>]*>(.*?)(?:</\1|\Z)", re.S
)
_BANG = re.compile(r"<!(?!doctype[\s>])|--!>|<\?")


def _hidden(low: str) -> tuple[str, int] | None:
    """What in a lowercased HTML text parsers read differently, and where (its offset)."""
    if "<!" in low or "--!>" in low or "<?" in low:
        found = _BANG.search(low)
        if found is not None:
            shown = low[found.start() : found.start() + 4]
            return f"un commentaire ou une déclaration HTML (« {shown} »)", found.start()
    for raw in _RAW_TEXT.finditer(low) if "<" in low else ():
        if "<" in raw.group(2) or raw.group(1) == "plaintext":
            return f"une balise dans <{raw.group(1)}>", raw.start()
    return None


def remote_in_html(text: str, path: Path) -> str:
    """What an HTML e-mail template makes every reader load from elsewhere (a picture, a
    frame, a script, a style sheet), said in French with the fix; "" when nothing."""
    low = text.lower()
    hidden = _hidden(low)
    if hidden is not None:
        what, at = hidden
        return (
            f"{path} contient {what}, ligne {low.count(chr(10), 0, at) + 1}, que les "
            "messageries ne lisent pas toutes de la même façon : une image distante (un "
            "pixel espion) peut s'y cacher du contrôle ; retirez-le du modèle"
        )
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


__all__ = ["remote_in_html"]
