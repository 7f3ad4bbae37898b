"""The visit log's vocabulary: channels, topics, outcomes and the two rating scales, each
with its Chinese and English label, and lenient parsing of what officers type or old logs say.

Satisfaction follows the government-service 好差评 five levels, stored as a number where
**5 = 非常满意 (very satisfied) … 1 = 非常不满意 (very dissatisfied)**; the satisfaction rate
counts 4 and 5 (满意 + 非常满意).  Effort is the READ scale (Reference Effort Assessment
Data, Gerlich & Berard): 1 = an answer with no resources needed … 6 = extended work by a
specialist over several sessions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

Vocabulary = dict[str, tuple[str, str]]

CHANNELS: Vocabulary = {
    "walk-in": ("窗口来访", "Walk-in"),
    "phone": ("电话", "Phone"),
    "online": ("线上", "Online"),
    "onsite": ("上门服务", "On-site visit"),
}

TOPICS: Vocabulary = {
    "patent": ("专利", "Patents"),
    "trademark": ("商标", "Trademarks"),
    "copyright": ("版权", "Copyright"),
    "gi": ("地理标志", "Geographical indications"),
    "enforcement": ("维权保护", "Enforcement"),
    "financing": ("质押融资", "IP financing"),
    "licensing": ("转化许可", "Transfer and licensing"),
    "search": ("信息检索", "Information search"),
    "policy": ("政策咨询", "Policy"),
    "other": ("其他", "Other"),
}

OUTCOMES: Vocabulary = {
    "answered": ("当场解答", "Answered on the spot"),
    "referred": ("转介至…", "Referred to …"),
    "prepared": ("已准备申请材料", "Application prepared"),
    "follow_up": ("需跟进", "Needs follow-up"),
}

SATISFACTION: dict[int, tuple[str, str]] = {
    5: ("非常满意", "Very satisfied"),
    4: ("满意", "Satisfied"),
    3: ("基本满意", "Fairly satisfied"),
    2: ("不满意", "Dissatisfied"),
    1: ("非常不满意", "Very dissatisfied"),
}
SATISFIED_LEVELS = (4, 5)  # the satisfaction rate's numerator: 满意 + 非常满意

EFFORT: dict[int, tuple[str, str]] = {
    1: ("简单答复，无需查阅资料", "Answered without resources"),
    2: ("查阅少量资料后答复", "Answered with a quick look at resources"),
    3: ("需查阅多种资料或简要指导", "Several resources or brief guidance"),
    4: ("需专业知识与较长时间", "Subject knowledge and some time"),
    5: ("需深入研究与多方协调", "In-depth research, several sources consulted"),
    6: ("需专家长时间、多次跟进", "Extended specialist work over several sessions"),
}

KINDS: dict[str, Mapping[Any, tuple[str, str]]] = {
    "channel": CHANNELS, "topic": TOPICS, "outcome": OUTCOMES,
    "satisfaction": SATISFACTION, "effort": EFFORT,
}

UNSET = ("未填写", "Not given")


def label(kind: str, key: object, lang: str = "zh") -> str:
    """The label of ``key`` in vocabulary ``kind`` (channel, topic, outcome, satisfaction,
    effort); an unknown key comes back as text, an empty one as 未填写."""
    if key is None or key == "":
        return UNSET[0] if lang == "zh" else UNSET[1]
    pair = KINDS.get(kind, {}).get(key)
    if pair is None:
        return str(key)
    return pair[0] if lang == "zh" else pair[1]


def _fold(text: str) -> str:
    return re.sub(r"[\s_\-…·.]+", "", unicodedata.normalize("NFKC", text).lower())


_EXTRA_TOPICS = {
    "专利申请": "patent", "发明": "patent", "实用新型": "patent", "外观设计": "patent",
    "商标注册": "trademark", "著作权": "copyright", "软著": "copyright", "软件著作权": "copyright",
    "地标": "gi", "维权": "enforcement", "侵权": "enforcement", "保护": "enforcement",
    "融资": "financing", "质押": "financing", "贷款": "financing", "许可": "licensing",
    "转让": "licensing", "转化": "licensing", "运营": "licensing", "检索": "search",
    "查新": "search", "分析": "search", "政策": "policy", "资助": "policy", "奖励": "policy",
    "补贴": "policy",
}
_EXTRA_CHANNELS = {
    "窗口": "walk-in", "来访": "walk-in", "现场": "walk-in", "walkin": "walk-in",
    "电话咨询": "phone", "电话": "phone", "tel": "phone", "网上": "online", "微信": "online",
    "邮件": "online", "在线": "online", "上门": "onsite", "走访": "onsite", "on-site": "onsite",
}
_EXTRA_OUTCOMES = {
    "已解答": "answered", "解答": "answered", "当场答复": "answered", "已答复": "answered",
    "转介": "referred", "转交": "referred", "转办": "referred", "已准备材料": "prepared",
    "准备材料": "prepared", "跟进": "follow_up", "待跟进": "follow_up", "followup": "follow_up",
}


def _names(vocab: Vocabulary, extra: dict[str, str]) -> dict[str, str]:
    names = {_fold(k): k for k in vocab}
    for key, (zh, en) in vocab.items():
        names[_fold(zh)] = key
        names[_fold(en)] = key
        names[_fold(zh.rstrip("…"))] = key
    names.update({_fold(k): v for k, v in extra.items()})
    return names


_TOPIC_NAMES = _names(TOPICS, _EXTRA_TOPICS)
_CHANNEL_NAMES = _names(CHANNELS, _EXTRA_CHANNELS)
_OUTCOME_NAMES = _names(OUTCOMES, _EXTRA_OUTCOMES)


def _parse(text: str | None, names: dict[str, str]) -> str | None:
    """The key for ``text``: a key, a label, a known synonym, or text beginning with one
    ("专利咨询" → patent); None when nothing fits."""
    folded = _fold(str(text or ""))
    if not folded:
        return None
    if folded in names:
        return names[folded]
    for suffix in ("咨询", "问题", "业务", "类", "方面", "事务", "服务"):
        if folded.endswith(suffix) and folded[: -len(suffix)] in names:
            return names[folded[: -len(suffix)]]
    best = [(len(name), key) for name, key in names.items()
            if len(name) >= 2 and folded.startswith(name)]
    return max(best)[1] if best else None


def parse_topic(text: str | None) -> str | None:
    """A topic key from a key or a Chinese/English name (专利, 质押融资, 软著, trademark …)."""
    return _parse(text, _TOPIC_NAMES)


def parse_channel(text: str | None) -> str | None:
    return _parse(text, _CHANNEL_NAMES)


def parse_outcome(text: str | None) -> str | None:
    return _parse(text, _OUTCOME_NAMES)


def parse_level(text: object, scale: dict[int, tuple[str, str]]) -> int | None:
    """A rating from a number ("5", 5.0) or a label (非常满意); None when it is neither."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return int(text) if float(text).is_integer() else None
    folded = _fold(str(text or ""))
    if re.fullmatch(r"\d+", folded):
        return int(folded)
    for level, (zh, en) in scale.items():
        if folded in (_fold(zh), _fold(en)):
            return level
    return None


SPLIT = re.compile(r"[、,，;；/|\n]+")


def split_list(text: str | None) -> list[str]:
    """Items of a list typed in one cell: 专利、商标 / a, b / one per line."""
    return [p.strip() for p in SPLIT.split(str(text or "")) if p.strip()]
