"""Searching the index: one small interface over whoosh.

:func:`search` answers one request with a page of hits (and optionally facets over the whole
result set); :class:`ResultSet` keeps a result open for a view that fetches rows lazily and for
exporting every hit.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter, OrderedDict
from dataclasses import asdict, dataclass, field
from typing import Any

from whoosh import query as wq
from whoosh import sorting

from desktop.library.normalise import norm_region
from desktop.library.search.notices import explain_zero
from desktop.library.search.numbers import Note
from desktop.library.search.query import ParsedQuery, parse_query, year_range
from desktop.library.search.schema import TAG, tag
from desktop.library.search.snippets import PLAIN, snippet

log = logging.getLogger(__name__)
FACET_FIELDS = ("applicant", "ipc", "year", "legal", "ptype", "kind", "region", "collection")
SORTS = ("relevance", "date", "date_asc")


@dataclass
class Filters:
    """Structured filters from the GUI (all optional)."""

    kinds: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    legal: str | None = None
    region: str | None = None
    collection: str | None = None
    ptype: str | None = None
    applicant: str | None = None
    ipc: str | None = None

    def query(self) -> Any:
        parts: list[Any] = []
        if self.kinds:
            parts.append(wq.Or([wq.Term("tags", tag("kind", k)) for k in self.kinds]))
        if self.year_from or self.year_to:
            parts.append(year_range(self.year_from, self.year_to))
        region = norm_region(self.region) if self.region else None
        for fname, value in (("legal", self.legal), ("region", region),
                             ("collection", self.collection), ("ptype", self.ptype),
                             ("applicant", self.applicant), ("ipc", self.ipc)):
            if value:
                parts.append(wq.Term("tags", tag(fname, value)))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else wq.And(parts)


@dataclass
class Hit:
    id: str
    type: str
    title: str
    application_number: str | None
    publication_number: str | None
    applicants: list[str] | None
    ipc: list[str] | None
    score: float | None
    snippet: str | None
    date: str | None = None
    legal_status: str | None = None
    patent_type: str | None = None
    collection: str | None = None
    section: str | None = None

    @property
    def record_id(self) -> int | None:
        return int(self.id[1:]) if self.id.startswith("r") and self.id[1:].isdigit() else None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SearchResult:
    query: str
    total: int
    hits: list[Hit]
    fallback: bool = False
    notice_zh: str = ""
    notice_en: str = ""
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    seconds: float = 0.0

    def notice(self, lang: str = "zh") -> str:
        return self.notice_zh if lang == "zh" else self.notice_en

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        out: dict[str, Any] = {"query": self.query, "total": self.total,
                               "hits": [h.to_json() for h in self.hits]}
        if self.notice(lang):
            out["notice"] = self.notice(lang)
        if self.facets:
            out["facets"] = {k: [[v, n] for v, n in vals] for k, vals in self.facets.items()}
        return out


def _ipc_display(keys: str | None) -> list[str] | None:
    if not keys:
        return None
    full = [k for k in keys.split(",") if "/" in k] or [k for k in keys.split(",") if len(k) == 4]
    out = []
    for k in full:
        out.append(f"{k[:4]} {k[4:]}".strip() if len(k) > 4 else k)
    return out or None


def make_hit(stored: dict[str, Any], score: float | None, terms: set[str],
             marks: tuple[str, str] = PLAIN, width: int = 120) -> Hit:
    applicants = [a for a in (stored.get("applicants") or "").split("; ") if a] or None
    text = stored.get("body")
    snip = snippet(text, terms, width=width, marks=marks) if text else None
    return Hit(
        id=stored.get("rid", ""),
        type=stored.get("kind", "patent"),
        title=stored.get("title", ""),
        application_number=stored.get("appno_text"),
        publication_number=stored.get("pubno_text"),
        applicants=applicants,
        ipc=_ipc_display(stored.get("ipc")),
        score=round(float(score), 4) if score is not None else None,
        snippet=snip,
        date=stored.get("date_text"),
        legal_status=stored.get("legal"),
        patent_type=stored.get("ptype"),
        collection=stored.get("collection"),
        section=stored.get("section"),
    )


class FacetCache:
    """Per-searcher map docnum -> facet values, built once from the posting lists."""

    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self._maps: dict[str, dict[int, Any]] = {}

    def values(self, fname: str) -> dict[int, Any]:
        if fname not in self._maps:
            reader = self.searcher.reader()
            prefix = TAG[fname]
            m: dict[int, Any] = {}
            multi = fname in ("applicant", "ipc")
            for term in reader.expand_prefix("tags", prefix):
                text = term.decode("utf-8") if isinstance(term, bytes) else term
                value = text[len(prefix):]
                if fname == "ipc" and len(value) != 4:
                    continue
                for docnum in _term_docs(self.searcher, "tags", text.encode("utf-8")):
                    if multi:
                        m.setdefault(docnum, []).append(value)
                    else:
                        m[docnum] = value
            self._maps[fname] = m
        return self._maps[fname]

    def count(self, docnums: Any, fname: str, top: int = 20) -> list[tuple[str, int]]:
        m = self.values(fname)
        c: Counter[str] = Counter()
        if fname in ("applicant", "ipc"):
            for d in docnums:
                vals = m.get(d)
                if vals:
                    c.update(vals)
        else:
            for d in docnums:
                v = m.get(d)
                if v is not None:
                    c[v] += 1
        return c.most_common(top)


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
    """Docnums holding a term, read a posting block at a time (C-speed set updates instead of
    whoosh's one-id-at-a-time iteration); deleted documents left out."""
    out: set[int] = set()
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        if (fieldname, text) not in reader:
            continue
        m = reader.postings(fieldname, text)
        ids: list[int] = []
        try:
            while not m._atend:  # whoosh3 leaf matcher internals, with a safe fallback
                if m._ids is None:
                    m._read_ids()
                ids.extend(m._ids[m._i:m._blocklength])
                m._next_block()
        except AttributeError:
            ids = list(m.all_ids())
        if reader.has_deletions():
            ids = [d for d in ids if not reader.is_deleted(d)]
        out.update(d + offset for d in ids) if offset else out.update(ids)
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
    found = match_set(searcher, q)
    if fq is not None:
        found = found & match_set(searcher, fq)  # never in place: sets may be cached
    return len(found)


def _combine(parsed: ParsedQuery, filters: Filters | None) -> tuple[Any, Any]:
    fq = filters.query() if filters else None
    return parsed.query, fq


def notes_for(searcher: Any, parsed: ParsedQuery, fq: Any, total: int) -> list[Note]:
    """How the query was read, and, for an empty result, why it is empty."""
    notes = list(parsed.notes)
    if total == 0 and parsed.text:
        try:
            notes += explain_zero(searcher, parsed, lambda q: matching_docnums(searcher, q, fq))
        except Exception:  # an explanation must never break a search
            log.exception("explaining an empty result failed")
    if parsed.fallback:
        notes.insert(0, (parsed.notice_zh, parsed.notice_en))
    return notes


def join_notes(notes: list[Note]) -> tuple[str, str]:
    return "；".join(zh for zh, _ in notes), "; ".join(en for _, en in notes)


def search(searcher: Any, text: str, *, limit: int = 10, filters: Filters | None = None,
           sort: str = "relevance", facets: bool = False, marks: tuple[str, str] = PLAIN,
           ) -> SearchResult:
    """One page of hits for ``text`` (the query language), best first (or by date)."""
    started = time.perf_counter()
    parsed = parse_query(text)
    q, fq = _combine(parsed, filters)
    kwargs: dict[str, Any] = {"limit": max(1, limit), "filter": fq}
    if sort in ("date", "date_asc"):
        kwargs["sortedby"] = sorting.FieldFacet("date", reverse=(sort == "date"))
    results = searcher.search(q, **kwargs)
    hits = [make_hit(h.fields(), h.score, parsed.terms, marks) for h in results[:limit]] \
        if limit > 0 else []
    total = len(results) if results.has_exact_length() else count_matches(searcher, q, fq)
    res = SearchResult(text, total, hits, parsed.fallback,
                       *join_notes(notes_for(searcher, parsed, fq, total)))
    if facets:
        res.facets = facet_counts(searcher, q, fq)
    res.seconds = round(time.perf_counter() - started, 4)
    return res


def matching_docnums(searcher: Any, q: Any, fq: Any) -> set[int]:
    found = match_set(searcher, q)
    if fq is not None:
        found = found & match_set(searcher, fq)  # never in place: sets may be cached
    return found


def facet_counts(searcher: Any, q: Any, fq: Any = None, top: int = 20
                 ) -> dict[str, list[tuple[str, int]]]:
    docnums = matching_docnums(searcher, q, fq)
    cache = facet_cache(searcher)
    return {f: cache.count(docnums, f, top) for f in FACET_FIELDS}


class ResultSet:
    """An open result: total, rows fetched lazily by position, facets, every hit for export."""

    PAGE = 200

    def __init__(self, searcher: Any, text: str, *, filters: Filters | None = None,
                 sort: str = "relevance") -> None:
        self.searcher = searcher
        self.text = text
        self.sort = sort
        self.parsed = parse_query(text)
        self.q, self.fq = _combine(self.parsed, filters)
        self._ranked: list[tuple[int, float | None]] = []
        self._complete = False
        self.total = 0
        self._fetch(self.PAGE)
        self.notes = notes_for(searcher, self.parsed, self.fq, self.total)

    def notice(self, lang: str = "zh") -> str:
        """One line (or a few, joined) for the page: how the query was read, why it is empty."""
        zh, en = join_notes(self.notes)
        return zh if lang == "zh" else en

    @property
    def terms(self) -> set[str]:
        return self.parsed.terms

    def _fetch(self, limit: int | None) -> None:
        kwargs: dict[str, Any] = {"limit": limit, "filter": self.fq}
        if self.sort in ("date", "date_asc"):
            kwargs["sortedby"] = sorting.FieldFacet("date", reverse=(self.sort == "date"))
        results = self.searcher.search(self.q, **kwargs)
        self.total = len(results) if results.has_exact_length() else \
            count_matches(self.searcher, self.q, self.fq)
        self._ranked = [(h.docnum, h.score) for h in results]
        self._complete = limit is None or len(self._ranked) >= self.total

    def _ensure(self, upto: int) -> None:
        if upto > len(self._ranked) and not self._complete:
            if upto <= 5 * self.PAGE:
                self._fetch(5 * self.PAGE)
            else:
                self._fetch(None)

    def hits(self, start: int, count: int, marks: tuple[str, str] = PLAIN) -> list[Hit]:
        self._ensure(start + count)
        out = []
        for docnum, score in self._ranked[start:start + count]:
            out.append(make_hit(self.searcher.stored_fields(docnum), score, self.terms, marks))
        return out

    def facets(self, top: int = 20) -> dict[str, list[tuple[str, int]]]:
        return facet_counts(self.searcher, self.q, self.fq, top)

    def iter_stored(self) -> Any:
        """(stored fields, score) of every hit in order, without snippets (export, reports)."""
        self._ensure(self.total)
        for docnum, score in self._ranked:
            yield self.searcher.stored_fields(docnum), score

    def iter_all(self) -> Any:
        self._ensure(self.total)
        for i in range(0, len(self._ranked), 500):
            yield from self.hits(i, 500)
