"""A link planted in the output folder while the run works (after its check for links) is
never written through: letters, drafts, PDFs, bundles and lists are created as new files,
and LibreOffice writes its PDFs into a private folder."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import pytest
from conftest import AS_OF, complete_settings, soffice

import relance_xlsx
from relance_xlsx.cli.setup import init
from relance_xlsx.errors import RelanceError
from relance_xlsx.letters import convert_to_pdf
from relance_xlsx.ooxml import deflated, write_zip
from relance_xlsx.userfiles import move_in, open_fresh, write_fresh


class _Planter:
    """A progress that plants a link at each of these names when the letters start: the
    attacker who watches the shared folder and knows the names (date and client)."""

    def __init__(self, out: Path, names: list[str], victims: Path) -> None:
        self.out, self.names, self.victims = out, names, victims
        self.planted: list[Path] = []

    def start(self, label: str, total: int) -> None:
        if label != "Lettres" or self.planted:
            return
        for n, name in enumerate(self.names):
            victim = self.victims / f"victime-{n}"
            victim.write_text("intact", encoding="utf-8")
            where = self.out / name
            where.parent.mkdir(parents=True, exist_ok=True)
            where.symlink_to(victim)
            self.planted.append(where)

    def advance(self, n: int = 1) -> None:
        return None

    def stop(self) -> None:
        return None


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("pdf", [False, True], ids=["docx+eml", "pdf"])
def test_links_planted_during_the_run_are_never_written_through(sample, tmp_path, pdf):
    if pdf and soffice() is None:
        pytest.skip("LibreOffice absent")
    settings = complete_settings()
    options = {"as_of": AS_OF, "write_workbook": False, "pdf": pdf, "email": True}
    relance_xlsx.run(sample, settings, out_dir=tmp_path / "premier", **options)
    names = _files(tmp_path / "premier")
    assert any(n.endswith(".eml") for n in names) and any(n.endswith(".docx") for n in names)
    assert not pdf or any(n.startswith("pdf/") for n in names)
    victims = tmp_path / "victimes"
    victims.mkdir()
    out = tmp_path / "second"
    planter = _Planter(out, names, victims)
    relance_xlsx.run(sample, settings, out_dir=out, progress=planter, **options)
    assert planter.planted
    assert {v.read_text(encoding="utf-8") for v in victims.iterdir()} == {"intact"}
    # Each file is the run's own; a list found at the list's name is archived, not written.
    assert [n for n in names if (out / n).is_symlink() or not (out / n).is_file()] == []
    linked = [p.name for p in out.rglob("*") if p.is_symlink()]
    assert all(n.startswith("liste_recommandes du ") for n in linked), linked


def _link(where: Path, victim: Path) -> Path:
    victim.write_text("intact", encoding="utf-8")
    where.symlink_to(victim)
    return where


WRITERS = {
    "write_fresh": lambda target: write_fresh(target, b"neuf"),
    "open_fresh": lambda target: open_fresh(target).close(),
    "write_zip": lambda target: write_zip(target, [deflated("a.txt", b"neuf")]),
    "move_in": lambda target: move_in(_made(target.parent.parent), target),
}


def _made(folder: Path) -> Path:
    made = folder / "ailleurs.pdf"
    made.write_bytes(b"neuf")
    return made


@pytest.mark.parametrize("dangling", [False, True], ids=["link", "dangling link"])
@pytest.mark.parametrize("write", WRITERS.values(), ids=WRITERS.keys())
def test_each_output_writer_replaces_a_planted_link(tmp_path, write, dangling):
    folder = tmp_path / "sortie"
    folder.mkdir()
    victim = tmp_path / "victime"
    target = _link(folder / "lettre.docx", victim)
    if dangling:
        victim.unlink()
    write(target)
    assert not target.is_symlink() and target.is_file()
    assert dangling or victim.read_text(encoding="utf-8") == "intact"
    assert not dangling or not victim.exists()


def test_a_folder_at_an_output_name_is_refused_in_french(tmp_path):
    (tmp_path / "lettre.docx").mkdir()
    with pytest.raises(RelanceError, match="est un dossier : relance-xlsx doit y écrire"):
        write_fresh(tmp_path / "lettre.docx", b"neuf")


@pytest.mark.skipif(soffice() is None, reason="LibreOffice absent")
def test_libreoffice_never_writes_through_a_link_at_the_pdf_name(tmp_path):
    letter = tmp_path / "lettre.docx"
    shutil.copy2(Path(relance_xlsx.__file__).parent / "data" / "document_vierge.docx", letter)
    out = tmp_path / "pdf"
    out.mkdir()
    victim = tmp_path / "victime"
    _link(out / "lettre.pdf", victim)
    [made] = convert_to_pdf([letter], out)
    assert victim.read_text(encoding="utf-8") == "intact"
    assert not made.is_symlink() and made.read_bytes().startswith(b"%PDF")


def test_init_never_writes_through_a_dangling_link(tmp_path):
    victim = tmp_path / "cree-par-init.txt"
    (tmp_path / "partage").mkdir()
    (tmp_path / "partage" / "relance.toml").symlink_to(victim)
    with pytest.raises(RelanceError, match="existe déjà"):
        init(tmp_path / "partage")
    assert not victim.exists() and not os.path.lexists(tmp_path / "partage" / "modeles")


# -- a folder above the file swapped for a link while the run writes (attack review 3) ------

SWAPS = {"output-folder": ".", "pdf-subfolder": "pdf"}


@pytest.mark.skipif(os.name == "nt", reason="dir_fd: POSIX only")
@pytest.mark.parametrize("swapped", SWAPS.values(), ids=SWAPS.keys())
@pytest.mark.parametrize("writer", WRITERS.keys())
def test_a_folder_swapped_for_a_link_during_the_run_is_never_written_through(
    tmp_path, writer, swapped
):
    from relance_xlsx.userfiles import output_held

    ledger = tmp_path / "bureau" / "grand-livre.xlsx"
    out = ledger.parent / "relances" / AS_OF.isoformat()
    (out / "pdf").mkdir(parents=True)
    ledger.write_bytes(b"")
    with output_held(ledger, out):  # the run's check: the folder is held from here
        _swap_and_write(tmp_path, out, writer, swapped)


def _swap_and_write(tmp_path, out, writer, swapped):
    victim = tmp_path / "victime"
    victim.mkdir()
    folder = (out / swapped).resolve()
    folder.rename(folder.with_name(folder.name + ".orig"))
    folder.symlink_to(victim, target_is_directory=True)
    made = _made(tmp_path)  # LibreOffice's PDF, made in a private folder
    write = (lambda t: move_in(made, t)) if writer == "move_in" else WRITERS[writer]
    with pytest.raises(RelanceError, match="a été remplacé par un lien"):
        write(out / "pdf" / "lettre.pdf")
    assert list(victim.iterdir()) == []


def test_a_held_output_folder_still_takes_its_files_and_new_subfolders(tmp_path):
    from relance_xlsx.userfiles import output_held

    ledger = tmp_path / "grand-livre.xlsx"
    ledger.write_bytes(b"")
    out = tmp_path / "relances" / AS_OF.isoformat()
    with output_held(ledger, out):  # not made yet: held on its first file
        out.mkdir(parents=True)
        write_fresh(out / "lettre.docx", b"1")
        write_fresh(out / "emails" / "a.eml", b"2")  # a subfolder not made yet: made in it
        made = _made(tmp_path)
        move_in(made, out / "lettre.pdf")
    # .classeur: the day's folder marked as this workbook's once written (userfiles/dayfolder.py)
    assert _files(out) == [".classeur", "emails/a.eml", "lettre.docx", "lettre.pdf"]


def _held_descriptors(folder) -> list[str]:
    """This process's descriptors open on folder or below it."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(folder)):
            found.append(target)
    return found


FAILING = {"ends": None, "fails": RuntimeError("la lettre ne s'écrit pas")}


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="Linux /proc")
@pytest.mark.parametrize("failure", FAILING.values(), ids=FAILING.keys())
def test_the_output_folder_is_let_go_when_the_run_ends(tmp_path, failure):
    """A long-lived page holds no descriptor of a finished run's folder (a leak per run,
    and a deleted folder's space kept), whether the run ended well or not."""
    from relance_xlsx.userfiles import output_held

    ledger = tmp_path / "grand-livre.xlsx"
    ledger.write_bytes(b"")
    out = tmp_path / "relances" / AS_OF.isoformat()
    out.mkdir(parents=True)
    with contextlib.suppress(RuntimeError), output_held(ledger, out):
        with output_held(ledger, out):  # a second run of the page on the same folder
            write_fresh(out / "lettre.docx", b"1")
        assert _held_descriptors(out)  # the first run still holds it
        if failure is not None:
            raise failure
    assert _held_descriptors(tmp_path) == []
