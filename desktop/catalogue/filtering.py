"""Instant filtering of the catalogue as the officer types.

:class:`CatalogueIndex` precomputes, per item, the lower-cased name, code, keywords and the
guide's plain text; their pinyin initials and full pinyin are computed once, on the first
Latin-letter query or by :meth:`CatalogueIndex.prepare_pinyin` (the page calls it in the
background after start-up, so loading pypinyin never delays the window).  ``filter`` then
only does substring tests: well under a millisecond for the whole catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.catalogue.schema import ServiceItem
from desktop.catalogue.text import item_plain_text


@dataclass(frozen=True)
class _Entry:
    item: ServiceItem
    code: str
    name: str
    keywords: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class _Pinyin:
    initials: tuple[str, ...]  # name variants first, then keywords'
    n_name: int  # how many of ``initials`` belong to the name
    spelled: tuple[str, ...]  # name first, then keywords


def _entry(item: ServiceItem) -> _Entry:
    return _Entry(item, item.code.lower(), item.name.lower(),
                  tuple(k.lower() for k in item.keywords), item_plain_text(item).lower())


def _pinyin_of(item: ServiceItem) -> _Pinyin:
    from desktop.catalogue.pinyin import full_pinyin, initials_variants

    name_initials = initials_variants(item.name)
    initials = list(name_initials)
    for k in item.keywords:
        initials.extend(initials_variants(k))
    spelled = tuple(full_pinyin(w) for w in (item.name, *item.keywords))
    return _Pinyin(tuple(initials), len(name_initials), spelled)


def _normalise(query: str) -> str:
    return "".join(query.split()).lower()


class CatalogueIndex:
    """The loaded catalogue with everything the filter needs precomputed."""

    def __init__(self, items: Iterable[ServiceItem]) -> None:
        self._entries = [_entry(i) for i in items]
        self._pinyin: list[_Pinyin] | None = None

    def prepare_pinyin(self) -> None:
        """Compute every item's pinyin (safe to call from a worker thread, idempotent)."""
        if self._pinyin is None:
            self._pinyin = [_pinyin_of(e.item) for e in self._entries]

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def items(self) -> list[ServiceItem]:
        return [e.item for e in self._entries]

    def get(self, code: str) -> ServiceItem | None:
        return next((e.item for e in self._entries if e.item.code == code), None)

    def filter(self, query: str = "", *, category: str | None = None,
               audience: str | None = None, include_retired: bool = False) -> list[ServiceItem]:
        """Items matching ``query`` (Chinese, pinyin initials, full pinyin or code), best first.

        Rank: code match, name match, name initials/pinyin, keyword, anywhere in the guide.
        """
        q = _normalise(query)
        ranked: list[tuple[tuple[int, int, int], int, ServiceItem]] = []
        for pos, e in enumerate(self._entries):
            it = e.item
            if not include_retired and not it.active:
                continue
            if category and it.category != category:
                continue
            if audience and audience not in it.audience:
                continue
            rank = self._rank(pos, e, q)
            if rank is not None:
                ranked.append((rank, pos, it))
        ranked.sort(key=lambda t: (t[0], t[1]))  # rank, then catalogue order
        return [t[2] for t in ranked]

    def _rank(self, pos: int, e: _Entry, q: str) -> tuple[int, int, int] | None:
        """(tier, where in the name it matched, name length): smaller is better."""
        size = len(e.name)
        if not q:
            return (0, 0, 0)
        if e.code.startswith(q) or q.replace("-", "") in e.code.replace("-", ""):
            return (0, 0, size)
        if q in e.name:
            return (1, e.name.index(q), size)
        if q.isascii():
            self.prepare_pinyin()
            assert self._pinyin is not None
            py = self._pinyin[pos]
            at = [v.find(q) for v in py.initials[:py.n_name] if q in v]
            if at:
                return (2, min(at), size)
            if q in py.spelled[0]:
                return (2, py.spelled[0].index(q), size)
            if any(q in v for v in py.initials[py.n_name:]) or \
                    any(q in sp for sp in py.spelled[1:]):
                return (3, 0, size)
        if any(q in k for k in e.keywords):
            return (3, 0, size)
        if q in e.text:
            return (4, 0, size)
        return None


def categories_of(items: Sequence[ServiceItem]) -> list[str]:
    """Categories present, in the schema's order."""
    from desktop.catalogue.schema import CATEGORIES

    present = {i.category for i in items}
    return [c for c in CATEGORIES if c in present]
