"""How amounts, rates, dates and words are written, in French and English."""

from __future__ import annotations

from .fmt import (
    DayOutOfRange,
    amount_in_words,
    date_long,
    date_short,
    money,
    percent,
    typed_day,
)
from .grammar import (
    LIST_LIMIT,
    acknowledgement,
    agreement,
    de,
    elides,
    invoices_phrase,
    invoices_title,
    join_list,
    of_invoices,
    previous_notices,
    previous_reminders,
    these_invoices,
)
from .liberrors import describe_error, describe_reader_error, is_reader_error
from .oserrors import describe_os_error
from .reminders import BY_ATTACHED_LETTER, BY_TABLE, reminders_by_invoice
from .titles import english_title
from .typography import (
    BOUND_AFTER_MONTH,
    BOUND_BEFORE_UNIT,
    NB_HYPHEN,
    NBSP,
    NNBSP,
    bind_words,
    dates_phrase,
    day_long,
    list_items,
    plain,
    typeset,
    typeset_message,
    unbreakable,
)
from .visible import has_invisible, visible, visible_record

__all__ = [
    "BOUND_AFTER_MONTH",
    "BOUND_BEFORE_UNIT",
    "BY_ATTACHED_LETTER",
    "BY_TABLE",
    "LIST_LIMIT",
    "NBSP",
    "NB_HYPHEN",
    "NNBSP",
    "DayOutOfRange",
    "acknowledgement",
    "agreement",
    "amount_in_words",
    "bind_words",
    "date_long",
    "date_short",
    "dates_phrase",
    "day_long",
    "de",
    "describe_error",
    "describe_os_error",
    "describe_reader_error",
    "elides",
    "english_title",
    "has_invisible",
    "invoices_phrase",
    "invoices_title",
    "is_reader_error",
    "join_list",
    "list_items",
    "money",
    "of_invoices",
    "percent",
    "plain",
    "previous_notices",
    "previous_reminders",
    "reminders_by_invoice",
    "these_invoices",
    "typed_day",
    "typeset",
    "typeset_message",
    "unbreakable",
    "visible",
    "visible_record",
]
