"""Hostile files built by code: workbooks written part by part, ODS, Word templates.

Each builder writes the parts of a package itself, so that a test shows exactly what is
tricky in it (a stray cell, a lying size, a DTD...). The default workbook is a usable
ledger: four invoices of four clients, with addresses, late on 22 November 2026.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
HEADERS = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse"]
CLIENTS = ["Atelier Alpha", "Boulangerie Bêta", "Café Gamma", "Droguerie Delta"]


def _cell(ref: str, value: object, style: int = 0) -> str:
    if isinstance(value, str):
        text = value.replace("&", "&amp;").replace("<", "&lt;")
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
    styled = f' s="{style}"' if style else ""
    return f'<c r="{ref}"{styled}><v>{value}</v></c>'


def ledger_rows(clients: list[str] = CLIENTS, extra: str = "", email: bool = False) -> str:
    """The sheetData rows of a usable ledger (invoice date 1 Aug, due 1 Sep 2026), with an
    e-mail address for each client if asked."""
    headers = [*HEADERS, "E-mail"] if email else HEADERS
    rows = ['<row r="1">' + "".join(_cell(f"{chr(65 + i)}1", h) for i, h in enumerate(headers))]
    rows[0] += "</row>"
    for n, client in enumerate(clients, start=2):
        values = [f"F-{n}", client, 46235, 46266, 100.0 + n, "1 rue A\n75001 Paris"]
        values += [f"compta{n}@client.example"] if email else []
        cells = "".join(
            _cell(f"{chr(65 + i)}{n}", v, 1 if i in (2, 3) else 0) for i, v in enumerate(values)
        )
        rows.append(f'<row r="{n}">{cells}</row>')
    return "".join(rows) + extra


def sheet_xml(rows: str, head: str = "", dimension: str = "A1:F5") -> str:
    """A worksheet part around its rows."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{head}<worksheet xmlns="{MAIN}">'
        f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>'
    )


STYLES = (
    f'<styleSheet xmlns="{MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/>'
    '</font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill>'
    '<patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/>'
    '<right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf '
    'numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf '
    'numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" '
    'fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>'
)
STRINGS = f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>inutile</t></si></sst>'


def workbook_parts(
    sheets: dict[str, str] | None = None, strings: str | None = STRINGS, styles: str = STYLES
) -> dict[str, str | bytes]:
    """Every part of a workbook: the sheets by name (the first is the ledger)."""
    sheets = sheets or {"Factures": sheet_xml(ledger_rows())}
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{CT}.worksheet+xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    listed = "".join(
        f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>'
        for i, name in enumerate(sheets, start=1)
    )
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{CT}.sheet.main+xml"/>'
            f"{overrides}</Types>"
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{listed}</sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{PKG}">{rels}'
            f'<Relationship Id="rIdT" Type="{REL}/styles" Target="styles.xml"/>'
            + (
                f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
                if strings is not None
                else ""
            )
            + "</Relationships>"
        ),
        "xl/styles.xml": styles,
    }
    if strings is not None:
        parts["xl/sharedStrings.xml"] = strings
    for i, xml in enumerate(sheets.values(), start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = xml
    return parts


def write_zip(path: Path, parts: dict[str, str | bytes], level: int = 6) -> Path:
    """The parts as a zip, in order."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for name, data in parts.items():
            zf.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def workbook(path: Path, change: Callable[[dict[str, str | bytes]], None] | None = None,
             **kw: object) -> Path:  # fmt: skip
    """A workbook whose parts `change` may edit, add or drop before it is written."""
    parts = workbook_parts(**kw)  # type: ignore[arg-type]
    if change is not None:
        change(parts)
    return write_zip(path, parts)


def streamed_part(path: Path, name: str, head: bytes, body: bytes, times: int, tail: bytes) -> None:
    """Add a big part to a zip without holding it in memory: head, body × times, tail."""
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as zf,
        zf.open(name, "w", force_zip64=True) as part,
    ):
        part.write(head)
        block = body * max(1, (1 << 20) // len(body))
        for _ in range(times // max(1, (1 << 20) // len(body))):
            part.write(block)
        part.write(tail)


def ods(path: Path, rows: str) -> Path:
    """An OpenDocument spreadsheet of one sheet « Factures »."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    content = (
        f'<?xml version="1.0"?><office:document-content {ns}><office:body><office:spreadsheet>'
        f'<table:table table:name="Factures">{rows}</table:table></office:spreadsheet>'
        "</office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
        'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
        zf.writestr("META-INF/manifest.xml", manifest)
    return path


def ods_cell(value: float, repeat: int = 1) -> str:
    """A number cell, repeated across columns."""
    return (
        f'<table:table-cell office:value-type="float" office:value="{value}" '
        f'table:number-columns-repeated="{repeat}"><text:p>{value}</text:p></table:table-cell>'
    )


__all__ = [
    "CLIENTS",
    "HEADERS",
    "MAIN",
    "STRINGS",
    "STYLES",
    "ledger_rows",
    "ods",
    "ods_cell",
    "sheet_xml",
    "streamed_part",
    "workbook",
    "workbook_parts",
    "write_zip",
]
