"""The manager's view: aging balance, DSO, call list, litigation, and rapport.xlsx."""

from .aging import AgingRow, aging, bucket_labels
from .calls import Call, LitigationCase, call_list, litigation_cases
from .casedoc import write_dossier
from .courts import is_association
from .declaration import Declaration, write_declaration
from .dossier import ClaimedInvoice, Dossier, Event
from .dso import Dso, count_back_dso, simple_dso
from .manager import Indicators, ManagerReport, manager_report
from .parties import Debtor, outside_metropolitan
from .timebar import TimeBar
from .xlsx import write_report

__all__ = [
    "AgingRow",
    "Call",
    "ClaimedInvoice",
    "Debtor",
    "Declaration",
    "Dossier",
    "Dso",
    "Event",
    "Indicators",
    "LitigationCase",
    "ManagerReport",
    "TimeBar",
    "aging",
    "bucket_labels",
    "call_list",
    "count_back_dso",
    "is_association",
    "litigation_cases",
    "manager_report",
    "outside_metropolitan",
    "simple_dso",
    "write_declaration",
    "write_dossier",
    "write_report",
]
