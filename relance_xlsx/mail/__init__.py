"""E-mail: drafts of the letters as messages, and sending them through SMTP."""

from __future__ import annotations

from .attachments import (
    Attachment,
    attachment_root,
    check_attachment,
)
from .dispatch import (
    EMAIL_ACTION,
    SendPlan,
)
from .dispatch import (
    prepare_send as prepare_send_plan,
)
from .dispatch import (
    send as send_messages,
)
from .emails import (
    Draft,
    drafts_of,
    parse_addresses,
    render_email,
)
from .hints import page_words
from .outbox import (
    Messages,
    draft_run,
    plan_messages,
    waiting_for_address,
    without_email,
)
from .password import (
    PASSWORD_ENV,
    keyring_name,
    password_known,
    save_password,
    system_keyring,
)
from .pending import Unjournaled, mark_journaled, pending_for_ledger
from .sending import (
    SENT_LOG,
    Delivery,
)
from .trial import send_test_message

__all__ = [
    "EMAIL_ACTION",
    "PASSWORD_ENV",
    "SENT_LOG",
    "Attachment",
    "Delivery",
    "Draft",
    "Messages",
    "SendPlan",
    "Unjournaled",
    "attachment_root",
    "check_attachment",
    "draft_run",
    "drafts_of",
    "keyring_name",
    "mark_journaled",
    "page_words",
    "parse_addresses",
    "password_known",
    "pending_for_ledger",
    "plan_messages",
    "prepare_send_plan",
    "render_email",
    "save_password",
    "send_messages",
    "send_test_message",
    "system_keyring",
    "waiting_for_address",
    "without_email",
]
