"""Reading and editing the parts of an .xlsx package as bytes, without an object model."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import NamedTuple
from xml.parsers import expat
from xml.sax.saxutils import escape

from lxml import etree

from ..errors import WorkbookError
from .docxzip import PackedTail, RawEntry
from .pieces import Part, as_bytes
from .safexml import parse_part
from .xmlchars import made_valid

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
REL_TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table"
CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
DATE_FORMAT = "dd/mm/yyyy"
_BUILTIN_DATE_IDS = {14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47}


def col_letter(index: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def col_index(letters: str) -> int:
    """Excel letters -> 0-based column index."""
    value = 0
    for ch in letters:
        value = value * 26 + ord(ch) - 64
    return value - 1


def excel_serial(day: dt.date) -> int:
    """A date as Excel's serial number (1900 date system)."""
    return (day - dt.date(1899, 12, 30)).days


_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TO_ESCAPE = re.compile(r"[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
# Excel reads « _xHHHH_ » in a cell's text as the character U+HHHH: text typed so is
# written with its « _ » as « _x005F_ », and reads back as typed.
_EXCEL_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


def xml_text(value: str) -> str:
    """Text escaped for a sheet cell's XML, without characters XML 1.0 forbids, and with
    Excel's own « _xHHHH_ » notation escaped (« _x005F_xHHHH_ »)."""
    if _TO_ESCAPE.search(value) is None:
        return value  # nearly every text: one search instead of a substitution and 3 replaces
    if "_x" in value:
        value = _EXCEL_ESCAPE.sub("_x005F_", value)
    return escape(_NOT_IN_XML.sub("", value))


def xml_texts(values: tuple[str, ...]) -> tuple[str, ...]:
    """Several texts as xml_text makes each, with one search when none needs a change."""
    if _TO_ESCAPE.search("".join(values)) is None:
        return values
    return tuple(xml_text(v) for v in values)


def check_well_formed(*pieces: bytes | memoryview) -> None:
    """Parse the pieces, one after the other, as one XML document; ExpatError if it is not
    well-formed. expat with no handlers: no tree, no Python per element (a tree took 1.3 GB
    at 100,000 rows; a callback parser 10 s)."""
    parser = expat.ParserCreate()
    for piece in pieces:
        view = memoryview(piece)
        # In 1 MB pieces: between two, another thread (deflating) can take the GIL.
        for start in range(0, len(view), 1 << 20):
            parser.Parse(view[start : start + (1 << 20)], False)
    parser.Parse(b"", True)


def rels_path(part: str) -> str:
    """The rels part of a part: xl/foo.xml -> xl/_rels/foo.xml.rels."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def resolve_target(source_part: str, target: str) -> str:
    """A relationship target made into a part name inside the zip."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


class DoneTail(NamedTuple):
    """The end of a part that another process edited, checked and compressed. Its bytes are
    not in the part's data held here, which stops where it starts (at a million rows, 200 MB
    not sent back): only rest, what follows the run of whole rows it checked to be
    well-formed (all of it when it could not vouch for them), for the check of the whole."""

    packed: PackedTail
    rest: bytes

    def inflated(self) -> bytes:
        """The end's bytes (for the rare reader of the whole part)."""
        return zlib.decompress(self.packed.data, -15)


@dataclass
class Package:
    """The parts of an .xlsx file; changed parts are kept aside until saved."""

    path: str
    names: list[str]
    changed: dict[str, Part]  # a big sheet's as pieces, not joined
    # The ends of changed parts that another process edited, compressed and checked.
    tails: dict[str, DoneTail] = field(default_factory=dict)
    # Changed parts already checked and compressed (saving.pack), their bytes let go.
    packed: dict[str, RawEntry] = field(default_factory=dict)

    @classmethod
    def open(cls, path: str) -> Package:
        """Open a workbook file as a package."""
        try:
            with zipfile.ZipFile(path) as zf:
                names = zf.namelist()
        except (zipfile.BadZipFile, OSError) as exc:
            raise WorkbookError(f"{path} n'est pas un classeur .xlsx lisible ({exc}).") from exc
        return cls(path, names, {})

    def read(self, name: str) -> bytes:
        """A part's bytes, as changed so far."""
        if name in self.changed:
            tail = self.tails.get(name)
            data = as_bytes(self.changed[name])
            return data + tail.inflated() if tail else data
        if name in self.packed:  # rare: a part read again once packed
            return zlib.decompress(self.packed[name].data, -15)
        with zipfile.ZipFile(self.path) as zf:
            return made_valid(zf.read(name))  # a character XML forbids: made valid

    def write(self, name: str, data: Part, tail: DoneTail | None = None) -> None:
        """Replace or add a part (data, then its end done by another process, if any)."""
        self.changed[name] = data
        self.tails.pop(name, None)
        self.packed.pop(name, None)
        if tail is not None:
            self.tails[name] = tail
        if name not in self.names:
            self.names.append(name)

    def xml(self, name: str) -> etree._Element:
        """A part parsed as XML."""
        return parse_part(self.read(name), name, posixpath.basename(self.path))

    def sheet_part(self, sheet: str) -> str:
        """The worksheet part of a sheet name."""
        workbook = self.xml("xl/workbook.xml")
        rels = self.xml(rels_path("xl/workbook.xml"))
        for node in workbook.iter(f"{{{NS_MAIN}}}sheet"):
            if node.get("name") == sheet:
                rid = node.get(f"{{{NS_REL}}}id")
                for rel in rels:
                    if rel.get("Id") == rid:
                        return resolve_target("xl/workbook.xml", rel.get("Target", ""))
        raise WorkbookError(f"La feuille « {sheet} » est introuvable dans le classeur.")

    def related(self, part: str, rel_type: str) -> list[str]:
        """Parts a part points to with a given relationship type."""
        name = rels_path(part)
        if name not in self.names:
            return []
        return [
            resolve_target(part, rel.get("Target", ""))
            for rel in self.xml(name)
            if rel.get("Type") == rel_type and rel.get("TargetMode") != "External"
        ]


class Styles:
    """Just enough of styles.xml to find or add a dd/mm/yyyy date style."""

    def __init__(self, package: Package) -> None:
        self.package = package
        self.name = "xl/styles.xml"
        self.root = package.xml(self.name) if self.name in package.names else None
        self.formats: dict[int, str] = {}
        self.xfs: list[etree._Element] = []
        if self.root is not None:
            for fmt in self.root.iter(f"{{{NS_MAIN}}}numFmt"):
                self.formats[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "")
            cell_xfs = self.root.find(f"{{{NS_MAIN}}}cellXfs")
            self.xfs = list(cell_xfs) if cell_xfs is not None else []

    def is_date_style(self, index: int) -> bool:
        """Whether a cell style shows numbers as dates."""
        if not 0 <= index < len(self.xfs):
            return False
        fmt_id = int(self.xfs[index].get("numFmtId", "0"))
        if fmt_id in _BUILTIN_DATE_IDS:
            return True
        code = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", self.formats.get(fmt_id, "")).lower()
        return "d" in code and "y" in code

    def date_styles(self) -> frozenset[int]:
        """The cell styles that show numbers as dates."""
        return frozenset(i for i in range(len(self.xfs)) if self.is_date_style(i))

    def date_style(self) -> int:
        """Index of a cell style with the dd/mm/yyyy format, added to styles.xml if none exists."""
        for index, xf in enumerate(self.xfs):
            code = self.formats.get(int(xf.get("numFmtId", "0")), "")
            if code.replace("\\", "").lower() == DATE_FORMAT:
                return index
        if self.root is None:
            raise WorkbookError(
                "Le classeur n'a pas de feuille de styles ; ouvrez-le et enregistrez-le dans Excel."
            )
        fmt_id = max([163, *self.formats]) + 1
        num_fmts = self.root.find(f"{{{NS_MAIN}}}numFmts")
        if num_fmts is None:
            num_fmts = etree.Element(f"{{{NS_MAIN}}}numFmts")
            self.root.insert(0, num_fmts)
        etree.SubElement(
            num_fmts, f"{{{NS_MAIN}}}numFmt", numFmtId=str(fmt_id), formatCode=DATE_FORMAT
        )
        num_fmts.set("count", str(len(num_fmts)))
        cell_xfs = self.root.find(f"{{{NS_MAIN}}}cellXfs")
        assert cell_xfs is not None
        xf = etree.SubElement(
            cell_xfs,
            f"{{{NS_MAIN}}}xf",
            numFmtId=str(fmt_id),
            fontId="0",
            fillId="0",
            borderId="0",
            xfId="0",
            applyNumberFormat="1",
        )
        cell_xfs.set("count", str(len(cell_xfs)))
        self.formats[fmt_id] = DATE_FORMAT
        self.xfs.append(xf)
        self.package.write(
            self.name,
            etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True),
        )
        return len(self.xfs) - 1


__all__ = [
    "DATE_FORMAT",
    "DoneTail",
    "Package",
    "Styles",
    "col_index",
    "col_letter",
    "excel_serial",
    "rels_path",
    "resolve_target",
    "xml_text",
    "xml_texts",
]
