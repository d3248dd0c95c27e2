"""Digests of everything a run writes, to prove an optimisation changes none of it.

A generated ledger (bench/generate.py, the benchmarks' own) is run once; each file the run
writes gets one sha256 of its normalised content: every part of each .docx (letters, bundle,
litigation files), the cell values of every sheet of the workbook and of the report, the JSON
document. The reference lives in tests/data/; make it with the code you compare against:

    PYTHONPATH=<that checkout> python tests/equivalence.py tests/data/equivalence-10000.json
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 22)
NOW = dt.datetime(2026, 11, 22, 9, 30)
INVOICES = 10_000
# Parts whose bytes carry a clock (XlsxWriter's creation date), compared by their cells instead.
_CLOCKED = ("docProps/core.xml",)


def generated_ledger(folder: Path, invoices: int = INVOICES) -> Path:
    """The benchmarks' ledger, written the same way every time (its e-mails use hash())."""
    path = folder / f"ledger-{invoices}.xlsx"
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    script = ROOT / "bench" / "generate.py"
    subprocess.run([sys.executable, str(script), str(invoices), str(path)], check=True, env=env)
    shutil.copy2(ROOT / "sample_workbooks" / "relance.toml", folder / "relance.toml")
    return path


def _sha(data: bytes) -> str:
    # 64 bits are plenty to notice a change, and keep the reference small.
    return hashlib.sha256(data).hexdigest()[:16]


def _docx(path: Path) -> str:
    """Every part of the package but its clock, by name."""
    digest = hashlib.sha256()
    with zipfile.ZipFile(path) as zf:
        for name in sorted(zf.namelist()):
            if name not in _CLOCKED:
                digest.update(f"{name}:{_sha(zf.read(name))};".encode())
    return digest.hexdigest()[:16]


def _cells(path: Path) -> dict[str, str]:
    """Each sheet's cell values (formulas as written), by sheet name."""
    book = load_workbook(path, read_only=True, data_only=False)
    try:
        return {
            sheet.title: _sha(repr([list(r) for r in sheet.iter_rows(values_only=True)]).encode())
            for sheet in book.worksheets
        }
    finally:
        book.close()


def digest_run(folder: Path, invoices: int = INVOICES) -> dict[str, Any]:
    """Run the generated ledger in folder; the digest of every file and of the JSON document."""
    from relance_xlsx import load_settings, run

    ledger = generated_ledger(folder, invoices)
    out = folder / "out"
    settings = load_settings(folder / "relance.toml")
    result = run(ledger, settings, as_of=AS_OF, out_dir=out, now=NOW)
    document = json.dumps(result.to_json(), ensure_ascii=False, sort_keys=True, default=str)
    files: dict[str, Any] = {
        "json": _sha(document.replace(str(folder), "<dossier>").encode()),
        "workbook": _cells(ledger),
    }
    for path in sorted(out.rglob("*")):
        name = path.relative_to(out).as_posix()
        if path.suffix == ".docx":
            files[name] = _docx(path)
        elif path.suffix == ".xlsx":
            files[name] = _cells(path)
        elif path.is_file():
            files[name] = _sha(path.read_bytes().replace(str(folder).encode(), b"<dossier>"))
    return files


def differences(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """The files (and parts) whose digests differ, missing or added, in a readable list."""
    said = []
    for name in sorted(set(expected) | set(got)):
        a, b = expected.get(name), got.get(name)
        if a == b:
            continue
        if isinstance(a, dict) and isinstance(b, dict):
            parts = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
            said.append(f"{name}: {', '.join(parts)}")
        else:
            said.append(f"{name}: {'absent' if b is None else 'new' if a is None else 'differs'}")
    return said


def main() -> None:
    """Write the reference digest of the code on PYTHONPATH to the file named."""
    import tempfile

    target = Path(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        files = digest_run(Path(tmp))
    text = json.dumps(files, indent=0, sort_keys=True, ensure_ascii=False)
    target.write_text(text + "\n", encoding="utf-8")
    print(f"{target}: {len(files)} files")


if __name__ == "__main__":
    main()
