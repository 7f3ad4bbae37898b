"""Rules for a client profile, reusing the identifier validators."""

from __future__ import annotations

import dataclasses

from desktop.clients.model import CLIENT_KINDS, ClientData, field_label
from desktop.errors import FieldProblem
from desktop.validators.api import (
    Check,
    check_email,
    check_idcard,
    check_phone,
    check_postcode,
    check_uscc,
)

MAX_LENGTHS = {"name": 200, "address": 300, "contact_person": 100, "email": 200,
               "industry": 100, "region": 200, "notes": 5000}


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split()) if "\n" not in str(value) else str(value).strip()
    return text or None


def normalise_client(data: ClientData) -> tuple[ClientData, list[FieldProblem]]:
    """Trim and canonicalise every field; return the cleaned record and its problems.

    A credit code failing only its check character is a ``warn_only`` problem: the record
    may be saved once the user confirms (``id_check_confirmed``).
    """
    problems: list[FieldProblem] = []
    out = dataclasses.replace(data)
    for key in ("name", "id_number", "address", "postcode", "contact_person", "phone",
                "email", "industry", "region", "notes"):
        setattr(out, key, _clean(getattr(out, key)))

    if not out.name:
        problems.append(FieldProblem("name", "名称不能为空", "the name is required"))
    if out.kind not in CLIENT_KINDS:
        label = "、".join(zh for zh, _ in CLIENT_KINDS.values())
        problems.append(FieldProblem("kind", f"类型应为：{label}",
                                     "type must be one of: " + ", ".join(CLIENT_KINDS)))

    def apply(key: str, check: Check) -> None:
        if check.ok:
            setattr(out, key, check.canonical)
        elif check.warn_only:
            setattr(out, key, check.canonical)
            if not out.id_check_confirmed:
                problems.append(FieldProblem(key, check.zh, check.en, warn_only=True))
        else:
            problems.append(FieldProblem(key, check.zh, check.en))

    if out.id_number:
        if out.kind == "individual":
            apply("id_number", check_idcard(out.id_number))
        else:
            apply("id_number", check_uscc(out.id_number))
    if out.postcode:
        apply("postcode", check_postcode(out.postcode))
    if out.phone:
        apply("phone", check_phone(out.phone))
    if out.email:
        apply("email", check_email(out.email))
    for key, limit in MAX_LENGTHS.items():
        value = getattr(out, key)
        if value and len(value) > limit:
            problems.append(FieldProblem(
                key, f"{field_label(key)}不能超过{limit}个字符（现为{len(value)}个）",
                f"{field_label(key, 'en')} is limited to {limit} characters ({len(value)} given)"))
    return out, problems
