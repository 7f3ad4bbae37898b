<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../../desktop/ui/pages/search/import_actions.py" line="37"/>
        <source>选择要导入的专利清单或文档</source>
        <translation>Choose patent lists or documents to import</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/import_actions.py" line="38"/>
        <source>专利清单与文档</source>
        <translation>Patent lists and documents</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/import_actions.py" line="46"/>
        <source>正在导入，请等当前导入完成。</source>
        <translation>An import is running; wait for it to finish.</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/import_actions.py" line="91"/>
        <source>已取消导入。</source>
        <translation>Import cancelled.</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/import_actions.py" line="105"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/import_actions.py" line="107"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/import_actions.py" line="136"/>
        <source>导入已取消，数据库未做任何改动。</source>
        <translation>Import cancelled; the database was not changed.</translation>
    </message>
</context>
<context>
    <name>SearchDialogs</name>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="34"/>
        <source>指定列对应关系</source>
        <translation>Map columns</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="37"/>
        <source>无法自动识别“%1”的列。请为每一列选择对应的字段（至少指定“名称”）：</source>
        <translation>The columns of &apos;%1&apos; were not recognised. Choose the field for each column (at least the title):</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="44"/>
        <source>表头</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="45"/>
        <source>示例</source>
        <translation>Example</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="46"/>
        <source>对应字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="50"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="55"/>
        <source>保留为附加字段</source>
        <translation>Keep as extra field</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="56"/>
        <source>忽略此列</source>
        <translation>Ignore this column</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="66"/>
        <source>保存此对应关系，下次导入同样表头的文件时自动使用</source>
        <translation>Save this mapping and use it for files with the same headers</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="95"/>
        <source>请至少指定哪一列是“名称”。</source>
        <translation>Choose which column holds the title.</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="99"/>
        <source>同一字段被指定给了多列：</source>
        <translation>The same field is chosen for several columns: </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="109"/>
        <source>导入报告</source>
        <translation>Import report</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="117"/>
        <source>所有行均已导入，没有问题。</source>
        <translation>All rows were imported without problems.</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="129"/>
        <source>同时包含这些词（名称、摘要、申请人、发明人中）</source>
        <translation>all these words (in title, abstract, applicants, inventors)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="130"/>
        <source>包含任一词</source>
        <translation>either word</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="131"/>
        <source>排除含“汽车”的记录</source>
        <translation>exclude records containing 汽车</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="132"/>
        <source>短语：这些词按此顺序相连</source>
        <translation>phrase: these words in this order</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="133"/>
        <source>括号分组</source>
        <translation>grouping with brackets</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="135"/>
        <source>只在某字段中查找，如 申请人:华为</source>
        <translation>search one field only, e.g. 申请人:华为 (applicant)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="137"/>
        <source>IPC分类号（小类、大组或完整分类号）</source>
        <translation>IPC symbol (subclass, main group or full symbol)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="139"/>
        <source>号码：带不带CN/ZL、空格、小数点或校验位均可；直接输入号码也可</source>
        <translation>numbers: with or without CN/ZL, spaces, dot or check digit; a bare number works too</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="141"/>
        <source>按属性筛选</source>
        <translation>filter by legal status, patent type, record type, region, source</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="143"/>
        <source>日期范围（年、年-月或完整日期）</source>
        <translation>date ranges (year, year-month or full dates)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="146"/>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="155"/>
        <source>检索语法</source>
        <translation>Query language</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/dialogs.py" line="147"/>
        <source>语法有误（如引号或括号不成对）时，自动按普通词语检索并给出提示。</source>
        <translation>A malformed query (unbalanced quotes or brackets) is searched as plain words, with a notice.</translation>
    </message>
</context>
<context>
    <name>SearchLayout</name>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="41"/>
        <source>输入检索词、号码或检索式，如：煤炭清洁利用 申请日:2020..2023</source>
        <translation>Words, a number or a query, e.g. 煤炭清洁利用 申请日:2020..2023</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="47"/>
        <source>检索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="51"/>
        <source>按相关度</source>
        <translation>By relevance</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="52"/>
        <source>按日期（新→旧）</source>
        <translation>By date (newest first)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="53"/>
        <source>按日期（旧→新）</source>
        <translation>By date (oldest first)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="55"/>
        <source>语法</source>
        <translation>Syntax</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="57"/>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="60"/>
        <source>导出XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="63"/>
        <source>专利导航报告…</source>
        <translation>Navigation report…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="65"/>
        <source>由当前检索结果生成专利导航报告（DOCX，附图表XLSX）</source>
        <translation>Make a patent navigation report from the current results (DOCX, with an XLSX of the charts)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="70"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="72"/>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="96"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="73"/>
        <source>专利</source>
        <translation>Patent</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="74"/>
        <source>文档</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="75"/>
        <source>服务事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="77"/>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="82"/>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="85"/>
        <source>法律状态</source>
        <translation>Legal status</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="90"/>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="94"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="98"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="113"/>
        <source>取消导入</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="121"/>
        <source>分面（点击筛选）</source>
        <translation>Facets (click to filter)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/layout.py" line="121"/>
        <source>数量</source>
        <translation>Count</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="55"/>
        <source>正在检查检索索引…</source>
        <translation>Checking the search index…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="58"/>
        <source>检查检索索引</source>
        <translation>Checking the search index</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="134"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="284"/>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="285"/>
        <source>法律状态</source>
        <translation>Legal status</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="286"/>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="286"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="105"/>
        <source>检索索引与数据库不一致，已自动修复重建。</source>
        <translation>The search index did not match the database and was rebuilt.</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="107"/>
        <source>已为库中数据建立检索索引。</source>
        <translation>A search index was built for the library&apos;s records.</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="112"/>
        <source>预读检索索引</source>
        <translation>Reading the search index ahead</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="121"/>
        <source>检索索引不可用</source>
        <translation>The search index is not available</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="241"/>
        <source>已按分面筛选：</source>
        <translation>Filtered by facet: </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="242"/>
        <source>（点“清除筛选”取消）</source>
        <translation> (Clear filters to remove)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="244"/>
        <location filename="../../../desktop/ui/pages/search/page.py" line="266"/>
        <source>共 %1 条结果</source>
        <translation>%1 hits</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="245"/>
        <source>正在统计命中数…</source>
        <translation>Counting the hits…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="283"/>
        <source>记录类型</source>
        <translation>Record type</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="283"/>
        <source>申请人</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="284"/>
        <source>IPC小类</source>
        <translation>IPC subclass</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="285"/>
        <source>专利类型</source>
        <translation>Patent type</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="322"/>
        <source>摘要</source>
        <translation>Abstract</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="323"/>
        <source>其他字段</source>
        <translation>Other fields</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="351"/>
        <source>没有可导出的结果。</source>
        <translation>There are no results to export.</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="351"/>
        <source>导出检索结果</source>
        <translation>Export search results</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="352"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="353"/>
        <source>已导出 %1 条到 %2</source>
        <translation>Exported %1 hits to %2</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="358"/>
        <source>没有可生成报告的结果。</source>
        <translation>There are no results to report on.</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="358"/>
        <source>生成专利导航报告</source>
        <translation>Make a patent navigation report</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="359"/>
        <source>专利导航报告</source>
        <translation>Patent navigation report</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/page.py" line="360"/>
        <source>已生成报告 %1</source>
        <translation>Report written: %1</translation>
    </message>
</context>
<context>
    <name>SearchResultModel</name>
    <message>
        <location filename="../../../desktop/ui/pages/search/model.py" line="30"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/model.py" line="31"/>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/model.py" line="32"/>
        <source>申请号</source>
        <translation>Application no.</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/model.py" line="33"/>
        <source>公开（公告）号</source>
        <translation>Publication no.</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/model.py" line="34"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/model.py" line="35"/>
        <source>申请人</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/model.py" line="36"/>
        <source>IPC</source>
        <translation>IPC</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/model.py" line="37"/>
        <source>法律状态</source>
        <translation>Legal status</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/model.py" line="38"/>
        <source>相关度</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/model.py" line="41"/>
        <source>专利</source>
        <translation>Patent</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/model.py" line="42"/>
        <source>文档</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/search/model.py" line="43"/>
        <source>服务事项</source>
        <translation>Service item</translation>
    </message>
</context>
</TS>
