"""The one error boundary: errors become a French sentence and an exit code, here only."""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from ..display import err, print_json
from ..errors import ExitCode, RelanceError
from ..wording import describe_error
from .french import install, install_help

install()  # click and typer in French, before any help or usage message is printed

HELP_TEXT = "Afficher cette aide et quitter."


def say(text: str) -> None:
    """One message on stderr, as text (never markup)."""
    err.print(text, markup=False, highlight=False, soft_wrap=True)


def _usage_message(exc: typer.TyperException) -> str:
    """A usage error in French: typer's own messages are in English."""
    name = type(exc).__name__
    hint = getattr(exc, "param_hint", None) or getattr(getattr(exc, "param", None), "name", None)
    if name == "MissingParameter":
        param = getattr(exc, "param", None)
        what = (
            getattr(param, "metavar", None) or getattr(param, "human_readable_name", None) or hint
        )
        return f"argument ou option manquant : {what}"
    if name == "NoSuchOption":
        possible = getattr(exc, "possibilities", None) or []
        extra = f" (vouliez-vous dire {', '.join(possible)} ?)" if possible else ""
        return f"option inconnue : {getattr(exc, 'option_name', '')}{extra}"
    if name == "BadParameter" and hint:
        return f"valeur invalide pour {hint} : {exc.message}"
    if exc.message.startswith("No such command"):
        return "commande inconnue : " + exc.message.split("'")[1] if "'" in exc.message else ""
    if exc.message.startswith("Got unexpected extra argument"):
        extra = exc.message.split(") (", 1)[-1] if ") (" in exc.message else exc.message
        return "argument en trop : " + extra.rstrip(")")
    return exc.message


class _FrenchHelp:
    """The --help option and the usage line in French (typer's own text is English)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        install_help()  # typer's help renderer loads only now: in French from the start
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="Utilisation : ")

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_TEXT
        return option


class RelanceGroup(_FrenchHelp, TyperGroup):
    """The root command: the one place where errors become a sentence and an exit code."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        traceback = "--traceback" in argv or bool(os.environ.get("RELANCE_TRACEBACK"))
        argv = [a for a in argv if a != "--traceback"]
        message = None
        with warnings.catch_warnings():
            # A library's warning (pandas, numpy, openpyxl) is not for the office to read:
            # what matters is said in French; --traceback shows them for a bug report.
            if not traceback:
                warnings.simplefilter("ignore")
            try:
                code = super().main(
                    argv, prog_name or "relance", complete_var, False, windows_expand_args, **extra
                )
            except typer.TyperException as exc:  # typer's usage errors: exit_code 2
                if traceback:
                    raise
                message = _usage_message(exc)
                say(f"Erreur : {message}")
                say("Aide : relance --help, ou relance <commande> --help.")
                code = getattr(exc, "exit_code", ExitCode.USAGE)
            except typer.Abort:
                message = "Interrompu."
                say(message)
                code = ExitCode.ERROR
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:  # ours, OSError, a library's own error, a bug
                if traceback:
                    raise
                message = str(exc) if isinstance(exc, RelanceError) else describe_error(exc)
                say(f"Erreur : {message}")
                code = ExitCode.ERROR
        code = int(code or 0)
        if message is not None and "--json" in argv:
            # A script asked for JSON: it gets one document even when nothing could be read.
            print_json({"error": message, "exit_code": code})
        if standalone_mode:
            sys.exit(code)
        return code


class FrenchCommand(_FrenchHelp, TyperCommand):
    """A command whose --help option is described in French."""


__all__ = ["HELP_TEXT", "FrenchCommand", "RelanceGroup", "say"]
