<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ClientStep</name>
    <message>
        <location filename="../../../desktop/ui/pages/visit/client_step.py" line="32"/>
        <source>1. 来访客户</source>
        <translation>1. The client</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/client_step.py" line="33"/>
        <source>客户档案中的客户</source>
        <translation>A client from the register</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/client_step.py" line="34"/>
        <source>新建简易档案（保存接待时建立）</source>
        <translation>A new quick profile (created when the visit is saved)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/client_step.py" line="35"/>
        <source>匿名来访（不留档）</source>
        <translation>Anonymous walk-in (no profile)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/client_step.py" line="42"/>
        <source>输入名称、信用代码、联系人或拼音首字母查找</source>
        <translation>Type a name, credit code, contact or pinyin initials</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/client_step.py" line="47"/>
        <source>单位或个人名称</source>
        <translation>Name of the organisation or person</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/client_step.py" line="113"/>
        <source>本次接待：</source>
        <translation>This visit: </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/client_step.py" line="114"/>
        <source>（新建档案）</source>
        <translation> (new profile)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/client_step.py" line="116"/>
        <source>本次接待：匿名来访</source>
        <translation>This visit: anonymous walk-in</translation>
    </message>
</context>
<context>
    <name>FormsStep</name>
    <message>
        <location filename="../../../desktop/ui/pages/visit/forms_step.py" line="33"/>
        <source>4. 申请表单</source>
        <translation>4. Forms</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/forms_step.py" line="34"/>
        <source>所选事项的相关表单（在表单页填写，已按客户档案预填）：</source>
        <translation>Forms of the chosen items (filled on the forms page, pre-filled from the client):</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/forms_step.py" line="39"/>
        <source>打开并预填…</source>
        <translation>Open pre-filled…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/forms_step.py" line="44"/>
        <source>本次接待已生成的文书（自动关联）：</source>
        <translation>Documents generated during this visit (linked automatically):</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/forms_step.py" line="48"/>
        <source>取消关联所选文书</source>
        <translation>Unlink the selected document</translation>
    </message>
</context>
<context>
    <name>GuideStep</name>
    <message>
        <location filename="../../../desktop/ui/pages/visit/guide_step.py" line="32"/>
        <source>3. 办事指南与材料</source>
        <translation>3. Guides and materials</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/guide_step.py" line="47"/>
        <source>申请材料（勾选来访者已具备的）：</source>
        <translation>Materials (tick what the visitor already has):</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/guide_step.py" line="75"/>
        <source>先在第2步勾选服务事项。</source>
        <translation>Tick service items in step 2 first.</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/guide_step.py" line="96"/>
        <source>（非必需）</source>
        <translation> (optional)</translation>
    </message>
</context>
<context>
    <name>NeedStep</name>
    <message>
        <location filename="../../../desktop/ui/pages/visit/need_step.py" line="32"/>
        <source>2. 来访需求</source>
        <translation>2. The need</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/need_step.py" line="35"/>
        <source>按来访者的原话记录需求，例如“我们公司想拿专利去银行贷款”</source>
        <translation>The need in the visitor&apos;s own words, e.g. “我们公司想拿专利去银行贷款”</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/need_step.py" line="38"/>
        <source>建议的服务事项（勾选本次涉及的事项）：</source>
        <translation>Suggested service items (tick those this visit is about):</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/need_step.py" line="42"/>
        <source>以往类似咨询的答复：</source>
        <translation>Answers given to similar questions:</translation>
    </message>
</context>
<context>
    <name>PacketStep</name>
    <message>
        <location filename="../../../desktop/ui/pages/visit/packet_step.py" line="39"/>
        <source>5. 材料包</source>
        <translation>5. Packet</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/packet_step.py" line="40"/>
        <source>办事指南、每个事项尚缺的材料、本次生成的表单，附网点信息与日期。</source>
        <translation>The guides, what is still missing per item and the forms generated, with the outlet and the date.</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/packet_step.py" line="45"/>
        <source>刷新预览</source>
        <translation>Refresh preview</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/packet_step.py" line="46"/>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/packet_step.py" line="76"/>
        <source>材料包打印预览</source>
        <translation>Packet print preview</translation>
    </message>
</context>
<context>
    <name>SaveStep</name>
    <message>
        <location filename="../../../desktop/ui/pages/visit/save_step.py" line="36"/>
        <source>6. 登记保存</source>
        <translation>6. Record and save</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/save_step.py" line="56"/>
        <source>转介单位（结果为转介时填写）</source>
        <translation>Referred to (when the outcome is a referral)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/save_step.py" line="58"/>
        <source>需跟进，日期：</source>
        <translation>Follow up on:</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/save_step.py" line="66"/>
        <source>（未评价）</source>
        <translation>(not rated)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/save_step.py" line="75"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/save_step.py" line="84"/>
        <source>接待人</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/save_step.py" line="85"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/save_step.py" line="86"/>
        <source>咨询主题</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/save_step.py" line="87"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/save_step.py" line="88"/>
        <source>转介至</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/save_step.py" line="89"/>
        <source>跟进</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/save_step.py" line="90"/>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/save_step.py" line="91"/>
        <source>工作量（READ）</source>
        <translation>Effort (READ)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/save_step.py" line="92"/>
        <source>时长</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/save_step.py" line="93"/>
        <source>咨询内容</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/save_step.py" line="94"/>
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/save_step.py" line="95"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/save_step.py" line="104"/>
        <source>保存接待记录</source>
        <translation>Save the visit</translation>
    </message>
</context>
<context>
    <name>VisitFlowPage</name>
    <message>
        <location filename="../../../desktop/ui/pages/visit/page.py" line="54"/>
        <source>新接待</source>
        <translation>New visit</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/page.py" line="64"/>
        <location filename="../../../desktop/ui/pages/visit/page.py" line="216"/>
        <source>开始新接待</source>
        <translation>Start a new visit</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/page.py" line="79"/>
        <source>1 客户</source>
        <translation>1 Client</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/page.py" line="79"/>
        <source>2 需求</source>
        <translation>2 Need</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/page.py" line="79"/>
        <source>3 指南与材料</source>
        <translation>3 Guides</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/page.py" line="80"/>
        <source>4 表单</source>
        <translation>4 Forms</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/page.py" line="80"/>
        <source>5 材料包</source>
        <translation>5 Packet</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/page.py" line="80"/>
        <source>6 登记保存</source>
        <translation>6 Save</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/page.py" line="90"/>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/page.py" line="91"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/page.py" line="187"/>
        <source>（录入信息后开始计时）</source>
        <translation>(the timer starts with the first entry)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/page.py" line="189"/>
        <source>开始于 %1，已用 %2 分钟</source>
        <translation>started %1, %2 min so far</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/page.py" line="217"/>
        <source>当前接待尚未保存，放弃已录入的内容吗？</source>
        <translation>This visit is not saved yet. Discard what was entered?</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/page.py" line="272"/>
        <source>离线：接待记录已保存在本机，连接恢复后自动发送</source>
        <translation>Offline: the visit is kept on this desk and sent when the connection is back</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/page.py" line="274"/>
        <source>已保存接待记录 #%1</source>
        <translation>Visit #%1 saved</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visit/page.py" line="275"/>
        <source>查看</source>
        <translation>Open</translation>
    </message>
</context>
</TS>
