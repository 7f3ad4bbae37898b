"""``import PATH… [--kind patents|documents|auto]``: import patent lists and documents into the
local library (one batch, one transaction) and index them."""

from __future__ import annotations

import argparse

from desktop.cli.env import CommandEnv


def register(sub: argparse._SubParsersAction) -> None:
    from desktop.cli import add_command

    p = add_command(sub, "import", "导入专利清单与文档到本地检索库 / import patent lists and "
                    "documents into the local library")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("--kind", choices=("auto", "patents", "documents"), default="auto")
    p.add_argument("--collection", metavar="NAME",
                   help="来源名称（默认取文件或文件夹名）/ source collection name")
    p.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD",
                   help="列对应关系，如 --map 专利题目=title / column mapping (repeatable)")
    p.add_argument("--no-index", action="store_true", help="do not update the index afterwards")
    p.set_defaults(handler=run)


def run(env: CommandEnv) -> int:
    from desktop.library import api as library

    args = env.args
    mapping = library.parse_mapping_args(args.map) if args.map else None
    report = library.import_files(env.context(), args.paths, kind=args.kind, mapping=mapping,
                                  collection=args.collection, update_index=not args.no_index,
                                  progress=env.progress).value
    if env.json:
        env.emit_json(report.to_json())
    else:
        for line in report.lines(env.lang):
            env.out(line)
    return 0 if report.ok else 2
