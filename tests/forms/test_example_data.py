"""The example data of every form: fictional parties with valid codes that match their
region, one code per party and one party per code, application numbers with the right
check digit and one title each — across all forms, so examples never contradict."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from desktop.forms.registry import FormRegistry
from desktop.forms.spec import FormSpec
from desktop.validators.api import check_appno, check_idcard, check_uscc
from tests.forms.test_shipped_forms import REQUIRED_IDS

ID_TYPES = ("uscc", "idcard", "partyid")
# GB/T 2260 codes of the Shanxi cities an address may name
SHANXI_CITIES = {"太原市": "1401", "大同市": "1402", "阳泉市": "1403", "长治市": "1404",
                 "晋城市": "1405", "朔州市": "1406", "晋中市": "1407", "运城市": "1408",
                 "忻州市": "1409", "临汾市": "1410", "吕梁市": "1411"}


def parties(spec: FormSpec) -> list[tuple[str, str, str, str]]:
    """(where, name, code, address) of every party with an identifier in the example."""
    ex: dict[str, Any] = spec.example
    out = []
    for f in spec.fields:
        if f.type == "rows":
            id_cols = [c.id for c in f.columns if c.type in ID_TYPES]
            for i, row in enumerate(ex.get(f.id) or [], start=1):
                for col in id_cols:
                    if row.get(col):
                        out.append((f"{spec.id}.{f.id}[{i}]", str(row.get("name", "")),
                                    str(row[col]), str(row.get("address", ""))))
        elif f.type in ID_TYPES and ex.get(f.id):
            prefix = f.id.rsplit("_", 1)[0]
            name_field = f"{prefix}_name"
            assert spec.field(name_field) is not None, f"{spec.id}: no {name_field} for {f.id}"
            address = ex.get(f"{prefix}_address") or ex.get("address") or ""
            out.append((f"{spec.id}.{f.id}", str(ex[name_field]), str(ex[f.id]), str(address)))
    return out


def _all(catalog: FormRegistry) -> list[tuple[str, str, str, str]]:
    return [p for form_id in REQUIRED_IDS for p in parties(catalog.get(form_id).spec)]


def test_every_example_code_passes_its_validator(catalog: FormRegistry) -> None:
    found = _all(catalog)
    assert len(found) >= len(REQUIRED_IDS)
    for where, name, code, _address in found:
        res = check_idcard(code) if code[:17].isdigit() and code[6:8] in ("19", "20") \
            else check_uscc(code)
        assert res.ok, f"{where} {name} {code}: {res.zh}"  # not even a warning


def test_codes_and_party_names_pair_one_to_one_across_forms(catalog: FormRegistry) -> None:
    names_of: dict[str, set[str]] = defaultdict(set)
    codes_of: dict[str, set[str]] = defaultdict(set)
    for _where, name, code, _address in _all(catalog):
        names_of[code].add(name)
        codes_of[name].add(code)
    assert {c: n for c, n in names_of.items() if len(n) > 1} == {}
    assert {n: c for n, c in codes_of.items() if len(c) > 1} == {}


def test_codes_carry_the_region_of_the_address(catalog: FormRegistry) -> None:
    checked = 0
    for where, name, code, address in _all(catalog):
        city = next((c for c in SHANXI_CITIES if c in address), None)
        if city is None:
            continue
        region = code[:4] if code[:17].isdigit() and code[6:8] in ("19", "20") else code[2:6]
        assert region == SHANXI_CITIES[city], f"{where} {name}: {code} is not from {city}"
        checked += 1
    assert checked >= 8


def test_application_numbers_are_valid_and_name_one_patent(catalog: FormRegistry) -> None:
    titles: dict[str, set[str]] = defaultdict(set)
    for form_id in REQUIRED_IDS:
        spec = catalog.get(form_id).spec
        ex = spec.example
        for f in spec.fields:
            if f.type == "appno" and ex.get(f.id):
                titles[str(ex[f.id])].add(str(ex.get("title", "")))
            elif f.type == "rows":
                for c in f.columns:
                    if c.type == "appno":
                        for row in ex.get(f.id) or []:
                            titles[str(row[c.id])].add(str(row.get("title", "")))
    assert titles
    for number, named in titles.items():
        res = check_appno(number)
        assert res.ok and not res.unverifiable and res.canonical == number, number
        assert len(named - {""}) <= 1, f"{number} names {named}"


@pytest.mark.parametrize("code", ["91350200776049653A", "121400004052004560",
                                  "91440101MA5CJQ4N59", "91140000701012345B"])
def test_the_old_mismatched_codes_are_gone(catalog: FormRegistry, code: str) -> None:
    assert code not in {c for _w, _n, c, _a in _all(catalog)}
