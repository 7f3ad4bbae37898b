"""The ranked matcher: words, synonyms, bigram fall-back, typing, speed."""

from __future__ import annotations

import datetime as _dt
import time

from desktop.library.api import MatchDoc, Synonyms, make_matcher, words

SYN = Synonyms("t", _dt.date(2026, 1, 1),
               (("质押", "贷款", "融资"), ("商标", "牌子", "logo"), ("软著", "软件著作权")),
               frozenset({"我们", "想", "怎么办"}))

DOCS = [
    MatchDoc.of("pledge", title="专利权质押登记", keywords=["质押", "融资"],
                body=["与银行签订质押合同后办理登记。"]),
    MatchDoc.of("renew", title="注册商标续展", keywords=["续展", "到期"],
                body=["商标有效期满前十二个月内办理。"]),
    MatchDoc.of("soft", title="计算机软件著作权登记", keywords=["软件著作权"],
                body=["源程序和文档鉴别材料。"]),
    MatchDoc.of("apply", title="专利申请受理", keywords=["发明", "实用新型"],
                body=["提交请求书、说明书和权利要求书。"]),
]


def _keys(matcher, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [k for k, _s in matcher.match(text, 5)]


def test_words_and_synonyms_rank_the_right_document_first() -> None:
    m = make_matcher(DOCS, SYN)
    assert _keys(m, "专利贷款")[0] == "pledge"       # 贷款 → 质押
    assert _keys(m, "我们的牌子快到期了")[0] == "renew"  # 牌子 → 商标, 到期
    assert _keys(m, "软著")[0] == "soft"
    assert _keys(m, "LOGO 续展")[0] == "renew"       # Latin words, any case


def test_why_names_the_visitor_word_and_the_synonym_it_found() -> None:
    m = make_matcher(DOCS, SYN)
    top = m.search("专利贷款", 1)[0]
    assert top.key == "pledge" and top.score > 0
    assert "专利" in top.why and "贷款→质押" in top.why


def test_bigrams_find_words_the_dictionary_splits_differently() -> None:
    m = make_matcher([MatchDoc.of("a", title="鉴别材料清单"), MatchDoc.of("b", title="请求书")],
                     SYN)
    assert _keys(m, "别材")[0] == "a"


def test_a_character_being_typed_is_completed() -> None:
    m = make_matcher(DOCS, SYN)
    assert _keys(m, "专利质")[0] == "pledge"
    assert _keys(m, "续")[0] == "renew"


def test_filler_and_nonsense_find_nothing() -> None:
    m = make_matcher(DOCS, SYN)
    assert m.match("我们想怎么办", 5) == []
    assert m.match("", 5) == []
    assert m.match("xyzzy", 5) == []


def test_more_matching_concepts_rank_higher() -> None:
    m = make_matcher(DOCS, SYN)
    scores = dict(m.match("专利 质押", 5))
    assert scores["pledge"] > scores["apply"] > 0


def test_words_of_a_text() -> None:
    assert "质押" in words("专利权质押登记")


def test_thousands_of_documents_answer_within_a_keystroke() -> None:
    topics = ["专利申请", "商标续展", "质押融资", "软件著作权", "地理标志", "侵权维权"]
    docs = [MatchDoc.of(f"q{i}", title=f"{topics[i % 6]}问题{i}",
                        body=[f"答复：请携带营业执照办理{topics[(i * 7) % 6]}。"])
            for i in range(5000)]
    m = make_matcher(docs + DOCS, SYN)
    text = "我们公司想拿专利去银行贷款"
    started = time.perf_counter()
    for n in range(1, len(text) + 1):
        m.search(text[:n], 5)
    per_key = (time.perf_counter() - started) / len(text)
    assert per_key < 0.05, f"{per_key * 1000:.1f} ms per keystroke"
    assert "pledge" in _keys(m, "专利权质押登记")[:3]
