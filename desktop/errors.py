"""The one family of errors a user can cause.

A ``UserError`` carries a message in Chinese and in English and, where it applies, the
file, row and field it concerns.  The command line turns it into exit code 2 and one line;
the GUI into a message box or an inline hint.  Anything else is a bug and is logged in full.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from desktop.common.limits import one_line


class UserError(Exception):
    """An error caused by user input (bad file, bad value, bad argument, unusable database)."""

    def __init__(
        self,
        zh: str,
        en: str | None = None,
        *,
        file: str | None = None,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        self.zh = zh
        self.en = en or zh
        self.file = file
        self.row = row
        self.field = field
        super().__init__(self.message("zh"))

    def where(self, lang: str = "zh") -> str:
        return location(self.file, self.row, self.field, lang)

    def message(self, lang: str = "zh") -> str:
        text = self.zh if lang == "zh" else self.en
        where = self.where(lang)
        return f"{where}: {text}" if where else text


def location(file: str | None, row: int | None, field: str | None, lang: str = "zh") -> str:
    """Where a problem is, in the one wording every message uses:
    ``书目.csv, 第3行, 字段“申请号”`` / ``书目.csv, row 3, field '申请号'``."""
    parts: list[str] = [one_line(file)] if file else []
    if row is not None:
        parts.append(f"第{row}行" if lang == "zh" else f"row {row}")
    if field:
        name = one_line(field)
        parts.append(f"字段“{name}”" if lang == "zh" else f"field '{name}'")
    return ", ".join(parts)


class Cancelled(Exception):
    """Raised inside a job when the user asked to cancel it."""


@dataclass(frozen=True)
class RowProblem:
    """One rejected row of an import, for the report shown after the import."""

    row: int
    field: str | None
    reason_zh: str
    reason_en: str

    def text(self, lang: str = "zh") -> str:
        reason = self.reason_zh if lang == "zh" else self.reason_en
        return f"{location(None, self.row, self.field, lang)}: {reason}"


@dataclass(frozen=True)
class FieldProblem:
    """A problem with one field of a record being entered (client, form, catalogue item).

    ``warn_only`` problems may be confirmed by the user and kept.
    """

    field: str
    zh: str
    en: str
    warn_only: bool = False

    def text(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en


class ValidationFailed(UserError):
    """Raised when a record has field problems; carries all of them."""

    def __init__(self, problems: list[FieldProblem], *, file: str | None = None,
                 row: int | None = None) -> None:
        self.problems = problems
        zh = "；".join(f"{p.field}: {p.zh}" for p in problems)
        en = "; ".join(f"{p.field}: {p.en}" for p in problems)
        super().__init__(zh, en, file=file, row=row)


def _local_hhmm(at: _dt.datetime | None) -> str:
    """A stored (naive UTC) time as the desk's local HH:MM ("?" when unknown)."""
    if at is None:
        return "?"
    if at.tzinfo is None:
        at = at.replace(tzinfo=_dt.UTC)
    return at.astimezone().strftime("%H:%M")


class EditConflict(UserError):
    """A save from a copy that is no longer current (optimistic locking): someone else saved
    the record after it was opened here.  Nothing was written.

    ``mine`` is what this desk tried to save, ``theirs`` what is stored now (plain dicts of
    the editable fields); ``my_version`` is the lock version the copy was read with,
    ``their_version`` the stored one (save again with it to overwrite on purpose)."""

    def __init__(self, what_zh: str, what_en: str, *, mine: dict[str, Any],
                 theirs: dict[str, Any], my_version: int, their_version: int,
                 changed_by: str = "", changed_at: _dt.datetime | None = None) -> None:
        self.mine = mine
        self.theirs = theirs
        self.my_version = my_version
        self.their_version = their_version
        self.changed_by = changed_by
        self.changed_at = changed_at
        when = _local_hhmm(changed_at)
        who_zh = changed_by or "其他用户"
        who_en = changed_by or "someone else"
        super().__init__(f"{what_zh}已被 {who_zh} 于 {when} 修改（你打开后）；未保存。",
                         f"this {what_en} was changed by {who_en} at {when} (after you opened "
                         "it); not saved.")

    def differing(self) -> list[str]:
        """The fields whose saved value differs from the value being saved, in field order."""
        keys = list(dict.fromkeys([*self.mine, *self.theirs]))
        return [k for k in keys if self.mine.get(k) != self.theirs.get(k)]
