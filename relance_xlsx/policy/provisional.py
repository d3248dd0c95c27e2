"""Interest computed at a rate the rate table does not confirm yet (a half-year whose ECB rate
or legal rate was not known when this version was made): the latest known rate is used, and
a letter or a file that prints such a figure says so, « sauf à parfaire » (the lawyer's review,
2: a registered notice and a declaration of claim certified an unverified rate as fact)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..config import Policy, Settings
from ..wording import dates_phrase, percent
from .rates import HalfYear, RateTables, rate_tables_for

FLOOR_FACTOR = 3  # a contractual rate is never below 3 × the legal rate (L441-10 II)


@dataclass(frozen=True)
class Provisional:
    """The half-years whose rate is not confirmed, by kind of rate, with the rate used."""

    ecb: tuple[tuple[HalfYear, float], ...] = ()
    legal: tuple[tuple[HalfYear, float], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.ecb or self.legal)


def provisional_of(
    rows: Iterable[Mapping[str, Any]], tables: RateTables, policy: Policy
) -> Provisional:
    """The unconfirmed rates the interest periods of these invoices were computed at: the ECB
    rate of a business's or a public buyer's period, the legal rate of a consumer's (or of the
    floor a contractual rate was raised to). A rate the policy sets itself is never unsure."""
    ecb: dict[HalfYear, float] = {}
    legal: dict[HalfYear, float] = {}
    contract_rate = policy.interest_rate
    for row in rows:
        periods = row.get("periods") or ()
        # A public buyer's rate is the one of the half-year its delay starts in, for the whole
        # delay (R2192-31): its later periods have no rate of their own.
        first = min((p[0] for p in periods), default=None)
        for period in periods:
            half = HalfYear.of(first if row.get("public") and first else period[0])
            if row.get("consumer"):
                # The creditor is a business: the rate « pour tous les autres cas » (see
                # penalties._consumer_rate), unless relance.toml gives one.
                rate, confirmed = tables.legal_rate(half)
                if not confirmed and policy.consumer_interest_rate is None:
                    legal[half] = rate
            elif contract_rate is not None and not row.get("public"):
                rate, confirmed = tables.legal_rate(half)
                if not confirmed and FLOOR_FACTOR * rate > contract_rate:
                    legal[half] = rate
            else:  # a public buyer's periods start where its delay does (R2192-31)
                rate, confirmed = tables.ecb_rate(half)
                if not confirmed:
                    ecb[half] = rate
    return Provisional(_sorted(ecb), _sorted(legal))


def _sorted(found: dict[HalfYear, float]) -> tuple[tuple[HalfYear, float], ...]:
    return tuple(sorted(found.items(), key=lambda item: item[0].start))


# What the sentence calls the document it is in.
_DOCUMENTS = {
    "letter": ("ce courrier", "this letter"),
    "file": ("ce dossier", "this file"),
    "declaration": ("cette déclaration", "this declaration"),
}


def provisional_sentence(
    provisional: Provisional, lang: str = "fr", document: str = "letter"
) -> str:
    """What a letter (or a file) says of the rates it could not confirm; "" when every rate
    is."""
    return " ".join(provisional_sentences(provisional, lang, document))


def provisional_sentences(
    provisional: Provisional, lang: str = "fr", document: str = "letter"
) -> list[str]:
    """The sentences of provisional_sentence: the ECB rate's, the legal rate's."""
    fr, en = _DOCUMENTS[document]
    said = []
    if provisional.ecb:
        days = dates_phrase([h.start for h, _ in provisional.ecb], lang, "")
        latest = percent(provisional.ecb[-1][1], lang)
        said.append(
            f"Le taux directeur de la BCE au {days} n'était pas encore confirmé à la date de "
            f"{fr} : le dernier connu ({latest}) est appliqué, sauf à parfaire."
            if lang == "fr"
            else f"The ECB main refinancing rate on {days} was not yet confirmed at the date of "
            f"{en}: the latest known rate ({latest}) is applied, subject to adjustment."
        )
    if provisional.legal:
        halves = ", ".join(_half(h, lang) for h, _ in provisional.legal)
        latest = percent(provisional.legal[-1][1], lang)
        said.append(
            f"Le taux de l'intérêt légal du {halves} n'était pas encore connu à la date de "
            f"{fr} : le dernier publié ({latest}) est appliqué, sauf à parfaire."
            if lang == "fr"
            else f"The French statutory interest rate for the {halves} was not yet known at the "
            f"date of {en}: the latest published rate ({latest}) is applied, subject to "
            "adjustment."
        )
    return said


def rate_caveat(
    rows: Iterable[Mapping[str, Any]],
    settings: Settings,
    lang: str = "fr",
    document: str = "letter",
) -> str:
    """What a letter, file or declaration says of the unconfirmed rates its invoices' interest
    periods used, by the run's rate tables and policy; "" when every rate is confirmed."""
    return " ".join(rate_caveats(rows, settings, lang, document))


def rate_caveats(
    rows: Iterable[Mapping[str, Any]],
    settings: Settings,
    lang: str = "fr",
    document: str = "letter",
) -> list[str]:
    """The sentences of rate_caveat."""
    found = provisional_of(rows, rate_tables_for(settings), settings.policy)
    return provisional_sentences(found, lang, document)


def _half(half: HalfYear, lang: str) -> str:
    if lang == "fr":
        return half.label()
    return f"{'first' if half.half == 1 else 'second'} half of {half.year}"


__all__ = [
    "Provisional",
    "provisional_of",
    "provisional_sentence",
    "provisional_sentences",
    "rate_caveat",
    "rate_caveats",
]
