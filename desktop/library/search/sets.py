"""Docnum sets: which records match a query (its required part) — by whole posting arrays
(vector.py) where the query allows, else from posting blocks with C-speed set operations,
frequent terms' sets cached per searcher — and the facet values of each record (per-searcher
arrays built once from the ``tags`` posting lists)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import numpy as np
from whoosh import query as wq

from desktop.library.search import vector
from desktop.library.search.schema import TAG


class FacetCache:
    """Per searcher: each facet field's values and (docnum, value) pairs as arrays, built
    once from the ``tags`` posting lists (arrays, not a dict a record: at a million records
    the dicts took over a gigabyte)."""

    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self._arrays: dict[str, tuple[list[str], np.ndarray, np.ndarray]] = {}

    def arrays(self, fname: str) -> tuple[list[str], np.ndarray, np.ndarray]:
        """The field's values, and (docnum, value index) pairs as two aligned arrays."""
        found = self._arrays.get(fname)
        if found is None:
            reader = self.searcher.reader()
            prefix = TAG[fname]
            names: list[str] = []
            docs: list[np.ndarray] = []
            codes: list[np.ndarray] = []
            for term in reader.expand_prefix("tags", prefix):
                text = term.decode("utf-8") if isinstance(term, bytes) else term
                value = text[len(prefix):]
                if fname == "ipc" and len(value) != 4:
                    continue
                ids = np.fromiter(_term_docs(self.searcher, "tags", text.encode("utf-8")),
                                  dtype=np.int64)
                docs.append(ids)
                codes.append(np.full(len(ids), len(names), dtype=np.int64))
                names.append(value)
            found = (names, np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64),
                     np.concatenate(codes) if codes else np.zeros(0, dtype=np.int64))
            self._arrays[fname] = found
        return found

    def count(self, docnums: Any, fname: str, top: int = 20) -> list[tuple[str, int]]:
        """The ``top`` values of ``fname`` among ``docnums`` (a set or a sorted array), most
        frequent first, ties in value order."""
        names, docs, codes = self.arrays(fname)
        if not names or not len(docs):
            return []
        if not isinstance(docnums, np.ndarray):
            docnums = np.array(sorted(docnums), dtype=np.int64)
        size = max(self.searcher.doc_count_all(), int(docs.max()) + 1,
                   int(docnums[-1]) + 1 if len(docnums) else 0)
        chosen = np.zeros(size, dtype=bool)
        chosen[docnums] = True
        counts = np.bincount(codes[chosen[docs]], minlength=len(names))
        order = sorted(np.nonzero(counts)[0].tolist(), key=lambda i: (-counts[i], names[i]))
        return [(names[i], int(counts[i])) for i in order[:top]]


_facet_caches: dict[int, FacetCache] = {}
_facet_lock = threading.Lock()


def facet_cache(searcher: Any) -> FacetCache:
    """The facet cache of the latest searcher asked for (the GUI and a job may both ask)."""
    key = id(searcher)
    with _facet_lock:
        cache = _facet_caches.get(key)
        if cache is None or cache.searcher is not searcher:
            _facet_caches.clear()
            cache = _facet_caches[key] = FacetCache(searcher)
        return cache


def required_part(q: Any) -> Any:
    """``q`` without its optional (score-only) parts: what decides whether a record matches.
    Counting with it skips the title-boost posting lists."""
    if isinstance(q, wq.AndMaybe):
        return required_part(q.a)
    if isinstance(q, wq.AndNot):
        return wq.AndNot(required_part(q.a), q.b)
    if isinstance(q, (wq.And, wq.Or)):
        return type(q)([required_part(s) for s in q.subqueries], boost=q.boost)
    return q


def _term_docs(searcher: Any, fieldname: str, text: Any) -> set[int]:
    """Docnums holding a term, read a block at a time by vector.py (not kept in its cache:
    the facets read every tag once); deleted documents left out."""
    out: set[int] = set()
    for sub, offset in searcher.leaf_searchers():
        ids, _weights = vector.read_postings(sub.reader(), fieldname, text)
        deleted = vector.deleted_docs(sub.reader())
        if len(deleted):
            ids = ids[~np.isin(ids, deleted)]
        out.update((ids.astype(np.int64) + offset).tolist())
    return out


class TermSetCache:
    """Docnum sets of frequent terms (方法, 装置, …) kept per searcher, so counting and facets
    for the words officers type most do not re-read long posting lists.  Bounded in size."""

    MIN_DOCS = 2000
    MAX_IDS = 3_000_000

    def __init__(self) -> None:
        self.searcher: Any = None
        self.sets: OrderedDict[tuple[str, bytes], set[int]] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, searcher: Any, fieldname: str, text: bytes) -> set[int]:
        with self.lock:
            if searcher is not self.searcher:
                self.searcher, self.sets, self.size = searcher, OrderedDict(), 0
            key = (fieldname, text)
            found = self.sets.get(key)
            if found is not None:
                self.sets.move_to_end(key)
                return found
        docs = _term_docs(searcher, fieldname, text)
        if len(docs) >= self.MIN_DOCS:
            with self.lock:
                if searcher is self.searcher:
                    self.sets[key] = docs
                    self.size += len(docs)
                    while self.size > self.MAX_IDS and self.sets:
                        _k, old = self.sets.popitem(last=False)
                        self.size -= len(old)
        return docs


_term_sets = TermSetCache()


def match_set(searcher: Any, q: Any) -> set[int]:
    """The docnums matching ``q`` (its required part), as a set."""
    q = required_part(q)
    if isinstance(q, wq.Term):
        text = q.text
        field = searcher.schema[q.fieldname]
        if not isinstance(text, bytes):
            text = field.to_bytes(text)
        return _term_sets.get(searcher, q.fieldname, text)
    if isinstance(q, wq.And):
        sets = sorted((match_set(searcher, sub) for sub in q.subqueries), key=len)
        if not sets:
            return set()
        return sets[0].intersection(*sets[1:]) if len(sets) > 1 else set(sets[0])
    if isinstance(q, wq.Or):
        result: set[int] = set()
        for sub in q.subqueries:
            result |= match_set(searcher, sub)
        return result
    if isinstance(q, wq.AndNot):
        return match_set(searcher, q.a) - match_set(searcher, q.b)
    if isinstance(q, wq.Every):
        return set(searcher.reader().all_doc_ids())
    return set(q.docs(searcher))


def count_matches(searcher: Any, q: Any, fq: Any) -> int:
    return len(matching_array(searcher, q, fq))


def matching_array(searcher: Any, q: Any, fq: Any) -> np.ndarray:
    """The docnums matching ``q`` within ``fq``, sorted: from whole posting arrays when the
    query allows (vector.py), else from the docnum sets."""
    try:
        return vector.top(searcher, q, fq, 0)[2]
    except vector.Unsupported:
        return np.array(sorted(matching_docnums(searcher, q, fq)), dtype=np.int64)


def matching_docnums(searcher: Any, q: Any, fq: Any) -> set[int]:
    found = match_set(searcher, q)
    if fq is not None:
        found = found & match_set(searcher, fq)  # never in place: sets may be cached
    return found
