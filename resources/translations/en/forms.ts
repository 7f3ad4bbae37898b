<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>FillLayout</name>
    <message>
        <location filename="../../../desktop/ui/pages/forms/fill_layout.py" line="25"/>
        <source>请在左侧选择表单</source>
        <translation>Choose a form on the left</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/fill_layout.py" line="33"/>
        <source>查找客户（名称、代码、电话）</source>
        <translation>Find a client (name, code, phone)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/fill_layout.py" line="40"/>
        <source>用客户信息填写</source>
        <translation>Fill from client profile</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/fill_layout.py" line="42"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/fill_layout.py" line="43"/>
        <source>填入示例</source>
        <translation>Fill example</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/fill_layout.py" line="44"/>
        <source>客户：</source>
        <translation>Client:</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/fill_layout.py" line="57"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/fill_layout.py" line="58"/>
        <source>生成Word文档</source>
        <translation>Generate Word document</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/fill_layout.py" line="60"/>
        <source>生成Excel表格</source>
        <translation>Generate Excel workbook</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/fill_layout.py" line="62"/>
        <source>输出文件夹…</source>
        <translation>Output folder…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/fill_layout.py" line="63"/>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/fill_layout.py" line="64"/>
        <source>打开文档</source>
        <translation>Open document</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/fill_layout.py" line="65"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/fill_layout.py" line="66"/>
        <source>批量模板…</source>
        <translation>Batch template…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/fill_layout.py" line="67"/>
        <source>保存一个Excel表格：每行一份，填好后用“批量生成”</source>
        <translation>Save an Excel sheet to fill, one document per row, for “Batch generate”</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/fill_layout.py" line="68"/>
        <source>批量生成…</source>
        <translation>Batch generate…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/fill_layout.py" line="69"/>
        <source>按Excel表格每行生成一份文档</source>
        <translation>Generate one document per row of an Excel sheet</translation>
    </message>
</context>
<context>
    <name>FormEditor</name>
    <message>
        <location filename="../../../desktop/ui/pages/forms/editors.py" line="43"/>
        <source>如 2026-03-31</source>
        <translation>e.g. 2026-03-31</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/editors.py" line="44"/>
        <source>如 500000 或 50万</source>
        <translation>e.g. 500000 or 50万</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/editors.py" line="45"/>
        <source>如 201710601862.3</source>
        <translation>e.g. 201710601862.3</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/editors.py" line="46"/>
        <source>如 CN102822194A</source>
        <translation>e.g. CN102822194A</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/editors.py" line="47"/>
        <source>18位统一社会信用代码</source>
        <translation>18-character unified social credit code</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/editors.py" line="48"/>
        <source>18位身份证号</source>
        <translation>18-digit ID number</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/editors.py" line="49"/>
        <source>统一社会信用代码或身份证号</source>
        <translation>Credit code or ID number</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/editors.py" line="50"/>
        <source>手机11位或座机带区号</source>
        <translation>11-digit mobile, or landline with area code</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/editors.py" line="51"/>
        <source>6位数字</source>
        <translation>6 digits</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/editors.py" line="54"/>
        <source>如 H01M 10/0525</source>
        <translation>e.g. H01M 10/0525</translation>
    </message>
</context>
<context>
    <name>FormsPage</name>
    <message>
        <location filename="../../../desktop/ui/pages/forms/page.py" line="59"/>
        <source>填写</source>
        <translation>Fill in</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/page.py" line="60"/>
        <source>已生成文档</source>
        <translation>Generated documents</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/page.py" line="97"/>
        <source>常用申请表单</source>
        <translation>Filing forms</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/page.py" line="100"/>
        <source>搜索表单（名称、关键词）</source>
        <translation>Search forms (name, keyword)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/page.py" line="128"/>
        <source>以下表单定义有误，未加载：</source>
        <translation>These form specs are broken and were not loaded:</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/page.py" line="269"/>
        <source>还有 %1 处需要修正</source>
        <translation>%1 problem(s) still to fix</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/page.py" line="272"/>
        <source>可以生成；请核对 %1 处提醒</source>
        <translation>Ready to generate; check %1 warning(s)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/page.py" line="275"/>
        <source>填写完整，可以生成</source>
        <translation>Complete: ready to generate</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/page.py" line="281"/>
        <source>需提交的材料：</source>
        <translation>Materials to submit: </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/page.py" line="297"/>
        <source>（不使用客户档案）</source>
        <translation>(no client profile)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/page.py" line="321"/>
        <source>请先选择客户</source>
        <translation>Choose a client first</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/page.py" line="330"/>
        <source>已用客户“%1”的档案填写</source>
        <translation>Filled from the profile of client “%1”</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/page.py" line="242"/>
        <source>已打开 %1 生成的记录，可修改后重新生成</source>
        <translation>Opened the record generated at %1; edit it and generate again</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/page.py" line="245"/>
        <source>（该记录基于旧版表单，已按当前版本重新校验）</source>
        <translation> (made with an older version of the form; checked again against the current one)</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../../desktop/ui/pages/forms/history_tab.py" line="38"/>
        <source>按表单、客户或文件名查找</source>
        <translation>Search by form, client or file name</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/history_tab.py" line="44"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/history_tab.py" line="44"/>
        <source>表单</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/history_tab.py" line="44"/>
        <source>客户</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/history_tab.py" line="45"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/history_tab.py" line="52"/>
        <source>重新打开修改</source>
        <translation>Reopen to edit</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/history_tab.py" line="55"/>
        <source>打开文档</source>
        <translation>Open document</translation>
    </message>
</context>
<context>
    <name>OutputActions</name>
    <message>
        <location filename="../../../desktop/ui/pages/forms/output_actions.py" line="52"/>
        <source>输出到：</source>
        <translation>Output to: </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/output_actions.py" line="56"/>
        <source>选择输出文件夹</source>
        <translation>Choose the output folder</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/output_actions.py" line="79"/>
        <source>请先修正标红的项目：</source>
        <translation>Fix the fields marked in red first: </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/output_actions.py" line="88"/>
        <source>请确认</source>
        <translation>Please confirm</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/output_actions.py" line="89"/>
        <source>以下内容需要核对，确认无误后继续生成：</source>
        <translation>Please check the following; continue generating if they are right:</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/output_actions.py" line="107"/>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/output_actions.py" line="108"/>
        <source>生成文档</source>
        <translation>Generate document</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/output_actions.py" line="114"/>
        <source>已生成：</source>
        <translation>Generated: </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/output_actions.py" line="116"/>
        <source>附件：</source>
        <translation>Attachment: </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/output_actions.py" line="134"/>
        <source>保存批量模板</source>
        <translation>Save batch template</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/output_actions.py" line="141"/>
        <source>已保存批量模板：</source>
        <translation>Batch template saved: </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/output_actions.py" line="149"/>
        <source>选择批量数据表格</source>
        <translation>Choose the batch data sheet</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/output_actions.py" line="159"/>
        <location filename="../../../desktop/ui/pages/forms/output_actions.py" line="176"/>
        <source>批量生成</source>
        <translation>Batch generation</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/output_actions.py" line="164"/>
        <source>批量生成已取消；已生成的文档保留在输出文件夹并已记录</source>
        <translation>Batch generation cancelled; the documents already generated stay in the output folder and are recorded</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/output_actions.py" line="169"/>
        <source>已生成 %1 份文档</source>
        <translation>%1 document(s) generated</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/output_actions.py" line="171"/>
        <source>%1 行未生成，错误报告：</source>
        <translation>%1 row(s) not generated; report: </translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../../desktop/ui/pages/forms/preview.py" line="20"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <location filename="../../../desktop/ui/pages/forms/editors.py" line="220"/>
        <source>添加一行</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/forms/editors.py" line="221"/>
        <source>删除选中行</source>
        <translation>Delete selected rows</translation>
    </message>
</context>
</TS>
