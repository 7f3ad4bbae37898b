<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ClientDialog</name>
    <message>
        <location filename="../../../desktop/ui/pages/clients/dialog.py" line="38"/>
        <source>编辑客户</source>
        <translation>Edit client</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/dialog.py" line="38"/>
        <source>新增客户</source>
        <translation>New client</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/dialog.py" line="41"/>
        <source>名称 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/dialog.py" line="41"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/dialog.py" line="42"/>
        <source>统一社会信用代码/身份证号</source>
        <translation>Credit code / ID number</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/dialog.py" line="42"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/dialog.py" line="43"/>
        <source>邮编</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/dialog.py" line="43"/>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/dialog.py" line="44"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/dialog.py" line="44"/>
        <source>电子邮箱</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/dialog.py" line="45"/>
        <source>所属行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/dialog.py" line="45"/>
        <source>所在园区/地区</source>
        <translation>Zone / region</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/dialog.py" line="46"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/dialog.py" line="92"/>
        <source>我已核对营业执照，确认保留此代码</source>
        <translation>I have checked the business licence; keep this code</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="46"/>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="46"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="46"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="47"/>
        <source>统一社会信用代码/身份证号</source>
        <translation>Credit code / ID number</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="47"/>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="47"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="48"/>
        <source>所在园区/地区</source>
        <translation>Zone / region</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="48"/>
        <source>所属行业</source>
        <translation>Industry</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="86"/>
        <source>输入名称、证件号、联系人、电话或园区检索…</source>
        <translation>Search by name, number, contact, phone or zone…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="94"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="95"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="96"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="97"/>
        <source>导入Excel…</source>
        <translation>Import Excel…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="98"/>
        <source>导出Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="99"/>
        <source>导出本人数据…</source>
        <translation>Export their data…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="101"/>
        <source>应本人要求，导出该客户的档案、接待记录和生成的文书记录（导出将被记录）</source>
        <translation>On the client&apos;s request: export their profile, visits and generated documents (the export is recorded)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="125"/>
        <source>客户档案</source>
        <translation>Client profiles</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../desktop/ui/pages/clients/page.py" line="151"/>
        <source>共 %n 个客户</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="210"/>
        <source>删除客户</source>
        <translation>Delete client</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="211"/>
        <source>确定删除客户“%1”吗？其接待记录保留统计数据，但不再关联此客户。</source>
        <translation>Delete client “%1”? Their visits keep their counts but no longer name the client.</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="267"/>
        <source>导出本人数据</source>
        <translation>Export the client&apos;s data</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="268"/>
        <source>Excel 工作簿 (*.xlsx);;JSON (*.json)</source>
        <translation>Excel workbook (*.xlsx);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="278"/>
        <source>已导出“%1”的个人数据到 %2</source>
        <translation>Exported the data of “%1” to %2</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="222"/>
        <source>导入客户</source>
        <translation>Import clients</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="223"/>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="246"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="230"/>
        <source>正在导入客户…</source>
        <translation>Importing clients…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="234"/>
        <source>新增 %1，更新 %2，未变 %3，拒绝 %4 行</source>
        <translation>%1 added, %2 updated, %3 unchanged, %4 rows rejected</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="237"/>
        <source>拒绝：</source>
        <translation>Rejected: </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="238"/>
        <source>提醒：</source>
        <translation>Warning: </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="240"/>
        <source>未识别的列（已忽略）：</source>
        <translation>Columns not recognised (ignored): </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="241"/>
        <source>导入结果</source>
        <translation>Import result</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="244"/>
        <source>导出客户</source>
        <translation>Export clients</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="255"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/page.py" line="257"/>
        <source>已导出 %1 个客户到 %2</source>
        <translation>Exported %1 clients to %2</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../../desktop/ui/pages/clients/conflict.py" line="44"/>
        <source>你的输入：</source>
        <translation>You typed: </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/clients/conflict.py" line="57"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
</context>
</TS>
