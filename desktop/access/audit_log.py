"""Reading the audit log (administrators only; PostgreSQL enforces it too)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from sqlalchemy import select

from db.models import AuditEntry
from desktop.access.permissions import for_role, role_label
from desktop.audit import ACTIONS
from desktop.context import AppContext
from desktop.errors import UserError

MAX_ROWS = 5000


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: _dt.datetime
    actor: str
    role: str
    desk: str
    action: str
    target: str
    detail: str

    def action_label(self, lang: str = "zh") -> str:
        zh, en = ACTIONS.get(self.action, (self.action, self.action))
        return zh if lang == "zh" else en


def need_audit_reader(ctx: AppContext) -> None:
    if not for_role(ctx.role).can_read_audit:
        raise UserError(f"只有管理员可以查看审计日志（你的角色：{role_label(ctx.role)}）",
                        f"only administrators can read the audit log (your role: "
                        f"{role_label(ctx.role, 'en')})")


def check_action(action: str) -> str:
    if action and action not in ACTIONS:
        raise UserError(f"没有这种审计操作“{action}”（可用：{', '.join(ACTIONS)}）",
                        f"no audit action {action!r} (known: {', '.join(ACTIONS)})",
                        field="--action")
    return action


def list_entries(ctx: AppContext, *, since: _dt.date | None = None, action: str = "",
                 limit: int = MAX_ROWS) -> list[AuditRow]:
    """Entries newest first, from ``since`` (a day, inclusive) and of ``action`` only."""
    need_audit_reader(ctx)
    check_action(action)
    stmt = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if since is not None:
        stmt = stmt.where(AuditEntry.at >= _dt.datetime.combine(since, _dt.time()))
    if action:
        stmt = stmt.where(AuditEntry.action == action)
    with ctx.db.session() as s:
        return [AuditRow(r.id, r.at, r.actor, r.role, r.desk, r.action, r.target, r.detail)
                for r in s.execute(stmt).scalars()]
