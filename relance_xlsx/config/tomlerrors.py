"""A relance.toml that does not parse, explained in French: the line, what is wrong, the fix."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

_WHERE = re.compile(r"\s*\((?:at line (?P<line>\d+), column (?P<col>\d+)|at end of document)\)$")
# tomllib's message (its start) → what is wrong and how to fix it, in plain French.
_EXPLAINED = (
    (
        "Illegal character '\\n'",
        "un texte entre guillemets ne peut pas continuer à la ligne suivante",
        "pour une adresse sur plusieurs lignes, mettez-la entre triples guillemets : "
        'address = """1 rue des Tanneurs (retour à la ligne) 69002 Lyon"""',
    ),
    (
        "Invalid hex value",
        "une barre oblique inverse (\\) entre guillemets annonce un caractère spécial",
        "pour un chemin Windows, écrivez-le entre apostrophes ('C:\\Modèles') ou doublez "
        'chaque barre ("C:\\\\Modèles")',
    ),
    (
        "Unescaped",
        "une barre oblique inverse (\\) entre guillemets annonce un caractère spécial",
        "pour un chemin Windows, écrivez-le entre apostrophes ('C:\\Modèles') ou doublez "
        'chaque barre ("C:\\\\Modèles")',
    ),
    (
        "Unterminated string",
        "un texte n'a pas de guillemet fermant",
        'fermez le texte par le même guillemet qu\'au début : name = "Atelier Martin"',
    ),
    (
        "Invalid value",
        "la valeur après « = » n'est ni un nombre, ni true/false, ni un texte entre guillemets",
        'mettez un texte entre guillemets (city = "Lyon"), un nombre sans unité '
        "(payment_days = 8) ou true / false",
    ),
    (
        "Expected '=' after a key",
        "un nom de réglage contient une espace ou n'est pas suivi de « = »",
        "écrivez nom = valeur, avec le nom exact du réglage (par exemple payment_days = 8)",
    ),
    (
        "Cannot overwrite a value",
        "le même réglage est donné deux fois",
        "gardez une seule ligne pour ce réglage",
    ),
    (
        "Cannot declare",
        "la même section [...] apparaît deux fois",
        "regroupez ses réglages sous un seul titre de section",
    ),
    (
        "Expected ']' at the end of a table declaration",
        "un titre de section n'a pas de crochet fermant",
        "écrivez le titre entre crochets : [creditor]",
    ),
    (
        "Expected newline or end of document after a statement",
        "une ligne contient plus d'un réglage, ou une valeur non entre guillemets",
        "un réglage par ligne ; une date ou un texte se met entre guillemets "
        '(as_of = "2026-11-22")',
    ),
    (
        "Unclosed array",
        "une liste [...] n'a pas de crochet fermant",
        'fermez la liste : clients = ["A", "B"]',
    ),
)


def explain_toml_error(exc: tomllib.TOMLDecodeError, path: Path, text: str) -> str:
    """One French paragraph: the file and line, the line itself, what is wrong, the fix."""
    message = str(exc)
    found = _WHERE.search(message)
    english = message[: found.start()] if found else message
    lines = text.splitlines() or [""]
    if found and found.group("line"):
        number = int(found.group("line"))
    else:  # at the end of the document: the last line that says something
        number = max((i + 1 for i, line in enumerate(lines) if line.strip()), default=1)
    shown = lines[number - 1].strip() if 0 < number <= len(lines) else ""
    what, fix = next(
        ((w, f) for start, w, f in _EXPLAINED if english.startswith(start)),
        (f"erreur de syntaxe ({english})", "comparez la ligne avec le modèle (relance init)"),
    )
    quoted = f" « {shown} »" if shown else ""
    return f"{path}, ligne {number}{quoted} : {what}. Correction : {fix}."


__all__ = ["explain_toml_error"]
