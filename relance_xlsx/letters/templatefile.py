"""A template file from the user's folder, checked before it is opened.

A template comes from anywhere (« use this model I was sent »): it must be a regular file of
reasonable size, and a Word template a zip whose parts inflate to a sane size and declare no
DTD (docxtpl and python-docx read every part into memory)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..config import Limits
from ..errors import TemplateError, WorkbookError
from ..ooxml import check_archive
from ..userfiles import FileRefused, checked_file

TEMPLATE_MB = 50  # a Word template with its images; an e-mail template is far smaller
TEMPLATE_LIMITS = Limits(max_part_mb=100.0, max_total_mb=200.0, ratio_from_mb=10.0)


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
    return path


__all__ = ["TEMPLATE_MB", "checked_template"]
