"""The command line: parse options, call the pipeline, render the result. Only module with typer."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from . import pipeline
from .errors import ExitCode, RelanceError, TemplateError
from .letters import bundled_templates, check_template
from .report import Bar, err, out, print_json, render_check, render_run, render_send

EPILOG = (
    "Codes de sortie : 0 traitement terminé (même si des lignes ont des problèmes, "
    "signalés) ; 1 impossible de lancer (fichier manquant, pas de tableau de factures, "
    "classeur ouvert, configuration invalide) ; 2 erreur d'utilisation."
)

app = typer.Typer(
    help="Relances de factures impayées depuis un grand livre Excel.",
    epilog=EPILOG,
    no_args_is_help=True,
    add_completion=False,
)
templates_app = typer.Typer(help="Modèles de lettres Word.", no_args_is_help=True)
app.add_typer(templates_app, name="templates")

LedgerArg = Annotated[Path, typer.Argument(help="Le classeur Excel des factures (.xlsx).")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Fichier relance.toml.")]
SheetOpt = Annotated[str | None, typer.Option("--sheet", help="Feuille à lire.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Un document JSON sur la sortie standard.")]
YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="Envoyer sans demander confirmation.")]


def _fail(exc: RelanceError) -> typer.Exit:
    err.print(f"Erreur : {exc}", markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(ExitCode.ERROR)


def _parse_date(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"date attendue au format AAAA-MM-JJ, reçu « {value} »") from None


@app.command()
def run(
    ledger: LedgerArg,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Date du traitement (AAAA-MM-JJ), par défaut aujourd'hui."),
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
    yes: YesOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Lettres de relance du jour et mise à jour du classeur.

    Example: relance run grand-livre.xlsx --as-of 2026-11-22
    """
    day = _parse_date(as_of)
    if send and not email:
        raise typer.BadParameter("--send demande aussi --email", param_hint="--send")
    try:
        result = pipeline.run(
            ledger,
            as_of=day,
            out_dir=out_dir,
            config=config,
            sheet=sheet,
            dry_run=dry_run,
            write_workbook=not no_write_back,
            pdf=pdf,
            email=email,
            progress=Bar(not as_json),
        )
    except RelanceError as exc:
        raise _fail(exc) from None
    if as_json:
        for w in result.warnings:
            err.print(f"Attention : {w}", markup=False, highlight=False, soft_wrap=True)
        document = result.to_json()
        if send and result.emails:
            document["send"] = _send(Path(result.out_dir or "."), config, yes, as_json).to_json()
        print_json(document)
        return
    render_run(result)
    if send and result.emails:
        render_send(_send(Path(result.out_dir or "."), config, yes, as_json))


@app.command("send")
def send_command(
    folder: Annotated[
        Path, typer.Argument(help="Le dossier d'une exécution (relances/<date>/) ou son emails/.")
    ],
    config: ConfigOpt = None,
    yes: YesOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Envoyer par SMTP les e-mails préparés par « relance run --email ».

    Example: relance send relances/2026-11-22 --yes
    """
    result = _send(folder, config, yes, as_json)
    if as_json:
        print_json(result.to_json())
        return
    render_send(result)


def _send(folder: Path, config: Path | None, yes: bool, quiet: bool) -> pipeline.SendResult:
    """Confirm with the count of messages, then send; a refusal to confirm sends nothing."""
    try:
        plan = pipeline.prepare_send(folder, config=config)
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
                err.print("Envoi annulé : aucun e-mail n'est parti.")
                raise typer.Exit(ExitCode.OK)
        return pipeline.send(plan, progress=Bar(not quiet))
    except RelanceError as exc:
        raise _fail(exc) from None


@app.command()
def check(
    ledger: LedgerArg, config: ConfigOpt = None, sheet: SheetOpt = None, as_json: JsonOpt = False
) -> None:
    """Lire et valider le grand livre, sans rien écrire.

    Example: relance check grand-livre.xlsx
    """
    try:
        result = pipeline.check(ledger, config=config, sheet=sheet, progress=Bar(not as_json))
    except RelanceError as exc:
        raise _fail(exc) from None
    if as_json:
        print_json(result.to_json())
        return
    render_check(result)


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Dossier où écrire relance.toml.")] = Path(),
) -> None:
    """Écrire un relance.toml commenté et des copies modifiables des modèles de lettres.

    Example: relance init .
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "relance.toml"
    if target.exists():
        err.print(f"Erreur : {target} existe déjà ; rien n'a été écrasé.", markup=False)
        raise typer.Exit(ExitCode.ERROR)
    text = resources.files("relance_xlsx").joinpath("data/relance.toml").read_text("utf-8")
    target.write_text(text, encoding="utf-8")
    models = folder / "modeles"
    shutil.copytree(
        bundled_templates(),
        models,
        dirs_exist_ok=False,
        ignore=shutil.ignore_patterns("*.py", "__pycache__"),
    )
    out.print(
        f"Écrit : {target} et {models}/ ; complétez la section [creditor].",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


@templates_app.command("check")
def templates_check(
    folder: Annotated[
        Path | None, typer.Argument(help="Dossier de modèles (par défaut les modèles fournis).")
    ] = None,
) -> None:
    """Vérifier les modèles : syntaxe, variables inconnues, champs qui ne sont pas du Jinja.

    Example: relance templates check modeles/
    """
    from .letters import sample_context  # only this command needs the sample context

    base = folder or bundled_templates()
    files = sorted(base.glob("*.docx")) + sorted(base.glob("en/*.docx"))
    if not files:
        raise _fail(TemplateError(f"Aucun modèle .docx dans {base}."))
    issues = []
    for path in files:
        found = check_template(path, sample_context("en" if path.parent.name == "en" else "fr"))
        issues += found
        status = "ok" if not found else f"{len(found)} problème(s)"
        out.print(
            f"{path.relative_to(base)} : {status}", markup=False, highlight=False, soft_wrap=True
        )
    for issue in issues:
        out.print(f"  - {issue.describe()}", markup=False, highlight=False, soft_wrap=True)
    if issues:
        raise typer.Exit(ExitCode.ERROR)


__all__ = ["app"]
