"""Build the bundled Word letter templates (docxtpl/Jinja tags) with python-docx.

Run: python word_templates/build_templates.py   (rewrites word_templates/*.docx)
The .docx files are committed; users edit copies of them in Word (`relance init`).
Per-letter data never goes into headers or footers: the print bundle keeps only the
first letter's, so the footer carries the creditor's identity alone.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent

TEXTS = {
    "fr": {
        "salutation": "Madame, Monsieur,",
        "colon": " : ",
        "page": "Page",
        "statement_title": "Relevé de compte au {{ letter.date_short }}",
        "statement_intro": "Annexe à la mise en demeure : ensemble des factures et avoirs "
        "non soldés {{ debtor.of_name }} à cette date.",
        "statement_table": ["Pièce", "Date", "Échéance", "Montant", "Réglé", "Solde"],
        "statement_paid": "Règlements reçus sur ces pièces",
        "statement_balance": "Solde du compte",
        "table": ["N° facture", "Date", "Objet", "Montant TTC", "Échéance", "Reste dû"],
        "claim_table": [
            "N° facture",
            "Montant TTC",
            "Échéance",
            "Réglée le",
            "Jours",
            "Pénalités",
            "Indemnité",
        ],
        "claim_interest": "Pénalités de retard, jusqu'au jour du règlement",
        "claim_legal_interest": "Intérêts au taux légal, de la mise en demeure au règlement",
        "credits": "Avoirs en votre faveur, déduits du total :",
        "credits_table": ["N° avoir", "Date", "Objet", "Montant"],
        "total_due": "Total restant dû",
        "interest": "Pénalités de retard",
        "breakdown": "Détail des intérêts, par facture et par période :",
        "breakdown_table": ["Facture", "Du", "Au", "Jours", "Base", "Taux", "Intérêts"],
        "on_balance": "Les intérêts des factures en partie réglées sont calculés sur le solde "
        "restant dû.",
        "legal_interest": "Intérêts au taux légal depuis la mise en demeure",
        "public_interest": "Intérêts moratoires (taux BCE + 8 points)",
        "indemnity": "Indemnité forfaitaire pour frais de recouvrement",
        "claimed": "Total réclamé",
        "pay_title": "Modalités de règlement :",
        "transfer": "par virement sur le compte IBAN {{ creditor.iban }} – BIC {{ creditor.bic }}"
        " ({{ creditor.bank }}), en indiquant en référence : {{ payment.reference }} ;",
        "cheque": "par chèque à l'ordre {{ creditor.cheque_payee_of }}, adressé à l'adresse "
        "ci-dessus, en joignant la référence {{ payment.reference }} ;",
        "link": "en ligne : {{ payment.link }}",
        "contact": "Pour toute question, vous pouvez nous joindre au {{ creditor.phone }} ou à "
        "{{ creditor.email }}. Si votre règlement a été effectué entre-temps, nous "
        "vous prions de ne pas tenir compte de ce courrier.",
        # A formal notice is never to be disregarded: a payment made since is to be reported.
        "contact_notice": "Pour toute question, vous pouvez nous joindre au {{ creditor.phone }} "
        "ou à {{ creditor.email }}. Si vous avez réglé cette somme entre-temps, merci de nous "
        "indiquer la date et le mode de votre règlement.",
        "closing": "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos "
        "salutations distinguées.",
        "attention": "À l'attention de {{ debtor.contact }}",
        "ref": "Réf. : {{ letter.reference }}",
        "kinds": {
            "pre_echeance": {
                "subject": "Objet : échéance prochaine – {{ letter.invoices_title }}",
                "body": [
                    "Sauf erreur de notre part, {{ letter.invoices_phrase }} ci-dessous "
                    "arrive{{ letter.nt }} à échéance prochainement. Nous nous permettons "
                    "de vous le rappeler afin de faciliter votre organisation.",
                ],
                "request": "Nous vous remercions de bien vouloir prévoir le règlement de "
                "{{ totals.outstanding }} à l'échéance.",
                "penalties": False,
            },
            "relance_1": {
                "subject": "Objet : relance – {{ letter.invoices_title }} impayée{{ letter.s }}",
                "body": [
                    "Sauf erreur ou omission de notre part, nous n'avons pas reçu à ce jour le "
                    "règlement {{ letter.of_invoices }} ci-dessous, arrivée{{ letter.s }} à "
                    "échéance.",
                    "{%p if letter.courteous %}",
                    "Il s'agit probablement d'un simple oubli ; nous vous remercions de bien "
                    "vouloir y remédier.",
                    "{%p else %}",
                    "Ce retard, de {{ letter.oldest_days_late }} jours, dépasse largement nos "
                    "conditions de paiement : nous vous demandons de régulariser sans délai.",
                    "{%p endif %}",
                ],
                "request": "Nous vous remercions de bien vouloir nous régler la somme de "
                "{{ totals.outstanding }} au plus tard le {{ letter.pay_by }}.",
                "penalties": False,
            },
            "relance_2": {
                "subject": "Objet : 2e relance – {{ letter.invoices_title }} impayée{{ letter.s }}",
                "body": [
                    "Malgré {{ letter.previous_reminders }}, nous "
                    "constatons que {{ letter.invoices_phrase }} ci-dessous reste{{ letter.nt }} impayée{{ letter.s }} "
                    "à ce jour.",
                    "{%p if debtor.consumer %}",
                    "À défaut de règlement, nous serons contraints de vous adresser une mise en "
                    "demeure, à compter de laquelle la somme due portera intérêts au taux légal "
                    "(article 1231-6 du Code civil).",
                    "{%p elif debtor.public %}",
                    "Nous vous rappelons que tout retard de paiement fait courir de plein droit "
                    "des intérêts moratoires au taux de la Banque centrale européenne majoré de "
                    "8 points (article R2192-31 du Code de la commande publique), ainsi qu'une "
                    "indemnité forfaitaire pour frais de recouvrement de "
                    "{{ legal.indemnity_amount }} par facture (article R2192-32).",
                    "{%p else %}",
                    "Nous vous rappelons que tout retard de paiement entraîne de plein droit, "
                    "en application de l'article L441-10 du Code de commerce, des pénalités de "
                    "retard au taux de {{ legal.interest_rate }} l'an, calculées du lendemain de "
                    "l'échéance jusqu'au paiement, ainsi qu'une indemnité forfaitaire pour frais "
                    "de recouvrement de {{ legal.indemnity_amount }} par facture (article D441-5 "
                    "du Code de commerce).",
                    "{%p endif %}",
                ],
                "request": "Nous vous demandons de régulariser la situation en nous réglant la "
                "somme de {{ totals.claimed }} au plus tard le {{ letter.pay_by }}.",
                "penalties": True,
            },
            "mise_en_demeure": {
                "subject": "Objet : mise en demeure de payer",
                "body": [
                    "Malgré {{ letter.previous_reminders }}, "
                    "{{ letter.invoices_phrase }} ci-dessous demeure{{ letter.nt }} impayée{{ letter.s }}.",
                    "{%p if debtor.consumer %}",
                    "Par la présente, nous vous mettons en demeure de nous régler la somme de "
                    "{{ totals.claimed }} ({{ totals.claimed_words }}) dans un délai de "
                    "{{ letter.deadline_days }} jours à compter de la réception de la présente. "
                    "Conformément à l'article 1231-6 du Code civil, cette somme porte intérêts au "
                    "taux légal à compter de la présente mise en demeure.",
                    "{%p elif debtor.public %}",
                    "Par la présente, nous vous mettons en demeure de nous régler la somme de "
                    "{{ totals.claimed }} ({{ totals.claimed_words }}), comprenant le principal, "
                    "les intérêts moratoires au taux de la Banque centrale européenne majoré de "
                    "8 points (article R2192-31 du Code de la commande publique) et l'indemnité "
                    "forfaitaire pour frais de recouvrement de {{ legal.indemnity_amount }} par "
                    "facture (article R2192-32), dans un délai de {{ letter.deadline_days }} "
                    "jours à compter de la réception de la présente. Les intérêts moratoires "
                    "continuent de courir jusqu'à parfait paiement.",
                    "{%p else %}",
                    "Par la présente, nous vous mettons en demeure de nous régler la somme de "
                    "{{ totals.claimed }} ({{ totals.claimed_words }}), comprenant le principal, "
                    "les pénalités de retard {{ legal.rates }} arrêtées {{ legal.interest_until }} "
                    "(article L441-10 du Code de commerce) et l'indemnité forfaitaire pour frais "
                    "de recouvrement de {{ legal.indemnity_amount }} par facture (article D441-5 "
                    "du Code de commerce), dans un délai de {{ letter.deadline_days }} jours à "
                    "compter de la réception de la présente. Les pénalités continuent de courir "
                    "jusqu'à parfait paiement.",
                    "{%p endif %}",
                    "À défaut de règlement dans ce délai, nous saisirons la juridiction "
                    "compétente d'une requête en injonction de payer, sans autre avis, et nous "
                    "demanderons que les frais de la procédure soient mis à votre charge.",
                    "La présente mise en demeure fait courir les intérêts et vaut interpellation "
                    "suffisante au sens de l'article 1344 du Code civil.",
                ],
                "request": "",
                "penalties": True,
            },
            "releve": {
                "subject": "Objet : relevé de compte au {{ letter.date_short }}",
                "body": [
                    "Veuillez trouver ci-dessous le relevé de votre compte à ce jour : les "
                    "factures et avoirs non soldés, les règlements reçus sur ces pièces et le "
                    "solde.",
                ],
                "request": "",
                "penalties": False,
            },
            "penalites": {
                "subject": "Objet : pénalités de retard – {{ letter.invoices_title }}",
                "body": [
                    "Nous vous remercions du règlement {{ letter.of_invoices }} ci-dessous. "
                    "Ce règlement nous est toutefois parvenu après l'échéance convenue.",
                    "{%p if debtor.consumer %}",
                    "Conformément à l'article 1231-6 du Code civil, la somme due a porté "
                    "intérêts au taux légal à compter de notre mise en demeure et jusqu'au jour "
                    "de votre règlement.",
                    "{%p elif debtor.public %}",
                    "Ce retard a fait courir de plein droit des intérêts moratoires au taux de la "
                    "Banque centrale européenne majoré de 8 points (article R2192-31 du Code de "
                    "la commande publique), du lendemain de l'échéance jusqu'au jour du "
                    "paiement, ainsi que l'indemnité forfaitaire pour frais de recouvrement de "
                    "{{ legal.indemnity_amount }} par facture (article R2192-32).",
                    "{%p else %}",
                    "Conformément à nos conditions générales de vente et à l'article L441-10 du "
                    "Code de commerce, ce retard a fait courir de plein droit des pénalités de "
                    "retard {{ legal.rates }}, du lendemain de l'échéance jusqu'au jour du "
                    "paiement, ainsi que l'indemnité forfaitaire pour frais de recouvrement de "
                    "{{ legal.indemnity_amount }} par facture (article D441-5 du Code de "
                    "commerce).",
                    "{%p endif %}",
                ],
                "request": "Nous vous remercions de bien vouloir nous régler la somme de "
                "{{ totals.claimed }} au plus tard le {{ letter.pay_by }}.",
                "penalties": True,
            },
            "remerciement": {
                "subject": "Objet : confirmation de votre règlement",
                "body": [
                    "Nous accusons bonne réception de votre règlement "
                    "{{ letter.of_invoices }} ci-dessous, pour un montant de "
                    "{{ totals.paid }}, et nous vous en remercions.",
                    "Votre compte est à jour pour {{ letter.these }}.",
                ],
                "request": "",
                "penalties": False,
            },
        },
    },
    "en": {
        "salutation": "Dear Sir or Madam,",
        "colon": ": ",
        "page": "Page",
        "statement_title": "Statement of account at {{ letter.date_short }}",
        "statement_intro": "Annex to the formal notice: every invoice and credit note of "
        "{{ debtor.name }} still open at this date.",
        "statement_table": ["Document", "Date", "Due date", "Amount", "Paid", "Balance"],
        "statement_paid": "Payments received on these documents",
        "statement_balance": "Account balance",
        "table": ["Invoice no.", "Date", "Description", "Amount", "Due date", "Still due"],
        "claim_table": [
            "Invoice no.",
            "Amount",
            "Due date",
            "Paid on",
            "Days",
            "Interest",
            "Indemnity",
        ],
        "claim_interest": "Late-payment interest, until the day of payment",
        "claim_legal_interest": "Interest at the legal rate, from the formal notice to payment",
        "credits": "Credit notes in your favour, deducted from the total:",
        "credits_table": ["Credit note", "Date", "Description", "Amount"],
        "total_due": "Total outstanding",
        "interest": "Late-payment interest",
        "breakdown": "Interest in detail, by invoice and period:",
        "breakdown_table": ["Invoice", "From", "To", "Days", "Base", "Rate", "Interest"],
        "on_balance": "Interest on invoices partly paid is computed on the balance still due.",
        "legal_interest": "Interest at the legal rate since the formal notice",
        "public_interest": "Late-payment interest (ECB rate + 8 points)",
        "indemnity": "Fixed compensation for recovery costs",
        "claimed": "Total claimed",
        "pay_title": "How to pay:",
        "transfer": "by bank transfer to IBAN {{ creditor.iban }} – BIC {{ creditor.bic }}"
        " ({{ creditor.bank }}), quoting the reference {{ payment.reference }};",
        "cheque": "by cheque payable to {{ creditor.cheque_payee }}, sent to the address above "
        "with the reference {{ payment.reference }};",
        "link": "online: {{ payment.link }}",
        "contact": "If you have any question, please call us on {{ creditor.phone }} or write to "
        "{{ creditor.email }}. If you have paid in the meantime, please disregard "
        "this letter.",
        "contact_notice": "If you have any question, please call us on {{ creditor.phone }} or "
        "write to {{ creditor.email }}. If you have paid this amount in the meantime, please let "
        "us know the date and means of your payment.",
        "closing": "Yours faithfully,",
        "attention": "For the attention of {{ debtor.contact }}",
        "ref": "Ref.: {{ letter.reference }}",
        "kinds": {
            "pre_echeance": {
                "subject": "Subject: upcoming due date – {{ letter.invoices_title }}",
                "body": [
                    "This is a courtesy reminder that {{ letter.invoices_phrase }} below "
                    "will soon be due."
                ],
                "request": "We would be grateful if you could arrange payment of "
                "{{ totals.outstanding }} by the due date.",
                "penalties": False,
            },
            "relance_1": {
                "subject": "Subject: payment reminder – {{ letter.invoices_title }}",
                "body": [
                    "According to our records, {{ letter.invoices_phrase }} below "
                    "{{ letter.is_are }} now overdue.",
                    "{%p if letter.courteous %}",
                    "This is probably an oversight.",
                    "{%p else %}",
                    "This delay of {{ letter.oldest_days_late }} days is well beyond our payment "
                    "terms: please settle without delay.",
                    "{%p endif %}",
                ],
                "request": "Please pay {{ totals.outstanding }} by {{ letter.pay_by }}.",
                "penalties": False,
            },
            "relance_2": {
                "subject": "Subject: second reminder – {{ letter.invoices_title }}",
                "body": [
                    "Despite {{ letter.previous_reminders }}, "
                    "{{ letter.invoices_phrase }} below {{ letter.remains }} unpaid.",
                    "{%p if debtor.consumer %}",
                    "Failing payment, we will send you a formal notice, from which the amount "
                    "due bears interest at the legal rate (French Civil Code, article 1231-6).",
                    "{%p elif debtor.public %}",
                    "Under article R2192-31 of the French Public Procurement Code, late payment "
                    "incurs interest at the ECB rate plus 8 points, and a fixed compensation for "
                    "recovery costs of {{ legal.indemnity_amount }} per invoice (R2192-32).",
                    "{%p else %}",
                    "Under article L441-10 of the French Commercial Code, late payment incurs "
                    "interest at {{ legal.interest_rate }} a year from the day after the due "
                    "date, and a fixed compensation for recovery costs of "
                    "{{ legal.indemnity_amount }} per invoice (article D441-5).",
                    "{%p endif %}",
                ],
                "request": "Please pay {{ totals.claimed }} by {{ letter.pay_by }}.",
                "penalties": True,
            },
            "mise_en_demeure": {
                "subject": "Subject: formal notice to pay",
                "body": [
                    "Despite {{ letter.previous_reminders }}, "
                    "{{ letter.invoices_phrase }} below {{ letter.remains }} unpaid.",
                    "{%p if debtor.consumer %}",
                    "We hereby give you formal notice to pay {{ totals.claimed }} "
                    "({{ totals.claimed_words }}) within {{ letter.deadline_days }} days of "
                    "receiving this letter. Under article 1231-6 of the French Civil Code, "
                    "this amount bears interest at the legal rate from this notice.",
                    "{%p elif debtor.public %}",
                    "We hereby give you formal notice to pay {{ totals.claimed }} "
                    "({{ totals.claimed_words }}), including interest at the ECB rate plus 8 "
                    "points and the fixed compensation of {{ legal.indemnity_amount }} per invoice "
                    "(French Public Procurement Code, articles R2192-31 and R2192-32), within "
                    "{{ letter.deadline_days }} days of receiving this letter. Interest runs "
                    "until payment in full.",
                    "{%p else %}",
                    "We hereby give you formal notice to pay {{ totals.claimed }} "
                    "({{ totals.claimed_words }}), including interest {{ legal.rates }} "
                    "{{ legal.interest_until }} and the fixed compensation of "
                    "{{ legal.indemnity_amount }} per invoice (French Commercial Code, articles "
                    "L441-10 and D441-5), within {{ letter.deadline_days }} days of receiving "
                    "this letter. Interest runs until payment in full.",
                    "{%p endif %}",
                    "Failing payment within this period, we will apply to the competent court "
                    "for an order for payment (injonction de payer) without further notice.",
                ],
                "request": "",
                "penalties": True,
            },
            "releve": {
                "subject": "Subject: statement of account at {{ letter.date_short }}",
                "body": [
                    "Please find below the statement of your account at this date: open "
                    "invoices and credit notes, payments received on them, and the balance.",
                ],
                "request": "",
                "penalties": False,
            },
            "penalites": {
                "subject": "Subject: late-payment interest – {{ letter.invoices_title }}",
                "body": [
                    "Thank you for your payment of {{ letter.invoices_phrase }} below. It "
                    "reached us, however, after the agreed due date.",
                    "{%p if debtor.consumer %}",
                    "Under article 1231-6 of the French Civil Code, the sum due bore interest at "
                    "the legal rate from our formal notice until the day of your payment.",
                    "{%p elif debtor.public %}",
                    "This delay gave rise by law to late-payment interest at the European "
                    "Central Bank rate plus 8 points (French Public Procurement Code, article "
                    "R2192-31), from the day after the due date until payment, and to the fixed "
                    "recovery indemnity of {{ legal.indemnity_amount }} per invoice (article "
                    "R2192-32).",
                    "{%p else %}",
                    "Under our terms of sale and article L441-10 of the French Commercial Code, "
                    "this delay gave rise by law to late-payment interest {{ legal.rates }}, "
                    "from the day after the due date until payment, and to the fixed recovery "
                    "indemnity of {{ legal.indemnity_amount }} per invoice (article D441-5).",
                    "{%p endif %}",
                ],
                "request": "We would be grateful if you would pay the sum of {{ totals.claimed }} "
                "by {{ letter.pay_by }}.",
                "penalties": True,
            },
            "remerciement": {
                "subject": "Subject: payment received – thank you",
                "body": [
                    "We confirm receipt of your payment of {{ totals.paid }} for "
                    "{{ letter.invoices_phrase }} below, and thank you."
                ],
                "request": "",
                "penalties": False,
            },
        },
    },
}


def _para(
    doc,
    text: str = "",
    *,
    bold: bool = False,
    indent_cm: float = 0.0,
    align=None,
    size: float | None = None,
    space_after: float = 4,
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
        if i >= len(cells) - 3 and "date" not in text and i != 1:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
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


def _breakdown(doc, t: dict) -> None:
    """The interest of each invoice, period by period (CPC 1407), when the letter claims any."""
    _para(doc, "{%p if interest_periods %}", space_after=0)
    _para(doc, "", space_after=2)
    _para(doc, t["breakdown"], space_after=2)
    _table(
        doc,
        t["breakdown_table"],
        [
            "{{ p.number }}",
            "{{ p.start }}",
            "{{ p.end }}",
            "{{ p.days }}",
            "{{ p.base }}",
            "{{ p.rate }}",
            "{{ p.interest }}",
        ],
        "p in interest_periods",
        [2.6, 2.2, 2.2, 1.4, 2.8, 2.0, 2.4],
    )
    _para(doc, "{%p endif %}", space_after=0)
    _para(doc, "{%p if legal.on_balance %}", space_after=0)
    _para(doc, t["on_balance"], size=9, space_after=0)
    _para(doc, "{%p endif %}", space_after=0)


def _claim_block(doc, t: dict) -> None:
    """The invoices paid late, their delay and penalties, the totals and the breakdown."""
    cells = [
        "{{ inv.number }}",
        "{{ inv.amount }}",
        "{{ inv.due }}",
        "{{ inv.paid_on }}",
        "{{ inv.days_late_paid }}",
        "{{ inv.interest }}",
        "{{ inv.indemnity }}",
    ]
    widths = [2.6, 2.6, 2.2, 2.2, 1.4, 2.6, 2.4]
    # A consumer owes no indemnity (CPCE L111-8): its table has no such column.
    _para(doc, "{%p if debtor.consumer %}", space_after=0)
    _table(doc, t["claim_table"][:-1], cells[:-1], "inv in invoices", widths[:-1])
    _para(doc, "{%p else %}", space_after=0)
    _table(doc, t["claim_table"], cells, "inv in invoices", widths)
    _para(doc, "{%p endif %}", space_after=0)
    _para(doc, "", space_after=2)
    right = WD_ALIGN_PARAGRAPH.RIGHT
    # A consumer owes no indemnity (CPCE L111-8): the line is not there at all.
    _para(doc, "{%p if debtor.consumer %}", space_after=0)
    line = f"{t['claim_legal_interest']}{t['colon']}{{{{ totals.interest }}}}"
    _para(doc, line, align=right, space_after=0)
    _para(doc, "{%p else %}", space_after=0)
    line = f"{t['claim_interest']}{t['colon']}{{{{ totals.interest }}}}"
    _para(doc, line, align=right, space_after=0)
    line = f"{t['indemnity']}{t['colon']}{{{{ totals.indemnity }}}}"
    _para(doc, line, align=right, space_after=0)
    _para(doc, "{%p endif %}", space_after=0)
    line = f"{t['claimed']}{t['colon']}{{{{ totals.claimed }}}}"
    _para(doc, line, bold=True, align=right, space_after=0)
    _breakdown(doc, t)
    _para(doc, "", space_after=4)


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
        [
            "{{ st.label }} {{ st.number }}",
            "{{ st.date }}",
            "{{ st.due }}",
            "{{ st.amount }}",
            "{{ st.paid }}",
            "{{ st.outstanding }}",
        ],
        "st in statement.lines",
        [4.4, 2.2, 2.2, 2.8, 2.6, 2.8],
    )
    _para(doc, "", space_after=2)
    right = WD_ALIGN_PARAGRAPH.RIGHT
    line = f"{t['statement_paid']}{t['colon']}{{{{ statement.paid }}}}"
    _para(doc, line, align=right, space_after=0)
    line = f"{t['statement_balance']}{t['colon']}{{{{ statement.balance }}}}"
    _para(doc, line, bold=True, align=right, space_after=0)


def build(language: str, kind: str, target: Path) -> None:
    """Write one template."""
    t = TEXTS[language]
    k = t["kinds"][kind]
    doc = Document()
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
    numbers.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(numbers, f"{t['page']} ")
    _field(numbers, "PAGE")
    _run(numbers, "/")
    # The print bundle drops the "/total" (each letter is a section there, see bundle.py).
    _field(numbers, "NUMPAGES")

    # Creditor block, top left.
    _para(doc, "{{ creditor.name }}", bold=True, size=12, space_after=0)
    _para(doc, "{%p for line in creditor.address_lines %}", space_after=0)
    _para(doc, "{{ line }}", space_after=0)
    _para(doc, "{%p endfor %}", space_after=0)
    _para(doc, "{{ creditor.contact_line }}", size=9, space_after=0)
    _para(doc, "SIRET {{ creditor.siret }}", size=9, space_after=0)

    # Debtor block at the right, placed for a French DL window envelope (about 11 cm from the
    # left edge, 4.5–5 cm from the top).
    window = 9.0
    _para(doc, "", space_after=6)
    if kind == "mise_en_demeure":
        text = (
            "LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION"
            if language == "fr"
            else "REGISTERED LETTER WITH ACKNOWLEDGEMENT OF RECEIPT"
        )
        _para(doc, text, bold=True, indent_cm=window, size=9, space_after=2)
    _para(doc, "{{ debtor.name }}", bold=True, indent_cm=window, space_after=0)
    _para(doc, "{%p if debtor.contact %}", indent_cm=window, space_after=0)
    _para(doc, t["attention"], indent_cm=window, space_after=0)
    _para(doc, "{%p endif %}", indent_cm=window, space_after=0)
    _para(doc, "{%p for line in debtor.address_lines %}", indent_cm=window, space_after=0)
    _para(doc, "{{ line }}", indent_cm=window, space_after=0)
    _para(doc, "{%p endfor %}", indent_cm=window, space_after=0)

    _para(doc, "", space_after=10)
    _para(doc, "{{ letter.place_date }}", align=WD_ALIGN_PARAGRAPH.RIGHT, space_after=10)
    _para(doc, k["subject"], bold=True, space_after=2)
    _para(doc, t["ref"], size=9, space_after=10)
    _para(doc, t["salutation"], space_after=8)
    for text in k["body"]:
        _para(doc, text, space_after=6, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    if kind != "remerciement":
        _para(doc, "{%p if letter.acknowledged %}", space_after=0)
        _para(doc, "{{ letter.acknowledged }}", space_after=6, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        _para(doc, "{%p endif %}", space_after=0)

    if kind == "releve":
        _statement(doc, t, annex=False)
    elif kind == "penalites":
        _claim_block(doc, t)
    else:
        _table(
            doc,
            t["table"],
            [
                "{{ inv.number }}",
                "{{ inv.date }}",
                "{{ inv.object }}",
                "{{ inv.amount }}",
                "{{ inv.due }}",
                "{{ inv.outstanding }}",
            ],
            "inv in invoices",
            [2.6, 2.2, 4.8, 2.6, 2.2, 2.6],
        )
        _para(doc, "", space_after=2)
        _para(doc, "{%p if credits %}", space_after=0)
        _para(doc, t["credits"], space_after=2)
        _table(
            doc,
            t["credits_table"],
            ["{{ c.number }}", "{{ c.date }}", "{{ c.object }}", "{{ c.amount }}"],
            "c in credits",
            [3.0, 2.6, 7.4, 3.0],
        )
        _para(doc, "{%p endif %}", space_after=0)

        if kind == "remerciement":
            pass
        else:
            _para(
                doc,
                f"{t['total_due']}{t['colon']}{{{{ totals.outstanding }}}}",
                bold=not k["penalties"],
                align=WD_ALIGN_PARAGRAPH.RIGHT,
                space_after=0,
            )
        if k["penalties"]:
            # A consumer owes no recovery indemnity (CPCE L111-8), and interest only at the
            # legal rate from the mise en demeure (Code civil 1231-6).
            _para(doc, "{%p if debtor.consumer %}", space_after=0)
            _para(
                doc,
                f"{t['legal_interest']} ({{{{ legal.interest_until }}}}){t['colon']}"
                "{{ totals.interest }}",
                align=WD_ALIGN_PARAGRAPH.RIGHT,
                space_after=0,
            )
            _para(doc, "{%p elif debtor.public %}", space_after=0)
            _para(
                doc,
                f"{t['public_interest']} ({{{{ legal.interest_until }}}}){t['colon']}"
                "{{ totals.interest }}",
                align=WD_ALIGN_PARAGRAPH.RIGHT,
                space_after=0,
            )
            _para(
                doc,
                f"{t['indemnity']}{t['colon']}{{{{ totals.indemnity }}}}",
                align=WD_ALIGN_PARAGRAPH.RIGHT,
                space_after=0,
            )
            _para(doc, "{%p else %}", space_after=0)
            _para(
                doc,
                f"{t['interest']} ({{{{ legal.rates_short }}}}, "
                f"{{{{ legal.interest_until }}}}){t['colon']}{{{{ totals.interest }}}}",
                align=WD_ALIGN_PARAGRAPH.RIGHT,
                space_after=0,
            )
            _para(
                doc,
                f"{t['indemnity']}{t['colon']}{{{{ totals.indemnity }}}}",
                align=WD_ALIGN_PARAGRAPH.RIGHT,
                space_after=0,
            )
            _para(doc, "{%p endif %}", space_after=0)
            _para(
                doc,
                f"{t['claimed']}{t['colon']}{{{{ totals.claimed }}}}",
                bold=True,
                align=WD_ALIGN_PARAGRAPH.RIGHT,
                space_after=0,
            )
            _breakdown(doc, t)
        _para(doc, "", space_after=4)

    if k["request"]:
        _para(doc, k["request"], space_after=4, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    if kind not in ("remerciement", "releve"):
        _para(doc, t["pay_title"], space_after=2)
        _para(doc, "– " + t["transfer"], indent_cm=0.5, space_after=0)
        _para(doc, "– " + t["cheque"], indent_cm=0.5, space_after=0)
        _para(doc, "{%p if payment.link %}", space_after=0)
        _para(doc, "– " + t["link"], indent_cm=0.5, space_after=0)
        _para(doc, "{%p endif %}", space_after=0)
        _para(doc, "", space_after=4)
    if kind != "remerciement":
        # Neither a formal notice nor a claim is to be disregarded: a payment made since is
        # to be reported.
        text = t["contact_notice"] if kind in ("mise_en_demeure", "penalites") else t["contact"]
        contact = _para(doc, text, space_after=6, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        _keep_with_next(contact)
    # The closing and the signature stay together, and with the paragraph before them: no
    # page ever holds only a signature.
    _keep_with_next(_para(doc, t["closing"], space_after=14))
    _keep_with_next(_para(doc, "{{ creditor.signatory }}", indent_cm=window, space_after=0))
    _para(doc, "{{ creditor.signatory_title }}", indent_cm=window, space_after=0)
    if kind == "mise_en_demeure":
        _statement(doc, t)
    doc.core_properties.author = "relance-xlsx"
    doc.core_properties.title = kind
    doc.save(str(target))


def main() -> None:
    """Rebuild every template: French in word_templates/, English in word_templates/en/."""
    for language, folder in (("fr", HERE), ("en", HERE / "en")):
        folder.mkdir(exist_ok=True)
        for kind in TEXTS[language]["kinds"]:
            build(language, kind, folder / f"{kind}.docx")
            print(f"wrote {folder / kind}.docx")
    # The blank document the litigation files are written into (relance_xlsx/data).
    from relance_xlsx.figures.docxwrite import build_skeleton

    print(f"wrote {build_skeleton()}")


if __name__ == "__main__":
    main()
