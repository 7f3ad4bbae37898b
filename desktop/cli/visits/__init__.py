"""The ``visits`` subcommands, one module per group of actions (the log, the report and
statistics, the knowledge base); each exposes ``register(actions)`` for the ``visits``
group's sub-parsers."""

from __future__ import annotations

import datetime as _dt

from desktop.errors import UserError


def date_option(text: str | None, option: str) -> _dt.date | None:
    """The date given to ``--option`` (None when absent); an impossible or unreadable one is
    a ``UserError`` naming the option (exit 2)."""
    from desktop.visits import api as visits

    if text is None:
        return None
    found = visits.parse_day(text)
    if found is None:
        raise UserError(f"“{text}”不是有效日期（例如 2026-03-01）",
                        f"'{text}' is not a valid date (e.g. 2026-03-01)", field=option)
    return found
