"""A table's rows against its grid: LibreOffice and Word show a table whose rows do not fill
its columns broken, so a letter that makes one is rendered by docxtpl instead."""

from __future__ import annotations

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# In one call per table (a letter has a few tables of dozens of rows): a cell that spans
# columns, and a row whose number of cells is not the grid's.
_SPANNING = etree.XPath("w:tr/w:tc/w:tcPr/w:gridSpan", namespaces={"w": W})
_OFF_GRID = etree.XPath("w:tr[count(w:tc) != $columns]", namespaces={"w": W})


def grid_mismatch(table: etree._Element) -> bool:
    """Whether a table's rows do not fill its grid (Word would show it broken)."""
    grid = table.find(f"{{{W}}}tblGrid")
    if grid is None:
        return False
    columns = len(grid)
    if not _SPANNING(table):  # the usual table: each cell one column wide
        return bool(_OFF_GRID(table, columns=columns))
    for row in table.iterfind(f"{{{W}}}tr"):
        cells = 0
        for cell in row.iterfind(f"{{{W}}}tc"):
            span = cell.find(f"{{{W}}}tcPr/{{{W}}}gridSpan")
            cells += int(span.get(f"{{{W}}}val", "1")) if span is not None else 1
        if cells != columns:
            return True
    return False


__all__ = ["grid_mismatch"]
