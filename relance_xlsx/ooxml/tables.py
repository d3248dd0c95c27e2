"""The Excel tables (ListObjects) of a workbook: their names and where they lie."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from ..errors import RelanceError
from .xlsxparts import NS_MAIN, NS_REL, REL_TABLE, Package, col_index, rels_path, resolve_target

_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$")


class ExcelTable(NamedTuple):
    """One Excel table: its name, header row (Excel number) and columns (0-based)."""

    name: str
    header_row: int
    first_col: int
    last_col: int
    last_row: int
    totals_rows: int = 0  # the totals row Excel shows at the bottom: never data


def excel_tables(path: Path) -> dict[str, list[ExcelTable]]:
    """Each worksheet's Excel tables with a header row, by sheet name ({} for a non-.xlsx)."""
    try:
        package = Package.open(str(path))
        if "xl/workbook.xml" not in package.names:
            return {}
        workbook = package.xml("xl/workbook.xml")
        targets = {
            rel.get("Id"): resolve_target("xl/workbook.xml", rel.get("Target", ""))
            for rel in package.xml(rels_path("xl/workbook.xml"))
        }
        out: dict[str, list[ExcelTable]] = {}
        for node in workbook.iter(f"{{{NS_MAIN}}}sheet"):
            part = targets.get(node.get(f"{{{NS_REL}}}id"))
            if not part or part not in package.names:
                continue
            found = [_table(package, t) for t in package.related(part, REL_TABLE)]
            tables = [t for t in found if t is not None]
            if tables:
                out[node.get("name", "")] = tables
        return out
    except (RelanceError, KeyError, ValueError):
        # A table part we cannot read only costs the hint it would have given.
        return {}


def _table(package: Package, part: str) -> ExcelTable | None:
    if part not in package.names:
        return None
    root = package.xml(part)
    match = _REF.match(root.get("ref", ""))
    if match is None or root.get("headerRowCount", "1") == "0":
        return None
    first, row, last, end = match.groups()
    return ExcelTable(
        root.get("displayName") or root.get("name") or "",
        int(row),
        col_index(first),
        col_index(last or first),
        int(end or row),
        1 if root.get("totalsRowCount", "0") not in ("0", "") else 0,
    )


__all__ = ["ExcelTable", "excel_tables"]
