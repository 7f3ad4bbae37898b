<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../../desktop/ui/pages/visits/filters.py" line="40"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/filters.py" line="54"/>
        <source>全部接待人</source>
        <translation>All officers</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/filters.py" line="55"/>
        <source>全部主题</source>
        <translation>All topics</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/filters.py" line="56"/>
        <source>全部渠道</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/filters.py" line="57"/>
        <source>全部结果</source>
        <translation>All outcomes</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/filters.py" line="65"/>
        <source>客户名称…</source>
        <translation>Client name…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/filters.py" line="68"/>
        <source>问题、答复、备注、标签中的文字…</source>
        <translation>Words in question, answer, notes, tags…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/filters.py" line="72"/>
        <source>只看待跟进</source>
        <translation>Open follow-ups only</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/filters.py" line="75"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../../desktop/ui/pages/visits/io_actions.py" line="41"/>
        <source>导入结果</source>
        <translation>Import result</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/io_actions.py" line="43"/>
        <source>新增 %1，更新 %2，未变 %3，重复已跳过 %4，新建客户 %5，拒绝 %6 行</source>
        <translation>Added %1, updated %2, unchanged %3, duplicates skipped %4, clients created %5, rejected %6 rows</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/io_actions.py" line="54"/>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/io_actions.py" line="54"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/io_actions.py" line="54"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/io_actions.py" line="55"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/io_actions.py" line="71"/>
        <source>以下各行未导入，其余各行已全部保存：</source>
        <translation>These rows were not imported; all other rows were saved:</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/io_actions.py" line="76"/>
        <source>未识别的列（已忽略）：</source>
        <translation>Columns not recognised (ignored): </translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="61"/>
        <source>编辑接待记录</source>
        <translation>Edit visit</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="61"/>
        <source>新增接待记录</source>
        <translation>New visit</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="75"/>
        <source>留空为匿名来访；新名称将建立快速档案</source>
        <translation>Empty: anonymous walk-in; a new name creates a quick profile</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="78"/>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="99"/>
        <source>（未填写）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="82"/>
        <source>需要跟进</source>
        <translation>Follow up</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="89"/>
        <source>已跟进</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="102"/>
        <source>（未评价）</source>
        <translation>(not rated)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="107"/>
        <source>未填写</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="108"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="112"/>
        <source>用顿号或逗号分隔</source>
        <translation>Separated by commas</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="123"/>
        <source>筛选服务事项（编码或名称）…</source>
        <translation>Filter service items (code or title)…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="137"/>
        <source>接待时间</source>
        <translation>Date/time</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="138"/>
        <source>接待人</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="139"/>
        <source>客户</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="140"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="141"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="142"/>
        <source>转介至</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="143"/>
        <source>跟进</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="145"/>
        <source>工作量（READ）</source>
        <translation>Effort (READ)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="146"/>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="147"/>
        <source>时长</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="148"/>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="158"/>
        <source>咨询主题</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="159"/>
        <source>服务事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="160"/>
        <source>咨询内容</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="161"/>
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/dialog.py" line="162"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <location filename="../../../desktop/ui/pages/visits/model.py" line="29"/>
        <source>接待时间</source>
        <translation>Date/time</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/model.py" line="29"/>
        <source>客户</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/model.py" line="29"/>
        <source>接待人</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/model.py" line="29"/>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/model.py" line="30"/>
        <source>咨询主题</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/model.py" line="30"/>
        <source>服务事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/model.py" line="30"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/model.py" line="31"/>
        <source>跟进</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/model.py" line="31"/>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/model.py" line="31"/>
        <source>咨询内容</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/model.py" line="49"/>
        <source>（匿名）</source>
        <translation>(anonymous)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/model.py" line="50"/>
        <source>（已匿名化）</source>
        <translation>(anonymised)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/model.py" line="66"/>
        <source>（已跟进）</source>
        <translation> (done)</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../../desktop/ui/pages/visits/page.py" line="47"/>
        <source>新增登记</source>
        <translation>New entry</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/page.py" line="48"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/page.py" line="49"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/page.py" line="50"/>
        <source>标记已跟进</source>
        <translation>Mark followed up</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/page.py" line="52"/>
        <location filename="../../../desktop/ui/pages/visits/page.py" line="174"/>
        <location filename="../../../desktop/ui/pages/visits/star_action.py" line="29"/>
        <source>设为范例答复</source>
        <translation>Star as model answer</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/page.py" line="53"/>
        <source>导入Excel…</source>
        <translation>Import Excel…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/page.py" line="55"/>
        <source>导出Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/page.py" line="94"/>
        <source>接待登记</source>
        <translation>Visit log</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../desktop/ui/pages/visits/page.py" line="130"/>
        <source>共 %n 条接待记录</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/page.py" line="132"/>
        <source>显示最近 %1 条（请缩小筛选范围）</source>
        <translation>Showing the latest %1 (narrow the filters)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/page.py" line="173"/>
        <source>取消范例答复</source>
        <translation>Unstar model answer</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/page.py" line="183"/>
        <source>咨询内容</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/page.py" line="183"/>
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/page.py" line="184"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/page.py" line="188"/>
        <source>范例答复</source>
        <translation>Model answer</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/page.py" line="227"/>
        <source>已保存接待记录 %1</source>
        <translation>Saved visit %1</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/page.py" line="235"/>
        <source>删除接待记录</source>
        <translation>Delete visit</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/page.py" line="236"/>
        <source>确定删除 %1 的这条接待记录吗？此操作不能撤销。</source>
        <translation>Delete the visit of %1? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/page.py" line="255"/>
        <source>已标记跟进完成</source>
        <translation>Follow-up marked done</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/star_action.py" line="24"/>
        <source>已取消范例答复</source>
        <translation>No longer a model answer</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/star_action.py" line="28"/>
        <source>（不关联事项）</source>
        <translation>(no service item)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/star_action.py" line="30"/>
        <source>关联到服务事项（显示在该事项的常见问题下）：</source>
        <translation>Link to a service item (shown under its FAQ):</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/star_action.py" line="36"/>
        <source>已设为范例答复</source>
        <translation>Starred as a model answer</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/visits/page.py" line="225"/>
        <source>离线：接待记录已保存在本机，连接恢复后自动发送</source>
        <translation>Offline: the visit is kept on this desk and sent when the connection is back</translation>
    </message>
</context>
</TS>
