<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AdminActions</name>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/admin_actions.py" line="44"/>
        <source>设置管理员密码</source>
        <translation>Set admin password</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/admin_actions.py" line="45"/>
        <source>尚未设置管理员密码。请设置（至少6位）：</source>
        <translation>No admin password is set yet. Choose one (at least 6 characters):</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/admin_actions.py" line="51"/>
        <source>管理员验证</source>
        <translation>Admin check</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/admin_actions.py" line="51"/>
        <source>请输入管理员密码：</source>
        <translation>Admin password:</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/admin_actions.py" line="60"/>
        <source>管理员密码不正确</source>
        <translation>Wrong admin password</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/admin_actions.py" line="113"/>
        <source>该事项被表单或接待记录引用，已停用而未删除。</source>
        <translation>Forms or visit records refer to this item, so it was retired instead of deleted.</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/admin_actions.py" line="141"/>
        <source>导出服务事项清单</source>
        <translation>Export service catalogue</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/admin_actions.py" line="142"/>
        <location filename="../../../desktop/ui/pages/catalogue/admin_actions.py" line="155"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/admin_actions.py" line="150"/>
        <source>正在导出服务事项清单</source>
        <translation>Exporting the catalogue</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/admin_actions.py" line="154"/>
        <source>导入服务事项清单</source>
        <translation>Import service catalogue</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/admin_actions.py" line="166"/>
        <source>正在读取服务事项清单</source>
        <translation>Reading the catalogue sheet</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/admin_actions.py" line="178"/>
        <source>正在更新服务事项清单</source>
        <translation>Updating the catalogue</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="75"/>
        <source>输入事项名称、拼音首字母（如 zlzy）或编码筛选</source>
        <translation>Filter by name, pinyin initials (e.g. zlzy) or code</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="83"/>
        <source>全部服务对象</source>
        <translation>All audiences</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="84"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="84"/>
        <source>个人</source>
        <translation>Individual</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="85"/>
        <source>高校院所</source>
        <translation>University/institute</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="85"/>
        <source>社会团体</source>
        <translation>Associations</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="86"/>
        <source>代理机构</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="90"/>
        <source>含已停用</source>
        <translation>Include retired</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="104"/>
        <source>服务事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="104"/>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="126"/>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="325"/>
        <source>打印办事指南…</source>
        <translation>Print guide…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="128"/>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="321"/>
        <source>导出办事指南…</source>
        <translation>Export guide…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="131"/>
        <source>导出为Word文档；本机装有LibreOffice时也可导出PDF</source>
        <translation>Export as a Word document; PDF too where LibreOffice is installed</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="133"/>
        <source>导出为Word文档（本机未安装LibreOffice，无法直接导出PDF）</source>
        <translation>Export as a Word document (LibreOffice is not installed, so no PDF)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="139"/>
        <source>历史版本…</source>
        <translation>History…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="140"/>
        <source>编辑（管理员）…</source>
        <translation>Edit (admin)…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="141"/>
        <source>导出Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="142"/>
        <source>导入Excel…</source>
        <translation>Import Excel…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="183"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="222"/>
        <source>筛选结果</source>
        <translation>Matches</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="241"/>
        <source>（已停用）</source>
        <translation> (retired)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="247"/>
        <source>勾选多个事项可合并打印或导出办事指南</source>
        <translation>Tick several items to print or export them in one handout</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="324"/>
        <source>打印办事指南（{n}项）…</source>
        <translation>Print guide ({n} items)…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="231"/>
        <source>共 {n} 项</source>
        <translation>{n} item(s)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="134"/>
        <source>工作人员版</source>
        <translation>Officer copy</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="136"/>
        <source>工作人员版附信息来源；不勾选时为给办事人的版本，不含来源说明</source>
        <translation>The officer&apos;s copy adds the sources; unticked, the visitor&apos;s copy has no source notes</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/page.py" line="320"/>
        <source>导出办事指南（{n}项）…</source>
        <translation>Export guide ({n} items)…</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/guide_panel.py" line="45"/>
        <source>申请材料清单</source>
        <translation>Materials checklist</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/guide_panel.py" line="47"/>
        <source>清除勾选</source>
        <translation>Clear ticks</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/guide_panel.py" line="77"/>
        <source>没有符合条件的服务事项</source>
        <translation>No matching service items</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/guide_panel.py" line="84"/>
        <source>已停用</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/guide_panel.py" line="85"/>
        <source>收费</source>
        <translation>Charged</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/guide_panel.py" line="85"/>
        <source>免费</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/guide_panel.py" line="105"/>
        <source>信息核对日期：未记录，请核对</source>
        <translation>Facts checked on: never — please check</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/guide_panel.py" line="107"/>
        <source>信息核对日期：</source>
        <translation>Facts checked on: </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/guide_panel.py" line="109"/>
        <source>（已超过一年，请核对）</source>
        <translation> (over a year ago — please check)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/guide_panel.py" line="125"/>
        <source>点击打开表单</source>
        <translation>click to open the form</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/guide_panel.py" line="153"/>
        <source>申请材料清单：已备齐 {done}/{total}（勾选来访者已带齐的材料）</source>
        <translation>Materials: {done}/{total} ready (tick what the visitor has brought)</translation>
    </message>
</context>
<context>
    <name>HandoutActions</name>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/handout_actions.py" line="36"/>
        <source>打印预览：办事指南</source>
        <translation>Print preview: guide</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/handout_actions.py" line="60"/>
        <source>Word 文档 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/handout_actions.py" line="62"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/handout_actions.py" line="65"/>
        <source>导出办事指南</source>
        <translation>Export guide</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/handout_actions.py" line="83"/>
        <source>正在生成办事指南</source>
        <translation>Writing the guide</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/handout_actions.py" line="90"/>
        <source>办事指南已保存：</source>
        <translation>Guide saved: </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="208"/>
        <source>历史版本</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="215"/>
        <source>被修改</source>
        <translation>changed</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="215"/>
        <source>被停用</source>
        <translation>retired</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="216"/>
        <source>被恢复</source>
        <translation>restored</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="216"/>
        <source>被删除</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="223"/>
        <source>没有历史版本</source>
        <translation>No earlier versions</translation>
    </message>
</context>
<context>
    <name>ImportDiffDialog</name>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="39"/>
        <source>导入服务事项清单：确认差异</source>
        <translation>Import catalogue: review the changes</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="48"/>
        <source>事项 / 字段</source>
        <translation>Item / field</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="48"/>
        <source>原内容</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="49"/>
        <source>新内容</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="54"/>
        <source>清单中没有的事项将被停用（不会删除），之后可重新导入恢复。</source>
        <translation>Items missing from the sheet will be retired (not deleted); importing them again restores them.</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="58"/>
        <source>应用</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="62"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="75"/>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="79"/>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="86"/>
        <source>停用</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="88"/>
        <source>（被{n}条记录引用）</source>
        <translation> (referenced by {n} records)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="92"/>
        <source>恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="96"/>
        <source>与当前清单完全一致，无需更新</source>
        <translation>Identical to the current catalogue; nothing to update</translation>
    </message>
</context>
<context>
    <name>ItemEditorDialog</name>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="119"/>
        <source>编辑服务事项（管理员）</source>
        <translation>Edit service item (admin)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="122"/>
        <source>按YAML格式编辑，保存前自动校验；修改“code”即另存为新事项。</source>
        <translation>Edit as YAML; it is validated before saving. Changing &quot;code&quot; saves a new item.</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="132"/>
        <source>你的修改（未保存，可复制）</source>
        <translation>Your changes (not saved; copy from here)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="139"/>
        <source>校验</source>
        <translation>Validate</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="143"/>
        <source>删除此事项…</source>
        <translation>Delete this item…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="145"/>
        <source>被表单或接待记录引用的事项只会停用，不会删除</source>
        <translation>Items that forms or visits refer to are retired, never deleted</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="149"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="153"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="161"/>
        <source>编辑内容</source>
        <translation>edited text</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="168"/>
        <source>编码 {code} 已被其他事项使用</source>
        <translation>Code {code} is already used by another item</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/dialogs.py" line="170"/>
        <source>校验通过</source>
        <translation>Valid</translation>
    </message>
</context>
<context>
    <name>ModelAnswers</name>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/model_answers.py" line="49"/>
        <source>范例答复（{n}条，来自以往接待）</source>
        <translation>Model answers ({n}, from past visits)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/model_answers.py" line="52"/>
        <source>问</source>
        <translation>Q</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/model_answers.py" line="52"/>
        <source>答</source>
        <translation>A</translation>
    </message>
</context>
<context>
    <name>RelatedItems</name>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/related.py" line="63"/>
        <source>相关事项</source>
        <translation>Related items</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/related.py" line="71"/>
        <source>匹配：</source>
        <translation>Matched: </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/catalogue/related.py" line="74"/>
        <source>，相关事项 {n} 项</source>
        <translation>, {n} related</translation>
    </message>
</context>
</TS>
