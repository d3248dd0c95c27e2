"""Every sentence of the bundled letters and e-mails, French and English, in one place.

build_templates.py lays them out into the Word templates and writes the e-mail templates from
the same sentences, so that an e-mail never says other than its letter. Tokens replaced when
building: [below] (« ci-dessous » in a letter, nothing in an e-mail), [deadline] (the part's
deadline: « à compter de la réception de la présente » in a letter, « … de la lettre
recommandée » in an e-mail).

Each part of a letter is one stage (relance_1, relance_2, mise_en_demeure) or the penalties of
invoices paid late (penalites); a letter lists its parts highest first. The wording follows
the law of the client's type: business (Code de commerce L441-10, D441-5), public buyer (Code
de la commande publique L2192-13, R2192-31, R2192-32; Code de justice administrative R541-1),
consumer (Code civil 1231-6).
"""

from __future__ import annotations

from sentences_en import EN
from sentences_fr import FR

SENTENCES = {"fr": FR, "en": EN}
# The kinds of letter that hold parts, and the parts each may hold (its own stage and those
# below, and the penalties of invoices paid late).
PART_KINDS = {
    "relance_1": ("relance_1", "penalites"),
    "relance_2": ("relance_2", "relance_1", "penalites"),
    "mise_en_demeure": ("mise_en_demeure", "relance_2", "relance_1", "penalites"),
    "penalites": ("penalites",),
}
TYPES = ("business", "public", "consumer")
# How a template tells the client's type (debtor.consumer wins, as the ledger reads it).
TYPE_TESTS = {
    "consumer": "debtor.consumer",
    "public": "debtor.public",
    "business": "not debtor.consumer and not debtor.public",
    # The court after a formal notice.
    "administrative": "debtor.public_person",
    # A debtor whose address is outside France: a consumer is sued only where he lives
    # (Brussels I bis, art. 18(2)); a business abroad, by a route and a court to check with
    # counsel (the litigation file says so): no French injonction de payer threatened.
    "abroad": "debtor.abroad",
    "judicial": "not debtor.public_person",
}


def filled(text: str, language: str, *, mail: bool = False) -> str:
    """A sentence with its tokens replaced, for a letter or for an e-mail."""
    t = SENTENCES[language]
    below = "" if mail else t["below"]
    deadline = t["deadline_mail"] if mail else t["deadline_letter"]
    return text.replace("[below]", below).replace("[deadline]", deadline)


__all__ = ["EN", "FR", "PART_KINDS", "SENTENCES", "TYPES", "TYPE_TESTS", "filled"]
