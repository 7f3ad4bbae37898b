"""The audit log (审计日志): who did what, when — catalogue edits, client erasure, exports
that include personal data, role and user changes.

Capabilities add an entry inside the session of the change itself (the entry commits, or
rolls back, with it): ``audit.record(session, ctx, "catalogue_edit", code, {...})``.
Reading it is the access capability's (admins only, enforced by PostgreSQL's GRANTs).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from db.models.network import AuditEntry

if TYPE_CHECKING:
    from desktop.context import AppContext

# the actions written today (the audit view names them in Chinese and English)
ACTIONS = {
    "catalogue_edit": ("编辑服务事项", "catalogue item edited"),
    "catalogue_import": ("导入服务事项清单", "catalogue imported"),
    "catalogue_retire": ("停用服务事项", "catalogue item retired"),
    "catalogue_delete": ("删除服务事项", "catalogue item deleted"),
    "catalogue_restore": ("恢复服务事项版本", "catalogue item version restored"),
    "client_erase": ("删除客户档案", "client profile erased"),
    "personal_export": ("导出含个人信息的数据", "export with personal data"),
    "role_setup": ("建立数据库角色", "database roles set up"),
    "user_add": ("新增用户", "user added"),
    "user_role": ("更改用户角色", "user role changed"),
    "user_remove": ("停用用户", "user disabled"),
    "user_enable": ("重新启用用户", "user enabled again"),
    "restore": ("从备份恢复数据", "data restored from a backup"),
    "copy_in": ("并入其他服务台的数据", "another desk's data merged in"),
}


def record(session: Session, ctx: AppContext, action: str, target: str = "",
           detail: dict[str, Any] | str | None = None) -> None:
    """Add one audit entry for ``ctx``'s signed-in user to ``session`` (not committed)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    text = detail if isinstance(detail, str) else json.dumps(detail or {}, ensure_ascii=False,
                                                            sort_keys=True, default=str)
    session.add(AuditEntry(actor=ctx.actor, role=ctx.role, desk=ctx.desk, action=action,
                           target=target[:200], detail=text))
