"""The settings' sections: defaults in code, each field overridable in relance.toml."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .program import soffice_setting

CONFIG_NAME = "relance.toml"

# Shown in letters when the creditor's identity is not configured: visible, never a blank.
PLACEHOLDER = "[À COMPLÉTER dans relance.toml]"


@dataclass(frozen=True)
class Creditor:
    """Who sends the letters; printed on every letter."""

    name: str = ""
    address: str = ""
    siret: str = ""
    vat_number: str = ""
    phone: str = ""
    email: str = ""
    city: str = ""
    signatory: str = ""
    signatory_title: str = ""
    # The title in English letters (« Managing director »); none when empty.
    signatory_title_en: str = ""
    iban: str = ""
    bic: str = ""
    bank: str = ""
    cheque_payee: str = ""
    payment_link: str = ""
    # The creditor's legal identity, for its papers (Code de commerce R123-237; VAT number:
    # CGI 242 nonies A), the litigation file and the declaration of claim.
    legal_form: str = ""  # SARL, SAS, EURL, SA, SCI, association…
    share_capital: str = ""  # « 10 000 € », or « variable »; none for a sole trader
    rcs_city: str = ""  # the town of its RCS registry: « RCS Lyon 123 456 789 »
    # Its registered office, when it is not the address above (letters come from there).
    head_office: str = ""
    representative: str = ""  # its legal representative, by name
    representative_title: str = ""  # « gérante », « président »
    # An entrepreneur individuel: « EI » follows the name (Code de commerce L526-22, R123-237).
    sole_trader: bool = False

    @property
    def registered_office(self) -> str:
        """The registered office: head_office, else the address."""
        return self.head_office.strip() or self.address.strip()

    # Whether the creditor has terms of sale (conditions générales de vente) that its clients
    # accepted: only then do letters say « conformément à nos conditions générales de vente ».
    terms_of_sale: bool = False


@dataclass(frozen=True)
class Policy:
    """When to remind, escalate and what late-payment amounts to claim."""

    tolerance: float = 1.00
    grace_days: int = 1
    # Days to wait after a letter of level 1, 2, 3 before the next level.
    days_after_reminder_1: int = 15
    days_after_reminder_2: int = 10
    days_after_formal_notice: int = 15
    # Off by default: one level at a time, never a formal notice without the reminders before it.
    start_at_days_late_level: bool = False
    days_late_for_level_2: int = 30
    days_late_for_level_3: int = 45
    days_late_for_level_4: int = 60
    pre_due_reminder: bool = False
    pre_due_days: int = 5
    default_terms_days: int = 30
    # "45 jours fin de mois": "add_then_eom" (date + 45 days, then end of that month) or
    # "eom_then_add" (end of the invoice month, then + 45 days). Both are accepted by the DGCCRF.
    end_of_month_method: str = "add_then_eom"
    # Contractual late-payment rate in percent; None means ECB rate + 10 points.
    interest_rate: float | None = None
    interest_for_consumers: bool = False
    consumer_interest_rate: float | None = None
    indemnity: float = 40.0
    # An invoice paid after its due date still owes its penalties (L441-10): "never" claims
    # them (the run reports them), "letter" sends a letter of its own for invoices paid in
    # the last claim_within_days days (so that switching it on claims no years of history).
    claim_after_payment: str = "never"
    claim_within_days: int = 90
    # Below this total per client, penalties are not claimed in a letter of their own: the
    # letter would cost more than it claims (postage, paper, time); they stay due and join
    # the client's next dunning letter. 0 claims any amount.
    claim_minimum: float = 5.0
    # "client": one letter per client per run, at the most advanced stage due, listing all
    # that is due (default); "client_and_stage": one letter per client and stage, as in 0.1.
    group_by: str = "client"
    default_client_type: str = "professionnel"
    # Prescription between businesses counted from "invoice_date" (the earliest of the
    # performance and invoice dates, the prudent reading) or "due_date"; invoices this many
    # days from being barred are flagged, so that the office acts in time.
    prescription_from: str = "invoice_date"
    prescription_warning_days: int = 90
    # A promise to pay holds the reminders until its date plus these days.
    promise_grace_days: int = 3
    # A copy of the rate tables (same format as the bundled rates.toml) that replaces them,
    # e.g. to add the ECB rate of a new half-year before the next release.
    rates_file: str = ""


@dataclass(frozen=True)
class Letters:
    """Letter options: language, templates, deadlines."""

    language: str = "fr"
    template_dir: str = ""
    payment_days: int = 8
    # Past this many days late, a first reminder no longer says « probablement un simple
    # oubli »: it asks firmly for payment without delay.
    courteous_until_days: int = 45
    formal_notice_days: int = 8
    currency: str = "EUR"
    # The EPC QR code (SEPA transfer) on every letter that asks for money; never without a
    # valid IBAN in [creditor]. The RF reference is printed either way.
    qr_code: bool = True


@dataclass(frozen=True)
class Writeback:
    """Headers of the status columns and the journal sheet the tool writes."""

    level_header: str = "Niveau de relance"
    date_header: str = "Date de relance"
    status_header: str = "Statut relance"
    # Where the LRAR numbers typed on a posting list go, when the ledger has no such column.
    registered_header: str = "N° recommandé"
    journal_sheet: str = "Journal des relances"
    backups_to_keep: int = 10
    # Below this share of usable invoices among the rows read, the read is taken for wrong
    # (another table, a shifted header) and nothing is written into the workbook.
    min_usable_share: float = 0.5


@dataclass(frozen=True)
class Smtp:
    """The outgoing mail server; the password is never here (environment or keyring)."""

    host: str = ""
    port: int = 587
    # "starttls" (port 587), "ssl" (implicit TLS, port 465) or "none" (a local relay only)
    security: str = "starttls"
    user: str = ""
    from_address: str = ""
    from_name: str = ""
    reply_to: str = ""
    bcc_self: bool = True
    # At most this many messages a minute: many providers block bursts as spam.
    per_minute: int = 20
    timeout: int = 30
    # A CA certificate file for a server whose certificate is self-signed (company relay).
    ca_file: str = ""
    # The password is kept in the system's keyring, else given by RELANCE_SMTP_PASSWORD.
    # Only an office that insists (no keyring, no way to set a variable) writes it here, in
    # clear, and must say so: password_in_file = true. Never shown (repr=False).
    password_in_file: bool = False
    password: str = field(default="", repr=False)


@dataclass(frozen=True)
class Email:
    """What may leave with a message: attachments kept to the ledger's folder, few recipients."""

    # Invoice PDFs are attached only from inside this folder (relative to relance.toml), or
    # from the ledger's folder when empty: a path in a cell never reaches the rest of the disk.
    attachments_dir: str = ""
    max_attachment_mb: float = 10.0
    max_recipients: int = 10


@dataclass(frozen=True)
class Limits:
    """What a workbook may inflate to before it is refused unread (a zip bomb, say).

    Generous: a million-row sheet is about 400 MB, inflating 5 times; a zip bomb, 1,000."""

    max_part_mb: float = 2048.0
    max_total_mb: float = 4096.0
    # Above ratio_from_mb, a part may be at most max_ratio times its compressed size.
    max_ratio: float = 200.0
    ratio_from_mb: float = 50.0
    # The grid the reader builds for one sheet, from its first to its last value: a million
    # rows of 38 columns. A stray value at XFD1048576 would ask for 17 billion cells.
    max_cells: int = 40_000_000
    max_sheets: int = 1000


@dataclass(frozen=True)
class Report:
    """The manager's report: aging buckets, the DSO period, who goes on the call list."""

    # Upper bounds, in days late, of the first three aging buckets (the last is beyond).
    bucket_1: int = 30
    bucket_2: int = 60
    bucket_3: int = 90
    dso_days: int = 90
    # A client owing more than this goes on the call list, whatever its stage.
    call_above: float = 5000.0


@dataclass(frozen=True)
class Bank:
    """How `relance match` treats a payment that differs by a cent from what it settles."""

    # A payment within this many euros of what is still owed settles it (a cent lost to a
    # rounding, either way), and the difference is said; beyond, it is partial or a surplus.
    tolerance: float = 0.01


@dataclass(frozen=True)
class Pdf:
    """Where LibreOffice is, when it is not where the tool looks (PATH, standard folders)."""

    # The soffice program by its full path, e.g.
    # "C:/Program Files/LibreOffice/program/soffice.exe" (config/program.py says which).
    soffice: str = ""


@dataclass(frozen=True)
class Print:
    """How the week's letters are printed and posted."""

    # Double-sided, as most office printers print by default: each letter starts on a
    # right-hand page (a blank back page after a letter of an odd number of pages), so that
    # no client's letter is printed on the back of another's.
    duplex: bool = True
    # The kinds of letter posted « en recommandé avec AR »: printed apart (recommandes.pdf),
    # with their posting list to hand over and fill in with the LRAR numbers.
    registered: tuple[str, ...] = ("mise_en_demeure",)


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know besides the ledger and the date."""

    creditor: Creditor = field(default_factory=Creditor)
    policy: Policy = field(default_factory=Policy)
    letters: Letters = field(default_factory=Letters)
    writeback: Writeback = field(default_factory=Writeback)
    smtp: Smtp = field(default_factory=Smtp)
    email: Email = field(default_factory=Email)
    limits: Limits = field(default_factory=Limits)
    report: Report = field(default_factory=Report)
    pdf: Pdf = field(default_factory=Pdf)
    bank: Bank = field(default_factory=Bank)
    print: Print = field(default_factory=Print)
    # canonical field name -> header text in the user's ledger; wins over detection
    columns: dict[str, str] = field(default_factory=dict)
    sheet: str = ""
    config_path: Path | None = None

    @property
    def soffice(self) -> str:
        """The LibreOffice program set in [pdf], as a path (empty when not set);
        ConfigError when it may not be run (config/program.py)."""
        return soffice_setting(self.pdf.soffice, self.config_path)

    def soffice_for(self, ledger: Path) -> str:
        """The same, also refused in the folder of this ledger."""
        return soffice_setting(self.pdf.soffice, self.config_path, ledger)

    def path(self, value: str) -> Path:
        """A path from the config file: ~ expanded, relative to the config file's folder."""
        path = Path(value).expanduser()
        if not path.is_absolute() and self.config_path is not None:
            path = self.config_path.parent / path
        return path


__all__ = [
    "CONFIG_NAME",
    "PLACEHOLDER",
    "Bank",
    "Creditor",
    "Email",
    "Letters",
    "Limits",
    "Pdf",
    "Policy",
    "Print",
    "Report",
    "Settings",
    "Smtp",
    "Writeback",
]
