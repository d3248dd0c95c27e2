"""Opening a package without trusting it: sizes from the zip directory, one hardened parser.

A workbook is a zip of XML parts from anywhere: a 16 MB file can hold a sheet that inflates
to 16 GB, a part can declare entities, a rels file can be cut in half. Everything here runs
before any part is inflated, and before any letter is written, so a hostile or damaged file
stops the run with one sentence that names the file and the part.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Protocol

from lxml import etree

from ..errors import WorkbookError

# No DTD, no entity ever expanded, nothing fetched, no tree deeper or text longer than
# libxml2's safe defaults: the parser of every XML part this package reads into a tree.
SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)

NS_STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_MB = 1024 * 1024


class ZipLimits(Protocol):
    """What a package may inflate to (the settings' [limits] section gives the values)."""

    @property
    def max_part_mb(self) -> float: ...
    @property
    def max_total_mb(self) -> float: ...
    @property
    def max_ratio(self) -> float:
        """Above ratio_from_mb, a part may be at most this many times its compressed size."""
        ...

    @property
    def ratio_from_mb(self) -> float: ...


def xml_fault(exc: Exception) -> str:
    """What an XML parser (expat or lxml) found wrong and where, in French, without its
    English (« caractère interdit en XML, ligne 11, colonne 669 »)."""
    text = str(exc).lower()
    said = []
    if "char" in text and ("invalid" in text or "reference" in text):
        said.append("caractère interdit en XML")
    elif "depth" in text:
        said.append("éléments imbriqués trop profondément")
    line, column = getattr(exc, "lineno", None), getattr(exc, "offset", None)
    if line and column:
        said.append(f"ligne {line}, colonne {column}")
    return ", ".join(said) or "mal formé"


def parse_part(data: bytes, part: str, file: str) -> etree._Element:
    """A part parsed with the hardened parser; a part that is not XML is named in French."""
    try:
        return etree.fromstring(data, SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise WorkbookError(
            f"{file} est endommagé : la partie {part} n'est pas du XML valide ({xml_fault(exc)}) ; "
            "ouvrez-le dans Excel et enregistrez-le à nouveau."
        ) from exc


def check_sizes(path: Path, infos: list[zipfile.ZipInfo], limits: ZipLimits) -> None:
    """Refuse a package whose directory announces parts too big to inflate, before any is."""
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        ratio = size / max(info.compress_size, 1)
        if size > limits.max_part_mb * _MB or (
            size > limits.ratio_from_mb * _MB and ratio > limits.max_ratio
        ):
            raise WorkbookError(
                f"{path.name} est refusé : sa partie {info.filename} se décompresse en "
                f"{grouped(size / _MB)} Mo ({grouped(ratio)} fois sa taille dans le fichier), "
                "ce qu'aucun classeur normal ne fait (archive piégée ?) ; les limites sont "
                "dans la section [limits] de relance.toml."
            )
    if total > limits.max_total_mb * _MB:
        raise WorkbookError(
            f"{path.name} est refusé : ses parties se décompressent en "
            f"{grouped(total / _MB)} Mo en tout, plus que la limite de "
            f"{grouped(limits.max_total_mb)} Mo ([limits] max_total_mb dans relance.toml)."
        )


def grouped(number: float) -> str:
    """1 029 and not 1,029: French thousands, without the wording package (a lower layer)."""
    return f"{number:,.0f}".replace(",", "\u202f")


def check_workbook_parts(path: Path, zf: zipfile.ZipFile) -> None:
    """The parts every reader relies on parse, and the workbook is not Strict Open XML."""
    names = set(zf.namelist())
    for part in ("[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels"):
        if part in names:
            parse_part(zf.read(part), part, path.name)
    if "xl/workbook.xml" not in names:
        return  # not an .xlsx package (an .ods, say): its own reader says what it is
    workbook = parse_part(zf.read("xl/workbook.xml"), "xl/workbook.xml", path.name)
    if etree.QName(workbook).namespace == NS_STRICT_MAIN:
        raise WorkbookError(
            f"{path.name} est enregistré au format « Feuille de calcul Open XML stricte », "
            "que relance-xlsx ne lit pas ; dans Excel, Fichier > Enregistrer sous > "
            "« Classeur Excel (*.xlsx) », puis relancez."
        )


__all__ = [
    "NS_STRICT_MAIN",
    "SAFE_PARSER",
    "ZipLimits",
    "check_sizes",
    "check_workbook_parts",
    "grouped",
    "parse_part",
    "xml_fault",
]
