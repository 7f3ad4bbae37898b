"""Privacy settings shared by every desk on the database: how long visits keep the
personal data of the people served (个人信息保存期限) before it is anonymised."""

from __future__ import annotations

from db.models import Setting
from db.session import Database
from desktop.errors import FieldProblem, ValidationFailed

RETENTION_KEY = "privacy.visit_retention_days"
DEFAULT_RETENTION_DAYS = 3 * 365  # three years, unless the outlet sets another period
MIN_RETENTION_DAYS = 30


def get_retention_days(db: Database) -> int:
    with db.session() as s:
        row = s.get(Setting, RETENTION_KEY)
    try:
        return int(row.value) if row is not None and row.value.strip() else \
            DEFAULT_RETENTION_DAYS
    except ValueError:
        return DEFAULT_RETENTION_DAYS


def set_retention_days(db: Database, days: int) -> int:
    if not isinstance(days, int) or days < MIN_RETENTION_DAYS:
        raise ValidationFailed([FieldProblem(
            "retention_days", f"保存期限至少为{MIN_RETENTION_DAYS}天",
            f"the retention period is at least {MIN_RETENTION_DAYS} days")])
    with db.session() as s:
        row = s.get(Setting, RETENTION_KEY)
        if row is None:
            s.add(Setting(key=RETENTION_KEY, value=str(days)))
        else:
            row.value = str(days)
    return days
