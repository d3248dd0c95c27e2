"""The French sentences of the bundled letters and e-mails (see sentences.py)."""

from __future__ import annotations

_MALGRE = (
    "{% if part.first %}Malgré{% else %}Par ailleurs, malgré{% endif %} "
    "{{ part.previous_reminders }}, {{ part.invoices_phrase }}[below] "
)
_STARTS = (
    "{% if part.first %}{{ part.invoices_phrase_start }}{% else %}Par ailleurs, "
    "{{ part.invoices_phrase }}{% endif %}[below] "
)

FR = {
    "salutation": "{{ debtor.salutation }}",
    "greeting": "{% if debtor.contact %}Bonjour {{ debtor.contact }},{% else %}{{ debtor.salutation }}{% endif %}",
    "colon": " : ",
    "page": "Page",
    "page_of": "sur",  # « Page 2 sur 3 »
    # The continuation header of page 2 and later: « Client — Objet — page 2/3 ».
    "page_short": "page",
    "subject_prefix": "Objet : ",
    "registered": "LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION",
    "statement_title": "Relevé de compte au {{ letter.date }}",
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
        "Retard (j)",
        "Pénalités",
        "Indemnité",
    ],
    # The interest column of a public buyer's or a consumer's claim: not « pénalités ».
    "claim_interest_head": "Intérêts",
    "credits": "Avoirs en votre faveur, déduits du total :",
    "available": "Avoirs disponibles en votre faveur, non déduits de la somme demandée "
    "(indiquez-nous la facture sur laquelle les imputer) :",
    "credits_table": ["N° avoir", "Date", "Objet", "Montant"],
    # Payments on account are imputed by law (ledger/imputation.py): only what exceeds every
    # invoice of the client is left to list.
    "received": "Règlements reçus non imputés (excédent) :",
    "received_table": ["N° pièce", "Date", "Objet", "Montant reçu"],
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
    "partly_paid": "Nous avons bien reçu, en règlement partiel, {{ part.partly_paid }}, dont il "
    "est tenu compte dans le reste dû[below].",
    "penalties_paid": "Déjà réglé par virement sur ces sommes, et déduit ci-dessus : "
    "{{ part.totals.penalties_paid }}.",
    "pay_title": "Modalités de règlement :",
    "transfer": "par virement sur le compte IBAN {{ creditor.iban }} – BIC {{ creditor.bic }}"
    "{{ creditor.bank_line }}, en indiquant en référence : "
    "{{ payment.reference }} ;",
    "cheque": "par chèque à l'ordre {{ creditor.cheque_payee_of }}, adressé à l'adresse "
    "ci-dessus, en joignant la référence {{ payment.reference }}"
    # The list's last item ends with a full stop, the others with « ; ».
    "{% if payment.link %} ;{% else %}.{% endif %}",
    "link": "en ligne : {{ payment.link }}.",
    "contact": "Pour toute question, vous pouvez nous joindre au {{ creditor.phone }} ou à "
    "{{ creditor.email }}. Si votre règlement a été effectué entre-temps, nous vous prions de "
    "ne pas tenir compte de ce courrier.",
    # A statement of account asks for nothing: nothing to disregard, a difference to report.
    "contact_statement": "Pour toute question sur ce relevé, vous pouvez nous joindre au "
    "{{ creditor.phone }} ou à {{ creditor.email }}. Si ce relevé diffère de votre propre "
    "comptabilité, merci de nous le signaler.",
    # A formal notice, or a claim, is never to be disregarded: a payment made since is reported.
    "contact_notice": "Pour toute question, vous pouvez nous joindre au {{ creditor.phone }} "
    "ou à {{ creditor.email }}. Si vous avez réglé cette somme entre-temps, merci de nous "
    "indiquer la date et le mode de votre règlement.",
    "closing": "Nous vous prions d'agréer, {{ debtor.civility }}, l'expression de nos salutations distinguées.",
    "attention": "À l'attention de {{ debtor.contact }}",
    "ref": "Réf. : {{ letter.reference }}",
    # Neutral: the notice's delay may still run (« malgré » would say it was ignored).
    "recall": "Pour mémoire, {{ letter.recall.invoices_phrase }} {% if letter.recall.nt %}font"
    "{% else %}fait{% endif %} l'objet de {{ letter.recall.previous_notices }}.",
    "subjects": {
        "pre_echeance": "Objet : échéance prochaine – {{ letter.invoices_title }}",
        "relance_1": "Objet : relance – {{ letter.subject_title }} impayée{{ parts[0].s }}",
        "relance_2": "Objet : 2e relance – {{ letter.subject_title }} impayée{{ parts[0].s }}",
        "mise_en_demeure": "Objet : mise en demeure de payer",
        "penalites": "Objet : {% if debtor.public %}intérêts moratoires{% elif debtor.consumer %}intérêts de retard{% else %}pénalités de retard{% endif %} – {{ letter.subject_title }}",
        "releve": "Objet : relevé de compte au {{ letter.date }}",
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
            "avoirs non soldés{% if statement.barred_out %} et non prescrits{% endif %}, les "
            "règlements reçus sur ces pièces et le solde.",
        ],
        "remerciement": [
            # After a formal notice: no thanks; the payment came after it.
            "{% if letter.notice.noticed %}Nous accusons réception du règlement "
            "{{ letter.of_invoices }} ci-dessous, objet de {{ letter.notice.previous_notices }}, "
            "pour un montant de {{ totals.paid }}. Ce règlement nous est parvenu "
            "{{ letter.notice.paid_when }}.{% elif letter.reserved %}Nous accusons réception de "
            "votre règlement {{ letter.of_invoices }} ci-dessous, pour un montant de "
            "{{ totals.paid }}. Ce règlement nous est parvenu après l'échéance : "
            "{{ letter.reserved }}.{% else %}Nous accusons bonne réception de votre "
            "règlement {{ letter.of_invoices }} ci-dessous, pour un montant de {{ totals.paid }}, "
            "et nous vous en remercions.{% endif %}",
            # Never said of an invoice paid late: its penalties are still owed (L441-10).
            "{%p if letter.settled %}",
            "Votre compte est à jour pour {{ letter.these }}.",
            "{%p endif %}",
        ],
    },
    "parts": {
        "relance_1": {
            # Part of an invoice paid: its « règlement intégral » was not received, never
            # « le règlement » (the next sentence says what was).
            "new": "{% if part.first %}Sauf erreur ou omission de notre part, nous n'avons pas "
            "reçu à ce jour le règlement{% if part.partly_paid %} intégral{% endif %} "
            "{{ part.of_invoices }}[below], arrivée{{ part.s }} à échéance.{% else %}Par "
            "ailleurs, {{ part.invoices_phrase }}[below] {{ part.est }} arrivée{{ part.s }} à "
            "échéance sans que nous en ayons reçu le règlement{% if part.partly_paid %} "
            "intégral{% endif %}.{% endif %}",
            "reminded": _MALGRE + "reste{{ part.nt }} {{ part.impayee }} à ce jour.",
            "courteous": "Il s'agit probablement d'un simple oubli ; nous vous remercions de bien "
            "vouloir y remédier.",
            # One deadline per stage: the request's date, never « sans délai » before it.
            # Several invoices: their delays differ, only the oldest reaches that many days.
            "firm": "{% if part.s %}Le plus ancien de ces retards atteint{% else %}Ce retard "
            "atteint{% endif %} {{ part.oldest_days_late }} jours : nous vous demandons de "
            "régulariser cette situation.",
            # No « nous vous remercions » to a client under formal notice.
            "request": "{% if letter.under_notice %}Nous vous demandons de nous régler la somme "
            "de {{ part.totals.claimed }} [deadline].{% else %}Nous vous remercions de bien "
            "vouloir nous régler la somme de {{ part.totals.claimed }} [deadline].{% endif %}",
        },
        "relance_2": {
            "new": _STARTS + "reste{{ part.nt }} {{ part.impayee }} à ce jour.",
            "reminded": _MALGRE + "reste{{ part.nt }} {{ part.impayee }} à ce jour.",
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
            "new": _STARTS + "demeure{{ part.nt }} {{ part.impayee }} à ce jour.",
            "reminded": _MALGRE + "demeure{{ part.nt }} {{ part.impayee }}.",
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
            # The court after a notice: a public person (no injonction de payer, no seizure,
            # CGPPP L2311-1) is taken to the administrative court; everyone else, an EPIC
            # or an entreprise publique included, to the judicial one.
            "route": {
                "administrative": "À défaut de règlement dans ce délai, nous saisirons le tribunal "
                "administratif compétent d'une demande de référé-provision (article R541-1 du "
                "Code de justice administrative), sans autre avis.",
                # A debtor abroad (a consumer is sued only where he lives, Brussels I bis, art.
                # 18(2); a business by a route to check): no French injonction de payer.
                "abroad": "À défaut de règlement dans ce délai, nous engagerons une procédure "
                "judiciaire de recouvrement, sans autre avis, et nous demanderons que les frais "
                "de la procédure soient mis à votre charge.",
                "judicial": "À défaut de règlement dans ce délai, nous saisirons la juridiction "
                "compétente d'une requête en injonction de payer, sans autre avis, et nous "
                "demanderons que les frais de la procédure soient mis à votre charge.",
            },
            "formal": {
                # Limited to the notice's invoices when the envelope asks for others too.
                "business": "La présente vaut mise en demeure au sens de l'article 1344 du Code civil{{ part.formal_scope }}.",
                "consumer": "La présente vaut mise en demeure au sens de l'article 1344 du Code civil{{ part.formal_scope }}.",
            },
            "mail_intro": "Vous trouverez ci-joint copie de la mise en demeure qui vous est "
            "adressée ce jour par lettre recommandée avec accusé de réception.",
            # The notice is the registered letter: the e-mail says what it does, it is not it.
            "mail_notice": "La lettre recommandée vous met en demeure de nous régler la somme de "
            "{{ part.totals.claimed }} ({{ part.totals.claimed_words }}) [deadline].",
        },
        "penalites": {
            # Thanks only to a client under no formal notice; after a notice, the payment
            # is said to have come after it, and what remains due is named.
            "open": "{% if part.all_credited %}{{ part.credited }}{% else %}"
            "{% if part.noticed %}{% if part.first %}Le{% else %}Par ailleurs, le"
            "{% endif %} règlement {{ part.of_invoices }}[below], objet de "
            "{{ part.previous_notices }}, nous est parvenu {{ part.paid_when }}. Il ne couvre "
            "que le principal : {{ part.remains }}.{% elif part.thank %}Nous vous remercions du "
            "règlement {{ part.of_invoices }}[below]. Ce règlement nous est toutefois parvenu "
            "après l'échéance.{% elif part.first %}{{ part.invoices_phrase_start }}[below] "
            "{{ part.a }} été réglée{{ part.s }} après l'échéance.{% else %}Par ailleurs, "
            "{{ part.invoices_phrase }}[below] {{ part.a }} été réglée{{ part.s }} après "
            "l'échéance.{% endif %}{% if part.credited %} {{ part.credited }}{% endif %}"
            "{% endif %}",
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
            "request": "{% if part.noticed %}Nous vous demandons de nous régler la somme de "
            "{{ part.totals.claimed }} [deadline].{% else %}Nous vous remercions de bien vouloir "
            "nous régler la somme de {{ part.totals.claimed }} [deadline].{% endif %}",
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
        "{{ totals.outstanding }}, arrive{{ letter.nt }} à échéance le {{ invoices[0].due_long }}. "
        "Si le règlement est déjà en cours, merci de ne pas tenir compte de ce message.",
        "remerciement": "Nous avons bien reçu votre règlement de {{ totals.paid }} pour "
        "{{ letter.invoices_phrase }}{% if letter.notice.noticed %}, objet de "
        "{{ letter.notice.previous_notices }}.{% elif letter.reserved %}, parvenu après "
        "l'échéance : {{ letter.reserved|safe }}.{% else %} et nous vous en remercions."
        "{% endif %}",
        "payment": "Règlement par virement (IBAN {{ creditor.iban }}, BIC {{ creditor.bic }}, "
        "référence {{ payment.reference }})",
        "online": " ou en ligne : ",
        "attached": "Le courrier est joint à ce message.",
        "regards": "Cordialement,",
    },
    "mail_subjects": {
        "pre_echeance": "Rappel : {{ letter.invoices_title }} à régler{% if letter.count == 1 %} le {{ invoices[0].due_long }}{% endif %}",
        "relance_1": "Relance : {{ letter.subject_title }}{% if parts[0].count == 1 %} échue le {{ parts[0].invoices[0].due_long }}{% else %} échues{% endif %}",
        "relance_2": "Deuxième relance : {{ letter.subject_title }} impayée{{ parts[0].s }}",
        "mise_en_demeure": "Mise en demeure de payer : {{ letter.subject_title }}",
        "penalites": "{% if debtor.public %}Intérêts moratoires{% elif debtor.consumer %}Intérêts de retard{% else %}Pénalités de retard{% endif %} : {{ letter.subject_title }} réglée{{ parts[0].s }} après échéance",
        "other": "{% if letter.notice.noticed or letter.reserved %}Règlement reçu{% else %}Merci pour votre règlement{% endif %} : {{ letter.invoices_title }}",
    },
    "below": " ci-dessous",
    "deadline_letter": "{{ part.deadline }}",
    "deadline_mail": "{{ part.deadline_mail }}",
}

__all__ = ["FR"]
