"""The portable archive: every table of a database in one zip file, readable on any dialect.

Layout: ``manifest.json`` (format, app version, schema revision, created_at, source dialect,
per table its columns with their kinds, row count and the SHA-256 of its file) and one JSON
Lines file per table, ``tables/NN-<table>.jsonl``, in dependency order (parents first).
Each line is one row as a JSON object; a value's kind (``date``, ``datetime``, ``bool``,
``int``, ``json``, ``str``) is given by the manifest, so dates, datetimes (microseconds
included), booleans and JSON documents come back exactly.

Everything streams: rows are read with ``yield_per`` and written ``CHUNK`` at a time, and a
restore reads the file back the same way, so 100,000 library records are never all in memory.
This module is plain table-level code; what a backup or a restore means for the app (the
revision check, the audit entry, the output file) is :mod:`desktop.transfer`.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import json
import logging
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Integer,
    Table,
    create_engine,
    event,
    func,
    select,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, OperationalError

import db.models  # noqa: F401  (registers every table on the metadata)
from db.base import Base
from db.bulk import copy_rows, reset_sequences
from db.session import Database
from desktop.errors import Cancelled as CancelledError
from desktop.errors import UserError

log = logging.getLogger(__name__)

FORMAT = "ipdesk-archive"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNK = 2000
# the archive of one database can be large, its manifest never is
MAX_MANIFEST_BYTES = 4 * 1024 * 1024

Progress = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]


def _no_progress(_done: int, _total: int, _text: str) -> None:
    return None


def _never() -> bool:
    return False


def data_tables() -> list[Table]:
    """Every table of the app's schema, parents before the tables that refer to them."""
    return list(Base.metadata.sorted_tables)


def column_kind(col: Any) -> str:
    t = col.type
    if isinstance(t, JSON):
        return "json"
    if isinstance(t, DateTime):
        return "datetime"
    if isinstance(t, Date):
        return "date"
    if isinstance(t, Boolean):
        return "bool"
    if isinstance(t, Integer):
        return "int"
    return "str"


def table_columns(table: Table) -> list[tuple[str, str]]:
    return [(c.name, column_kind(c)) for c in table.columns]


def decode(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "datetime":
        return _dt.datetime.fromisoformat(value)
    if kind == "date":
        return _dt.date.fromisoformat(value)
    if kind == "bool":
        return bool(value)
    if kind == "int":
        return int(value)
    return value


@dataclass
class TableEntry:
    name: str
    file: str
    rows: int
    sha256: str
    columns: list[tuple[str, str]]


@dataclass
class Manifest:
    app_version: str
    schema_revision: list[str]
    created_at: str
    source_dialect: str
    source: str = ""
    desk: str = ""
    actor: str = ""
    tables: list[TableEntry] = field(default_factory=list)
    format: str = FORMAT
    format_version: int = FORMAT_VERSION

    @property
    def counts(self) -> dict[str, int]:
        return {t.name: t.rows for t in self.tables}

    @property
    def total_rows(self) -> int:
        return sum(t.rows for t in self.tables)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Manifest:
        tables = [TableEntry(name=str(t["name"]), file=str(t["file"]), rows=int(t["rows"]),
                             sha256=str(t["sha256"]),
                             columns=[(str(c[0]), str(c[1])) for c in t["columns"]])
                  for t in raw["tables"]]
        return cls(app_version=str(raw["app_version"]),
                   schema_revision=[str(r) for r in raw["schema_revision"]],
                   created_at=str(raw["created_at"]), source_dialect=str(raw["source_dialect"]),
                   source=str(raw.get("source", "")), desk=str(raw.get("desk", "")),
                   actor=str(raw.get("actor", "")), tables=tables,
                   format=str(raw["format"]), format_version=int(raw["format_version"]))


# -- reading a database consistently ---------------------------------------------------

@contextmanager
def snapshot(database: Database) -> Iterator[Connection]:
    """A connection that sees one consistent state of the whole database while it reads.

    PostgreSQL: a REPEATABLE READ, read-only transaction.  SQLite: a separate engine whose
    transaction really begins at BEGIN (pysqlite otherwise runs each SELECT on its own), so
    in WAL mode every table is read from the same snapshot while other writers go on."""
    if database.is_sqlite:
        engine = create_engine(database.url)

        @event.listens_for(engine, "connect")
        def _connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN")

        try:
            with engine.connect() as conn, conn.begin():
                yield conn
        finally:
            engine.dispose()
        return
    with database.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        with conn.begin():
            yield conn


# -- writing -----------------------------------------------------------------------------

def write_archive(conn: Connection, out: IO[bytes], manifest: Manifest,
                  progress: Progress = _no_progress, cancelled: CancelledFn = _never) -> Manifest:
    """Write every table read through ``conn`` into the zip stream ``out``; fills in
    ``manifest.tables`` and writes the manifest last."""
    tables = data_tables()
    counts = {t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
              for t in tables}
    total, done = sum(counts.values()), 0
    manifest.tables = []
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=3) as zf:
        for i, table in enumerate(tables):
            cols = table_columns(table)
            names = [c for c, _k in cols]
            dated = [(i, c) for i, (c, k) in enumerate(cols) if k in ("date", "datetime")]
            name = f"tables/{i:02d}-{table.name}.jsonl"
            digest, rows = hashlib.sha256(), 0
            with zf.open(name, "w", force_zip64=True) as fh:
                stmt = select(table).order_by(*table.primary_key.columns)
                result = conn.execute(stmt.execution_options(yield_per=CHUNK))
                for part in result.partitions():
                    if cancelled():
                        raise CancelledError()
                    lines = []
                    for row in part:
                        obj = dict(zip(names, row, strict=True))
                        for i, c in dated:  # the only kinds JSON cannot hold as they are
                            if row[i] is not None:
                                obj[c] = row[i].isoformat()
                        lines.append(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
                    data = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
                    digest.update(data)
                    fh.write(data)
                    rows += len(part)
                    done += len(part)
                    progress(done, total, table.name)
            manifest.tables.append(TableEntry(table.name, name, rows, digest.hexdigest(), cols))
        zf.writestr(MANIFEST, manifest.to_json())
    return manifest


# -- reading -----------------------------------------------------------------------------

def _not_archive(path: Path, why_zh: str, why_en: str) -> UserError:
    return UserError(f"这不是IP Desk备份文件（{why_zh}）",
                     f"this is not an IP Desk backup archive ({why_en})", file=str(path))


class ArchiveReader:
    """An opened archive: its manifest, checked; :meth:`verify` checks every table file
    against the manifest; :meth:`chunks` streams a table's rows back."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._zip = zipfile.ZipFile(path)
        except FileNotFoundError as exc:
            raise UserError("备份文件不存在", "archive not found", file=str(path)) from exc
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise _not_archive(path, "不是完整的zip文件，可能已损坏或被截断",
                               "not a complete zip file: damaged or truncated") from exc
        try:
            self.manifest = self._read_manifest()
        except BaseException:
            self._zip.close()
            raise

    def _read_manifest(self) -> Manifest:
        try:
            info = self._zip.getinfo(MANIFEST)
        except KeyError:
            raise _not_archive(self.path, "缺少 manifest.json", "no manifest.json") from None
        if info.file_size > MAX_MANIFEST_BYTES:
            raise _not_archive(self.path, "manifest.json 过大", "manifest.json is too large")
        try:
            raw = json.loads(self._zip.read(MANIFEST).decode("utf-8"))
            if raw.get("format") != FORMAT:
                raise _not_archive(self.path, "格式标记不符", "wrong format marker")
            manifest = Manifest.from_dict(raw)
        except UserError:
            raise
        except (zipfile.BadZipFile, OSError, ValueError, KeyError, TypeError, IndexError,
                AttributeError) as exc:
            raise _not_archive(self.path, f"manifest.json 无法读取：{exc}",
                               f"unreadable manifest.json: {exc}") from exc
        if manifest.format_version > FORMAT_VERSION:
            raise UserError("该备份文件由更新版本的IP Desk生成，请升级本程序后再恢复",
                            "this archive was written by a newer IP Desk; upgrade the app to "
                            "restore it", file=str(self.path))
        return manifest

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> ArchiveReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _open(self, entry: TableEntry) -> IO[bytes]:
        try:
            return self._zip.open(entry.file)
        except KeyError:
            raise _not_archive(self.path, f"缺少表文件 {entry.file}",
                               f"table file {entry.file} missing") from None

    def verify(self, progress: Progress = _no_progress, cancelled: CancelledFn = _never) -> None:
        """Read every table file through: its SHA-256 and line count must match the
        manifest (and the zip's own CRC); raises :class:`UserError` naming the table."""
        total, done = self.manifest.total_rows, 0
        for entry in self.manifest.tables:
            digest, lines = hashlib.sha256(), 0
            try:
                with self._open(entry) as fh:
                    while block := fh.read(1 << 20):
                        digest.update(block)
                        lines += block.count(b"\n")
                        if cancelled():
                            raise CancelledError()
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                raise UserError(f"备份文件已损坏（表 {entry.name}：{exc}），未做任何改动",
                                f"the archive is damaged (table {entry.name}: {exc}); nothing "
                                "was changed", file=str(self.path)) from exc
            if digest.hexdigest() != entry.sha256 or lines != entry.rows:
                raise UserError(f"备份文件已损坏或被改动（表 {entry.name} 的校验和不符），未做任何改动",
                                f"the archive is damaged or was altered (table {entry.name} "
                                "fails its checksum); nothing was changed", file=str(self.path))
            done += entry.rows
            progress(done, total, entry.name)

    def chunks(self, entry: TableEntry, size: int = CHUNK) -> Iterator[list[dict[str, Any]]]:
        """The rows of one table, decoded, ``size`` at a time."""
        kinds = dict(entry.columns)
        # JSON holds str, int, bool, null and JSON documents as they are; dates are text
        dated = [(c, k) for c, k in entry.columns if k in ("date", "datetime")]
        batch: list[dict[str, Any]] = []
        with self._open(entry) as raw:
            for line in io.TextIOWrapper(raw, encoding="utf-8", errors="surrogatepass",
                                         newline="\n"):
                if not line.strip():
                    continue
                obj = json.loads(line)
                if obj.keys() - kinds.keys():
                    raise UserError(f"备份文件中表 {entry.name} 的列与清单不符",
                                    f"table {entry.name} has columns its manifest does not list",
                                    file=str(self.path))
                for c, k in dated:
                    if obj.get(c) is not None:
                        obj[c] = decode(k, obj[c])
                batch.append(obj)
                if len(batch) >= size:
                    yield batch
                    batch = []
        if batch:
            yield batch


# -- restoring ---------------------------------------------------------------------------

def check_tables(manifest: Manifest, path: Path) -> None:
    """The archive holds exactly the app's tables with the same columns."""
    want = {t.name: table_columns(t) for t in data_tables()}
    have = {t.name: [tuple(c) for c in t.columns] for t in manifest.tables}
    if set(want) != set(have) or any(want[n] != have[n] for n in want):
        diff = sorted(set(want) ^ set(have)) or sorted(n for n in want if want[n] != have[n])
        raise UserError(f"备份文件的数据表与本程序不一致（{', '.join(diff)}），无法恢复",
                        f"the archive's tables differ from this app's ({', '.join(diff)}); "
                        "cannot restore", file=str(path))


def replace_all(conn: Connection, reader: ArchiveReader, progress: Progress = _no_progress,
                cancelled: CancelledFn = _never) -> dict[str, int]:
    """Delete every row of every table and insert the archive's, in ``conn``'s transaction
    (the caller commits).  PostgreSQL's sequences are moved past the ids inserted."""
    check_tables(reader.manifest, reader.path)
    tables = {t.name: t for t in data_tables()}
    for table in reversed(list(tables.values())):
        conn.execute(table.delete())
    total, done = reader.manifest.total_rows, 0
    counts: dict[str, int] = {}
    by_name = {e.name: e for e in reader.manifest.tables}
    for name, table in tables.items():
        entry = by_name[name]
        counts[name] = 0
        for batch in reader.chunks(entry):
            if cancelled():
                raise CancelledError()
            try:
                copy_rows(conn, table, batch)
            except DBAPIError as exc:
                if isinstance(exc, OperationalError):
                    raise  # the connection: reported as such by the caller
                why = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
                raise UserError(f"无法写入表 {name}（{why}），数据库未做任何改动",
                                f"cannot write table {name} ({why}); nothing was changed",
                                file=str(reader.path)) from exc
            counts[name] += len(batch)
            done += len(batch)
            progress(done, total, name)
    if conn.dialect.name == "postgresql":
        reset_sequences(conn, list(tables.values()))
    return counts
