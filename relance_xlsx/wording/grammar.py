"""Grammar computed, never typed into templates: elision, agreement, lists (French, English).

« le règlement de les factures », « à l'ordre de Atelier Durand », « ces factures » for one
invoice: each of these came from a template gluing words by hand. Templates now receive the
phrases made here.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence

from .typography import dates_phrase

# Words whose h is aspirated: no elision (« de Hollande », « le hangar »). Every other
# initial h is mute in French (« d'Hôtel des Célestins », « l'huissier »).
_H_ASPIRE = frozenset(
    [
        "hache",
        "haie",
        "haine",
        "hall",
        "halle",
        "halte",
        "hameau",
        "hamac",
        "hamster",
        "hanche",
        "handicap",
        "hangar",
        "hanté",
        "harbour",
        "hardi",
        "harem",
        "haricot",
        "harpe",
        "hasard",
        "hâte",
        "hausse",
        "haut",
        "hautbois",
        "havre",
        "hayon",
        "hennir",
        "hérisson",
        "hernie",
        "héron",
        "héros",
        "hêtre",
        "heurt",
        "hibou",
        "hideux",
        "hiérarchie",
        "hippie",
        "hisser",
        "hobby",
        "hockey",
        "hollande",
        "homard",
        "hongrie",
        "honte",
        "hoquet",
        "horde",
        "hors",
        "hotte",
        "houblon",
        "houille",
        "housse",
        "hublot",
        "huer",
        "huit",
        "hurler",
        "hutte",
    ]
)
# How many invoice numbers a phrase lists before it summarises (« 36 factures »).
LIST_LIMIT = 5


def _plain(word: str) -> str:
    text = unicodedata.normalize("NFKD", word.strip().lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def elides(word: str) -> bool:
    """Whether French elides before this word: a vowel or a mute h (« d'Atelier »)."""
    plain = _plain(word)
    if not plain:
        return False
    words = plain.lstrip("\"'«»() \u00a0").split()
    if not words:
        return False
    first_word = words[0]
    if first_word[0] in "aeiou":
        return True
    if first_word[0] == "h":
        return first_word.rstrip(".,;:&") not in _H_ASPIRE and not any(
            first_word.startswith(h) for h in ("hau", "hard", "hon", "hom")
        )
    # « Yves » elides, « yaourt » does not: a y before a consonant sounds like i.
    return first_word[0] == "y" and len(first_word) > 1 and first_word[1] not in "aeiou"


def de(word: str) -> str:
    """« de Garage Bernard », « d'Atelier Durand », « d'Hôtel des Célestins »."""
    return f"d'{word}" if elides(word) else f"de {word}"


def join_list(items: Sequence[str], lang: str = "fr") -> str:
    """« A », « A et B », « A, B et C » (English: « A and B », « A, B and C »)."""
    words = [str(i) for i in items]
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    last = " et " if lang == "fr" else " and "
    return ", ".join(words[:-1]) + last + words[-1]


def invoices_phrase(numbers: Sequence[str], lang: str = "fr", limit: int = LIST_LIMIT) -> str:
    """The invoices as a subject: « la facture n° A », « les factures n° A et B », and past
    the limit « les 36 factures » (the table lists them)."""
    n = len(numbers)
    if lang == "fr":
        if n == 1:
            return f"la facture n° {numbers[0]}"
        if n > limit:
            return f"les {n} factures"
        return f"les factures n° {join_list(numbers, lang)}"
    if n == 1:
        return f"invoice {numbers[0]}"
    if n > limit:
        return f"the {n} invoices"
    return f"invoices {join_list(numbers, lang)}"


def of_invoices(numbers: Sequence[str], lang: str = "fr", limit: int = LIST_LIMIT) -> str:
    """After « le règlement »: « de la facture n° A », « des factures n° A et B » (never
    « de les »); English « of invoice A »."""
    phrase = invoices_phrase(numbers, lang, limit)
    if lang != "fr":
        return f"of {phrase}"
    if phrase.startswith("les "):
        return "des " + phrase[4:]
    return de(phrase)


def invoices_title(
    numbers: Sequence[str], lang: str = "fr", limit: int = LIST_LIMIT, detail: bool = True
) -> str:
    """For a subject or a reference line: « facture n° A », « factures n° A et B »,
    « 36 factures, voir le détail » (without detail: « 36 factures », for a subject that
    goes on with an adjective: « relance – 36 factures impayées »)."""
    n = len(numbers)
    if lang == "fr":
        if n == 1:
            return f"facture n° {numbers[0]}"
        if n > limit:
            return f"{n} factures, voir le détail" if detail else f"{n} factures"
        return f"factures n° {join_list(numbers, lang)}"
    if n == 1:
        return f"invoice {numbers[0]}"
    if n > limit:
        return f"{n} invoices, see the details" if detail else f"{n} invoices"
    return f"invoices {join_list(numbers, lang)}"


def these_invoices(count: int, lang: str = "fr") -> str:
    """« cette facture » / « ces factures »; « this invoice » / « these invoices »."""
    if lang == "fr":
        return "cette facture" if count == 1 else "ces factures"
    return "this invoice" if count == 1 else "these invoices"


def _dated(dates: Sequence[str | dt.date], lang: str) -> tuple[str, int]:
    """Dates as running text says them, with how many: days (datetime.date) as « 10 et 17
    novembre 2026 » (month and year said once), text as given (« 29/10/2026 et 05/11/2026 »)."""
    unique = list(dict.fromkeys(dates))
    if unique and all(isinstance(d, dt.date) for d in unique):
        return dates_phrase([d for d in unique if isinstance(d, dt.date)], lang, ""), len(unique)
    return join_list([str(d) for d in unique], lang), len(unique)


def previous_reminders(
    dates: Sequence[str | dt.date], lang: str = "fr", complete: bool = True
) -> str:
    """« notre relance du 29 octobre 2026 », « nos relances des 29 octobre et 5 novembre
    2026 », « nos précédents courriers » when no date is known. Not complete (some reminders'
    dates were not recorded): « nos relances, dont celle du 5 novembre 2026 »."""
    text, n = _dated(dates, lang)
    if lang == "fr":
        if not n:
            return "nos précédents courriers"
        if not complete:
            if n == 1:
                return f"nos relances, dont celle du {text}"
            return f"nos relances, dont celles des {text}"
        if n == 1:
            return f"notre relance du {text}"
        return f"nos relances des {text}"
    if not n:
        return "our previous letters"
    if not complete:
        if n == 1:
            return f"our reminders, including that of {text}"
        return f"our reminders, including those of {text}"
    if n == 1:
        return f"our reminder of {text}"
    return f"our reminders of {text}"


def previous_notices(dates: Sequence[str | dt.date], lang: str = "fr") -> str:
    """« notre mise en demeure du 28 octobre 2026 », « nos mises en demeure des … »."""
    text, n = _dated(dates, lang)
    if lang == "fr":
        if not n:
            return "notre mise en demeure"
        if n == 1:
            return f"notre mise en demeure du {text}"
        return f"nos mises en demeure des {text}"
    if not n:
        return "our formal notice"
    if n == 1:
        return f"our formal notice of {text}"
    return f"our formal notices of {text}"


def agreement(count: int, lang: str = "fr") -> dict[str, str]:
    """The endings and verbs a sentence about count invoices agrees with: French « reste /
    restent », « est / sont », « a / ont », « impayée / impayées »; English « is / are »,
    « remains / remain », « has / have »."""
    plural = count > 1
    if lang == "fr":
        return {
            "s": "s" if plural else "",
            "nt": "nt" if plural else "",
            "est": "sont" if plural else "est",
            "a": "ont" if plural else "a",
            "leur": "leur" if plural else "son",
        }
    return {
        "s": "s" if plural else "",
        "nt": "",
        "is_are": "are" if plural else "is",
        "remains": "remain" if plural else "remains",
        "has_have": "have" if plural else "has",
        "its_their": "their" if plural else "its",
    }


def acknowledgement(
    numbers: Sequence[str],
    lang: str = "fr",
    thank: bool = True,
    reserve: str = "",
    late: Sequence[str] = (),
) -> str:
    """The sentence acknowledging payments received since the last letter ('' when none);
    without thanks to a client under a formal notice, nor for payments whose penalties are
    owed (late: their numbers; reserve: what remains due, said after them)."""
    if not numbers:
        return ""
    thank = thank and not late
    if lang == "fr":
        end = " et vous en remercions." if thank else "."
        said = f"Nous avons bien reçu le règlement {of_invoices(numbers, lang)}{end}"
        if late:
            which = (
                "Ce règlement"
                if list(late) == list(numbers)
                else (f"Le règlement {of_invoices(late, lang)}")
            )
            said += f" {which} nous est parvenu après l'échéance : {reserve}."
        return said
    end = ", thank you." if thank else "."
    said = f"We have received your payment {of_invoices(numbers, lang)}{end}"
    if late:
        which = "It" if list(late) == list(numbers) else f"Payment {of_invoices(late, lang)}"
        said += f" {which} reached us after the due date: {reserve}."
    return said


__all__ = [
    "LIST_LIMIT",
    "acknowledgement",
    "agreement",
    "de",
    "elides",
    "invoices_phrase",
    "invoices_title",
    "join_list",
    "of_invoices",
    "previous_notices",
    "previous_reminders",
    "these_invoices",
]
