"""Inserting many rows at once, fast on both dialects.

PostgreSQL: ``COPY … FROM STDIN`` on the session's own connection (in its transaction), with
ids taken from the table's sequence beforehand when the caller needs them; an
``INSERT … VALUES`` of thousands of rows costs psycopg more in parsing the statement than
the server in storing it.  SQLite: an ordinary ``executemany``.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import JSON, Integer, Table, insert, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, OperationalError


def _pg(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def copy_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table``."""
    if not rows:
        return
    if not _pg(conn):
        conn.execute(insert(table), rows)
        return
    from psycopg import sql

    cols = list(rows[0])
    as_json = {c for c in cols if isinstance(table.c[c].type, JSON)}
    stmt = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(sql.Identifier(c) for c in cols))
    import psycopg

    raw = conn.connection.driver_connection
    assert raw is not None
    try:
        with raw.cursor() as cur, cur.copy(stmt) as cp:
            for row in rows:
                cp.write_row([json.dumps(row[c]) if c in as_json and row[c] is not None
                              else row[c] for c in cols])
    except psycopg.OperationalError as exc:  # as SQLAlchemy would raise it (connection lost…)
        raise OperationalError(f"COPY {table.name}", None, exc) from exc
    except psycopg.Error as exc:
        raise DBAPIError(f"COPY {table.name}", None, exc) from exc


def insert_with_ids(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` (no ids) and return the ids they got, in order."""
    if not rows:
        return []
    pk = next(iter(table.primary_key.columns))
    if not _pg(conn):
        stmt = insert(table).returning(pk, sort_by_parameter_order=True)
        return [int(r[0]) for r in conn.execute(stmt, rows)]
    ids = [int(i) for i in conn.execute(text(
        "SELECT nextval(pg_get_serial_sequence(:t, :c)) FROM generate_series(1, :n)"),
        {"t": table.name, "c": pk.name, "n": len(rows)}).scalars()]
    copy_rows(conn, table, [r | {pk.name: i} for r, i in zip(rows, ids, strict=True)])
    return ids


def reset_sequences(conn: Connection, tables: list[Table]) -> None:
    """Move each serial/identity sequence past the largest id now in its table."""
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, Integer):
            continue
        col = pk[0].name
        seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                           {"t": table.name, "c": col}).scalar()
        if seq:
            conn.execute(text(f'SELECT setval(:s, COALESCE((SELECT MAX("{col}") FROM '
                              f'"{table.name}"), 0) + 1, false)'), {"s": seq})
