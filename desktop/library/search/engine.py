"""Searching the index: one small interface over whoosh.

:func:`search` answers one request with a page of hits (and optionally facets over the whole
result set); :class:`ResultSet` keeps a result open for a view that fetches rows lazily and for
exporting every hit.
"""

from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass, field
from typing import Any

from whoosh import query as wq

from desktop.library.normalise import norm_region
from desktop.library.search.notices import explain_zero
from desktop.library.search.numbers import Note
from desktop.library.search.query import ParsedQuery, parse_query, year_range
from desktop.library.search.schema import tag
from desktop.library.search.sets import (
    count_matches,
    facet_cache,
    matching_array,
    matching_docnums,
)
from desktop.library.search.snippets import PLAIN, snippet
from desktop.library.search.tiers import ranked

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
           count: bool = True) -> SearchResult:
    """One page of hits for ``text`` (the query language), best first (or by date)."""
    started = time.perf_counter()
    parsed = parse_query(text)
    q, fq = _combine(parsed, filters)
    top, exact = ranked(searcher, q, fq, max(1, limit), sort)
    hits = [make_hit(searcher.stored_fields(d), score, parsed.terms, marks)
            for d, score in top[:limit]] if limit > 0 else []
    if exact is not None:
        total = exact
    else:  # count=False: the first page only (total -1: not counted)
        total = count_matches(searcher, q, fq) if count or facets else -1
    res = SearchResult(text, total, hits, parsed.fallback,
                       *join_notes(notes_for(searcher, parsed, fq, total)))
    if facets:
        res.facets = facet_counts(searcher, q, fq)
    res.seconds = round(time.perf_counter() - started, 4)
    return res


def facet_counts(searcher: Any, q: Any, fq: Any = None, top: int = 20
                 ) -> dict[str, list[tuple[str, int]]]:
    docnums = matching_array(searcher, q, fq)
    cache = facet_cache(searcher)
    return {f: cache.count(docnums, f, top) for f in FACET_FIELDS}


class ResultSet:
    """An open result: total, rows fetched lazily by position, facets, every hit for export."""

    PAGE = 200

    def __init__(self, searcher: Any, text: str, *, filters: Filters | None = None,
                 sort: str = "relevance", count: bool = True) -> None:
        """``count=False``: only the first page now; :meth:`count` gives the total later (the
        page shows the hits first and the total and facets when they are ready)."""
        self.searcher = searcher
        self.text = text
        self.sort = sort
        self.parsed = parse_query(text)
        self.q, self.fq = _combine(self.parsed, filters)
        self._ranked: list[tuple[int, float | None]] = []
        self._complete = False
        self.total = 0
        self.counted = False  # total is exact (else: at least the hits fetched)
        self._fetch(self.PAGE, count)
        self.notes = notes_for(searcher, self.parsed, self.fq, self.total)

    def count(self) -> int:
        """The exact number of hits (counted once)."""
        if not self.counted:
            self.total = count_matches(self.searcher, self.q, self.fq)
            self.counted = True
            self._complete = len(self._ranked) >= self.total
        return self.total

    def notice(self, lang: str = "zh") -> str:
        """One line (or a few, joined) for the page: how the query was read, why it is empty."""
        zh, en = join_notes(self.notes)
        return zh if lang == "zh" else en

    @property
    def terms(self) -> set[str]:
        return self.parsed.terms

    def _fetch(self, limit: int | None, count: bool = True) -> None:
        self._ranked, exact = ranked(self.searcher, self.q, self.fq, limit, self.sort)
        if exact is not None:
            self.total = exact
            self.counted = True
        elif count and not self.counted:
            self.count()
        elif not self.counted:
            self.total = len(self._ranked)
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
