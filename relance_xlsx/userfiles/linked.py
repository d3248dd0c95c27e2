"""A workbook named through a link: what the write-back does to it, said before it does it.

The write-back saves a new file in place of the old one (atomically): a hard link's other
names keep the old version; a symbolic link is followed, so the workbook written, and the
letters beside it, are those of its target."""

from __future__ import annotations

from pathlib import Path


def linked_ledger(path: Path, *, writes: bool, outputs: bool) -> str:
    """What to tell the person of a workbook that is a link (French), or an empty string."""
    said = []
    if outputs and path.is_symlink():
        target = path.resolve()
        said.append(
            f"{path.name} est un lien symbolique vers {target} : le classeur mis à jour est "
            f"celui-là, et ce qui est produit (courriers, rapport, rapprochement) est écrit à "
            f"côté de lui, dans {target.parent / 'relances'} (pas à côté du lien)."
        )
    try:
        names = path.stat().st_nlink
    except OSError:
        names = 1
    if writes and names > 1:
        said.append(
            f"{path.name} a {names} noms (lien physique) : la mise à jour remplace le fichier "
            "par un nouveau, et les autres noms gardent l'ancienne version ; ouvrez ensuite le "
            "classeur par ce nom-ci."
        )
    return " ".join(said)


__all__ = ["linked_ledger"]
