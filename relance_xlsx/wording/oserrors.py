"""A failure of the system (disk full, no permission, not a folder) as one French sentence."""

from __future__ import annotations

import errno

# Windows' "file in use by another process" (Excel holding the workbook).
_WINDOWS_SHARING_VIOLATION = 32

_SENTENCES = {
    errno.ENOSPC: "le disque est plein : {what} n'a pas pu être écrit ; libérez de la place "
    "puis relancez",
    errno.EDQUOT: "le quota du disque est atteint : {what} n'a pas pu être écrit ; libérez de "
    "la place puis relancez",
    errno.EACCES: "accès refusé à {what} ; vérifiez les droits d'écriture sur ce fichier ou "
    "ce dossier",
    errno.EPERM: "opération non permise sur {what} ; vérifiez les droits sur ce fichier ou "
    "ce dossier",
    errno.EROFS: "{what} est sur un disque en lecture seule ; choisissez un autre dossier (--out)",
    errno.ENOTDIR: "{what} : une partie de ce chemin est un fichier, pas un dossier ; "
    "choisissez un autre dossier",
    errno.EISDIR: "{what} est un dossier, pas un fichier",
    errno.ENOENT: "{what} est introuvable",
    errno.EEXIST: "{what} existe déjà",
    errno.ENAMETOOLONG: "le chemin {what} est trop long ; choisissez un dossier plus court",
    errno.EMFILE: "trop de fichiers ouverts à la fois ; fermez des programmes puis relancez",
}


def describe_os_error(exc: OSError) -> str:
    """One French sentence saying what failed and what to do."""
    name = exc.filename if exc.filename is not None else exc.filename2
    what = f"« {name} »" if name is not None else "un fichier"
    if getattr(exc, "winerror", None) == _WINDOWS_SHARING_VIOLATION:
        text = f"{what} est utilisé par un autre programme (Excel ?) ; fermez-le puis réessayez"
        return text[0].upper() + text[1:] + "."
    sentence = _SENTENCES.get(exc.errno or -1)
    if sentence is None:
        detail = exc.strerror or str(exc)
        sentence = "le système a refusé une opération sur {what} (" + detail + ")"
    text = sentence.format(what=what)
    return text[0].upper() + text[1:] + "."


__all__ = ["describe_os_error"]
