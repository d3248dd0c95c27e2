"""Fill Word templates safely: sandboxed, autoescaped, strict about missing values."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from lxml import etree

from ..config import Settings
from ..errors import TemplateError
from ..ooxml import SAFE_PARSER
from ..userfiles import open_fresh
from ..wording import describe_reader_error
from .compiled import compiled_template
from .fetching import fetching_field
from .sandbox import BoundedSandbox, bounded_env
from .templatefile import checked_template

_WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}
# Placeholders people type in Word that are not Jinja: {name}, [nom du client], <<field>>, «field».
_FOREIGN_PLACEHOLDERS = re.compile(
    r"(?<!\{)\{(?![{%#])\s*[A-Za-zÀ-ÿ_][\w .À-ÿ]*\}(?!\})"
    r"|\[[^\]\n]*(?:nom|client|date|montant|adresse|name|amount|address|numéro|facture)[^\]\n]*\]"
    r"|<<\s*\w[\w .]*>>|«\s*\w[\w.]*\s*»",
    re.IGNORECASE,
)


def jinja_env() -> BoundedSandbox:
    """Values are data, never markup; a missing value is an error; templates are sandboxed
    and bounded in loops, text size and time."""
    return bounded_env(autoescape=True)


@lru_cache(maxsize=1)
def bundled_templates() -> Path:
    """The templates shipped with the package (or the repository's, when run from source)."""
    packaged = Path(str(resources.files("relance_xlsx"))) / "word_templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "word_templates"


def template_path(kind: str, language: str, settings: Settings) -> Path:
    """The Word template of a kind and language: the user's folder first, kind by kind."""
    return find_template(f"{kind}.docx", language, settings, "modèle de lettre")


def find_template(name: str, language: str, settings: Settings, what: str) -> Path:
    """A template file by relative name: the user's template folder first, then the bundled one."""
    sub = "" if language == "fr" else language
    folders = []
    if settings.letters.template_dir:
        folders.append(settings.path(settings.letters.template_dir))
    folders.append(bundled_templates())
    for folder in folders:
        candidate = folder / sub / name
        if candidate.exists() or candidate.is_symlink():  # a folder or a FIFO is refused
            return checked_template(candidate, what)
    raise TemplateError(
        f"Aucun {what} « {name} » ({language}) : ajoutez {name} dans {folders[0] / sub}."
    )


def render_letter(template: Path, context: dict[str, Any], target: Path) -> None:
    """Render one letter from its template into target."""
    doc = DocxTemplate(str(template))
    env = jinja_env()
    env.start()
    try:
        doc.render(context, jinja_env=env, autoescape=True)
    except jinja2.TemplateError as exc:
        raise TemplateError(f"Le modèle {template.name} ne peut pas être rempli : {exc}.") from exc
    filled = _checked_filled(doc, template)
    with open_fresh(target) as fh:  # a link planted meanwhile is never followed
        fh.write(filled.getvalue())


def _checked_filled(doc: DocxTemplate, template: Path) -> io.BytesIO:
    """The filled letter's bytes, refused when Jinja wrote a field that fetches something."""
    filled = io.BytesIO()
    doc.save(filled)
    with zipfile.ZipFile(filled) as zf:
        said = fetching_field(zf, template)
    if said:
        raise TemplateError(f"Modèle refusé une fois rempli : {said}.")
    return filled


def safe_filename(client: str, kind: str, taken: set[str]) -> str:
    """A file name from a client name: no separators, no '..', nothing Windows refuses, unique."""
    text = unicodedata.normalize("NFKD", client)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-_.")[:60].strip("-_.") or "client"
    if text.lower() in _WINDOWS_RESERVED:
        text = f"{text}-client"
    base = f"{kind}_{text}"
    name, n = f"{base}.docx", 2
    while name.lower() in taken:
        name, n = f"{base}-{n}.docx", n + 1
    taken.add(name.lower())
    return name


def inside(folder: Path, name: str) -> Path:
    """The path of a file in folder, refusing anything that would land outside it."""
    base = _resolved(str(folder))
    # A bare file name cannot leave the folder; anything else is resolved and checked.
    if "/" in name or "\\" in name or name in ("", ".", "..") or ":" in name:
        target = (base / name).resolve()
        if target.parent != base:
            raise TemplateError(f"Nom de fichier refusé : {name!r}.")
        return target
    return base / name


@lru_cache(maxsize=16)
def _resolved(folder: str) -> Path:
    return Path(folder).resolve()


@dataclass(frozen=True)
class TemplateIssue:
    """Something wrong in a template, with the text found."""

    template: Path
    found: str
    message: str

    def describe(self) -> str:
        """One French line for the report."""
        return f"{self.template.name} : {self.message} — « {self.found} »"


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def template_paragraphs(path: Path) -> list[str]:
    """The text of every paragraph of the template: body (tables included), headers, footers."""
    texts: list[str] = []
    with zipfile.ZipFile(path) as zf:
        names = [
            n for n in zf.namelist() if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n)
        ]
        for name in names:
            root = etree.fromstring(zf.read(name), SAFE_PARSER)
            texts += ["".join(t.text or "" for t in p.iter(f"{_W}t")) for p in root.iter(f"{_W}p")]
    return texts


def check_email_template(path: Path) -> list[TemplateIssue]:
    """An HTML e-mail template's issues: what it would make each reader load from elsewhere."""
    try:
        checked_template(path, "modèle d'e-mail")
    except TemplateError as exc:
        return [TemplateIssue(path, path.name, exc.message)]
    return []


def check_template(path: Path, context: dict[str, Any]) -> list[TemplateIssue]:
    """Syntax errors, unknown variables and non-Jinja placeholders in one template."""
    issues: list[TemplateIssue] = []
    try:
        checked_template(path, "modèle")  # a FIFO, a folder, a zip bomb: never opened
    except TemplateError as exc:
        return [TemplateIssue(path, path.name, exc.message)]
    try:
        compiled = compiled_template(path, jinja_env)
        if compiled is not None:  # compiled once per run: its names come with it
            unknown = compiled.undeclared(context)
        else:
            unknown = DocxTemplate(str(path)).get_undeclared_template_variables(
                jinja_env(), context
            )
    except jinja2.TemplateSyntaxError as exc:
        return [
            TemplateIssue(path, exc.message or "", f"erreur de syntaxe Jinja (ligne {exc.lineno})")
        ]
    except TemplateError as exc:  # the compiled path says a syntax error in French
        return [TemplateIssue(path, path.name, exc.message)]
    except Exception as exc:  # a corrupt .docx raises zipfile/lxml/KeyError types
        return [TemplateIssue(path, path.name, f"fichier illisible : {describe_reader_error(exc)}")]
    issues += [TemplateIssue(path, name, "variable inconnue") for name in sorted(unknown)]
    for text in template_paragraphs(path):
        issues += [
            TemplateIssue(
                path, m.group(0), "champ qui n'est pas une balise Jinja (écrivez {{ variable }})"
            )
            for m in _FOREIGN_PLACEHOLDERS.finditer(text)
        ]
    if not issues:
        issues += _fill_issues(path, context)
    return issues


def _fill_issues(path: Path, context: dict[str, Any]) -> list[TemplateIssue]:
    """Fill the template the way its letters are filled: compiled once (the compiled path,
    unlike docxtpl, never "recovers" broken XML), or by docxtpl when only it can."""
    compiled = compiled_template(path, jinja_env)
    try:
        if compiled is not None:
            compiled.render(context)
        else:
            doc = DocxTemplate(str(path))
            doc.render(context, jinja_env=jinja_env(), autoescape=True)
            _checked_filled(doc, path)
    except jinja2.UndefinedError as exc:
        return [TemplateIssue(path, exc.message or "", "variable inconnue")]
    except jinja2.TemplateError as exc:
        return [TemplateIssue(path, str(exc), "le modèle ne peut pas être rempli")]
    except TemplateError as exc:
        if isinstance(exc.__cause__, jinja2.UndefinedError):
            return [TemplateIssue(path, exc.__cause__.message or "", "variable inconnue")]
        return [TemplateIssue(path, path.name, exc.message)]
    return []


__all__ = [
    "TemplateIssue",
    "bundled_templates",
    "check_template",
    "find_template",
    "inside",
    "jinja_env",
    "render_letter",
    "safe_filename",
    "template_paragraphs",
    "template_path",
]
