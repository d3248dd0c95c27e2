"""The loop over a letter's parts in the bundled templates: each part at its own stage, with
its own sentences, invoices, totals and deadline, kept together on the page where it matters.
Used by build_templates.py."""

from __future__ import annotations

from build_pieces import JUSTIFY, available_credits, credits_table, keep, line, para, table, tag
from sentences import PART_KINDS, TYPE_TESTS, TYPES, filled


def _by_type(doc, texts: dict, language: str, kept: bool = False) -> None:
    """One sentence per client type ({%p if debtor.consumer %} …), those it has (kept: on the
    page of what follows)."""
    kinds = [k for k in (*TYPES, "administrative", "abroad", "judicial") if k in texts]
    for i, kind in enumerate(kinds):
        tag(doc, f"{'if' if i == 0 else 'elif'} {TYPE_TESTS[kind]}")
        paragraph = para(doc, filled(texts[kind], language), space_after=6, align=JUSTIFY)
        if kept:
            keep(paragraph)
    tag(doc, "endif")


def _invoices_table(doc, t: dict) -> None:
    """The part's invoices: with each one's reminders once it had some (or any stage above 1)."""
    tag(doc, "if part.with_history")
    table(
        doc,
        t["history_table"],
        ["{{ inv.number }}", "{{ inv.due }}", "{{ inv.days_late }}", "{{ inv.amount }}",
         "{{ inv.outstanding }}", "{{ inv.reminders }}"],
        "inv in part.invoices",
        [2.6, 2.2, 1.6, 2.8, 2.8, 5.0],
    )  # fmt: skip
    tag(doc, "else")
    table(
        doc,
        t["table"],
        ["{{ inv.number }}", "{{ inv.date }}", "{{ inv.object }}", "{{ inv.amount }}",
         "{{ inv.due }}", "{{ inv.outstanding }}"],
        "inv in part.invoices",
        [2.6, 2.2, 4.8, 2.6, 2.2, 2.6],
    )  # fmt: skip
    tag(doc, "endif")
    tag(doc, "if part.credits")
    para(doc, "", space_after=2)
    credits_table(doc, t, "part.credits")
    tag(doc, "endif")
    para(doc, "", space_after=2)


def _claim_table(doc, t: dict) -> None:
    """Invoices paid late: due date, day of payment, days late, interest and indemnity."""
    cells = ["{{ inv.number }}", "{{ inv.amount }}", "{{ inv.due }}", "{{ inv.paid_on }}",
             "{{ inv.days_late_paid }}", "{{ inv.interest }}", "{{ inv.indemnity }}"]  # fmt: skip
    widths = [2.6, 2.6, 2.2, 2.2, 1.4, 2.6, 2.4]
    # Interest, not « pénalités », for a public buyer or a consumer; a consumer owes no
    # indemnity (CPCE L111-8): its table has no such column.
    heads = [*t["claim_table"][:5], t["claim_interest_head"], t["claim_table"][6]]
    tag(doc, "if debtor.consumer")
    table(doc, heads[:-1], cells[:-1], "inv in part.invoices", widths[:-1])
    tag(doc, "elif debtor.public")
    table(doc, heads, cells, "inv in part.invoices", widths)
    tag(doc, "else")
    table(doc, t["claim_table"], cells, "inv in part.invoices", widths)
    tag(doc, "endif")
    para(doc, "", space_after=2)


def _switch(doc, kinds: tuple[str, ...], body, test: str = "part.kind") -> None:
    """One branch per kind ({%p if part.kind == … %}), or the body alone for a single kind."""
    if len(kinds) == 1:
        body(kinds[0])
        return
    for i, kind in enumerate(kinds):
        tag(doc, f'{"if" if i == 0 else "elif"} {test} == "{kind}"')
        body(kind)
    tag(doc, "endif")


def _totals(doc, t: dict, kinds: tuple[str, ...]) -> None:
    """The part's totals: its principal, its interest (none where none is owed), the 40 €;
    a first reminder claims its principal only."""
    if "relance_1" in kinds:
        tag(doc, 'if part.kind == "relance_1"')
        keep(line(doc, t, t["total_due"], "part.totals.outstanding", bold=True))
        tag(doc, "else")
    if kinds != ("penalites",):
        tag(doc, 'if part.kind != "penalites"')
        line(doc, t, t["total_due"], "part.totals.outstanding")
        tag(doc, "endif")
    tag(doc, "if part.show_interest")
    for i, kind in enumerate(TYPES):
        tag(doc, f"{'if' if i == 0 else 'elif'} {TYPE_TESTS[kind]}")
        labels = [t["claim_interest"][kind], t["interest"][kind]]
        if kinds == ("penalites",):
            line(doc, t, labels[0], "part.totals.interest")
            continue
        tag(doc, 'if part.kind == "penalites"')
        line(doc, t, labels[0], "part.totals.interest")
        tag(doc, "else")
        line(doc, t, labels[1], "part.totals.interest")
        tag(doc, "endif")
    tag(doc, "endif")
    tag(doc, "endif")
    tag(doc, "if not debtor.consumer")
    line(doc, t, t["indemnity"], "part.totals.indemnity")
    tag(doc, "endif")
    # The last total goes with the breakdown and the request under it.
    keep(line(doc, t, t["claimed"], "part.totals.claimed", bold=True))
    if "relance_1" in kinds:
        tag(doc, "endif")


def _breakdown(doc, t: dict) -> None:
    """The interest of each invoice, period by period (CPC 1407), when the part claims any."""
    tag(doc, "if part.interest_periods")
    keep(para(doc, "", space_after=2))
    para(doc, t["breakdown"], space_after=2)
    table(
        doc,
        t["breakdown_table"],
        ["{{ p.number }}", "{{ p.start }}", "{{ p.end }}", "{{ p.days }}", "{{ p.base }}",
         "{{ p.rate }}", "{{ p.interest }}"],
        "p in part.interest_periods",
        [2.6, 2.2, 2.2, 1.4, 2.8, 2.0, 2.4],
    )  # fmt: skip
    tag(doc, "endif")
    tag(doc, "if part.on_balance")
    keep(para(doc, t["on_balance"], size=9, space_after=0))
    tag(doc, "endif")
    # A credit note that lowered an invoice's base: the table's base is not its « Reste dû ».
    tag(doc, "if part.credit_base")
    keep(para(doc, "{{ part.credit_base }}", size=9, space_after=0))
    tag(doc, "endif")
    # A rate the table does not confirm yet: the figure is said to be provisional (« sauf à
    # parfaire »), in the letter's language (relance_xlsx/policy/provisional.py).
    tag(doc, "if part.provisional")
    keep(para(doc, "{{ part.provisional }}", size=9, space_after=0))
    tag(doc, "endif")
    tag(doc, "if part.figures.penalties_paid")
    keep(para(doc, t["penalties_paid"], size=9, space_after=0))
    tag(doc, "endif")


def _sentences(doc, t: dict, language: str, kind: str) -> None:
    """What a part of this kind says before its invoices: how they came to be unpaid, the
    law of the client's type, a notice's demand and route. Kept with the part's table (a
    part never starts at a page's foot with its invoices on the next), but for a notice's
    long demand, which may break before it."""
    s = t["parts"][kind]
    notice = kind == "mise_en_demeure"

    def say(text: str) -> None:
        paragraph = para(doc, filled(text, language), space_after=6, align=JUSTIFY)
        if not notice:
            keep(paragraph)

    if kind == "penalites":
        say(s["open"])
        _by_type(doc, s["law"], language, kept=True)
        return
    tag(doc, "if part.reminded")
    say(s["reminded"])
    tag(doc, "else")
    say(s["new"])
    tag(doc, "endif")
    # What was received on invoices still owed: the letter says it, the table deducts it.
    tag(doc, "if part.partly_paid")
    say(t["partly_paid"])
    tag(doc, "endif")
    if kind == "relance_1":
        tag(doc, "if part.courteous")
        say(s["courteous"])
        tag(doc, "elif part.firm")
        say(s["firm"])
        tag(doc, "endif")
    if kind == "relance_2":
        tag(doc, "if part.first")
        _by_type(doc, s["law"], language, kept=True)
        tag(doc, "endif")
    if notice:
        for key in ("notice", "route", "formal"):
            _by_type(doc, s[key], language, kept=key != "notice")


def parts(doc, t: dict, language: str, kind: str) -> None:
    """The loop over a letter's parts, each at its own stage (its sentences, invoices, totals
    and request); then the letter's total and what it recalls."""
    kinds = PART_KINDS[kind]
    tag(doc, "for part in parts")
    _switch(doc, kinds, lambda k: _sentences(doc, t, language, k))
    if kinds == ("penalites",):
        _claim_table(doc, t)
    elif "penalites" in kinds:
        tag(doc, 'if part.kind == "penalites"')
        _claim_table(doc, t)
        tag(doc, "else")
        _invoices_table(doc, t)
        tag(doc, "endif")
    else:
        _invoices_table(doc, t)
    _totals(doc, t, kinds)
    _breakdown(doc, t)
    asking = tuple(k for k in kinds if "request" in t["parts"][k])

    def request(k: str) -> None:
        para(doc, filled(t["parts"][k]["request"], language), space_after=6, align=JUSTIFY)

    if asking != kinds:
        tag(doc, 'if part.kind != "mise_en_demeure"')  # a notice's demand is in its sentences
    # The request stays on the page of the totals it asks for.
    keep(para(doc, "", space_after=4))
    _switch(doc, asking, request)
    if asking != kinds:
        tag(doc, "else")
        para(doc, "", space_after=4)
        tag(doc, "endif")
    tag(doc, "endfor")
    tag(doc, "if letter.several_parts")
    line(doc, t, t["letter_total"], "totals.claimed", bold=True)
    para(doc, "", space_after=4)
    tag(doc, "endif")
    available_credits(doc, t)
    tag(doc, "if letter.recall")
    para(doc, t["recall"], space_after=6, align=JUSTIFY)
    tag(doc, "endif")


__all__ = ["parts"]
