"""The fields issue 10 added, form by form: validated, placed in the DOCX, written to the
XLSX, labelled in English; the rules that go with them (recommendation per ground of the
priority-examination measures, who may request an evaluation report, …)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from desktop.forms.output import DocMeta, write_docx, write_xlsx
from desktop.forms.registry import FormRegistry
from desktop.forms.validation import validate_form
from tests.forms.conftest import FIXED_DATE, docx_text
from tests.forms.test_rules import check, fields_of

R = {  # 《专利优先审查管理办法》第三条各项、第四条各项
    1: "涉及节能环保、新一代信息技术、生物、高端装备制造、新能源、新材料、新能源汽车、智能制造等国家重点发展产业",
    2: "涉及各省级和设区的市级人民政府重点鼓励的产业",
    3: "涉及互联网、大数据、云计算等领域且技术或者产品更新速度快",
    4: "申请人已经做好实施准备或者已经开始实施，或者有证据证明他人正在实施其发明创造",
    5: "就相同主题首次在中国提出专利申请又向其他国家或者地区提出申请的该中国首次申请",
    6: "其他对国家利益或者公共利益具有重大意义需要优先审查",
    "i1": "针对无效宣告案件涉及的专利发生侵权纠纷，当事人已请求地方知识产权局处理、"
          "向人民法院起诉或者请求仲裁调解组织仲裁调解",
    "i2": "无效宣告案件涉及的专利对国家利益或者公共利益具有重大意义",
}
PARTY = "当事人（申请人、复审请求人、无效宣告请求人或专利权人）"
AUTHORITY = "处理、审理涉案专利侵权纠纷的地方知识产权局、人民法院或者仲裁调解组织"

# form id -> (changes to the example, field ids that are new, texts the document must show)
NEW_FIELDS: dict[str, tuple[dict[str, Any], list[str], list[str]]] = {
    "patent_pledge": (
        {"pledgee_kind": "境外单位或个人", "pledgee_name": "Example Capital Ltd.",
         "pledgee_id": "", "pledgee_country": "新加坡", "pledgee_foreign_id": "201912345K",
         "pledgee_address": "1 Example Road, Singapore",
         "secured_scope": ["主债权", "利息", "其他"], "secured_scope_other": "保管费用"},
        ["pledgee_kind", "pledgee_country", "pledgee_foreign_id", "secured_scope",
         "secured_scope_other", "agency_name", "agency_code", "agent_name", "agent_phone"],
        ["境外单位或个人", "新加坡", "201912345K", "主债权、利息、其他", "保管费用",
         "太原示范专利代理事务所（普通合伙）", "周代理", "质押担保的范围", "代理机构（委托代理的）"]),
    "patent_license_recordal": (
        {}, ["licensees", "contract_signed"],
        ["晋中示范装备制造有限公司", "91140702MA0J8C5G38", "2023年5月16日", "授权公告日",
         "合同签订日", "被许可方（受让人）"]),
    "patent_priority_exam": (
        {"same_day_filing": "是", "same_day_appno": "202320578915.5", "stage": "初步审查",
         "appno": "202320578915.5"},
        ["same_day_filing", "same_day_appno", "requester_role", "reexam_prior_priority"],
        ["同日申请声明", "202320578915.5", PARTY, "签署推荐意见的单位"]),
    "trademark_application": (
        {}, ["joint_application", "co_applicants", "mark_category", "priority_country",
             "priority_date", "priority_number", "exhibition_name", "agency_name",
             "agent_name", "agent_phone"],
        ["郭晓峰", "140728198004151351", "日本", "2026-104518", "否（一般商品商标或服务商标）",
         "晋中示范商标代理有限公司", "吴经办", "集体商标、证明商标声明", "优先权"]),
    "software_copyright": (
        {"work_nature": "修改（含翻译软件、合成软件）", "original_software": "晋创设备监测软件V1.0",
         "original_registration_no": "2025SR0123456", "modification_note": "增加移动端派单模块",
         "deposit_method": "例外交存",
         "exception_mode": "源程序连续的前10页，加上源程序任何部分的连续50页"},
        ["work_nature", "original_software", "original_registration_no", "modification_note",
         "purpose", "domain", "deposit_method", "exception_mode"],
        ["修改（含翻译软件、合成软件）", "晋创设备监测软件V1.0", "2025SR0123456", "例外交存",
         "用于工业设备远程运维管理", "制造业", "源程序连续的前10页，加上源程序任何部分的连续50页"]),
    "work_copyright": (
        {}, ["ownership", "ownership_note"],
        ["权利归属方式", "委托作品", "委托创作合同约定著作权归本公司所有", "委托作品的，提交委托创作合同"]),
    "patent_evaluation_report": (
        {"requester_role": "被控侵权人", "requester_name": "晋中示范装备制造有限公司",
         "requester_id": "91140702MA0J8C5G38",
         "interest_basis": "专利权人已向太原市中级人民法院起诉本公司侵权，案号（2026）晋01知民初1号"},
        ["requester_role", "interest_basis"],
        ["被控侵权人", "（2026）晋01知民初1号", "被控侵权人请求的，提交被专利权人或利害关系人指控侵权的证明"]),
}


@pytest.mark.parametrize("form_id", sorted(NEW_FIELDS))
def test_new_fields_reach_the_docx_and_the_xlsx(catalog: FormRegistry, form_id: str,
                                                tmp_path: Path) -> None:
    changes, new_ids, texts = NEW_FIELDS[form_id]
    form = catalog.get(form_id)
    for fid in new_ids:
        f = form.spec.field(fid)
        assert f is not None and f.label_en, f"{form_id}: {fid}"
        for c in f.columns:
            assert c.label_en
        for ch in f.choices:
            assert ch.en, f"{form_id}.{fid}: choice {ch.value} lacks English"
    res = check(catalog, form_id, **changes)
    assert res.ok, res.problems
    doc = docx_text(write_docx(tmp_path / "a.docx", res, form, DocMeta(FIXED_DATE)))
    for text in texts:
        assert text in doc, f"{form_id}: {text!r} not in the document"
    for fid in new_ids:
        assert form.spec.field(fid).label in doc  # type: ignore[union-attr]
    wb = load_workbook(write_xlsx(tmp_path / "a.xlsx", res, form, DocMeta(FIXED_DATE)))
    cells = {str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if c.value is not None}
    for text in texts:
        if text in res.display.values() or any(
                text in str(v) for rows in res.display.values() if isinstance(rows, list)
                for row in rows for v in row.values()):
            assert any(text in c for c in cells), f"{form_id}: {text!r} not in the XLSX"


# (stage, ground, requester, reexamination already prioritised) -> recommendation needed
RECOMMENDATION = [
    *[("实质审查", R[n], PARTY, False, n != 5) for n in (1, 2, 3, 4, 5, 6)],
    *[("初步审查", R[n], PARTY, False, n != 5) for n in (1, 2, 3, 4, 5, 6)],
    *[("复审", R[n], PARTY, False, True) for n in (1, 5)],
    *[("复审", R[n], PARTY, True, False) for n in (1, 5)],
    ("无效宣告", R["i1"], PARTY, False, True),
    ("无效宣告", R["i2"], PARTY, False, True),
    ("无效宣告", R["i1"], AUTHORITY, False, False),
]


@pytest.mark.parametrize("stage,reason,role,prior,needed", RECOMMENDATION)
def test_priority_exam_recommendation_rule_per_ground(catalog: FormRegistry, stage: str,
                                                      reason: str, role: str, prior: bool,
                                                      needed: bool) -> None:
    res = check(catalog, "patent_priority_exam", stage=stage, reason=reason,
                 requester_role=role, reexam_prior_priority=prior, recommender="")
    assert ("recommender" in fields_of(res)) is needed, res.problems
    assert [f for f in fields_of(res) if f != "recommender"] == []
    if needed:
        assert "第八条" in next(p.zh for p in res.problems if p.field == "recommender")
    with_it = check(catalog, "patent_priority_exam", stage=stage, reason=reason,
                     requester_role=role, reexam_prior_priority=prior)
    assert with_it.ok, with_it.problems
    assert any("推荐意见" in zh for zh, _en in with_it.materials)


def test_priority_exam_grounds_and_requesters_depend_on_the_stage(
        catalog: FormRegistry) -> None:
    assert fields_of(check(catalog, "patent_priority_exam", reason=R["i1"])) == ["reason"]
    assert fields_of(check(catalog, "patent_priority_exam", stage="无效宣告",
                          reason=R[2])) == ["reason"]
    assert fields_of(check(catalog, "patent_priority_exam", requester_role=AUTHORITY)) == [
        "requester_role"]


def test_priority_exam_same_day_filing(catalog: FormRegistry) -> None:
    res = check(catalog, "patent_priority_exam", same_day_filing="是")
    assert fields_of(res) == ["same_day_appno"]
    res = check(catalog, "patent_priority_exam", same_day_filing="是",
                 same_day_appno="202320578915.5")
    assert res.ok and [w.field for w in res.warnings] == ["same_day_filing"]
    assert "一般不予优先审查" in res.warnings[0].zh and "以受理机关最新公告为准" in res.warnings[0].zh
    # only the invention application is affected: no warning for a utility model request
    um = check(catalog, "patent_priority_exam", same_day_filing="是", stage="初步审查",
                appno="202320578915.5", same_day_appno="202310578902.2")
    assert um.ok and um.warnings == []


def test_pledge_pledgee_kinds(catalog: FormRegistry) -> None:
    person = check(catalog, "patent_pledge", pledgee_kind="境内自然人",
                    pledgee_name="王某", pledgee_id="14010519750923218X")
    assert person.ok, person.problems
    wrong = check(catalog, "patent_pledge", pledgee_kind="境内自然人")  # a bank's code
    assert fields_of(wrong) == ["pledgee_id"] and "居民身份证号" in wrong.problems[0].zh
    missing = check(catalog, "patent_pledge", pledgee_id="")
    assert fields_of(missing) == ["pledgee_id"]
    foreign = check(catalog, "patent_pledge", pledgee_kind="境外单位或个人", pledgee_id="",
                     agency_name="", agent_name="")
    assert sorted(fields_of(foreign)) == ["agency_name", "pledgee_country"]
    assert any("专利代理机构" in p.zh for p in foreign.problems)
    assert any("境外质权人" in zh for zh, _en in foreign.materials)
    assert fields_of(check(catalog, "patent_pledge", agent_name="")) == ["agent_name"]
    assert fields_of(check(catalog, "patent_pledge", secured_scope="")) == ["secured_scope"]
    assert fields_of(check(catalog, "patent_pledge", secured_scope="主债权、其他")) == [
        "secured_scope_other"]


def test_licence_recordal_rows_and_dates(catalog: FormRegistry) -> None:
    ex = catalog.get("patent_license_recordal").spec.example
    patents = copy.deepcopy(ex["patents"])
    patents[0]["grant_date"] = "2020-01-01"  # before filing
    assert fields_of(check(catalog, "patent_license_recordal", patents=patents)) == [
        "patents[1].grant_date"]
    patents[0]["grant_date"] = ""
    assert fields_of(check(catalog, "patent_license_recordal", patents=patents)) == [
        "patents[1].grant_date"]
    assert fields_of(check(catalog, "patent_license_recordal", licensees=[])) == ["licensees"]
    assert fields_of(check(catalog, "patent_license_recordal",
                          contract_signed="2099-01-01")) == ["contract_effective"]


def test_trademark_priority_joint_and_collective(catalog: FormRegistry) -> None:
    assert sorted(fields_of(check(catalog, "trademark_application", priority_number="",
                                 priority_country=""))) == ["priority_country", "priority_number"]
    exhibition = check(catalog, "trademark_application", priority="基于展会的优先权",
                        priority_number="")
    assert fields_of(exhibition) == ["exhibition_name"]
    late = check(catalog, "trademark_application", priority_date="2020-01-01")
    assert late.ok and [w.field for w in late.warnings] == ["priority_date"]
    assert fields_of(check(catalog, "trademark_application", co_applicants=[])) == [
        "co_applicants"]
    cert = check(catalog, "trademark_application", mark_category="证明商标")
    texts = [zh for zh, _en in cert.materials]
    assert any("使用管理规则" in t for t in texts) and any("监督" in t for t in texts)
    assert not any("集体成员名单" in t for t in texts)


def test_software_modified_and_deposit(catalog: FormRegistry) -> None:
    res = check(catalog, "software_copyright", work_nature="修改（含翻译软件、合成软件）")
    assert sorted(fields_of(res)) == ["modification_note", "original_software"]
    assert fields_of(check(catalog, "software_copyright", deposit_method="例外交存")) == [
        "exception_mode"]
    assert fields_of(check(catalog, "software_copyright", purpose="", domain="")) == [
        "purpose", "domain"]


def test_work_ownership(catalog: FormRegistry) -> None:
    assert fields_of(check(catalog, "work_copyright", ownership="")) == ["ownership"]
    assert fields_of(check(catalog, "work_copyright", ownership="其他", ownership_note="")) == [
        "ownership_note"]
    hire = check(catalog, "work_copyright", ownership="职务作品")
    assert any("劳动关系" in zh for zh, _en in hire.materials)


@pytest.mark.parametrize("role,proof_needed", [("专利权人", False), ("利害关系人", True),
                                               ("被控侵权人", True)])
def test_evaluation_report_requesters(catalog: FormRegistry, role: str,
                                      proof_needed: bool) -> None:
    res = check(catalog, "patent_evaluation_report", requester_role=role, interest_basis="")
    assert ("interest_basis" in fields_of(res)) is proof_needed
    proofs = [zh for zh, _en in res.materials if "证明" in zh and "请求的" in zh]
    assert bool(proofs) is proof_needed


def test_a_version_1_licence_record_reopens_with_its_licensee(catalog: FormRegistry) -> None:
    form = catalog.get("patent_license_recordal")
    assert form.spec.version == 2
    old = copy.deepcopy(form.spec.example)
    del old["licensees"]
    old.update(licensee_name="太原晋创新材料有限公司", licensee_id="91140105MA0K3J7WX4",
               licensee_address="山西省太原市小店区长治路227号")
    upgraded = form.spec.upgrade(old)
    assert upgraded["licensees"] == [{"name": "太原晋创新材料有限公司",
                                      "id_number": "91140105MA0K3J7WX4",
                                      "address": "山西省太原市小店区长治路227号"}]
    assert "licensee_name" not in upgraded
    res = validate_form(form.spec, old)
    assert res.ok and res.warnings == [], (res.problems, res.warnings)
    assert res.values["licensees"][0]["name"] == "太原晋创新材料有限公司"


def test_open_licence_pledged_patent_needs_the_pledgees_consent(catalog: FormRegistry) -> None:
    res = check(catalog, "patent_open_license", pledged=True)
    assert res.ok and any("质权人同意" in zh for zh, _en in res.materials)
    assert not any("质权人" in zh for zh, _en in check(catalog, "patent_open_license").materials)
    assert "不存在质押" not in catalog.get("patent_open_license").spec.declaration


def test_agency_change_asks_for_no_fee_receipt(catalog: FormRegistry) -> None:
    res = check(catalog, "bibliographic_change", change_item="专利代理机构或代理师")
    texts = [zh for zh, _en in res.materials]
    assert not any("缴纳" in t for t in texts) and any("委托书" in t for t in texts)


def test_trademark_applicant_kind_decides_the_identifier(catalog: FormRegistry) -> None:
    res = check(catalog, "trademark_application", applicant_kind="自然人")
    assert fields_of(res) == ["applicant_id"] and "居民身份证号" in res.problems[0].zh
    person = check(catalog, "trademark_application", applicant_kind="自然人",
                   applicant_id="140728198004151351", applicant_name="郭晓峰",
                   joint_application=False, co_applicants=[])
    assert person.ok, person.problems
