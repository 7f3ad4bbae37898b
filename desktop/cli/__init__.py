"""Command line: ``python main.py [global options] COMMAND …``; no command opens the GUI.

Every subcommand lives in its own module under ``desktop.cli.commands`` and exposes
``register(subparsers)``; the parser it adds sets ``handler=fn(env) -> int``.  Handlers call
the same Qt-free capability functions as the GUI pages.

A :class:`desktop.errors.UserError` becomes one line on stderr and exit code 2; anything
else is logged in full and reported as one line with exit code 1.  Never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
from collections.abc import Sequence
from typing import Any

from desktop import __version__
from desktop.cli.env import CommandEnv
from desktop.context import user_error_for
from desktop.errors import Cancelled, UserError
from desktop.options import add_global_options, only_global

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument as one line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: 参数错误 / bad argument: {message} "
                         f"(see {self.prog} --help)\n")
        sys.exit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ipdesk",
        description="IP Desk 知识产权服务台. Without a command the desktop app opens.",
    )
    parser.add_argument("--version", action="version", version=f"IP Desk {__version__}")
    add_global_options(parser, top_level=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    import desktop.cli.commands as pkg

    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{pkg.__name__}.{info.name}")
        module.register(sub)
    return parser


def add_command(sub: argparse._SubParsersAction, name: str, help_text: str,
                **kwargs: Any) -> argparse.ArgumentParser:
    """Add a subcommand parser that also accepts the global options."""
    p = sub.add_parser(name, help=help_text, description=help_text, **kwargs)
    add_global_options(p)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if only_global(argv):
        from desktop.ui.app import run_gui  # the GUI path imports no command modules

        return run_gui(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        from desktop.ui.app import run_gui

        return run_gui(argv)
    env = CommandEnv(args)
    try:
        return int(args.handler(env) or 0)
    except UserError as exc:
        env.fail(exc)
        return 2
    except Cancelled:
        env.err("已取消 / cancelled")
        return 130
    except KeyboardInterrupt:
        env.err("已中断 / interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: full details in the log, one line for the user
        known = user_error_for(exc, env.data_paths())
        if known is not None:
            log.info("database error in command %s: %s", args.command, exc)  # the log only
            env.fail(known)
            return 2
        log.exception("unhandled error in command %s", args.command)
        env.err(f"内部错误 / internal error: {type(exc).__name__}: {exc} "
                f"(details in {env.log_hint()})")
        return 1
    finally:
        env.close()
