"""Realistic office ledgers for the benchmarks: 10,000 to 1,048,575 invoices.

The mix follows an office ledger: most invoices paid, some partly paid, many late, a few held
(litige), some already reminded (Niveau/Date de relance), ~2 % of dates and amounts typed as
text, a formula column (Reste dû) with cached values, and a TOTAL row at the bottom.

The workbook is written as raw SpreadsheetML (shared strings, a date style, formulas with
cached values), as Excel writes it, because openpyxl needs minutes for a million rows.

    python bench/generate.py 10000 bench/out/ledger-10k.xlsx
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from relance_xlsx.ooxml.xlsxparts import col_letter as col

HEADERS = [
    "N° facture",
    "Date facture",
    "Client",
    "Adresse",
    "E-mail",
    "Objet",
    "Montant TTC",
    "Échéance",
    "Montant réglé",
    "Reste dû",
    "Litige",
    "Niveau de relance",
    "Date de relance",
]
CITIES = ["75011 Paris", "69003 Lyon", "31000 Toulouse", "33000 Bordeaux", "44000 Nantes"]
OBJECTS = ["Maintenance", "Prestation de conseil", "Fournitures", "Formation", "Dépannage"]
EXCEL_EPOCH = dt.date(1899, 12, 30)
MAX_ROWS = 1_048_576


def serial(day: dt.date) -> int:
    """Excel's serial number of a date."""
    return (day - EXCEL_EPOCH).days


class Strings:
    """The shared strings table, as Excel keeps it."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        if text not in self.index:
            self.index[text] = len(self.index)
        return self.index[text]

    def xml(self) -> bytes:
        items = "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in self.index)
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'count="{len(self.index)}" uniqueCount="{len(self.index)}">{items}</sst>'
        ).encode()


def rows(n: int, as_of: dt.date, seed: int = 20261122) -> list[list[object]]:
    """n invoices as cell values (str, float, date or None); the mix of an office ledger."""
    rng = random.Random(seed)
    # An office has a few thousand clients however long its ledger grows.
    count = max(50, min(n // 8, 5000))
    clients = [f"Client {i:05d} {rng.choice(['SARL', 'SAS', 'EURL', 'SA'])}" for i in range(count)]
    out: list[list[object]] = []
    for i in range(n):
        client = rng.choice(clients)
        date = as_of - dt.timedelta(days=rng.randint(5, 330))
        due = date + dt.timedelta(days=rng.choice([30, 30, 45, 60]))
        amount = round(rng.uniform(40, 9000), 2)
        kind = rng.random()
        paid = (
            amount
            if kind < 0.62
            else round(amount * rng.uniform(0.1, 0.9), 2)
            if kind < 0.70
            else 0.0
        )
        held = "oui" if rng.random() < 0.02 else None
        level: object = None
        level_date: object = None
        if paid < amount and due < as_of - dt.timedelta(days=20) and rng.random() < 0.5:
            level = rng.choice(["Relance 1", "Relance 1", "Relance 2", "Mise en demeure"])
            level_date = as_of - dt.timedelta(days=rng.randint(3, 40))
        date_cell: object = date
        amount_cell: object = amount
        if rng.random() < 0.02:
            date_cell = date.strftime("%d/%m/%Y")  # typed as text
        if rng.random() < 0.02:
            amount_cell = f"{amount:,.2f} €".replace(",", " ").replace(".", ",")
        # One address per client, as a ledger types it on each invoice: a client of one name
        # at two addresses is held (two clients, or a move: ledger/clientsplaces.py).
        k = int(client[7:12])
        city = CITIES[k % len(CITIES)]
        out.append(
            [
                f"F{date.year}-{i + 1:07d}",
                date_cell,
                client,
                f"{k % 200 + 1} rue de la Paix\n{city}",
                f"compta{hash(client) % 1000}@exemple.fr",
                OBJECTS[i % len(OBJECTS)],
                amount_cell,
                due,
                paid or None,
                None,  # Reste dû: a formula, written below
                held,
                level,
                level_date,
            ]
        )
    return out


def _cell(ref: str, value: object, strings: Strings) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="1"><v>{serial(value)}</v></c>'
    if isinstance(value, float | int):
        return f'<c r="{ref}" s="2"><v>{value}</v></c>'
    return f'<c r="{ref}" t="s"><v>{strings(str(value))}</v></c>'


def write(path: Path, n: int, as_of: dt.date) -> Path:
    """Write a ledger of n invoices (plus header and TOTAL rows) to path."""
    if n + 1 > MAX_ROWS:
        raise SystemExit(f"at most {MAX_ROWS - 1} invoices fit below the header row")
    with_total = n + 2 <= MAX_ROWS  # a full sheet has no room left for the TOTAL row
    strings = Strings()
    data = rows(n, as_of)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            last = n + 2 if with_total else n + 1
            sheet.write(
                (
                    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                    f'<dimension ref="A1:{col(len(HEADERS) - 1)}{last}"/><sheetData>'
                ).encode()
            )
            head = "".join(_cell(f"{col(j)}1", h, strings) for j, h in enumerate(HEADERS))
            sheet.write(f'<row r="1">{head}</row>'.encode())
            buffer: list[str] = []
            for i, values in enumerate(data):
                r = i + 2
                cells = []
                for j, v in enumerate(values):
                    ref = f"{col(j)}{r}"
                    if j == 9:
                        amount = values[6] if isinstance(values[6], float) else 0.0
                        rest = round(amount - float(values[8] or 0.0), 2)
                        cells.append(f'<c r="{ref}" s="2"><f>G{r}-I{r}</f><v>{rest}</v></c>')
                    else:
                        cells.append(_cell(ref, v, strings))
                buffer.append(f'<row r="{r}">{"".join(cells)}</row>')
                if len(buffer) >= 5000:
                    sheet.write("".join(buffer).encode())
                    buffer.clear()
            total = n + 2
            if with_total:
                buffer.append(
                    f'<row r="{total}"><c r="A{total}" t="s"><v>{strings("TOTAL")}</v></c>'
                    f'<c r="G{total}" s="2"><f>SUM(G2:G{total - 1})</f><v>0</v></c></row>'
                )
            sheet.write(("".join(buffer) + "</sheetData></worksheet>").encode())
        zf.writestr("xl/sharedStrings.xml", strings.xml())
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("xl/workbook.xml", WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        zf.writestr("xl/styles.xml", STYLES)
    return path


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Factures" sheetId="1" r:id="rId1"/></sheets>
</workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""


def main() -> None:
    """Command line: number of invoices, target path, run date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("invoices", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--as-of", default="2026-11-22")
    args = parser.parse_args()
    path = write(args.target, args.invoices, dt.date.fromisoformat(args.as_of))
    print(f"wrote {path} ({args.invoices} invoices, {path.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
