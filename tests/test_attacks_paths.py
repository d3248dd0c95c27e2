"""Where a run writes: a link planted in the ledger's (shared) folder never turns a run into
a writer of someone else's files; a ledger marked read-only is never replaced.

Each attack is built by code, run as the user runs relance (a process of its own, under the
address-space and time limits of test_attacks), and must end with exit 1 and one French
sentence naming the link, before anything is written: the victim folder stays as it was.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_files import workbook
from test_attacks import AS_OF, _office, relance, said_in_french

VICTIM_FILES = ("2026-11-22 Relance 1 - Atelier Alpha.docx", "rapport.xlsx", "x")


def _office_with_ledger(folder: Path) -> Path:
    _office(folder)
    return workbook(folder / "grand-livre.xlsx")


def _victim(folder: Path) -> Path:
    victim = folder / "victime"
    victim.mkdir()
    for name in VICTIM_FILES[:2]:
        (victim / name).write_text("intact", encoding="utf-8")
    return victim


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _dated_link(office: Path, victim: Path) -> list[str]:
    (office / "relances").mkdir()
    os.symlink(victim, office / "relances" / AS_OF)
    return []


def _relances_link(office: Path, victim: Path) -> list[str]:
    os.symlink(victim, office / "relances")
    return []


def _backups_link(office: Path, victim: Path) -> list[str]:
    os.symlink(victim, office / ".relance-sauvegardes")
    return []


def _backups_dangling(office: Path, victim: Path) -> list[str]:
    os.symlink(victim / "absent", office / ".relance-sauvegardes")
    return []


def _lock_link(office: Path, victim: Path) -> list[str]:
    os.symlink(victim / "x", office / ".grand-livre.xlsx.relance-verrou")
    return []


def _out_link(office: Path, victim: Path) -> list[str]:
    os.symlink(victim, office / "lettres")
    return ["--out", str(office / "lettres")]


def _link_inside(office: Path, victim: Path) -> list[str]:
    (office / "relances" / AS_OF).mkdir(parents=True)
    os.symlink(victim, office / "relances" / AS_OF / "emails")
    return []


Build = Callable[[Path, Path], list[str]]
LINKS: dict[str, tuple[Build, str, str]] = {
    "dated-folder-is-a-link": (_dated_link, "run", "Le dossier {o}/relances/" + AS_OF + " est"),
    "relances-is-a-link": (_relances_link, "run", "Le dossier {o}/relances est un lien"),
    "backups-folder-is-a-link": (_backups_link, "run", "Le dossier des sauvegardes"),
    "backups-folder-is-a-dangling-link": (_backups_dangling, "run", "Le dossier des sauvegardes"),
    "lock-is-a-dangling-link": (_lock_link, "run", "Le fichier verrou"),
    "out-option-is-a-link": (_out_link, "run", "Le dossier {o}/lettres est un lien"),
    "a-link-inside-the-dated-folder": (_link_inside, "run", "contient un lien symbolique"),
    "report-through-a-dated-link": (_dated_link, "report", "est un lien symbolique"),
    "dossier-through-a-dated-link": (_dated_link, "dossier", "est un lien symbolique"),
}


@pytest.mark.parametrize(("build", "command", "phrase"), LINKS.values(), ids=LINKS.keys())
def test_a_link_planted_on_the_way_to_the_outputs_is_refused_before_anything_is_written(
    tmp_path, build, command, phrase
):
    office = tmp_path / "bureau"
    office.mkdir()
    ledger = _office_with_ledger(office)
    victim = _victim(tmp_path)
    extra = build(office, victim)
    before, ledger_bytes = _snapshot(victim), ledger.read_bytes()
    args = [command, str(ledger), *(["Atelier Alpha"] if command == "dossier" else [])]
    done = relance(*args, "--as-of", AS_OF, *extra, cwd=office, timeout=120)
    said = said_in_french(done, 1, phrase.format(o=office))
    assert "supprimez" in said
    assert _snapshot(victim) == before and sorted(os.listdir(victim)) == sorted(before)
    assert ledger.read_bytes() == ledger_bytes
    assert not list(office.rglob("*.docx"))


def test_without_the_link_the_same_office_runs(tmp_path):
    office = tmp_path / "bureau"
    office.mkdir()
    ledger = _office_with_ledger(office)
    done = relance("run", str(ledger), "--as-of", AS_OF, cwd=office, timeout=120)
    said_in_french(done, 0, "Lettres")
    assert list((office / "relances" / AS_OF).glob("* Relance 1 - *.docx"))
    assert list((office / ".relance-sauvegardes").iterdir())


def test_a_ledger_through_a_link_still_writes_beside_its_real_file(tmp_path):
    """The ledger's own folder may be reached through a link: the user named it."""
    real = tmp_path / "reel"
    real.mkdir()
    ledger = _office_with_ledger(real)
    os.symlink(real, tmp_path / "raccourci")
    done = relance("run", str(tmp_path / "raccourci" / ledger.name), "--as-of", AS_OF,
                   cwd=tmp_path / "raccourci")  # fmt: skip
    said_in_french(done, 0, "Lettres")
    assert list((real / "relances" / AS_OF).glob("* Relance 1 - *.docx"))


def test_a_ledger_marked_read_only_is_never_replaced(tmp_path):
    office = tmp_path / "bureau"
    office.mkdir()
    ledger = _office_with_ledger(office)
    digest = hashlib.sha256(ledger.read_bytes()).hexdigest()
    inode = ledger.stat().st_ino
    ledger.chmod(0o444)
    try:
        done = relance("run", str(ledger), "--as-of", AS_OF, cwd=office, timeout=120)
        said = said_in_french(done, 1, "est marqué en lecture seule")
        assert "--no-write-back" in said
        assert not (office / "relances").exists()
        assert hashlib.sha256(ledger.read_bytes()).hexdigest() == digest
        assert ledger.stat().st_ino == inode
        done = relance("run", str(ledger), "--as-of", AS_OF, "--no-write-back", cwd=office)
        said_in_french(done, 0, "Lettres")
        assert ledger.stat().st_ino == inode
    finally:
        ledger.chmod(0o644)


# -- litigation files: one folder per client, whatever the names ----------------------------

COLLIDING = ["Café Gamma", "Cafe Gamma", "CAFE GAMMA", "Dupont & Fils", "Dupont - Fils", ".", ".."]


def test_each_client_handed_to_litigation_gets_its_own_folder(tmp_path):
    import json

    from conftest import write_ledger
    from docx import Document

    _office(tmp_path)
    headers = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Adresse",
               "Niveau de relance", "Date de relance"]  # fmt: skip
    rows = [
        [f"F-{n}", name, "2026-01-05", "2026-02-04", 500.0 + n, f"{n} rue A\n75001 Paris",
         "Mise en demeure", "2026-03-01"]
        for n, name in enumerate(COLLIDING, start=2)
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "grand-livre.xlsx", rows, headers)
    done = relance("run", str(ledger), "--as-of", AS_OF, "--json", cwd=tmp_path, timeout=180)
    said_in_french(done, 0, "")
    dossiers = json.loads(done.stdout)["dossiers"]
    assert len(dossiers) == len(COLLIDING), dossiers
    folders = [Path(d).parent for d in dossiers]
    assert len({str(f).casefold() for f in folders}) == len(COLLIDING), folders
    root = tmp_path / "relances" / AS_OF / "contentieux"
    assert all(f.parent == root and f.name not in (".", "..") for f in folders)
    # Each file is its own client's, none overwritten by another's.
    owners = set()
    for path in dossiers:
        text = "\n".join(p.text for p in Document(path).paragraphs)
        owners.add(next(n for n in sorted(COLLIDING, key=len, reverse=True) if n in text))
    assert len(owners) >= 4  # the names are their own words (« . » is inside any text)
    # On demand, a client's file lands in the same folder as in the run.
    again = relance("dossier", str(ledger), "Cafe Gamma", "--as-of", AS_OF, "--no-pdf",
                    cwd=tmp_path, timeout=180)  # fmt: skip
    said_in_french(again, 0, "Dossier écrit")
    texts = ["\n".join(p.text for p in Document(d).paragraphs) for d in dossiers]
    run_folder = next(f for f, t in zip(folders, texts, strict=True) if "Cafe Gamma" in t)
    assert str(run_folder) in again.stdout + again.stderr
