"""Ranking in two tiers: records matching the query's words first, substring-only ones after.

A query of Chinese characters matches by the gram field (any record holding the characters, see
grams.py) and scores by the word field.  Enumerating every gram match to pick the ten best is
where a first page spent its time: a three- or four-character run is a phrase of bigrams, whose
positions whoosh decodes record by record.  But when a run is one word of the segmenter, every
record holding that word in the word field holds the run as a substring, so the word query is a
subset of the gram query — and those records are the ones that rank first anyway.

:func:`word_tier` rewrites a parsed query into that subset (each :class:`Recall` whose run is one
word becomes the word's term; everything else is kept as it is, so the tier is always a subset of
the full query).  :func:`ranked` answers the top hits from the word tier — plain BM25 term
postings, which whoosh can skip through by block quality — and fills up with the rest of the full
query (``full AND NOT tier``) only when the word tier has too few.  Word matches so rank above
substring matches, as the issue asks, and the ranking bench measures the result.
"""

from __future__ import annotations

from typing import Any

from whoosh import query as wq
from whoosh import sorting

from desktop.library.search import vector


class Recall(wq.AndMaybe):
    """``AndMaybe(grams, words)`` that also remembers ``words_only``: a query matching a subset
    of it (the run's word term) when there is one.  whoosh rebuilds compound queries with
    ``self.__class__(a, b)`` when it normalises them; the subset is then dropped (``None``),
    which only costs speed, never a wrong result."""

    words_only: Any = None


def recall(must: Any, scored: Any, words_only: Any = None) -> Any:
    q = Recall(must, scored)
    q.words_only = words_only
    return q


def word_tier(q: Any) -> tuple[Any, bool]:
    """(the word tier of ``q``, whether it differs from ``q``)."""
    if isinstance(q, Recall):
        return (q.words_only, True) if q.words_only is not None else (q, False)
    if isinstance(q, (wq.And, wq.Or)) and not isinstance(q, wq.Ordered):
        parts = [word_tier(s) for s in q.subqueries]
        if not any(changed for _q, changed in parts):
            return q, False
        return type(q)([p for p, _c in parts], boost=q.boost), True
    if isinstance(q, wq.AndNot):  # the excluded part stays whole: exclude every record it matches
        a, changed = word_tier(q.a)
        return (wq.AndNot(a, q.b), True) if changed else (q, False)
    return q, False


def ranked(searcher: Any, q: Any, fq: Any, limit: int | None, sort: str = "relevance"
           ) -> tuple[list[tuple[int, float | None]], int | None]:
    """The best ``limit`` hits (all if ``None``) as (docnum, score), and the exact total when
    this run learnt it on the way (else ``None``)."""
    tier, changed = word_tier(q) if sort == "relevance" else (q, False)
    if sort == "relevance":
        try:
            return _ranked_arrays(searcher, q, tier, changed, fq, limit)
        except vector.Unsupported:
            pass
    kwargs: dict[str, Any] = {"limit": limit, "filter": fq}
    if sort in ("date", "date_asc"):
        kwargs["sortedby"] = sorting.FieldFacet("date", reverse=(sort == "date"))
    if not changed:
        results = searcher.search(q, **kwargs)
        hits = [(h.docnum, h.score) for h in results]
        exact = len(results) if results.has_exact_length() else None
        if exact is None and limit is not None and len(hits) < limit:
            exact = len(hits)
        return hits, exact
    first = searcher.search(tier, **kwargs)
    hits = [(h.docnum, h.score) for h in first]
    if limit is not None and len(hits) >= limit:
        return hits[:limit], None
    return _fill(searcher, q, tier, kwargs, limit, hits)


def _fill(searcher: Any, q: Any, tier: Any, kwargs: dict[str, Any], limit: int | None,
          hits: list[tuple[int, float | None]]) -> tuple[list[tuple[int, float | None]],
                                                         int | None]:
    """The word tier's ``hits`` followed by the rest of ``q``'s (whoosh)."""
    rest = searcher.search(wq.AndNot(q, tier), **{
        **kwargs, "limit": None if limit is None else limit - len(hits)})
    more = [(h.docnum, h.score) for h in rest]
    exact = None
    if limit is None or len(more) < limit - len(hits):
        exact = len(hits) + len(more)
    return hits + more, exact


def _ranked_arrays(searcher: Any, q: Any, tier: Any, changed: bool, fq: Any,
                   limit: int | None) -> tuple[list[tuple[int, float | None]], int | None]:
    """:func:`ranked` by whole posting arrays (vector.py): the word tier first; when it has
    too few hits, the full query (by arrays when it can be evaluated so, else the tier's hits
    filled up by whoosh)."""
    hits, total, _docs = vector.top(searcher, tier, fq, limit)
    if not changed:
        return hits, total
    if limit is not None and len(hits) >= limit:
        return hits, None
    try:
        rest, _n, _docs = vector.top(searcher, wq.AndNot(q, tier), fq,
                                     None if limit is None else limit - len(hits))
        return hits + rest, len(hits) + _n
    except vector.Unsupported:
        pass
    kwargs: dict[str, Any] = {"limit": limit, "filter": fq}
    return _fill(searcher, q, tier, kwargs, limit, hits)
