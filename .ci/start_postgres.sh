#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on a free loopback port for the tests and print the
# export line for IPDESK_TEST_PG_URL.  Installs the server from Debian's packages if missing.
set -euo pipefail
if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
DIR=$(mktemp -d /tmp/ipdesk-pg.XXXXXX)
chown postgres "$DIR"
su postgres -s /bin/sh -c "$PGBIN/initdb -D $DIR/data -A trust -U postgres -E UTF8 --locale=C.UTF-8" >&2
su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $DIR/data -l $DIR/log -w -o '-p $PORT -k $DIR -c listen_addresses=127.0.0.1' start" >&2
echo "export IPDESK_TEST_PG_URL=postgresql://postgres@127.0.0.1:$PORT/postgres IPDESK_TEST_PG_DIR=$DIR PGBIN=$PGBIN"
