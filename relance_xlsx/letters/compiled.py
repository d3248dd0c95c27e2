"""Word templates compiled once per run: docxtpl's letters without reloading the .docx each time.

docxtpl re-reads the package and recompiles its Jinja for every letter (about 40 ms). Here the
template is read and patched once with docxtpl's own `patch_xml`, compiled once per part (body,
headers, footers), and each letter only renders those and writes the zip. Unlike docxtpl, the
result is parsed strictly: a template that produces broken XML is an error, never "recovered".
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from lxml import etree

from ..errors import TemplateError
from ..ooxml import SAFE_PARSER, deflated, read_raw, write_zip
from .codegen import compile_tree
from .failedline import paragraph_line
from .fetching import MAYBE_FETCHING, fetching_in
from .listing import LISTED, resolve_listing
from .tablegrid import grid_mismatch
from .wordpackage import with_images, with_png

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
HEADER_REL = f"{R}/header"
FOOTER_REL = f"{R}/footer"
DOCUMENT = "word/document.xml"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
CONTENT_TYPES = "[Content_Types].xml"
XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_STRICT = etree.XMLParser(huge_tree=True, remove_blank_text=False)
# Features docxtpl handles with extra passes this fast path does not repeat: these templates
# are rendered by docxtpl itself (same letters, just slower).
_NEEDS_DOCXTPL = re.compile(r"\{%-?\s*(?:tc|hm|vm)\b|\{\{-?\s*(?:hm|vm)\b|\bcolspan\b|\bcellbg\b")
_LINED = re.compile(r"<w:p([ >])")
_CORE_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")


class NotCompilable(Exception):
    """This template needs docxtpl's full render (core properties, footnotes, merged cells)."""


@dataclass(frozen=True)
class HeaderFooter:
    """A header or footer part of the template, compiled."""

    rel_id: str
    kind: str  # "header" or "footer"
    name: str  # zip entry, e.g. word/footer1.xml
    rels: bytes | None  # its own relationships (a logo), copied with it
    template: jinja2.Template


@dataclass
class Rendered:
    """One letter rendered in memory: its body element and its header/footer parts."""

    body: etree._Element
    parts: dict[str, bytes]  # zip entry -> rendered XML
    # Pictures the letter adds (its payment QR code): relationship id -> (part, PNG bytes).
    media: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    # What the body's XML goes through as it is written (its typography), if anything.
    polish: Callable[[str], str] | None = None
    # The body's XML as the letter's file has it, kept when the bundle's section, which
    # changes the body, was made first (both typeset at once: typeset.polished_pair).
    written: str | None = None

    def body_xml(self) -> str:
        """The body's XML as it is written: in the letter's file and in the bundle."""
        if self.written is not None:
            return self.written
        text = etree.tostring(self.body, encoding="unicode")
        return self.polish(text) if self.polish is not None else text


class CompiledTemplate:
    """A Word template read, patched and compiled once; renders any number of letters."""

    def __init__(self, path: Path, env: jinja2.Environment) -> None:
        self.path = path
        tpl = DocxTemplate(str(path))
        docx = tpl.get_docx()
        self._docxtpl = tpl  # its resolve_listing turns \n and \t in values into Word breaks
        self.entries = read_raw(path)
        with zipfile.ZipFile(path) as zf:
            files = {name: zf.read(name) for name in zf.namelist()}
        document = files[DOCUMENT].decode("utf-8")
        start, end = document.find("<w:body"), document.rfind("</w:body>")
        if start < 0 or end < 0:
            raise NotCompilable("no <w:body>")
        self.document_head = document[:start]
        self.document_tail = document[end + len("</w:body>") :]
        core = docx.core_properties
        if any("{" in (getattr(core, p) or "") for p in _CORE_PROPERTIES):
            raise NotCompilable("templated core properties")
        if any(n.startswith("word/footnotes") and b"{" in files[n] for n in files):
            raise NotCompilable("templated footnotes")
        body_xml = tpl.get_xml()
        self.body_open = body_xml[: body_xml.index(">") + 1]
        # Every name the body, headers and footers read (filled by _compile).
        self.names: set[str] = set()
        self.body = self._compile(body_xml, env)
        self.parts: dict[str, HeaderFooter] = {}
        for rel_id, rel in docx.part.rels.items():
            if rel.is_external or rel.reltype not in (HEADER_REL, FOOTER_REL):
                continue
            name = str(rel.target_part.partname).lstrip("/")
            folder, base = name.rsplit("/", 1)
            part = etree.fromstring(files[name], SAFE_PARSER)
            self.parts[name] = HeaderFooter(
                rel_id,
                "header" if rel.reltype == HEADER_REL else "footer",
                name,
                files.get(f"{folder}/_rels/{base}.rels"),
                self._compile(etree.tostring(part, encoding="unicode"), env),
            )
        self.rel_targets = {p.rel_id: p.name for p in self.parts.values()}
        # « header:first »: the kinds of part it gives a first page of its own (sectionparts).
        firsts = re.findall(r'<w:(header|footer)Reference[^>]*w:type="first"', document)
        self.firsts = {f"{k}:first" for k in firsts}
        self.env_globals = dict(env.globals)
        self._clean: set[str] = set()  # filled parts found fetching nothing (footers)

    def undeclared(self, context: dict[str, Any]) -> set[str]:
        """The names the template reads that the context does not give."""
        return self.names - set(context) - set(self.env_globals)

    def file(self, name: str) -> bytes:
        """One part of the template package, uncompressed."""
        entry = next(e for e in self.entries if e.name == name)
        return (
            zlib.decompress(entry.data, -15) if entry.method == zipfile.ZIP_DEFLATED else entry.data
        )

    def _compile(self, xml: str, env: jinja2.Environment) -> jinja2.Template:
        if _NEEDS_DOCXTPL.search(xml):
            raise NotCompilable("table cell tags")
        patched = self._docxtpl.patch_xml(xml)
        try:
            # Parsed and compiled once, as it renders. The names it reads (for `templates
            # check`) are noted as its code is made.
            code, names = compile_tree(env, env.parse(patched))
        except jinja2.TemplateSyntaxError as exc:
            raise self._syntax_error(env, patched, exc) from exc
        self.names |= names
        template = env.template_class.from_code(env, code, env.make_globals(None))
        template.relance_source = patched  # type: ignore[attr-defined]  # for paragraph_line
        return template

    def _syntax_error(
        self, env: jinja2.Environment, patched: str, exc: jinja2.TemplateSyntaxError
    ) -> TemplateError:
        """The error named by its line: made again with a line per paragraph, as docxtpl
        does (only when it fails: doing it each time took a third of a run's fixed cost)."""
        try:
            compile_tree(env, env.parse(_LINED.sub("\n<w:p\\1", patched)))
        except jinja2.TemplateSyntaxError as lined:
            exc = lined
        return TemplateError(
            f"Le modèle {self.path.name} a une erreur de syntaxe (ligne {exc.lineno}) : "
            f"{exc.message}."
        )

    def _fill(self, template: jinja2.Template, context: dict[str, Any]) -> str:
        """Render one part the way docxtpl's render_xml_part does."""
        start = getattr(template.environment, "start", None)
        if start is not None:
            start()  # a bounded sandbox: each part gets the whole budget
        try:
            xml = template.render(context)
        except jinja2.TemplateError as exc:
            where = paragraph_line(template, context)
            raise TemplateError(
                f"Le modèle {self.path.name} ne peut pas être rempli{where} : {exc}."
            ) from exc
        # What docxtpl's render_xml_part changes after rendering: the line breaks before each
        # paragraph (none here: compiled without them; one a value wrote would go), and the
        # escaped « {_{ » of literal braces. Looked for by one character first: str.find of a
        # single character is ten times faster than of a word or a class of characters (a
        # letter's XML is a few hundred thousand of them).
        if "\n" in xml:
            xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
        if "_" in xml:
            xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%")
            xml = xml.replace("%_}", "%}")
        if any(c in xml for c in LISTED):
            return resolve_listing(self._docxtpl, xml)
        return xml

    def _parse(self, xml: str) -> etree._Element:
        try:
            return etree.fromstring(xml.encode("utf-8"), _STRICT)
        except etree.XMLSyntaxError as exc:
            raise TemplateError(
                f"Le modèle {self.path.name} produit un document Word invalide ({exc}) : "
                "vérifiez qu'aucune balise {% %} ne coupe un paragraphe ou un tableau."
            ) from exc

    def render(self, context: dict[str, Any]) -> Rendered:
        """Fill the body, headers and footers with one letter's context."""
        filled = self._fill(self.body, context)
        body = self._parse(filled)
        self._no_fetching(filled, body, DOCUMENT)  # Jinja may write a field's code
        if any(grid_mismatch(t) for t in body.iter(f"{{{W}}}tbl")):
            body = self._docxtpl.fix_tables(etree.tostring(body, encoding="unicode"))
        for n, pr in enumerate(body.iter(f"{{{WP}}}docPr"), start=1001):
            pr.set("id", str(n))  # docxtpl renumbers too: ids repeated by a loop upset Word
        parts = {}
        for name, part in self.parts.items():
            xml = self._fill(part.template, context)
            self._no_fetching(xml, self._parse(xml), name)
            parts[name] = (XML_DECLARATION + xml).encode("utf-8")
        return Rendered(body, parts)

    def _no_fetching(self, xml: str, root: etree._Element, part: str) -> None:
        if not any(token in xml for token in MAYBE_FETCHING) or xml in self._clean:
            return
        said = fetching_in(root, self.path, part)
        if said:
            raise TemplateError(f"Modèle refusé une fois rempli : {said}.")
        # A footer's page number is a field: every letter's footer, the same, checked once.
        if len(xml) < 1 << 16 and len(self._clean) < 64:
            self._clean.add(xml)

    def document_xml(self, rendered: Rendered) -> bytes:
        """The whole word/document.xml around a rendered body."""
        return (self.document_head + rendered.body_xml() + self.document_tail).encode("utf-8")

    def write(self, rendered: Rendered, target: Path) -> None:
        """Write one letter as a .docx: every other part of the template copied as it is."""
        entries = []
        for entry in self.entries:
            if entry.name == DOCUMENT:
                entry = deflated(DOCUMENT, self.document_xml(rendered))
            elif entry.name in rendered.parts:
                entry = deflated(entry.name, rendered.parts[entry.name])
            elif rendered.media and entry.name == DOCUMENT_RELS:
                entry = deflated(
                    DOCUMENT_RELS, with_images(self.file(DOCUMENT_RELS), rendered.media)
                )
            elif rendered.media and entry.name == CONTENT_TYPES:
                entry = deflated(CONTENT_TYPES, with_png(self.file(CONTENT_TYPES)))
            entries.append(entry)
        entries += [deflated(name, png, 0) for name, png in rendered.media.values()]
        write_zip(target, entries)


@lru_cache(maxsize=64)
def _compiled(path: str, mtime_ns: int, env_factory: Callable[[], jinja2.Environment]) -> Any:
    try:
        return CompiledTemplate(Path(path), env_factory())
    except NotCompilable:
        return None


def compiled_template(
    path: Path, env_factory: Callable[[], jinja2.Environment]
) -> CompiledTemplate | None:
    """The template compiled once per process (None when only docxtpl can render it)."""
    result: CompiledTemplate | None = _compiled(str(path), path.stat().st_mtime_ns, env_factory)
    return result


__all__ = [
    "CompiledTemplate",
    "HeaderFooter",
    "Rendered",
    "compiled_template",
]
