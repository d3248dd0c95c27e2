"""What the page says of a workbook it cannot use, or of a mail server it cannot reach: a
sentence for someone who works in Excel and in the page's « Réglages », never relance.toml or
a command (the command line keeps its own message)."""

from __future__ import annotations

from ..errors import NoInvoiceTable
from ..pipeline import page_words

# Each needed column, as the page names it, with a title Excel's table could give it.
_COLUMNS = {
    "invoice": ("du n° de facture", "N° facture"),
    "client": ("du client", "Client"),
    "amount": ("du montant", "Montant TTC"),
    "invoice_date": ("de la date de facture (ou de l'échéance)", "Date facture"),
}


# The run's words the page says otherwise: its folders by what the page shows, « traitement »
# for a run (the rest of the page says so), never the command line's « exécution ».
PAGE_TERMS = (
    ("a_completer/", "le dossier « à compléter »"),
    ("une exécution datée du", "un traitement daté du"),
    ("l'exécution suivante", "le traitement suivant"),
    ("cette exécution", "ce traitement"),
    ("pendant l'exécution", "pendant le traitement"),
)


def page_terms(text: str) -> str:
    """A run's message in the page's words (PAGE_TERMS)."""
    for said, shown in PAGE_TERMS:
        text = text.replace(said, shown)
    return text


def page_error(exc: Exception) -> str:
    """The error as the page says it: a workbook without an invoice table in plain words, the
    mail server's settings by the names of their fields."""
    if not isinstance(exc, NoInvoiceTable) or not exc.missing:
        return page_terms(page_words(str(exc)))
    head = f"Aucun tableau de factures reconnu dans {exc.workbook or 'ce classeur'}"
    if not exc.headed:
        titles = ", ".join(f"« {title} »" for _, title in _COLUMNS.values())
        return (
            f"{head} : aucune ligne de titres de colonnes n'y a été trouvée. Ouvrez-le dans "
            f"Excel et vérifiez que c'est bien le classeur de vos factures : une ligne de "
            f"titres ({titles}), puis une facture par ligne ; enregistrez-le, puis choisissez-"
            "le à nouveau ici."
        )
    named = [f"{_COLUMNS[f][0]} (par exemple « {_COLUMNS[f][1]} »)" for f in exc.missing]
    which = (
        f"la colonne {named[0]}"
        if len(named) == 1
        else f"les colonnes {', '.join(named[:-1])} et {named[-1]}"
    )
    one = len(named) == 1
    it = "ajoutez-la" if one else "ajoutez-les"
    rename = "la colonne qui la contient" if one else "les colonnes qui les contiennent"
    return (
        f"{head} : il manque {which}. Ouvrez-le dans Excel et {it} dans la ligne des titres "
        f"du tableau, ou renommez {rename} déjà ; enregistrez, puis choisissez le classeur à "
        "nouveau ici."
    )


__all__ = ["PAGE_TERMS", "page_error", "page_terms"]
