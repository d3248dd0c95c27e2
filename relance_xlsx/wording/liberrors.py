"""An error from a library (or an unexpected one) as one French sentence, never its English.

The reader library, zipfile, lxml, openpyxl and Python itself raise errors whose text is
English and technical (« invalid Zip archive: Could not find EOCD »). The shells show this
sentence instead; the original stays available with `relance --traceback`. The libraries are
matched by their class names, so that this module imports none of them.
"""

from __future__ import annotations

from .oserrors import describe_os_error

# Class name -> what happened, as the end of « <file> ne peut pas être lu : … ».
_READER = {
    "PasswordError": "il est protégé par un mot de passe ; enregistrez-en une copie sans mot de "
    "passe (Fichier > Informations > Protéger le classeur)",
    "WorksheetNotFound": "une feuille que le classeur annonce y est introuvable (fichier "
    "endommagé) ; ouvrez-le dans Excel et enregistrez-le à nouveau",
    "XmlError": "une de ses parties XML est endommagée ; ouvrez-le dans Excel et "
    "enregistrez-le à nouveau",
    "ZipError": "son archive zip est endommagée (fichier tronqué ?) ; ouvrez-le dans Excel et "
    "enregistrez-le à nouveau",
    "BadZipFile": "son archive zip est endommagée (fichier tronqué ?) ; ouvrez-le dans Excel et "
    "enregistrez-le à nouveau",
    "LargeZipFile": "son archive zip est trop grande pour être lue",
    "InvalidFileException": "ce n'est pas un classeur que le lecteur reconnaît ; enregistrez-le "
    "au format .xlsx",
    "XMLSyntaxError": "une de ses parties XML est endommagée ; ouvrez-le dans Excel et "
    "enregistrez-le à nouveau",
    "CalamineError": "le lecteur de classeurs ne le comprend pas (fichier endommagé ou d'un "
    "format inconnu) ; ouvrez-le dans Excel et enregistrez-le au format .xlsx",
    "PanicException": "le lecteur de classeurs s'est arrêté sur une valeur qu'il ne sait pas "
    "convertir (une date hors de toute échelle ?) ; corrigez la cellule dans Excel, ou "
    "enregistrez le classeur à nouveau",
}
_READER_MODULES = ("python_calamine", "zipfile", "openpyxl", "lxml", "pyo3_runtime")


def is_reader_error(exc: BaseException) -> bool:
    """Whether the error comes from reading a file (a damaged workbook), not from a bug."""
    return any(
        cls.__name__ in _READER or (cls.__module__ or "").startswith(_READER_MODULES)
        for cls in type(exc).__mro__[:-2]
    )


def describe_reader_error(exc: BaseException, file: str | None = None) -> str:
    """A reading library's error on `file` (a workbook, a template): one French sentence."""
    said = next(
        (_READER[c.__name__] for c in type(exc).__mro__ if c.__name__ in _READER),
        "le lecteur de fichiers ne le comprend pas (fichier endommagé) ; ouvrez-le dans son "
        "programme et enregistrez-le à nouveau",
    )
    return f"{file or 'Le fichier'} ne peut pas être lu : {said}."


def describe_error(exc: BaseException) -> str:
    """Any error, as the one French sentence the user reads: what failed and what to do."""
    if isinstance(exc, OSError) and not is_reader_error(exc):
        return describe_os_error(exc)
    if isinstance(exc, MemoryError):
        return (
            "La mémoire de ce poste ne suffit pas pour ce travail ; fermez d'autres programmes, "
            "ou découpez le classeur, puis relancez."
        )
    if isinstance(exc, RecursionError):
        return (
            "Un fichier imbrique trop de niveaux (modèle ou classeur piégé ?) ; vérifiez-le, "
            "puis relancez."
        )
    if is_reader_error(exc):
        return describe_reader_error(exc)
    return (
        f"Erreur inattendue dans relance-xlsx ({type(exc).__name__}) : ce n'est pas de votre "
        "fait ; relancez, et si elle revient, lancez « relance --traceback … » et envoyez le "
        "texte affiché à qui vous assiste."
    )


__all__ = ["describe_error", "describe_reader_error", "is_reader_error"]
