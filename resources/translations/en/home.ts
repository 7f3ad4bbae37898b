<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>FindAll</name>
    <message>
        <location filename="../../../desktop/ui/pages/home/find_all.py" line="67"/>
        <source>查找：服务事项、以往咨询、客户、检索库</source>
        <translation>Find: service items, past consultations, clients, the library</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/find_all.py" line="93"/>
        <source>服务事项</source>
        <translation>Service item</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/find_all.py" line="93"/>
        <source>以往咨询</source>
        <translation>Past consultations</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/find_all.py" line="94"/>
        <source>客户</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/find_all.py" line="94"/>
        <source>检索库</source>
        <translation>Library</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../../desktop/ui/pages/home/page.py" line="96"/>
        <location filename="../../../desktop/ui/pages/home/page.py" line="173"/>
        <source>工作台</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/page.py" line="99"/>
        <source>＋ 新接待</source>
        <translation>+ New visit</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/page.py" line="118"/>
        <source>本月接待（人次）</source>
        <translation>Visits this month</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/page.py" line="118"/>
        <source>本月服务主体</source>
        <translation>Clients served this month</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/page.py" line="119"/>
        <source>本月生成文书</source>
        <translation>Documents this month</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/page.py" line="119"/>
        <source>待跟进</source>
        <translation>Open follow-ups</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/page.py" line="128"/>
        <source>今日接待</source>
        <translation>Today&apos;s visits</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/page.py" line="129"/>
        <source>待跟进（今日到期与逾期）</source>
        <translation>Follow-ups (due today and overdue)</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/page.py" line="132"/>
        <source>最近咨询的服务事项</source>
        <translation>Recently consulted service items</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/page.py" line="133"/>
        <source>最近使用的表单</source>
        <translation>Recently used forms</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/page.py" line="162"/>
        <source>匿名来访</source>
        <translation>Anonymous walk-in</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/page.py" line="178"/>
        <source>今天还没有接待记录</source>
        <translation>No visits recorded today</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/page.py" line="179"/>
        <source>【今日】</source>
        <translation>[today] </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/page.py" line="181"/>
        <source>【逾期】</source>
        <translation>[overdue] </translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/page.py" line="185"/>
        <source>另有 %1 项更早逾期，在接待登记中查看全部…</source>
        <translation>%1 more overdue earlier: see them all in the visit log…</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/page.py" line="187"/>
        <source>没有到期的跟进事项</source>
        <translation>No follow-ups due</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/page.py" line="193"/>
        <location filename="../../../desktop/ui/pages/home/page.py" line="195"/>
        <source>暂无</source>
        <translation>None yet</translation>
    </message>
</context>
<context>
    <name>SetupCard</name>
    <message>
        <location filename="../../../desktop/ui/pages/home/setup_card.py" line="33"/>
        <source>首次使用：填写服务网点信息</source>
        <translation>First run: your outlet&apos;s details</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/setup_card.py" line="35"/>
        <source>这些信息印在办事指南、材料包和表单上；未填写前导出会先提示。</source>
        <translation>Printed on guides, packets and forms; until filled in, exports warn first.</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/setup_card.py" line="39"/>
        <source>网点名称</source>
        <translation>Outlet name</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/setup_card.py" line="39"/>
        <source>例如：晋城市知识产权公共服务站</source>
        <translation>e.g. 晋城市知识产权公共服务站</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/setup_card.py" line="40"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/setup_card.py" line="40"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/setup_card.py" line="41"/>
        <source>服务时间</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/setup_card.py" line="41"/>
        <source>例如：工作日 9:00–17:00</source>
        <translation>e.g. weekdays 9:00–17:00</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/setup_card.py" line="42"/>
        <source>接待人员</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/setup_card.py" line="42"/>
        <source>多名以顿号分隔，如：王敏、李强</source>
        <translation>Several names separated by 、 or commas, e.g. 王敏、李强</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/setup_card.py" line="53"/>
        <source>保存网点信息</source>
        <translation>Save outlet details</translation>
    </message>
    <message>
        <location filename="../../../desktop/ui/pages/home/setup_card.py" line="67"/>
        <source>请填写网点名称</source>
        <translation>Please enter the outlet&apos;s name</translation>
    </message>
</context>
</TS>
