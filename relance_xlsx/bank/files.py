"""A statement file the user named: a regular file of bounded size (the one check of
userfiles, said as a statement's), decoded as its bank wrote it."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import StatementError
from ..userfiles import FileMissing, FileRefused, read_checked
from ..userfiles import checked_file as checked_user_file

# A year of a busy account in CSV is about 2 MB; CAMT is the most verbose, about 10 times that.
MAX_STATEMENT_MB = 50.0
_WHAT = "indiquez le relevé téléchargé de la banque (.csv, .ofx, .xml)"


def _said(path: Path, exc: FileRefused) -> StatementError:
    if isinstance(exc, FileMissing):
        return StatementError(f"Le relevé {path} est introuvable ; vérifiez le chemin.")
    if "ordinaire" in exc.reason or "dossier" in exc.reason:
        return StatementError(f"{path} n'est pas un fichier ordinaire ({exc.reason}) ; {_WHAT}.")
    return StatementError(f"Relevé refusé : {exc} Téléchargez une période plus courte.")


def checked_file(path: Path, max_mb: float = MAX_STATEMENT_MB) -> Path:
    """The path, once it is known to be a regular file of at most max_mb (no device, no
    folder, no pipe that would never end)."""
    try:
        checked_user_file(path, max_mb=max_mb)
    except FileRefused as exc:
        raise _said(path, exc) from None
    return path


def read_bytes(path: Path) -> bytes:
    """The file's bytes, read only as a regular file within the limit (even if it grew)."""
    try:
        return read_checked(path, max_mb=MAX_STATEMENT_MB)
    except FileRefused as exc:
        raise _said(path, exc) from None


# Windows-1252 and ISO-8859-15 (Crédit Mutuel and CIC document the latter) differ on a few
# bytes: « € » is 0x80 in one, 0xA4 in the other, « Œ » 0x8C or 0xBC… Read the wrong way a
# text shows C1 control characters, symbols no bank label holds (¤ ¦ ¨ ´ ¸), fractions
# inside words (« C¼UR ») or « œ » standing alone.
_ODD = re.compile(
    "[\u0080-\u009f\u00a4\u00a6\u00a8\u00b4\u00b8\ufffd]"
    "|(?<=[^\\W\\d_])[\u00bc-\u00be]|[\u00bc-\u00be](?=[^\\W\\d_])"
    "|(?<![^\\W\\d_])[\u0152\u0153\u0178](?![^\\W\\d_])"
)
_SINGLE_BYTE = ("cp1252", "iso-8859-15")


def decode(data: bytes) -> str:
    """Text as French banks write it: UTF-8 with or without BOM, else Windows-1252 or
    ISO-8859-15, whichever reads without odd characters (Windows-1252 when both do)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined; they are replaced, never fatal.
    texts = [data.decode(encoding, "replace") for encoding in _SINGLE_BYTE]
    return min(texts, key=_oddness)  # min keeps the first (cp1252) on a tie


def _oddness(text: str) -> int:
    """How many characters of a text no bank statement holds."""
    return len(_ODD.findall(text))


__all__ = ["MAX_STATEMENT_MB", "checked_file", "decode", "read_bytes"]
