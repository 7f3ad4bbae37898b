"""Working offline: a desk whose server cannot be reached opens on its offline copy, looks
up the catalogue and searches its local index, queues visits, and sends them once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import Visit
from desktop import connection
from desktop.app import open_folder
from desktop.catalogue import api as catalogue
from desktop.cli import main as cli_main
from desktop.clients import api as clients
from desktop.errors import UserError, ValidationFailed
from desktop.library import api as library
from desktop.visits import api as visits


def _visit(question: str, **kw) -> visits.VisitData:  # type: ignore[no-untyped-def]
    return visits.VisitData(officer="李娜", topics=["patent"], question=question, **kw)


def _stored(url: str, tmp: Path) -> list[tuple[str, str | None]]:
    ctx = open_folder(tmp / "check", url)
    try:
        with ctx.db.session() as s:
            return [(q, k) for q, k in s.execute(select(Visit.question, Visit.idem_key)
                                                  .order_by(Visit.id))]
    finally:
        ctx.close()


def test_offline_start_without_any_copy_serves_the_bundled_catalogue(closed_url,
                                                                     tmp_path: Path) -> None:
    ctx = open_folder(tmp_path / "desk", closed_url, offline_ok=True)
    try:
        assert connection.is_offline(ctx)
        assert ctx.db.is_sqlite and ctx.db.sqlite_path == tmp_path / "desk" / "offline.sqlite3"
        items = catalogue.list_items(ctx)
        assert items and catalogue.get_item(ctx, items[0].code).name == items[0].name
        queued = visits.save_visit(ctx, _visit("离线登记")).value
        assert queued.id is None and queued.idem_key
        assert [q.idem_key for q in visits.queued_visits(ctx)] == [queued.idem_key]
        # a bad visit is refused offline too, naming the field; nothing queued
        with pytest.raises(ValidationFailed) as bad:
            visits.save_visit(ctx, _visit("坏", channel="pigeon"))
        assert bad.value.problems[0].field == "channel"
        assert visits.queued_count(ctx) == 1
        # an old visit cannot be changed offline
        with pytest.raises(UserError):
            visits.save_visit(ctx, _visit("改", id=5))
        # anything else is refused offline (the copy is read-only), with the clear sentence
        with pytest.raises(connection.ConnectionLost) as refused:
            connection.call_write(ctx, lambda: clients.save_client(
                ctx, clients.ClientData(name="离线新客户有限公司")))
        assert "你的输入仍保留" in refused.value.message("zh")
        assert clients.list_clients(ctx) == []
        # no local index yet: a clear sentence, not an empty result
        with pytest.raises(UserError) as no_index:
            library.search(ctx, "电池")
        assert "离线" in no_index.value.message("zh")
    finally:
        ctx.close()
    # without offline_ok (the command line) the unreachable server is an error
    with pytest.raises(UserError):
        open_folder(tmp_path / "desk", closed_url)


def test_offline_desk_uses_its_copy_and_index_then_sends_once(pg_url, closed_url,
                                                              tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    import patent_files

    desk = tmp_path / "desk"
    # online: an item edited on the server, a patent list imported and indexed
    ctx = open_folder(desk, pg_url, offline_ok=True)
    try:
        first_item = catalogue.list_items(ctx)[0]
        item = first_item.model_copy(update={"name": first_item.name + "（本省版）"})
        catalogue.save_item(ctx, item)
        f = patent_files.write_patent_file(tmp_path / "p.csv", 50)
        library.import_files(ctx, [f])
        online_hits = library.search(ctx, "一种", limit=5).total
        assert online_hits > 0
        connection.refresh_offline_copy(ctx)  # what a start or a reconnection does
    finally:
        ctx.close()
    # offline: the edited catalogue, the local index, the outbox
    ctx = open_folder(desk, closed_url, offline_ok=True)
    try:
        assert connection.is_offline(ctx)
        assert catalogue.get_item(ctx, item.code).name.endswith("（本省版）")
        assert library.search(ctx, "一种", limit=5).total == online_hits
        first = visits.save_visit(ctx, _visit("离线一")).value
        second = visits.save_visit_for_client(ctx, _visit("离线二"), "晋城新材料科技有限公司").value
    finally:
        ctx.close()
    code = cli_main(["--data-dir", str(desk), "--db", closed_url, "visits", "outbox"])
    assert code == 0
    # the server is back: sent once, a second send adds nothing
    for _ in range(2):
        assert cli_main(["--data-dir", str(desk), "--db", pg_url, "visits", "send"]) == 0
    stored = _stored(pg_url, tmp_path)
    assert stored == [("离线一", first.idem_key), ("离线二", second.idem_key)]
    ctx = open_folder(desk, pg_url)
    try:
        assert visits.queued_count(ctx) == 0
        linked = visits.list_visits(ctx, visits.VisitFilter(text="离线二"))[0]
        assert linked.client_name == "晋城新材料科技有限公司"  # the quick profile, made on sending
    finally:
        ctx.close()


def test_a_replay_after_a_crash_mid_send_adds_nothing(pg_url, closed_url, tmp_path: Path
                                                      ) -> None:
    """The desk died after the server stored the visit but before the outbox row was
    removed: the next send finds the key on the server and only clears the row."""
    desk = tmp_path / "desk"
    ctx = open_folder(desk, closed_url, offline_ok=True)
    try:
        v = visits.save_visit(ctx, _visit("崩溃前")).value
    finally:
        ctx.close()
    box = desk / "outbox.sqlite3"
    with sqlite3.connect(box) as conn:
        saved_row = conn.execute("SELECT * FROM outbox").fetchone()
    ctx = open_folder(desk, pg_url)
    try:
        assert visits.send_queued(ctx).value.sent == 1
        with sqlite3.connect(box) as conn:  # the crash: the row is back as it was
            conn.execute("INSERT INTO outbox VALUES (?, ?, ?, ?, ?, ?)", saved_row)
        report = visits.send_queued(ctx).value
        assert (report.sent, report.already, report.left) == (0, 1, 0)
        with ctx.db.session() as s:
            n = s.execute(select(func.count(Visit.id)).where(
                Visit.idem_key == v.idem_key)).scalar_one()
        assert n == 1
    finally:
        ctx.close()


def test_a_visit_the_server_refuses_stays_queued_with_the_reason(pg_url, closed_url,
                                                                 tmp_path: Path) -> None:
    desk = tmp_path / "desk"
    ctx = open_folder(desk, closed_url, offline_ok=True)
    try:
        visits.save_visit(ctx, _visit("客户已删", client_id=987654))
    finally:
        ctx.close()
    assert cli_main(["--data-dir", str(desk), "--db", pg_url, "visits", "send"]) == 2
    ctx = open_folder(desk, pg_url)
    try:
        [q] = visits.queued_visits(ctx)
        assert "987654" in q.last_error and q.attempts == 1
    finally:
        ctx.close()
