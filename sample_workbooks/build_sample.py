"""Build sample_workbooks/grand_livre_clients.xlsx: a realistic French customer ledger.

Run: python sample_workbooks/build_sample.py   (needs Pillow for the logo)
About 60 invoices for 15 clients over April–November 2026, a title above the header, a logo,
number and date formats, a totals row with SUM formulas, a second sheet; some invoices paid,
partly paid, in dispute, already reminded once or twice. Formula cells get cached values
written in, as Excel would, so every reader sees the totals.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from PIL import Image as PILImage
from PIL import ImageDraw

TARGET = Path(__file__).resolve().parent / "grand_livre_clients.xlsx"
AS_OF = dt.date(2026, 11, 22)

CLIENTS = [
    ("Boulangerie Dupont & Fils", "professionnel", "fr", "8 place du Marché\n69001 Lyon"),
    ("SARL Transports Moreau", "professionnel", "fr", "ZI des Peupliers\n38200 Vienne"),
    ("Cabinet Lefèvre Architectes", "professionnel", "fr", "41 cours Lafayette\n69003 Lyon"),
    ("Garage Bernard", "professionnel", "fr", "2 route de Grenoble\n69800 Saint-Priest"),
    ("Hôtel des Célestins", "professionnel", "fr", "4 rue des Archers\n69002 Lyon"),
    ("Pharmacie Girard", "professionnel", "fr", "17 avenue Jean Jaurès\n69007 Lyon"),
    (
        "Association Les Petits Pas",
        "professionnel",
        "fr",
        "Maison des associations\n28 rue Denfert-Rochereau\n69004 Lyon",
    ),
    (
        'R&D <Sud> "Ouest" l\'Atelier',
        "professionnel",
        "fr",
        "3 impasse des Lilas\n69100 Villeurbanne",
    ),
    ("Mme Sophie Laurent", "particulier", "fr", "9 chemin des Vignes\n69290 Craponne"),
    ("Menuiserie Roux", "professionnel", "fr", "Lieu-dit La Combe\n01600 Trévoux"),
    ("Clinique Vétérinaire du Parc", "professionnel", "fr", "55 boulevard des Belges\n69006 Lyon"),
    ("Harbour & Sons Ltd", "professionnel", "en", "14 Dock Street\nBristol BS1 4RB\nROYAUME-UNI"),
    ("Imprimerie Fontaine", "professionnel", "fr", "6 rue de l'Industrie\n42000 Saint-Étienne"),
    ("Traiteur Chevalier", "professionnel", "fr", "23 quai Saint-Antoine\n69002 Lyon"),
    ("Librairie Mercier", "professionnel", "fr", "1 rue Mercière\n69002 Lyon"),
]
OBJECTS = [
    "Maintenance trimestrielle",
    "Installation poste de travail",
    "Fourniture de pièces",
    "Dépannage sur site",
    "Contrat d'assistance",
    "Formation utilisateurs",
    "Audit réseau",
    "Licence logicielle annuelle",
    "Intervention urgente",
]


def _logo() -> Image:
    picture = PILImage.new("RGB", (180, 60), (30, 70, 120))
    ImageDraw.Draw(picture).text((12, 22), "ATELIER MARTIN", fill=(255, 255, 255))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    buffer.seek(0)
    return Image(buffer)


def invoices(rng: random.Random) -> list[dict]:
    """The invoice rows, with the situations an office ledger has."""
    rows = []
    day = dt.date(2026, 4, 2)
    n = 1
    while day < dt.date(2026, 11, 20) and n <= 62:
        name, kind, lang, address = CLIENTS[rng.randrange(len(CLIENTS))]
        ht = round(
            rng.choice([180, 240, 320, 450, 600, 850, 1200, 2400]) * rng.uniform(0.8, 1.3), 2
        )
        ttc = round(ht * 1.2, 2)
        due = day + dt.timedelta(days=30)
        row = {
            "no": f"F2026-{n:03d}",
            "date": day,
            "client": name,
            "type": kind,
            "lang": lang,
            "address": address,
            "email": _email(name),
            "object": rng.choice(OBJECTS),
            "ht": ht,
            "ttc": ttc,
            "due": due,
            "paid": 0.0,
            "paid_on": None,
            "dispute": None,
            "level": None,
            "level_date": None,
        }
        late = (AS_OF - due).days
        roll = rng.random()
        if late < 0:
            pass
        elif roll < 0.45:
            row["paid"], row["paid_on"] = ttc, due + dt.timedelta(days=rng.randint(-10, 12))
        elif roll < 0.55:
            row["paid"], row["paid_on"] = round(ttc * 0.5, 2), due + dt.timedelta(days=5)
        elif roll < 0.62:
            row["dispute"] = "Oui – prestation contestée"
        if late > 20 and row["paid"] < ttc and not row["dispute"] and rng.random() < 0.5:
            row["level"] = "Relance 1" if rng.random() < 0.6 else "Relance 2"
            row["level_date"] = AS_OF - dt.timedelta(days=rng.randint(5, 25))
        rows.append(row)
        day += dt.timedelta(days=rng.randint(2, 5))
        n += 1
    # A reminded invoice that has since been paid in full: it gets a thank-you letter.
    rows[3].update(
        paid=rows[3]["ttc"],
        paid_on=AS_OF - dt.timedelta(days=3),
        level="Relance 1",
        level_date=AS_OF - dt.timedelta(days=30),
        dispute=None,
    )
    # A credit note for a client that is being reminded.
    rows.append(
        {
            **rows[5],
            "no": "AV2026-001",
            "date": dt.date(2026, 10, 5),
            "object": "Avoir sur facture " + rows[5]["no"],
            "ht": -100.0,
            "ttc": -120.0,
            "due": dt.date(2026, 10, 5),
            "paid": 0.0,
            "paid_on": None,
            "dispute": None,
            "level": None,
            "level_date": None,
        }
    )
    return rows


def _email(name: str) -> str:
    slug = re.sub(r"[^a-z]+", "-", name.lower().replace("é", "e").replace("è", "e")).strip("-")
    return f"compta@{slug[:24].strip('-')}.fr"


def build(target: Path = TARGET) -> Path:
    """Write the sample workbook."""
    rng = random.Random(20261122)
    rows = invoices(rng)
    wb = Workbook()
    ws = wb.active
    ws.title = "Factures"
    ws["A1"] = "Atelier Martin SARL – Grand livre clients"
    ws["A1"].font = Font(size=16, bold=True, color="1E4678")
    ws["A2"] = "Exercice 2026 – factures émises (montants en euros)"
    ws["A2"].font = Font(italic=True, color="666666")
    ws.add_image(_logo(), "M1")
    headers = [
        "N° facture",
        "Date facture",
        "Client",
        "Type client",
        "Langue",
        "Adresse",
        "E-mail",
        "Objet",
        "Montant HT",
        "Montant TTC",
        "Échéance",
        "Montant réglé",
        "Date règlement",
        "Reste dû",
        "Litige",
        "Niveau de relance",
        "Date de relance",
    ]
    header_row = 4
    thin = Side(style="thin", color="999999")
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(header_row, col, text)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1E4678")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(bottom=thin)
    cached: dict[str, float] = {}
    for i, r in enumerate(rows):
        n = header_row + 1 + i
        values = [
            r["no"],
            r["date"],
            r["client"],
            r["type"],
            r["lang"],
            r["address"],
            r["email"],
            r["object"],
            r["ht"],
            r["ttc"],
            r["due"],
            r["paid"] or None,
            r["paid_on"],
            f"=J{n}-L{n}",
            r["dispute"],
            r["level"],
            r["level_date"],
        ]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(n, col, value)
            if isinstance(value, dt.date):
                cell.number_format = "dd/mm/yyyy"
            if col in (9, 10, 12, 14):
                cell.number_format = '#,##0.00 "€"'
            if col == 6:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        cached[f"N{n}"] = round(r["ttc"] - r["paid"], 2)
    total = header_row + len(rows) + 1
    ws.cell(total, 1, "TOTAL").font = Font(bold=True)
    for col in ("I", "J", "L", "N"):
        ws[f"{col}{total}"] = f"=SUM({col}{header_row + 1}:{col}{total - 1})"
        ws[f"{col}{total}"].number_format = '#,##0.00 "€"'
        ws[f"{col}{total}"].font = Font(bold=True)
    key = {"I": "ht", "J": "ttc", "L": "paid"}
    for col, name in key.items():
        cached[f"{col}{total}"] = round(sum(r[name] for r in rows), 2)
    cached[f"N{total}"] = round(sum(r["ttc"] - r["paid"] for r in rows), 2)
    for col, width in zip(
        "ABCDEFGHIJKLMNOPQ",
        [12, 12, 30, 13, 8, 30, 28, 26, 12, 12, 12, 13, 13, 12, 22, 16, 14],
        strict=True,
    ):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A5"

    clients = wb.create_sheet("Clients")
    clients.append(["Client", "Type", "Adresse", "E-mail"])
    for name, kind, _lang, address in CLIENTS:
        clients.append([name, kind, address.replace("\n", ", "), _email(name)])
    wb.save(target)
    _write_cached_values(target, cached)
    return target


def _write_cached_values(path: Path, cached: dict[str, float]) -> None:
    """openpyxl saves formulas without results; write them in as Excel would have."""
    with zipfile.ZipFile(path) as src:
        parts = {info: src.read(info) for info in src.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in parts.items():
            if info.filename == "xl/worksheets/sheet1.xml":

                def fill(m: re.Match[bytes]) -> bytes:
                    value = cached.get(m.group(2).decode())
                    return (
                        m.group(1)
                        + (b"<v>%r</v>" % value if value is not None else b"<v/>")
                        + b"</c>"
                    )

                data = re.sub(
                    rb'(<c r="([A-Z]+\d+)"[^>]*><f>[^<]*</f>)(?:<v\s*/>|<v></v>)?</c>', fill, data
                )
            dst.writestr(info, data)


if __name__ == "__main__":
    print(f"wrote {build()}")
