"""Whether a column can hold a field, judged by its header's words and its content: the checks
a guessed mapping (`check --suggest-config`) must pass before it is written.

A mapping written into relance.toml is the user's word from then on (the reader never moves
a named column), so a guess is only offered when every column holds what its field needs: no
row counter as the invoice number, no link or e-mail as an invoice or a client, no quantity
as an amount, no expiry date as the invoice's date, and no bills received at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from .columns import ALIASES, header_words
from .owed import not_amount
from .profile import Profile

_URL = re.compile(r"^\s*(https?://|www\.)", re.I)
# A number typed with a leading zero (« 01752 ») or twelve digits is a phone or an account.
_IDENTIFIER = re.compile(r"^\s*(0\d{3,}|\d{10,})\s*$")
_LONG_CODE = 1e10  # no invoice of ten billion: a whole number this long is a code
_LONG_TEXT = 40  # an invoice number is short; a sentence (an e-mail's snippet) is not
_ROW_NUMBER = frozenset({"no", "ligne", "line", "row", "index", "idx", "rang", "item", "sr", "sl"})
_QUANTITY = frozenset(
    {"quantity", "qty", "quantite", "qte", "nb", "nombre", "count", "units", "unites", "pcs"}
)
# A count of days (« Days », « Jours », « Retard (j) », « Days overdue »), never an amount.
_DAYS = frozenset({"days", "day", "jours", "jour", "j", "dpd"})
# Dates that are not an invoice's: a licence's end, a renewal, a reminder to send.
_NOT_ISSUE = frozenset(
    {"expired", "expiry", "expiration", "expire", "end", "fin", "renewal", "renouvellement"}
    | {"reminder", "rappel", "validite", "validity", "valid", "until", "jusqu"}
)
# Words of a header whose unique values are not invoice numbers (phones, serial numbers).
_NOT_INVOICE = frozenset(
    {"tel", "telephone", "phone", "mobile", "serial", "serie", "s", "sn", "siret", "siren"}
    | {"iban", "cp", "zip", "postal", "client", "customer", "compte", "account", "model"}
)
# Words of a header that name an invoice's number, for a column chosen by its content.
INVOICE_WORDS = frozenset(
    {"no", "ref", "reference", "facture", "invoice", "piece", "document", "doc", "bill"}
)
# A bank's column (« BQ », « Banque », « Bank »), and a bank's short code (« BMCI », « CIH »).
_BANK = frozenset({"bq", "banque", "bank", "bque", "bnq", "bancaire"})
_SHORT_CODE = re.compile(r"^[A-Z]{2,5}$")
_CLIENT_HEADERS = frozenset(header_words(a) for a in ALIASES["client"])
# Headers of a place (« Ville », Xero's « POCity »): the client's town, never its name.
_PLACE_HEADERS = frozenset(
    header_words(a) for f in ("city", "postcode", "country") for a in ALIASES[f]
)
# Headers of bills received: what the office paid or owes, never chased.
_PAID_BY_ME = ("paid by me", "paye par moi", "paid by us", "payee par nous", "paye par nous")


def shares(cells: Sequence[Any]) -> dict[str, float]:
    """Shares of the filled cells that are links, hold an @, look like identifiers, or are
    long sentences."""
    texts = [str(v).strip() for v in cells if v is not None and str(v).strip()]
    if not texts:
        return {"url": 0.0, "at": 0.0, "identifier": 0.0, "long": 0.0}
    n = len(texts)
    return {
        "url": sum(bool(_URL.match(t)) for t in texts) / n,
        "at": sum("@" in t for t in texts) / n,
        "identifier": sum(bool(_IDENTIFIER.match(t)) for t in texts) / n,
        "long": sum(len(t) > _LONG_TEXT for t in texts) / n,
    }


def misfit(field: str, header: str, p: Profile, cells: Sequence[Any]) -> str | None:
    """Why a column cannot hold this field, judged by its header and content (None: it can)."""
    words = set(header_words(header).split())
    if field == "client" and header_words(header) in _PLACE_HEADERS:
        return "son en-tête nomme un lieu (ville, code postal, pays), pas le client"
    if field == "invoice" and words <= _ROW_NUMBER and _small_whole(p):
        return "elle compte les lignes (1, 2, 3…) : ce n'est pas un n° de facture"
    if p.filled < 2:
        return None  # too few values to judge: the header decides
    share = shares(cells)
    if field == "amount":
        return _not_amount(words, p, share)
    if field in ("invoice_date", "due_date"):
        if p.dates < 0.8:
            return "elle ne contient pas de dates"
        if words & _NOT_ISSUE:
            return "son en-tête nomme une date de fin ou de renouvellement, pas une facture"
        return None
    if field == "client":
        return _not_client(p, share) or _bank_codes(header, words, p, cells)
    if field == "invoice":
        return _not_invoice(words, p, share)
    return None


def _not_amount(words: set[str], p: Profile, share: dict[str, float]) -> str | None:
    if words & _QUANTITY:
        return "son en-tête nomme une quantité, pas un montant"
    if words & _DAYS or words == {"retard"}:
        return "son en-tête nomme un nombre de jours, pas un montant"
    why = not_amount(words, p)
    if why is None and p.numbers < 0.8:
        return "elle ne contient pas de montants"
    if why is None and share["identifier"] >= 0.1:
        return "des numéros de téléphone ou de compte s'y mêlent aux montants"
    if why is None and _long_codes(p):
        return "des nombres entiers de 11 chiffres ou plus (des codes), pas des montants"
    return why


def _long_codes(p: Profile) -> bool:
    """Whole numbers of eleven digits or more in every cell: authorisation codes, accounts."""
    numbers = p.values[~np.isnan(p.values)]
    return bool(
        len(numbers) >= 2
        and len(numbers) >= p.filled
        and np.all(np.abs(numbers) >= _LONG_CODE)
        and np.all(numbers == np.round(numbers))
    )


def _not_client(p: Profile, share: dict[str, float]) -> str | None:
    if p.filled >= 3 and round(p.distinct * p.filled) <= 1:
        return "elle contient une seule valeur sur toutes les lignes, pas les noms des clients"
    if share["url"] >= 0.3:
        return "elle contient des liens, pas des noms"
    if p.emails >= 0.5 or share["at"] >= 0.5:
        return "elle contient des adresses e-mail, pas des noms"
    if p.texts < 0.6:
        return "elle ne contient pas de noms"
    if p.digits >= 0.8:  # the reader's word for them (« des codes plutôt que des noms »)
        return (
            "elle contient des codes plutôt que des noms, jamais devinés pour le client "
            "(nommez-la dans [columns] si elle désigne bien vos clients)"
        )
    return None


def _bank_codes(header: str, words: set[str], p: Profile, cells: Sequence[Any]) -> str | None:
    """A bank's column: its header says so (« BQ », « Banque »), or, under a header that
    does not name the client, short capital codes repeated from row to row (« BMCI », « AWB »,
    « CIH »): the bank a bill or a cheque was handed to, never the client (review-pubwb5 H7)."""
    if words & _BANK:
        return "son en-tête nomme une banque, pas le client"
    codes = [str(v).strip() for v in cells if isinstance(v, str) and v.strip()]
    if (
        header_words(header) in _CLIENT_HEADERS
        or len(codes) < max(3, 0.8 * p.filled)
        or sum(bool(_SHORT_CODE.match(c)) for c in codes) < 0.8 * len(codes)
        or len(set(codes)) == len(codes)
    ):
        return None
    shown = ", ".join(f"« {c} »" for c in list(dict.fromkeys(codes))[:3])
    return (
        f"elle contient des sigles courts répétés ({shown}…), comme des codes de banque, pas "
        "des noms de clients : jamais devinée pour le client (nommez-la dans [columns] si elle "
        "désigne bien vos clients)"
    )


def _not_invoice(words: set[str], p: Profile, share: dict[str, float]) -> str | None:
    if share["url"] >= 0.3:
        return "elle contient des liens, pas des numéros de facture"
    if p.emails >= 0.3 or share["at"] >= 0.3:
        return "elle contient des adresses e-mail, pas des numéros de facture"
    if words <= _ROW_NUMBER and p.counter:
        return "elle compte les lignes (1, 2, 3…) : ce n'est pas un n° de facture"
    if share["long"] >= 0.3:
        return "elle contient des phrases, pas des numéros de facture"
    if words & _NOT_INVOICE:
        return "son en-tête nomme un autre numéro (téléphone, série, client)"
    if p.distinct < 0.9 or p.dates >= 0.5:
        return "ses valeurs ne sont pas des numéros de facture tous différents"
    return None


def sparse(p: Profile, sample: Sequence[Sequence[Any]]) -> str | None:
    """Why a column mostly empty on the rows that hold something cannot be the invoice
    number or the client (Xero's « Reference », review-pubwb8 M3), or None."""
    used = sum(1 for row in sample if any(v not in (None, "") for v in row))
    if used < 2 or p.filled * 2 >= used:
        return None
    return f"elle est vide sur {used - p.filled} ligne(s) sur {used}"


def _small_whole(p: Profile) -> bool:
    """Whole numbers no larger than the rows looked at: a row count, even with gaps."""
    numbers = p.values[~(p.values != p.values)]  # NaN dropped
    return bool(
        len(numbers) >= 1
        and all(float(v).is_integer() for v in numbers)
        and numbers.min() >= 0
        and numbers.max() <= max(p.rows, 10)
    )


def bills_received(headers: dict[int, str], columns: dict[int, Sequence[Any]]) -> str | None:
    """Why a table is bills the office received (« Paid By Me », e-mail senders under
    « From »), or None."""
    for j, header in headers.items():
        folded = header_words(header)
        if folded in _PAID_BY_ME:
            return f"« {header} » : ce sont des factures que vous avez reçues et payées"
        if folded in ("from", "de", "expediteur", "sender") and shares(columns[j])["at"] >= 0.5:
            return (
                f"« {header} » contient les expéditeurs des e-mails : ce sont des factures "
                "que vous avez reçues"
            )
    return None


__all__ = ["INVOICE_WORDS", "bills_received", "misfit", "shares", "sparse"]
