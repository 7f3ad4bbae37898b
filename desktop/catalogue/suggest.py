"""Service items suggested for a need written in the visitor's own words.

Each item becomes one document of the library's matcher: its name (×3), keywords (×2), FAQ
questions (×1.5) and answers, materials, category, and a summary of its conditions and steps
(×0.5).  :class:`CatalogueMatcher` is pure (built from items; the catalogue page keeps one in
its index); :func:`suggest_items` keeps one per context, rebuilt when the stored catalogue's
version key changes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.catalogue import store
from desktop.catalogue.schema import ServiceItem
from desktop.context import AppContext

if TYPE_CHECKING:
    from desktop.library import api as library

#: a suggestion scoring below this share of the best one is left out (noise)
MIN_RATIO = 0.25
#: field weights: name, keywords, FAQ question, FAQ answer / materials / category, summary
WEIGHTS = {"name": 3.0, "keyword": 2.0, "question": 1.5, "text": 1.0, "summary": 0.5}


@dataclass(frozen=True)
class Suggestion:
    code: str
    title: str
    score: float
    why: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {"code": self.code, "title": self.title, "score": self.score,
                "why": list(self.why)}


def item_doc(item: ServiceItem) -> library.MatchDoc:
    from desktop.library import api as library  # the analyzer: loaded on first use

    w = WEIGHTS
    fields: list[tuple[str, float]] = [(item.name, w["name"]), (item.category, w["text"])]
    fields += [(k, w["keyword"]) for k in item.keywords]
    for f in item.faq:
        fields += [(f.q, w["question"]), (f.a, w["text"])]
    fields += [(m.name, w["text"]) for m in item.materials]
    summary = [*item.conditions, *(s.title for s in item.steps), item.result]
    fields += [(t, w["summary"]) for t in summary]
    return library.MatchDoc(item.code, tuple(fields))


class CatalogueMatcher:
    """The matcher over a set of items, answering with :class:`Suggestion` objects."""

    def __init__(self, items: Iterable[ServiceItem]) -> None:
        self.items = {i.code: i for i in items}
        from desktop.library import api as library  # loaded on first use: a light start-up

        self.matcher = library.make_matcher(item_doc(i) for i in self.items.values())

    def suggest(self, text: str, limit: int = 5, *, min_ratio: float = MIN_RATIO
                ) -> list[Suggestion]:
        if not text.strip() or limit <= 0:
            return []
        return [Suggestion(m.key, self.items[m.key].name, m.score, m.why)
                for m in self.matcher.search(text, limit, min_ratio=min_ratio)]


class _Cache:
    """The context's matcher and the catalogue version it was built from."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.version: tuple[object, ...] | None = None
        self.matcher: CatalogueMatcher | None = None


def catalogue_matcher(ctx: AppContext) -> CatalogueMatcher:
    """The context's matcher over the active items, rebuilt when the catalogue changed."""
    cache = ctx.service("catalogue.suggest", _Cache, _Cache)
    store.ensure_loaded(ctx.db)
    version = store.catalogue_version(ctx.db)
    with cache.lock:
        if cache.matcher is None or cache.version != version:
            items = store.list_items(ctx.db, include_retired=False)
            cache.matcher, cache.version = CatalogueMatcher(items), version
        return cache.matcher


def suggest_items(ctx: AppContext, text: str, limit: int = 5) -> list[Suggestion]:
    return catalogue_matcher(ctx).suggest(text, limit)
