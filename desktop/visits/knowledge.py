"""The knowledge base (知识库): past questions and their answers, found again in everyday words.

Every answered visit (a non-empty answer) is one document of the library's matcher — the
same Chinese analyzer, synonym list and ranking as the catalogue's suggestions — with the
question (×3), tags (×2) and answer (×1).  An officer facing a question someone answered last
month types it as the visitor says it and finds that answer.  Model answers (范例答复, starred
by an officer and linked to a service item) rank first among answers of close score and are
shown under their item's FAQ.

The matcher is built in memory once per context and kept up to date cheaply: each query
first reads a signature of the visit log (row counts, the highest id and the latest
``updated_at``); only when that changed are the answered visits read again (plain columns),
and the matcher is rebuilt only when their searchable texts changed, analysing just the texts
it had not seen before (a term cache kept across rebuilds).  Anonymised visits stay in: their
question and answer are kept with the personal details masked (see ``privacy``).
"""

from __future__ import annotations

import datetime as _dt
import json
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Visit, VisitItem, VisitTopic
from desktop.context import AppContext
from desktop.errors import FieldProblem, ValidationFailed
from desktop.visits import service
from desktop.visits.model import VisitData

if TYPE_CHECKING:
    from desktop.library import api as library

#: the ranking boost of a model answer (范例): first among answers of close score
MODEL_BOOST = 1.3
#: answers scoring below this share of the best one are left out
MIN_RATIO = 0.3
WEIGHTS = {"question": 3.0, "tag": 2.0, "answer": 1.0}


@dataclass(frozen=True)
class KnownAnswer:
    """A past answer: the visit it was given in, what was asked and answered, its items and
    topics, the ranking score (0 where not ranked), and whether it is a model answer."""

    visit_id: int
    date: _dt.date
    question: str
    answer: str
    items: tuple[str, ...]
    topics: tuple[str, ...]
    score: float
    model: bool
    answer_item: str | None = None
    why: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {"visit_id": self.visit_id, "date": self.date.isoformat(),
                "question": self.question, "answer": self.answer, "items": list(self.items),
                "topics": list(self.topics), "score": self.score, "model": self.model,
                "answer_item": self.answer_item, "why": list(self.why)}


@dataclass(frozen=True)
class _Entry:
    date: _dt.date
    question: str
    answer: str
    tags: tuple[str, ...]
    items: tuple[str, ...]
    topics: tuple[str, ...]
    model: bool
    answer_item: str | None

    @property
    def texts(self) -> tuple[str, ...]:
        return (self.question, self.answer, *self.tags)

    def known(self, visit_id: int, score: float = 0.0, why: tuple[str, ...] = ()
              ) -> KnownAnswer:
        return KnownAnswer(visit_id, self.date, self.question, self.answer, self.items,
                           self.topics, score, self.model, self.answer_item, why)


def _load(s: Session, *conditions: Any) -> dict[int, _Entry]:
    """Answered visits meeting ``conditions``, as entries (plain columns, no ORM objects)."""
    where = (Visit.answer != "", *conditions)
    rows = s.execute(select(Visit.id, Visit.started_at, Visit.question, Visit.answer,
                            Visit.tags_json, Visit.model_answer, Visit.answer_item)
                     .where(*where)).all()
    items: dict[int, list[str]] = {}
    for vid, code in s.execute(select(VisitItem.visit_id, VisitItem.item_code)
                               .join(Visit, Visit.id == VisitItem.visit_id).where(*where)
                               .order_by(VisitItem.visit_id, VisitItem.position)):
        items.setdefault(vid, []).append(code)
    topics: dict[int, list[str]] = {}
    for vid, topic in s.execute(select(VisitTopic.visit_id, VisitTopic.topic)
                                .join(Visit, Visit.id == VisitTopic.visit_id).where(*where)
                                .order_by(VisitTopic.visit_id, VisitTopic.position)):
        topics.setdefault(vid, []).append(topic)
    out: dict[int, _Entry] = {}
    for vid, started, question, answer, tags, model, answer_item in rows:
        if not answer.strip():
            continue
        out[vid] = _Entry(started.date(), question, answer, tuple(json.loads(tags or "[]")),
                          tuple(items.get(vid, ())), tuple(topics.get(vid, ())),
                          bool(model), answer_item)
    return out


def _doc(visit_id: int, e: _Entry) -> library.MatchDoc:
    from desktop.library import api as library  # the analyzer: loaded on first use

    fields = [(e.question, WEIGHTS["question"]), (e.answer, WEIGHTS["answer"])]
    fields += [(t, WEIGHTS["tag"]) for t in e.tags]
    return library.MatchDoc(str(visit_id), tuple((t, w) for t, w in fields if t))


class KnowledgeBase:
    """One context's matcher over its answered visits (see the module doc)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.signature: tuple[object, ...] | None = None
        self.entries: dict[int, _Entry] = {}
        self.texts: dict[int, tuple[str, ...]] = {}
        self.matcher: library.Matcher | None = None
        self.term_cache: dict[str, list[str]] = {}
        self.builds = 0  # how many times the matcher was (re)built (tests, benchmarks)

    @staticmethod
    def read_signature(s: Session) -> tuple[object, ...]:
        visits = s.execute(select(func.count(Visit.id), func.max(Visit.id),
                                  func.max(Visit.updated_at))).one()
        n_items = s.execute(select(func.count()).select_from(VisitItem)).scalar_one()
        n_topics = s.execute(select(func.count()).select_from(VisitTopic)).scalar_one()
        return (*visits, n_items, n_topics)

    def refresh(self, ctx: AppContext) -> library.Matcher:
        from desktop.library import api as library  # the analyzer: loaded on first use

        """The matcher, brought up to date with the stored visits first."""
        with self.lock:
            with ctx.db.session() as s:
                signature = self.read_signature(s)
                if signature == self.signature and self.matcher is not None:
                    return self.matcher
                entries = _load(s)
            texts = {vid: e.texts for vid, e in entries.items()}
            if self.matcher is None or texts != self.texts:
                cache = self.term_cache
                self.matcher = library.make_matcher(
                    (_doc(vid, e) for vid, e in entries.items()), term_cache=cache)
                used = {t for ts in texts.values() for t in ts}
                self.term_cache = {t: v for t, v in cache.items() if t in used}
                self.texts = texts
                self.builds += 1
            self.entries, self.signature = entries, signature
            return self.matcher

    def search(self, ctx: AppContext, text: str, limit: int) -> list[KnownAnswer]:
        if not text.strip() or limit <= 0:
            return []
        matcher = self.refresh(ctx)
        entries = self.entries
        ranked: list[tuple[float, int, KnownAnswer]] = []
        for m in matcher.search(text, limit * 4 + 10, min_ratio=MIN_RATIO):
            vid = int(m.key)
            e = entries.get(vid)
            if e is not None:
                score = m.score * (MODEL_BOOST if e.model else 1.0)
                ranked.append((score, -e.date.toordinal(), e.known(vid, round(score, 4),
                                                                   m.why)))
        ranked.sort(key=lambda t: (-t[0], t[1], t[2].visit_id))
        out: list[KnownAnswer] = []
        seen: set[tuple[str, str]] = set()
        for _score, _day, known in ranked:  # the same Q&A recorded twice: shown once
            key = (known.question.strip(), known.answer.strip())
            if key not in seen:
                seen.add(key)
                out.append(known)
                if len(out) == limit:
                    break
        return out


def knowledge_base(ctx: AppContext) -> KnowledgeBase:
    return ctx.service("visits.knowledge", KnowledgeBase, KnowledgeBase)


def ask(ctx: AppContext, text: str, limit: int = 5) -> list[KnownAnswer]:
    return knowledge_base(ctx).search(ctx, text, limit)


def model_answers(ctx: AppContext, item_code: str) -> list[KnownAnswer]:
    """The model answers linked to a service item, newest first."""
    code = item_code.strip().upper()
    with ctx.db.session() as s:
        found = _load(s, Visit.model_answer.is_(True), Visit.answer_item == code)
    ordered = sorted(found.items(), key=lambda kv: (kv[1].date, kv[0]), reverse=True)
    return [e.known(vid) for vid, e in ordered]


def star_answer(ctx: AppContext, visit_id: int, item_code: str | None,
                starred: bool = True) -> VisitData:
    """Mark (or unmark) a visit's answer as a model answer linked to ``item_code``."""
    code = item_code.strip().upper() if item_code and item_code.strip() else None
    problems: list[FieldProblem] = []
    if starred and code is not None and code not in service.item_codes(ctx):
        problems.append(FieldProblem("answer_item", f"服务事项编码{code}不存在",
                                     f"no service item {code}"))
    with ctx.db.session() as s:
        row = s.get(Visit, visit_id)
        if row is None:
            raise service.not_found(visit_id)
        if starred and not row.answer.strip():
            problems.append(FieldProblem("answer", "这条接待记录没有答复，不能设为范例答复",
                                         "this visit has no answer to star"))
        if problems:
            raise ValidationFailed(problems)
        row.model_answer = starred
        row.answer_item = code if starred else None
    return service.get_visit(ctx, visit_id)


def entries_count(ctx: AppContext) -> int:
    """How many answered visits the knowledge base holds (after bringing it up to date)."""
    kb = knowledge_base(ctx)
    kb.refresh(ctx)
    return len(kb.entries)


__all__ = ["KnowledgeBase", "KnownAnswer", "ask", "entries_count", "knowledge_base",
           "model_answers", "star_answer"]
