"""The signatory's title in an English letter when the office gave it in French only: the
usual offices of a French firm in their usual English (« Gérante » → « Managing Director »).
A title that is not one of them stays as the office wrote it: it is still the signatory's
office, which an English letter names rather than hides ([creditor] signatory_title_en says
it otherwise)."""

from __future__ import annotations

import re
import unicodedata

# By the French title, accents, case, hyphens and gender set aside (see _key).
_ENGLISH = {
    "gerant": "Managing Director",
    "co gerant": "Joint Managing Director",
    "cogerant": "Joint Managing Director",
    "associe gerant": "Managing Partner",
    "president": "President",
    "president directeur general": "Chair and Chief Executive Officer",
    "pdg": "Chair and Chief Executive Officer",
    "directeur general": "Chief Executive Officer",
    "dg": "Chief Executive Officer",
    "directeur general delegue": "Deputy Chief Executive Officer",
    "directeur": "Director",
    "directeur administratif et financier": "Chief Financial Officer",
    "daf": "Chief Financial Officer",
    "directeur financier": "Finance Director",
    "directeur commercial": "Sales Director",
    "responsable administratif et financier": "Head of Administration and Finance",
    "responsable comptable": "Head of Accounting",
    "chef comptable": "Chief Accountant",
    "comptable": "Accountant",
    "assistant comptable": "Accounts Assistant",
    "responsable du recouvrement": "Credit Control Manager",
    "responsable recouvrement": "Credit Control Manager",
    "charge de recouvrement": "Credit Controller",
    "assistant de direction": "Executive Assistant",
    "secretaire general": "General Secretary",
    "tresorier": "Treasurer",
    "expert comptable": "Chartered Accountant",
    "associe": "Partner",
    "fondateur": "Founder",
    "cofondateur": "Co-founder",
    "co fondateur": "Co-founder",
    "entrepreneur individuel": "Sole Trader",
}
# Feminine endings, to their masculine form, word by word (« directrice générale déléguée »).
_FEMININE = (
    ("trice", "teur"),
    ("ere", "er"),
    ("ive", "if"),
    ("ee", "e"),
    ("ante", "ant"),
    ("ale", "al"),
    ("ente", "ent"),
    ("iere", "ier"),
    ("ffe", "f"),
    ("e", ""),
)


def english_title(title: str) -> str:
    """The English of a French signatory's title, or the title as written when it is not a
    usual one (« Gérante » → « Managing Director », « Cogérant » → « Joint Managing
    Director », « Responsable de l'agence » → itself)."""
    text = title.strip()
    if not text:
        return ""
    return _ENGLISH.get(_key(text), text)


def _key(title: str) -> str:
    """Lower case, no accents, no hyphens or apostrophes, each word in the masculine."""
    text = unicodedata.normalize("NFKD", title.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_masculine(w) for w in re.findall(r"[a-z]+", text))


def _masculine(word: str) -> str:
    if len(word) <= 4 or word in _WORDS:
        return word
    for ending, masculine in _FEMININE:
        if word.endswith(ending):
            candidate = word[: -len(ending)] + masculine
            if candidate in _WORDS:
                return candidate
    return word


# The words of the titles above: a feminine form is only read as one of them.
_WORDS = {w for title in _ENGLISH for w in title.split()}


__all__ = ["english_title"]
