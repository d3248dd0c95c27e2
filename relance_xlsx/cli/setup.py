"""Setting up: `relance init` and `relance templates check`."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Annotated, Any

import typer

from .. import pipeline  # its names load with their first use: not for every command
from ..config import default_config_text
from ..display import out
from ..errors import ExitCode, RelanceError, TemplateError
from ..userfiles import write_fresh
from .boundary import FrenchCommand
from .commands import app, templates_app


@app.command(cls=FrenchCommand)
def init(
    folder: Annotated[Path, typer.Argument(help="Dossier où écrire relance.toml.")] = Path(),
) -> None:
    """Écrire un relance.toml commenté et des copies modifiables des modèles de lettres.

    Exemple : relance init .
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "relance.toml"
    if target.exists() or target.is_symlink():  # a dangling link too: never written through
        raise RelanceError(f"{target} existe déjà ; rien n'a été écrasé.")
    text = default_config_text()
    # The copies written below are the templates this config uses: edits are not ignored.
    text = text.replace('template_dir = ""  ', 'template_dir = "modeles"', 1)
    write_fresh(target, text.encode("utf-8"))
    models = folder / "modeles"
    shutil.copytree(
        pipeline.bundled_templates(),
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


@templates_app.command("check", cls=FrenchCommand)
def templates_check(
    folder: Annotated[
        Path | None, typer.Argument(help="Dossier de modèles (par défaut les modèles fournis).")
    ] = None,
) -> None:
    """Vérifier les modèles : syntaxe, variables inconnues, champs qui ne sont pas du Jinja.

    Exemple : relance templates check modeles/
    """
    base = folder or pipeline.bundled_templates()
    files = sorted(base.glob("*.docx")) + sorted(base.glob("en/*.docx"))
    if not files:
        raise TemplateError(f"Aucun modèle .docx dans {base}.")
    issues = _email_issues(base)
    warnings = []
    for path in files:
        language = "en" if path.parent.name == "en" else "fr"
        kind = path.stem if path.stem in pipeline.ALL_KINDS else "mise_en_demeure"
        context = pipeline.sample_context(language, kind)
        found = pipeline.check_template(path, context) or pipeline.law_issues(path, language, kind)
        issues += found
        # Printed, not failed: the letters are right as long as a bank is given.
        warnings += pipeline.bank_warnings(path)
        status = "ok" if not found else f"{len(found)} problème(s)"
        out.print(
            f"{path.relative_to(base)} : {status}", markup=False, highlight=False, soft_wrap=True
        )
    for issue in issues:
        out.print(f"  - {issue.describe()}", markup=False, highlight=False, soft_wrap=True)
    for warning in warnings:
        said = f"  - avertissement : {warning.describe()}"
        out.print(said, markup=False, highlight=False, soft_wrap=True)
    if issues:
        raise typer.Exit(ExitCode.ERROR)


def _email_issues(base: Path) -> list[Any]:
    """The HTML e-mail templates of the folder (email/, en/email/), each said ok or not."""
    issues = []
    for path in sorted(base.glob("email/*.htm*")) + sorted(base.glob("en/email/*.htm*")):
        found = pipeline.check_email_template(path)
        issues += found
        status = "ok" if not found else f"{len(found)} problème(s)"
        out.print(
            f"{path.relative_to(base)} : {status}", markup=False, highlight=False, soft_wrap=True
        )
    return issues
