"""The floor: a bare python-calamine read of a workbook's first sheet, nothing else.

No run can be faster than reading the file, so `bench_run.py` prints each command's time as a
multiple of this one, measured in the same session:

    python bench/floor.py bench/out/ledger-10000.xlsx
"""

from __future__ import annotations

import sys

from python_calamine import CalamineWorkbook


def main() -> None:
    """Read every cell of the first sheet into Python values and print the row count."""
    book = CalamineWorkbook.from_path(sys.argv[1])
    rows = book.get_sheet_by_index(0).to_python()
    print(len(rows))


if __name__ == "__main__":
    main()
