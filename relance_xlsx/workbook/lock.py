"""One run at a time on a ledger: a lock file beside it, held for the whole run.

The lock lives beside the workbook because that is where every writer of the workbook, on
any machine sharing the folder, looks for it, and because a run that writes the workbook
must be able to write there anyway (the new file is swapped in beside the old one). So a
folder the run cannot write is refused here, before any letter, in a sentence that says
what can be done instead: nothing would be gained by locking elsewhere.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import WorkbookError
from ..ooxml import BACKUP_FOLDER, mark_hidden, remove_stale_temporaries
from ..userfiles import refuse_link


def lock_path(ledger: Path) -> Path:
    """The lock beside the ledger's real file (a symbolic link shares its target's lock)."""
    target = Path(os.path.realpath(ledger))
    return target.with_name(f".{target.name}.relance-verrou")


RUN = (
    "relance-xlsx ne peut pas y enregistrer le classeur mis à jour ; copiez-le dans un "
    "dossier où vous pouvez écrire et relancez depuis la copie, ou, pour n'écrire que les "
    "lettres sans mettre le classeur à jour, relancez avec --no-write-back (et --out "
    "<dossier> pour les lettres)"
)
MATCH = (
    "les règlements du relevé ne peuvent pas y être notés dans le classeur ; copiez-le dans "
    "un dossier où vous pouvez écrire et relancez depuis la copie, ou relancez sans --apply "
    "pour voir seulement les rapprochements"
)
SEND = (
    "les e-mails envoyés ne pourraient pas être notés dans son journal, donc rien n'est "
    "envoyé ; copiez le classeur dans un dossier où vous pouvez écrire, refaites "
    "« relance run --email » depuis la copie, puis l'envoi"
)


def _read_only(ledger: Path, consequence: str) -> WorkbookError:
    folder = Path(os.path.realpath(ledger)).parent
    return WorkbookError(
        f"Le dossier de {ledger.name} ({folder}) est en lecture seule pour vous : {consequence}."
    )


def refuse_planted_links(lock: Path) -> None:
    """The lock and the backups folder beside the ledger are never links: opening the lock
    truncates the file it names, and a backup would be written wherever the link leads."""
    refuse_link(lock, "Le fichier verrou", "supprimez ce lien puis relancez")
    refuse_link(
        lock.parent / BACKUP_FOLDER,
        "Le dossier des sauvegardes",
        "supprimez ce lien (relance-xlsx recréera un vrai dossier) puis relancez",
    )


@contextmanager
def ledger_lock(ledger: Path, consequence: str = RUN) -> Iterator[None]:
    """Hold the ledger's lock, or refuse at once in one sentence if another run holds it or
    if its folder cannot be written (consequence: what that prevents, and what to do)."""
    path = lock_path(ledger)
    if path.parent.is_dir() and not os.access(path.parent, os.W_OK):
        raise _read_only(ledger, consequence)
    refuse_planted_links(path)
    lock = FileLock(str(path), timeout=0)
    try:
        lock.acquire()
        mark_hidden(path)  # beside the office's workbook, hidden in Explorer too
    except Timeout:  # first: filelock's Timeout is an OSError too
        raise WorkbookError(
            f"Un autre traitement (sur ce poste ou un autre) est en cours sur {ledger.name} : "
            "attendez qu'il se termine puis réessayez."
        ) from None
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise _read_only(ledger, consequence) from exc
        raise
    try:
        remove_stale_temporaries(ledger)  # holding the lock: any left is from a dead run
        yield
    finally:
        lock.release()


__all__ = ["MATCH", "RUN", "SEND", "ledger_lock", "lock_path"]
