<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AuditBox</name>
    <message>
        <location filename="../../../desktop/ui/pages/settings/audit_box.py" line="31"/>
        <source>审计日志（管理员）</source>
        <translation>Audit log (administrators)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/audit_box.py" line="39"/>
        <source>全部操作</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/audit_box.py" line="43"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/audit_box.py" line="47"/>
        <location filename="../../../desktop/ui/pages/settings/audit_box.py" line="55"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/audit_box.py" line="55"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/audit_box.py" line="55"/>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/audit_box.py" line="55"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/audit_box.py" line="55"/>
        <source>服务台</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/audit_box.py" line="56"/>
        <source>对象</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/audit_box.py" line="56"/>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../desktop/ui/pages/settings/audit_box.py" line="81"/>
        <source>（仅显示最近 %n 条）</source>
        <translation>
            <numerusform> (only the latest %n shown)</numerusform>
            <numerusform> (only the latest %n shown)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../desktop/ui/pages/settings/audit_box.py" line="82"/>
        <source>%n 条记录</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupBox</name>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="34"/>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="40"/>
        <source>备份到文件…</source>
        <translation>Back up to a file…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="42"/>
        <source>全部数据写入一个文件，可恢复到SQLite或PostgreSQL数据库</source>
        <translation>All data in one file, restorable into a SQLite or PostgreSQL database</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="44"/>
        <source>从备份文件恢复…</source>
        <translation>Restore from a backup file…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="47"/>
        <source>加入网络数据库…</source>
        <translation>Join the network database…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="49"/>
        <source>把本服务台的数据并入全省共享的PostgreSQL数据库</source>
        <translation>Merge this desk&apos;s data into the province&apos;s shared PostgreSQL database</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="56"/>
        <source>备份文件</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="66"/>
        <source> 小时</source>
        <translation> hours</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="67"/>
        <source>不自动备份</source>
        <translation>No automatic backups</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="71"/>
        <source>保留最近 </source>
        <translation>keep the newest </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="72"/>
        <source> 份</source>
        <translation> backups</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="73"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="79"/>
        <source>自动备份间隔</source>
        <translation>Automatic backup every</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="83"/>
        <source>最近一次备份</source>
        <translation>Last backup</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="98"/>
        <source>自动备份只适用于本机SQLite数据库；共享数据库由服务器备份</source>
        <translation>Automatic backups are for a desk&apos;s own SQLite database; a shared database is backed up on its server</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="101"/>
        <source>（尚无备份）</source>
        <translation>(no backup yet)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="109"/>
        <source>自动备份设置已保存</source>
        <translation>Automatic backup settings saved</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="120"/>
        <source>备份到文件</source>
        <translation>Back up to a file</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="125"/>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="127"/>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="132"/>
        <source>已备份 {n} 行到 {file}</source>
        <translation>Backed up {n} rows to {file}</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="137"/>
        <source>未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="143"/>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="165"/>
        <source>从备份文件恢复</source>
        <translation>Restore from a backup file</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="152"/>
        <source>客户</source>
        <translation>clients</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="152"/>
        <source>接待记录</source>
        <translation>visits</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="153"/>
        <source>专利与文献</source>
        <translation>patents and articles</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="153"/>
        <source>服务事项</source>
        <translation>service items</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="154"/>
        <source>生成的表单</source>
        <translation>generated forms</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="155"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="156"/>
        <source>备份时间：{when}
来源：{source}（{dialect}，服务台 {desk}）
内容：{counts}</source>
        <translation>Made: {when}
Source: {source} ({dialect}, desk {desk})
Contents: {counts}</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="163"/>
        <source>恢复将替换当前数据库中的全部数据（{db}）。继续吗？</source>
        <translation>The restore replaces all data in this database ({db}). Go on?</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="172"/>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="174"/>
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="178"/>
        <source>已从 {file} 恢复 {n} 行</source>
        <translation>Restored {n} rows from {file}</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/backup_box.py" line="181"/>
        <source>；恢复前的数据库已备份到 {file}</source>
        <translation>; the database before the restore was backed up to {file}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../../desktop/ui/widgets/conflict_dialog.py" line="51"/>
        <source>保存冲突</source>
        <translation>Save conflict</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/widgets/conflict_dialog.py" line="61"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/widgets/conflict_dialog.py" line="61"/>
        <source>你的修改</source>
        <translation>Your changes</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/widgets/conflict_dialog.py" line="62"/>
        <source>对方保存的</source>
        <translation>Saved by the other desk</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/widgets/conflict_dialog.py" line="78"/>
        <source>继续编辑</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/widgets/conflict_dialog.py" line="79"/>
        <source>载入对方保存的内容，你的修改显示在旁边，核对后再保存</source>
        <translation>Load the saved version; your changes are shown beside it — check, then save</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/widgets/conflict_dialog.py" line="80"/>
        <source>用我的覆盖</source>
        <translation>Overwrite with mine</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/widgets/conflict_dialog.py" line="81"/>
        <source>在对方的版本之上保存你的修改（对方的修改被替换）</source>
        <translation>Save your changes on top of the saved version (their changes are replaced)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/widgets/conflict_dialog.py" line="82"/>
        <source>放弃我的修改</source>
        <translation>Discard mine</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/widgets/conflict_dialog.py" line="82"/>
        <source>不保存，保留对方的版本</source>
        <translation>Do not save; keep the saved version</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../../desktop/ui/connection_banner.py" line="75"/>
        <location filename="../../../desktop/ui/connection_banner.py" line="119"/>
        <source>● 在线</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/connection_banner.py" line="100"/>
        <source>● 离线</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/connection_banner.py" line="111"/>
        <source>离线：无法连接数据库服务器，正在重试…</source>
        <translation>Offline: cannot reach the database server, retrying…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/connection_banner.py" line="113"/>
        <source>（%1 条接待记录待发送）</source>
        <translation> (%1 visits waiting to be sent)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/connection_banner.py" line="120"/>
        <source>已重新连接</source>
        <translation>Reconnected</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/connection_banner.py" line="165"/>
        <source>已重新连接，已发送离线登记的接待 %1 条</source>
        <translation>Reconnected; %1 visits recorded offline were sent</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <location filename="../../../desktop/ui/jobs.py" line="104"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../../desktop/ui/pages/settings/join_dialog.py" line="33"/>
        <location filename="../../../desktop/ui/pages/settings/join_dialog.py" line="69"/>
        <source>加入网络数据库</source>
        <translation>Join the network database</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/join_dialog.py" line="37"/>
        <source>把本服务台的客户、接待记录、生成的表单、专利与文献和服务事项历史并入共享的数据库；已有的记录会被识别，不会重复。先试运行查看结果。</source>
        <translation>Merge this desk&apos;s clients, visits, generated forms, patents and articles and service-item history into the shared database; records already there are recognised, never duplicated. Try a dry run first.</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/join_dialog.py" line="43"/>
        <source>共享数据库地址</source>
        <translation>Shared database URL</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/join_dialog.py" line="46"/>
        <source>试运行</source>
        <translation>Dry run</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/join_dialog.py" line="49"/>
        <source>并入共享数据库</source>
        <translation>Merge into the shared database</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/join_dialog.py" line="52"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/join_dialog.py" line="70"/>
        <source>将本服务台的数据并入共享数据库（一次完成，出错则不写入任何内容）。继续吗？</source>
        <translation>Merge this desk&apos;s data into the shared database (in one go; on an error nothing is written). Go on?</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/join_dialog.py" line="79"/>
        <source>请填写共享数据库地址</source>
        <translation>Enter the shared database&apos;s URL</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/join_dialog.py" line="84"/>
        <source>正在试运行…</source>
        <translation>Dry run…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/join_dialog.py" line="84"/>
        <location filename="../../../desktop/ui/pages/settings/join_dialog.py" line="87"/>
        <source>正在并入…</source>
        <translation>Merging…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/join_dialog.py" line="100"/>
        <source>未完成，共享数据库未做任何改动</source>
        <translation>Not done; the shared database was not changed</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../../desktop/ui/main_window.py" line="42"/>
        <source>IP Desk 知识产权服务台</source>
        <translation>IP Desk</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/main_window.py" line="83"/>
        <source>数据库：</source>
        <translation>Database: </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/main_window.py" line="85"/>
        <source>登录：</source>
        <translation>Signed in: </translation>
    </message>
</context>
<context>
    <name>OutletCheck</name>
    <message>
        <location filename="../../../desktop/ui/widgets/outlet_check.py" line="16"/>
        <source>网点信息未设置</source>
        <translation>Outlet details not set</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/widgets/outlet_check.py" line="17"/>
        <source>尚未填写服务网点信息（名称、地址、电话），导出的文件上将没有网点信息。可在“工作台”或“设置”中填写。仍要继续吗？</source>
        <translation>The outlet&apos;s details (name, address, phone) are not filled in, so the exported file will not show them. Fill them in on the Desk or Settings page. Continue anyway?</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../../desktop/ui/widgets/placeholder.py" line="15"/>
        <source>此页面将在后续版本中提供：</source>
        <translation>This page will provide:</translation>
    </message>
</context>
<context>
    <name>PrivacyBox</name>
    <message>
        <location filename="../../../desktop/ui/pages/settings/privacy_box.py" line="26"/>
        <source>个人信息保护</source>
        <translation>Personal information</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/privacy_box.py" line="35"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/privacy_box.py" line="36"/>
        <source>保存期限</source>
        <translation>Save period</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/privacy_box.py" line="39"/>
        <source>立即匿名化</source>
        <translation>Anonymise now</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/privacy_box.py" line="42"/>
        <source>清除超过保存期限的接待记录中的个人信息（统计数字不变；应用启动时也会自动执行）</source>
        <translation>Remove the personal data of visits older than the retention period (statistics unchanged; also done when the app starts)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/privacy_box.py" line="48"/>
        <source>接待记录个人信息保存期限</source>
        <translation>Retention of visitors&apos; personal data</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/privacy_box.py" line="55"/>
        <source>个人信息导出记录</source>
        <translation>Personal-data exports</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/privacy_box.py" line="72"/>
        <source>（尚无导出记录）</source>
        <translation>(no exports recorded)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/privacy_box.py" line="79"/>
        <source>已保存：{n}天</source>
        <translation>Saved: {n} days</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/privacy_box.py" line="85"/>
        <source>已匿名化 {n} 条接待记录</source>
        <translation>Anonymised {n} visits</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../../desktop/ui/signin.py" line="102"/>
        <source>选择服务台档案</source>
        <translation>Choose a desk profile</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/signin.py" line="112"/>
        <source>档案</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/signin.py" line="113"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="35"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="37"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="47"/>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="51"/>
        <source>服务网点信息（打印在办事指南和表单上）</source>
        <translation>Service outlet (printed on guides and forms)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="54"/>
        <source>网点名称</source>
        <translation>Outlet name</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="54"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="55"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="55"/>
        <source>电子邮箱</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="56"/>
        <source>办公时间</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="57"/>
        <source>接待人员（用顿号分隔）</source>
        <translation>Officers (separated by 、 or commas)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="63"/>
        <source>保存网点信息</source>
        <translation>Save outlet details</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="72"/>
        <source>数据</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="76"/>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="77"/>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="78"/>
        <source>数据库版本</source>
        <translation>Schema revision</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="79"/>
        <source>备份文件夹</source>
        <translation>Backups folder</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="80"/>
        <source>日志</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="86"/>
        <source>打开数据文件夹</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="135"/>
        <source>重新启动后生效</source>
        <translation>Takes effect after restarting</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="143"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../../desktop/ui/signin.py" line="35"/>
        <source>登录 IP Desk</source>
        <translation>Sign in to IP Desk</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/signin.py" line="37"/>
        <source>数据库服务器：</source>
        <translation>Database server: </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/signin.py" line="50"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/signin.py" line="51"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/signin.py" line="53"/>
        <source>在本机记住密码（保存在系统钥匙串中）</source>
        <translation>Remember the password on this computer (in the system keyring)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/signin.py" line="58"/>
        <source>本机没有可用的系统钥匙串，密码不会保存，每次启动都需要输入。</source>
        <translation>This computer has no system keyring: the password is not remembered and is asked at each start.</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/signin.py" line="64"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/signin.py" line="72"/>
        <source>请输入用户名</source>
        <translation>Enter the user name</translation>
    </message>
</context>
</TS>
