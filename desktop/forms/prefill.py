"""Client pre-fill: copy a client profile's fields into the form fields that name them."""

from __future__ import annotations

from typing import Any

from desktop.forms.fields import is_blank
from desktop.forms.spec import FieldSpec, FormSpec

# client kinds as the forms' choice lists spell them (choices also accept the English key)
KIND_ZH = {"enterprise": "企业", "institution": "事业单位", "university": "大专院校",
           "individual": "个人", "agency": "代理机构"}


def client_value(client: Any, attr: str) -> Any:
    value = getattr(client, attr, None)
    if attr == "kind" and isinstance(value, str):
        return KIND_ZH.get(value, value)
    return value


def _fill(target: dict[str, Any], f: FieldSpec, client: Any, overwrite: bool) -> None:
    if f.prefill is None:
        return
    value = client_value(client, f.prefill)
    if not is_blank(value) and (overwrite or is_blank(target.get(f.id))):
        target[f.id] = value


def prefill(spec: FormSpec, client: Any, data: dict[str, Any] | None = None, *,
            overwrite: bool = False) -> dict[str, Any]:
    """``data`` with blanks filled from ``client`` (a ``desktop.clients.ClientData``).

    Rows fields get the client in their first row.  Typed values win unless ``overwrite``.
    """
    out = dict(data or {})
    for f in spec.fields:
        if f.type != "rows":
            _fill(out, f, client, overwrite)
            continue
        if not any(c.prefill for c in f.columns):
            continue
        rows = [dict(r) for r in out.get(f.id) or [] if isinstance(r, dict)]
        first = rows[0] if rows else {}
        for c in f.columns:
            _fill(first, c, client, overwrite)
        out[f.id] = [first] + rows[1:]
    return out


def party_name(spec: FormSpec, values: dict[str, Any]) -> str:
    """The name of the party the document is for (for file names and history)."""
    for f in spec.fields:
        if f.prefill == "name" and values.get(f.id):
            return str(values[f.id])
        if f.type == "rows" and values.get(f.id):
            for c in f.columns:
                if c.prefill == "name" and values[f.id][0].get(c.id):
                    return str(values[f.id][0][c.id])
    return ""
