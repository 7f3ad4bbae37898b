"""Whole-posting-array scoring (vector.py) and the two ranking tiers (tiers.py) against whoosh's
own answers on an index with several segments and deleted records."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from whoosh import query as wq
from whoosh.filedb.filestore import RamStorage

import desktop.library.search  # noqa: F401  (applies the whoosh fixes)
from desktop.library.search import vector
from desktop.library.search.query import parse_query
from desktop.library.search.schema import build_schema, text_fields
from desktop.library.search.sets import count_matches, facet_cache
from desktop.library.search.tiers import ranked, word_tier

VOCAB = ["电池", "正极", "材料", "方法", "装置", "锂离子", "控制", "系统", "煤炭", "清洁", "利用",
         "传感器", "检测", "褐煤", "地方法规"]
QUERIES = ["电池", "电池 正极", "电池 OR 煤炭", "电池 NOT 正极", "(电池 OR 系统) 控制", "方法",
           "方法 控制 系统", "-系统 材料",
           "电池 -锂离子"]


@pytest.fixture(scope="module")
def searcher():  # type: ignore[no-untyped-def]
    rnd = random.Random(3)
    ix = RamStorage().create_index(build_schema())
    n = 0
    for _segment in range(3):
        with ix.writer() as w:
            w.merge = False
            for _ in range(150):
                title = "".join(rnd.sample(VOCAB, 3))
                body = "，".join("".join(rnd.sample(VOCAB, rnd.randint(1, 4)))
                                for _ in range(rnd.randint(1, 6)))
                w.add_document(rid=f"r{n}", title=title, body=body, **text_fields(title, body),
                               tags=f"k:patent,y:{2000 + n % 7},l:{'有效' if n % 3 else '失效'}")
                n += 1
    with ix.writer() as w:
        w.merge = False
        for i in range(0, n, 11):
            w.delete_by_term("rid", f"r{i}")
    s = ix.searcher()
    assert len(s.reader().leaf_readers()) == 3 and s.reader().has_deletions()
    yield s
    s.close()


def whoosh_top(s, q, fq=None):  # type: ignore[no-untyped-def]
    hits = s.search(q, limit=None, filter=fq)
    return sorted(((h.docnum, h.score) for h in hits), key=lambda h: (-h[1], h[0]))


@pytest.mark.parametrize("text", QUERIES)
def test_array_scores_are_whooshs(searcher, text):  # type: ignore[no-untyped-def]
    q = parse_query(text).query
    expected = whoosh_top(searcher, q)
    assert expected, text
    got, total, docs = vector.top(searcher, q, None, None)
    assert total == len(expected) == len(docs)
    assert [d for d, _ in got] == [d for d, _ in expected]
    assert [s for _, s in got] == pytest.approx([s for _, s in expected], rel=1e-9)
    top10, _total, _docs = vector.top(searcher, q, None, 10)
    assert top10 == got[:10]


def test_an_excluded_phrase_excludes_every_record_holding_it(searcher):  # type: ignore[no-untyped-def]
    """Against the stored text: whoosh's own AND NOT kept one record holding 锂离子 here, the
    first of its segment (fixed in whoosh_speedups); the arrays exclude by the excluded
    side's whole docnum set."""
    got, total, _docs = vector.top(searcher, parse_query("电池 -锂离子").query, None, None)
    texts = {d: f"{f['title']}\n{f.get('body', '')}" for d, f in
             ((d, searcher.stored_fields(d)) for d in range(searcher.doc_count_all()))
             if not searcher.reader().is_deleted(d)}
    expected = {d for d, t in texts.items() if "电池" in t and "锂离子" not in t}
    assert total == len(expected) > 0 and {d for d, _ in got} == expected


def test_a_filter_keeps_whooshs_hits(searcher):  # type: ignore[no-untyped-def]
    q = parse_query("电池 OR 控制").query
    fq = wq.And([wq.Term("tags", "y:2003"), wq.Term("tags", "l:有效")])
    got, total, _docs = vector.top(searcher, q, fq, None)
    expected = whoosh_top(searcher, q, fq)
    assert total == len(expected) > 0
    assert [d for d, _ in got] == [d for d, _ in expected]


@pytest.mark.parametrize("text", ["锂离子 检测", "煤 清洁", '"电池 正极"'])
def test_phrases_and_prefixes_are_left_to_whoosh(searcher, text):  # type: ignore[no-untyped-def]
    # a run of three characters or more is a phrase of character pairs; one is a prefix
    with pytest.raises(vector.Unsupported):
        vector.top(searcher, parse_query(text).query, None, 10)


@pytest.mark.parametrize("text", ["方法 控制", "煤 检测", "方法", "锂离子 方法"])
def test_word_matches_come_first_and_every_match_is_found(searcher, text):  # type: ignore[no-untyped-def]
    q = parse_query(text).query
    tier, changed = word_tier(q)
    assert changed
    words = {d for d, _ in whoosh_top(searcher, tier)}
    every = {d for d, _ in whoosh_top(searcher, q)}
    assert words < every  # 方法 also inside 地方法规, 煤 inside 煤炭 and 褐煤: more than words
    hits, exact = ranked(searcher, q, None, None)
    assert exact == len(every) == len(hits) == count_matches(searcher, q, None)
    assert {d for d, _ in hits[:len(words)]} == words
    assert {d for d, _ in hits} == every
    page, _exact = ranked(searcher, q, None, 5)
    assert page == hits[:5]


def test_facets_count_what_a_plain_count_does(searcher):  # type: ignore[no-untyped-def]
    q = parse_query("电池").query
    docs = vector.top(searcher, q, None, 0)[2]
    years = Counter(f"{2000 + int(searcher.stored_fields(int(d))['rid'][1:]) % 7}" for d in docs)
    expected = sorted(years.items(), key=lambda kv: (-kv[1], kv[0]))
    assert facet_cache(searcher).count(docs, "year") == expected
    assert facet_cache(searcher).count(set(docs.tolist()), "year") == expected


def test_warming_reads_the_frequent_words_once(searcher):  # type: ignore[no-untyped-def]
    assert vector.warm(searcher) > 0
    q = parse_query("方法 系统").query
    assert vector.top(searcher, q, None, 10)[0] == whoosh_top(searcher, q)[:10]


def test_the_library_warms_its_index_on_a_searcher_of_its_own(lib, patent_xlsx):  # type: ignore[no-untyped-def]
    assert lib.import_files([patent_xlsx]).added == 3
    vector._arrays.raw.clear()
    assert lib.warm_index() > 0
    segments = {vector._segment_key(sub.reader())
                for sub, _o in lib.index.searcher().leaf_searchers()}
    assert {key[0] for key in vector._arrays.raw.items} & segments
    assert lib.search("电池").total == 1
