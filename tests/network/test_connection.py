"""Connection loss: what counts as a lost connection, one retry for reads and none for
writes, and a real PostgreSQL stopped and started again during a session."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import IntegrityError, OperationalError

from db.models import Visit, VisitTopic
from desktop import connection
from desktop.app import open_folder
from desktop.errors import UserError
from desktop.visits import api as visits


def _op_error(text: str) -> OperationalError:
    return OperationalError("SELECT 1", {}, Exception(text))


def test_transient_errors_are_told_from_the_rest() -> None:
    assert connection.is_transient(_op_error(
        "server closed the connection unexpectedly\n\tThis probably means the server "
        "terminated abnormally"))
    assert connection.is_transient(_op_error(
        'connection failed: connection to server at "127.0.0.1", port 5 failed: '
        "Connection refused"))
    assert connection.is_transient(_op_error(
        "terminating connection due to administrator command"))
    # a locked SQLite file, a broken constraint, a bug: not a lost connection
    locked = OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))
    assert not connection.is_transient(locked)
    assert not connection.is_transient(IntegrityError("INSERT", {}, Exception("duplicate key")))
    assert not connection.is_transient(ValueError("connection refused"))
    # a wrong password is not the server being away: the desk must not go offline for it
    assert not connection.is_transient(_op_error(
        'connection failed: connection to server at "127.0.0.1", port 5432 failed: FATAL:  '
        'password authentication failed for user "officer1"'))


def test_a_read_is_retried_once_a_write_never(ctx) -> None:
    calls: list[int] = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) == 1:
            raise _op_error("server closed the connection unexpectedly")
        return "ok"

    assert connection.call_read(ctx, flaky) == "ok" and len(calls) == 2

    def always_down() -> str:
        calls.append(1)
        raise _op_error("server closed the connection unexpectedly")

    calls.clear()
    with pytest.raises(connection.ConnectionLost) as read_err:
        connection.call_read(ctx, always_down)
    assert len(calls) == 2 and "连接中断" in read_err.value.message("zh")
    calls.clear()
    with pytest.raises(connection.ConnectionLost) as write_err:
        connection.call_write(ctx, always_down)
    assert len(calls) == 1
    assert "你的输入仍保留" in write_err.value.message("zh")
    assert "input is kept" in write_err.value.message("en")
    # other errors pass through untouched
    with pytest.raises(ZeroDivisionError):
        connection.call_write(ctx, lambda: 1 / 0)


def test_backoff_doubles_up_to_the_most() -> None:
    b = connection.Backoff(first=2, most=10)
    assert [b.next_delay() for _ in range(5)] == [2, 4, 8, 10, 10]
    b.reset()
    assert b.next_delay() == 2


def test_state_callbacks_fire_on_change_only(ctx) -> None:
    net = connection.Network(server_url="postgresql+psycopg://x@127.0.0.1:1/x")
    seen: list[bool] = []
    net.on_change(seen.append)
    assert net.set_online(False) and not net.set_online(False)
    assert net.set_online(True)
    assert seen == [False, True]
    assert not connection.is_offline(ctx)  # a SQLite desk is never offline
    assert connection.check(ctx)


def _visit(question: str) -> visits.VisitData:
    return visits.VisitData(officer="王芳", topics=["patent", "trademark"], question=question)


def _count(ctx) -> int:  # type: ignore[no-untyped-def]
    with ctx.db.session() as s:
        return int(s.execute(select(func.count(Visit.id))).scalar_one())


def test_server_stopped_and_started_during_a_session(pg_url, pg_server, tmp_path: Path
                                                     ) -> None:
    ctx = open_folder(tmp_path / "desk", pg_url)
    try:
        visits.save_visit(ctx, _visit("停机前"))
        pg_server.stop()
        with pytest.raises(connection.ConnectionLost) as read_err:
            connection.call_read(ctx, lambda: visits.list_visits(ctx))
        assert "连接中断" in read_err.value.message("zh")
        with pytest.raises(connection.ConnectionLost) as write_err:
            connection.call_write(ctx, lambda: visits.save_visit(ctx, _visit("停机时")))
        assert "连接恢复后可再保存" in write_err.value.message("zh")
        assert connection.is_offline(ctx)  # the failure turned the desk offline
        pg_server.start()
        assert connection.go_online(ctx) and not connection.is_offline(ctx)
        saved = connection.call_write(ctx, lambda: visits.save_visit(ctx, _visit("恢复后"))).value
        assert saved.id is not None and saved.idem_key
        found = [v.question for v in visits.list_visits(ctx)]
        assert sorted(found) == ["停机前", "恢复后"]  # nothing of the failed save
    finally:
        ctx.close()


def test_a_connection_cut_mid_save_leaves_no_half_written_visit(pg_url, tmp_path: Path
                                                                ) -> None:
    """The server ends the session between the visit's row and its topics: nothing of
    the visit is stored, the error is the clear one, and the next save works."""
    import psycopg

    ctx = open_folder(tmp_path / "desk", pg_url)
    admin = psycopg.connect(pg_url, autocommit=True)
    cut = {"armed": True}

    def kill_between(conn, cursor, statement, params, context, executemany):  # type: ignore[no-untyped-def]
        if cut["armed"] and statement.lstrip().upper().startswith("INSERT INTO VISIT_TOPICS"):
            cut["armed"] = False
            pid = conn.connection.dbapi_connection.info.backend_pid
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))

    event.listen(ctx.db.engine, "before_cursor_execute", kill_between)
    try:
        before = _count(ctx)
        with pytest.raises(connection.ConnectionLost):
            connection.call_write(ctx, lambda: visits.save_visit(ctx, _visit("断线中")))
        assert not cut["armed"]  # the cut really happened mid-save
        assert _count(ctx) == before
        with ctx.db.session() as s:
            orphans = s.execute(select(func.count()).select_from(VisitTopic)).scalar_one()
        assert orphans == 0
        connection.go_online(ctx)
        visits.save_visit(ctx, _visit("重试"))
        assert _count(ctx) == before + 1
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", kill_between)
        admin.close()
        ctx.close()


def test_a_retried_save_with_the_same_key_is_stored_once(ctx) -> None:
    """The answer to a save got lost after the commit: saving again with the visit's key
    stores nothing new."""
    data = _visit("一次")
    first = visits.save_visit(ctx, data).value
    again = data.copy()
    again.idem_key = first.idem_key
    second = visits.save_visit(ctx, again).value
    assert second.id == first.id and _count(ctx) == 1


def test_cli_says_clearly_when_the_server_is_away(closed_url, tmp_path: Path, capsys) -> None:
    from desktop.cli import main as cli_main

    code = cli_main(["--data-dir", str(tmp_path / "d"), "--db", closed_url, "visits", "list"])
    err = capsys.readouterr().err
    assert code == 2 and "无法连接数据库服务器" in err and "Traceback" not in err


def test_user_error_is_not_mistaken_for_a_lost_connection() -> None:
    assert not connection.is_transient(UserError("客户编号9不存在", "no client #9"))
