"""The English sentences of the bundled letters and e-mails (see sentences.py)."""

from __future__ import annotations

_DESPITE = (
    "{% if part.first %}Despite{% else %}In addition, despite{% endif %} "
    "{{ part.previous_reminders }}, {{ part.invoices_phrase }}[below] "
)
_EN_STARTS = (
    "{% if part.first %}{{ part.invoices_phrase_start }}{% else %}In addition, "
    "{{ part.invoices_phrase }}{% endif %}[below] "
)

EN = {
    "salutation": "{{ debtor.salutation }}",
    "greeting": "{% if debtor.contact %}Dear {{ debtor.contact }},{% else %}{{ debtor.salutation }}{% endif %}",
    "colon": ": ",
    "page": "Page",
    "page_of": "of",  # « Page 2 of 3 »
    # The continuation header of page 2 and later: « Client — Subject — page 2/3 ».
    "page_short": "page",
    "subject_prefix": "Subject: ",
    "registered": "REGISTERED LETTER WITH ACKNOWLEDGEMENT OF RECEIPT",
    "statement_title": "Statement of account as at {{ letter.date }}",
    "statement_intro": "Annex to the formal notice: every invoice and credit note of "
    "{{ debtor.name }} still open{% if statement.barred_out %} and not time-barred{% endif %} "
    "at this date.",
    "statement_table": ["Document", "Date", "Due date", "Amount", "Paid", "Balance"],
    "statement_paid": "Payments received on these documents",
    "statement_balance": "Account balance",
    "table": ["Invoice no.", "Date", "Description", "Amount", "Due date", "Still due"],
    "history_table": ["Invoice no.", "Due date", "Days late", "Amount", "Still due", "Reminded on"],
    "claim_table": [
        "Invoice no.",
        "Amount",
        "Due date",
        "Paid on",
        "Days late",
        "Interest",
        "Compensation",
    ],
    "claim_interest_head": "Interest",
    "credits": "Credit notes in your favour, deducted from the total:",
    "available": "Credit notes available to you, not deducted from the sum requested (tell "
    "us which invoice to set them against):",
    "credits_table": ["Credit note", "Date", "Description", "Amount"],
    "received": "Payments received not applied (surplus):",
    "received_table": ["Document", "Date", "Description", "Amount received"],
    "total_due": "Total outstanding",
    "interest": {
        "business": "Late-payment interest ({{ part.rates_short }}, {{ legal.interest_until }})",
        "public": "Late-payment interest (ECB rate + 8 points, {{ legal.interest_until }})",
        "consumer": "Interest at the legal rate since the formal notice ({{ legal.interest_until }})",
    },
    "claim_interest": {
        "business": "Late-payment interest, until the day of payment",
        "public": "Late-payment interest, until the day of payment",
        "consumer": "Interest at the legal rate, from the formal notice to payment",
    },
    "indemnity": "Fixed compensation for recovery costs",
    "claimed": "Total claimed",
    "letter_total": "Total of this letter",
    "breakdown": "Interest in detail, by invoice and period:",
    "breakdown_table": ["Invoice", "From", "To", "Days", "Base", "Rate", "Interest"],
    "on_balance": "Interest on invoices partly paid is computed on the balance still due.",
    "partly_paid": "We have received, in part payment, {{ part.partly_paid }}, which the "
    "balance[below] takes into account.",
    "penalties_paid": "Already paid by bank transfer towards these sums, and deducted above: "
    "{{ part.totals.penalties_paid }}.",
    "pay_title": "How to pay:",
    "transfer": "by bank transfer to IBAN {{ creditor.iban }} – BIC {{ creditor.bic }}"
    "{{ creditor.bank_line }}, quoting the reference {{ payment.reference }};",
    "cheque": "by cheque payable to {{ creditor.cheque_payee }}, sent to the address above "
    "with the reference {{ payment.reference }}{% if payment.link %};{% else %}.{% endif %}",
    "link": "online: {{ payment.link }}.",
    "contact": "If you have any question, please call us on {{ creditor.phone }} or write to "
    "{{ creditor.email }}. If you have paid in the meantime, please disregard this letter.",
    # A statement of account asks for nothing: nothing to disregard, a difference to report.
    "contact_statement": "If you have any question about this statement, please call us on "
    "{{ creditor.phone }} or write to {{ creditor.email }}. If it differs from your own "
    "records, please let us know.",
    "contact_notice": "If you have any question, please call us on {{ creditor.phone }} or "
    "write to {{ creditor.email }}. If you have paid this amount in the meantime, please let "
    "us know the date and means of your payment.",
    "closing": "{{ debtor.closing }}",
    "attention": "For the attention of {{ debtor.contact }}",
    "ref": "Ref.: {{ letter.reference }}",
    "recall": "For the record, {{ letter.recall.invoices_phrase }} "
    "{{ letter.recall.is_are }} the subject of {{ letter.recall.previous_notices }}.",
    "subjects": {
        "pre_echeance": "Subject: upcoming due date – {{ letter.invoices_title }}",
        "relance_1": "Subject: payment reminder – {{ letter.subject_title }}",
        "relance_2": "Subject: second reminder – {{ letter.subject_title }}",
        "mise_en_demeure": "Subject: formal notice to pay",
        "penalites": "Subject: late-payment interest – {{ letter.subject_title }}",
        "releve": "Subject: statement of account as at {{ letter.date }}",
        "remerciement": "Subject: payment received{% if not letter.notice.noticed and not "
        "letter.reserved %} – thank you{% endif %}",
    },
    "single": {
        "pre_echeance": [
            "This is a courtesy reminder that {{ letter.invoices_phrase }} below will soon be due.",
        ],
        "pre_echeance_request": "We would be grateful if you could arrange payment of "
        "{{ totals.outstanding }} by the due date.",
        "releve": [
            "Please find below the statement of your account at this date: open invoices"
            "{% if statement.barred_out %} not time-barred{% endif %} and credit notes, payments "
            "received on them, and the balance.",
        ],
        "remerciement": [
            "{% if letter.notice.noticed %}We confirm receipt of the payment of "
            "{{ totals.paid }} for {{ letter.invoices_phrase }} below, the subject of "
            "{{ letter.notice.previous_notices }}. It reached us "
            "{{ letter.notice.paid_when }}.{% elif letter.reserved %}We confirm receipt of your "
            "payment of {{ totals.paid }} for {{ letter.invoices_phrase }} below. It reached us "
            "after the due date: {{ letter.reserved }}.{% else %}We confirm receipt of your "
            "payment of {{ totals.paid }} for {{ letter.invoices_phrase }} below, and thank "
            "you.{% endif %}",
        ],
    },
    "parts": {
        "relance_1": {
            "new": "{% if part.first %}According to our records, {{ part.invoices_phrase }}"
            "[below] {{ part.is_are }} now overdue.{% else %}In addition, "
            "{{ part.invoices_phrase }}[below] {{ part.has_have }} fallen due and "
            "{{ part.remains }} {{ part.unpaid }}.{% endif %}",
            "reminded": _DESPITE + "{{ part.remains }} {{ part.unpaid }}.",
            "courteous": "This is probably an oversight.",
            "firm": "{% if part.s %}The oldest of these delays has reached{% else %}This delay "
            "has reached{% endif %} {{ part.oldest_days_late }} days: please settle "
            "this matter.",
            "request": "Please pay {{ part.totals.claimed }} [deadline].",
        },
        "relance_2": {
            "new": _EN_STARTS + "{{ part.remains }} {{ part.unpaid }}.",
            "reminded": _DESPITE + "{{ part.remains }} {{ part.unpaid }}.",
            "law": {
                "business": "Under article L441-10 of the French Commercial Code"
                "{% if creditor.terms_of_sale %} and our terms of sale{% endif %}, late payment "
                "incurs by law, without any reminder being needed, interest {{ part.rates }} "
                "from the day after the due date until payment, and a fixed compensation for "
                "recovery costs of {{ legal.indemnity_amount }} per invoice (article D441-5).",
                "public": "Under article L2192-13 of the French Public Procurement Code, late "
                "payment incurs by law interest at the European Central Bank rate plus 8 points "
                "(article R2192-31), and a fixed compensation for recovery costs of "
                "{{ legal.indemnity_amount }} per invoice (article R2192-32).",
                "consumer": "Failing payment, we will have to send you a formal notice"
                "{% if legal.consumer_interest %}, from which the amount due will bear interest at "
                "the legal rate (French Civil Code, article 1231-6){% endif %}.",
            },
            "request": "Please pay {{ part.totals.claimed }} [deadline].",
        },
        "mise_en_demeure": {
            "new": _EN_STARTS + "{{ part.remains }} {{ part.unpaid }}.",
            "reminded": _DESPITE + "{{ part.remains }} {{ part.unpaid }}.",
            "notice": {
                "business": "We hereby give you formal notice to pay {{ part.totals.claimed }} "
                "({{ part.totals.claimed_words }}), including the principal, interest "
                "{{ part.rates }} {{ legal.interest_until }} (French Commercial Code, article "
                "L441-10{% if creditor.terms_of_sale %}, and our terms of sale{% endif %}) and "
                "the fixed compensation for recovery costs of {{ legal.indemnity_amount }} per "
                "invoice (article "
                "D441-5), [deadline]. This interest is due by law from the day after each due "
                "date, without any reminder being needed, and runs until payment in full.",
                "public": "We hereby give you formal notice to pay {{ part.totals.claimed }} "
                "({{ part.totals.claimed_words }}), including the principal, interest at the "
                "European Central Bank rate plus 8 points (French Public Procurement Code, "
                "article R2192-31) {{ legal.interest_until }} and the fixed compensation for "
                "recovery costs of {{ legal.indemnity_amount }} per invoice (article R2192-32), [deadline]. This "
                "interest is due by law once the payment term has expired (article L2192-13) "
                "and runs until payment.",
                "consumer": "We hereby give you formal notice to pay {{ part.totals.claimed }} "
                "({{ part.totals.claimed_words }}) [deadline].{% if legal.consumer_interest %} "
                "Under article 1231-6 of the French Civil Code, this amount bears interest at "
                "the legal rate from this notice.{% endif %}",
            },
            # The court after a notice: a public person (no injonction de payer, no seizure,
            # CGPPP L2311-1) is taken to the administrative court; everyone else, an EPIC
            # or an entreprise publique included, to the judicial one.
            "route": {
                "administrative": "Failing payment within this period, we will apply to the competent "
                "administrative court for an interim payment (référé-provision, French Code of "
                "Administrative Justice, article R541-1) without further notice.",
                "abroad": "Failing payment within this period, we will bring legal proceedings "
                "for recovery without further notice, and we will ask the court to order you to "
                "bear the costs of the proceedings.",
                "judicial": "Failing payment within this period, we will apply to the competent "
                "court for an order for payment (injonction de payer) without further notice, "
                "and we will ask the court to order you to bear the costs of the proceedings.",
            },
            "formal": {
                "business": "This letter is a formal notice within the meaning of article 1344 "
                "of the French Civil Code{{ part.formal_scope }}.",
                "consumer": "This letter is a formal notice within the meaning of article 1344 "
                "of the French Civil Code{{ part.formal_scope }}.",
            },
            "mail_intro": "Please find attached a copy of the formal notice sent to you today "
            "by registered letter with acknowledgement of receipt.",
            "mail_notice": "The registered letter gives you formal notice to pay {{ part.totals.claimed }} "
            "({{ part.totals.claimed_words }}) [deadline].",
        },
        "penalites": {
            "open": "{% if part.all_credited %}{{ part.credited }}{% else %}"
            "{% if part.noticed %}{% if part.first %}Payment{% else %}In addition, "
            "payment{% endif %} {{ part.of_invoices }}[below], the subject of "
            "{{ part.previous_notices }}, reached us {{ part.paid_when }}. It covers the "
            "principal only: {{ part.remains }}.{% elif part.thank %}Thank you for your payment "
            "of {{ part.invoices_phrase }}[below]. It reached us, however, after the due "
            "date.{% elif part.first %}{{ part.invoices_phrase_start }}[below] "
            "{{ part.has_have }} been paid after the due date.{% else %}In addition, "
            "{{ part.invoices_phrase }}[below] {{ part.has_have }} been paid after the due "
            "date.{% endif %}{% if part.credited %} {{ part.credited }}{% endif %}"
            "{% endif %}",
            "law": {
                "business": "Under {% if creditor.terms_of_sale %}our terms of sale and "
                "{% endif %}article L441-10 of the French Commercial Code, this delay gave rise "
                "by law to late-payment interest {{ part.rates }}, from the day after the due "
                "date until payment, and to the fixed compensation for recovery costs of "
                "{{ legal.indemnity_amount }} per invoice (article D441-5).",
                "public": "This delay gave rise by law to late-payment interest (French Public "
                "Procurement Code, article L2192-13) at the European Central Bank rate plus 8 "
                "points (article R2192-31), from the day after the due date until payment, and "
                "to the fixed compensation for recovery costs of {{ legal.indemnity_amount }} per invoice "
                "(article R2192-32).",
                "consumer": "Under article 1231-6 of the French Civil Code, the sum due bore "
                "interest at the legal rate from {{ part.previous_notices }} until the day of "
                "your payment.",
            },
            "request": "{% if part.noticed %}Please pay us the sum of {{ part.totals.claimed }} "
            "[deadline].{% else %}We would be grateful if you would pay the sum of "
            "{{ part.totals.claimed }} [deadline].{% endif %}",
        },
    },
    "mail_includes": {
        "business": "This amount includes late-payment interest and the fixed compensation for "
        "recovery costs (French Commercial Code, articles L441-10 and D441-5).",
        "public": "This amount includes late-payment interest and the fixed compensation for "
        "recovery costs (French Public Procurement Code, articles R2192-31 and R2192-32).",
        "consumer": "This amount includes interest at the legal rate since the formal notice "
        "(French Civil Code, article 1231-6).",
    },
    "mail": {
        "pre_echeance": "This is a reminder that {{ letter.invoices_phrase }}, for "
        "{{ totals.outstanding }}, {{ letter.falls }} due on {{ invoices[0].due_long }}. If payment "
        "is already on its way, please disregard this message.",
        "remerciement": "We have received your payment of {{ totals.paid }} for "
        "{{ letter.invoices_phrase }}{% if letter.notice.noticed %}, the subject of "
        "{{ letter.notice.previous_notices }}.{% elif letter.reserved %}, received after the "
        "due date: {{ letter.reserved|safe }}.{% else %}. Thank you.{% endif %}",
        "payment": "Payment by bank transfer (IBAN {{ creditor.iban }}, BIC {{ creditor.bic }}, "
        "reference {{ payment.reference }})",
        "online": " or online: ",
        "attached": "The letter is attached to this message.",
        "regards": "Kind regards,",
    },
    "mail_subjects": {
        "pre_echeance": "Reminder: {{ letter.invoices_title }} due{% if letter.count == 1 %} on {{ invoices[0].due_long }}{% endif %}",
        "relance_1": "Payment reminder: {{ letter.subject_title }}{% if parts[0].count == 1 %} due on {{ parts[0].invoices[0].due_long }}{% else %} overdue{% endif %}",
        "relance_2": "Second reminder: {{ letter.subject_title }} unpaid",
        "mise_en_demeure": "Formal notice to pay: {{ letter.subject_title }}",
        "penalites": "Late-payment interest: {{ letter.subject_title }} paid after the due date",
        "other": "{% if letter.notice.noticed or letter.reserved %}Payment received{% else %}Thank you for your payment{% endif %}: {{ letter.invoices_title }}",
    },
    "below": " below",
    "deadline_letter": "{{ part.deadline }}",
    "deadline_mail": "{{ part.deadline_mail }}",
}

__all__ = ["EN"]
