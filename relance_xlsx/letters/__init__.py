"""The letters: which ones a run writes, their context, the templates, the bundle and the PDFs."""

from __future__ import annotations

from .asked import statement_plans
from .bankcheck import bank_warnings
from .batch import (
    LetterJob,
    render_bundles,
    render_letters,
)
from .bundle import (
    BUNDLE_NAME,
    REGISTERED_NAME,
    BundleWriter,
    Placement,
    letter_fragment,
)
from .claimed import part_totals, total_due
from .columns import column_values, positions
from .compiled import (
    compiled_template,
)
from .context import has_address, letter_context
from .creditor import (
    creditor_context,
    creditor_gaps,
    required_mentions,
)
from .failedline import at_line
from .fetching import remote_in_html
from .lacks import missing_phrase
from .lawcheck import consumer_issues, law_issues, uses_parts
from .names import fold, letter_filename, readable_name, unique
from .parts import PENALTY_KINDS
from .payqr import MONEY_KINDS, add_payment_qr
from .payqr import reference_of as reference_of_letter
from .pdf import (
    PARALLEL_FROM,
    convert_to_pdf,
    soffice_binary,
)
from .plan import (
    Letter,
    LetterPlan,
    Part,
    in_print_order,
    plan_letters,
)
from .postal import debtor_abroad
from .records import LetterRows
from .render import (
    bundled_templates,
    check_email_template,
    check_template,
    find_template,
    inside,
    jinja_env,
    render_letter,
    safe_filename,
    template_path,
)
from .runletters import (
    HELD_DIR,
    HELD_LIST,
    PREPARING,
    SETTINGS_WHERE,
    Printed,
    build_letters,
    held_rows,
    is_registered,
    letters_to_pdf,
    missing_addresses,
    write_held,
    write_letters,
)
from .sample import (
    sample_context,
)
from .sandbox import BoundedSandbox, bounded_env

__all__ = [
    "BUNDLE_NAME",
    "HELD_DIR",
    "HELD_LIST",
    "MONEY_KINDS",
    "PARALLEL_FROM",
    "PENALTY_KINDS",
    "PREPARING",
    "REGISTERED_NAME",
    "SETTINGS_WHERE",
    "BoundedSandbox",
    "BundleWriter",
    "Letter",
    "LetterJob",
    "LetterPlan",
    "LetterRows",
    "Part",
    "Placement",
    "Printed",
    "add_payment_qr",
    "at_line",
    "bank_warnings",
    "bounded_env",
    "build_letters",
    "bundled_templates",
    "check_email_template",
    "check_template",
    "column_values",
    "compiled_template",
    "consumer_issues",
    "convert_to_pdf",
    "creditor_context",
    "creditor_gaps",
    "debtor_abroad",
    "find_template",
    "fold",
    "has_address",
    "held_rows",
    "in_print_order",
    "inside",
    "is_registered",
    "jinja_env",
    "law_issues",
    "letter_context",
    "letter_filename",
    "letter_fragment",
    "letters_to_pdf",
    "missing_addresses",
    "missing_phrase",
    "part_totals",
    "plan_letters",
    "positions",
    "readable_name",
    "reference_of_letter",
    "remote_in_html",
    "render_bundles",
    "render_letter",
    "render_letters",
    "required_mentions",
    "safe_filename",
    "sample_context",
    "soffice_binary",
    "statement_plans",
    "template_path",
    "total_due",
    "unique",
    "uses_parts",
    "write_held",
    "write_letters",
]
