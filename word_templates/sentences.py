"""Every sentence of the bundled letters and e-mails, French and English, in one place.

build_templates.py lays them out into the Word templates and writes the e-mail templates from
the same sentences, so that an e-mail never says other than its letter. Tokens replaced when
building: [below] (« ci-dessous » in a letter, nothing in an e-mail), [deadline] (the part's
deadline: « à compter de la réception de la présente » in a letter, « … de la lettre
recommandée » in an e-mail).

Each part of a letter is one stage (relance_1, relance_2, mise_en_demeure) or the penalties of
invoices paid late (penalites); a letter lists its parts highest first. The wording follows
the law of the client's type: business (Code de commerce L441-10, D441-5), public buyer (Code
de la commande publique L2192-13, R2192-31, R2192-32; Code de justice administrative R541-1),
consumer (Code civil 1231-6).
"""

from __future__ import annotations

_MALGRE = (
    "{% if part.first %}Malgré{% else %}Par ailleurs, malgré{% endif %} "
    "{{ part.previous_reminders }}, {{ part.invoices_phrase }}[below] "
)
_STARTS = (
    "{% if part.first %}{{ part.invoices_phrase_start }}{% else %}Par ailleurs, "
    "{{ part.invoices_phrase }}{% endif %}[below] "
)
_DESPITE = (
    "{% if part.first %}Despite{% else %}In addition, despite{% endif %} "
    "{{ part.previous_reminders }}, {{ part.invoices_phrase }}[below] "
)
_EN_STARTS = (
    "{% if part.first %}{{ part.invoices_phrase_start }}{% else %}In addition, "
    "{{ part.invoices_phrase }}{% endif %}[below] "
)

FR = {
    "salutation": "Madame, Monsieur,",
    "greeting": "{% if debtor.contact %}Bonjour {{ debtor.contact }},{% else %}Madame, Monsieur,{% endif %}",
    "colon": " : ",
    "page": "Page",
    "registered": "LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION",
    "statement_title": "Relevé de compte au {{ letter.date_short }}",
    "statement_intro": "Annexe à la mise en demeure : ensemble des factures et avoirs "
    "non soldés {{ debtor.of_name }} à cette date.",
    "statement_table": ["Pièce", "Date", "Échéance", "Montant", "Réglé", "Solde"],
    "statement_paid": "Règlements reçus sur ces pièces",
    "statement_balance": "Solde du compte",
    "table": ["N° facture", "Date", "Objet", "Montant TTC", "Échéance", "Reste dû"],
    "history_table": [
        "N° facture",
        "Échéance",
        "Retard (j)",
        "Montant TTC",
        "Reste dû",
        "Relancée le",
    ],
    "claim_table": [
        "N° facture",
        "Montant TTC",
        "Échéance",
        "Réglée le",
        "Jours",
        "Pénalités",
        "Indemnité",
    ],
    # The interest column of a public buyer's or a consumer's claim: not « pénalités ».
    "claim_interest_head": "Intérêts",
    "credits": "Avoirs en votre faveur, déduits du total :",
    "credits_table": ["N° avoir", "Date", "Objet", "Montant"],
    "total_due": "Total restant dû",
    "interest": {
        "business": "Pénalités de retard ({{ part.rates_short }}, {{ legal.interest_until }})",
        "public": "Intérêts moratoires (taux BCE + 8 points, {{ legal.interest_until }})",
        "consumer": "Intérêts au taux légal depuis la mise en demeure ({{ legal.interest_until }})",
    },
    "claim_interest": {
        "business": "Pénalités de retard, jusqu'au jour du règlement",
        "public": "Intérêts moratoires, jusqu'au jour du règlement",
        "consumer": "Intérêts au taux légal, de la mise en demeure au règlement",
    },
    "indemnity": "Indemnité forfaitaire pour frais de recouvrement",
    "claimed": "Total réclamé",
    "letter_total": "Montant total de ce courrier",
    "breakdown": "Détail des intérêts, par facture et par période :",
    "breakdown_table": ["Facture", "Du", "Au", "Jours", "Base", "Taux", "Intérêts"],
    "on_balance": "Les intérêts des factures en partie réglées sont calculés sur le solde restant dû.",
    "pay_title": "Modalités de règlement :",
    "transfer": "par virement sur le compte IBAN {{ creditor.iban }} – BIC {{ creditor.bic }}"
    " ({{ creditor.bank }}), en indiquant en référence : {{ payment.reference }} ;",
    "cheque": "par chèque à l'ordre {{ creditor.cheque_payee_of }}, adressé à l'adresse "
    "ci-dessus, en joignant la référence {{ payment.reference }} ;",
    "link": "en ligne : {{ payment.link }}",
    "contact": "Pour toute question, vous pouvez nous joindre au {{ creditor.phone }} ou à "
    "{{ creditor.email }}. Si votre règlement a été effectué entre-temps, nous vous prions de "
    "ne pas tenir compte de ce courrier.",
    # A formal notice, or a claim, is never to be disregarded: a payment made since is reported.
    "contact_notice": "Pour toute question, vous pouvez nous joindre au {{ creditor.phone }} "
    "ou à {{ creditor.email }}. Si vous avez réglé cette somme entre-temps, merci de nous "
    "indiquer la date et le mode de votre règlement.",
    "closing": "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
    "attention": "À l'attention de {{ debtor.contact }}",
    "ref": "Réf. : {{ letter.reference }}",
    "recall": "Pour mémoire, {{ letter.recall.invoices_phrase }} reste{{ letter.recall.nt }} "
    "impayée{{ letter.recall.s }} malgré {{ letter.recall.previous_notices }}.",
    "subjects": {
        "pre_echeance": "Objet : échéance prochaine – {{ letter.invoices_title }}",
        "relance_1": "Objet : relance – {{ letter.subject_title }} impayée{{ parts[0].s }}",
        "relance_2": "Objet : 2e relance – {{ letter.subject_title }} impayée{{ parts[0].s }}",
        "mise_en_demeure": "Objet : mise en demeure de payer",
        "penalites": "Objet : pénalités de retard – {{ letter.subject_title }}",
        "releve": "Objet : relevé de compte au {{ letter.date_short }}",
        "remerciement": "Objet : confirmation de votre règlement",
    },
    "single": {
        "pre_echeance": [
            "Sauf erreur de notre part, {{ letter.invoices_phrase }} ci-dessous "
            "arrive{{ letter.nt }} à échéance prochainement. Nous nous permettons de vous le "
            "rappeler afin de faciliter votre organisation.",
        ],
        "pre_echeance_request": "Nous vous remercions de bien vouloir prévoir le règlement de "
        "{{ totals.outstanding }} à l'échéance.",
        "releve": [
            "Veuillez trouver ci-dessous le relevé de votre compte à ce jour : les factures et "
            "avoirs non soldés, les règlements reçus sur ces pièces et le solde.",
        ],
        "remerciement": [
            "Nous accusons bonne réception de votre règlement {{ letter.of_invoices }} "
            "ci-dessous, pour un montant de {{ totals.paid }}, et nous vous en remercions.",
            "Votre compte est à jour pour {{ letter.these }}.",
        ],
    },
    "parts": {
        "relance_1": {
            "new": "{% if part.first %}Sauf erreur ou omission de notre part, nous n'avons pas "
            "reçu à ce jour le règlement {{ part.of_invoices }}[below], arrivée{{ part.s }} à "
            "échéance.{% else %}Par ailleurs, {{ part.invoices_phrase }}[below] {{ part.est }} "
            "arrivée{{ part.s }} à échéance sans que nous en ayons reçu le règlement.{% endif %}",
            "reminded": _MALGRE + "reste{{ part.nt }} impayée{{ part.s }} à ce jour.",
            "courteous": "Il s'agit probablement d'un simple oubli ; nous vous remercions de bien "
            "vouloir y remédier.",
            "firm": "Ce retard atteint {{ part.oldest_days_late }} jours : nous vous demandons de "
            "régulariser sans délai.",
            "request": "Nous vous remercions de bien vouloir nous régler la somme de "
            "{{ part.totals.claimed }} [deadline].",
        },
        "relance_2": {
            "new": _STARTS + "reste{{ part.nt }} impayée{{ part.s }} à ce jour.",
            "reminded": _MALGRE + "reste{{ part.nt }} impayée{{ part.s }} à ce jour.",
            "law": {
                "business": "Nous vous rappelons qu'en application de l'article L441-10 du Code "
                "de commerce{% if creditor.terms_of_sale %} et de nos conditions générales de "
                "vente{% endif %}, tout retard de paiement entraîne de plein droit, "
                "sans qu'un rappel soit nécessaire, des pénalités de retard {{ part.rates }}, "
                "dues du lendemain de l'échéance jusqu'au paiement, ainsi qu'une indemnité "
                "forfaitaire pour frais de recouvrement de {{ legal.indemnity_amount }} par "
                "facture (article D441-5 du Code de commerce).",
                "public": "Nous vous rappelons que le dépassement du délai de paiement fait "
                "courir de plein droit des intérêts moratoires (article L2192-13 du Code de la "
                "commande publique), au taux de la Banque centrale européenne majoré de 8 points "
                "(article R2192-31), ainsi qu'une indemnité forfaitaire pour frais de "
                "recouvrement de {{ legal.indemnity_amount }} par facture (article R2192-32).",
                "consumer": "À défaut de règlement, nous serons contraints de vous adresser une "
                "mise en demeure{% if legal.consumer_interest %}, à compter de laquelle la somme "
                "due portera intérêts au taux légal (article 1231-6 du Code civil){% endif %}.",
            },
            "request": "Nous vous demandons de régulariser la situation en nous réglant la "
            "somme de {{ part.totals.claimed }} [deadline].",
        },
        "mise_en_demeure": {
            "new": _STARTS + "demeure{{ part.nt }} impayée{{ part.s }} à ce jour.",
            "reminded": _MALGRE + "demeure{{ part.nt }} impayée{{ part.s }}.",
            "notice": {
                "business": "Par la présente, nous vous mettons en demeure de nous régler la "
                "somme de {{ part.totals.claimed }} ({{ part.totals.claimed_words }}), "
                "comprenant le principal, les pénalités de retard {{ part.rates }} arrêtées "
                "{{ legal.interest_until }} (article L441-10 du Code de commerce"
                "{% if creditor.terms_of_sale %} et nos conditions générales de vente{% endif %}"
                ") et l'indemnité forfaitaire pour frais de recouvrement de "
                "{{ legal.indemnity_amount }} par facture (article D441-5 du Code de commerce), "
                "[deadline]. Ces pénalités sont dues de plein droit depuis le lendemain de "
                "chaque échéance, sans qu'un rappel soit nécessaire, et continuent de courir "
                "jusqu'à parfait paiement.",
                "public": "Par la présente, nous vous mettons en demeure de nous régler la somme "
                "de {{ part.totals.claimed }} ({{ part.totals.claimed_words }}), comprenant le "
                "principal, les intérêts moratoires au taux de la Banque centrale européenne "
                "majoré de 8 points (article R2192-31 du Code de la commande publique) arrêtés "
                "{{ legal.interest_until }} et l'indemnité forfaitaire pour frais de "
                "recouvrement de {{ legal.indemnity_amount }} par facture (article R2192-32), "
                "[deadline]. Ces intérêts sont dus de plein droit dès l'expiration du délai de "
                "paiement (article L2192-13 du même code) et continuent de courir jusqu'au "
                "paiement.",
                "consumer": "Par la présente, nous vous mettons en demeure de nous régler la "
                "somme de {{ part.totals.claimed }} ({{ part.totals.claimed_words }}) "
                "[deadline].{% if legal.consumer_interest %} Conformément à l'article 1231-6 du "
                "Code civil, cette somme porte intérêts au taux légal à compter de la présente "
                "mise en demeure.{% endif %}",
            },
            "route": {
                "business": "À défaut de règlement dans ce délai, nous saisirons la juridiction "
                "compétente d'une requête en injonction de payer, sans autre avis, et nous "
                "demanderons que les frais de la procédure soient mis à votre charge.",
                "public": "À défaut de règlement dans ce délai, nous saisirons le tribunal "
                "administratif compétent d'une demande de référé-provision (article R541-1 du "
                "Code de justice administrative), sans autre avis.",
                "consumer": "À défaut de règlement dans ce délai, nous saisirons la juridiction "
                "compétente d'une requête en injonction de payer, sans autre avis, et nous "
                "demanderons que les frais de la procédure soient mis à votre charge.",
            },
            "formal": {
                "business": "La présente vaut mise en demeure au sens de l'article 1344 du Code civil.",
                "consumer": "La présente vaut mise en demeure au sens de l'article 1344 du Code civil.",
            },
            "mail_intro": "Vous trouverez ci-joint copie de la mise en demeure qui vous est "
            "adressée ce jour par lettre recommandée avec accusé de réception.",
            "mail_notice": "Nous vous y mettons en demeure de nous régler la somme de "
            "{{ part.totals.claimed }} ({{ part.totals.claimed_words }}) [deadline].",
        },
        "penalites": {
            "open": "{% if part.first %}Nous vous remercions du règlement {{ part.of_invoices }}"
            "[below]. Ce règlement nous est toutefois parvenu après l'échéance convenue."
            "{% else %}Par ailleurs, {{ part.invoices_phrase }}[below] {{ part.a }} été "
            "réglée{{ part.s }} après l'échéance.{% endif %}",
            "law": {
                "business": "{% if creditor.terms_of_sale %}Conformément à nos conditions "
                "générales de vente et à l'article L441-10 du Code de commerce{% else %}En "
                "application de l'article L441-10 du Code de commerce{% endif %}, ce retard a "
                "fait courir de plein droit des pénalités de retard {{ part.rates }}, du "
                "lendemain de l'échéance jusqu'au jour du paiement, ainsi que l'indemnité "
                "forfaitaire pour frais de recouvrement de {{ legal.indemnity_amount }} par "
                "facture (article D441-5 du Code de commerce).",
                "public": "Ce retard a fait courir de plein droit des intérêts moratoires "
                "(article L2192-13 du Code de la commande publique), au taux de la Banque "
                "centrale européenne majoré de 8 points (article R2192-31), du lendemain de "
                "l'échéance jusqu'au jour du paiement, ainsi que l'indemnité forfaitaire pour "
                "frais de recouvrement de {{ legal.indemnity_amount }} par facture (article "
                "R2192-32).",
                "consumer": "Conformément à l'article 1231-6 du Code civil, la somme due a porté "
                "intérêts au taux légal à compter de {{ part.previous_notices }} et jusqu'au "
                "jour de votre règlement.",
            },
            "request": "Nous vous remercions de bien vouloir nous régler la somme de "
            "{{ part.totals.claimed }} [deadline].",
        },
    },
    # What the amount of a part with penalties holds, said in the e-mail in one sentence.
    "mail_includes": {
        "business": "Ce montant comprend les pénalités de retard et l'indemnité forfaitaire pour "
        "frais de recouvrement (articles L441-10 et D441-5 du Code de commerce).",
        "public": "Ce montant comprend les intérêts moratoires et l'indemnité forfaitaire pour "
        "frais de recouvrement (articles R2192-31 et R2192-32 du Code de la commande publique).",
        "consumer": "Ce montant comprend les intérêts au taux légal depuis la mise en demeure "
        "(article 1231-6 du Code civil).",
    },
    "mail": {
        "pre_echeance": "Nous vous rappelons que {{ letter.invoices_phrase }}, d'un montant de "
        "{{ totals.outstanding }}, arrive{{ letter.nt }} à échéance le {{ invoices[0].due }}. "
        "Si le règlement est déjà en cours, merci de ne pas tenir compte de ce message.",
        "remerciement": "Nous avons bien reçu votre règlement de {{ totals.paid }} pour "
        "{{ letter.invoices_phrase }} et nous vous en remercions.",
        "payment": "Règlement par virement (IBAN {{ creditor.iban }}, BIC {{ creditor.bic }}, "
        "référence {{ payment.reference }})",
        "online": " ou en ligne : ",
        "attached": "Le courrier est joint à ce message.",
        "regards": "Cordialement,",
    },
    "mail_subjects": {
        "pre_echeance": "Rappel : {{ letter.invoices_title }} à régler{% if letter.count == 1 %} le {{ invoices[0].due }}{% endif %}",
        "relance_1": "Relance : {{ letter.subject_title }}{% if parts[0].count == 1 %} échue le {{ parts[0].invoices[0].due }}{% else %} échues{% endif %}",
        "relance_2": "Deuxième relance : {{ letter.subject_title }} impayée{{ parts[0].s }}",
        "mise_en_demeure": "Mise en demeure de payer : {{ letter.subject_title }}",
        "penalites": "Pénalités de retard : {{ letter.subject_title }} réglée{{ parts[0].s }} après échéance",
        "other": "Merci pour votre règlement : {{ letter.invoices_title }}",
    },
    "below": " ci-dessous",
    "deadline_letter": "{{ part.deadline }}",
    "deadline_mail": "{{ part.deadline_mail }}",
}

EN = {
    "salutation": "Dear Sir or Madam,",
    "greeting": "{% if debtor.contact %}Dear {{ debtor.contact }},{% else %}Dear Sir or Madam,{% endif %}",
    "colon": ": ",
    "page": "Page",
    "registered": "REGISTERED LETTER WITH ACKNOWLEDGEMENT OF RECEIPT",
    "statement_title": "Statement of account at {{ letter.date_short }}",
    "statement_intro": "Annex to the formal notice: every invoice and credit note of "
    "{{ debtor.name }} still open at this date.",
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
        "Days",
        "Interest",
        "Indemnity",
    ],
    "claim_interest_head": "Interest",
    "credits": "Credit notes in your favour, deducted from the total:",
    "credits_table": ["Credit note", "Date", "Description", "Amount"],
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
    "pay_title": "How to pay:",
    "transfer": "by bank transfer to IBAN {{ creditor.iban }} – BIC {{ creditor.bic }}"
    " ({{ creditor.bank }}), quoting the reference {{ payment.reference }};",
    "cheque": "by cheque payable to {{ creditor.cheque_payee }}, sent to the address above "
    "with the reference {{ payment.reference }};",
    "link": "online: {{ payment.link }}",
    "contact": "If you have any question, please call us on {{ creditor.phone }} or write to "
    "{{ creditor.email }}. If you have paid in the meantime, please disregard this letter.",
    "contact_notice": "If you have any question, please call us on {{ creditor.phone }} or "
    "write to {{ creditor.email }}. If you have paid this amount in the meantime, please let "
    "us know the date and means of your payment.",
    "closing": "Yours faithfully,",
    "attention": "For the attention of {{ debtor.contact }}",
    "ref": "Ref.: {{ letter.reference }}",
    "recall": "For the record, {{ letter.recall.invoices_phrase }} "
    "{{ letter.recall.remains }} unpaid despite {{ letter.recall.previous_notices }}.",
    "subjects": {
        "pre_echeance": "Subject: upcoming due date – {{ letter.invoices_title }}",
        "relance_1": "Subject: payment reminder – {{ letter.subject_title }}",
        "relance_2": "Subject: second reminder – {{ letter.subject_title }}",
        "mise_en_demeure": "Subject: formal notice to pay",
        "penalites": "Subject: late-payment interest – {{ letter.subject_title }}",
        "releve": "Subject: statement of account at {{ letter.date_short }}",
        "remerciement": "Subject: payment received – thank you",
    },
    "single": {
        "pre_echeance": [
            "This is a courtesy reminder that {{ letter.invoices_phrase }} below will soon be due.",
        ],
        "pre_echeance_request": "We would be grateful if you could arrange payment of "
        "{{ totals.outstanding }} by the due date.",
        "releve": [
            "Please find below the statement of your account at this date: open invoices and "
            "credit notes, payments received on them, and the balance.",
        ],
        "remerciement": [
            "We confirm receipt of your payment of {{ totals.paid }} for "
            "{{ letter.invoices_phrase }} below, and thank you.",
        ],
    },
    "parts": {
        "relance_1": {
            "new": "{% if part.first %}According to our records, {{ part.invoices_phrase }}"
            "[below] {{ part.is_are }} now overdue.{% else %}In addition, "
            "{{ part.invoices_phrase }}[below] {{ part.has_have }} fallen due and "
            "{{ part.remains }} unpaid.{% endif %}",
            "reminded": _DESPITE + "{{ part.remains }} unpaid.",
            "courteous": "This is probably an oversight.",
            "firm": "This delay has reached {{ part.oldest_days_late }} days: please settle "
            "without delay.",
            "request": "Please pay {{ part.totals.claimed }} [deadline].",
        },
        "relance_2": {
            "new": _EN_STARTS + "{{ part.remains }} unpaid.",
            "reminded": _DESPITE + "{{ part.remains }} unpaid.",
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
                "{% if legal.consumer_interest %}, from which the amount due bears interest at "
                "the legal rate (French Civil Code, article 1231-6){% endif %}.",
            },
            "request": "Please pay {{ part.totals.claimed }} [deadline].",
        },
        "mise_en_demeure": {
            "new": _EN_STARTS + "{{ part.remains }} unpaid.",
            "reminded": _DESPITE + "{{ part.remains }} unpaid.",
            "notice": {
                "business": "We hereby give you formal notice to pay {{ part.totals.claimed }} "
                "({{ part.totals.claimed_words }}), including the principal, interest "
                "{{ part.rates }} {{ legal.interest_until }} (French Commercial Code, article "
                "L441-10{% if creditor.terms_of_sale %}, and our terms of sale{% endif %}) and "
                "the fixed compensation of {{ legal.indemnity_amount }} per invoice (article "
                "D441-5), [deadline]. This interest is due by law from the day after each due "
                "date, without any reminder being needed, and runs until payment in full.",
                "public": "We hereby give you formal notice to pay {{ part.totals.claimed }} "
                "({{ part.totals.claimed_words }}), including the principal, interest at the "
                "European Central Bank rate plus 8 points (French Public Procurement Code, "
                "article R2192-31) {{ legal.interest_until }} and the fixed compensation of "
                "{{ legal.indemnity_amount }} per invoice (article R2192-32), [deadline]. This "
                "interest is due by law once the payment term has expired (article L2192-13) "
                "and runs until payment.",
                "consumer": "We hereby give you formal notice to pay {{ part.totals.claimed }} "
                "({{ part.totals.claimed_words }}) [deadline].{% if legal.consumer_interest %} "
                "Under article 1231-6 of the French Civil Code, this amount bears interest at "
                "the legal rate from this notice.{% endif %}",
            },
            "route": {
                "business": "Failing payment within this period, we will apply to the competent "
                "court for an order for payment (injonction de payer) without further notice.",
                "public": "Failing payment within this period, we will apply to the competent "
                "administrative court for an interim payment (référé-provision, French Code of "
                "Administrative Justice, article R541-1) without further notice.",
                "consumer": "Failing payment within this period, we will apply to the competent "
                "court for an order for payment (injonction de payer) without further notice.",
            },
            "formal": {
                "business": "This letter is a formal notice within the meaning of article 1344 "
                "of the French Civil Code.",
                "consumer": "This letter is a formal notice within the meaning of article 1344 "
                "of the French Civil Code.",
            },
            "mail_intro": "Please find attached a copy of the formal notice sent to you today "
            "by registered letter with acknowledgement of receipt.",
            "mail_notice": "It gives you formal notice to pay {{ part.totals.claimed }} "
            "({{ part.totals.claimed_words }}) [deadline].",
        },
        "penalites": {
            "open": "{% if part.first %}Thank you for your payment of "
            "{{ part.invoices_phrase }}[below]. It reached us, however, after the agreed due "
            "date.{% else %}In addition, {{ part.invoices_phrase }}[below] "
            "{{ part.has_have }} been paid after the due date.{% endif %}",
            "law": {
                "business": "Under {% if creditor.terms_of_sale %}our terms of sale and "
                "{% endif %}article L441-10 of the French Commercial Code, this delay gave rise "
                "by law to late-payment interest {{ part.rates }}, from the day after the due "
                "date until payment, and to the fixed recovery indemnity of "
                "{{ legal.indemnity_amount }} per invoice (article D441-5).",
                "public": "This delay gave rise by law to late-payment interest (French Public "
                "Procurement Code, article L2192-13) at the European Central Bank rate plus 8 "
                "points (article R2192-31), from the day after the due date until payment, and "
                "to the fixed recovery indemnity of {{ legal.indemnity_amount }} per invoice "
                "(article R2192-32).",
                "consumer": "Under article 1231-6 of the French Civil Code, the sum due bore "
                "interest at the legal rate from {{ part.previous_notices }} until the day of "
                "your payment.",
            },
            "request": "We would be grateful if you would pay the sum of "
            "{{ part.totals.claimed }} [deadline].",
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
        "{{ totals.outstanding }}, {{ letter.falls }} due on {{ invoices[0].due }}. If payment "
        "is already on its way, please disregard this message.",
        "remerciement": "We have received your payment of {{ totals.paid }} for "
        "{{ letter.invoices_phrase }}. Thank you.",
        "payment": "Payment by bank transfer (IBAN {{ creditor.iban }}, BIC {{ creditor.bic }}, "
        "reference {{ payment.reference }})",
        "online": " or online: ",
        "attached": "The letter is attached to this message.",
        "regards": "Kind regards,",
    },
    "mail_subjects": {
        "pre_echeance": "Reminder: {{ letter.invoices_title }} due{% if letter.count == 1 %} on {{ invoices[0].due }}{% endif %}",
        "relance_1": "Payment reminder: {{ letter.subject_title }}{% if parts[0].count == 1 %} due on {{ parts[0].invoices[0].due }}{% else %} overdue{% endif %}",
        "relance_2": "Second reminder: {{ letter.subject_title }} unpaid",
        "mise_en_demeure": "Formal notice to pay: {{ letter.subject_title }}",
        "penalites": "Late-payment interest: {{ letter.subject_title }} paid after the due date",
        "other": "Thank you for your payment: {{ letter.invoices_title }}",
    },
    "below": " below",
    "deadline_letter": "{{ part.deadline }}",
    "deadline_mail": "{{ part.deadline_mail }}",
}

SENTENCES = {"fr": FR, "en": EN}
# The kinds of letter that hold parts, and the parts each may hold (its own stage and those
# below, and the penalties of invoices paid late).
PART_KINDS = {
    "relance_1": ("relance_1", "penalites"),
    "relance_2": ("relance_2", "relance_1", "penalites"),
    "mise_en_demeure": ("mise_en_demeure", "relance_2", "relance_1", "penalites"),
    "penalites": ("penalites",),
}
TYPES = ("business", "public", "consumer")
# How a template tells the client's type (debtor.consumer wins, as the ledger reads it).
TYPE_TESTS = {
    "consumer": "debtor.consumer",
    "public": "debtor.public",
    "business": "not debtor.consumer and not debtor.public",
}


def filled(text: str, language: str, *, mail: bool = False) -> str:
    """A sentence with its tokens replaced, for a letter or for an e-mail."""
    t = SENTENCES[language]
    below = "" if mail else t["below"]
    deadline = t["deadline_mail"] if mail else t["deadline_letter"]
    return text.replace("[below]", below).replace("[deadline]", deadline)


__all__ = ["EN", "FR", "PART_KINDS", "SENTENCES", "TYPES", "TYPE_TESTS", "filled"]
