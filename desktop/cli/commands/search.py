"""``search QUERY [--limit N] [--json]`` and ``search --batch FILE``: search the local library.

``--json`` prints ``{"query", "total", "hits": [...]}``; ``--batch`` answers one query (or
number) per line with one such object per line, loading everything once.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.env import CommandEnv
from desktop.errors import UserError

TYPE_ZH = {"patent": "专利", "document": "文档", "service_item": "服务"}


def register(sub: argparse._SubParsersAction) -> None:
    from desktop.cli import add_command

    p = add_command(sub, "search", "检索本地知识产权数据 / search the local IP library "
                    "(query language: see docs/library.md)")
    p.add_argument("query", nargs="*", help="检索式 / query")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--batch", metavar="FILE", help="one query or number per line ('-' = stdin)")
    p.add_argument("--sort", choices=("relevance", "date", "date_asc"), default="relevance")
    p.add_argument("--type", dest="types", action="append", default=[],
                   choices=("patent", "document", "service_item"))
    p.add_argument("--facets", action="store_true", help="also count applicants, IPC, years, …")
    p.add_argument("--export", metavar="FILE.xlsx", help="export every hit to XLSX")
    p.add_argument("--report", metavar="FILE.docx",
                   help="专利导航报告 / the patent navigation handout (DOCX, and XLSX beside it)")
    p.set_defaults(handler=run)


def run(env: CommandEnv) -> int:
    from desktop.library import api as library

    args = env.args
    text = " ".join(args.query).strip()
    if not text and not args.batch:
        raise UserError("请给出检索式或 --batch 文件", "give a query or --batch FILE")
    if args.limit < 0:
        raise UserError("--limit 不能为负数", "--limit must not be negative")
    ctx = env.context()
    _announce_repair(env, library.index_status(ctx))
    library.ensure_index(ctx, env.progress)
    filters = library.Filters(kinds=tuple(args.types)) if args.types else None
    queries = library.read_query_file(args.batch) if args.batch else [text]
    failed = 0
    for q in queries:
        try:
            res = library.search(ctx, q, limit=args.limit, filters=filters, sort=args.sort,
                                 facets=args.facets)
        except UserError as exc:
            if not args.batch:
                raise
            failed += 1  # one bad line of a batch is reported on its line; the rest run
            if env.json:
                env.emit_json({"query": q[:80], "error": exc.message(env.lang)}, compact=True)
            else:
                env.out(f"{q[:80]}\t{env.t('错误', 'error')}: {exc.message(env.lang)}")
            continue
        if env.json:
            env.emit_json(res.to_json(env.lang), compact=bool(args.batch))
        else:
            _print(env, res, bool(args.batch))
    if args.export:
        results = library.open_results(ctx, text or queries[0], filters=filters,
                                       sort=args.sort)
        path = library.export_results(ctx, results, args.export, lang=env.lang,
                                      progress=env.progress)
        if not env.json:
            env.out(env.t(f"已导出 {results.total} 条到 {path}",
                          f"exported {results.total} hits to {path}"))
    if args.report:
        results = library.open_results(ctx, text or queries[0], filters=filters,
                                       sort=args.sort)
        docx, xlsx = library.write_report(ctx, results, args.report, lang=env.lang,
                                          progress=env.progress)
        if not env.json:
            env.out(env.t(f"已生成专利导航报告 {docx} 和 {xlsx}（{results.total} 条）",
                          f"wrote the navigation report {docx} and {xlsx} ({results.total} hits)"))
    return 2 if failed else 0


def _announce_repair(env: CommandEnv, st: Any) -> None:
    """Say so before the index is built or repaired (which can take a minute), never block
    silently; the progress follows on a terminal."""
    if st.consistent or st.records_in_db == 0:
        return
    if st.reason == "changes from other desks not indexed yet":
        env.err(env.t(f"正在同步其他服务台的变更（变更记录 {st.indexed_seq} → {st.last_seq}）……",
                      f"applying other desks' changes (change log {st.indexed_seq} → "
                      f"{st.last_seq})…"))
    elif st.reason == "new imports not indexed yet":
        env.err(env.t(f"检索索引缺少最近导入的记录，正在补建索引（数据库共 {st.records_in_db:,} 条）……",
                      f"the search index lacks recent imports; indexing them now "
                      f"({st.records_in_db:,} records in the database)…"))
    else:
        env.err(env.t(f"检索索引需要修复（{st.reason}），正在从数据库重建 {st.records_in_db:,} 条记录……",
                      f"the search index needs repair ({st.reason}); rebuilding "
                      f"{st.records_in_db:,} records from the database…"))


def _print(env: CommandEnv, res, batch: bool) -> None:
    if batch:
        top = res.hits[0] if res.hits else None
        env.out("\t".join([res.query, str(res.total),
                           top.title if top else "", (top.application_number or "") if top else "",
                           (top.publication_number or "") if top else ""]))
        return
    if res.notice(env.lang):
        env.err(res.notice(env.lang))
    env.out(env.t(f"共 {res.total} 条结果", f"{res.total} hits"))
    for i, h in enumerate(res.hits, start=1):
        kind = TYPE_ZH.get(h.type, h.type) if env.lang == "zh" else h.type
        nums = " ".join(x for x in (h.application_number, h.publication_number) if x)
        env.out(f"{i}. [{kind}] {h.title}" + (f"  {nums}" if nums else ""))
        extra = "; ".join(h.applicants or [])
        if h.ipc:
            extra += ("  " if extra else "") + " ".join(h.ipc[:3])
        if extra:
            env.out(f"   {extra}")
        if h.snippet:
            env.out(f"   {h.snippet}")
    from desktop.library import api as library

    for name, counts in res.facets.items():
        if counts:
            label = library.FACET_NAMES.get(name, (name, name))[0 if env.lang == "zh" else 1]
            env.out(f"{label}: " + ", ".join(f"{v} ({n})" for v, n in counts[:10]))
