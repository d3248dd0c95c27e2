"""Build the bundled Word letter templates (docxtpl/Jinja tags) with python-docx, and the
e-mail templates, from the sentences of sentences.py.

Run: python word_templates/build_templates.py   (rewrites word_templates/*.docx and email/)
The .docx files are committed; users edit copies of them in Word (`relance init`).
Per-letter data never goes into headers or footers: the print bundle keeps only the
first letter's, so the footer carries the creditor's identity alone.

A dunning letter is a loop over its parts (one per stage, highest first, then the penalties
of invoices paid late), each with its own sentences, table, totals and deadline.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_emails import write_emails  # noqa: E402
from sentences import PART_KINDS, SENTENCES, TYPE_TESTS, TYPES, filled  # noqa: E402

RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
# The debtor's block is placed for a French DL window envelope (about 11 cm from the left
# edge, 4.5–5 cm from the top).
WINDOW = 9.0


def _para(
    doc, text: str = "", *, bold=False, indent_cm=0.0, align=None, size=None, space_after=4.0
):
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


def _tag(doc, tag: str, indent_cm: float = 0.0) -> None:
    """A {%p … %} paragraph: docxtpl removes it and keeps its Jinja statement."""
    _para(doc, f"{{%p {tag} %}}", indent_cm=indent_cm, space_after=0)


def _table(doc, headers: list[str], cells: list[str], loop: str, widths: list[float]):
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


def _line(doc, t: dict, label: str, value: str, bold: bool = False) -> None:
    """A total, right-aligned: « Total réclamé : 1 234,56 € »."""
    _para(doc, f"{label}{t['colon']}{{{{ {value} }}}}", bold=bold, align=RIGHT, space_after=0)


def _by_type(doc, texts: dict, language: str) -> None:
    """One sentence per client type ({%p if debtor.consumer %} …), those it has."""
    kinds = [k for k in TYPES if k in texts]
    for i, kind in enumerate(kinds):
        _tag(doc, f"{'if' if i == 0 else 'elif'} {TYPE_TESTS[kind]}")
        _para(doc, filled(texts[kind], language), space_after=6, align=JUSTIFY)
    _tag(doc, "endif")


def _invoices_table(doc, t: dict) -> None:
    """The part's invoices: with each one's reminders once it had some (or any stage above 1)."""
    _tag(doc, "if part.with_history")
    _table(
        doc,
        t["history_table"],
        ["{{ inv.number }}", "{{ inv.due }}", "{{ inv.days_late }}", "{{ inv.amount }}",
         "{{ inv.outstanding }}", "{{ inv.reminders }}"],
        "inv in part.invoices",
        [2.6, 2.2, 1.6, 2.8, 2.8, 5.0],
    )  # fmt: skip
    _tag(doc, "else")
    _table(
        doc,
        t["table"],
        ["{{ inv.number }}", "{{ inv.date }}", "{{ inv.object }}", "{{ inv.amount }}",
         "{{ inv.due }}", "{{ inv.outstanding }}"],
        "inv in part.invoices",
        [2.6, 2.2, 4.8, 2.6, 2.2, 2.6],
    )  # fmt: skip
    _tag(doc, "endif")
    _tag(doc, "if part.credits")
    _para(doc, "", space_after=2)
    _para(doc, t["credits"], space_after=2)
    _table(
        doc,
        t["credits_table"],
        ["{{ c.number }}", "{{ c.date }}", "{{ c.object }}", "{{ c.amount }}"],
        "c in part.credits",
        [3.0, 2.6, 7.4, 3.0],
    )
    _tag(doc, "endif")
    _para(doc, "", space_after=2)


def _claim_table(doc, t: dict) -> None:
    """Invoices paid late: due date, day of payment, days late, interest and indemnity."""
    cells = ["{{ inv.number }}", "{{ inv.amount }}", "{{ inv.due }}", "{{ inv.paid_on }}",
             "{{ inv.days_late_paid }}", "{{ inv.interest }}", "{{ inv.indemnity }}"]  # fmt: skip
    widths = [2.6, 2.6, 2.2, 2.2, 1.4, 2.6, 2.4]
    # Interest, not « pénalités », for a public buyer or a consumer; a consumer owes no
    # indemnity (CPCE L111-8): its table has no such column.
    heads = [*t["claim_table"][:5], t["claim_interest_head"], t["claim_table"][6]]
    _tag(doc, "if debtor.consumer")
    _table(doc, heads[:-1], cells[:-1], "inv in part.invoices", widths[:-1])
    _tag(doc, "elif debtor.public")
    _table(doc, heads, cells, "inv in part.invoices", widths)
    _tag(doc, "else")
    _table(doc, t["claim_table"], cells, "inv in part.invoices", widths)
    _tag(doc, "endif")
    _para(doc, "", space_after=2)


def _totals(doc, t: dict, kind: str) -> None:
    """The part's totals: its principal, its interest (none where none is owed), the 40 €."""
    if kind == "relance_1":
        _line(doc, t, t["total_due"], "part.totals.outstanding", bold=True)
        return
    labels = t["claim_interest"] if kind == "penalites" else t["interest"]
    if kind != "penalites":
        _line(doc, t, t["total_due"], "part.totals.outstanding")
    _tag(doc, "if part.show_interest")
    _by_type_line(doc, t, labels)
    _tag(doc, "endif")
    _tag(doc, "if not debtor.consumer")
    _line(doc, t, t["indemnity"], "part.totals.indemnity")
    _tag(doc, "endif")
    _line(doc, t, t["claimed"], "part.totals.claimed", bold=True)


def _by_type_line(doc, t: dict, labels: dict) -> None:
    for i, kind in enumerate(TYPES):
        _tag(doc, f"{'if' if i == 0 else 'elif'} {TYPE_TESTS[kind]}")
        _line(doc, t, labels[kind], "part.totals.interest")
    _tag(doc, "endif")


def _breakdown(doc, t: dict) -> None:
    """The interest of each invoice, period by period (CPC 1407), when the part claims any."""
    _tag(doc, "if part.interest_periods")
    _para(doc, "", space_after=2)
    _para(doc, t["breakdown"], space_after=2)
    _table(
        doc,
        t["breakdown_table"],
        ["{{ p.number }}", "{{ p.start }}", "{{ p.end }}", "{{ p.days }}", "{{ p.base }}",
         "{{ p.rate }}", "{{ p.interest }}"],
        "p in part.interest_periods",
        [2.6, 2.2, 2.2, 1.4, 2.8, 2.0, 2.4],
    )  # fmt: skip
    _tag(doc, "endif")
    _tag(doc, "if part.on_balance")
    _para(doc, t["on_balance"], size=9, space_after=0)
    _tag(doc, "endif")


def _part(doc, t: dict, language: str, kind: str) -> None:
    """One part of a letter: its sentences, invoices, totals and request."""
    s = t["parts"][kind]

    def say(text: str) -> None:
        _para(doc, filled(text, language), space_after=6, align=JUSTIFY)

    if kind == "penalites":
        say(s["open"])
    else:
        _tag(doc, "if part.reminded")
        say(s["reminded"])
        _tag(doc, "else")
        say(s["new"])
        _tag(doc, "endif")
    if kind == "relance_1":
        _tag(doc, "if part.courteous")
        say(s["courteous"])
        _tag(doc, "elif part.first and not part.reminded")
        say(s["firm"])
        _tag(doc, "endif")
    if kind == "relance_2":
        _tag(doc, "if part.first")
        _by_type(doc, s["law"], language)
        _tag(doc, "endif")
    if kind == "penalites":
        _by_type(doc, s["law"], language)
    if kind == "mise_en_demeure":
        _by_type(doc, s["notice"], language)
        _by_type(doc, s["route"], language)
        _by_type(doc, s["formal"], language)
    if kind == "penalites":
        _claim_table(doc, t)
    else:
        _invoices_table(doc, t)
    _totals(doc, t, kind)
    if kind != "relance_1":
        _breakdown(doc, t)
    _para(doc, "", space_after=4)
    if "request" in s:
        say(s["request"])


def _parts(doc, t: dict, language: str, kind: str) -> None:
    """The loop over a letter's parts, each at its own stage; then what the letter recalls."""
    kinds = PART_KINDS[kind]
    _tag(doc, "for part in parts")
    for i, part_kind in enumerate(kinds):
        if len(kinds) > 1:
            _tag(doc, f'{"if" if i == 0 else "elif"} part.kind == "{part_kind}"')
        _part(doc, t, language, part_kind)
    if len(kinds) > 1:
        _tag(doc, "endif")
    _tag(doc, "endfor")
    _tag(doc, "if letter.several_parts")
    _line(doc, t, t["letter_total"], "totals.claimed", bold=True)
    _para(doc, "", space_after=4)
    _tag(doc, "endif")
    _tag(doc, "if letter.recall")
    _para(doc, t["recall"], space_after=6, align=JUSTIFY)
    _tag(doc, "endif")


def _single(doc, t: dict, kind: str) -> None:
    """A letter of one kind and no parts: a courtesy reminder, a thank-you, a statement."""
    for text in t["single"][kind]:
        _para(doc, text, space_after=6, align=JUSTIFY)
    if kind == "releve":
        _statement(doc, t, annex=False)
        return
    _table(
        doc,
        t["table"],
        ["{{ inv.number }}", "{{ inv.date }}", "{{ inv.object }}", "{{ inv.amount }}",
         "{{ inv.due }}", "{{ inv.outstanding }}"],
        "inv in invoices",
        [2.6, 2.2, 4.8, 2.6, 2.2, 2.6],
    )  # fmt: skip
    _para(doc, "", space_after=2)
    if kind == "pre_echeance":
        _tag(doc, "if credits")
        _para(doc, t["credits"], space_after=2)
        _table(
            doc,
            t["credits_table"],
            ["{{ c.number }}", "{{ c.date }}", "{{ c.object }}", "{{ c.amount }}"],
            "c in credits",
            [3.0, 2.6, 7.4, 3.0],
        )
        _tag(doc, "endif")
        _line(doc, t, t["total_due"], "totals.outstanding", bold=True)
        _para(doc, "", space_after=4)
        _para(doc, t["single"]["pre_echeance_request"], space_after=4, align=JUSTIFY)


def _run(paragraph, text: str):
    run = paragraph.add_run(text)
    run.font.size = Pt(8)
    return run


def _field(paragraph, instruction: str) -> None:
    """A simple Word field (PAGE, SECTIONPAGES) that Word and LibreOffice compute."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "16")
    props.append(size)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _keep_with_next(paragraph) -> None:
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.keep_together = True


def _statement(doc, t: dict, *, annex: bool = True) -> None:
    """The statement of account: a page of its own after a formal notice, or the letter."""
    if annex:
        _para(doc, "", space_after=0).add_run().add_break(WD_BREAK.PAGE)
        _para(doc, t["statement_title"], bold=True, size=12, space_after=4)
        _para(doc, t["statement_intro"], space_after=8)
    _table(
        doc,
        t["statement_table"],
        ["{{ st.label }} {{ st.number }}", "{{ st.date }}", "{{ st.due }}",
         "{{ st.amount }}", "{{ st.paid }}", "{{ st.outstanding }}"],
        "st in statement.lines",
        [4.4, 2.2, 2.2, 2.8, 2.6, 2.8],
    )  # fmt: skip
    _para(doc, "", space_after=2)
    _line(doc, t, t["statement_paid"], "statement.paid")
    _line(doc, t, t["statement_balance"], "statement.balance", bold=True)


def _page(doc, t: dict) -> None:
    """A4, margins, the font, and the footer: the creditor and « Page n/N »."""
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(1.5), Cm(1.8)
    style = doc.styles["Normal"]
    style.font.name = "Carlito"
    style.font.size = Pt(10.5)
    footer = section.footer.paragraphs[0]
    footer.text = "{{ creditor.footer }}"
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.runs[0].font.size = Pt(8)
    numbers = section.footer.add_paragraph()
    numbers.alignment = RIGHT
    _run(numbers, f"{t['page']} ")
    _field(numbers, "PAGE")
    _run(numbers, "/")
    # The print bundle drops the "/total" (each letter is a section there, see bundle.py).
    _field(numbers, "NUMPAGES")


def _heads(doc, t: dict, kind: str) -> None:
    """The creditor top left, the debtor in the envelope's window, place and date, subject."""
    _para(doc, "{{ creditor.name }}", bold=True, size=12, space_after=0)
    _tag(doc, "for line in creditor.address_lines")
    _para(doc, "{{ line }}", space_after=0)
    _tag(doc, "endfor")
    _para(doc, "{{ creditor.contact_line }}", size=9, space_after=0)
    _para(doc, "SIRET {{ creditor.siret }}", size=9, space_after=0)
    _para(doc, "", space_after=6)
    if kind == "mise_en_demeure":
        _para(doc, t["registered"], bold=True, indent_cm=WINDOW, size=9, space_after=2)
    _para(doc, "{{ debtor.name }}", bold=True, indent_cm=WINDOW, space_after=0)
    _tag(doc, "if debtor.contact", WINDOW)
    _para(doc, t["attention"], indent_cm=WINDOW, space_after=0)
    _tag(doc, "endif", WINDOW)
    _tag(doc, "for line in debtor.address_lines", WINDOW)
    _para(doc, "{{ line }}", indent_cm=WINDOW, space_after=0)
    _tag(doc, "endfor", WINDOW)
    _para(doc, "", space_after=10)
    _para(doc, "{{ letter.place_date }}", align=RIGHT, space_after=10)
    _para(doc, t["subjects"][kind], bold=True, space_after=2)
    _para(doc, t["ref"], size=9, space_after=10)
    _para(doc, t["salutation"], space_after=8)


def _ending(doc, t: dict, kind: str) -> None:
    """Payment details, contact, closing and signature; a notice's statement of account."""
    if kind not in ("remerciement", "releve"):
        _tag(doc, "if letter.acknowledged")
        _para(doc, "{{ letter.acknowledged }}", space_after=6, align=JUSTIFY)
        _tag(doc, "endif")
        _para(doc, t["pay_title"], space_after=2)
        _para(doc, "– " + t["transfer"], indent_cm=0.5, space_after=0)
        _para(doc, "– " + t["cheque"], indent_cm=0.5, space_after=0)
        _tag(doc, "if payment.link")
        _para(doc, "– " + t["link"], indent_cm=0.5, space_after=0)
        _tag(doc, "endif")
        _para(doc, "", space_after=4)
    if kind != "remerciement":
        # Neither a formal notice nor a claim is to be disregarded: a payment made since is
        # to be reported.
        if kind in PART_KINDS:
            _tag(doc, 'if letter.kind == "mise_en_demeure" or letter.has_claims')
            _keep_with_next(_para(doc, t["contact_notice"], space_after=6, align=JUSTIFY))
            _tag(doc, "else")
            _keep_with_next(_para(doc, t["contact"], space_after=6, align=JUSTIFY))
            _tag(doc, "endif")
        else:
            _keep_with_next(_para(doc, t["contact"], space_after=6, align=JUSTIFY))
    # The closing and the signature stay together, and with the paragraph before them: no
    # page ever holds only a signature.
    _keep_with_next(_para(doc, t["closing"], space_after=14))
    _keep_with_next(_para(doc, "{{ creditor.signatory }}", indent_cm=WINDOW, space_after=0))
    _para(doc, "{{ creditor.signatory_title }}", indent_cm=WINDOW, space_after=0)
    if kind == "mise_en_demeure":
        _statement(doc, t)


def build(language: str, kind: str, target: Path) -> None:
    """Write one template."""
    t = SENTENCES[language]
    doc = Document()
    _page(doc, t)
    _heads(doc, t, kind)
    if kind in PART_KINDS:
        _parts(doc, t, language, kind)
    else:
        _single(doc, t, kind)
    _ending(doc, t, kind)
    doc.core_properties.author = "relance-xlsx"
    doc.core_properties.title = kind
    doc.save(str(target))


def main() -> None:
    """Rebuild every template: French in word_templates/, English in word_templates/en/."""
    for language, folder in (("fr", HERE), ("en", HERE / "en")):
        folder.mkdir(exist_ok=True)
        for kind in SENTENCES[language]["subjects"]:
            build(language, kind, folder / f"{kind}.docx")
            print(f"wrote {folder / kind}.docx")
        for path in write_emails(language, folder / "email"):
            print(f"wrote {path}")
    # The blank document the litigation files are written into (relance_xlsx/data).
    from relance_xlsx.figures.docxwrite import build_skeleton

    print(f"wrote {build_skeleton()}")


if __name__ == "__main__":
    main()
