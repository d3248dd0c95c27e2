"""relance-xlsx: the weekly dunning run over a French invoice ledger kept in Excel."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import RelanceError

if TYPE_CHECKING:
    from .pipeline import CheckResult, RunResult, check, run

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # The pipeline (pandas, calamine, docx: a second to import) loads on first use, so the
    # helper processes started with `python -m relance_xlsx.<module>` start at once.
    if name in {"CheckResult", "RunResult", "check", "run"}:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'relance_xlsx' has no attribute {name!r}")


__all__ = ["CheckResult", "RelanceError", "RunResult", "__version__", "check", "run"]
