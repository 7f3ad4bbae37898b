"""A small in-memory ranked matcher for short texts written in everyday words.

Built once from documents (:class:`MatchDoc`: a key and weighted text fields), it answers a
visitor's need — "我们公司想拿专利去银行贷款" — with the best documents and the words that
matched.  Used for the catalogue's suggestions and filter box and for the knowledge base of
past questions; fast enough to run on every keystroke.

How a text becomes terms (documents and queries alike): the library's Chinese analyzer
(jieba words plus the dictionary words inside them), every synonym-list word found in the
text as a substring (so "快到期了" holds 到期 whatever the segmentation), and character
bigrams of Chinese runs (a fallback for words the dictionary does not know, e.g.
abbreviations).  Scores are BM25F (field-weighted term frequency, saturated once per
document), precomputed per term and document at build time.

A query is split into *concepts*: each synonym-list word it contains (expanded to its group),
and each remaining content word (with its sub-words and bigrams as weaker fall-backs; filler
words such as 我们/想/怎么办 dropped; a trailing single character is completed to the words
it begins, for typing).  A document's concept score is its best member's score times the
member's weight; the concepts' scores add up (OR ranking), and documents matching more of
the query's concepts rank first through a coordination factor.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from desktop.library.search.analysis import index_tokens
from desktop.library.synonyms import Synonyms, bundled_synonyms, is_latin

K1 = 1.2
B = 0.4
SYNONYM_WEIGHT = 0.7  # another word of the same synonym group
SUBWORD_WEIGHT = 0.6  # a dictionary word inside a longer query word
BIGRAM_WEIGHT = 0.35  # two characters of a query word found together
PREFIX_WEIGHT = 0.5  # a word the last typed character begins
PREFIX_LIMIT = 12
_BIGRAM = "\x02"  # bigram terms are kept apart from words of the same two characters
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_CJK_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class MatchDoc:
    """One document: its key and its text fields with their weights (title ×3, …)."""

    key: str
    fields: tuple[tuple[str, float], ...]

    @classmethod
    def of(cls, key: str, *, title: str = "", keywords: Iterable[str] = (),
           body: Iterable[str] = (), title_weight: float = 3.0, keyword_weight: float = 2.0,
           body_weight: float = 1.0) -> MatchDoc:
        """The common shape: a title, keywords and body texts."""
        fields = [(title, title_weight)] if title else []
        fields += [(k, keyword_weight) for k in keywords if k]
        fields += [(b, body_weight) for b in body if b]
        return cls(key, tuple(fields))


@dataclass(frozen=True)
class Match:
    """A matching document: key, score and why (the words that matched, "贷款→质押" for a
    word found through its synonym)."""

    key: str
    score: float
    why: tuple[str, ...]


@dataclass
class _Concept:
    label: str  # what the visitor wrote
    members: dict[str, float] = field(default_factory=dict)  # term -> weight

    def add(self, term: str, weight: float) -> None:
        if weight > self.members.get(term, 0.0):
            self.members[term] = weight


def bigrams(text: str) -> list[str]:
    return [run[i:i + 2] for run in _CJK_RUN.findall(text) for i in range(len(run) - 1)]


class _SynonymScanner:
    """Finds the synonym list's words in a text (Chinese words as substrings, Latin words
    as whole tokens)."""

    def __init__(self, synonyms: Synonyms) -> None:
        self.synonyms = synonyms
        words = synonyms.words()
        self.latin = {w for w in words if is_latin(w)}
        cjk = sorted((w for w in words if w not in self.latin), key=len, reverse=True)
        # at each position the longest word found there; shorter words inside it are added
        self.pattern = re.compile("(?=(" + "|".join(map(re.escape, cjk)) + "))") if cjk \
            else None
        self.inside = {w: [v for v in cjk if v != w and v in w] for w in cjk}

    def occurrences(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, word) of the longest synonym word at each position of ``text``."""
        if self.pattern is None:
            return []
        return [(m.start(), m.start() + len(m.group(1)), m.group(1))
                for m in self.pattern.finditer(text)]

    def all_words(self, text: str) -> set[str]:
        found: set[str] = set()
        for _s, _e, w in self.occurrences(text):
            found.add(w)
            found.update(self.inside[w])
        return found


class Matcher:
    """Ranked matching over documents built once; :meth:`search` on every keystroke."""

    def __init__(self, docs: Iterable[MatchDoc], synonyms: Synonyms | None = None, *,
                 term_cache: dict[str, list[str]] | None = None) -> None:
        """``term_cache`` (text -> its terms), kept by the caller across rebuilds, spares
        analysing the texts again that an earlier matcher already analysed."""
        self.synonyms = synonyms or bundled_synonyms()
        self._scan = _SynonymScanner(self.synonyms)
        self._term_cache = term_cache
        self.keys: list[str] = []
        tfs: list[dict[str, float]] = []
        lengths: list[float] = []
        for doc in docs:
            tf: dict[str, float] = {}
            length = 0.0
            for text, weight in doc.fields:
                terms = self._doc_terms(text)
                length += weight * len(terms)
                for t in terms:
                    tf[t] = tf.get(t, 0.0) + weight
            self.keys.append(doc.key)
            tfs.append(tf)
            lengths.append(length)
        self._postings = self._score(tfs, lengths)
        self._vocab = sorted(t for t in self._postings if not t.startswith(_BIGRAM))

    def __len__(self) -> int:
        return len(self.keys)

    def _doc_terms(self, text: str) -> list[str]:
        cache = self._term_cache
        if cache is not None:
            found = cache.get(text)
            if found is None:
                found = cache[text] = self._analyse(text)
            return found
        return self._analyse(text)

    def _analyse(self, text: str) -> list[str]:
        low = text.lower()
        terms = [w for w, _p, _s, _e in index_tokens(low)]
        terms += self._scan.all_words(low)
        terms += [_BIGRAM + b for b in bigrams(low)]
        return terms

    @staticmethod
    def _score(tfs: list[dict[str, float]], lengths: list[float]) -> dict[str, dict[int, float]]:
        n = len(tfs)
        avg = (sum(lengths) / n) if n else 1.0
        df: dict[str, int] = {}
        for tf in tfs:
            for t in tf:
                df[t] = df.get(t, 0) + 1
        idf = {t: math.log(1.0 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        postings: dict[str, dict[int, float]] = {}
        for i, tf in enumerate(tfs):
            norm = K1 * (1.0 - B + B * (lengths[i] / avg if avg else 1.0))
            for t, f in tf.items():
                postings.setdefault(t, {})[i] = idf[t] * f * (K1 + 1.0) / (f + norm)
        return postings

    # -- queries -------------------------------------------------------------------------
    def concepts(self, text: str) -> list[_Concept]:
        """What the query asks for, as concepts of alternative terms (see the module doc)."""
        low = text.lower().strip()
        syn = self.synonyms
        out: list[_Concept] = []
        taken: list[tuple[int, int]] = []
        groups_done: set[int] = set()
        for s, e, w in sorted(self._scan.occurrences(low), key=lambda o: o[0] - o[1]):
            if any(s < te and ts < e for ts, te in taken):
                continue  # inside a longer synonym word already taken
            taken.append((s, e))
            g = syn.group_of[w]
            if g in groups_done:
                continue
            groups_done.add(g)
            out.append(self._group_concept(w, g))
        tokens = index_tokens(low)
        whole = _whole_words(tokens)
        for w, s, e, subs in whole:
            if w in syn.filler:
                continue
            if w in self._scan.latin:
                g = syn.group_of[w]
                if g not in groups_done:
                    groups_done.add(g)
                    out.append(self._group_concept(w, g))
                continue
            if any(s < te and ts < e for ts, te in taken):
                # partly a synonym word (银行贷款 holding 贷款): keep the other sub-words
                for sub, ss, se in subs:
                    if sub not in syn.filler and not any(ss < te and ts < se
                                                         for ts, te in taken):
                        out.append(self._word_concept(sub, last=False))
                continue
            last = e == len(low)
            if w not in self._postings and subs and len(w) > 2:
                out.extend(self._word_concept(sub, last=False) for sub, _s, _e in subs
                           if sub not in syn.filler)
                continue
            concept = self._word_concept(w, last=last)
            for sub, _ss, _se in subs:
                concept.add(sub, SUBWORD_WEIGHT)
            out.append(concept)
        return [c for c in out if c.members]

    def _group_concept(self, word: str, group: int) -> _Concept:
        c = _Concept(word)
        for m in self.synonyms.groups[group]:
            c.add(m, 1.0 if m in word else SYNONYM_WEIGHT)
        return c

    def _word_concept(self, word: str, *, last: bool) -> _Concept:
        c = _Concept(word)
        cjk = len(_CJK_CHAR.findall(word))
        if cjk == 1 and len(word) == 1:
            if last:  # the character being typed: complete it to the words it begins
                for t in self._completions(word):
                    c.add(t, PREFIX_WEIGHT)
            return c
        c.add(word, 1.0)
        for b in bigrams(word):
            c.add(_BIGRAM + b, BIGRAM_WEIGHT if len(word) > 2 else 2 * BIGRAM_WEIGHT)
        if last and is_latin(word) and len(word) >= 2:
            for t in self._completions(word):
                c.add(t, PREFIX_WEIGHT)
        return c

    def _completions(self, prefix: str) -> list[str]:
        i = bisect.bisect_left(self._vocab, prefix)
        out: list[str] = []
        while i < len(self._vocab) and self._vocab[i].startswith(prefix):
            if self._vocab[i] != prefix:
                out.append(self._vocab[i])
            i += 1
        out.sort(key=lambda t: -len(self._postings[t]))
        return out[:PREFIX_LIMIT]

    def search(self, text: str, limit: int = 10, *, min_ratio: float = 0.0) -> list[Match]:
        """The best ``limit`` documents for ``text``, best first, with why they matched.

        ``min_ratio`` drops documents scoring below that share of the best score."""
        concepts = self.concepts(text)
        if not concepts:
            return []
        totals: dict[int, float] = {}
        hits: dict[int, int] = {}
        postings = self._postings
        for c in concepts:
            best: dict[int, float] = {}
            for term, weight in c.members.items():
                post = postings.get(term)
                if not post:
                    continue
                for d, s in post.items():
                    v = s * weight
                    if v > best.get(d, 0.0):
                        best[d] = v
            for d, v in best.items():
                totals[d] = totals.get(d, 0.0) + v
                hits[d] = hits.get(d, 0) + 1
        n = len(concepts)
        scored = [(v * (0.5 + 0.5 * hits[d] / n), d) for d, v in totals.items()]
        scored.sort(key=lambda t: (-t[0], t[1]))
        if scored and min_ratio > 0:
            floor = scored[0][0] * min_ratio
            scored = [t for t in scored if t[0] >= floor]
        return [Match(self.keys[d], round(score, 4), self._why(concepts, d))
                for score, d in scored[:limit]]

    def match(self, text: str, limit: int = 10) -> list[tuple[str, float]]:
        """(key, score) of the best ``limit`` documents."""
        return [(m.key, m.score) for m in self.search(text, limit)]

    def _why(self, concepts: Sequence[_Concept], d: int) -> tuple[str, ...]:
        """Per concept, the visitor's word, or "word→synonym" when only a synonym (or a word
        it begins) is in the document."""
        out: list[str] = []
        for c in concepts:
            best, term, direct = 0.0, "", False
            for t, w in c.members.items():
                s = self._postings.get(t, {}).get(d, 0.0)
                if not s:
                    continue
                own = t.removeprefix(_BIGRAM) in c.label
                direct = direct or own
                if s * w > best:
                    best, term = s * w, t
            if not term:
                continue
            label = c.label if direct else f"{c.label}→{term.removeprefix(_BIGRAM)}"
            if label not in out:
                out.append(label)
        return tuple(out)


def _whole_words(tokens: list[tuple[str, int, int, int]]
                 ) -> list[tuple[str, int, int, list[tuple[str, int, int]]]]:
    """Whole words (word, start, end, the sub-words inside it) from search-mode tokens,
    which list a word's sub-words just before the word (see ``index_tokens``)."""
    out: list[tuple[str, int, int, list[tuple[str, int, int]]]] = []
    for w, _p, s, e in reversed(tokens):
        if out and s >= out[-1][1] and e <= out[-1][2]:
            out[-1][3].append((w, s, e))
        else:
            out.append((w, s, e, []))
    out.reverse()
    return out


def words(text: str) -> list[str]:
    """The whole words of ``text`` as the matcher's analyzer sees them (lower-cased)."""
    return [w for w, _s, _e, _subs in _whole_words(index_tokens(text.lower()))]
