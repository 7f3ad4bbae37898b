"""Measured speed-ups and fixes for whoosh 2.7 (whoosh-reloaded), applied once on import.

The largest: a segment's files inside its compound file are memory-mapped, but whoosh's
``BufferFile`` wrapped each in a ``BytesIO`` — which copies the whole buffer.  Every searcher,
and every index writer that deletes, so copied the index's terms and postings into memory: at
a million records 15 s and 10 GB for the first ``update_document`` of an import.  Here the file
reads the mapped memory in place (:class:`ViewFile`).

The second fix: ``AndNotMatcher`` checked its excluded side only when both sides started on
the same document, so when the excluded side started earlier, the first record of the kept side
was kept even if it was to be excluded ("电池 NOT 锂离子" listed one record holding 锂离子: the
first of its segment).  Here it skips the excluded side forward first, as it does after every
step (tests/library/test_search.py).

The fix: ``AndMaybeMatcher.skip_to(id)`` moves its optional side to ``id`` rather than to
where the required side landed (and ``skip_to_quality`` does not move it at all), so inside an
AND the optional side's score was silently dropped for records after a skip.  Here the
optional side always follows the required one.  The search engine relies on AndMaybe (words
score, character grams decide the match), so a test checks the scores add up
(tests/library/test_search.py).

While writing postings and while scoring, whoosh asks the segment for a document's field length
once per posting; each call reads one byte through the file layer, and for fields without a
lengths column it checks the file system every time.  Here each segment reads a field's
lengths column once into memory (one byte per document) and remembers missing columns.  The
values returned are exactly whoosh's own.  Profiling an index build showed this call at about
17 % of the time.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)
_MISSING = object()
_applied = False
ORIGINAL: Any = None  # whoosh's own doc_field_length, kept for comparison


def apply() -> None:
    global _applied, ORIGINAL
    if _applied:
        return
    try:
        from whoosh.codec import whoosh3
        from whoosh.util.numeric import byte_to_length
    except ImportError:  # pragma: no cover - another whoosh layout: keep the original
        log.warning("whoosh speed-up not applied (unexpected whoosh version)")
        return
    cls = whoosh3.W3PerDocReader
    original = ORIGINAL = cls.doc_field_length

    def doc_field_length(self: Any, docnum: int, fieldname: str, default: int = 0) -> Any:
        data = length_bytes(self, fieldname)
        if data is original:
            return original(self, docnum, fieldname, default)
        if docnum > self._doccount:
            raise IndexError(f"Asked for docnum {docnum!r} of {self._doccount:d}")
        if data is None:
            return default
        lbyte = data[docnum] if docnum < len(data) else 0
        if lbyte:
            return byte_to_length(lbyte)
        return None  # as whoosh does for a zero length byte

    cls.doc_field_length = doc_field_length
    _read_in_place()
    _fix_and_maybe()
    _fix_and_not()
    _applied = True


def length_bytes(perdoc: Any, fieldname: str) -> Any:
    """A segment's one-byte field lengths (whoosh's lossy encoding) for every document, read
    once per segment reader: bytes, None when the segment has no lengths column for the
    field, or whoosh's own ``doc_field_length`` when its column layout is unexpected."""
    from whoosh.codec import whoosh3

    cache = perdoc.__dict__.get("_ipdesk_lengths")
    if cache is None:
        cache = perdoc.__dict__["_ipdesk_lengths"] = {}
    data = cache.get(fieldname, _MISSING)
    if data is _MISSING:
        reader = perdoc._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
        if reader is None:
            data = None
        else:
            try:
                data = bytes(reader._dbfile.get(reader._basepos, reader._count))
            except AttributeError:
                data = ORIGINAL
        cache[fieldname] = data
    return data


def _fix_and_maybe() -> None:
    from whoosh.matching import binary, mcore

    cls = binary.AndMaybeMatcher

    def follow(self: Any) -> None:
        a, b = self.a, self.b
        if a.is_active() and b.is_active() and b.id() < a.id():
            b.skip_to(a.id())

    def skip_to(self: Any, id: int) -> bool:  # noqa: A002 - whoosh's signature
        if not self.a.is_active():
            raise mcore.ReadTooFar
        ra = self.a.skip_to(id)
        follow(self)
        return bool(ra)

    original_quality = cls.skip_to_quality

    def skip_to_quality(self: Any, minquality: float) -> int:
        skipped = original_quality(self, minquality)
        follow(self)
        return int(skipped)

    cls.skip_to = skip_to
    cls.skip_to_quality = skip_to_quality


def _fix_and_not() -> None:
    from whoosh.matching import binary

    def _find_first(self: Any) -> None:
        if self.a.is_active() and self.b.is_active():
            self._find_next()  # skips the excluded side to the kept one, then steps past it

    binary.AndNotMatcher._find_first = _find_first


class ViewFile:
    """A read-only file over a buffer (a slice of the memory-mapped compound file), without
    copying it: what whoosh's readers call (read, readinto, readline, seek, tell, close)."""

    def __init__(self, buf: Any) -> None:
        self._view = memoryview(buf)
        self._pos = 0
        self._len = len(self._view)

    def read(self, n: int | None = -1) -> bytes:
        start = self._pos
        end = self._len if n is None or n < 0 else min(self._len, start + n)
        self._pos = end
        return bytes(self._view[start:end])

    def readinto(self, b: Any) -> int:
        data = self._view[self._pos:self._pos + len(b)]
        n = len(data)
        b[:n] = data
        self._pos += n
        return n

    def readline(self, size: int | None = -1) -> bytes:
        out = b""
        while self._pos < self._len and (size is None or size < 0 or len(out) < size):
            chunk = bytes(self._view[self._pos:min(self._len, self._pos + 4096)])
            cut = chunk.find(b"\n")
            if cut >= 0:
                chunk = chunk[:cut + 1]
            if size is not None and size >= 0:
                chunk = chunk[:size - len(out)]
            out += chunk
            self._pos += len(chunk)
            if out.endswith(b"\n"):
                break
        return out

    def __iter__(self) -> Any:
        while True:
            line = self.readline()
            if not line:
                return
            yield line

    def seek(self, pos: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._pos, 2: self._len}[whence]
        self._pos = max(0, base + pos)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        pass


def _read_in_place() -> None:
    from whoosh.filedb import structfile

    def __init__(self: Any, buf: Any, name: Any = None, onclose: Any = None) -> None:
        self._buf = buf
        self._name = name
        self.file = ViewFile(buf)
        self.onclose = onclose
        self.is_real = False
        self.is_closed = False

    structfile.BufferFile.__init__ = __init__
