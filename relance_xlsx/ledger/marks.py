"""Currency signs and words as people type them in a currency column or an amount's number
format: « US$ », « R$ », « £ », « ₽ », « Dólares », « livres sterling », « Pesos ».

Each stands for an ISO code; a sign or word shared by several currencies stands for the most
common one (« $ »: USD, « dollars »: USD), or, for « pesos » of no named country, for PESOS,
a code of no currency that is named « pesos » in what is said. Either way it is not euros.
"""

from __future__ import annotations

import re

from babel.numbers import get_currency_name

from .columns import normalise

EURO = "EUR"
PESOS = "PESOS"  # pesos of no named country: ARS, MXN, CLP, COP, UYU…
DOLLARS = "DOLLARS"  # dollars of no named country (« #,##0.00 $ »): CAD, USD, AUD…
# What stands before a « $ »: « US$ », « R$ », « C$ », « MX$ »; any other prefix is a dollar.
_DOLLAR = re.compile(r"^([A-Za-z.]{0,4})\s*\$$")
# Or after it: « $ CA », « $CAN », « $ US ».
_DOLLAR_AFTER = re.compile(r"^\$\s*([A-Za-z.]{1,4})$")
_DOLLARS = {
    "": "USD", "us": "USD", "u.s.": "USD", "usd": "USD", "r": "BRL", "c": "CAD", "ca": "CAD",
    "can": "CAD", "a": "AUD", "au": "AUD", "nz": "NZD", "hk": "HKD", "s": "SGD", "sg": "SGD",
    "mx": "MXN", "mex": "MXN", "nt": "TWD", "col": "COP", "cl": "CLP", "ar": "ARS",
    "rd": "DOP", "j": "JMD", "tt": "TTD", "u": "UYU", "cad": "CAD", "aud": "AUD",
    "nzd": "NZD", "hkd": "HKD", "sgd": "SGD",
}  # fmt: skip
# Local currency words and codes of the French-speaking world, as written after an amount or
# in a header (« 1 200 DH », « #,##0 "F CFA" », « Montant (FCFP) »), folded: never euros.
LOCAL = {
    "dh": "MAD", "dhs": "MAD", "mad": "MAD", "fcfa": "XOF", "f cfa": "XOF", "cfa": "XOF",
    "xof": "XOF", "xaf": "XAF", "da": "DZD", "dzd": "DZD", "dt": "TND", "tnd": "TND",
    "fcfp": "XPF", "f cfp": "XPF", "cfp": "XPF", "xpf": "XPF", "fc": "CDF", "fmg": "MGA",
    "ar": "MGA", "um": "MRU", "fg": "GNF", "fbu": "BIF", "frw": "RWF", "fdj": "DJF",
}  # fmt: skip
SIGNS = {
    "€": EURO, "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₺": "TRY", "₩": "KRW",
    "₱": "PHP", "₪": "ILS", "₫": "VND", "₦": "NGN", "₴": "UAH", "₸": "KZT", "฿": "THB",
    "zł": "PLN", "kč": "CZK", "лв": "BGN", "руб": "RUB", "fr.": "CHF", "s/": "PEN",
}  # fmt: skip
# Words of a currency, folded (accents, case): the first decides, unless a word after it
# names the country (« pesos argentinos », « francs CFA »).
_WORDS = {
    "euro": EURO, "euros": EURO,
    "dollar": "USD", "dollars": "USD", "dolar": "USD", "dolares": "USD", "dollaro": "USD",
    "dollari": "USD", "livre": "GBP", "livres": "GBP", "pound": "GBP", "pounds": "GBP",
    "sterling": "GBP", "sterline": "GBP", "sterlina": "GBP", "libra": "GBP", "libras": "GBP",
    "yen": "JPY", "yens": "JPY", "yuan": "CNY", "yuans": "CNY", "renminbi": "CNY",
    "rupee": "INR", "rupees": "INR", "roupie": "INR", "roupies": "INR", "rupia": "INR",
    "rupias": "INR", "reais": "BRL", "reales": "BRL", "dirham": "MAD", "dirhams": "MAD",
    "franc": "CHF", "francs": "CHF", "peso": PESOS,
    "pesos": PESOS, "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
}  # fmt: skip
_COUNTRIES = {
    "argentino": "ARS", "argentinos": "ARS", "argentin": "ARS", "argentins": "ARS",
    "mexicano": "MXN", "mexicanos": "MXN", "mexicain": "MXN", "mexicains": "MXN",
    "chileno": "CLP", "chilenos": "CLP", "chilien": "CLP", "chiliens": "CLP",
    "colombiano": "COP", "colombianos": "COP", "uruguayo": "UYU", "uruguayos": "UYU",
    "filipino": "PHP", "filipinos": "PHP", "cfa": "XOF", "cfp": "XPF", "canadien": "CAD",
    "canadiens": "CAD", "canadian": "CAD", "australien": "AUD", "australiens": "AUD",
    "australian": "AUD", "hong": "HKD", "singapour": "SGD", "singapore": "SGD",
    "bresiliens": "BRL", "brasileiros": "BRL",
}  # fmt: skip
# Words that may follow a currency's name without changing it.
_PLAIN = frozenset(
    {"us", "usa", "americains", "americain", "americanos", "estadounidenses", "sterling"}
    | {"suisse", "suisses", "suizos", "swiss", "kong", "de", "des", "eeuu", "ee", "uu"}
)


def sign_currency(text: str) -> str | None:
    """The currency of a sign alone (« US$ », « R$ », « ₽ », « zł »), or None."""
    text = text.strip()
    dollar = _DOLLAR.match(text)
    if dollar:
        return _DOLLARS.get(dollar.group(1).lower(), "USD")
    after = _DOLLAR_AFTER.match(text)
    if after:
        return _DOLLARS.get(after.group(1).lower().rstrip("."), "USD")
    return SIGNS.get(text.lower())


def word_currency(text: str) -> str | None:
    """The currency a short text of currency words names (« Dólares », « livres
    sterling », « pesos argentinos »), or None: every word must belong to the name."""
    words = normalise(text).split()
    if not words or len(words) > 4 or words[0] not in _WORDS:
        return None
    if any(w not in _WORDS and w not in _COUNTRIES and w not in _PLAIN for w in words[1:]):
        return None
    named = [_COUNTRIES[w] for w in words[1:] if w in _COUNTRIES]
    return named[0] if named else _WORDS[words[0]]


def currency_mark(text: str) -> str | None:
    """The currency of a sign or of currency words (never of a short code like « DA »)."""
    return sign_currency(text) or word_currency(text)


def currency_said(code: str) -> str:
    """The currency as said to the user: « ARS (peso argentin) », « pesos »."""
    if code == PESOS:
        return "pesos (pays non précisé)"
    if code == DOLLARS:
        return "dollars (pays non précisé)"
    return f"{code} ({get_currency_name(code, locale='fr_FR')})"


__all__ = [
    "DOLLARS",
    "EURO",
    "LOCAL",
    "PESOS",
    "SIGNS",
    "currency_mark",
    "currency_said",
    "sign_currency",
    "word_currency",
]
