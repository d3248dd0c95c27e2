"""click and typer in French: their help and usage messages, for a clerk who reads French.

click has no French catalogue; each of its modules (and typer's) calls gettext through a
module-level `_` bound at import. Binding those names to this table is the smallest way to
translate every message they print, whatever the machine's locale (on Windows there is none).
"""

from __future__ import annotations

import gettext
import sys
from typing import Any

FRENCH = {
    "Usage:": "Utilisation :",
    "Options": "Options",
    "Arguments": "Arguments",
    "Commands": "Commandes",
    "Error": "Erreur",
    "Error: {message}": "Erreur : {message}",
    "Aborted!": "Abandon.",
    "Aborted.": "Abandon.",
    "[required]": "[obligatoire]",
    "required": "obligatoire",
    "[default: {}]": "[par défaut : {}]",
    "default: {default}": "par défaut : {default}",
    "[env var: {}]": "[variable d'environnement : {}]",
    "env var: {var}": "variable d'environnement : {var}",
    "(deprecated) ": "(obsolète) ",
    "deprecated": "obsolète",
    "(dynamic)": "(calculé)",
    "Show this message and exit.": "Afficher cette aide et quitter.",
    "Show the version and exit.": "Afficher la version et quitter.",
    "Try '{command} {option}' for help.": "Aide : « {command} {option} ».",
    "Try [blue]'{command_path} {help_option}'[/] for help.": (
        "Aide : [blue]« {command_path} {help_option} »[/]."
    ),
    "Missing argument": "Argument manquant",
    "Missing option": "Option manquante",
    "Missing parameter": "Paramètre manquant",
    "Missing parameter: {param_name}": "Paramètre manquant : {param_name}",
    "Missing {param_type}": "{param_type} manquant",
    "Missing command.": "commande manquante.",
    "Option {name!r} does not take a value.": "L'option {name!r} ne prend pas de valeur.",
    "Argument {name!r} takes {nargs} values.": "L'argument {name!r} attend {nargs} valeurs.",
    "Invalid value for {param_hint}: {message}": "Valeur invalide pour {param_hint} : {message}",
    "Invalid value: {message}": "Valeur invalide : {message}",
    "Choose from:\n\t{choices}": "Choisir parmi :\n\t{choices}",
    "Do you want to continue?": "Voulez-vous continuer ?",
    "Confirm the action without prompting.": "Confirmer sans poser la question.",
    "Could not open file {filename!r}: {message}": (
        "Impossible d'ouvrir le fichier {filename!r} : {message}"
    ),
    "{name} {filename!r} does not exist.": "{name} {filename!r} introuvable.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} est un dossier.",
    "{name} {filename!r} is a file.": "{name} {filename!r} est un fichier.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} ne peut pas être lu.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} ne peut pas être écrit.",
    "{value!r} is not a valid {number_type}.": "{value!r} n'est pas un nombre valide.",
    "{value} is not in the range {range}.": "{value} n'est pas dans l'intervalle {range}.",
    "file": "Fichier",
    "directory": "Dossier",
    "path": "Chemin",
    "unknown error": "erreur inconnue",
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
}
FRENCH_PLURAL = {
    "Got unexpected extra argument ({args})": "Argument en trop : {args}",
    "Got unexpected extra arguments ({args})": "Arguments en trop : {args}",
    "Did you mean {possibility}?": "Vouliez-vous dire {possibility} ?",
    "(Possible options: {possibilities})": "(options possibles : {possibilities})",
}
# The modules of click that print messages (not _winconsole: it imports on Windows only).
_CLICK = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils")
# typer's help panels read these module constants, computed once at its import.
_RICH_CONSTANTS = (
    "ARGUMENTS_PANEL_TITLE",
    "OPTIONS_PANEL_TITLE",
    "COMMANDS_PANEL_TITLE",
    "ERRORS_PANEL_TITLE",
    "ABORTED_TEXT",
    "REQUIRED_LONG_STRING",
    "DEFAULT_STRING",
    "ENVVAR_STRING",
    "DEPRECATED_STRING",
    "RICH_HELP",
)


# typer's type column (« <path> », « <bool> »), in French; a flag shows none.
TYPES = {
    "<path>": "<chemin>",
    "<file>": "<fichier>",
    "<directory>": "<dossier>",
    "<str>": "<texte>",
    "<list[str]>": "<texte>…",
    "<list[Path]>": "<chemin>…",
    "<int>": "<nombre>",
    "<float>": "<nombre>",
    "<bool>": None,
}


def french(message: str) -> str:
    """The French of one click or typer message (the message itself when unknown)."""
    return FRENCH.get(message, message)


def french_plural(singular: str, plural: str, n: int) -> str:
    """ngettext in French: the singular or plural message, translated when known."""
    chosen = singular if n == 1 else plural
    return FRENCH_PLURAL.get(chosen, chosen)


def install() -> None:
    """Make click and typer speak French from now on (idempotent).

    Only the modules already loaded are touched: importing typer's help renderer (rich_utils,
    70 ms) or a second click at every start would slow every command; help() does the rest.
    """
    import typer.core

    names = ["typer.core"] + [f"{p}.{m}" for p in ("click", "typer._click") for m in _CLICK]
    for name in names:
        module: Any = sys.modules.get(name)
        if module is None:
            continue
        if getattr(module, "_", None) is gettext.gettext:
            module._ = french
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = french_plural
    _french_types(typer.core)


def install_help() -> None:
    """The help renderer in French too, just before it draws a help page."""
    import typer.rich_utils

    if getattr(typer.rich_utils, "_", None) is gettext.gettext:
        typer.rich_utils._ = french
    for name in _RICH_CONSTANTS:
        value = getattr(typer.rich_utils, name, None)
        if isinstance(value, str) and value in FRENCH:
            setattr(typer.rich_utils, name, FRENCH[value])


def _french_types(core: Any) -> None:
    """The type column of typer's help in French (its classes keep their other behaviour)."""
    for cls in (getattr(core, "TyperOption", None), getattr(core, "TyperArgument", None)):
        original = getattr(cls, "display_type_rich", None)
        if cls is None or original is None or getattr(original, "french", False):
            continue

        def display(self: Any, ctx: Any, _original: Any = original) -> str | None:
            shown = _original(self, ctx)
            return TYPES.get(shown, shown) if isinstance(shown, str) else shown

        display.french = True  # type: ignore[attr-defined]
        cls.display_type_rich = display


__all__ = ["FRENCH", "TYPES", "french", "install", "install_help"]
