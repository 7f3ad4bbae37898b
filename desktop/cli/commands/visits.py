"""``visits …``: the consultation log, its report and statistics, and the knowledge base.

The actions live in ``desktop.cli.visits``: every module there exposes
``register(actions)`` and adds its sub-commands to this group.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil


def register(sub: argparse._SubParsersAction) -> None:
    import desktop.cli.visits as pkg
    from desktop.cli import _Parser, add_command

    p = add_command(sub, "visits", "接待登记 / the consultation log")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True,
                               parser_class=_Parser)
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        importlib.import_module(f"{pkg.__name__}.{info.name}").register(actions)
