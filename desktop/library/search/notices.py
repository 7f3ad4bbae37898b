"""Why a search found nothing, in one line each (shown on the page, ``notice`` in JSON).

Called only for an empty result: a number not in the library; a field that no record matching
the rest of the query has (申请日 on records that only carry 公开日); a word found nowhere,
with the nearest spelling in the index when there is one ("did you mean").
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from whoosh import query as wq

from desktop.library.search.grams import has_han
from desktop.library.search.numbers import Note, QuerySyntaxError, identifier_query
from desktop.library.search.query import Builder, ParsedQuery, Parser, Tok, tokenize
from desktop.library.search.schema import MATCH_FIELD, tag

log = logging.getLogger(__name__)
MatchFn = Callable[[Any], set[int]]

# query field -> (Chinese label, English label, the "has this field" tag)
PRESENCE: dict[str, tuple[str, str, str]] = {
    "app_date": ("申请日", "application date", "app"), "pub_date": ("公开日", "publication date", "pub"),
    "legal": ("法律状态", "legal status", "legal"), "region": ("地区", "region", "region"),
    "ipc": ("IPC分类号", "IPC", "ipc"), "inventors": ("发明人", "inventors", "inv"),
    "applicants": ("申请人", "applicants", "ap"), "year": ("日期", "date", "year"),
    "date": ("日期", "date", "year"),
}
ALTERNATIVE = {"app_date": "pub_date", "pub_date": "app_date"}
_NUMBER_FIELDS = {"appno": ("申请号", "application number"),
                  "pubno": ("公开（公告）号", "publication number")}


def _parse(toks: list[Tok]) -> Any:
    if not toks:
        return wq.Every()
    try:
        q = Parser(toks, Builder()).parse()
    except QuerySyntaxError:
        return None
    return q if q is not None else None


def suggest(searcher: Any, word: str) -> tuple[str, int] | None:
    """The indexed word nearest to ``word`` (one edit), the most frequent of them, with its
    record count; None when there is none."""
    if len(word) < 2:
        return None
    reader = searcher.reader()
    best: tuple[str, int] | None = None
    try:
        prefix = 1 if len(word) >= 3 else 0
        for cand in reader.terms_within(MATCH_FIELD, word.lower(), 1, prefix=prefix):
            if cand == word.lower() or len(cand) < 2:
                continue
            n = reader.doc_frequency(MATCH_FIELD, cand)
            if n and (best is None or n > best[1]):
                best = (cand, n)
    except Exception:  # an index without a word graph: no suggestion, never an error
        log.debug("no spelling suggestions for %r", word, exc_info=True)
    return best


def explain_zero(searcher: Any, parsed: ParsedQuery, match: MatchFn) -> list[Note]:
    """Notes telling why ``parsed`` matched nothing (``match(q)``: docnums matching ``q``
    under the same filters)."""
    try:
        toks = tokenize(parsed.text)
    except QuerySyntaxError:
        return []
    notes: list[Note] = []
    for i, t in enumerate(toks):
        if t.kind == "field" and t.field in _NUMBER_FIELDS:
            zh, en = _NUMBER_FIELDS[t.field]
            notes.append((f"本地库中没有{zh}为 {t.text} 的记录",
                          f"no record in the library has the {en} {t.text}"))
        elif t.kind == "word" and identifier_query(t.text) is not None and not has_han(t.text):
            notes.append((f"本地库中没有号码为 {t.text} 的记录",
                          f"no record in the library has the number {t.text}"))
        elif t.kind == "field" and t.field in PRESENCE:
            note = _absent_field(toks[:i] + toks[i + 1:], t.field, t.text, match)
            if note:
                notes.append(note)
        elif t.kind == "word":
            q = Builder().word(t.text)
            if q is not None and not match(q):
                notes.append(_missing_word(searcher, t.text))
    return notes


def _has(name: str) -> Any:
    return wq.Term("tags", tag("has", name))


def _absent_field(rest: list[Tok], fname: str, value: str, match: MatchFn) -> Note | None:
    rest_q = _parse(rest)
    if rest_q is None:
        return None
    docs = match(rest_q)
    if not docs:
        return None
    zh, en, has = PRESENCE[fname]
    if docs & match(_has(has)):  # some have the field: the value is what matched nothing
        return (f"匹配其余条件的 {len(docs)} 条记录中，没有“{zh}”符合“{value}”的",
                f"of the {len(docs)} records matching the rest, none has a {en} matching "
                f"'{value}'")
    line = (f"{'库中' if not rest else '匹配其余条件的'} {len(docs)} 条记录都没有“{zh}”",
            f"none of the {len(docs)} records {'' if not rest else 'matching the rest '}"
            f"has a {en}")
    alt = ALTERNATIVE.get(fname)
    if alt and docs & match(_has(PRESENCE[alt][2])):
        azh, aen, _ = PRESENCE[alt]
        return (f"{line[0]}，可改用“{azh}:”", f"{line[1]}; try '{aen}' ({azh}:)")
    return line


def _missing_word(searcher: Any, word: str) -> Note:
    near = suggest(searcher, word)
    if near:
        cand, n = near
        return (f"库中没有“{word}”，您是不是要找“{cand}”（{n} 条）？",
                f"nothing holds '{word}'; did you mean '{cand}' ({n} records)?")
    return (f"库中没有记录含有“{word}”", f"no record holds '{word}'")
