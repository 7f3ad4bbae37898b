"""The validators' front door: identifier rules (facts.md §5), Qt-free and without I/O.

Every validator takes any value and returns a :class:`Check` saying whether it is valid,
its canonical form and, when not, exactly what is wrong in Chinese and English.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.validators.classification import check_ipc, check_ipc_list, check_nice, ipc_prefixes
from desktop.validators.contact import check_email, check_phone, check_postcode
from desktop.validators.identity import check_idcard, check_uscc
from desktop.validators.patents import (
    PATENT_TYPES,
    appno_check_digit,
    appno_key,
    check_appno,
    check_pubno,
    pubno_key,
)
from desktop.validators.result import Check

VALIDATORS: dict[str, Callable[[object], Check]] = {
    "appno": check_appno,
    "pubno": check_pubno,
    "uscc": check_uscc,
    "idcard": check_idcard,
    "ipc": check_ipc_list,  # one symbol, or several separated by ;
    "nice": check_nice,
    "phone": check_phone,
    "postcode": check_postcode,
    "email": check_email,
}

__all__ = [
    "PATENT_TYPES", "Check", "VALIDATORS", "validate", "appno_check_digit", "appno_key", "check_appno",
    "check_pubno", "pubno_key", "check_uscc", "check_idcard", "check_ipc", "check_ipc_list",
    "check_nice",
    "ipc_prefixes", "check_phone", "check_postcode", "check_email",
]


def validate(kind: str, value: object) -> Check:
    """Validate ``value`` as ``kind`` (a key of :data:`VALIDATORS`)."""
    try:
        fn = VALIDATORS[kind]
    except KeyError:
        raise ValueError(f"unknown validator kind {kind!r}") from None
    return fn(value)
