"""The mailroom: the printable PDF bundles, the registered letters apart with their posting
list, and the LRAR numbers typed on it read back by the next run."""

from __future__ import annotations

from .bundles import (
    BUNDLE_PDF,
    REGISTERED_PDF,
    Post,
    join_bundles,
    keep_earlier_list,
    write_posting,
)
from .joining import BLANK_TEXT, Joined, join_letters, page_counts
from .journaled import journaled, sent_key
from .listedit import (
    PostingList,
    Saved,
    recent_lists,
    refused_dates,
    refused_numbers,
    reused_numbers,
    save_numbers,
)
from .listfind import READ_BACK_DAYS, posting_lists
from .lrar import clean_number, number_problem, shown_number
from .posting import (
    LIST_NAME,
    NUMBER_HEADER,
    PostingLine,
    invoices_text,
    posting_lines,
    write_posting_list,
)
from .recording import Recorded, RegisteredNumber, record_numbers
from .typed import Listed, read_list

__all__ = [
    "BLANK_TEXT",
    "BUNDLE_PDF",
    "LIST_NAME",
    "NUMBER_HEADER",
    "READ_BACK_DAYS",
    "REGISTERED_PDF",
    "Joined",
    "Listed",
    "Post",
    "PostingLine",
    "PostingList",
    "Recorded",
    "RegisteredNumber",
    "Saved",
    "clean_number",
    "invoices_text",
    "join_bundles",
    "join_letters",
    "journaled",
    "keep_earlier_list",
    "number_problem",
    "page_counts",
    "posting_lines",
    "posting_lists",
    "read_list",
    "recent_lists",
    "record_numbers",
    "refused_dates",
    "refused_numbers",
    "reused_numbers",
    "save_numbers",
    "sent_key",
    "shown_number",
    "write_posting",
    "write_posting_list",
]
