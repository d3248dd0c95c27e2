"""The EPC QR code of a SEPA credit transfer (EPC069-12, version 002), drawn with segno.

A payer's banking app reads it and fills the transfer: the creditor's name and IBAN, the
amount, and the structured reference that tells the matcher which letter was paid.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from ..userfiles import write_fresh
from .creditorref import is_valid

MAX_NAME = 70
MAX_AMOUNT = 999_999_999.99
_BIC = re.compile(r"[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?")


def iban_problem(iban: str) -> str | None:
    """Why an IBAN is not valid (in French), or None: format and ISO 13616 check digits."""
    text = re.sub(r"\s", "", iban).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", text):
        return "un IBAN commence par 2 lettres et 2 chiffres (FR76 …)"
    if not text[4:].strip("0"):
        return "cet IBAN n'a que des zéros (un exemple, pas un compte)"
    number = "".join(str(int(c, 36)) for c in text[4:] + text[:4])
    return None if int(number) % 97 == 1 else "cet IBAN a une clé fausse"


def bic_problem(bic: str) -> str | None:
    """Why a BIC is not valid, or None (an empty BIC is allowed within the SEPA area)."""
    text = re.sub(r"\s", "", bic).upper()
    return None if not text or _BIC.fullmatch(text) else "un BIC a 8 ou 11 caractères"


def epc_payload(name: str, iban: str, amount: float, reference: str, bic: str = "") -> str:
    """The text of an EPC QR code: « BCD », version 002, UTF-8, SCT, BIC, name, IBAN, EUR
    amount, no purpose, the structured reference. Raises ValueError when a value cannot go."""
    problem = iban_problem(iban) or bic_problem(bic)
    if problem:
        raise ValueError(problem)
    if not is_valid(reference):
        raise ValueError(f"référence structurée invalide : {reference}")
    if not 0.01 <= round(amount, 2) <= MAX_AMOUNT:
        raise ValueError(f"montant hors des bornes d'un virement : {amount}")
    holder = " ".join(name.split())[:MAX_NAME]
    if not holder:
        raise ValueError("nom du bénéficiaire absent")
    lines = [
        "BCD",
        "002",
        "1",  # UTF-8
        "SCT",
        re.sub(r"\s", "", bic).upper(),
        holder,
        re.sub(r"\s", "", iban).upper(),
        f"EUR{round(amount, 2):.2f}",
        "",  # purpose
        re.sub(r"\s", "", reference).upper(),
        "",  # unstructured remittance: none, the reference says it
    ]
    return "\n".join(lines).rstrip("\n")


def qr_png(payload: str, scale: int = 6) -> bytes:
    """The QR code as a PNG: error correction M and version 13 at most, as EPC069-12 asks."""
    import segno  # imported when a code is drawn: a run without IBAN never pays for it

    qr = segno.make_qr(payload, error="m", boost_error=False, encoding="utf-8")
    if qr.version > 13:  # type: ignore[operator]
        raise ValueError("données trop longues pour un QR code EPC")
    out = io.BytesIO()
    qr.save(out, kind="png", scale=scale, border=4)
    return out.getvalue()


def write_qr(payload: str, target: Path, scale: int = 6) -> Path:
    """The QR code of a payload written as a PNG file."""
    write_fresh(target, qr_png(payload, scale))
    return target


__all__ = ["MAX_NAME", "bic_problem", "epc_payload", "iban_problem", "qr_png", "write_qr"]
