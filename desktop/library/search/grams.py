"""The character n-gram field: recall for any run of Chinese characters.

The word field finds what the segmenter made a word (or a dictionary word inside one), so a
single character (煤 in 煤炭) or a substring across word boundaries (方法 in 地方法规) is not in
it.  Beside it the index keeps every run of Chinese characters as overlapping bigrams, each at
its own position, plus the run's last character alone; runs are kept two positions apart so a
phrase never bridges two runs.  A run is Chinese characters with the Latin letters and digits
written against them (``SIM卡``, ``B型``, ``5G通讯``), lower-cased: the word segmenter splits
such mixed text unpredictably, the grams do not.  Then, for a run ``q`` in a query that holds
Chinese characters:

- one character: every gram starting with it (its bigrams and a run-final unigram);
- two characters: the bigram;
- three or more: the phrase of its bigrams at consecutive positions.

That is exactly "the text contains ``q``": :func:`gram_query` matches the records whose text
holds the run as a substring, no more and no fewer (tests/library/test_recall.py checks it
against a plain substring count over the real records).

whoosh pickles the analyzer into the schema: this module path and :class:`GramAnalyzer` must
stay stable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from whoosh import query as wq

from desktop.library.search.analysis import ChineseAnalyzer

GRAM_FIELD = "gram"  # title, text, applicants (the word field's text)
# CJK unified ideographs, extension A and the compatibility block
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(f"[{HAN}0-9A-Za-z]+")
_HAN_CHAR = re.compile(f"[{HAN}]")


def han_runs(text: str) -> list[str]:
    """The gram runs of ``text`` (Chinese characters with adjacent letters and digits,
    lower-cased), in order; none when ``text`` holds no Chinese character."""
    return [r.lower() for r in _RUN.findall(text or "")] if has_han(text) else []


def has_han(text: str) -> bool:
    return _HAN_CHAR.search(text or "") is not None


def gram_tokens(text: str) -> Iterator[tuple[str, int, int, int]]:
    """(gram, position, start, end) for every run of Chinese characters in ``text``."""
    pos = 0
    for m in _RUN.finditer(text or ""):
        run, start = m.group().lower(), m.start()
        n = len(run)
        for i in range(n - 1):
            yield run[i:i + 2], pos + i, start + i, start + i + 2
        yield run[-1], pos + n - 1, start + n - 1, start + n
        pos += n + 1  # a gap: a phrase never spans two runs


class TitleContains(wq.WrappingQuery):
    """The records of ``child`` whose stored title contains every one of ``runs``.

    名称: queries match by the gram field (the whole text) and keep the records whose title
    holds the runs: a second gram field for titles alone cost about 40 % of the index build
    (its vocabulary is nearly the whole one), the check costs a stored-field read per
    candidate, only for 名称: queries."""

    def __init__(self, child: Any, runs: list[str], boost: float = 1.0) -> None:
        super().__init__(child)
        self.runs = tuple(runs)
        self.boost = boost

    def _rewrap(self, child: Any) -> Any:
        return self.__class__(child, list(self.runs), self.boost)

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, TitleContains) and self.child == other.child
                and self.runs == other.runs)

    def __hash__(self) -> int:
        return hash((type(self).__name__, hash(self.child), self.runs))

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        from whoosh.matching import ListMatcher, NullMatcher

        keep = []
        for docnum in self.child.docs(searcher):
            title = (searcher.stored_fields(docnum).get("title") or "").lower()
            if all(r in title for r in self.runs):
                keep.append(docnum)
        return ListMatcher(keep, all_weights=self.boost) if keep else NullMatcher()


def gram_query(run: str, field: str = GRAM_FIELD, boost: float = 1.0) -> Any:
    """Records whose ``field`` text contains ``run`` (one gram run, lower-cased) as a substring."""
    if not run:
        return None
    if len(run) == 1:
        return wq.Prefix(field, run, boost=boost)
    if len(run) == 2:
        return wq.Term(field, run, boost=boost)
    # a phrase scores the sum of its bigrams: divided, it weighs like one term whatever its length
    return wq.Phrase(field, [run[i:i + 2] for i in range(len(run) - 1)],
                     boost=boost / (len(run) - 1))


class GramAnalyzer(ChineseAnalyzer):
    """whoosh analyzer for the gram fields (index side; queries are built by :func:`gram_query`)."""

    def items(self, value: str, mode: str) -> list[tuple[str, int, int, int]]:
        return list(gram_tokens(value))
