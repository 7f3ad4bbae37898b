"""The visit record as it crosses layers, its filter, and the field labels (zh/en)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, fields, replace


@dataclass
class VisitData:
    """One consultation (接待记录).  No ORM object leaves the visits package.

    ``client_name`` is read from the client profile (never stored with the visit, so erasing
    a client erases the name everywhere); ``client_kind`` and ``region`` are snapshots taken
    when the visit is saved, so the statistics survive the client's erasure.
    """

    started_at: _dt.datetime | None = None
    officer: str = ""
    client_id: int | None = None  # None: an anonymous walk-in
    channel: str = "walk-in"
    topics: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)  # catalogue item codes
    outcome: str | None = None
    referred_to: str | None = None
    follow_up: _dt.date | None = None
    follow_up_done: bool = False
    effort: int | None = None
    satisfaction: int | None = None
    duration_min: int | None = None
    question: str = ""
    answer: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    searches: list[str] = field(default_factory=list)  # queries run during the visit
    document_ids: list[int] = field(default_factory=list)  # FormDocument ids generated
    model_answer: bool = False  # starred as a model answer (范例答复)
    answer_item: str | None = None  # the catalogue item the model answer belongs to
    id: int | None = None
    client_name: str = ""  # display only (from the client profile)
    client_kind: str | None = None  # snapshot
    region: str | None = None  # snapshot
    search_count: int = 0  # kept when anonymisation clears ``searches``
    document_count: int = 0  # kept when anonymisation clears ``document_ids``
    anonymised: bool = False
    # one key per visit, made where it was first recorded (a visit queued offline and sent
    # twice is stored once); given on the first save when None
    idem_key: str | None = None
    created_at: _dt.datetime | None = None
    updated_at: _dt.datetime | None = None

    def as_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def copy(self) -> VisitData:
        """A copy whose lists can be changed without touching this one."""
        return replace(self, topics=list(self.topics), items=list(self.items),
                       tags=list(self.tags), searches=list(self.searches),
                       document_ids=list(self.document_ids))

    def as_json(self) -> dict[str, object]:
        """A JSON-ready dict (dates as ISO text)."""
        out = self.as_dict()
        for key, value in out.items():
            if isinstance(value, (_dt.date, _dt.datetime)):
                out[key] = value.isoformat()
        return out

    @property
    def follow_up_open(self) -> bool:
        return self.follow_up is not None and not self.follow_up_done


@dataclass
class VisitFilter:
    """What the visit log shows: every given condition must hold (dates inclusive)."""

    date_from: _dt.date | None = None
    date_to: _dt.date | None = None
    officer: str | None = None
    topic: str | None = None
    channel: str | None = None
    client_id: int | None = None
    outcome: str | None = None
    text: str = ""  # words in question, answer, notes, tags, referred_to or the client's name
    follow_up_open: bool = False
    limit: int | None = None


@dataclass(frozen=True)
class VisitField:
    key: str
    zh: str
    en: str
    synonyms: tuple[str, ...] = ()


# Column order of exports and the headers an import recognises (old paper logs included).
VISIT_FIELDS: tuple[VisitField, ...] = (
    VisitField("id", "编号", "ID", ("序号id", "记录编号")),
    VisitField("started_at", "接待时间", "Date/time",
               ("日期", "接待日期", "时间", "来访日期", "来访时间", "咨询日期", "咨询时间", "date")),
    VisitField("officer", "接待人", "Officer",
               ("经办人", "接待人员", "工作人员", "受理人", "承办人", "咨询员")),
    VisitField("client_name", "客户", "Client",
               ("单位", "企业名称", "来访单位", "客户名称", "单位名称", "来访人", "来访者",
                "咨询人", "咨询单位", "姓名", "名称", "client name")),
    VisitField("client_kind", "客户类型", "Client type", ("主体类型", "类型")),
    VisitField("region", "所在园区/地区", "Zone / region",
               ("所在园区", "开发区", "园区", "地区", "所在地区", "区域")),
    VisitField("channel", "渠道", "Channel", ("接待方式", "来访方式", "咨询方式", "方式")),
    VisitField("topics", "咨询主题", "Topics", ("主题", "咨询类别", "咨询类型", "类别", "业务类型")),
    VisitField("items", "服务事项", "Service items", ("事项", "事项编码", "服务事项编码")),
    VisitField("outcome", "结果", "Outcome", ("办理结果", "处理结果", "处理情况", "办理情况")),
    VisitField("referred_to", "转介至", "Referred to", ("转介单位", "转交")),
    VisitField("follow_up", "跟进日期", "Follow-up date", ("回访日期", "跟进时间")),
    VisitField("follow_up_done", "已跟进", "Follow-up done", ("是否已跟进", "已回访")),
    VisitField("effort", "工作量（READ）", "Effort (READ)", ("工作量", "难度", "read")),
    VisitField("satisfaction", "满意度", "Satisfaction", ("评价", "好差评", "满意程度")),
    VisitField("duration_min", "时长（分钟）", "Duration (min)", ("时长", "用时", "接待时长")),
    VisitField("question", "咨询内容", "Question",
               ("问题", "咨询问题", "来访事由", "事由", "需求", "诉求", "内容")),
    VisitField("answer", "答复", "Answer", ("解答", "答复内容", "解答内容", "答复意见", "回复")),
    VisitField("notes", "备注", "Notes", ("说明",)),
    VisitField("tags", "标签", "Tags", ("关键词",)),
    VisitField("searches", "检索式", "Searches", ("检索", "检索记录")),
    VisitField("document_ids", "生成文书编号", "Document IDs", ("文书编号",)),
    VisitField("model_answer", "范例答复", "Model answer", ("范例",)),
    VisitField("answer_item", "范例关联事项", "Model answer's item", ()),
)

# Columns holding personal data of the client, written only when asked for explicitly.
PERSONAL_FIELDS: tuple[VisitField, ...] = (
    VisitField("client_id_number", "统一社会信用代码/身份证号", "Credit code / ID number"),
    VisitField("client_phone", "电话", "Phone"),
    VisitField("client_email", "电子邮箱", "E-mail"),
)


def field_label(key: str, lang: str = "zh") -> str:
    for f in VISIT_FIELDS + PERSONAL_FIELDS:
        if f.key == key:
            return f.zh if lang == "zh" else f.en
    return key
