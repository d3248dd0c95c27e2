"""A link planted in a shared folder at a temporary file's name, or at the file saved, is
never written through: every file is saved through one exclusive temporary file."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from relance_xlsx.config.editing import write_values
from relance_xlsx.mail.pending import index_path, remember_folder
from relance_xlsx.mail.sending import SENT_LOG, record_sent_log
from relance_xlsx.mailroom.listedit import save_numbers
from relance_xlsx.mailroom.posting import write_posting_list
from relance_xlsx.ooxml.saving import make_backup
from relance_xlsx.userfiles import write_atomically
from relance_xlsx.web.state import UiState

AS_OF = dt.date(2026, 11, 22)
# (file saved, its old fixed temporary name, what saves it); each builds the file first.
Case = tuple[Path, str, Callable[[], object]]


def _posting_list(folder: Path) -> Case:
    target = write_posting_list([], folder / "liste_recommandes.xlsx", sender="X", as_of=AS_OF)
    return target, ".liste_recommandes.xlsx.tmp", lambda: save_numbers(target, {})


def _settings(folder: Path) -> Case:
    target = folder / "relance.toml"
    target.write_text('[creditor]\nname = "Ateliers Martin"\n', encoding="utf-8")
    change = {"creditor": {"phone": "04 11 11 11 11"}}
    return target, ".relance.toml.tmp", lambda: write_values(target, change)


def _send_index(folder: Path) -> Case:
    ledger = folder / "gl.xlsx"
    target = index_path(ledger)
    target.write_text("[]", encoding="utf-8")
    return target, f"{target.name}.tmp", lambda: remember_folder(ledger, folder)


def _sent_log(folder: Path) -> Case:
    target = folder / SENT_LOG
    target.write_text("{}", encoding="utf-8")
    log = {"a.eml": {"journaled": False}}
    return target, f".{SENT_LOG}.tmp", lambda: record_sent_log(folder, log)


def _recent_files(folder: Path) -> Case:
    target = folder / "recents.json"
    target.write_text("{}", encoding="utf-8")
    state = UiState("jeton", None, recent_file=target)
    return target, ".recents.json.tmp", lambda: state.remember(folder / "gl.xlsx")


CASES = {
    "posting list (page « Recommandés »)": _posting_list,
    "relance.toml (page « Réglages »)": _settings,
    "index of sends beside the ledger": _send_index,
    "sent log": _sent_log,
    "recent workbooks of the page": _recent_files,
}


@pytest.mark.parametrize("at_target", [False, True], ids=["temporary", "temporary+target"])
@pytest.mark.parametrize("build", CASES.values(), ids=CASES.keys())
def test_a_link_at_the_old_temporary_name_or_the_target_is_never_written_through(
    tmp_path, build, at_target
):
    folder = tmp_path / "partage"
    folder.mkdir()
    target, old_temporary, save = build(folder)
    victims = tmp_path / "victimes"
    victims.mkdir()
    # Each victim holds what the target held: a writer that reads it first reads it whole.
    planted = [folder / old_temporary, *([target] if at_target else [])]
    before = target.read_bytes()
    for n, where in enumerate(planted):
        victim = victims / f"victime-{n}"
        victim.write_bytes(before)
        if where.exists():
            where.unlink()
        where.symlink_to(victim)
    save()
    assert {v.name: v.read_bytes() for v in victims.iterdir()} == {
        f"victime-{n}": before for n in range(len(planted))
    }
    assert not target.is_symlink() and target.is_file()
    assert [p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".partial"))] == [
        old_temporary
    ]  # only the planted link: no temporary file of its own is left


def test_a_check_that_refuses_keeps_the_target_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "relance.toml"
    target.write_text("ancien", encoding="utf-8")

    def refuse(_: Path) -> None:
        raise ValueError("refusé")

    with pytest.raises(ValueError, match="refusé"):
        write_atomically(target, lambda fh: fh.write(b"nouveau"), check=refuse)
    assert target.read_text(encoding="utf-8") == "ancien"
    assert [p.name for p in tmp_path.iterdir()] == ["relance.toml"]


def test_a_saved_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "envoyes.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o640)
    record_sent_log(tmp_path, {})
    assert (target.stat().st_mode & 0o777) == 0o640
    assert json.loads(target.read_text(encoding="utf-8")) == {}


def test_a_backup_is_never_written_through_a_link_at_its_partial_name(tmp_path):
    ledger = tmp_path / "gl.xlsx"
    ledger.write_bytes(b"classeur")
    victim = tmp_path / "victime"
    victim.write_bytes(b"intact")
    now = dt.datetime(2026, 11, 22, 10, 0, 0, 123456)
    folder = tmp_path / ".relance-sauvegardes"
    folder.mkdir()
    (folder / ".gl-20261122-100000-123456.xlsx.partial").symlink_to(victim)
    backup = make_backup(ledger, 10, now)
    assert backup.read_bytes() == b"classeur"
    assert victim.read_bytes() == b"intact"


ROTATION = {
    # (names beside the fresh backup, keep) -> the names left besides the fresh one
    "planted-in-the-future": (
        ["gl-20271231-235959-000000.xlsx", "gl-20271231-235959-000001.xlsx"],
        2,
        ["gl-20271231-235959-000001.xlsx"],
    ),
    "oldest-go-first": (
        ["gl-20261120-090000-000000.xlsx", "gl-20261121-090000-000000.xlsx"],
        2,
        ["gl-20261121-090000-000000.xlsx"],
    ),
    "keep-one": (["gl-20271231-235959-000000.xlsx"], 1, []),
    "dates-that-do-not-parse": (
        ["gl-20261399-250000-000000.xlsx", "gl-99999999-999999-999999.xlsx"],
        1,
        ["gl-20261399-250000-000000.xlsx", "gl-99999999-999999-999999.xlsx"],
    ),
    "another-workbook": (
        ["gl-2025-20261120-090000-000000.xlsx"],
        1,
        ["gl-2025-20261120-090000-000000.xlsx"],
    ),
}


@pytest.mark.parametrize(("beside", "keep", "left"), ROTATION.values(), ids=ROTATION.keys())
def test_the_backup_just_written_is_never_rotated_out(tmp_path, beside, keep, left):
    ledger = tmp_path / "gl.xlsx"
    ledger.write_bytes(b"classeur")
    folder = tmp_path / ".relance-sauvegardes"
    folder.mkdir()
    for name in beside:
        (folder / name).write_bytes(b"ancien")
    backup = make_backup(ledger, keep, dt.datetime(2026, 11, 22, 10, 0, 0, 123456))
    assert backup.read_bytes() == b"classeur"
    assert sorted(p.name for p in folder.iterdir() if p != backup) == left
