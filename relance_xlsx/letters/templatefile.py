"""A template file from the user's folder, checked before it is opened.

A template comes from anywhere (« use this model I was sent »): it must be a regular file of
reasonable size, and a Word template a zip whose parts inflate to a sane size and declare no
DTD (docxtpl and python-docx read every part into memory), and that links nothing outside
itself but hyperlinks: a picture, an object or a frame linked by its address would be
fetched by LibreOffice at every conversion, and carried to clients in every letter."""

from __future__ import annotations

import zipfile
from functools import lru_cache
from pathlib import Path

from lxml import etree

from ..config import Limits
from ..errors import TemplateError, WorkbookError
from ..ooxml import SAFE_PARSER, check_archive
from ..userfiles import FileRefused, checked_file, read_checked
from .fetching import fetching_field, remote_in_html

TEMPLATE_MB = 50  # a Word template with its images; an e-mail template is far smaller
TEMPLATE_LIMITS = Limits(max_part_mb=100.0, max_total_mb=200.0, ratio_from_mb=10.0)
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_LINKED = {
    "image": "une image", "oleObject": "un objet OLE", "attachedTemplate": "un modèle attaché",
    "frame": "un cadre", "font": "une police", "subDocument": "un sous-document",
}  # fmt: skip


def checked_template(path: Path, what: str) -> Path:
    """The template's path once it is known safe to open; TemplateError saying why not."""
    stat = path.stat() if path.is_file() else None
    return _checked(path, what, stat.st_size if stat else -1, stat.st_mtime_ns if stat else -1)


@lru_cache(maxsize=64)
def _checked(path: Path, what: str, size: int, mtime_ns: int) -> Path:
    try:
        checked_file(path, max_mb=TEMPLATE_MB)
    except FileRefused as exc:
        raise TemplateError(f"{what[0].upper()}{what[1:]} refusé : {exc}") from exc
    if path.suffix.lower() == ".docx":
        try:
            check_archive(path, TEMPLATE_LIMITS, "un modèle Word")
        except WorkbookError as exc:
            raise TemplateError(f"{what[0].upper()}{what[1:]} refusé : {exc}") from exc
        linked = external_link(path)
        if linked:
            raise TemplateError(f"{what[0].upper()}{what[1:]} refusé : {linked}")
    elif path.suffix.lower() in (".html", ".htm"):
        try:
            remote = remote_in_html(read_checked(path, max_mb=1).decode("utf-8", "replace"), path)
        except FileRefused as exc:
            raise TemplateError(f"{what[0].upper()}{what[1:]} refusé : {exc}") from exc
        if remote:
            raise TemplateError(f"{what[0].upper()}{what[1:]} refusé : {remote}.")
    return path


def external_link(path: Path) -> str:
    """The first thing the Word file links outside itself (its relationships with
    TargetMode="External", hyperlinks apart; then its fields, imported blocks and VML
    pictures that fetch by address), said in French; "" when there is none."""
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if not name.endswith(".rels"):
                continue
            try:
                rels = etree.fromstring(zf.read(name), SAFE_PARSER)
            except etree.XMLSyntaxError:
                return f"{name} de {path} est illisible (XML invalide) : enregistrez-le à nouveau"
            for rel in rels:
                mode, kind = rel.get("TargetMode") or "", rel.get("Type") or ""
                if mode.lower() != "external" or kind == HYPERLINK:
                    continue
                what = _LINKED.get(kind.rsplit("/", 1)[-1], "un élément")
                target = (rel.get("Target") or "")[:200]
                return (
                    f"{path} lie {what} hors du fichier (« {target} », dans {name}) : un "
                    "modèle doit contenir ses images et tout ce qu'il montre, sans quoi "
                    "LibreOffice va les chercher à chaque PDF et chaque lettre emporte le lien "
                    "chez le client ; insérez l'image dans le document (Word : Insertion > "
                    "Images, sans « Lier au fichier »)"
                )
        return fetching_field(zf, path)


__all__ = ["TEMPLATE_MB", "checked_template", "external_link"]
