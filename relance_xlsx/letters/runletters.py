"""The letters of a run: one record each, the templates checked first, then the files."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import collector
from ..config import Settings
from ..errors import TemplateError
from ..ledger import KIND_STATEMENT, Ledger, Problem
from ..progress import Progress
from ..userfiles import write_fresh
from .batch import LetterJob, render_bundles, render_letters
from .bundle import BUNDLE_NAME, REGISTERED_NAME
from .context import letter_context
from .creditor import creditor_context
from .filling import in_order
from .lacks import labels, lacks, missing_phrase
from .lawcheck import uses_parts
from .names import letter_filename
from .pdf import convert_to_pdf
from .plan import Letter, LetterPlan, pack
from .records import LetterRows
from .render import check_template, inside, template_path
from .truth import refusals

HELD_DIR = "a_completer"
HELD_LIST = "A_COMPLETER.txt"
# Where the creditor's missing settings are filled, as the command line says it (the page
# says « les réglages », its own form: web/preview.py).
SETTINGS_WHERE = (
    "à remplir dans la section [creditor] de relance.toml, que « relance init » crée, ou dans "
    "les réglages de « relance ui »"
)
# The progress bar of the letters' contexts and checks (started by the run).
PREPARING = "Préparation des lettres"


def missing_addresses(letters: list[Letter], ledger: Ledger) -> list[Problem]:
    """A warning for each letter whose client has no complete postal address in the ledger,
    naming the client's column and the letter's rows."""
    waiting = [
        (x, m)
        for x in letters
        for m in [next((m for m in x.missing if m.startswith("adresse du client")), "")]
        if m
    ]
    # One lookup for every row of these letters (.loc per letter is slow by the thousand).
    numbers = ledger.frame["row"].loc[[i for x, _ in waiting for i in x.plan.rows]].tolist()
    out, start = [], 0
    for letter, problem in waiting:
        rows = numbers[start : start + len(letter.plan.rows)]
        start += len(letter.plan.rows)
        what = "manquante" if problem == "adresse du client" else f"à compléter ({problem})"
        where = f" ({row_list(rows)})" if rows else ""
        out.append(
            Problem(
                None,
                ledger.columns.get("client"),
                letter.plan.client,
                f"adresse du client {what}{where} : la lettre va dans a_completer/, n'est ni "
                "imprimée ni envoyée, et ses factures restent à leur niveau",
                "warning",
            )
        )
    return out


def row_list(rows: list[int], shown: int = 5) -> str:
    """« ligne 9 », « lignes 9, 12 », « lignes 9, 12, 14, 15, 20 … » (the rows in order)."""
    rows = sorted(set(rows))
    more = " …" if len(rows) > shown else ""
    head = "ligne" if len(rows) == 1 else "lignes"
    return f"{head} {', '.join(map(str, rows[:shown]))}{more}"


def build_letters(
    plans: list[LetterPlan],
    data: LetterRows,
    settings: Settings,
    as_of: dt.date,
    rate: float,
    out: Path,
    progress: Progress,
    *,
    fill: bool,
) -> tuple[list[Letter], list[str]]:
    """One record per letter, and warnings; filled when the run writes letters or e-mails.

    A dry run fills one letter per template, to check it, and keeps none of the contexts.
    """
    names: set[str] = set()
    missing: list[str] = []
    creditor = creditor_context(settings, missing)

    def context(plan: LetterPlan) -> dict[str, Any]:
        progress.advance()
        return letter_context(plan, data, settings, as_of, rate, creditor)

    def checked(i: int) -> tuple[bytes | None, tuple[str, ...], tuple[str, ...]]:
        """A letter's context (filled, packed), what it lacks and why it is refused: in a
        worker, which sends the context back as one string of bytes (cheap to send and
        keep: the process that renders the letter unpacks it)."""
        plan = plans[i]
        filled = letter_context(plan, data, settings, as_of, rate, creditor) if fill else None
        refused = tuple(refusals(plan, data, filled, settings.policy, as_of))
        lacked = lacks(plan, data, missing, filled)
        return (None if filled is None else pack(filled)), lacked, refused

    # A dry run fills no context: its checks are quick, made here.
    every = range(len(plans))
    results = in_order(len(plans), checked, progress, PREPARING) if fill else map(checked, every)
    letters = []
    lists_parts = functools.cache(functools.partial(_lists_parts, settings=settings))
    # The contexts unpickled from the workers are dicts and lists by the million, none in a
    # cycle: the collector walked the run's heap for them (0.7 s at 200,000 invoices), for
    # nothing to free. Paused here, not in the generator: a pause held across its yield
    # would outlive an error raised in this loop.
    with collector.paused():
        for plan, (filled, lacked, refused) in zip(plans, results, strict=True):
            if fill:
                progress.advance()
            # Its template looked up once per kind and language, not once a letter (a stat).
            if len(plan.parts) > 1 and not lists_parts(plan.kind, plan.language):
                refused += (
                    f"le modèle {plan.kind}.docx ne distingue pas les stades des factures "
                    "(il ne lit pas « parts ») : il les dirait toutes au même stade ; repartez "
                    "du modèle fourni (relance init)",
                )
            folder = out / HELD_DIR if lacked or refused else out
            name = letter_filename(plan.client, plan.kind, as_of, names)
            letters.append(Letter(plan, inside(folder, name), filled, lacked, refused))
    _check_templates(letters, context, settings)
    return letters, _missing(missing)


def _lists_parts(kind: str, language: str, settings: Settings) -> bool:
    """Whether the letters' template lists their parts (a template made before 0.2 does not)."""
    return uses_parts(template_path(kind, language, settings))


def held_rows(held: list[Letter]) -> dict[Any, str]:
    """The invoices of each letter that cannot be posted, and the status sentence they get."""
    said: dict[Any, str] = {}
    for x in held:
        if x.plan.kind == KIND_STATEMENT:  # a statement changes no invoice
            continue
        sentence = f"Lettre à compléter ({why(x)}) : non envoyée"  # once a letter, not a row
        said.update(dict.fromkeys(x.plan.rows, sentence))
    return said


def why(letter: Letter) -> str:
    """What a held letter lacks, and what its check refused, in one French phrase."""
    refused = [f"refusée au contrôle : {' ; '.join(letter.refused)}"] if letter.refused else []
    return missing_phrase([*letter.missing, *refused])


def write_held(letters: list[Letter], settings: Settings, out: Path, progress: Progress) -> Path:
    """Letters that cannot be posted, in a_completer/ with the list of what each lacks."""
    folder = out / HELD_DIR
    folder.mkdir(parents=True, exist_ok=True)
    jobs = []
    for x in letters:
        assert x.packed is not None  # a run that writes letters fills them all
        template = template_path(x.plan.kind, x.plan.language, settings)
        jobs.append(LetterJob(template, x.packed, x.path))
    render_letters(jobs, folder / "toutes_les_lettres_a_completer.docx", progress)
    lines = [
        "Ces lettres ne sont ni imprimées ni envoyées, et les factures qu'elles listent "
        "restent à leur niveau de relance : complétez ce qui manque (ou corrigez ce que le "
        "contrôle a refusé), puis relancez.",
        "",
    ]
    lines += [f"{x.path.name} ({x.plan.client}) : {why(x)}" for x in letters]
    listing = folder / HELD_LIST
    write_fresh(listing, ("\n".join(lines) + "\n").encode("utf-8"))
    return listing


@dataclass(frozen=True)
class Printed:
    """The letters to post as written: by ordinary and by registered post, with their Word
    bundles (None where a kind of post has no letter)."""

    ordinary: list[Letter]
    registered: list[Letter]
    bundle: Path | None
    registered_bundle: Path | None

    @property
    def letters(self) -> list[Letter]:
        """Every letter, ordinary ones first."""
        return [*self.ordinary, *self.registered]


def is_registered(letter: Letter, settings: Settings) -> bool:
    """Whether the letter is posted « en recommandé avec AR »: its kind is in [print]
    registered, or it must interrupt a public debt's lapse (loi 68-1250, art. 2: the creditor
    proves the demand)."""
    return letter.plan.kind in settings.print.registered or letter.plan.lapse_saving


def write_letters(
    letters: list[Letter],
    settings: Settings,
    out: Path,
    progress: Progress,
    meanwhile: Callable[[], None] | None = None,
) -> Printed:
    """The letters, and their Word bundles: a_imprimer.docx for the ordinary post,
    recommandes.docx for the registered letters. meanwhile: the caller's work, done in this
    process while the letters render."""
    out.mkdir(parents=True, exist_ok=True)
    registered = [x for x in letters if is_registered(x, settings)]
    ordinary = [x for x in letters if not is_registered(x, settings)]

    def jobs(group: list[Letter]) -> list[LetterJob]:
        made = []
        for x in group:
            assert x.packed is not None  # a run that writes letters fills them all
            template = template_path(x.plan.kind, x.plan.language, settings)
            made.append(LetterJob(template, x.packed, x.path))
        return made

    bundle, registered_bundle = render_bundles(
        [(out / BUNDLE_NAME, jobs(ordinary)), (out / REGISTERED_NAME, jobs(registered))],
        progress,
        duplex=settings.print.duplex,
        meanwhile=meanwhile,
    )
    return Printed(ordinary, registered, bundle, registered_bundle)


def letters_to_pdf(
    files: list[Path], out: Path, settings: Settings, progress: Progress
) -> list[Path]:
    """Each letter (and other document) as PDF in out/pdf/, by LibreOffice."""
    return convert_to_pdf(files, out / "pdf", progress=progress, soffice=settings.soffice)


def _missing(fields: list[str]) -> list[str]:
    if not fields:
        return []
    return [
        f"Vos coordonnées sont incomplètes ({labels(fields)} : {SETTINGS_WHERE}) : les "
        f"lettres vont dans {HELD_DIR}/, ne sont ni imprimées ni envoyées, et aucune facture "
        "ne change de niveau."
    ]


def _check_templates(
    letters: list[Letter],
    context: Callable[[LetterPlan], dict[str, Any]],
    settings: Settings,
) -> None:
    """Refuse to start with a broken template, before any letter is written."""
    seen: set[tuple[str, str]] = set()
    for letter in letters:
        plan = letter.plan
        if (plan.kind, plan.language) in seen:
            continue
        seen.add((plan.kind, plan.language))
        path = template_path(plan.kind, plan.language, settings)
        issues = check_template(path, letter.context or context(plan))
        if issues:
            raise TemplateError(
                f"Modèle de lettre à corriger avant l'envoi : {issues[0].describe()} ; "
                "lancez « relance templates check » pour la liste complète."
            )


__all__ = [
    "HELD_DIR",
    "HELD_LIST",
    "PREPARING",
    "SETTINGS_WHERE",
    "Printed",
    "build_letters",
    "held_rows",
    "is_registered",
    "letters_to_pdf",
    "missing_addresses",
    "why",
    "write_held",
    "write_letters",
]
