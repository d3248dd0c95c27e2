"""« Malgré nos relances … »: the reminders of a letter's part, each with the invoices it
reminded, so that no date is cited for an invoice that was not reminded that day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .grammar import LIST_LIMIT, invoices_phrase, join_list, previous_reminders
from .typography import dates_phrase

# Past this many groups of invoices (or a group too long to name its invoices) the sentence
# sends the reader to the table, whose « Relancée le » column gives each invoice's dates.
GROUP_LIMIT = 3

# One reminder group: the dates (days, said in running text, or text as given) and the
# invoices reminded on each.
Group = tuple[Sequence[str | dt.date], Sequence[str]]


# Too many dates for a sentence: the letter's table gives them. An e-mail has no table: it
# sends the reader to the letter attached (mail/emails.py).
BY_TABLE = {
    "fr": "nos relances, dont le tableau ci-dessous donne les dates pour chaque facture",
    "en": "our reminders, whose dates the table below gives for each invoice",
}
BY_ATTACHED_LETTER = {
    "fr": "nos relances, dont le courrier joint donne les dates pour chaque facture",
    "en": "our reminders, whose dates the attached letter gives for each invoice",
}


def reminders_by_invoice(
    groups: Sequence[Group],
    numbers: Sequence[str],
    lang: str = "fr",
    complete: bool = True,
    registered: Sequence[Group] = (),
) -> str:
    """« nos relances des 05/10/2026 et 12/10/2026 pour la facture n° A1 et du 26/10/2026 pour
    les factures n° A1 et A2 »; the plain « nos relances des … » when every invoice of the part
    was reminded on every date cited. complete: every reminder's date is recorded (else
    « nos relances, dont celles … »). registered: the letters that gave a formal notice and
    listed these invoices below it, named as what they were: « notre relance du 8 novembre
    2026 et notre lettre recommandée du 22 novembre 2026 »."""
    if not registered:
        return _reminders(groups, numbers, lang, complete)
    if _by_table(groups, numbers) or _by_table(registered, numbers):
        if lang == "fr":
            return (
                "nos relances et lettres recommandées, dont le tableau ci-dessous donne les "
                "dates pour chaque facture"
            )
        return (
            "our reminders and registered letters, whose dates the table below gives for "
            "each invoice"
        )
    words = ("notre lettre recommandée", "nos lettres recommandées")
    if lang != "fr":
        words = ("our registered letter", "our registered letters")
    letters = _named(registered, numbers, lang, words)
    if groups:
        said = _reminders(groups, numbers, lang, complete)
    elif complete:
        return letters
    else:  # reminders before it whose dates are not recorded
        said = "nos relances" if lang == "fr" else "our reminders"
    return f"{said} {'et' if lang == 'fr' else 'and'} {letters}"


def _reminders(groups: Sequence[Group], numbers: Sequence[str], lang: str, complete: bool) -> str:
    """The reminders alone (reminders_by_invoice)."""
    everyone = set(numbers)
    if not groups or (len(groups) == 1 and set(groups[0][1]) == everyone):
        return previous_reminders(list(groups[0][0]) if groups else [], lang, complete)
    if _by_table(groups, numbers):
        return BY_TABLE["fr" if lang == "fr" else "en"]
    said = join_list([_group(dates, nos, lang) for dates, nos in groups], lang)
    one = sum(len(dates) for dates, _ in groups) == 1
    if lang == "fr":
        if complete:
            return f"{'notre relance' if one else 'nos relances'} {said}"
        return f"nos relances, dont {'celle' if one else 'celles'} {said}"
    if complete:
        return f"{'our reminder' if one else 'our reminders'} {said}"
    return f"our reminders, including {'that' if one else 'those'} {said}"


def _by_table(groups: Sequence[Group], numbers: Sequence[str]) -> bool:
    """Too many groups, or a group too long to name its invoices: the table says them."""
    everyone = set(numbers)
    return len(groups) > GROUP_LIMIT or any(
        len(nos) > LIST_LIMIT and set(nos) != everyone for _, nos in groups
    )


def _named(
    groups: Sequence[Group], numbers: Sequence[str], lang: str, words: tuple[str, str]
) -> str:
    """Letters of one kind by their dates (words: its singular and plural): « notre lettre
    recommandée du 22 novembre 2026 », with each date's invoices when they are not all the
    part's (« … du 22 novembre 2026 pour les factures n° A1 et A2 »)."""
    one = sum(len(dates) for dates, _ in groups) == 1
    word = words[0] if one else words[1]
    if len(groups) == 1 and set(groups[0][1]) == set(numbers):
        return f"{word} {_when(groups[0][0], lang)}"
    return f"{word} {join_list([_group(dates, nos, lang) for dates, nos in groups], lang)}"


def _when(dates: Sequence[str | dt.date], lang: str) -> str:
    """« du 22 novembre 2026 », « des 8 et 22 novembre 2026 »; « of 22 November 2026 »."""
    days = [d for d in dates if isinstance(d, dt.date)]
    if days and len(days) == len(dates):
        said = dates_phrase(days, lang, "du")
        return said if lang == "fr" else f"of {said}"
    text = [str(d) for d in dates]
    if lang == "fr":
        return f"du {text[0]}" if len(text) == 1 else f"des {join_list(text, lang)}"
    return f"of {join_list(text, lang)}"


def _group(dates: Sequence[str | dt.date], numbers: Sequence[str], lang: str) -> str:
    """« des 05/10/2026 et 12/10/2026 pour la facture n° A1 », « of 26 October 2026 for
    invoices A1 and A2 »."""
    invoices = invoices_phrase(list(numbers), lang)
    return f"{_when(dates, lang)} {'pour' if lang == 'fr' else 'for'} {invoices}"


__all__ = ["BY_ATTACHED_LETTER", "BY_TABLE", "GROUP_LIMIT", "reminders_by_invoice"]
