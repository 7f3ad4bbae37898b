<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
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
    <name>MainWindow</name>
    <message>
        <location filename="../../../desktop/ui/main_window.py" line="40"/>
        <source>IP Desk 知识产权服务台</source>
        <translation>IP Desk</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/main_window.py" line="79"/>
        <source>数据库：</source>
        <translation>Database: </translation>
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
    <name>SettingsPage</name>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="32"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="34"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="44"/>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="48"/>
        <source>服务网点信息（打印在办事指南和表单上）</source>
        <translation>Service outlet (printed on guides and forms)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="51"/>
        <source>网点名称</source>
        <translation>Outlet name</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="51"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="52"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="52"/>
        <source>电子邮箱</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="53"/>
        <source>办公时间</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="54"/>
        <source>接待人员（用顿号分隔）</source>
        <translation>Officers (separated by 、 or commas)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="60"/>
        <source>保存网点信息</source>
        <translation>Save outlet details</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="69"/>
        <source>数据</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="73"/>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="74"/>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="75"/>
        <source>数据库版本</source>
        <translation>Schema revision</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="76"/>
        <source>备份文件夹</source>
        <translation>Backups folder</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="77"/>
        <source>日志</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="83"/>
        <source>打开数据文件夹</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="115"/>
        <source>重新启动后生效</source>
        <translation>Takes effect after restarting</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/settings/page.py" line="123"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
</context>
</TS>
