"""The file-format engine: zip packages, sheet XML, cells, the split edit, the checked atomic save.

It knows nothing of invoices: it imports nothing from the other subpackages."""

from __future__ import annotations

from .cellstyles import custom_formats, percent_styles, styled_rows
from .cellxml import (
    NewCell,
)
from .docxzip import (
    RawEntry,
    crc32_combine,
    deflated,
    inflate_member,
    read_raw,
    write_zip,
)
from .formulas import (
    FormulaCount,
)
from .hidden import FILE_ATTRIBUTE_HIDDEN, mark_hidden
from .packagecheck import (
    PackageScan,
    WorkbookLimits,
    check_archive,
    check_package,
)
from .pieces import Part, Pieces
from .rowlooks import RowLooks, row_looks
from .safexml import (
    SAFE_PARSER,
    ZipLimits,
    check_sizes,
    parse_part,
)
from .saving import (
    BACKUP_FOLDER,
    pack,
    remove_stale_temporaries,
    save_atomically,
)
from .sharedchars import strings_made_valid
from .sheethead import (
    add_column_widths,
    rows_start,
    style_at,
    widen_dimension,
)
from .sheetscan import (
    EXCEL_COLUMNS,
    EXCEL_ROWS,
)
from .sheetxml import (
    SheetXml,
)
from .tables import (
    ExcelTable,
    excel_tables,
)
from .xlsxparts import (
    CT_WORKSHEET,
    NS_MAIN,
    NS_PKG_REL,
    NS_REL,
    REL_TABLE,
    REL_WORKSHEET,
    Package,
    Styles,
    col_index,
    col_letter,
    excel_serial,
    rels_path,
    xml_text,
    xml_texts,
)
from .xmlchars import Forbidden, made_valid

__all__ = [
    "BACKUP_FOLDER",
    "CT_WORKSHEET",
    "EXCEL_COLUMNS",
    "EXCEL_ROWS",
    "FILE_ATTRIBUTE_HIDDEN",
    "NS_MAIN",
    "NS_PKG_REL",
    "NS_REL",
    "REL_TABLE",
    "REL_WORKSHEET",
    "SAFE_PARSER",
    "ExcelTable",
    "Forbidden",
    "FormulaCount",
    "NewCell",
    "Package",
    "PackageScan",
    "Part",
    "Pieces",
    "RawEntry",
    "RowLooks",
    "SheetXml",
    "Styles",
    "WorkbookLimits",
    "ZipLimits",
    "add_column_widths",
    "check_archive",
    "check_package",
    "check_sizes",
    "col_index",
    "col_letter",
    "crc32_combine",
    "custom_formats",
    "deflated",
    "excel_serial",
    "excel_tables",
    "inflate_member",
    "made_valid",
    "mark_hidden",
    "pack",
    "parse_part",
    "percent_styles",
    "read_raw",
    "rels_path",
    "remove_stale_temporaries",
    "row_looks",
    "rows_start",
    "save_atomically",
    "strings_made_valid",
    "style_at",
    "styled_rows",
    "widen_dimension",
    "write_zip",
    "xml_text",
    "xml_texts",
]
