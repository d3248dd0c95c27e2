"""The layout pieces of the bundled letters: paragraphs, {%p %} tags, repeating tables, totals,
and the loop over a letter's parts (each at its own stage, with its own sentences, invoices,
totals and deadline). Used by build_templates.py."""

from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt
from sentences import PART_KINDS, TYPE_TESTS, TYPES, filled

RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


def para(doc, text: str = "", *, bold=False, indent_cm=0.0, align=None, size=None, space_after=4.0):
    p = doc.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
    fmt = p.paragraph_format
    fmt.space_after = Pt(space_after)
    if indent_cm:
        fmt.left_indent = Cm(indent_cm)
    if align is not None:
        p.alignment = align
    return p


def tag(doc, tag: str, indent_cm: float = 0.0) -> None:
    """A {%p … %} paragraph: docxtpl removes it and keeps its Jinja statement."""
    para(doc, f"{{%p {tag} %}}", indent_cm=indent_cm, space_after=0)


def table(doc, headers: list[str], cells: list[str], loop: str, widths: list[float]):
    """A table whose middle row repeats with {%tr for %}…{%tr endfor %} rows of their own."""
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, text in enumerate(headers):
        cell = table.rows[0].cells[i]
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.size = Pt(9)
    table.rows[1].cells[0].text = f"{{%tr for {loop} %}}"
    for i, text in enumerate(cells):
        cell = table.rows[2].cells[i]
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.font.size = Pt(9)
        if any(w in text for w in ("amount", "outstanding", "interest", "indemnity", "base")):
            cell.paragraphs[0].alignment = RIGHT
    table.rows[3].cells[0].text = "{%tr endfor %}"
    # The header row repeats on every page; no row is cut across two pages.
    for index, row in enumerate(table.rows):
        props = row._tr.get_or_add_trPr()
        props.append(OxmlElement("w:cantSplit"))
        if index == 0:
            props.append(OxmlElement("w:tblHeader"))
    for row in table.rows:
        for i, width in enumerate(widths):
            row.cells[i].width = Cm(width)
    return table


def line(doc, t: dict, label: str, value: str, bold: bool = False) -> None:
    """A total, right-aligned: « Total réclamé : 1 234,56 € »."""
    para(doc, f"{label}{t['colon']}{{{{ {value} }}}}", bold=bold, align=RIGHT, space_after=0)


def _by_type(doc, texts: dict, language: str) -> None:
    """One sentence per client type ({%p if debtor.consumer %} …), those it has."""
    kinds = [k for k in (*TYPES, "administrative", "judicial") if k in texts]
    for i, kind in enumerate(kinds):
        tag(doc, f"{'if' if i == 0 else 'elif'} {TYPE_TESTS[kind]}")
        para(doc, filled(texts[kind], language), space_after=6, align=JUSTIFY)
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


def credits_table(doc, t: dict, credits: str, heading: str = "credits") -> None:
    """The credit notes deducted: « Avoirs en votre faveur, déduits du total » and their table
    (or, heading "available", the free ones shown and not deducted)."""
    para(doc, t[heading], space_after=2)
    table(
        doc,
        t["credits_table"],
        ["{{ c.number }}", "{{ c.date }}", "{{ c.object }}", "{{ c.amount }}"],
        f"c in {credits}",
        [3.0, 2.6, 7.4, 3.0],
    )


def available_credits(doc, t: dict) -> None:
    """The credit notes naming no invoice of the letter: shown, never deducted."""
    tag(doc, "if available_credits")
    credits_table(doc, t, "available_credits", "available")
    para(doc, "", space_after=4)
    tag(doc, "endif")


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
        line(doc, t, t["total_due"], "part.totals.outstanding", bold=True)
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
    line(doc, t, t["claimed"], "part.totals.claimed", bold=True)
    if "relance_1" in kinds:
        tag(doc, "endif")


def _breakdown(doc, t: dict) -> None:
    """The interest of each invoice, period by period (CPC 1407), when the part claims any."""
    tag(doc, "if part.interest_periods")
    para(doc, "", space_after=2)
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
    para(doc, t["on_balance"], size=9, space_after=0)
    tag(doc, "endif")
    tag(doc, "if part.figures.penalties_paid")
    para(doc, t["penalties_paid"], size=9, space_after=0)
    tag(doc, "endif")


def _sentences(doc, t: dict, language: str, kind: str) -> None:
    """What a part of this kind says before its invoices: how they came to be unpaid, the
    law of the client's type, a notice's demand and route."""
    s = t["parts"][kind]

    def say(text: str) -> None:
        para(doc, filled(text, language), space_after=6, align=JUSTIFY)

    if kind == "penalites":
        say(s["open"])
        _by_type(doc, s["law"], language)
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
        _by_type(doc, s["law"], language)
        tag(doc, "endif")
    if kind == "mise_en_demeure":
        for key in ("notice", "route", "formal"):
            _by_type(doc, s[key], language)


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
    para(doc, "", space_after=4)
    asking = tuple(k for k in kinds if "request" in t["parts"][k])

    def request(k: str) -> None:
        para(doc, filled(t["parts"][k]["request"], language), space_after=6, align=JUSTIFY)

    if asking != kinds:
        tag(doc, 'if part.kind != "mise_en_demeure"')  # a notice's demand is in its sentences
    _switch(doc, asking, request)
    if asking != kinds:
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


__all__ = ["available_credits", "credits_table", "line", "para", "parts", "table", "tag"]
