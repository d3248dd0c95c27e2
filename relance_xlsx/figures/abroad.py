"""What a litigation file says of a business debtor established abroad: the European order
for payment (Reg. 1896/2006) and small claims (Reg. 861/2007) only within the Union, Denmark
excepted (review-lawnew2, 4)."""

from __future__ import annotations

import re

from babel import Locale

from ..ledger import country_of

# A business established abroad: the small-claims procedure is a French commissaire de
# justice's, and « du domicile du débiteur » names no French court; the European order for
# payment (Reg. 1896/2006), the European small claims procedure (Reg. 861/2007) or a French
# court chosen by a clause are for counsel (outside legal-fr.md).
ABROAD = (
    "Débiteur établi hors de France : ni la procédure simplifiée de recouvrement des petites "
    "créances, confiée à un commissaire de justice français, ni la requête en injonction de "
    "payer au tribunal de son domicile ne s'appliquent telles quelles ; compétence et voie "
    "(injonction de payer européenne, règlement européen des petits litiges, clause attributive "
    "de juridiction) à vérifier avec votre conseil."
)
# Outside the Union, or in Denmark (outside both regulations): Monaco, Switzerland, the
# United Kingdom, Norway, a French overseas collectivity with its own procedure.
ABROAD_NOT_EU = ABROAD.split(" ; compétence", 1)[0] + (
    " ; hors de l'Union européenne (ou au Danemark), les procédures européennes ne "
    "s'appliquent pas ; compétence, voie et exécution à vérifier avec votre conseil."
)
# The member states of the Union bound by Reg. 1896/2006 and 861/2007 (Denmark is not).
_EU_BUT_DENMARK = frozenset(
    "AT BE BG HR CY CZ EE FI DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()  # noqa: SIM905
)

_NAMES = frozenset(Locale("fr").territories[code] for code in _EU_BUT_DENMARK)


def in_union(address: str | None) -> bool:
    """Whether the address's last line names a member state bound by the European order for
    payment and small claims regulations (every one but Denmark)."""
    parts = [p.strip() for p in re.split(r"[\n,;]", str(address or "")) if p.strip()]
    return len(parts) > 1 and country_of(parts[-1]) in _NAMES


__all__ = ["ABROAD", "ABROAD_NOT_EU", "in_union"]
