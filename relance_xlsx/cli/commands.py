"""The command line: parse options, find the settings, call the library, render the result.

Only module with typer. Errors become messages in one place: RelanceGroup.main.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .. import __version__, collector, display, pipeline
from ..config import Settings, find_config, load_settings
from ..display import SPLICE, Bar, out, print_json, render_check, render_send
from ..errors import ExitCode
from ..wording import DayOutOfRange, typed_day
from .boundary import FrenchCommand, RelanceGroup, say
from .holding import JusquauOpt, RaisonOpt, SaufOpt, holds_of

if TYPE_CHECKING:
    from ..results import RunResult

EPILOG = (
    "Codes de sortie : 0 traitement terminé (même si des lignes ont des problèmes, "
    "signalés) ; 1 impossible de lancer (fichier manquant, pas de tableau de factures, "
    "lecture douteuse, que relance check signale aussi, classeur ouvert, configuration "
    "invalide, disque plein) ; 2 erreur d'utilisation. "
    "--traceback affiche le détail technique d'une erreur, pour un rapport de bogue."
)
NO_CONFIG = (
    "Aucun relance.toml trouvé : les lettres portent « [À COMPLÉTER dans "
    "relance.toml] » à la place de l'identité du créancier ; lancez "
    "« relance init » pour le créer."
)
CONTEXT = {"help_option_names": ["-h", "--help"]}


app = typer.Typer(
    cls=RelanceGroup,
    help="Relances de factures impayées depuis un grand livre Excel.",
    epilog=EPILOG,
    no_args_is_help=True,
    add_completion=False,
    context_settings=CONTEXT,
    pretty_exceptions_enable=False,
    subcommand_metavar="COMMANDE [ARGUMENTS]...",
)
templates_app = typer.Typer(
    cls=RelanceGroup,
    help="Modèles de lettres Word.",
    no_args_is_help=True,
    context_settings=CONTEXT,
    subcommand_metavar="COMMANDE [ARGUMENTS]...",
)
app.add_typer(templates_app, name="templates")


def _version(value: bool) -> None:
    if value:
        out.print(f"relance-xlsx {__version__}", markup=False, highlight=False)
        raise typer.Exit(ExitCode.OK)


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Afficher la version et quitter."
        ),
    ] = False,
    traceback: Annotated[
        bool,
        typer.Option("--traceback", help="En cas d'erreur, afficher le détail technique."),
    ] = False,
) -> None:
    """Relances de factures impayées depuis un grand livre Excel."""


LedgerArg = Annotated[
    Path, typer.Argument(help="Le classeur Excel des factures (.xlsx).", metavar="CLASSEUR")
]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Fichier relance.toml.")]
SheetOpt = Annotated[str | None, typer.Option("--sheet", help="Feuille à lire.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Un document JSON sur la sortie standard.")]
ReleveOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--releve",
        help="Joindre le relevé de compte de ce client (nom tel que dans le classeur) ; répétable.",
    ),
]
YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="Envoyer sans demander confirmation.")]


def parse_day(value: str | None) -> dt.date:
    """A run date typed as JJ/MM/AAAA (French) or AAAA-MM-JJ; today when absent."""
    if value is None:
        return dt.date.today()
    try:
        return typed_day(value)
    except DayOutOfRange as exc:
        raise typer.BadParameter(str(exc), param_hint="--as-of") from None
    except ValueError:
        raise typer.BadParameter(
            f"date attendue au format JJ/MM/AAAA ou AAAA-MM-JJ, reçu « {value} »",
            param_hint="--as-of",
        ) from None


def settings_for(
    config: Path | None, ledger: Path | None, sheet: str | None = None
) -> tuple[Settings, list[str]]:
    """The settings of this command: --config, else relance.toml beside the ledger or here."""
    path = find_config(config, ledger)
    settings = load_settings(path)
    if sheet:
        settings = dataclasses.replace(settings, sheet=sheet)
    return settings, [] if path is not None else [NO_CONFIG]


@app.command(cls=FrenchCommand)
def run(
    ledger: LedgerArg,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Date du traitement (JJ/MM/AAAA ou AAAA-MM-JJ), par défaut aujourd'hui.",
            metavar="DATE",
        ),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Dossier des lettres (par défaut relances/<date>/ à côté du classeur)."
        ),
    ] = None,
    config: ConfigOpt = None,
    sheet: SheetOpt = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Tout calculer, ne rien écrire.")
    ] = False,
    no_write_back: Annotated[
        bool, typer.Option("--no-write-back", help="Écrire les lettres sans modifier le classeur.")
    ] = False,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Produire aussi les PDF (LibreOffice).")
    ] = False,
    email: Annotated[
        bool,
        typer.Option("--email", help="Préparer aussi les e-mails (.eml dans <dossier>/emails/)."),
    ] = False,
    send: Annotated[
        bool, typer.Option("--send", help="Avec --email : envoyer ensuite les e-mails (SMTP).")
    ] = False,
    statements: ReleveOpt = None,
    held: SaufOpt = None,
    reason: RaisonOpt = "",
    until: JusquauOpt = None,
    yes: YesOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Lettres de relance du jour et mise à jour du classeur.

    Exemple : relance run grand-livre.xlsx --as-of 22/11/2026 --sauf "Garage Bernard"
    """
    day = parse_day(as_of)
    if send and not email:
        raise typer.BadParameter("--send demande aussi --email", param_hint="--send")
    settings, notes = settings_for(config, ledger, sheet)
    # A dry run's JSON: the collector paused from the run until its document is printed and
    # freed. Let back between them, it walked every invoice's result, twice (0.23 s at 200 000).
    with collector.paused() if dry_run and as_json else contextlib.nullcontext():
        result = pipeline.run(
            ledger,
            settings,
            as_of=day,
            out_dir=out_dir,
            dry_run=dry_run,
            write_workbook=not no_write_back,
            pdf=pdf,
            email=email,
            progress=Bar(not as_json),
            statements=statements or (),
            hold=holds_of(held or [], reason, until, day),
            # A dry run's invoices as compact JSON text, made on the other core (not at a
            # terminal: print_json indents there, which orjson does not do to a text).
            invoices_as_json=dry_run and as_json and not sys.stdout.isatty(),
        )
        result = dataclasses.replace(result, warnings=[*notes, *result.warnings])
        if as_json:
            _print_run(result, send, config, yes)
            del result  # freed while the collector is still paused
            return
    display.render_run(result)  # its module imports the letters: loaded here only
    if send and result.emails:
        render_send(_send(Path(result.out_dir or "."), config, yes, as_json))


@app.command("send", cls=FrenchCommand)
def send_command(
    folder: Annotated[
        Path, typer.Argument(help="Le dossier d'une exécution (relances/<date>/) ou son emails/.")
    ],
    config: ConfigOpt = None,
    yes: YesOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Envoyer par SMTP les e-mails préparés par « relance run --email ».

    Exemple : relance send relances/2026-11-22 --yes
    """
    result = _send(folder, config, yes, as_json)
    if as_json:
        print_json(result.to_json())
        return
    render_send(result)


def _print_run(result: RunResult, send: bool, config: Path | None, yes: bool) -> None:
    """A run's warnings on stderr, its JSON document (and the sending's) on stdout."""
    for w in result.warnings:
        say(f"Attention : {w}")
    document = result.to_json()
    if send and result.emails:
        document["send"] = _send(Path(result.out_dir or "."), config, yes, True).to_json()
    if result.invoices_json is not None:  # written as it is, where the document says
        document["invoices"] = SPLICE
    print_json(document, result.invoices_json)


def _send(folder: Path, config: Path | None, yes: bool, quiet: bool) -> pipeline.SendResult:
    """Confirm with the count of messages, then send; a refusal to confirm sends nothing."""
    # Without --config, the relance.toml the run used (recorded with its drafts).
    settings = load_settings(find_config(config, None)) if config else None
    plan = pipeline.prepare_send(folder, settings)
    if plan.pending and not yes:
        if not sys.stdin.isatty():
            raise typer.BadParameter(
                "confirmation impossible sans terminal : ajoutez --yes", param_hint="--yes"
            )
        clients = len({d.client for d in plan.pending})
        if not typer.confirm(
            f"Envoyer {len(plan.pending)} e-mail(s) à {clients} client(s) via {plan.server} ?",
            default=False,
        ):
            say("Envoi annulé : aucun e-mail n'est parti.")
            raise typer.Exit(ExitCode.OK)
    return pipeline.send(plan, progress=Bar(not quiet))


@app.command(cls=FrenchCommand)
def check(
    ledger: LedgerArg,
    config: ConfigOpt = None,
    sheet: SheetOpt = None,
    as_json: JsonOpt = False,
    suggest_config: Annotated[
        bool,
        typer.Option(
            "--suggest-config",
            help="Si aucun tableau n'est reconnu, écrire les colonnes devinées dans la section "
            "[columns] de relance.toml (créé au besoin), puis relire le classeur.",
        ),
    ] = False,
) -> None:
    """Lire et valider le grand livre, sans rien écrire.

    Exemple : relance check grand-livre.xlsx
    """
    settings, notes = settings_for(config, ledger, sheet)
    result = pipeline.check(
        ledger, settings, progress=Bar(not as_json), suggest_config=suggest_config
    )
    result = dataclasses.replace(result, warnings=[*notes, *result.warnings])
    if as_json:
        print_json(result.to_json())
    else:
        render_check(result)
    if result.would_stop:  # the run's verdict and exit code: it would refuse this workbook
        raise typer.Exit(ExitCode.ERROR)


def main() -> None:
    """The `relance` console script."""
    app()


__all__ = ["app", "main", "parse_day", "settings_for"]
