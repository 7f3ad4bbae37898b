"""Fixtures for the connection, offline and load tests: the bench helpers on the path, a
closed port (a server that is not there) and control of the test PostgreSQL server."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import network_load  # noqa: E402


@pytest.fixture
def closed_url() -> str:
    """A PostgreSQL URL on a loopback port nothing listens on."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"postgresql://postgres@127.0.0.1:{port}/ipdesk"


class Server:
    """The test server of PGBIN/IPDESK_TEST_PG_DIR: stop it, start it again."""

    def __init__(self) -> None:
        self.stopped = False

    def stop(self) -> None:
        network_load.pg_ctl("stop")
        self.stopped = True

    def start(self) -> None:
        network_load.pg_ctl("start")
        self.stopped = False


@pytest.fixture
def pg_server(pg_url: str) -> Iterator[Server]:
    """Control of the server behind ``pg_url``; always running again after the test."""
    if not network_load.can_restart():
        pytest.skip("stopping the server needs PGBIN and IPDESK_TEST_PG_DIR "
                    "(.ci/start_postgres.sh prints them)")
    server = Server()
    yield server
    if server.stopped:
        server.start()
