<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>CataloguePage</name>
    <message>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>个人</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>高校院所</source>
        <translation>University/institute</translation>
    </message>
    <message>
        <source>代理机构</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>输入事项名称、拼音首字母（如 zlzy）或编码筛选</source>
        <translation>Filter by name, pinyin initials (e.g. zlzy) or code</translation>
    </message>
    <message>
        <source>全部服务对象</source>
        <translation>All audiences</translation>
    </message>
    <message>
        <source>含已停用</source>
        <translation>Include retired</translation>
    </message>
    <message>
        <source>服务事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>申请材料清单</source>
        <translation>Materials checklist</translation>
    </message>
    <message>
        <source>清除勾选</source>
        <translation>Clear ticks</translation>
    </message>
    <message>
        <source>打印办事指南…</source>
        <translation>Print guide…</translation>
    </message>
    <message>
        <source>导出办事指南…</source>
        <translation>Export guide…</translation>
    </message>
    <message>
        <source>历史版本…</source>
        <translation>History…</translation>
    </message>
    <message>
        <source>编辑（管理员）…</source>
        <translation>Edit (admin)…</translation>
    </message>
    <message>
        <source>导出Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>导入Excel…</source>
        <translation>Import Excel…</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>筛选结果</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>（已停用）</source>
        <translation> (retired)</translation>
    </message>
    <message>
        <source>勾选多个事项可合并打印或导出办事指南</source>
        <translation>Tick several items to print or export them in one handout</translation>
    </message>
    <message>
        <source>共 {n} 项</source>
        <translation>{n} item(s)</translation>
    </message>
    <message>
        <source>导出办事指南（{n}项）…</source>
        <translation>Export guide ({n} items)…</translation>
    </message>
    <message>
        <source>没有符合条件的服务事项</source>
        <translation>No matching service items</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>收费</source>
        <translation>Charged</translation>
    </message>
    <message>
        <source>免费</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>点击打开表单</source>
        <translation>click to open the form</translation>
    </message>
    <message>
        <source>申请材料清单：已备齐 {done}/{total}（勾选来访者已带齐的材料）</source>
        <translation>Materials: {done}/{total} ready (tick what the visitor has brought)</translation>
    </message>
    <message>
        <source>打印办事指南</source>
        <translation>Print guide</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>导出办事指南</source>
        <translation>Export guide</translation>
    </message>
    <message>
        <source>正在生成办事指南</source>
        <translation>Writing the guide</translation>
    </message>
    <message>
        <source>办事指南已保存：</source>
        <translation>Guide saved: </translation>
    </message>
    <message>
        <source>设置管理员密码</source>
        <translation>Set admin password</translation>
    </message>
    <message>
        <source>尚未设置管理员密码。请设置（至少6位）：</source>
        <translation>No admin password is set yet. Choose one (at least 6 characters):</translation>
    </message>
    <message>
        <source>管理员验证</source>
        <translation>Admin check</translation>
    </message>
    <message>
        <source>请输入管理员密码：</source>
        <translation>Admin password:</translation>
    </message>
    <message>
        <source>管理员密码不正确</source>
        <translation>Wrong admin password</translation>
    </message>
    <message>
        <source>该事项被表单或接待记录引用，已停用而未删除。</source>
        <translation>Forms or visit records refer to this item, so it was retired instead of deleted.</translation>
    </message>
    <message>
        <source>导出服务事项清单</source>
        <translation>Export service catalogue</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出服务事项清单</source>
        <translation>Exporting the catalogue</translation>
    </message>
    <message>
        <source>导入服务事项清单</source>
        <translation>Import service catalogue</translation>
    </message>
    <message>
        <source>正在读取服务事项清单</source>
        <translation>Reading the catalogue sheet</translation>
    </message>
    <message>
        <source>正在更新服务事项清单</source>
        <translation>Updating the catalogue</translation>
    </message>
    <message>
        <source>导入服务事项清单：确认差异</source>
        <translation>Import catalogue: review the changes</translation>
    </message>
    <message>
        <source>事项 / 字段</source>
        <translation>Item / field</translation>
    </message>
    <message>
        <source>原内容</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>新内容</source>
        <translation>After</translation>
    </message>
    <message>
        <source>清单中没有的事项将被停用（不会删除），之后可重新导入恢复。</source>
        <translation>Items missing from the sheet will be retired (not deleted); importing them again restores them.</translation>
    </message>
    <message>
        <source>应用</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>（被{n}条记录引用）</source>
        <translation> (referenced by {n} records)</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>与当前清单完全一致，无需更新</source>
        <translation>Identical to the current catalogue; nothing to update</translation>
    </message>
    <message>
        <source>编辑服务事项（管理员）</source>
        <translation>Edit service item (admin)</translation>
    </message>
    <message>
        <source>按YAML格式编辑，保存前自动校验；修改“code”即另存为新事项。</source>
        <translation>Edit as YAML; it is validated before saving. Changing "code" saves a new item.</translation>
    </message>
    <message>
        <source>校验</source>
        <translation>Validate</translation>
    </message>
    <message>
        <source>删除此事项…</source>
        <translation>Delete this item…</translation>
    </message>
    <message>
        <source>被表单或接待记录引用的事项只会停用，不会删除</source>
        <translation>Items that forms or visits refer to are retired, never deleted</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>编辑内容</source>
        <translation>edited text</translation>
    </message>
    <message>
        <source>编码 {code} 已被其他事项使用</source>
        <translation>Code {code} is already used by another item</translation>
    </message>
    <message>
        <source>校验通过</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>历史版本</source>
        <translation>History</translation>
    </message>
    <message>
        <source>被修改</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>被停用</source>
        <translation>retired</translation>
    </message>
    <message>
        <source>被恢复</source>
        <translation>restored</translation>
    </message>
    <message>
        <source>被删除</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>没有历史版本</source>
        <translation>No earlier versions</translation>
    </message>
</context>
</TS>
