"""The query language (documented in docs/library.md and in the app's help).

    锂电池 正极          words: all must match (AND), in title, abstract/text, applicants, inventors
    锂电池 OR 钠电池      either (also ``|``)
    电池 NOT 汽车         exclude (also ``-汽车``)
    "锂离子电池"          a phrase: the words in this order
    (A OR B) C           grouping
    名称:电池  摘要:  申请人:  发明人:  IPC:H01M  申请号:  公开号:  法律状态:  类型:  地区:  来源:
    申请日:2020..2023   公开日:2021-06..  年份:2022   date ranges (year, year-month or full dates)
    201710601862.3      a bare application or publication number finds its record

Anything that cannot be parsed (unbalanced quotes or brackets, a lone NOT, an empty field)
falls back to a plain-words search, and :class:`ParsedQuery` says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from whoosh import query as wq

from desktop.common.limits import MAX_QUERY_CHARS, MAX_QUERY_DEPTH, MAX_QUERY_TERMS
from desktop.errors import UserError
from desktop.library.normalise import norm_region
from desktop.library.search import numbers
from desktop.library.search.analysis import query_words
from desktop.library.search.grams import (
    GRAM_FIELD,
    TitleContains,
    gram_query,
    han_runs,
)
from desktop.library.search.numbers import (  # noqa: F401  (re-exported)
    QuerySyntaxError,
    date_range,
    identifier_query,
    year_range,
)
from desktop.library.search.schema import MATCH_FIELD, tag
from desktop.library.search.tiers import Recall, recall
from desktop.library.search.tokens import (  # noqa: F401  (re-exported)
    FIELD_ALIASES,
    QUOTES,
    Tok,
    tokenize,
)
from desktop.validators.api import appno_key, check_ipc, pubno_key

KIND_WORDS = {"专利": "patent", "patent": "patent", "文档": "document", "法规": "document",
              "政策": "document", "document": "document", "服务": "service_item",
              "服务事项": "service_item", "service": "service_item",
              "service_item": "service_item"}
GRAM_BOOST = 0.1  # a substring match scores below a word match (tuned in bench/ranking_bench.py)
# a word found in the title scores this much more (beside the title's double weight in the
# word field); tuned on the known-item set in bench/ranking_bench.py
TITLE_WEIGHT = 0.5
_NUMBERISH = re.compile(r"^(?:CN|ZL)?\d[\d.]*[A-Z]?\d?$", re.I)


@dataclass
class ParsedQuery:
    query: Any  # a whoosh query
    terms: set[str] = field(default_factory=set)  # words to highlight
    fallback: bool = False
    notice_zh: str = ""
    notice_en: str = ""
    notes: list[numbers.Note] = field(default_factory=list)  # how the query was read
    text: str = ""  # the query as parsed (numbers normalised)

    def notice(self, lang: str = "zh") -> str:
        lines = ([self.notice_zh if lang == "zh" else self.notice_en] if self.fallback else [])
        lines += [zh if lang == "zh" else en for zh, en in self.notes]
        return "；".join(lines)


# -- building whoosh queries -------------------------------------------------------------

class Builder:
    def __init__(self, max_terms: int = MAX_QUERY_TERMS) -> None:
        self.terms: set[str] = set()
        self.budget = max_terms  # words left before the query counts as too large
        self.notes: list[numbers.Note] = []

    def note_check_digit(self, value: str) -> None:
        note = numbers.check_digit_note(value)
        if note and note not in self.notes:
            self.notes.append(note)

    def phrase(self, text: str) -> Any:
        """A quoted phrase: one gram run → the substring; else the words in order."""
        if len(han_runs(text)) == 1 and han_runs(text)[0] == text.strip().lower():
            return self.recall_query(text.strip(), MATCH_FIELD, GRAM_FIELD, phrase=True)
        return self.text_query(text, MATCH_FIELD, phrase=True)

    def text_query(self, text: str, field: str, phrase: bool) -> Any:
        """Words of ``text`` in ``field``: all of them, or as a phrase."""
        words = query_words(text[:MAX_QUERY_CHARS])
        if not phrase:
            words = list(dict.fromkeys(words))  # a word twice is the same condition
        if not words:
            return None
        self.budget -= len(words)
        if self.budget < 0:
            raise QuerySyntaxError("too many words")
        self.terms.update(words)
        if len(words) == 1:
            return wq.Term(field, words[0])
        if phrase:
            return wq.Phrase(field, words)
        return wq.And([wq.Term(field, w) for w in words])

    def title_weighted(self, scored: Any, text: str, field: str, phrase: bool) -> Any:
        """``scored`` with the words found in the title scoring ``TITLE_WEIGHT`` more."""
        if scored is None or TITLE_WEIGHT <= 0 or field != MATCH_FIELD or phrase:
            return scored
        words = list(dict.fromkeys(query_words(text[:MAX_QUERY_CHARS])))
        title = [wq.Term("title", w, boost=TITLE_WEIGHT) for w in words]
        return wq.AndMaybe(scored, title[0] if len(title) == 1 else wq.Or(title))

    def recall_query(self, text: str, field: str, grams: str, phrase: bool = False) -> Any:
        """Records holding every gram run of ``text`` (Chinese characters with the letters and
        digits against them) as a substring; the words of ``text`` in the word field only
        score, so a record holding them as words ranks above one holding only the characters.
        Text without Chinese characters is matched by its words."""
        runs = han_runs(text)
        scored = self.title_weighted(self.text_query(text, field, phrase), text, field, phrase)
        if not runs:
            return scored
        self.terms.update(runs)
        need = [gram_query(r, grams, GRAM_BOOST) for r in runs]
        must = need[0] if len(need) == 1 else wq.And(need)
        if scored is None:
            return must
        # each run one word: the word query matches a subset of the grams' (see tiers.py)
        words = set(query_words(text[:MAX_QUERY_CHARS]))
        return recall(must, scored, scored if words == set(runs) else None)

    def word(self, text: str) -> Any:
        ident = identifier_query(text)
        if ident is not None:
            self.note_check_digit(text)
        plain = self.recall_query(text, MATCH_FIELD, GRAM_FIELD)
        if ident is not None:
            return ident if plain is None or _NUMBERISH.match(text) else wq.Or([ident, plain])
        return plain

    def field(self, fname: str, value: str) -> Any:
        phrase = False
        if value[:1] in QUOTES and len(value) >= 2:
            value, phrase = value[1:-1], True
        value = value.strip()
        if not value:
            raise QuerySyntaxError("empty field")
        if fname == "title":
            q = self.recall_query(value, "title", GRAM_FIELD)
            runs = han_runs(value)
            if not runs:
                return q
            must = q.a if isinstance(q, wq.AndMaybe) else q
            kept = TitleContains(must, runs)
            if isinstance(q, Recall):
                return recall(kept, q.b, q.words_only)
            return wq.AndMaybe(kept, q.b) if isinstance(q, wq.AndMaybe) else kept
        if fname in ("all", "body"):
            return self.phrase(value) if phrase else self.recall_query(
                value, MATCH_FIELD, GRAM_FIELD)
        if fname in ("applicants", "inventors"):  # any name containing the text
            self.terms.add(value)
            clean = value.replace("*", "").replace("?", "").replace(",", " ")
            return wq.Wildcard("tags", f"{tag(fname[:-1], '')}*{clean}*")
        if fname == "ipc":
            chk = check_ipc(value)
            key = (chk.canonical if chk.ok and chk.canonical else value).replace(" ", "").upper()
            if key.endswith("*"):
                return wq.Prefix("tags", tag("ipc", key.rstrip("*")))
            return wq.Term("tags", tag("ipc", key))
        if fname == "appno":
            self.note_check_digit(value)
            return wq.Term("tags", tag("appno", appno_key(value) or value.replace(" ", "").upper()))
        if fname == "pubno":
            return wq.Term("tags", tag("pubno", pubno_key(value) or value.replace(" ", "").upper()))
        if fname == "legal":
            self.terms.add(value)
            return wq.Prefix("tags", tag("legal", value))
        if fname == "region":
            return wq.Prefix("tags", tag("region", norm_region(value) or value))
        if fname == "collection":
            return wq.Term("tags", tag("collection", value))
        if fname == "type":
            kind = KIND_WORDS.get(value.lower())
            if kind:
                return wq.Term("tags", tag("kind", kind))
            return wq.Prefix("tags", tag("ptype", value.replace("专利", "") or value))
        if fname in ("app_date", "pub_date"):
            lo, hi = self.dates(value)
            return wq.NumericRange(fname, lo or 10101, hi or 99991231)
        if fname in ("date", "year"):
            lo, hi = self.dates(value)
            return year_range(lo // 10000 if lo else None, hi // 10000 if hi else None)
        raise QuerySyntaxError(f"unknown field {fname}")

    def dates(self, value: str) -> tuple[int | None, int | None]:
        """A date range; a reversed one (2023..2020) is swapped, and said so."""
        lo, hi = date_range(value)
        if lo and hi and lo > hi and ".." in value:
            a, b = value.split("..", 1)
            lo, hi = date_range(f"{b}..{a}")
            self.notes.append(numbers.swapped_range_note(value, f"{b}..{a}"))
        return lo, hi


class Parser:
    def __init__(self, toks: list[Tok], builder: Builder) -> None:
        self.toks = toks
        self.i = 0
        self.depth = 0
        self.b = builder

    def peek(self) -> Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> Tok:
        t = self.toks[self.i]
        self.i += 1
        return t

    def parse(self) -> Any:
        q = self.or_expr()
        if self.peek() is not None:
            raise QuerySyntaxError("unexpected )")
        return q

    def or_expr(self) -> Any:
        parts = [self.and_expr()]
        while self.peek() is not None and self.peek().kind == "or":  # type: ignore[union-attr]
            self.take()
            parts.append(self.and_expr())
        parts = [p for p in parts if p is not None]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else wq.Or(parts)

    def and_expr(self) -> Any:
        positive: list[Any] = []
        negative: list[Any] = []
        seen = False
        while True:
            t = self.peek()
            if t is None or t.kind in ("or", "rp"):
                break
            if t.kind == "and":
                self.take()
                continue
            neg = False
            if t.kind == "not":
                self.take()
                neg = True
                nxt = self.peek()
                if nxt is None or nxt.kind in ("or", "rp", "not", "and"):
                    raise QuerySyntaxError("NOT without a term")
            q = self.primary()
            seen = True
            if q is None:
                continue
            (negative if neg else positive).append(q)
        if not seen:
            raise QuerySyntaxError("empty expression")
        if not positive and not negative:
            return None
        base: Any = positive[0] if len(positive) == 1 else (
            wq.And(positive) if positive else wq.Every())
        if negative:
            return wq.AndNot(base, negative[0] if len(negative) == 1 else wq.Or(negative))
        return base

    def primary(self) -> Any:
        t = self.take()
        if t.kind == "lp":
            self.depth += 1
            if self.depth > MAX_QUERY_DEPTH:  # the recursion is bounded by this depth
                raise QuerySyntaxError("too deep")
            q = self.or_expr()
            close = self.peek()
            if close is None or close.kind != "rp":
                raise QuerySyntaxError("unbalanced (")
            self.take()
            self.depth -= 1
            return q
        if t.kind == "word":
            return self.b.word(t.text)
        if t.kind == "phrase":
            return self.b.phrase(t.text)
        if t.kind == "field":
            if t.text == "" and self.peek() is not None and self.peek().kind == "lp":  # type: ignore[union-attr]
                self.take()
                parts = []
                while self.peek() is not None and self.peek().kind != "rp":  # type: ignore[union-attr]
                    w = self.take()
                    if w.kind in ("word", "phrase"):
                        val = f'"{w.text}"' if w.kind == "phrase" else w.text
                        parts.append(self.b.field(t.field or "", val))
                if self.peek() is None:
                    raise QuerySyntaxError("unbalanced (")
                self.take()
                parts = [p for p in parts if p is not None]
                return wq.Or(parts) if parts else None
            return self.b.field(t.field or "", t.text)
        raise QuerySyntaxError(f"unexpected {t.text}")


def plain_words(text: str) -> str:
    return re.sub(r"[()（）\"“”「」『』|:：]|\b(?:OR|AND|NOT)\b", " ", text).replace(" -", " ")


def parse_query(text: str) -> ParsedQuery:
    """Parse the query language; malformed input falls back to plain words (and says so)."""
    text, notes = numbers.normalise_numbers((text or "").strip())
    if not text:
        return ParsedQuery(wq.Every())
    if len(text) > MAX_QUERY_CHARS:
        raise QueryTooLong(len(text))
    b = Builder()
    try:
        toks = tokenize(text)
        if len(toks) > MAX_QUERY_TERMS:
            raise QuerySyntaxError("too many words")
        q = Parser(toks, b).parse()
        return ParsedQuery(q if q is not None else wq.NullQuery, b.terms,
                           notes=notes + b.notes, text=text)
    except QuerySyntaxError as exc:
        b = Builder(max_terms=MAX_QUERY_TERMS)
        words = list(dict.fromkeys(w for w in plain_words(text).split() if w))
        parts = []
        for w in words:
            try:
                parts.append(b.word(w))
            except QuerySyntaxError:  # the words beyond the limit are left out
                words = words[:len(parts)]
                break
        parts = [p for p in parts if p is not None]
        q = (parts[0] if len(parts) == 1 else wq.And(parts)) if parts else wq.NullQuery
        return ParsedQuery(
            q, b.terms, True,
            f"查询语法有误（{_reason_zh(str(exc))}），已按普通词语检索：{' '.join(words)}",
            f"the query could not be parsed ({exc}); searched the plain words: {' '.join(words)}",
            notes + b.notes, text,
        )


class QueryTooLong(UserError):
    def __init__(self, length: int) -> None:
        super().__init__(f"检索式有{length:,}个字符，超过上限{MAX_QUERY_CHARS:,}，请缩短",
                         f"the query has {length:,} characters, over the limit of "
                         f"{MAX_QUERY_CHARS:,}; shorten it", field="query")


def _reason_zh(reason: str) -> str:
    return {
        "too deep": f"括号嵌套超过{MAX_QUERY_DEPTH}层",
        "too many words": f"词语超过{MAX_QUERY_TERMS}个，只检索了前面的词",
        "unbalanced quote": "引号不成对", "unbalanced (": "括号不成对", "unexpected )": "括号不成对",
        "NOT without a term": "NOT 后面缺少词语", "empty expression": "运算符两侧缺少词语",
        "empty field": "字段后缺少内容",
    }.get(reason, reason)
