"""What « Confirmer » checks against the preview: the workbook, the settings (relance.toml)
and the user's letter and e-mail templates, in one digest; and, when it differs, what changed."""

from __future__ import annotations

import hashlib

from ..config import Settings

# The parts of the digest, in its order, and how each is said when it changed.
_PARTS = ("classeur", "reglages", "modeles")
_SAID = {
    "classeur": "Le classeur a été modifié depuis l'aperçu",
    "reglages": "Les réglages (relance.toml) ont changé depuis l'aperçu",
    "modeles": "Les modèles de lettre ou d'e-mail ont changé depuis l'aperçu",
}
# What to do, said after it: by the library's run, and by the page (which previews again).
AGAIN_RUN = "rien n'a été fait ; revoyez l'aperçu avant de confirmer."
AGAIN_PAGE = "vérifiez ce nouvel aperçu avant de confirmer."
_TEMPLATE_FILES = 2000  # beyond, the folder is no template folder: its names only are hashed


def _settings_hash(settings: Settings) -> str:
    """The settings as the run uses them (their values, whatever the file's spacing)."""
    return hashlib.sha256(repr(settings).encode("utf-8")).hexdigest()


def _templates_hash(settings: Settings) -> str:
    """Every file of the user's template folder ([letters] template_dir), names and bytes."""
    digest = hashlib.sha256()
    if not settings.letters.template_dir:
        return digest.hexdigest()
    folder = settings.path(settings.letters.template_dir)
    try:
        files = sorted(p for p in folder.rglob("*") if p.is_file())
    except OSError:
        return "illisible"
    for i, path in enumerate(files):
        digest.update(str(path.relative_to(folder)).encode("utf-8", "replace") + b"\0")
        if i < _TEMPLATE_FILES:
            try:
                digest.update(hashlib.sha256(path.read_bytes()).digest())
            except OSError:
                digest.update(b"illisible")
    return digest.hexdigest()


def preview_digest(workbook: str | None, settings: Settings) -> str | None:
    """The digest of what a preview showed: the workbook's content hash (content_hash), the
    settings, the templates; None if the workbook could not be read."""
    if workbook is None:
        return None
    hashes = (workbook, _settings_hash(settings), _templates_hash(settings))
    return ";".join(f"{name}={value}" for name, value in zip(_PARTS, hashes, strict=True))


def what_changed(expect: str | None, workbook: str | None, settings: Settings) -> list[str]:
    """What changed since the preview whose digest is expect (workbook: the content hash
    now), in French; empty when nothing did. A bare hash (content_hash) is the workbook's."""
    now = preview_digest(workbook, settings)
    if expect is None or now is None:
        return [_SAID["classeur"]]
    if "=" not in expect:
        return [] if expect == workbook else [_SAID["classeur"]]
    seen = dict(p.split("=", 1) for p in expect.split(";") if "=" in p)
    here = dict(p.split("=", 1) for p in now.split(";"))
    return [_SAID[name] for name in _PARTS if seen.get(name) != here[name]]


def changed_sentence(changed: list[str], ending: str, name: str = "") -> str:
    """What changed, said in one French sentence ending with what to do (name: the
    workbook's file name, said in place of « Le classeur »)."""
    said = [f"{name} a été modifié depuis l'aperçu" if c == _SAID["classeur"] and name else c
            for c in changed]  # fmt: skip
    return " ; ".join(said) + " : " + ending


__all__ = ["AGAIN_PAGE", "AGAIN_RUN", "changed_sentence", "preview_digest", "what_changed"]
