<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BreakdownChart</name>
    <message>
        <location filename="../../../desktop/ui/pages/stats/charts.py" line="67"/>
        <location filename="../../../desktop/ui/pages/stats/charts.py" line="103"/>
        <source>人次</source>
        <translation>Visits</translation>
    </message>
</context>
<context>
    <name>CrossTabPanel</name>
    <message>
        <location filename="../../../desktop/ui/pages/stats/panels.py" line="89"/>
        <source>交叉统计</source>
        <translation>Cross-tabulation</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/panels.py" line="91"/>
        <source>行：</source>
        <translation>Rows:</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/panels.py" line="93"/>
        <source>列：</source>
        <translation>Columns:</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/panels.py" line="126"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/panels.py" line="144"/>
        <source>合计按接待人次；一次接待涉及多个主题或事项时分别计入各项。</source>
        <translation>Totals count consultations; a visit with several topics or items is counted under each.</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <location filename="../../../desktop/ui/pages/stats/export_actions.py" line="39"/>
        <source>导出报表…</source>
        <translation>Export report…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/export_actions.py" line="42"/>
        <source>含个人信息</source>
        <translation>Include personal data</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/export_actions.py" line="44"/>
        <source>明细表写出完整的证件号、电话和电子邮箱（导出将被记录）；不勾选时这些信息以*号遮盖</source>
        <translation>The detail sheet shows full ID numbers, phones and e-mail (the export is recorded); unticked, they are masked with *</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/export_actions.py" line="57"/>
        <source>导出报表</source>
        <translation>Export report</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/export_actions.py" line="57"/>
        <source>开始日期晚于结束日期</source>
        <translation>The start date is after the end date</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/export_actions.py" line="62"/>
        <source>导出接待统计报表</source>
        <translation>Export the statistics report</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/export_actions.py" line="64"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/export_actions.py" line="72"/>
        <source>包含个人信息</source>
        <translation>Include personal data</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/export_actions.py" line="73"/>
        <source>报表明细将包含客户的证件号、电话和电子邮箱。根据个人信息保护的要求，本次导出将被记录。确定导出吗？</source>
        <translation>The detail sheet will contain clients&apos; ID numbers, phones and e-mail. As the personal information law requires, this export will be recorded. Export?</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/export_actions.py" line="79"/>
        <location filename="../../../desktop/ui/pages/stats/export_actions.py" line="84"/>
        <source>正在导出报表…</source>
        <translation>Exporting the report…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/export_actions.py" line="89"/>
        <source>已导出 %1 条明细到 %2</source>
        <translation>Exported %1 detail rows to %2</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/export_actions.py" line="92"/>
        <source>（尚未设置服务网点名称，请在设置中填写）</source>
        <translation> (the outlet&apos;s name is not set: fill it in under Settings)</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <location filename="../../../desktop/ui/pages/stats/page.py" line="105"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/page.py" line="105"/>
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/page.py" line="106"/>
        <source>今年</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/page.py" line="106"/>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/page.py" line="114"/>
        <source>接待统计</source>
        <translation>Visit statistics</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/page.py" line="117"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/page.py" line="119"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/page.py" line="164"/>
        <source>每月接待人次</source>
        <translation>Visits per month</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/page.py" line="164"/>
        <source>按咨询主题</source>
        <translation>By topic</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/page.py" line="165"/>
        <source>按渠道</source>
        <translation>By channel</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/page.py" line="165"/>
        <source>按客户类型</source>
        <translation>By client type</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/page.py" line="166"/>
        <source>按园区/地区（前10）</source>
        <translation>By zone / region (top 10)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/page.py" line="166"/>
        <source>常办事项（前10）</source>
        <translation>Top service items (10)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/page.py" line="167"/>
        <source>工作量（READ）</source>
        <translation>Effort (READ)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/page.py" line="167"/>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/page.py" line="200"/>
        <source>开始日期晚于结束日期</source>
        <translation>The start date is after the end date</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/stats/page.py" line="226"/>
        <source>%1 至 %2：共 %3 人次接待</source>
        <translation>%1 to %2: %3 consultations</translation>
    </message>
</context>
</TS>
