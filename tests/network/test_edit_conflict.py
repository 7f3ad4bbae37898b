"""Optimistic locking: two desks on one database edit the same client / catalogue item; the
second save is refused with both versions, nothing is silently overwritten."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.app import open_folder
from desktop.catalogue import api as catalogue
from desktop.clients import api as clients
from desktop.context import AppContext
from desktop.errors import EditConflict


@pytest.fixture(params=["sqlite", "postgres"])
def two_desks(request, tmp_path: Path) -> Iterator[tuple[AppContext, AppContext]]:  # type: ignore[no-untyped-def]
    """Desk A and desk B: two contexts (two data folders) on one database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_url")
    a = open_folder(tmp_path / "desk_a", url)
    b = open_folder(tmp_path / "desk_b", url)
    a.actor, a.desk = "王明", "desk-a"
    b.actor, b.desk = "李华", "desk-b"
    yield a, b
    a.close()
    b.close()


def test_second_client_save_gets_a_conflict_with_both_versions(two_desks) -> None:  # type: ignore[no-untyped-def]
    a, b = two_desks
    cid = clients.save_client(a, clients.ClientData(name="太原煤化科技有限公司", phone="13812345678")).value.id
    assert cid is not None
    mine_a = clients.get_client(a, cid)
    mine_b = clients.get_client(b, cid)
    assert mine_a.lock_version == mine_b.lock_version == 1
    mine_a.phone = "13900000001"
    saved = clients.save_client(a, mine_a).value
    assert saved.lock_version == 2 and saved.updated_by == "王明"
    mine_b.phone = "13900000002"
    mine_b.region = "太原高新区"
    with pytest.raises(EditConflict) as caught:
        clients.save_client(b, mine_b)
    exc = caught.value
    assert exc.my_version == 1 and exc.their_version == 2
    assert exc.mine["phone"] == "13900000002" and exc.theirs["phone"] == "13900000001"
    assert set(exc.differing()) == {"phone", "region"}
    assert exc.changed_by == "王明"
    assert "该客户档案已被 王明 于" in exc.message("zh") and "未保存" in exc.message("zh")
    assert "changed by 王明" in exc.message("en")
    stored = clients.get_client(a, cid)
    assert stored.phone == "13900000001" and stored.region is None  # nothing overwritten
    # overwrite on purpose: save again on top of the version now stored
    mine_b.lock_version = exc.their_version
    again = clients.save_client(b, mine_b).value
    assert again.phone == "13900000002" and again.lock_version == 3
    assert again.updated_by == "李华"


def test_a_save_racing_between_read_and_write_is_caught(pg_url: str, tmp_path: Path,
                                                        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The version is checked by the UPDATE itself (WHERE lock_version = …): another desk
    committing after this desk's check still cannot be overwritten.  (On SQLite one writer
    at a time: the race cannot happen.)"""
    from desktop.clients import service

    a = open_folder(tmp_path / "desk_a", pg_url)
    b = open_folder(tmp_path / "desk_b", pg_url)
    try:
        cid = clients.save_client(a, clients.ClientData(name="某企业")).value.id
        assert cid is not None
        mine_b = clients.get_client(b, cid)
        real_apply = service.apply_fields
        raced: list[bool] = []

        def apply_then_race(row, data):  # type: ignore[no-untyped-def]
            if not raced:  # B has checked the version; A commits before B's UPDATE
                raced.append(True)
                other = clients.get_client(a, cid)
                other.notes = "A 在此刻保存"
                clients.save_client(a, other)
            real_apply(row, data)

        monkeypatch.setattr(service, "apply_fields", apply_then_race)
        mine_b.notes = "B 的备注"
        with pytest.raises(EditConflict) as caught:
            clients.save_client(b, mine_b)
        assert raced and caught.value.theirs["notes"] == "A 在此刻保存"
        assert caught.value.their_version == 2
        assert clients.get_client(a, cid).notes == "A 在此刻保存"
    finally:
        a.close()
        b.close()


def test_second_catalogue_save_gets_a_conflict(two_desks) -> None:  # type: ignore[no-untyped-def]
    a, b = two_desks
    code = catalogue.list_items(a)[0].code
    ed_a = catalogue.get_item_for_edit(a, code)
    ed_b = catalogue.get_item_for_edit(b, code)
    assert ed_a.lock_version == ed_b.lock_version
    mine_a = ed_a.item.model_copy(update={"fees": "免费（A 修改）"})
    catalogue.save_item(a, mine_a, lock_version=ed_a.lock_version)
    mine_b = ed_b.item.model_copy(update={"fees": "免费（B 修改）", "time_limit": "当场办结"})
    with pytest.raises(EditConflict) as caught:
        catalogue.save_item(b, mine_b, lock_version=ed_b.lock_version)
    exc = caught.value
    assert exc.my_version == ed_b.lock_version and exc.their_version == ed_b.lock_version + 1
    assert exc.theirs["fees"] == "免费（A 修改）" and exc.mine["fees"] == "免费（B 修改）"
    assert "fees" in exc.differing() and "time_limit" in exc.differing()
    assert exc.changed_by == "王明" and "该服务事项已被 王明" in exc.message("zh")
    assert catalogue.get_item(b, code).fees == "免费（A 修改）"
    catalogue.save_item(b, mine_b, lock_version=exc.their_version)
    assert catalogue.get_item(a, code).fees == "免费（B 修改）"
    assert catalogue.get_item_for_edit(a, code).updated_by == "李华"


def test_cli_edit_with_a_stale_version_exits_2(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    data = str(tmp_path / "data")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(root / "main.py"), "--data-dir", data, *args],
                              capture_output=True, text=True, timeout=120)

    assert run("clients", "add", "太原煤化科技有限公司").returncode == 0
    shown = json.loads(run("clients", "show", "1", "--json").stdout)
    assert shown["lock_version"] == 1
    ok = run("clients", "edit", "1", "--phone", "13812345678", "--lock-version", "1")
    assert ok.returncode == 0, ok.stderr
    stale = run("clients", "edit", "1", "--phone", "13900000000", "--lock-version", "1")
    assert stale.returncode == 2
    assert "该客户档案已被" in stale.stderr and "未保存" in stale.stderr
    assert "13812345678" in stale.stderr and "Traceback" not in stale.stderr
    assert json.loads(run("clients", "show", "1", "--json").stdout)["phone"] == "13812345678"
