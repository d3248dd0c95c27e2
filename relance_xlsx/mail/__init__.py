"""E-mail: drafts of the letters as messages, and sending them through SMTP."""

from __future__ import annotations

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
    parse_addresses,
    render_email,
)
from .outbox import (
    Messages,
    draft_run,
    plan_messages,
    without_email,
)
from .pending import Unjournaled, mark_journaled, pending_for_ledger
from .sending import (
    SENT_LOG,
    Delivery,
)

__all__ = [
    "EMAIL_ACTION",
    "SENT_LOG",
    "Delivery",
    "Messages",
    "SendPlan",
    "Unjournaled",
    "draft_run",
    "mark_journaled",
    "parse_addresses",
    "pending_for_ledger",
    "plan_messages",
    "prepare_send_plan",
    "render_email",
    "send_messages",
    "without_email",
]
