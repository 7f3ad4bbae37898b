"""The naive baseline: whoosh with jieba's stock ChineseAnalyzer, default writer, the stock
multi-field query parser and whoosh's own highlighter."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def schema() -> Any:
    from jieba.analyse import ChineseAnalyzer
    from whoosh.fields import ID, KEYWORD, TEXT, Schema

    ana = ChineseAnalyzer()
    return Schema(rid=ID(stored=True, unique=True), title=TEXT(analyzer=ana, stored=True),
                  abstract=TEXT(analyzer=ana, stored=True), applicants=TEXT(analyzer=ana, stored=True),
                  inventors=TEXT(analyzer=ana), ipc=KEYWORD(commas=True, stored=True),
                  appno=ID(stored=True), pubno=ID(stored=True))


def build(path: Path, rows: Iterable[dict[str, Any]]) -> tuple[int, float]:
    from whoosh import index

    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    started = time.perf_counter()
    ix = index.create_in(str(path), schema())
    w = ix.writer()
    n = 0
    for i, r in enumerate(rows):
        w.add_document(rid=str(i), title=r["发明名称"], abstract=r.get("摘要") or "",
                       applicants=r["申请（专利权）人"], inventors=r["发明人"],
                       ipc=r["IPC分类号"].replace("; ", ","), appno=r["申请号"],
                       pubno=r["公开（公告）号"])
        n += 1
    w.commit()
    return n, time.perf_counter() - started


class BaselineSearcher:
    def __init__(self, path: Path) -> None:
        from whoosh import index
        from whoosh.qparser import MultifieldParser

        self.ix = index.open_dir(str(path))
        self.searcher = self.ix.searcher()
        self.parser = MultifieldParser(["title", "abstract", "applicants", "inventors"],
                                       self.ix.schema)

    def search(self, text: str, limit: int = 10) -> tuple[int, list[dict[str, Any]]]:
        q = self.parser.parse(text)
        results = self.searcher.search(q, limit=limit)
        hits = [{"title": h["title"], "snippet": h.highlights("abstract")} for h in results]
        return len(results), hits

    def close(self) -> None:
        self.searcher.close()
        self.ix.close()
