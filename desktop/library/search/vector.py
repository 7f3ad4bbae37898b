"""Scoring term queries over whole posting lists at once (numpy), with whoosh's own BM25F.

whoosh walks a query's matchers one posting at a time in Python; for the words officers type
most (方法, 装置, 应用 …, tens of thousands of postings each) picking the ten best of an AND took
most of a first page's time, and block-quality skipping rarely skips anything when both words
are common.  Here a term's postings are read a block at a time into arrays (docnums, scores) —
the scores computed once per term and searcher by the same BM25F formula, with the same
statistics (idf, average field length) and the same per-document length bytes whoosh uses — and
kept in a bounded cache.  AND is an intersection, OR a union with the scores summed, AND NOT a
mask, "and maybe" adds the optional side's scores where it matches: exactly how whoosh's
matchers combine scores.  The top hits are those of whoosh, ties going to the lower docnum as in
whoosh's collector (tests/library/test_vector.py compares the two).

Queries with any other part (phrases, prefixes, wildcards, ranges, title checks) raise
:class:`Unsupported` and are answered by whoosh itself.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.scoring import BM25F, BM25FScorer, WeightScorer
from whoosh.util.numeric import byte_to_length

Arrays = tuple[np.ndarray, np.ndarray]  # sorted unique docnums (int32), their scores (float64)
_LENGTH = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


class Unsupported(Exception):
    """The query has a part this module does not evaluate (whoosh answers it)."""


def _leaf_postings(reader: Any, fieldname: str, text: bytes) -> tuple[np.ndarray, np.ndarray]:
    """Ids (int32) and weights (float32) of one term in one segment, a block at a time: each
    block's pickled data decoded by numpy (whoosh decodes the id deltas one at a time)."""
    m = reader.postings(fieldname, text)
    ids: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    try:
        if getattr(m, "_byteids", True) or m._i:
            raise AttributeError("not a fresh whoosh3 posting list")
        while not m._atend:  # whoosh3 leaf matcher internals, with a safe fallback below
            if m._data is None:
                m._read_data()
            deltas, w = m._data[0], m._data[1]
            ids.append(np.cumsum(np.array(deltas, dtype=np.int64)).astype(np.int32))
            n = len(deltas)
            if w is None:
                weights.append(np.ones(n, dtype=np.float32))
            elif isinstance(w, float):
                weights.append(np.full(n, w, dtype=np.float32))
            else:
                weights.append(np.frombuffer(w, dtype=np.float32)[:n].copy()
                               if isinstance(w, bytes) else np.asarray(w, dtype=np.float32))
            m._next_block()
    except AttributeError:  # another codec or layout: whoosh's own stepping
        ids_l: list[int] = []
        weights_l: list[float] = []
        m = reader.postings(fieldname, text)
        while m.is_active():
            ids_l.append(m.id())
            weights_l.append(m.weight())
            m.next()
        return np.array(ids_l, dtype=np.int32), np.array(weights_l, dtype=np.float32)
    if not ids:
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
    return np.concatenate(ids), np.concatenate(weights)


def read_postings(reader: Any, fieldname: str, text: bytes) -> tuple[np.ndarray, np.ndarray]:
    """One segment's ids and weights of a term (none when the segment lacks it), uncached."""
    if (fieldname, text) not in reader:
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
    return _leaf_postings(reader, fieldname, text)


def _lengths(sub: Any, fieldname: str) -> np.ndarray | None:
    """The segment's field lengths as whoosh scores with them (its one-byte lossy lengths),
    or None when the segment has no lengths column for the field."""
    from desktop.library.search.whoosh_speedups import length_bytes

    reader = sub.reader()
    count = reader.doc_count_all()
    perdoc = getattr(reader, "_perdoc", None)
    raw = length_bytes(perdoc, fieldname) if perdoc is not None else None
    if raw is None and perdoc is not None:
        return None
    if not isinstance(raw, bytes):  # another codec: whoosh's own call, one document at a time
        return np.array([reader.doc_field_length(d, fieldname, 0) or 0 for d in range(count)],
                        dtype=np.float64)
    codes = np.frombuffer(raw, dtype=np.uint8)
    if len(codes) < count:
        codes = np.concatenate([codes, np.zeros(count - len(codes), dtype=np.uint8)])
    return _LENGTH[codes[:count]]


class _LRU:
    """A dict bounded by the number of postings its arrays hold (oldest use dropped first)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.items: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key: Any) -> Any:
        with self.lock:
            found = self.items.get(key)
            if found is None:
                return None
            self.items.move_to_end(key)
            return found[0]

    def put(self, key: Any, value: Any, size: int) -> None:
        with self.lock:
            if key in self.items:  # replaced (e.g. an entry of an older searcher)
                self.size -= self.items.pop(key)[1]
            self.items[key] = (value, size)
            self.size += size
            while self.size > self.limit and len(self.items) > 1:
                _k, (_v, old) = self.items.popitem(last=False)
                self.size -= old

    def clear(self) -> None:
        with self.lock:
            self.items.clear()
            self.size = 0


class TermArrays:
    """Postings as arrays, at two levels.  A segment never changes once written, so its terms'
    ids and weights (and its field lengths) are kept by segment: an index update adds a small
    segment and the big ones stay read.  Scores depend on the whole index's statistics, so
    they are kept per searcher, with the segment's deletions applied."""

    MAX_POSTINGS = 10_000_000  # ids and weights: about 80 MB
    MAX_SCORED = 10_000_000  # docnums and scores for the current searcher: about 120 MB

    def __init__(self) -> None:
        self.raw = _LRU(self.MAX_POSTINGS)
        self.lengths = _LRU(50_000_000)
        self.scored = _LRU(self.MAX_SCORED)
        self.searcher: Any = None
        self.lock = threading.Lock()

    def get(self, searcher: Any, fieldname: str, text: bytes) -> Arrays:
        with self.lock:
            if searcher is not self.searcher:
                self.searcher = searcher
                self.scored.clear()
        key = (fieldname, text)
        found = self.scored.get(key)
        # each entry names its searcher: another thread may have switched searchers between
        # the check above and this read (docnums differ from one searcher to the next)
        if found is not None and found[0] is searcher:
            return found[1]
        arrays = self._score(searcher, fieldname, text)
        if searcher is self.searcher:
            self.scored.put(key, (searcher, arrays), len(arrays[0]))
        return arrays

    def postings(self, sub: Any, fieldname: str, text: bytes) -> tuple[np.ndarray, np.ndarray]:
        """One segment's ids and weights of a term (read once per segment)."""
        reader = sub.reader()
        key = (_segment_key(reader), fieldname, text)
        found = self.raw.get(key)
        if found is None:
            found = read_postings(reader, fieldname, text)
            if key[0] is not None:
                self.raw.put(key, found, len(found[0]) + 1)
        return found

    def field_lengths(self, sub: Any, fieldname: str) -> np.ndarray | None:
        key = (_segment_key(sub.reader()), fieldname)
        found = self.lengths.get(key)
        if found is None:
            arr = _lengths(sub, fieldname)
            found = (arr,)
            if key[0] is not None:
                self.lengths.put(key, found, 0 if arr is None else len(arr))
        return found[0]

    def _score(self, searcher: Any, fieldname: str, text: bytes) -> Arrays:
        weighting = searcher.weighting
        if not isinstance(weighting, BM25F):
            raise Unsupported(f"weighting {type(weighting).__name__}")
        docs: list[np.ndarray] = []
        scores: list[np.ndarray] = []
        for sub, offset in searcher.leaf_searchers():
            ids32, w32 = self.postings(sub, fieldname, text)
            if not len(ids32):
                continue
            ids = ids32.astype(np.int64)
            w = w32.astype(np.float64)
            scorer = weighting.scorer(sub, fieldname, text)
            if isinstance(scorer, BM25FScorer):
                fl = self.field_lengths(sub, fieldname)
                fl_ids = fl[ids] if fl is not None else np.ones(len(ids), dtype=np.float64)
                b, k1 = scorer.B, scorer.K1
                s = scorer.idf * ((w * (k1 + 1)) / (w + k1 * ((1 - b) + b * fl_ids
                                                              / scorer.avgfl)))
            elif isinstance(scorer, WeightScorer):
                s = w
            else:
                raise Unsupported(f"scorer {type(scorer).__name__}")
            deleted = deleted_docs(sub.reader())
            if len(deleted):
                keep = ~np.isin(ids, deleted)
                ids, s = ids[keep], s[keep]
            docs.append(ids + offset)
            scores.append(s)
        if not docs:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float64)
        return np.concatenate(docs).astype(np.int32), np.concatenate(scores)

    def warm(self, searcher: Any, fieldname: str, budget: int,
             cancelled: Any = lambda: False) -> int:
        """Read the frequent terms of ``fieldname`` ahead of the first search (like an index
        warmer), most frequent first, up to ``budget`` postings; returns the postings read."""
        done = 0
        for df, text in frequent_terms(searcher, fieldname):
            if cancelled():
                break
            if done + df > budget:
                continue
            for sub, _offset in searcher.leaf_searchers():
                self.postings(sub, fieldname, text)
            done += df
        return done


def frequent_terms(searcher: Any, fieldname: str, sample: int = 2000, top: int = 400
                   ) -> list[tuple[int, bytes]]:
    """(document frequency, term) of the terms most likely to be frequent, most frequent
    first: the terms of the titles of ``sample`` records spread over the index, by their
    real document frequency.  Listing the field's whole vocabulary instead (whoosh's
    ``most_frequent_terms``) took most of a minute at a million records."""
    from collections import Counter

    reader = searcher.reader()
    field = searcher.schema[fieldname]
    count = reader.doc_count_all()
    if not count:
        return []
    seen: Counter[bytes] = Counter()
    step = max(1, count // sample)
    for docnum in range(0, count, step):
        if reader.is_deleted(docnum):
            continue
        title = searcher.stored_fields(docnum).get("title") or ""
        seen.update({field.to_bytes(t) for t in field.process_text(title, mode="index")})
    found = [(reader.doc_frequency(fieldname, t), t) for t, _n in seen.most_common(top * 2)]
    return sorted((f for f in found if f[0]), reverse=True)[:top]


def _segment_key(reader: Any) -> Any:
    """What names a segment's immutable postings (None: do not cache across searchers)."""
    try:
        seg = reader.segment()
        # whoosh names a segment by a random 16-character id: unique across indexes
        return None if seg is None else seg.segment_id()
    except (AttributeError, NotImplementedError):
        return None


def deleted_docs(reader: Any) -> np.ndarray:
    """A segment's deleted docnums."""
    if not reader.has_deletions():
        return np.zeros(0, dtype=np.int64)
    try:
        docs = reader.segment().deleted_docs()
    except AttributeError:
        docs = (d for d in range(reader.doc_count_all()) if reader.is_deleted(d))
    return np.fromiter(docs, dtype=np.int64)


def warm(searcher: Any, budget: int = 8_000_000, cancelled: Any = lambda: False) -> int:
    """Read the postings of the most frequent words and character pairs into memory (see
    :class:`TermArrays`), up to ``budget`` postings in all; returns how many.  Give it a
    searcher of its own: whoosh's posting files are read with a seek and a read, which two
    threads must not interleave on one searcher; the arrays are kept by segment, so the
    searcher that searches finds them."""
    from desktop.library.search.grams import GRAM_FIELD
    from desktop.library.search.schema import MATCH_FIELD

    return sum(_arrays.warm(searcher, f, budget // 2, cancelled)
               for f in (MATCH_FIELD, GRAM_FIELD))


_arrays = TermArrays()


def evaluate(searcher: Any, q: Any) -> Arrays:
    """(docnums, scores) of every record matching ``q``; :class:`Unsupported` for parts
    whoosh must answer."""
    boost = getattr(q, "boost", 1.0)
    if isinstance(q, wq.Term):
        field = searcher.schema[q.fieldname] if q.fieldname in searcher.schema else None
        if field is None:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        text = q.text if isinstance(q.text, bytes) else field.to_bytes(q.text)
        docs, scores = _arrays.get(searcher, q.fieldname, text)
        return docs, scores * boost if boost != 1.0 else scores
    if isinstance(q, wq.AndMaybe):
        docs, scores = evaluate(searcher, q.a)
        odocs, oscores = evaluate(searcher, q.b)
        found, where = _find(docs, odocs)
        scores = scores.copy()
        scores[found] += oscores[where[found]]
        return docs, scores
    if isinstance(q, wq.AndNot):
        docs, scores = evaluate(searcher, q.a)
        keep = ~_find(docs, _docs_of(searcher, q.b))[0]
        return docs[keep], scores[keep]
    if isinstance(q, wq.And) and not isinstance(q, wq.Ordered):
        parts = sorted((evaluate(searcher, s) for s in q.subqueries), key=lambda p: len(p[0]))
        if not parts:
            raise Unsupported("empty And")
        docs, scores = parts[0]
        for odocs, oscores in parts[1:]:
            found, where = _find(docs, odocs)
            docs, scores = docs[found], scores[found] + oscores[where[found]]
        return docs, scores * boost if boost != 1.0 else scores
    if type(q) is wq.Or and not q.minmatch and q.scale is None:
        parts = [evaluate(searcher, s) for s in q.subqueries]
        if not parts:
            raise Unsupported("empty Or")
        all_docs = np.concatenate([p[0] for p in parts])
        docs, inverse = np.unique(all_docs, return_inverse=True)
        scores = np.bincount(inverse, weights=np.concatenate([p[1] for p in parts]),
                             minlength=len(docs))
        return docs, scores * boost if boost != 1.0 else scores
    raise Unsupported(type(q).__name__)


def _find(docs: np.ndarray, among: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each of ``docs`` (sorted, unique): whether it is in ``among`` (sorted, unique) and
    where.  A binary search when ``docs`` is the much shorter list, else a table over the
    docnum range (linear in both lengths)."""
    if not len(docs) or not len(among):
        return np.zeros(len(docs), dtype=bool), np.zeros(len(docs), dtype=np.int64)
    if len(docs) * 8 < len(among):
        where = np.searchsorted(among, docs)
        where[where >= len(among)] = 0
        return among[where] == docs, where
    if len(among) * 8 < len(docs):  # the other way round: look the short list up
        at = np.searchsorted(docs, among)
        at[at >= len(docs)] = 0
        hit = docs[at] == among
        found = np.zeros(len(docs), dtype=bool)
        found[at[hit]] = True
        where = np.zeros(len(docs), dtype=np.int64)
        where[at[hit]] = np.nonzero(hit)[0]
        return found, where
    table = np.full(int(max(docs[-1], among[-1])) + 1, -1, dtype=np.int64)
    table[among] = np.arange(len(among))
    where = table[docs]
    return where >= 0, where


def _docs_of(searcher: Any, q: Any) -> np.ndarray:
    """The docnums matching ``q`` (any query: the excluded part of an AND NOT)."""
    try:
        return evaluate(searcher, q)[0]
    except Unsupported:
        from desktop.library.search.sets import match_set

        return np.array(sorted(match_set(searcher, q)), dtype=np.int64)


def top(searcher: Any, q: Any, fq: Any, limit: int | None
        ) -> tuple[list[tuple[int, float | None]], int, np.ndarray]:
    """The best ``limit`` hits of ``q`` (all if ``None``) within the filter ``fq``, best first,
    ties to the lower docnum; the exact total; every matching docnum (sorted)."""
    docs, scores = evaluate(searcher, q)
    if fq is not None:
        keep = _find(docs, _docs_of(searcher, fq))[0]
        docs, scores = docs[keep], scores[keep]
    total = len(docs)
    matched = docs
    if limit == 0:
        return [], total, matched
    if limit is not None and limit < total:
        # the candidates: every score at least the limit-th best (ties kept, then ordered)
        cut = np.partition(scores, total - limit)[total - limit]
        pick = np.nonzero(scores >= cut)[0]
        docs, scores = docs[pick], scores[pick]
    order = np.lexsort((docs, -scores))
    if limit is not None:
        order = order[:limit]
    return [(int(docs[i]), float(scores[i])) for i in order], total, matched
