"""relance-xlsx: the weekly dunning run over a French invoice ledger kept in Excel."""

from .errors import RelanceError
from .pipeline import CheckResult, RunResult, check, run

__version__ = "0.1.0"

__all__ = ["CheckResult", "RelanceError", "RunResult", "__version__", "check", "run"]
