"""The Chinese analyzer stored in the index.

whoosh pickles the analyzer into the index schema, so this module's path
(``desktop.library.search.analysis``) and the class name :class:`ChineseAnalyzer` must stay
stable; the pickled state is only the class reference (the dictionary is configured per
process with :func:`configure_dictionary`).

Segmentation uses rjieba (jieba-rs).  In index mode every word is emitted together with the
dictionary words inside it (jieba's search mode: 锂离子 also yields 离子) *at the same position*,
so recall is that of search mode while quoted phrases still match word-by-word.  Query mode
emits only whole words.  Latin text is lower-cased; punctuation, white space and a short list of
stop words produce no token and take no position.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from whoosh.analysis import Token, Tokenizer

from desktop.paths import resource

log = logging.getLogger(__name__)

STOP_WORDS = frozenset({
    "的", "了", "和", "与", "及", "或", "在", "是", "为", "对", "将", "其", "于", "以", "并", "等",
    "一种", "所述", "该", "之", "中", "上", "由", "用于", "a", "an", "the", "of", "and", "or",
    "to", "in", "for", "on", "with",
})

_lock = threading.Lock()
_segmenter = None
_dict_files: tuple[Path, ...] | None = None


def bundled_dictionary_files() -> list[Path]:
    folder = resource("dictionary")
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def user_dictionary_files(user_dir: Path | None) -> list[Path]:
    if user_dir is None:
        return []
    folder = Path(user_dir) / "dictionary"
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def configure_dictionary(user_dir: Path | None = None) -> None:
    """Use the bundled domain dictionary plus ``<user_dir>/dictionary/*.txt`` in this process.

    Changing the dictionary affects newly analysed text only; rebuild the index afterwards.
    """
    global _dict_files, _segmenter
    files = tuple(bundled_dictionary_files() + user_dictionary_files(user_dir))
    with _lock:
        if files != _dict_files:
            _dict_files = files
            _segmenter = None


def read_dictionary(path: Path) -> Iterator[tuple[str, int | None]]:
    """Words of a dictionary file: one a line, optionally followed by a frequency; # comments."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("cannot read dictionary %s: %s", path, exc)
        return
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        yield parts[0], freq


def segmenter():
    """The process-wide rjieba segmenter with the domain dictionary loaded (built once)."""
    global _segmenter
    seg = _segmenter
    if seg is not None:
        return seg
    with _lock:
        if _segmenter is None:
            import rjieba

            seg = rjieba.Jieba()
            files = _dict_files if _dict_files is not None else tuple(bundled_dictionary_files())
            count = 0
            for path in files:
                for word, freq in read_dictionary(path):
                    seg.add_word(word, freq, None)
                    count += 1
            log.debug("segmenter ready with %d dictionary words", count)
            _segmenter = seg
        return _segmenter


_has_word = re.compile(r"[^\W_]").search  # a letter or digit somewhere in the token


def words(text: str) -> list[tuple[str, int, int, int]]:
    """Whole words of ``text`` as (word, position, start, end), stop words and punctuation
    dropped; positions count only kept words."""
    out: list[tuple[str, int, int, int]] = []
    pos = 0
    for w, s, e in segmenter().tokenize(text):
        if not _has_word(w):
            continue
        lw = w.lower()
        if lw in STOP_WORDS:
            continue
        out.append((lw, pos, s, e))
        pos += 1
    return out


def index_tokens(text: str) -> list[tuple[str, int, int, int]]:
    """Words plus the dictionary words inside them (jieba's search mode), each sub-word at the
    position of the word that contains it.

    Search mode lists a word's sub-words just before the word itself, and words do not overlap,
    so walking the tokens backwards tells whole words (not inside the span of a later token)
    from sub-words; one segmentation call does both."""
    toks = segmenter().tokenize(text, mode="search")
    n = len(toks)
    container = [0] * n  # index of the whole word holding each token
    whole_s = whole_e = -1
    current = -1
    for i in range(n - 1, -1, -1):
        _w, s, e = toks[i]
        if current < 0 or not (s >= whole_s and e <= whole_e):
            current, whole_s, whole_e = i, s, e
        container[i] = current
    positions: dict[int, int] = {}
    pos = 0
    out: list[tuple[str, int, int, int]] = []
    stop = STOP_WORDS
    for i in range(n):
        w, s, e = toks[i]
        c = container[i]
        if c == i:  # a whole word: give it the next position, unless it is skipped
            if not _has_word(w):
                continue
            lw = w.lower()
            if lw in stop:
                continue
            positions[i] = pos
            pos += 1
            out.append((lw, positions[i], s, e))
            continue
        lw = w.lower()
        if lw in stop or not _has_word(w):
            continue
        out.append((lw, -1 - c, s, e))  # resolved below (its word comes later)
    return [(w, positions.get(-1 - p, -1) if p < 0 else p, s, e) for w, p, s, e in out
            if p >= 0 or (-1 - p) in positions]


class ChineseAnalyzer(Tokenizer):
    """whoosh analyzer: rjieba words (+ sub-words in index mode) with positions and offsets."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self).__name__)

    def __call__(
        self, value: str, positions: bool = False, chars: bool = False,
        keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
        start_char: int = 0, tokenize: bool = True, mode: str = "", **kwargs: object,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = t.text = value
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar = start_char
                t.endchar = start_char + len(value)
            yield t
            return
        for w, p, s, e in self.items(value, mode):
            t.text = w
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = w
            if positions:
                t.pos = start_pos + p
            if chars:
                t.startchar = start_char + s
                t.endchar = start_char + e
            yield t

    def items(self, value: str, mode: str) -> list[tuple[str, int, int, int]]:
        """(token, position, start, end) of ``value``."""
        return words(value) if mode == "query" else index_tokens(value)


def query_words(text: str) -> list[str]:
    """The words a query string analyses to (whole words, as typed)."""
    return [w for w, _p, _s, _e in words(text)]


def terms_for(texts: Iterable[str]) -> set[str]:
    return {w for t in texts for w in query_words(t)}
