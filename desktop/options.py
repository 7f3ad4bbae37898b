"""The global options both faces accept, known in this one place.

``--data-dir DIR`` (env ``IPDESK_DATA_DIR``), ``--db URL`` (env ``IPDESK_DB_URL``),
``--lang zh|en``, ``--json`` (command line only) and ``-v/--verbose``.  They may come
before or after a command name.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from dataclasses import dataclass

LANGS = ("zh", "en")


@dataclass(frozen=True)
class AppOptions:
    data_dir: str | None = None
    db_url: str | None = None
    lang: str | None = None
    json: bool = False
    verbose: bool = False

    @property
    def resolved_db_url(self) -> str | None:
        return self.db_url or os.environ.get("IPDESK_DB_URL") or None


def add_global_options(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """Add the global options to ``parser`` (a subcommand's parser too: then they may come
    after the command name without overriding a value given before it)."""
    default = None if top_level else argparse.SUPPRESS
    flag_default = False if top_level else argparse.SUPPRESS
    parser.add_argument("--data-dir", metavar="DIR", default=default,
                        help="data folder (env IPDESK_DATA_DIR)")
    parser.add_argument("--db", metavar="URL", dest="db_url", default=default,
                        help="SQLAlchemy database URL (env IPDESK_DB_URL)")
    parser.add_argument("--json", action="store_true", default=flag_default,
                        help="machine-readable JSON output")
    parser.add_argument("--lang", choices=LANGS, default=default,
                        help="language of messages (default zh)")
    parser.add_argument("-v", "--verbose", action="store_true", default=flag_default)


def options_from(args: argparse.Namespace) -> AppOptions:
    return AppOptions(data_dir=getattr(args, "data_dir", None),
                      db_url=getattr(args, "db_url", None),
                      lang=getattr(args, "lang", None),
                      json=bool(getattr(args, "json", False)),
                      verbose=bool(getattr(args, "verbose", False)))


def parse_global(argv: Sequence[str]) -> AppOptions:
    """The global options in ``argv``, anything else ignored (the GUI's start)."""
    parser = argparse.ArgumentParser(add_help=False)
    add_global_options(parser, top_level=True)
    args, _unknown = parser.parse_known_args(list(argv))
    return options_from(args)


_WITH_VALUE = ("--data-dir", "--db", "--lang")
_FLAGS = ("-v", "--verbose")


def only_global(argv: Sequence[str]) -> bool:
    """True when ``argv`` holds nothing but global options (then the GUI opens)."""
    items = list(argv)
    i = 0
    while i < len(items):
        a = items[i]
        if a in _WITH_VALUE and i + 1 < len(items):
            i += 2
        elif a.startswith(tuple(f"{o}=" for o in _WITH_VALUE)) or a in _FLAGS:
            i += 1
        else:
            return False
    return True
