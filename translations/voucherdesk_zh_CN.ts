<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Creates a VoucherDesk demo workspace: two partners with their managers, a reviewer and an administrator, customers, templates and three months of applications, vouchers and payments; optionally many more vouchers for benchmarks.</source>
        <translation>创建 VoucherDesk 演示工作区：包含两个合作伙伴及其合作伙伴经理、一名审核员和一名管理员，以及客户、模板和三个月的申请、代金券与支付记录；还可额外生成大量代金券用于基准测试。</translation>
    </message>
    <message>
        <source>The file to create (default: %1).</source>
        <translation>要创建的文件（默认：%1）。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Seed of the generator (default 2026).</source>
        <translation>数据生成器的随机种子（默认 2026）。</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>End of the generated history, ISO 8601 UTC (default: this hour).</source>
        <translation>生成历史数据的截止时间，ISO 8601 UTC 格式（默认：当前小时）。</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Extra applications with vouchers for benchmarks (default 0).</source>
        <translation>额外生成的带代金券的申请数量，用于基准测试（默认 0）。</translation>
    </message>
    <message>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Partners in all, with --vouchers (default 50).</source>
        <translation>合作伙伴总数，与 --vouchers 一起使用（默认 50）。</translation>
    </message>
    <message>
        <source>Customers in all, with --vouchers (default 20000).</source>
        <translation>客户总数，与 --vouchers 一起使用（默认 20000）。</translation>
    </message>
    <message>
        <source>Replace the file if it exists.</source>
        <translation>文件已存在时将其替换。</translation>
    </message>
    <message>
        <source>Hash the demo passwords with minimal cost (for tests; not for real use).</source>
        <translation>以最低计算成本对演示密码进行哈希（仅供测试，请勿用于实际环境）。</translation>
    </message>
    <message>
        <source>--seed takes a whole number from 0 to %1.</source>
        <translation>--seed 的取值须为 0 到 %1 之间的整数。</translation>
    </message>
    <message>
        <source>--now takes a time such as 2026-11-26T08:00:00Z.</source>
        <translation>--now 的取值须为时间，例如 2026-11-26T08:00:00Z。</translation>
    </message>
    <message>
        <source>--vouchers takes 0 to 5,000,000, --partners 2 to 1,000 and --customers 1 to 1,000,000.</source>
        <translation>--vouchers 的取值范围为 0 到 5,000,000，--partners 为 2 到 1,000，--customers 为 1 到 1,000,000。</translation>
    </message>
    <message>
        <source>Writing vouchers: %1 of %2 (%3%)</source>
        <translation>正在写入代金券：%1 / %2（%3%）</translation>
    </message>
    <message>
        <source>Created in %1 s.</source>
        <translation>创建完成，耗时 %1 秒。</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; use one of: %2.</source>
        <translation>未知语言“%1”，请使用以下语言之一：%2。</translation>
    </message>
    <message>
        <source>VoucherDesk: vendor vouchers of the Tencent Cloud Partner Center.</source>
        <translation>VoucherDesk：腾讯云合作伙伴中心 · 厂商代金券。</translation>
    </message>
    <message>
        <source>The local workspace file (default: %1).</source>
        <translation>本地工作区文件（默认：%1）。</translation>
    </message>
    <message>
        <source>Use the demo workspace (default: %1), creating it if it is missing.</source>
        <translation>使用演示工作区（默认：%1），不存在时自动创建。</translation>
    </message>
    <message>
        <source>The language: %1.</source>
        <translation>界面语言：%1。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Creating the demo workspace %1 …</source>
        <translation>正在创建演示工作区 %1 …</translation>
    </message>
    <message>
        <source>Sign in as manager.a (partner manager), rev1 (reviewer) or admin; the password of every demo account is &quot;%1&quot;.</source>
        <translation>请使用 manager.a（合作伙伴经理）、rev1（审核员）或 admin（管理员）登录；所有演示账号的密码均为“%1”。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Print what the workspace holds and exit, without a window.</source>
        <translation>输出工作区内容后退出，不打开窗口。</translation>
    </message>
    <message>
        <source>Save a 1280×800 PNG of every page and dialog, in English and Chinese, of a fixed demo workspace into the folder, and exit.</source>
        <translation>将固定演示工作区的每个页面和对话框以中英文各保存一张 1280×800 的 PNG 截图到该文件夹，然后退出。</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Sign in to a VoucherDesk server, e.g. https://vouchers.example.com, instead of a local workspace.</source>
        <translation>登录 VoucherDesk 服务器（例如 https://vouchers.example.com），而不是使用本地工作区。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>The login to sign in with (you are asked for the password).</source>
        <translation>用于登录的登录名（随后会要求输入密码）。</translation>
    </message>
</context>
<context>
    <name>ApplicationWizard</name>
    <message>
        <source>Apply for a Vendor Voucher</source>
        <translation>申请厂商代金券</translation>
    </message>
</context>
<context>
    <name>BlocklistLabel</name>
    <message>
        <source>Blocklist</source>
        <translation>黑名单</translation>
    </message>
    <message>
        <source>(every product except the &lt;a href=&quot;#blocklist&quot;&gt;blocklist&lt;/a&gt;) ⓘ</source>
        <extracomment>Beside the &quot;Universal products&quot; choice; hovering the link lists the blocked products.</extracomment>
        <translation>（适用于除&lt;a href=&quot;#blocklist&quot;&gt;黑名单&lt;/a&gt;外的所有产品）ⓘ</translation>
    </message>
</context>
<context>
    <name>ChoicePage</name>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>ClearButton</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Clear the field</source>
        <translation>清空此字段</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>Choose the template to apply with.</source>
        <translation>请选择用于申请的模板。</translation>
    </message>
    <message>
        <source>Choose the customer the voucher is for.</source>
        <translation>请选择代金券所属的客户。</translation>
    </message>
    <message>
        <source>Describe the testing scenario in %1 to %2 characters; this description has %3.</source>
        <translation>请用 %1 到 %2 个字符描述测试场景，当前描述为 %3 个字符。</translation>
    </message>
    <message>
        <source>The application was changed meanwhile (it is now at version %1).</source>
        <translation>该申请在此期间已被修改（当前版本为 %1）。</translation>
    </message>
    <message>
        <source>Only a partner manager can apply for vouchers.</source>
        <translation>仅合作伙伴经理可以申请代金券。</translation>
    </message>
    <message>
        <source>%1 is not eligible for vouchers.</source>
        <translation>%1 不符合代金券申请条件。</translation>
    </message>
    <message>
        <source>Only the partner that applied can cancel an application.</source>
        <translation>仅提交申请的合作伙伴可以取消申请。</translation>
    </message>
    <message>
        <source>Only a vendor reviewer can approve or reject an application.</source>
        <translation>仅厂商审核员可以通过或驳回申请。</translation>
    </message>
    <message>
        <source>The application is no longer pending review: it is %1.</source>
        <translation>该申请已不在待审核状态，当前状态：%1。</translation>
    </message>
    <message>
        <source>Pending review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1: unknown key &quot;%2&quot;.</source>
        <translation>%1：未知的键“%2”。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is missing.</source>
        <translation>%1：缺少“%2”。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be a non-empty string, not %3.</source>
        <translation>%1：“%2”必须为非空字符串，而不是 %3。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be an array, not %3.</source>
        <translation>%1：“%2”必须为数组，而不是 %3。</translation>
    </message>
    <message>
        <source>%1: %2 %3 is not a date of the form yyyy-MM-dd.</source>
        <translation>%1：%2 %3 不是 yyyy-MM-dd 格式的日期。</translation>
    </message>
    <message>
        <source>Cannot open the calendar %1: %2</source>
        <translation>无法打开日历 %1：%2</translation>
    </message>
    <message>
        <source>The calendar %1 is larger than 1 MiB.</source>
        <translation>日历 %1 超过 1 MiB。</translation>
    </message>
    <message>
        <source>The calendar is not valid JSON: %1 at offset %2.</source>
        <translation>日历不是有效的 JSON：%1（偏移量 %2）。</translation>
    </message>
    <message>
        <source>The calendar must be a JSON object.</source>
        <translation>日历必须为 JSON 对象。</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>%1: &quot;fallbackUtcOffset&quot; must look like +08:00, not %2.</source>
        <translation>%1：“fallbackUtcOffset”的格式应类似 +08:00，而不是 %2。</translation>
    </message>
    <message>
        <source>%1: the time zone %2 is unknown on this system and no &quot;fallbackUtcOffset&quot; is given.</source>
        <translation>%1：本系统无法识别时区 %2，且未提供“fallbackUtcOffset”。</translation>
    </message>
    <message>
        <source>Year entry %1</source>
        <translation>第 %1 个年份条目</translation>
    </message>
    <message>
        <source>%1 must be an object, not %2.</source>
        <translation>%1 必须为对象，而不是 %2。</translation>
    </message>
    <message>
        <source>%1: &quot;year&quot; must be a whole number from %2 to %3, not %4.</source>
        <translation>%1：“year”必须为 %2 到 %3 之间的整数，而不是 %4。</translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>%1 年</translation>
    </message>
    <message>
        <source>%1 is listed twice.</source>
        <translation>%1 被重复列出。</translation>
    </message>
    <message>
        <source>Year %1, holiday %2</source>
        <translation>%1 年第 %2 个节假日</translation>
    </message>
    <message>
        <source>Year %1, holiday &quot;%2&quot;</source>
        <translation>%1 年节假日“%2”</translation>
    </message>
    <message>
        <source>%1: &quot;from&quot; %2 is after &quot;to&quot; %3.</source>
        <translation>%1：“from”（%2）晚于“to”（%3）。</translation>
    </message>
    <message>
        <source>%1: %2 to %3 is longer than %4 days.</source>
        <translation>%1：%2 至 %3 超过 %4 天。</translation>
    </message>
    <message>
        <source>%1: %2 to %3 is not in %4.</source>
        <translation>%1：%2 至 %3 不在 %4 年内。</translation>
    </message>
    <message>
        <source>make-up working day</source>
        <translation>调休工作日</translation>
    </message>
    <message>
        <source>%1: make-up working day %2 is a %3; make-up working days fall on a Saturday or Sunday.</source>
        <translation>%1：调休工作日 %2 是%3；调休工作日只能是星期六或星期日。</translation>
    </message>
    <message>
        <source>%1: make-up working day %2 is more than %3 days away from the holiday.</source>
        <translation>%1：调休工作日 %2 与节假日相隔超过 %3 天。</translation>
    </message>
    <message>
        <source>%1 overlaps &quot;%2&quot; on %3.</source>
        <translation>%1 与“%2”在 %3 重叠。</translation>
    </message>
    <message>
        <source>%1: %2 cannot be both a make-up working day and a day of &quot;%3&quot;.</source>
        <translation>%1：%2 不能既是调休工作日，又是“%3”的假日。</translation>
    </message>
    <message>
        <source>%1: make-up working day %2 is listed twice.</source>
        <translation>%1：调休工作日 %2 被重复列出。</translation>
    </message>
    <message>
        <source>Only an administrator can change the blocklist.</source>
        <translation>仅管理员可以修改黑名单。</translation>
    </message>
    <message>
        <source>Give the time the blocklist takes effect.</source>
        <translation>请填写黑名单的生效时间。</translation>
    </message>
    <message>
        <source>Not an active product of the catalogue: %1.</source>
        <translation>以下产品不是产品目录中的有效产品：%1。</translation>
    </message>
    <message>
        <source>This request id was already used for a different request. Nothing was changed.</source>
        <translation>此请求 ID 已用于另一个不同的请求，未做任何更改。</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) are invalid: %1</source>
        <translation>
            <numerusform>%n 个字段无效：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>An internal error occurred. Nothing was changed.</source>
        <translation>发生内部错误，未做任何更改。</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>请输入客户名称。</translation>
    </message>
    <message>
        <source>The name is %1 characters long; use at most %2.</source>
        <translation>名称长度为 %1 个字符，不能超过 %2 个字符。</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s UIN.</source>
        <translation>请输入客户 UIN。</translation>
    </message>
    <message>
        <source>A UIN contains digits only.</source>
        <translation>UIN 只能包含数字。</translation>
    </message>
    <message>
        <source>A UIN has %1 to %2 digits; this one has %3.</source>
        <translation>UIN 应为 %1 到 %2 位数字，当前为 %3 位。</translation>
    </message>
    <message>
        <source>Only a partner manager can add customers.</source>
        <translation>仅合作伙伴经理可以添加客户。</translation>
    </message>
    <message>
        <source>You already have a customer with UIN %1.</source>
        <translation>已存在 UIN 为 %1 的客户。</translation>
    </message>
    <message>
        <source>Cannot open the workspace %1: %2</source>
        <translation>无法打开工作区 %1：%2</translation>
    </message>
    <message>
        <source>Write the database as postgresql://user:password@host:port/name.</source>
        <translation>请按 postgresql://user:password@host:port/name 的格式填写数据库。</translation>
    </message>
    <message>
        <source>Choose a file for the workspace.</source>
        <translation>请为工作区选择一个文件。</translation>
    </message>
    <message>
        <source>it is a folder.</source>
        <translation>这是一个文件夹。</translation>
    </message>
    <message>
        <source>its folder cannot be created.</source>
        <translation>无法创建其所在的文件夹。</translation>
    </message>
    <message>
        <source>The Qt SQL driver %1 is not installed.</source>
        <translation>未安装 Qt SQL 驱动 %1。</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>无法打开数据库 %1：%2</translation>
    </message>
    <message>
        <source>it is not a VoucherDesk workspace.</source>
        <translation>该文件不是 VoucherDesk 工作区。</translation>
    </message>
    <message>
        <source>Enter the order number of the bill.</source>
        <translation>请输入账单的订单号。</translation>
    </message>
    <message>
        <source>An order number has at most %1 characters.</source>
        <translation>订单号不能超过 %1 个字符。</translation>
    </message>
    <message>
        <source>Choose the product the bill is for.</source>
        <translation>请选择账单对应的产品。</translation>
    </message>
    <message>
        <source>A bill is either prepaid or postpaid.</source>
        <translation>账单的付费模式只能是预付费或后付费。</translation>
    </message>
    <message>
        <source>The order amount must be greater than 0.</source>
        <translation>订单金额必须大于 0。</translation>
    </message>
    <message>
        <source>Choose the customer the bill belongs to.</source>
        <translation>请选择账单所属的客户。</translation>
    </message>
    <message>
        <source>Voucher %1 was issued for another customer.</source>
        <translation>代金券 %1 是为其他客户发放的。</translation>
    </message>
    <message>
        <source>Voucher %1 expired on %2.</source>
        <translation>代金券 %1 已于 %2 过期。</translation>
    </message>
    <message>
        <source>Voucher %1 has no balance left.</source>
        <translation>代金券 %1 已无余额。</translation>
    </message>
    <message>
        <source>Voucher %1 was invalidated by the vendor.</source>
        <translation>代金券 %1 已被厂商作废。</translation>
    </message>
    <message>
        <source>Voucher %1 is not in effect yet.</source>
        <translation>代金券 %1 尚未生效。</translation>
    </message>
    <message>
        <source>Voucher %1 pays only for its listed products, not %2.</source>
        <translation>代金券 %1 仅可抵扣其指定的产品，不适用于 %2。</translation>
    </message>
    <message>
        <source>Voucher %1 does not pay for %2: the product is on its blocklist.</source>
        <translation>代金券 %1 不可抵扣 %2：该产品在其黑名单中。</translation>
    </message>
    <message>
        <source>Voucher %1 pays %2 bills only; this bill is %3.</source>
        <translation>代金券 %1 仅可抵扣%2账单，此账单为%3。</translation>
    </message>
    <message>
        <source>Voucher %1 needs a bill of at least %2; this one is %3.</source>
        <translation>代金券 %1 的最低消费为 %2，此账单金额为 %3。</translation>
    </message>
    <message>
        <source>The demo data goes into a new, empty workspace only; this one already has partners.</source>
        <translation>演示数据只能写入新的空工作区；此工作区中已有合作伙伴。</translation>
    </message>
    <message>
        <source>%1 already exists; choose another file or replace it.</source>
        <translation>%1 已存在，请选择其他文件或将其替换。</translation>
    </message>
    <message>
        <source>Creating the workspace was cancelled.</source>
        <translation>已取消创建工作区。</translation>
    </message>
    <message>
        <source>This workspace was written by a newer version of VoucherDesk (schema %1; this version knows up to %2).</source>
        <translation>此工作区由更新版本的 VoucherDesk 写入（数据库结构版本 %1；当前版本最高支持 %2）。</translation>
    </message>
    <message>
        <source>“%1” is not a supported currency. Supported currencies: %2.</source>
        <translation>不支持币种“%1”。支持的币种：%2。</translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation>请输入金额。</translation>
    </message>
    <message>
        <source>This amount is in %1; enter it in %2.</source>
        <translation>此金额的币种为 %1，请以 %2 输入。</translation>
    </message>
    <message>
        <source>Write the currency only once, before or after the amount.</source>
        <translation>币种只能在金额之前或之后写一次。</translation>
    </message>
    <message>
        <source>“%1” is not accepted here; enter the amount in %2.</source>
        <translation>此处不接受“%1”，请以 %2 输入金额。</translation>
    </message>
    <message>
        <source>Use only one minus sign, at the start of the amount.</source>
        <translation>只能使用一个负号，且须位于金额开头。</translation>
    </message>
    <message>
        <source>Use only one decimal point.</source>
        <translation>只能使用一个小数点。</translation>
    </message>
    <message>
        <source>Remove the spaces inside the amount.</source>
        <translation>请删除金额中的空格。</translation>
    </message>
    <message>
        <source>Enter the amount in digits, for example %1.</source>
        <translation>请用数字输入金额，例如 %1。</translation>
    </message>
    <message>
        <source>Group the digits in threes, like %1, or leave the separators out, like %2.</source>
        <translation>请每三位数字分为一组（如 %1），或不使用分隔符（如 %2）。</translation>
    </message>
    <message>
        <source>Use at most %1 decimal places.</source>
        <translation>最多保留 %1 位小数。</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>金额过大。</translation>
    </message>
    <message>
        <source>Only an administrator can manage partners and quotas.</source>
        <translation>仅管理员可以管理合作伙伴和额度。</translation>
    </message>
    <message>
        <source>A partner&apos;s name has 1 to %1 characters.</source>
        <translation>合作伙伴名称须为 1 到 %1 个字符。</translation>
    </message>
    <message>
        <source>The quota cannot be negative.</source>
        <translation>额度不能为负数。</translation>
    </message>
    <message>
        <source>Choose one of the currencies %1.</source>
        <translation>请选择以下币种之一：%1。</translation>
    </message>
    <message>
        <source>A partner named &quot;%1&quot; already exists.</source>
        <translation>已存在名为“%1”的合作伙伴。</translation>
    </message>
    <message>
        <source>Prepaid and postpaid</source>
        <translation>预付费和后付费</translation>
    </message>
    <message>
        <source>Prepaid</source>
        <translation>预付费</translation>
    </message>
    <message>
        <source>Postpaid</source>
        <translation>后付费</translation>
    </message>
    <message>
        <source>The partner&apos;s quota pool has %1 left, less than the face value %2.</source>
        <translation>该合作伙伴的额度池剩余 %1，低于面额 %2。</translation>
    </message>
    <message>
        <source>The quota cannot be lower than what is already issued (%1).</source>
        <translation>额度不能低于已发放的金额（%1）。</translation>
    </message>
    <message>
        <source>A comment has at most %1 characters.</source>
        <translation>审核意见不能超过 %1 个字符。</translation>
    </message>
    <message>
        <source>Give the reason for the rejection; the partner will see it.</source>
        <translation>请填写驳回原因，合作伙伴将会看到该原因。</translation>
    </message>
    <message>
        <source>A reason has at most %1 characters.</source>
        <translation>驳回原因不能超过 %1 个字符。</translation>
    </message>
    <message>
        <source>Partner manager</source>
        <translation>合作伙伴经理</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>You already have a template named &quot;%1&quot;. Choose another name.</source>
        <translation>已存在名为“%1”的模板，请使用其他名称。</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; was changed meanwhile (it is now at version %2). Review the current version and make your change again.</source>
        <translation>模板“%1”在此期间已被修改（当前版本为 %2）。请查看当前版本后重新修改。</translation>
    </message>
    <message>
        <source>Only a partner manager can create and change voucher templates.</source>
        <translation>仅合作伙伴经理可以创建和修改代金券模板。</translation>
    </message>
    <message>
        <source>A universal voucher covers every product except the blocklist; do not pick products for it.</source>
        <translation>通用代金券适用于黑名单以外的所有产品，请勿为其选择产品。</translation>
    </message>
    <message>
        <source>Pick at least one product for a specific voucher.</source>
        <translation>指定产品代金券至少需要选择一个产品。</translation>
    </message>
    <message>
        <source>Pick at most %1 products; %2 are picked.</source>
        <translation>最多可选择 %1 个产品，当前已选择 %2 个。</translation>
    </message>
    <message>
        <source>The product %1 is picked twice.</source>
        <translation>产品 %1 被重复选择。</translation>
    </message>
    <message>
        <source>Your quota pool is in %1; the template must use %1 too.</source>
        <translation>您的额度池币种为 %1，模板也必须使用 %1。</translation>
    </message>
    <message>
        <source>The face value must be greater than 0.</source>
        <translation>面额必须大于 0。</translation>
    </message>
    <message>
        <source>The face value may be at most %1 per voucher.</source>
        <translation>每张代金券的面额不能超过 %1。</translation>
    </message>
    <message>
        <source>The minimum spend cannot be negative.</source>
        <translation>最低消费不能为负数。</translation>
    </message>
    <message>
        <source>Enter a name for the template.</source>
        <translation>请输入模板名称。</translation>
    </message>
    <message>
        <source>A voucher is valid for %1 to %2 days after it is issued.</source>
        <translation>代金券的有效期须为发放后 %1 到 %2 天。</translation>
    </message>
    <message>
        <source>The note is %1 characters long; use at most %2.</source>
        <translation>备注长度为 %1 个字符，不能超过 %2 个字符。</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; is locked: an application using it was submitted. Duplicate it to make a changed copy.</source>
        <translation>模板“%1”已锁定：已有使用该模板的申请提交。如需修改，请复制该模板并编辑副本。</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; was used by an application and cannot be deleted.</source>
        <translation>模板“%1”已被申请使用，无法删除。</translation>
    </message>
    <message>
        <source>A login has 3 to 64 letters, digits, dots, dashes, underscores or @, and starts with a letter or digit.</source>
        <translation>登录名须为 3 到 64 个字符，可包含字母、数字、点、连字符、下划线或 @，且须以字母或数字开头。</translation>
    </message>
    <message>
        <source>A display name has at most 100 characters.</source>
        <translation>显示名称不能超过 100 个字符。</translation>
    </message>
    <message>
        <source>A password has at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>A partner manager belongs to a partner.</source>
        <translation>合作伙伴经理必须隶属于某个合作伙伴。</translation>
    </message>
    <message>
        <source>Reviewers and administrators work for the vendor, not for a partner.</source>
        <translation>审核员和管理员属于厂商，不隶属于合作伙伴。</translation>
    </message>
    <message>
        <source>Only an administrator can add users.</source>
        <translation>仅管理员可以添加用户。</translation>
    </message>
    <message>
        <source>The login &quot;%1&quot; is already taken.</source>
        <translation>登录名“%1”已被占用。</translation>
    </message>
    <message>
        <source>The login or the password is wrong.</source>
        <translation>登录名或密码错误。</translation>
    </message>
    <message>
        <source>Only the partner that holds a voucher can pay with it.</source>
        <translation>仅持有该代金券的合作伙伴可以使用其支付。</translation>
    </message>
    <message>
        <source>%1 is not a product of the catalogue.</source>
        <translation>%1 不是产品目录中的产品。</translation>
    </message>
    <message>
        <source>Only an administrator can invalidate vouchers.</source>
        <translation>仅管理员可以作废代金券。</translation>
    </message>
    <message>
        <source>Voucher %1 is already invalidated.</source>
        <translation>代金券 %1 已作废。</translation>
    </message>
    <message>
        <source>Universal product voucher</source>
        <translation>通用代金券</translation>
    </message>
    <message>
        <source>Specific product voucher</source>
        <translation>指定产品代金券</translation>
    </message>
    <message>
        <source>Unused</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>Partially used</source>
        <translation>部分使用</translation>
    </message>
    <message>
        <source>Used up</source>
        <translation>已用完</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Invalidated</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
    <message>
        <source>Partners: %1</source>
        <translation>合作伙伴：%1</translation>
    </message>
    <message>
        <source>  %1 — quota %2, issued %3, remaining %4</source>
        <translation>  %1 — 额度 %2，已发放 %3，剩余 %4</translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more</source>
        <translation>
            <numerusform>  … 另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <source>Customers: %1</source>
        <translation>客户：%1</translation>
    </message>
    <message>
        <source>Templates: %1 editable, %2 locked</source>
        <translation>模板：%1 个可编辑，%2 个已锁定</translation>
    </message>
    <message>
        <source>Vendor Voucher List: %1 rows</source>
        <translation>厂商代金券列表：%1 条记录</translation>
    </message>
    <message>
        <source>Payments with vouchers: %1</source>
        <translation>代金券支付：%1 笔</translation>
    </message>
    <message>
        <source>  %1 (%2) — %3</source>
        <translation>  %1（%2）— %3</translation>
    </message>
    <message>
        <source>  %1 (%2)</source>
        <translation>  %1（%2）</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1：%2</translation>
    </message>
    <message>
        <source>The template does not exist or is not visible to you.</source>
        <translation>该模板不存在或您无权查看。</translation>
    </message>
    <message>
        <source>The customer does not exist or is not visible to you.</source>
        <translation>该客户不存在或您无权查看。</translation>
    </message>
    <message>
        <source>The application does not exist or is not visible to you.</source>
        <translation>该申请不存在或您无权查看。</translation>
    </message>
    <message>
        <source>The voucher does not exist or is not visible to you.</source>
        <translation>该代金券不存在或您无权查看。</translation>
    </message>
    <message>
        <source>The partner does not exist or is not visible to you.</source>
        <translation>该合作伙伴不存在或您无权查看。</translation>
    </message>
    <message>
        <source>What you asked for does not exist or is not visible to you.</source>
        <translation>请求的资源不存在或您无权查看。</translation>
    </message>
    <message numerus="yes">
        <source>Writing the data stopped after %n application(s); what was written before stays.</source>
        <translation>
            <numerusform>写入数据在第 %n 条申请后中止；此前已写入的数据保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>Voucher code</source>
        <translation>代金券编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer UIN</source>
        <translation>客户 UIN</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Face value</source>
        <translation>面额</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Applied at (UTC)</source>
        <translation>申请时间（UTC）</translation>
    </message>
    <message>
        <source>Expires at (UTC)</source>
        <translation>到期时间（UTC）</translation>
    </message>
    <message>
        <source>Application ID</source>
        <translation>申请 ID</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The vouchers could not be read from the workspace.</source>
        <translation>无法从工作区读取代金券。</translation>
    </message>
    <message>
        <source>The sign-in is not valid. Sign in again.</source>
        <translation>登录状态无效，请重新登录。</translation>
    </message>
    <message>
        <source>The sign-in has expired. Sign in again.</source>
        <translation>登录已过期，请重新登录。</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins for this login. Try again in %n second(s).</source>
        <translation>
            <numerusform>该账号登录失败次数过多，请在 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins from this address. Try again in %n second(s).</source>
        <translation>
            <numerusform>该地址登录失败次数过多，请在 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 为必填项。</translation>
    </message>
    <message>
        <source>%1 must be a string.</source>
        <translation>%1 必须是字符串。</translation>
    </message>
    <message>
        <source>%1 must be an integer.</source>
        <translation>%1 必须是整数。</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>%1 必须介于 %2 和 %3 之间。</translation>
    </message>
    <message>
        <source>%1 must be true or false.</source>
        <translation>%1 必须是 true 或 false。</translation>
    </message>
    <message>
        <source>%1 must be a UUID such as 123e4567-e89b-42d3-a456-426614174000.</source>
        <translation>%1 必须是 UUID，例如 123e4567-e89b-42d3-a456-426614174000。</translation>
    </message>
    <message>
        <source>%1 must be a list of strings.</source>
        <translation>%1 必须是字符串列表。</translation>
    </message>
    <message numerus="yes">
        <source>%1 can have at most %n item(s).</source>
        <translation>
            <numerusform>%1 最多只能包含 %n 项。</numerusform>
        </translation>
    </message>
    <message>
        <source>The request body must be a JSON object.</source>
        <translation>请求体必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>The request body is not valid JSON (%1 at byte %2).</source>
        <translation>请求体不是有效的 JSON（第 %2 字节处：%1）。</translation>
    </message>
    <message>
        <source>The request body is larger than 1 MiB.</source>
        <translation>请求体超过 1 MiB。</translation>
    </message>
    <message>
        <source>%1 is not allowed on %2; use %3.</source>
        <translation>%2 不支持 %1，请使用 %3。</translation>
    </message>
    <message>
        <source>There is no %1 %2 in this API.</source>
        <translation>此 API 中没有 %1 %2。</translation>
    </message>
    <message>
        <source>Sign in first: this request needs an &quot;Authorization: Bearer &lt;token&gt;&quot; header.</source>
        <translation>请先登录：此请求需要 “Authorization: Bearer &lt;token&gt;” 请求头。</translation>
    </message>
    <message>
        <source>The server could not complete the request.</source>
        <translation>服务器无法完成该请求。</translation>
    </message>
    <message>
        <source>status must be one of pending_review, approved, rejected or cancelled.</source>
        <translation>status 必须是 pending_review、approved、rejected 或 cancelled 之一。</translation>
    </message>
    <message>
        <source>since must be a whole number of 0 or more: the nextSince of the previous pull.</source>
        <translation>since 必须是大于或等于 0 的整数：即上一次拉取返回的 nextSince。</translation>
    </message>
    <message>
        <source>limit must be a whole number from 1 to %1.</source>
        <translation>limit 必须是 1 到 %1 之间的整数。</translation>
    </message>
    <message>
        <source>Only a vendor reviewer has a review queue.</source>
        <translation>只有厂商审核员才有审核队列。</translation>
    </message>
    <message>
        <source>offset must be a whole number of 0 or more.</source>
        <translation>offset 必须是大于或等于 0 的整数。</translation>
    </message>
    <message>
        <source>Only an administrator can read metrics.</source>
        <translation>只有管理员可以读取监控指标。</translation>
    </message>
    <message>
        <source>kind must be universal or specific.</source>
        <translation>kind 必须是 universal 或 specific。</translation>
    </message>
    <message>
        <source>payMode must be all, prepaid or postpaid.</source>
        <translation>payMode 必须是 all、prepaid 或 postpaid。</translation>
    </message>
    <message>
        <source>Send the template&apos;s current version in the If-Match header, for example If-Match: 3.</source>
        <translation>请在 If-Match 请求头中提供模板的当前版本，例如 If-Match: 3。</translation>
    </message>
    <message>
        <source>If-Match must be the template&apos;s version, a whole number such as 3 or &quot;3&quot;.</source>
        <translation>If-Match 必须是模板的版本号，即整数，例如 3 或 &quot;3&quot;。</translation>
    </message>
    <message>
        <source>The id in the body is not the id in the path.</source>
        <translation>请求体中的 id 与路径中的 id 不一致。</translation>
    </message>
    <message>
        <source>status must be one of pending_review, unused, partially_used, used_up, expired, rejected, cancelled, invalidated.</source>
        <translation>status 必须是 pending_review、unused、partially_used、used_up、expired、rejected、cancelled、invalidated 之一。</translation>
    </message>
    <message>
        <source>customerId must be a UUID such as 123e4567-e89b-42d3-a456-426614174000.</source>
        <translation>customerId 必须是 UUID，例如 123e4567-e89b-42d3-a456-426614174000。</translation>
    </message>
    <message>
        <source>%1 must be an ISO 8601 time such as 2026-12-31T16:00:00Z.</source>
        <translation>%1 必须是 ISO 8601 时间，例如 2026-12-31T16:00:00Z。</translation>
    </message>
    <message>
        <source>minBalance must be a whole number of minor units, 0 or more.</source>
        <translation>minBalance 必须是以最小货币单位计的整数，且大于或等于 0。</translation>
    </message>
    <message>
        <source>sort must be one of appliedAt, expiresAt, balance, faceValue, customer, code, each optionally after &quot;-&quot; for descending.</source>
        <translation>sort 必须是 appliedAt、expiresAt、balance、faceValue、customer、code 之一，前加 &quot;-&quot; 表示降序。</translation>
    </message>
    <message>
        <source>payMode must be prepaid or postpaid.</source>
        <translation>payMode 必须是 prepaid 或 postpaid。</translation>
    </message>
    <message>
        <source>Your decision on this application is already on its way to the server.</source>
        <translation>您对该申请的审核决定正在发送至服务器。</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached: %2</source>
        <translation>无法连接服务器 %1：%2</translation>
    </message>
    <message>
        <source>This computer does not trust the certificate of %1.</source>
        <translation>此计算机不信任 %1 的证书。</translation>
    </message>
    <message>
        <source>The server refused the sign-in (HTTP %1).</source>
        <translation>服务器拒绝了登录请求（HTTP %1）。</translation>
    </message>
    <message>
        <source>The server&apos;s answer cannot be read by this version.</source>
        <translation>当前版本无法读取服务器的响应。</translation>
    </message>
    <message>
        <source>The server sent a change that cannot be read (%1 %2); none of its batch was applied.</source>
        <translation>服务器发送了无法读取的更改（%1 %2）；该批次的更改均未应用。</translation>
    </message>
    <message>
        <source>The server cannot be reached, and this password is not the one last used for it on this computer.</source>
        <translation>无法连接服务器，且此密码与本机上次登录该服务器时使用的密码不一致。</translation>
    </message>
    <message>
        <source>This account of this server is already open in another VoucherDesk window on this computer.</source>
        <translation>该服务器的此账号已在本机另一个 VoucherDesk 窗口中打开。</translation>
    </message>
    <message>
        <source>http:// would send your password and data unencrypted over the network: use the server&apos;s https:// address (plain http:// is for this computer only, e.g. http://127.0.0.1:8080).</source>
        <translation>使用 http:// 会在网络上以明文发送您的密码和数据：请使用服务器的 https:// 地址（http:// 仅限本机使用，例如 http://127.0.0.1:8080）。</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>已取消登录。</translation>
    </message>
    <message>
        <source>a space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>%1 is not allowed in an amount. Type digits, with “%2” as the decimal point and, if you like, %3 between thousands: for example %4 or %5.</source>
        <extracomment>%2 is the decimal point and %3 the digit group separator of the user&apos;s locale; %4 and %5 the same amount written with and without the separators.</extracomment>
        <translation>金额中不能包含 %1。请输入数字，以“%2”作为小数点，也可以用 %3 分隔千位：例如 %4 或 %5。</translation>
    </message>
    <message>
        <source>%1 must be UTF-8 text without control characters.</source>
        <translation>%1 必须是不含控制字符的 UTF-8 文本。</translation>
    </message>
    <message>
        <source>Send one Content-Length, or Transfer-Encoding without Content-Length.</source>
        <translation>请只发送一个 Content-Length，或只发送 Transfer-Encoding 而不带 Content-Length。</translation>
    </message>
</context>
<context>
    <name>CustomerChoicePage</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Choose the customer whose product test the voucher pays for. Only eligible customers are listed.</source>
        <translation>请选择要使用代金券进行产品测试的客户。仅列出符合条件的客户。</translation>
    </message>
    <message>
        <source>Search name or UIN…</source>
        <translation>搜索名称或 UIN…</translation>
    </message>
    <message>
        <source>Search customers by name or UIN</source>
        <translation>按名称或 UIN 搜索客户</translation>
    </message>
    <message>
        <source>Eligible customers</source>
        <translation>符合条件的客户</translation>
    </message>
    <message>
        <source>Customers unavailable</source>
        <translation>无法获取客户</translation>
    </message>
    <message>
        <source>No eligible customers</source>
        <translation>没有符合条件的客户</translation>
    </message>
    <message>
        <source>Add a customer, or mark one eligible, on the Customers page first.</source>
        <translation>请先在“客户”页面添加客户，或将客户标记为符合条件。</translation>
    </message>
    <message>
        <source>No eligible customer matches “%1”</source>
        <translation>没有与“%1”匹配的符合条件的客户</translation>
    </message>
    <message>
        <source>Search by part of the name or by the first digits of the UIN.</source>
        <translation>可按名称的一部分或 UIN 的开头数字搜索。</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>&amp;Eligible for vouchers</source>
        <translation>符合代金券申请条件(&amp;E)</translation>
    </message>
    <message>
        <source>Add Customer</source>
        <translation>添加客户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Company or person, as in the customer&apos;s account</source>
        <translation>公司或个人名称，与客户账号一致</translation>
    </message>
    <message>
        <source>UIN</source>
        <translation>UIN</translation>
    </message>
    <message>
        <source>Account ID, %1 to %2 digits</source>
        <translation>账号 ID，%1 到 %2 位数字</translation>
    </message>
    <message>
        <source>The customer&apos;s Tencent Cloud account ID (UIN), digits only.</source>
        <translation>客户的腾讯云账号 ID（UIN），仅限数字。</translation>
    </message>
    <message>
        <source>Eligible for vouchers</source>
        <translation>符合代金券申请条件</translation>
    </message>
    <message>
        <source>Only eligible customers can be chosen in an application.</source>
        <translation>申请时只能选择符合条件的客户。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;UIN:</source>
        <translation>UIN(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Add customer</source>
        <translation>添加客户</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Eligible</source>
        <translation>符合条件</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>不符合条件</translation>
    </message>
    <message>
        <source>Not eligible customers cannot be chosen in an application.</source>
        <translation>不符合条件的客户无法在申请中选择。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>UIN</source>
        <translation>UIN</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>The customers could not be read from the workspace. Try Refresh; if it keeps failing, reopen the workspace.</source>
        <translation>无法从工作区读取客户。请尝试刷新；如果仍然失败，请重新打开工作区。</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>&amp;Add Customer…</source>
        <translation>添加客户(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a customer (%1)</source>
        <translation>添加客户（%1）</translation>
    </message>
    <message>
        <source>Search name or UIN…</source>
        <translation>搜索名称或 UIN…</translation>
    </message>
    <message>
        <source>Search customers by name or UIN</source>
        <translation>按名称或 UIN 搜索客户</translation>
    </message>
    <message>
        <source>Add Customer</source>
        <translation>添加客户</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customers unavailable</source>
        <translation>无法获取客户</translation>
    </message>
    <message>
        <source>No customers yet</source>
        <translation>暂无客户</translation>
    </message>
    <message>
        <source>Add the customers you apply for vouchers for: their name and Tencent Cloud account ID (UIN).</source>
        <translation>添加要为其申请代金券的客户：填写客户名称和腾讯云账号 ID（UIN）。</translation>
    </message>
    <message>
        <source>No customer matches “%1”</source>
        <translation>没有与“%1”匹配的客户</translation>
    </message>
    <message>
        <source>Search by part of the name or by the first digits of the UIN.</source>
        <translation>可按名称的一部分或 UIN 的开头数字搜索。</translation>
    </message>
    <message>
        <source>Customers: %1</source>
        <translation>客户：%1</translation>
    </message>
</context>
<context>
    <name>DeductionTableModel</name>
    <message>
        <source>The voucher paid what was left of its balance; the rest of the bill is paid otherwise.</source>
        <translation>代金券已抵扣其全部剩余余额；账单的其余部分以其他方式支付。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Pay mode</source>
        <translation>付费模式</translation>
    </message>
    <message>
        <source>Order amount</source>
        <translation>订单金额</translation>
    </message>
    <message>
        <source>Deducted</source>
        <translation>抵扣金额</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>d MMM yyyy</source>
        <extracomment>Date format (QDate::toString); keep the year.</extracomment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>d MMM yyyy HH:mm</source>
        <extracomment>Date and time format (QDateTime::toString).</extracomment>
        <translation>yyyy年M月d日 HH:mm</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <extracomment>Date with weekday (QDate::toString).</extracomment>
        <translation>yyyy年M月d日 ddd</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>Separator between the names of a list, e.g. products.</extracomment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>VoucherDesk — %1</source>
        <translation>VoucherDesk — %1</translation>
    </message>
    <message>
        <source>Partner Center</source>
        <translation>合作伙伴中心</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>Customer Business</source>
        <translation>客户业务</translation>
    </message>
    <message>
        <source>Voucher Management</source>
        <translation>代金券管理</translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation>%1（%2）· %3</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Sign Out</source>
        <translation>退出登录(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About VoucherDesk</source>
        <translation>关于 VoucherDesk(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>About VoucherDesk</source>
        <translation>关于 VoucherDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;VoucherDesk %1&lt;/h3&gt;&lt;p&gt;A desktop workbench for the vendor-voucher programme of the Tencent Cloud Partner Center: voucher templates, applications, review and the vouchers&apos; use.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;VoucherDesk %1&lt;/h3&gt;&lt;p&gt;面向腾讯云合作伙伴中心厂商代金券业务的桌面工作台：代金券模板、申请、审核以及代金券的使用。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Templates</source>
        <translation>模板(&amp;T)</translation>
    </message>
    <message>
        <source>V&amp;ouchers</source>
        <translation>代金券(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <source>Review &amp;Queue…</source>
        <translation>审核队列(&amp;Q)…</translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <source>Set Partner &amp;Quota…</source>
        <translation>设置合作伙伴额度(&amp;Q)…</translation>
    </message>
    <message>
        <source>Server %1</source>
        <translation>服务器 %1</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
    <message>
        <source>Sync &amp;Now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <source>Sync &amp;Problems…</source>
        <translation>同步问题(&amp;P)…</translation>
    </message>
    <message>
        <source>The changes the server refused, and why</source>
        <translation>服务器拒绝的更改及原因</translation>
    </message>
    <message>
        <source>Send the waiting changes and receive the server&apos;s changes now (%1)</source>
        <translation>立即发送待发送的更改并接收服务器的更改（%1）</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <extracomment>The status bar&apos;s account label read by a screen reader; %1 is what it shows.</extracomment>
        <translation>当前登录：%1</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Any</source>
        <extracomment>A date filter that is not set.</extracomment>
        <translation>不限</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <extracomment>Date format of the date filters (QDate::toString).</extracomment>
        <translation>yyyy年M月d日</translation>
    </message>
</context>
<context>
    <name>PartnerChoice</name>
    <message>
        <source>All partners</source>
        <translation>全部合作伙伴</translation>
    </message>
</context>
<context>
    <name>PayDialog</name>
    <message>
        <source>Pay with voucher %1</source>
        <translation>使用代金券 %1 支付</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>The bill&apos;s order number</source>
        <translation>账单的订单号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Order pay mode</source>
        <translation>订单付费模式</translation>
    </message>
    <message>
        <source>Order amount</source>
        <translation>订单金额</translation>
    </message>
    <message>
        <source>for example %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <source>&amp;Order number:</source>
        <translation>订单号(&amp;O)：</translation>
    </message>
    <message>
        <source>P&amp;roduct:</source>
        <translation>产品(&amp;R)：</translation>
    </message>
    <message>
        <source>Order pay &amp;mode:</source>
        <translation>订单付费模式(&amp;M)：</translation>
    </message>
    <message>
        <source>Order &amp;amount:</source>
        <translation>订单金额(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Pay</source>
        <translation>支付(&amp;P)</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>支付</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 (not covered by this voucher)</source>
        <translation>%1（此代金券不适用）</translation>
    </message>
    <message>
        <source>Enter the order amount to see what the voucher pays.</source>
        <translation>输入订单金额后，将显示代金券可抵扣的金额。</translation>
    </message>
    <message>
        <source>Will deduct %1; balance after %2</source>
        <translation>将抵扣 %1，抵扣后余额 %2</translation>
    </message>
    <message>
        <source>Voucher %1</source>
        <translation>代金券 %1</translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation>余额：</translation>
    </message>
    <message>
        <source>%1 of %2 left</source>
        <translation>剩余 %1 / %2</translation>
    </message>
    <message>
        <source>Pays for:</source>
        <translation>可抵扣：</translation>
    </message>
    <message>
        <source>Prepaid and postpaid bills</source>
        <translation>预付费和后付费账单</translation>
    </message>
    <message>
        <source>Prepaid bills only</source>
        <translation>仅预付费账单</translation>
    </message>
    <message>
        <source>Postpaid bills only</source>
        <translation>仅后付费账单</translation>
    </message>
    <message>
        <source>Minimum bill:</source>
        <translation>最低账单金额：</translation>
    </message>
    <message>
        <source>Usable until:</source>
        <translation>可用至：</translation>
    </message>
</context>
<context>
    <name>PendingMarker</name>
    <message>
        <source>Waiting to be sent to the server</source>
        <translation>等待发送至服务器</translation>
    </message>
    <message>
        <source>%1, waiting to be sent to the server</source>
        <extracomment>A list&apos;s cell of a row changed here that the server has not received yet.</extracomment>
        <translation>%1，等待发送至服务器</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>The language changes the next time VoucherDesk starts. Dates, numbers and money follow the language.</source>
        <translation>语言将在下次启动 VoucherDesk 时生效。日期、数字和金额的格式随语言变化。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>ProductPicker</name>
    <message>
        <source>Search products…</source>
        <translation>搜索产品…</translation>
    </message>
    <message>
        <source>Search products</source>
        <translation>搜索产品</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>%1 (no longer offered)</source>
        <translation>%1（已下线）</translation>
    </message>
    <message>
        <source>No product picked yet</source>
        <translation>尚未选择产品</translation>
    </message>
    <message>
        <source>Picked (%1): %2</source>
        <translation>已选择（%1）：%2</translation>
    </message>
    <message>
        <source>Picked</source>
        <translation>已选</translation>
    </message>
    <message>
        <source>Not picked</source>
        <translation>未选</translation>
    </message>
</context>
<context>
    <name>ProductScope</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Blocked products (%1):</source>
        <translation>黑名单产品（%1）：</translation>
    </message>
    <message>
        <source>Applicable products (%1):</source>
        <translation>适用产品（%1）：</translation>
    </message>
    <message>
        <source>As of now. An issued voucher keeps the blocklist in effect when it was approved.</source>
        <translation>以上为当前情况。已发放的代金券沿用其审核通过时生效的黑名单。</translation>
    </message>
</context>
<context>
    <name>ProductScopeView</name>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message numerus="yes">
        <source>Pays only for these %n product(s):</source>
        <translation>
            <numerusform>仅可抵扣以下 %n 个产品：</numerusform>
        </translation>
    </message>
    <message>
        <source>Products the voucher pays for</source>
        <translation>代金券适用的产品</translation>
    </message>
    <message>
        <source>All products except the blocklist (revision %1).</source>
        <translation>适用于黑名单（版本 %1）以外的所有产品。</translation>
    </message>
    <message>
        <source>Today&apos;s blocklist is revision %1; the differences are marked.</source>
        <translation>当前黑名单为版本 %1，差异处已标出。</translation>
    </message>
    <message>
        <source>Blocked products</source>
        <translation>黑名单产品</translation>
    </message>
    <message>
        <source>Blocked: the voucher does not pay for it.</source>
        <translation>已列入黑名单：代金券不可抵扣该产品。</translation>
    </message>
    <message>
        <source>%1 — no longer blocked today</source>
        <translation>%1 — 现已移出黑名单</translation>
    </message>
    <message>
        <source>Removed from the blocklist after this voucher was approved; the voucher still does not pay for it.</source>
        <translation>该产品在此代金券审核通过后被移出黑名单；此代金券仍不可抵扣该产品。</translation>
    </message>
    <message>
        <source>%1 — blocked since this voucher was approved</source>
        <translation>%1 — 在此代金券审核通过后列入黑名单</translation>
    </message>
    <message>
        <source>Added to the blocklist after this voucher was approved; the voucher still pays for it.</source>
        <translation>该产品在此代金券审核通过后被列入黑名单；此代金券仍可抵扣该产品。</translation>
    </message>
    <message>
        <source>All products: no blocklist is in effect today.</source>
        <translation>所有产品：当前没有生效的黑名单。</translation>
    </message>
    <message>
        <source>All products except the blocklist in effect at approval; today that is revision %1:</source>
        <translation>适用于审核通过时生效的黑名单以外的所有产品；该黑名单当前为版本 %1：</translation>
    </message>
</context>
<context>
    <name>QNetworkReply</name>
    <message>
        <source>Operation canceled</source>
        <translation>操作已取消</translation>
    </message>
</context>
<context>
    <name>QuotaHeader</name>
    <message>
        <source>Quota used</source>
        <translation>已用额度</translation>
    </message>
    <message>
        <source>The quota pool caps the face value the vendor can approve for your partner. Pending applications reserve nothing.</source>
        <translation>额度池限定了厂商可为您的合作伙伴审批的代金券面额上限。待审核的申请不占用额度。</translation>
    </message>
    <message>
        <source>Quota %1</source>
        <translation>额度 %1</translation>
    </message>
    <message>
        <source>issued %1 · left %2</source>
        <translation>已发放 %1 · 剩余 %2</translation>
    </message>
</context>
<context>
    <name>ReviewDecisionBar</name>
    <message>
        <source>Approve (A)</source>
        <translation>通过（A）</translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation>驳回（R）</translation>
    </message>
    <message>
        <source>J/K: next/previous · Esc: back to the queue</source>
        <translation>J/K：下一条/上一条 · Esc：返回队列</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Optional comment for the partner</source>
        <translation>给合作伙伴的审核意见（选填）</translation>
    </message>
    <message>
        <source>Optional; Enter approves</source>
        <translation>选填；按 Enter 键通过</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Approve the application and issue the voucher (A)</source>
        <translation>通过申请并发放代金券（A）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>驳回原因</translation>
    </message>
    <message>
        <source>Pick a preset reason or type your own; the partner sees it. Enter rejects</source>
        <translation>选择预设原因或自行输入，合作伙伴将看到该原因。按 Enter 键驳回</translation>
    </message>
    <message>
        <source>Reason for a rejection (required)</source>
        <translation>驳回原因（必填）</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Reject the application with the reason (R)</source>
        <translation>按所填原因驳回申请（R）</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>审核意见(&amp;C)：</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>驳回原因(&amp;E)：</translation>
    </message>
    <message>
        <source>Scenario too vague</source>
        <translation>测试场景描述不够具体</translation>
    </message>
    <message>
        <source>Customer not eligible for testing</source>
        <translation>客户不符合测试条件</translation>
    </message>
    <message>
        <source>Amount exceeds the scenario&apos;s needs</source>
        <translation>申请金额超出测试场景所需</translation>
    </message>
    <message>
        <source>Duplicate application</source>
        <translation>重复申请</translation>
    </message>
    <message>
        <source>Partner quota insufficient</source>
        <translation>合作伙伴额度不足</translation>
    </message>
</context>
<context>
    <name>ReviewDetailPanel</name>
    <message>
        <source>Testing scenario</source>
        <translation>测试场景</translation>
    </message>
    <message>
        <source>Template snapshot</source>
        <translation>模板快照</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Face value:</source>
        <translation>面额：</translation>
    </message>
    <message>
        <source>Validity:</source>
        <translation>有效期：</translation>
    </message>
    <message>
        <source>Pay mode:</source>
        <translation>付费模式：</translation>
    </message>
    <message>
        <source>Min spend:</source>
        <translation>最低消费：</translation>
    </message>
    <message>
        <source>Products:</source>
        <translation>产品：</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>UIN:</source>
        <translation>UIN：</translation>
    </message>
    <message>
        <source>Eligible:</source>
        <translation>符合条件：</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Quota left:</source>
        <translation>剩余额度：</translation>
    </message>
    <message>
        <source>Recent decisions:</source>
        <translation>近期审核结果：</translation>
    </message>
    <message>
        <source>Select an application to review it</source>
        <translation>选择一条申请进行审核</translation>
    </message>
    <message>
        <source>Its scenario, template snapshot, customer and the partner&apos;s quota appear here.</source>
        <translation>申请的测试场景、模板快照、客户信息和合作伙伴额度将显示在此处。</translation>
    </message>
    <message>
        <source>The details cannot be shown</source>
        <translation>无法显示详情</translation>
    </message>
    <message>
        <source>The application could not be read from the workspace. Try Refresh.</source>
        <translation>无法从工作区读取该申请。请尝试刷新。</translation>
    </message>
    <message>
        <source>This application is no longer available</source>
        <translation>该申请已不可用</translation>
    </message>
    <message>
        <source>Scenario: %1</source>
        <translation>场景：%1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No — not eligible for product testing</source>
        <translation>否 — 不符合产品测试条件</translation>
    </message>
    <message>
        <source>Submitted %1 · review due %2</source>
        <translation>提交于 %1 · 审核截止 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) after issue</source>
        <translation>
            <numerusform>发放后 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>All except blocklist</source>
        <translation>黑名单以外的所有产品</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Not enough for this face value: approval will be refused.</source>
        <translation>剩余额度低于此面额：将无法审核通过。</translation>
    </message>
    <message>
        <source>%1 approved, %2 rejected (last %3 days)</source>
        <extracomment>The partner&apos;s decided applications; %3 is the number of days looked back.</extracomment>
        <translation>已通过 %1 个，已驳回 %2 个（近 %3 天）</translation>
    </message>
    <message>
        <source>another reviewer</source>
        <translation>其他审核员</translation>
    </message>
    <message>
        <source>Approved by %1 at %2</source>
        <translation>%1 于 %2 审核通过</translation>
    </message>
    <message>
        <source>Approved by %1 at %2: “%3”</source>
        <translation>%1 于 %2 审核通过：“%3”</translation>
    </message>
    <message>
        <source>Rejected: %1 (by %2 at %3)</source>
        <translation>已驳回：%1（%2 于 %3 驳回）</translation>
    </message>
    <message>
        <source>Cancelled by the partner at %1</source>
        <translation>合作伙伴已于 %1 取消</translation>
    </message>
    <message>
        <source>Decision sent — waiting for the server</source>
        <translation>审核决定已发送 — 等待服务器确认</translation>
    </message>
    <message>
        <source>Pending review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
</context>
<context>
    <name>ReviewFilterBar</name>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Show only one partner&apos;s applications</source>
        <translation>仅显示某一合作伙伴的申请</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Show only universal or only specific product vouchers</source>
        <translation>仅显示通用代金券或指定产品代金券</translation>
    </message>
    <message>
        <source>min</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>Minimum face value</source>
        <translation>最小面额</translation>
    </message>
    <message>
        <source>Show applications with at least this face value (press Enter)</source>
        <translation>显示面额不低于此金额的申请（按 Enter 键）</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>Maximum face value</source>
        <translation>最大面额</translation>
    </message>
    <message>
        <source>Show applications with at most this face value (press Enter)</source>
        <translation>显示面额不高于此金额的申请（按 Enter 键）</translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation>合作伙伴(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation>金额(&amp;M)：</translation>
    </message>
    <message>
        <source>Enter an amount of zero or more.</source>
        <translation>请输入大于或等于 0 的金额。</translation>
    </message>
    <message>
        <source>The maximum is below the minimum (%1).</source>
        <translation>最大值低于最小值（%1）。</translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <source>The review queue could not be read from the workspace. Try Refresh; if it keeps failing, reopen the workspace.</source>
        <translation>无法从工作区读取审核队列。请尝试刷新；如果仍然失败，请重新打开工作区。</translation>
    </message>
    <message>
        <source>⚠ overdue since %1</source>
        <extracomment>%1 is a local time, e.g. 17:00.</extracomment>
        <translation>⚠ 自 %1 起已逾期</translation>
    </message>
    <message numerus="yes">
        <source>⚠ overdue %nd</source>
        <extracomment>Days past the review deadline; &quot;d&quot; abbreviates days.</extracomment>
        <translation>
            <numerusform>⚠ 已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天截止</translation>
    </message>
    <message numerus="yes">
        <source>due in %nd</source>
        <extracomment>Days until the review deadline; &quot;d&quot; abbreviates days.</extracomment>
        <translation>
            <numerusform>%n 天后截止</numerusform>
        </translation>
    </message>
    <message>
        <source>Decision sent</source>
        <translation>审核决定已发送</translation>
    </message>
    <message>
        <source>Decision sent — waiting for the server</source>
        <translation>审核决定已发送 — 等待服务器确认</translation>
    </message>
    <message>
        <source>Review due by %1</source>
        <translation>审核截止时间：%1</translation>
    </message>
    <message>
        <source>UIN %1</source>
        <translation>UIN %1</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>审核截止</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Face</source>
        <translation>面额</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
</context>
<context>
    <name>ReviewQueueWindow</name>
    <message>
        <source>Review Queue — %1</source>
        <translation>审核队列 — %1</translation>
    </message>
    <message>
        <source>&amp;Next Application</source>
        <translation>下一条申请(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Application</source>
        <translation>上一条申请(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>通过(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>驳回(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Select the next application</source>
        <translation>选择下一条申请</translation>
    </message>
    <message>
        <source>Select the previous application</source>
        <translation>选择上一条申请</translation>
    </message>
    <message>
        <source>Approve the application and issue the voucher</source>
        <translation>通过申请并发放代金券</translation>
    </message>
    <message>
        <source>Reject the application with the reason</source>
        <translation>按所填原因驳回申请</translation>
    </message>
    <message>
        <source>Read the queue again</source>
        <translation>重新读取审核队列</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Pending applications</source>
        <translation>待审核的申请</translation>
    </message>
    <message>
        <source>Only a vendor reviewer can approve or reject applications.</source>
        <translation>仅厂商审核员可以通过或驳回申请。</translation>
    </message>
    <message>
        <source>Decision sent — waiting for the server</source>
        <translation>审核决定已发送 — 等待服务器确认</translation>
    </message>
    <message>
        <source>Already decided: %1</source>
        <translation>已审核：%1</translation>
    </message>
    <message>
        <source>%1 pending · %2 overdue</source>
        <extracomment>The review queue&apos;s size; %2 is how many of them are past their review deadline.</extracomment>
        <translation>待审核 %1 · 已逾期 %2</translation>
    </message>
    <message>
        <source>No applications waiting for review</source>
        <translation>暂无待审核的申请</translation>
    </message>
    <message>
        <source>No pending application matches the filters. Choose all partners, all kinds or another amount to see the others.</source>
        <translation>没有符合筛选条件的待审核申请。请选择全部合作伙伴、全部类型或其他金额以查看其他申请。</translation>
    </message>
    <message>
        <source>Applications appear here as partners submit them.</source>
        <translation>合作伙伴提交申请后，申请将显示在此处。</translation>
    </message>
    <message>
        <source>Pick or type the reason for the rejection; the partner will see it. Then press Enter.</source>
        <translation>请选择或输入驳回原因，合作伙伴将看到该原因。然后按 Enter 键。</translation>
    </message>
    <message>
        <source>Decision sent — waiting for the server: %1 (%2).</source>
        <translation>审核决定已发送 — 等待服务器确认：%1（%2）。</translation>
    </message>
    <message>
        <source>Approved the application of %1 (%2); the voucher was issued.</source>
        <translation>已通过 %1（%2）的申请，代金券已发放。</translation>
    </message>
    <message>
        <source>Rejected the application of %1 (%2).</source>
        <translation>已驳回 %1（%2）的申请。</translation>
    </message>
    <message>
        <source>Select an application to approve or reject it.</source>
        <translation>请选择要通过或驳回的申请。</translation>
    </message>
    <message>
        <source>The server approved the application of %1 (%2).</source>
        <translation>服务器已通过 %1（%2）的申请。</translation>
    </message>
    <message>
        <source>The server rejected the application of %1 (%2).</source>
        <translation>服务器已驳回 %1（%2）的申请。</translation>
    </message>
    <message>
        <source>The server refused your decision on %1 (%2): see Sync › Sync Problems.</source>
        <translation>服务器拒绝了您对 %1（%2）的审核决定：请查看“同步 › 同步问题”。</translation>
    </message>
    <message>
        <source>Approve Application</source>
        <translation>通过申请</translation>
    </message>
    <message>
        <source>Reject Application</source>
        <translation>驳回申请</translation>
    </message>
    <message>
        <source>Approve %1 from “%2” for %3 (%4)?</source>
        <extracomment>%1 is the face value, %2 the template, %3 the customer, %4 the partner.</extracomment>
        <translation>通过 %3（%4）的“%2”申请，面额 %1？</translation>
    </message>
    <message>
        <source>Reject %1 from “%2” for %3 (%4)?</source>
        <translation>驳回 %3（%4）的“%2”申请，面额 %1？</translation>
    </message>
    <message>
        <source>Customer: %1 (UIN %2)</source>
        <translation>客户：%1（UIN %2）</translation>
    </message>
    <message>
        <source>Template: %1</source>
        <translation>模板：%1</translation>
    </message>
    <message>
        <source>Face value: %1</source>
        <translation>面额：%1</translation>
    </message>
    <message>
        <source>A voucher of %1 is issued at once from the partner&apos;s quota.</source>
        <translation>将立即从合作伙伴额度中发放一张 %1 的代金券。</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>ScenarioPage</name>
    <message>
        <source>Testing scenario</source>
        <translation>测试场景</translation>
    </message>
    <message>
        <source>Describe what the customer will test, how and for how long. The vendor&apos;s reviewer reads this to decide.</source>
        <translation>请描述客户将测试什么、如何测试以及测试多长时间。厂商审核员将据此作出审核决定。</translation>
    </message>
    <message>
        <source>For example: load test of CVM and COS for a two-week trial before migrating the customer&apos;s web shop.</source>
        <translation>例如：客户在迁移网店前，对 CVM 和 COS 进行为期两周的压力测试。</translation>
    </message>
    <message>
        <source>&amp;Scenario (%1 to %2 characters):</source>
        <translation>场景描述（%1 到 %2 个字符）(&amp;S)：</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 of at most %2 characters</source>
        <translation>%1 个字符，最多 %2 个字符</translation>
    </message>
    <message>
        <source>The scenario is %1 characters long; shorten it to at most %2.</source>
        <translation>场景描述长度为 %1 个字符，请缩短至不超过 %2 个字符。</translation>
    </message>
    <message numerus="yes">
        <source>Describe the scenario in at least %1 characters; %n more needed.</source>
        <translation>
            <numerusform>场景描述至少需要 %1 个字符，还差 %n 个字符。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScreenshotTour</name>
    <message>
        <source>Local workspace %1</source>
        <translation>本地工作区 %1</translation>
    </message>
    <message>
        <source>Load test of CVM and COS for a two-week trial before the customer migrates its shop.</source>
        <translation>客户在迁移网店前，对 CVM 和 COS 进行为期两周的压力测试。</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
</context>
<context>
    <name>ServerCli</name>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>多余的参数：%1</translation>
    </message>
    <message>
        <source>--db is required: a SQLite file or postgresql://user@host/db.</source>
        <translation>必须指定 --db：SQLite 文件或 postgresql://user@host/db。</translation>
    </message>
    <message>
        <source>Cannot read the TLS certificate %1: %2</source>
        <translation>无法读取 TLS 证书 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read the TLS private key %1: %2</source>
        <translation>无法读取 TLS 私钥 %1：%2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>%1 holds no unencrypted PEM private key (RSA or EC).</source>
        <translation>%1 中没有未加密的 PEM 私钥（RSA 或 EC）。</translation>
    </message>
    <message>
        <source>Usage:
  voucherdesk-server serve --db DB --listen HOST:PORT [--tls-cert FILE --tls-key FILE]
  voucherdesk-server partner add --db DB --name NAME --quota-minor AMOUNT --currency CODE
  voucherdesk-server user add --db DB --login LOGIN --role ROLE [--partner NAME-OR-ID] [--name DISPLAY-NAME] --password-stdin
DB is a SQLite file or postgresql://user[:password]@host:port/dbname.</source>
        <translation>用法：
  voucherdesk-server serve --db DB --listen HOST:PORT [--tls-cert FILE --tls-key FILE]
  voucherdesk-server partner add --db DB --name NAME --quota-minor AMOUNT --currency CODE
  voucherdesk-server user add --db DB --login LOGIN --role ROLE [--partner NAME-OR-ID] [--name DISPLAY-NAME] --password-stdin
DB 为 SQLite 文件或 postgresql://user[:password]@host:port/dbname。</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>未知命令：%1</translation>
    </message>
    <message>
        <source>The database.</source>
        <translation>数据库。</translation>
    </message>
    <message>
        <source>location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Address and port; port 0 picks a free one.</source>
        <translation>地址和端口；端口为 0 时自动选择空闲端口。</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>主机:端口</translation>
    </message>
    <message>
        <source>PEM certificate for HTTPS.</source>
        <translation>用于 HTTPS 的 PEM 证书。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>PEM private key for HTTPS.</source>
        <translation>用于 HTTPS 的 PEM 私钥。</translation>
    </message>
    <message>
        <source>--listen takes HOST:PORT with an IP address, e.g. 127.0.0.1:8080 or 0.0.0.0:0; got &quot;%1&quot;.</source>
        <translation>--listen 需要 “IP 地址:端口” 形式，例如 127.0.0.1:8080 或 0.0.0.0:0；实际为 “%1”。</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together.</source>
        <translation>--tls-cert 与 --tls-key 必须同时指定。</translation>
    </message>
    <message>
        <source>Cannot listen on %1.</source>
        <translation>无法在 %1 上监听。</translation>
    </message>
    <message>
        <source>The partner&apos;s name.</source>
        <translation>合作伙伴名称。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The quota pool in minor units.</source>
        <translation>额度池（以最小货币单位计）。</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>CNY or USD.</source>
        <translation>CNY 或 USD。</translation>
    </message>
    <message>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>--quota-minor takes a whole number of minor units (fen, cents), e.g. 100000000 for 1,000,000.00.</source>
        <translation>--quota-minor 需要以最小货币单位（分）计的整数，例如 100000000 表示 1,000,000.00。</translation>
    </message>
    <message>
        <source>The login.</source>
        <translation>登录名。</translation>
    </message>
    <message>
        <source>login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>The name shown for the user.</source>
        <translation>用户的显示名称。</translation>
    </message>
    <message>
        <source>partner_manager, reviewer or admin.</source>
        <translation>partner_manager、reviewer 或 admin。</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>The partner of a partner manager.</source>
        <translation>合作伙伴经理所属的合作伙伴。</translation>
    </message>
    <message>
        <source>name-or-id</source>
        <translation>名称或ID</translation>
    </message>
    <message>
        <source>Read the password from standard input.</source>
        <translation>从标准输入读取密码。</translation>
    </message>
    <message>
        <source>--role takes partner_manager, reviewer or admin.</source>
        <translation>--role 可取 partner_manager、reviewer 或 admin。</translation>
    </message>
    <message>
        <source>Give the password on standard input with --password-stdin (never on the command line, where other users can see it).</source>
        <translation>请使用 --password-stdin 从标准输入提供密码（切勿写在命令行上，其他用户可能看到）。</translation>
    </message>
    <message>
        <source>There is no partner &quot;%1&quot;.</source>
        <translation>不存在合作伙伴“%1”。</translation>
    </message>
</context>
<context>
    <name>SetQuotaDialog</name>
    <message>
        <source>Set Partner Quota</source>
        <translation>设置合作伙伴额度</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>New total quota</source>
        <translation>新的总额度</translation>
    </message>
    <message>
        <source>The partner&apos;s whole quota pool, not an amount to add</source>
        <translation>合作伙伴额度池的总额，而非追加的金额</translation>
    </message>
    <message>
        <source>&amp;Set Quota</source>
        <translation>设置额度(&amp;S)</translation>
    </message>
    <message>
        <source>Set Quota</source>
        <translation>设置额度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation>合作伙伴(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;New total quota:</source>
        <translation>新的总额度(&amp;N)：</translation>
    </message>
    <message>
        <source>The partners could not be read from the workspace.</source>
        <translation>无法从工作区读取合作伙伴。</translation>
    </message>
    <message>
        <source>Now %1 · issued %2 · left %3</source>
        <translation>当前 %1 · 已发放 %2 · 剩余 %3</translation>
    </message>
    <message>
        <source>The quota of %1 is now %2.</source>
        <translation>%1 的额度现为 %2。</translation>
    </message>
    <message>
        <source>Sent — waiting for the server: setting the quota of %1 to %2.</source>
        <translation>已发送 — 等待服务器确认：将 %1 的额度设为 %2。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>%1 › %2</source>
        <translation>%1 › %2</translation>
    </message>
    <message>
        <source>%1 › On the page</source>
        <translation>%1 › 页面内</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Create &amp;demo workspace</source>
        <translation>创建演示工作区(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Sign In — VoucherDesk</source>
        <translation>登录 — VoucherDesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;VoucherDesk&lt;/b&gt;&lt;br&gt;Vendor vouchers of the Partner Center</source>
        <translation>&lt;b&gt;VoucherDesk&lt;/b&gt;&lt;br&gt;合作伙伴中心 · 厂商代金券</translation>
    </message>
    <message>
        <source>Workspace file</source>
        <translation>工作区文件</translation>
    </message>
    <message>
        <source>The local workspace: a VoucherDesk database file.</source>
        <translation>本地工作区：VoucherDesk 数据库文件。</translation>
    </message>
    <message>
        <source>Browse for a workspace file</source>
        <translation>浏览工作区文件</translation>
    </message>
    <message>
        <source>Create demo workspace</source>
        <translation>创建演示工作区</translation>
    </message>
    <message>
        <source>Creates a workspace with demo partners, customers, templates and vouchers at %1.</source>
        <translation>在 %1 创建包含演示合作伙伴、客户、模板和代金券的工作区。</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Workspace:</source>
        <translation>工作区(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>语言(&amp;A)：</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>VoucherDesk workspaces (*.db);;All files (*)</source>
        <translation>VoucherDesk 工作区 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Creating the demo workspace…</source>
        <translation>正在创建演示工作区…</translation>
    </message>
    <message>
        <source>The demo workspace could not be created: %1</source>
        <translation>无法创建演示工作区：%1</translation>
    </message>
    <message>
        <source>Choose a workspace file.</source>
        <translation>请选择工作区文件。</translation>
    </message>
    <message>
        <source>There is no workspace at this path. Choose another file, or create the demo workspace.</source>
        <translation>此路径下没有工作区。请选择其他文件，或创建演示工作区。</translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation>请输入登录名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>The workspace cannot be opened: %1</source>
        <translation>无法打开工作区：%1</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>L&amp;ocal workspace</source>
        <translation>本地工作区(&amp;O)</translation>
    </message>
    <message>
        <source>Ser&amp;ver</source>
        <translation>服务器(&amp;V)</translation>
    </message>
    <message>
        <source>Local workspace</source>
        <translation>本地工作区</translation>
    </message>
    <message>
        <source>Work on a VoucherDesk database file on this computer.</source>
        <translation>使用此计算机上的 VoucherDesk 数据库文件。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Work with a VoucherDesk server: a copy of your data stays on this computer, so you can go on working offline.</source>
        <translation>连接 VoucherDesk 服务器：数据副本保存在此计算机上，离线时也可继续工作。</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, e.g. https://vouchers.example.com.</source>
        <translation>请输入服务器地址，例如 https://vouchers.example.com。</translation>
    </message>
    <message>
        <source>This is not a server address; write it like https://vouchers.example.com or https://10.0.0.5:8443.</source>
        <translation>这不是有效的服务器地址，请按 https://vouchers.example.com 或 https://10.0.0.5:8443 的格式填写。</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>正在登录 %1…</translation>
    </message>
    <message>
        <source>The server workspace cannot be opened: %1</source>
        <translation>无法打开服务器工作区：%1</translation>
    </message>
    <message>
        <source>Untrusted Server Certificate</source>
        <translation>不受信任的服务器证书</translation>
    </message>
    <message>
        <source>This computer does not trust the certificate of %1.</source>
        <translation>此计算机不信任 %1 的证书。</translation>
    </message>
    <message>
        <source>It may be your organisation&apos;s own (self-signed) certificate — or someone intercepting the connection. Trust it only if your administrator confirms this fingerprint.

Issued to: %1
Valid until: %2
SHA-256: %3

Problems: %4</source>
        <translation>这可能是贵组织自己的（自签名）证书，也可能是有人正在拦截连接。请仅在管理员确认此指纹后再信任该证书。

颁发给：%1
有效期至：%2
SHA-256：%3

问题：%4</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>&amp;Trust This Certificate</source>
        <translation>信任此证书(&amp;T)</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>信任此证书</translation>
    </message>
    <message>
        <source>Not signed in: the server&apos;s certificate was not trusted.</source>
        <translation>未登录：未信任服务器的证书。</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>取消登录</translation>
    </message>
    <message>
        <source>The demo workspace: sign in as manager.a or manager.b (partner managers), rev1 (vendor reviewer) or admin (administrator); every demo account&apos;s password is &quot;%1&quot;.</source>
        <translation>演示工作区：可以 manager.a 或 manager.b（合作伙伴经理）、rev1（厂商审核员）或 admin（管理员）登录；所有演示账号的密码均为“%1”。</translation>
    </message>
</context>
<context>
    <name>SignedInWorkspace</name>
    <message>
        <source>Local workspace %1</source>
        <translation>本地工作区 %1</translation>
    </message>
    <message>
        <source>Server %1</source>
        <translation>服务器 %1</translation>
    </message>
</context>
<context>
    <name>SubmittedPage</name>
    <message>
        <source>Application submitted</source>
        <translation>申请已提交</translation>
    </message>
    <message>
        <source>The vendor reviews applications in 1–3 business days.</source>
        <translation>厂商将在 1–3 个工作日内审核申请。</translation>
    </message>
    <message>
        <source>&amp;Show in Vendor Voucher List</source>
        <translation>在厂商代金券列表中查看(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>The application for &lt;b&gt;%1&lt;/b&gt; with the template &lt;b&gt;%2&lt;/b&gt; is pending review. The vendor&apos;s review is expected by &lt;b&gt;%3&lt;/b&gt;.&lt;br&gt;&lt;br&gt;Until then you can cancel it from the Vendor Voucher List.</source>
        <translation>使用模板&lt;b&gt;%2&lt;/b&gt;为&lt;b&gt;%1&lt;/b&gt;提交的申请正在等待审核，预计厂商将于&lt;b&gt;%3&lt;/b&gt;前完成审核。&lt;br&gt;&lt;br&gt;在此之前，您可以在厂商代金券列表中取消该申请。</translation>
    </message>
    <message>
        <source>Application submitted, pending review, expected by %1</source>
        <translation>申请已提交，待审核，预计于 %1 前完成审核</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Testing scenario</source>
        <translation>测试场景</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Check the application, then submit it to the vendor for review.</source>
        <translation>请检查申请信息，然后提交给厂商审核。</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>提交(&amp;S)</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Scenario:</source>
        <translation>场景：</translation>
    </message>
    <message>
        <source>Specific</source>
        <translation>指定产品</translation>
    </message>
    <message>
        <source>Universal</source>
        <translation>通用</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>This template is locked already; applying with it again is allowed.</source>
        <translation>此模板已锁定；仍可使用该模板再次申请。</translation>
    </message>
    <message>
        <source>Submitting locks this template: it can no longer be edited afterwards.</source>
        <translation>提交后此模板将被锁定，之后无法再编辑。</translation>
    </message>
    <message>
        <source>%1 (UIN %2)</source>
        <translation>%1（UIN %2）</translation>
    </message>
    <message>
        <source>Today is not a working day for the vendor, so the count starts on %1.</source>
        <translation>今天不是厂商的工作日，因此从 %1 开始计算。</translation>
    </message>
    <message>
        <source>This date is an estimate: the vendor&apos;s holidays for that period are not published yet.</source>
        <translation>此日期为估算值：厂商尚未公布该期间的节假日安排。</translation>
    </message>
    <message numerus="yes">
        <source>The vendor reviews applications in 1–3 business days. Expected by &lt;b&gt;%1&lt;/b&gt; — %Ln business days.</source>
        <extracomment>%1 is a date; %Ln the number of business days (always 3 today).</extracomment>
        <translation>
            <numerusform>厂商将在 1–3 个工作日内审核申请。预计 &lt;b&gt;%1&lt;/b&gt; 前完成——%Ln 个工作日。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>The server&apos;s certificate is no longer the trusted one.</source>
        <translation>服务器证书已不是此前信任的证书。</translation>
    </message>
    <message>
        <source>The server sent changes this version cannot read.</source>
        <translation>服务器发送了当前版本无法读取的更改。</translation>
    </message>
    <message>
        <source>Not sent: it builds on an earlier change that the server refused (%1).</source>
        <translation>未发送：此更改基于服务器已拒绝的先前更改（%1）。</translation>
    </message>
</context>
<context>
    <name>SyncProblemModel</name>
    <message>
        <source>Create template “%1”</source>
        <translation>创建模板“%1”</translation>
    </message>
    <message>
        <source>Edit template “%1”</source>
        <translation>编辑模板“%1”</translation>
    </message>
    <message>
        <source>Duplicate a template as “%1”</source>
        <translation>将模板复制为“%1”</translation>
    </message>
    <message>
        <source>Delete template “%1”</source>
        <translation>删除模板“%1”</translation>
    </message>
    <message>
        <source>Apply with template “%1”</source>
        <translation>使用模板“%1”申请</translation>
    </message>
    <message>
        <source>Cancel application (template “%1”)</source>
        <translation>取消申请（模板“%1”）</translation>
    </message>
    <message>
        <source>Pay with voucher %1</source>
        <translation>使用代金券 %1 支付</translation>
    </message>
    <message>
        <source>Add customer “%1”</source>
        <translation>添加客户“%1”</translation>
    </message>
    <message>
        <source>Approve application (template “%1”)</source>
        <translation>通过申请（模板“%1”）</translation>
    </message>
    <message>
        <source>Reject application (template “%1”)</source>
        <translation>驳回申请（模板“%1”）</translation>
    </message>
    <message>
        <source>Set the quota of %1</source>
        <translation>设置 %1 的额度</translation>
    </message>
    <message>
        <source>Invalidate voucher %1</source>
        <translation>作废代金券 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Server&apos;s answer</source>
        <translation>服务器响应</translation>
    </message>
</context>
<context>
    <name>SyncProblemsPanel</name>
    <message>
        <source>&amp;Dismiss</source>
        <translation>忽略(&amp;D)</translation>
    </message>
    <message>
        <source>Dismiss &amp;All</source>
        <translation>全部忽略(&amp;A)</translation>
    </message>
    <message>
        <source>Sync Problems</source>
        <translation>同步问题</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>被拒绝的更改</translation>
    </message>
    <message>
        <source>Refused change</source>
        <translation>被拒绝的更改</translation>
    </message>
    <message>
        <source>Server&apos;s answer</source>
        <translation>服务器响应</translation>
    </message>
    <message>
        <source>Error code and request id</source>
        <translation>错误码和请求 ID</translation>
    </message>
    <message>
        <source>Give these to support: they find the request in the server&apos;s log.</source>
        <translation>请将这些信息提供给技术支持，以便在服务器日志中查找该请求。</translation>
    </message>
    <message>
        <source>No sync problems</source>
        <translation>暂无同步问题</translation>
    </message>
    <message>
        <source>Changes the server refuses are listed here.</source>
        <translation>服务器拒绝的更改将列在此处。</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Remove the selected problem from this list</source>
        <translation>从列表中移除所选问题</translation>
    </message>
    <message>
        <source>Dismiss All</source>
        <translation>全部忽略</translation>
    </message>
    <message>
        <source>Remove every problem from this list</source>
        <translation>从列表中移除全部问题</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>错误码：%1</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>请求 ID：%1</translation>
    </message>
    <message>
        <source>The server refused these changes. Each row they changed is back at the server&apos;s state.</source>
        <translation>服务器拒绝了以下更改。它们所更改的每一行均已恢复为服务器上的状态。</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sync status</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <source>Server connection</source>
        <translation>服务器连接</translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation>待发送的更改</translation>
    </message>
    <message>
        <source>Changes made here that the server has not received yet. They are kept in the workspace and sent in order.</source>
        <translation>在本机所做、服务器尚未收到的更改。这些更改保存在工作区中，并将按顺序发送。</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>正在接收更改</translation>
    </message>
    <message>
        <source>Changes received</source>
        <translation>已接收的更改</translation>
    </message>
    <message>
        <source>Changes the server refused: see why</source>
        <translation>服务器拒绝的更改：查看原因</translation>
    </message>
    <message>
        <source>Sync Now</source>
        <translation>立即同步</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n 项待发送</numerusform>
        </translation>
    </message>
    <message>
        <source>Receiving changes… %1</source>
        <translation>正在接收更改… %1</translation>
    </message>
    <message numerus="yes">
        <source>Sync Problems (%n)</source>
        <translation>
            <numerusform>同步问题（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
    <message>
        <source>Offline — changes are kept and sent when the server is back</source>
        <translation>离线 — 更改已保存，将在服务器恢复后发送</translation>
    </message>
    <message>
        <source>%1 cannot be reached.</source>
        <translation>无法连接 %1。</translation>
    </message>
    <message>
        <source>%1 cannot be reached: %2</source>
        <translation>无法连接 %1：%2</translation>
    </message>
    <message>
        <source>Signed out by the server — sign in again</source>
        <translation>已被服务器退出登录 — 请重新登录</translation>
    </message>
    <message>
        <source>The server no longer accepts this sign-in.</source>
        <translation>服务器不再接受当前登录状态。</translation>
    </message>
    <message>
        <source>The server no longer accepts this sign-in: %1</source>
        <translation>服务器不再接受当前登录状态：%1</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <extracomment>Time of day format (QTime::toString).</extracomment>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <source>The last complete sync ended %1</source>
        <translation>上次完整同步结束于 %1</translation>
    </message>
    <message>
        <source>Send the waiting changes and receive the server&apos;s changes now</source>
        <translation>立即发送待发送的更改并接收服务器的更改</translation>
    </message>
    <message>
        <source>Waiting for the first answer from %1</source>
        <translation>正在等待 %1 的首次响应</translation>
    </message>
    <message>
        <source>Online — sync failed, retrying</source>
        <translation>在线 — 同步失败，正在重试</translation>
    </message>
    <message>
        <source>%1 answers, but the last sync failed: %2</source>
        <translation>%1 有响应，但上次同步失败：%2</translation>
    </message>
</context>
<context>
    <name>TemplateActions</name>
    <message>
        <source>&amp;Create Template</source>
        <translation>创建模板(&amp;C)</translation>
    </message>
    <message>
        <source>Create a voucher template (%1)</source>
        <translation>创建代金券模板（%1）</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Show the selected template (%1)</source>
        <translation>查看所选模板（%1）</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <source>Create an editable copy of the selected template (%1)</source>
        <translation>为所选模板创建可编辑的副本（%1）</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Apply…</source>
        <translation>申请(&amp;A)…</translation>
    </message>
    <message>
        <source>Apply for a voucher with the selected template for a customer</source>
        <translation>使用所选模板为客户申请代金券</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the templates again (%1)</source>
        <translation>重新读取模板（%1）</translation>
    </message>
    <message>
        <source>Edit the selected template (%1)</source>
        <translation>编辑所选模板（%1）</translation>
    </message>
    <message>
        <source>Cannot delete: an application was submitted with this template</source>
        <translation>无法删除：已有使用此模板的申请提交</translation>
    </message>
    <message>
        <source>Delete the selected template; only a template never used in an application (%1)</source>
        <translation>删除所选模板；仅限从未用于申请的模板（%1）</translation>
    </message>
</context>
<context>
    <name>TemplateChoicePage</name>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Choose the voucher template to apply with. Locked templates can be applied with again; only editing them is locked.</source>
        <translation>请选择用于申请的代金券模板。已锁定的模板仍可用于申请，只是无法再编辑。</translation>
    </message>
    <message>
        <source>Search template name…</source>
        <translation>搜索模板名称…</translation>
    </message>
    <message>
        <source>Search templates by name</source>
        <translation>按名称搜索模板</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Templates unavailable</source>
        <translation>无法获取模板</translation>
    </message>
    <message>
        <source>No templates yet</source>
        <translation>暂无模板</translation>
    </message>
    <message>
        <source>Create a template on the Vendor Voucher Application page first, then apply with it.</source>
        <translation>请先在“厂商代金券申请”页面创建模板，然后使用该模板申请。</translation>
    </message>
    <message>
        <source>No template matches “%1”</source>
        <translation>没有与“%1”匹配的模板</translation>
    </message>
    <message>
        <source>Search by part of the template&apos;s name.</source>
        <translation>可按模板名称的一部分搜索。</translation>
    </message>
</context>
<context>
    <name>TemplateDetailsForm</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Specific products</source>
        <translation>指定产品(&amp;S)</translation>
    </message>
    <message>
        <source>Specific product voucher</source>
        <translation>指定产品代金券</translation>
    </message>
    <message>
        <source>&amp;Universal products</source>
        <translation>通用产品(&amp;U)</translation>
    </message>
    <message>
        <source>Universal product voucher</source>
        <translation>通用代金券</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>&amp;Products:</source>
        <translation>产品(&amp;P)：</translation>
    </message>
    <message>
        <source>Face value</source>
        <translation>面额</translation>
    </message>
    <message>
        <source>Your quota pool&apos;s currency</source>
        <translation>您的额度池币种</translation>
    </message>
    <message>
        <source>&amp;Face value:</source>
        <translation>面额(&amp;F)：</translation>
    </message>
    <message>
        <source>Validity in days after issue</source>
        <translation>有效期（发放后天数）</translation>
    </message>
    <message>
        <source>&amp;Validity:</source>
        <translation>有效期(&amp;V)：</translation>
    </message>
    <message>
        <source>days after issue</source>
        <translation>天（自发放之日起）</translation>
    </message>
    <message>
        <source>Minimum spend</source>
        <translation>最低消费</translation>
    </message>
    <message>
        <source>Orders below this amount cannot be paid with the voucher.</source>
        <translation>低于此金额的订单无法使用该代金券支付。</translation>
    </message>
    <message>
        <source>&amp;Min spend:</source>
        <translation>最低消费(&amp;M)：</translation>
    </message>
    <message>
        <source>Pay mode</source>
        <translation>付费模式</translation>
    </message>
    <message>
        <source>Which bills the voucher may pay: prepaid, postpaid, or both.</source>
        <translation>代金券可抵扣的账单：预付费、后付费或两者皆可。</translation>
    </message>
    <message>
        <source>Pa&amp;y mode:</source>
        <translation>付费模式(&amp;Y)：</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Optional, up to %1 characters</source>
        <translation>选填，最多 %1 个字符</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>The product catalogue could not be read; product names may be missing.</source>
        <translation>无法读取产品目录，部分产品名称可能无法显示。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>◂ &amp;Back</source>
        <translation>◂ 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>Ne&amp;xt ▸</source>
        <translation>下一步(&amp;X) ▸</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>确认(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Create Template</source>
        <translation>创建模板</translation>
    </message>
    <message>
        <source>Review the template before saving it:</source>
        <translation>保存前请检查模板信息：</translation>
    </message>
    <message>
        <source>After an application is submitted this template can no longer be edited.</source>
        <translation>提交申请后，此模板将无法再编辑。</translation>
    </message>
    <message>
        <source>Version %1 · created %2 · last changed %3</source>
        <translation>版本 %1 · 创建于 %2 · 最后修改于 %3</translation>
    </message>
    <message>
        <source>Edit Template — %1</source>
        <translation>编辑模板 — %1</translation>
    </message>
    <message>
        <source>Template — %1</source>
        <translation>模板 — %1</translation>
    </message>
    <message>
        <source>You already have a template named &quot;%1&quot;. Choose another name.</source>
        <translation>已存在名为“%1”的模板，请使用其他名称。</translation>
    </message>
    <message>
        <source>Version %1 · created %2 · last changed %3 · Locked: an application was submitted</source>
        <translation>版本 %1 · 创建于 %2 · 最后修改于 %3 · 已锁定：已有申请提交</translation>
    </message>
    <message>
        <source>Discard Template</source>
        <translation>放弃模板</translation>
    </message>
    <message>
        <source>Discard Changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <source>Discard the template you started? Nothing was saved.</source>
        <translation>放弃正在填写的模板吗？尚未保存任何内容。</translation>
    </message>
    <message>
        <source>Discard your changes to “%1”?</source>
        <translation>放弃对“%1”的更改吗？</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep Editing</source>
        <translation>继续编辑(&amp;K)</translation>
    </message>
</context>
<context>
    <name>TemplateFilterBar</name>
    <message>
        <source>C&amp;reated between</source>
        <translation>创建时间(&amp;R)</translation>
    </message>
    <message>
        <source>C&amp;lear Filters</source>
        <translation>清除筛选条件(&amp;L)</translation>
    </message>
    <message>
        <source>Name…</source>
        <translation>名称…</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>按名称筛选</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Filter by kind</source>
        <translation>按类型筛选</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Specific</source>
        <translation>指定产品</translation>
    </message>
    <message>
        <source>Universal</source>
        <translation>通用</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>Filter by state</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <source>Editable</source>
        <translation>可编辑</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Only templates created between the two dates (both included)</source>
        <translation>仅显示在这两个日期之间（含首尾两天）创建的模板</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <extracomment>Date format of the &quot;Created between&quot; filter (QDate::toString); keep the year.</extracomment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>Created from</source>
        <translation>创建时间起</translation>
    </message>
    <message>
        <source>Created until</source>
        <translation>创建时间止</translation>
    </message>
    <message>
        <source>Show every template</source>
        <translation>显示全部模板</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选条件</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
</context>
<context>
    <name>TemplateStatusRow</name>
    <message>
        <source>Locked: an application was submitted. Duplicate it to make a changed copy.</source>
        <translation>已锁定：已有申请提交。如需修改，请复制后编辑副本。</translation>
    </message>
</context>
<context>
    <name>TemplateSummary</name>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Face value:</source>
        <translation>面额：</translation>
    </message>
    <message>
        <source>Validity:</source>
        <translation>有效期：</translation>
    </message>
    <message>
        <source>Min spend:</source>
        <translation>最低消费：</translation>
    </message>
    <message>
        <source>Pay mode:</source>
        <translation>付费模式：</translation>
    </message>
    <message>
        <source>Products:</source>
        <translation>产品：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) after issue</source>
        <translation>
            <numerusform>发放后 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Blocklist:</source>
        <translation>黑名单：</translation>
    </message>
    <message>
        <source>Every product except the blocklist. Blocked now: %1. Products applicable now: %2. The blocklist in effect at approval binds the voucher.</source>
        <translation>适用于黑名单以外的所有产品。当前黑名单产品：%1。当前适用产品：%2。代金券以审核通过时生效的黑名单为准。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>TemplateTableModel</name>
    <message>
        <source>The templates could not be read from the workspace. Try Refresh; if it keeps failing, reopen the workspace.</source>
        <translation>无法从工作区读取模板。请尝试刷新；如果仍然失败，请重新打开工作区。</translation>
    </message>
    <message>
        <source>Locked: an application was submitted</source>
        <translation>已锁定：已有申请提交</translation>
    </message>
    <message>
        <source>Specific</source>
        <translation>指定产品</translation>
    </message>
    <message>
        <source>Universal</source>
        <translation>通用</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>All except blocklist</source>
        <translation>黑名单以外的所有产品</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Editable</source>
        <translation>可编辑</translation>
    </message>
    <message>
        <source>Editable: no application was submitted yet</source>
        <translation>可编辑：尚未提交申请</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Face value</source>
        <translation>面额</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>TemplateTableView</name>
    <message>
        <source>Voucher templates</source>
        <translation>代金券模板</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <source>Template actions</source>
        <translation>模板操作</translation>
    </message>
    <message>
        <source>Vendor Voucher Application</source>
        <translation>厂商代金券申请</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>The product catalogue could not be read; product names may be missing.</source>
        <translation>无法读取产品目录，部分产品名称可能无法显示。</translation>
    </message>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation>
            <numerusform>%n 个模板</numerusform>
        </translation>
    </message>
    <message>
        <source>No templates match these filters</source>
        <translation>没有符合筛选条件的模板</translation>
    </message>
    <message>
        <source>Change the filters, or clear them to see every template.</source>
        <translation>请修改筛选条件，或清除筛选条件以查看全部模板。</translation>
    </message>
    <message>
        <source>No templates yet</source>
        <translation>暂无模板</translation>
    </message>
    <message>
        <source>A template holds a voucher&apos;s face value, validity and products. Create one, then apply with it for vouchers for your customers.</source>
        <translation>模板包含代金券的面额、有效期和适用产品。请先创建模板，然后使用它为您的客户申请代金券。</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>The template could not be read from the workspace.</source>
        <translation>无法从工作区读取该模板。</translation>
    </message>
    <message>
        <source>The template no longer exists.</source>
        <translation>该模板已不存在。</translation>
    </message>
    <message>
        <source>Saved the template “%1”.</source>
        <translation>已保存模板“%1”。</translation>
    </message>
    <message>
        <source>Duplicate Template</source>
        <translation>复制模板</translation>
    </message>
    <message>
        <source>Created the copy “%1”; it can be edited.</source>
        <translation>已创建副本“%1”，可以编辑。</translation>
    </message>
    <message>
        <source>Delete Template</source>
        <translation>删除模板</translation>
    </message>
    <message>
        <source>Delete the template “%1”? This cannot be undone.</source>
        <translation>确定删除模板“%1”吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Deleted the template “%1”.</source>
        <translation>已删除模板“%1”。</translation>
    </message>
    <message>
        <source>More template actions</source>
        <translation>更多模板操作</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>VoucherDesk User Guide</source>
        <translation>VoucherDesk 用户指南</translation>
    </message>
    <message>
        <source>The Partner Center</source>
        <translation>合作伙伴中心</translation>
    </message>
    <message>
        <source>Sign in with your login and password. The navigation on the left opens the pages (Ctrl+1, Ctrl+2, Ctrl+3); the header shows your partner&apos;s quota pool: the total, what vouchers have taken from it, and what is left.</source>
        <translation>使用登录名和密码登录。左侧导航用于打开各页面（Ctrl+1、Ctrl+2、Ctrl+3）；页眉显示合作伙伴的额度池：总额、代金券已占用的金额以及剩余额度。</translation>
    </message>
    <message>
        <source>A local workspace is a file on this computer. A server workspace keeps a copy of the server&apos;s data and sends what you do when the server can be reached; the status bar says whether it is connected.</source>
        <translation>本地工作区是本机上的一个文件。服务器工作区保存服务器数据的副本，并在能连接服务器时发送您的操作；状态栏显示是否已连接。</translation>
    </message>
    <message>
        <source>Voucher templates</source>
        <translation>代金券模板</translation>
    </message>
    <message>
        <source>Vendor Voucher Application lists your templates. Create Template asks for the name, the kind (specific products, or universal: everything except the blocklist), the face value, how many days the voucher stays valid after it is issued, the minimum bill it pays, and which bills it pays: prepaid, postpaid or both.</source>
        <translation>“厂商代金券申请”列出您的模板。创建模板需要填写名称、类型（指定产品，或通用：黑名单以外的全部产品）、面额、发放后的有效天数、可抵扣的最低账单金额，以及可抵扣的账单类型：预付费、后付费或两者皆可。</translation>
    </message>
    <message>
        <source>A template can be edited until the first application is submitted with it; then it is locked, and Duplicate makes an editable copy.</source>
        <translation>模板在首次以其提交申请之前都可以编辑；之后即被锁定，可用“复制”生成一份可编辑的副本。</translation>
    </message>
    <message>
        <source>Applying for a voucher</source>
        <translation>申请代金券</translation>
    </message>
    <message>
        <source>Apply… starts the application: choose the template and an eligible customer, and describe the customer&apos;s testing scenario. The vendor reviews it within three business days (Asia/Shanghai). While it is pending you can cancel it.</source>
        <translation>“申请…”开始一次申请：选择模板和符合条件的客户，并描述客户的测试场景。厂商会在三个工作日内（按 Asia/Shanghai）完成审核。待审核期间您可以撤销申请。</translation>
    </message>
    <message>
        <source>The Vendor Voucher List</source>
        <translation>厂商代金券列表</translation>
    </message>
    <message>
        <source>Every application and voucher, filtered by status, customer, kind, dates and balance, or found by code, customer name or UIN. The detail below the list shows the selected row&apos;s timeline, product scope, balance and usage records; with no row selected it shows nothing and its buttons are off.</source>
        <translation>所有申请和代金券，可按状态、客户、类型、日期和余额筛选，或按券码、客户名称或 UIN 查找。列表下方的详情显示所选行的时间线、产品范围、余额和使用记录；未选中任何行时不显示内容，其按钮也不可用。</translation>
    </message>
    <message>
        <source>Pay with voucher records a bill paid from the selected voucher: the order number, the product, the bill&apos;s pay mode and its amount. The voucher pays up to its balance; the rest stays to be paid. Export CSV… saves the filtered list.</source>
        <translation>“使用代金券支付”记录一笔由所选代金券支付的账单：订单号、产品、账单的付费模式及金额。代金券最多抵扣其余额，其余部分仍需支付。“导出 CSV…”保存筛选后的列表。</translation>
    </message>
    <message>
        <source>The Review Queue (vendor reviewers)</source>
        <translation>审核队列（厂商审核员）</translation>
    </message>
    <message>
        <source>Review › Review Queue… (Ctrl+Shift+R) lists every pending application, the earliest deadline first. J and K move between applications; A approves with the comment typed, if any; R rejects with the reason picked or typed. Each decision asks first, naming the customer, the template and the face value: Enter confirms, Esc keeps it pending.</source>
        <translation>“审核 › 审核队列…”（Ctrl+Shift+R）列出所有待审核的申请，截止时间最早的排在最前。J 和 K 在申请之间移动；A 以填写的备注（如有）通过申请；R 以选择或填写的原因驳回申请。每次决定前都会先确认，并列出客户、模板和面额：按 Enter 确认，按 Esc 保持待审核。</translation>
    </message>
    <message>
        <source>Keyboard and screen readers</source>
        <translation>键盘与屏幕阅读器</translation>
    </message>
    <message>
        <source>Every control can be reached with Tab; in a table the arrow keys move between rows and Tab leaves it. Alt with the underlined letter jumps to a field. Help › Keyboard Shortcuts lists every key of the window you are in.</source>
        <translation>所有控件都可以用 Tab 键到达；在表格中用方向键在行之间移动，按 Tab 离开表格。按 Alt 加带下划线的字母可跳到对应字段。“帮助 › 键盘快捷键”列出当前窗口的所有按键。</translation>
    </message>
    <message>
        <source>User Guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>VoucherDetailPanel</name>
    <message>
        <source>Ca&amp;ncel review</source>
        <translation>取消审核(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Pay with voucher…</source>
        <translation>使用代金券支付(&amp;P)…</translation>
    </message>
    <message>
        <source>Cancel review</source>
        <translation>取消审核</translation>
    </message>
    <message>
        <source>Pay with voucher</source>
        <translation>使用代金券支付</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Balance left</source>
        <translation>剩余余额</translation>
    </message>
    <message>
        <source>Product scope</source>
        <translation>适用产品</translation>
    </message>
    <message>
        <source>Usage records</source>
        <translation>使用记录</translation>
    </message>
    <message>
        <source>Select a row to see its details</source>
        <translation>选择一行以查看详情</translation>
    </message>
    <message>
        <source>The timeline, product scope, balance and usage records of the selected application or voucher appear here.</source>
        <translation>所选申请或代金券的时间线、适用产品、余额和使用记录将显示在此处。</translation>
    </message>
    <message>
        <source>This application is no longer available</source>
        <translation>该申请已不可用</translation>
    </message>
    <message>
        <source>The details cannot be shown</source>
        <translation>无法显示详情</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Face value %1 · no voucher issued</source>
        <translation>面额 %1 · 尚未发放代金券</translation>
    </message>
    <message>
        <source>%1 of %2 left</source>
        <translation>剩余 %1 / %2</translation>
    </message>
    <message>
        <source>Usage records (%1)</source>
        <translation>使用记录（%1）</translation>
    </message>
    <message>
        <source>No usage records yet</source>
        <translation>暂无使用记录</translation>
    </message>
    <message>
        <source>Payments with this voucher appear here.</source>
        <translation>使用此代金券的支付记录将显示在此处。</translation>
    </message>
    <message>
        <source>No voucher yet</source>
        <translation>暂无代金券</translation>
    </message>
    <message>
        <source>A voucher is issued when the vendor approves the application; its payments appear here.</source>
        <translation>厂商审核通过申请后将发放代金券，其支付记录将显示在此处。</translation>
    </message>
    <message>
        <source>Withdraw this application; the vendor will not review it.</source>
        <translation>撤回此申请；厂商将不再审核。</translation>
    </message>
    <message>
        <source>Pay (part of) a bill of this customer with the voucher.</source>
        <translation>使用此代金券支付该客户的账单（全部或部分金额）。</translation>
    </message>
    <message>
        <source>Only the partner that applied can cancel an application.</source>
        <translation>仅提交申请的合作伙伴可以取消申请。</translation>
    </message>
    <message>
        <source>Only the partner that holds a voucher can pay with it.</source>
        <translation>仅持有该代金券的合作伙伴可以使用其支付。</translation>
    </message>
    <message>
        <source>There is no voucher yet: it is issued when the vendor approves the application.</source>
        <translation>尚无代金券：厂商审核通过申请后才会发放。</translation>
    </message>
    <message>
        <source>The voucher expired on %1.</source>
        <translation>代金券已于 %1 过期。</translation>
    </message>
    <message>
        <source>The voucher has no balance left.</source>
        <translation>代金券已无余额。</translation>
    </message>
    <message>
        <source>The vendor invalidated the voucher.</source>
        <translation>厂商已作废该代金券。</translation>
    </message>
    <message>
        <source>The voucher takes effect on %1.</source>
        <translation>代金券将于 %1 生效。</translation>
    </message>
    <message>
        <source>Cancel the application for %1? The vendor will not review it.</source>
        <translation>确定取消为 %1 提交的申请吗？厂商将不再审核该申请。</translation>
    </message>
    <message>
        <source>Cancel application</source>
        <translation>取消申请</translation>
    </message>
    <message>
        <source>Keep application</source>
        <translation>保留申请</translation>
    </message>
    <message>
        <source>Application cancelled. The vendor will not review it.</source>
        <translation>申请已取消，厂商将不再审核。</translation>
    </message>
    <message>
        <source>Paid %1 of order %2 (%3) with the voucher.</source>
        <translation>已使用代金券为订单 %2（%3）支付 %1。</translation>
    </message>
    <message>
        <source>Only an application pending review can be cancelled. Current status: %1.</source>
        <extracomment>%1 is the application&apos;s status, e.g. &quot;Approved&quot;.</extracomment>
        <translation>只能取消待审核的申请。当前状态：%1。</translation>
    </message>
    <message>
        <source>&amp;Invalidate voucher…</source>
        <translation>作废代金券(&amp;I)…</translation>
    </message>
    <message>
        <source>Invalidate voucher</source>
        <translation>作废代金券</translation>
    </message>
    <message>
        <source>Reclaim the voucher: it can no longer pay, and its unused balance returns to the partner&apos;s quota.</source>
        <translation>收回代金券：代金券将无法再用于支付，其未使用的余额将退回合作伙伴的额度。</translation>
    </message>
    <message>
        <source>Only an administrator can invalidate vouchers.</source>
        <translation>仅管理员可以作废代金券。</translation>
    </message>
    <message>
        <source>There is no voucher to invalidate: none was issued for this application.</source>
        <translation>没有可作废的代金券：此申请未发放代金券。</translation>
    </message>
    <message>
        <source>The voucher was invalidated on %1.</source>
        <translation>代金券已于 %1 作废。</translation>
    </message>
    <message>
        <source>Keep voucher</source>
        <translation>保留代金券</translation>
    </message>
    <message>
        <source>Sent — waiting for the server: invalidate voucher %1.</source>
        <translation>已发送 — 等待服务器确认：作废代金券 %1。</translation>
    </message>
    <message>
        <source>Voucher %1 invalidated; %2 returned to the partner&apos;s quota.</source>
        <translation>代金券 %1 已作废，%2 已退回合作伙伴的额度。</translation>
    </message>
    <message>
        <source>Invalidate voucher %1 of customer %2? It can no longer pay, and its unused balance %3 returns to the partner&apos;s quota. This cannot be undone.</source>
        <translation>确定作废客户 %2 的代金券 %1 吗？作废后将无法再用于支付，其未使用余额 %3 将退回合作伙伴的额度。此操作无法撤销。</translation>
    </message>
    <message>
        <source>No voucher</source>
        <translation>没有代金券</translation>
    </message>
    <message>
        <source>The vendor rejected the application; no voucher was issued.</source>
        <translation>厂商已驳回该申请，未发放代金券。</translation>
    </message>
    <message>
        <source>The application was cancelled; no voucher was issued.</source>
        <translation>该申请已撤销，未发放代金券。</translation>
    </message>
    <message>
        <source>The application was not approved: there is no voucher to pay with.</source>
        <translation>该申请未获通过，没有可用于支付的代金券。</translation>
    </message>
</context>
<context>
    <name>VoucherExportController</name>
    <message>
        <source>An unexpected error stopped the export.</source>
        <translation>导出因意外错误而中止。</translation>
    </message>
</context>
<context>
    <name>VoucherFilterBar</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Balance &gt; 0</source>
        <translation>余额 &gt; 0(&amp;B)</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>清除筛选条件(&amp;L)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Show only the rows in one status</source>
        <translation>仅显示处于某一状态的记录</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Type part of a customer&apos;s name or the start of the UIN, then choose the customer from the suggestions</source>
        <translation>输入客户名称的一部分或 UIN 的开头，然后从建议中选择客户</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Show only specific product or only universal vouchers</source>
        <translation>仅显示指定产品代金券或通用代金券</translation>
    </message>
    <message>
        <source>Press Delete for any date.</source>
        <translation>按 Delete 键可设为“不限”。</translation>
    </message>
    <message>
        <source>Applied from</source>
        <translation>申请时间起</translation>
    </message>
    <message>
        <source>Applications submitted on or after this day. %1</source>
        <translation>在此日期当天或之后提交的申请。%1</translation>
    </message>
    <message>
        <source>Applied until</source>
        <translation>申请时间止</translation>
    </message>
    <message>
        <source>Applications submitted on or before this day. %1</source>
        <translation>在此日期当天或之前提交的申请。%1</translation>
    </message>
    <message>
        <source>Expires before</source>
        <translation>到期时间早于</translation>
    </message>
    <message>
        <source>Vouchers that expire before this day. %1</source>
        <translation>在此日期之前到期的代金券。%1</translation>
    </message>
    <message>
        <source>Balance greater than zero</source>
        <translation>余额大于零</translation>
    </message>
    <message>
        <source>Only vouchers with money left to spend: issued, not expired, not invalidated, balance above zero</source>
        <translation>仅显示仍有余额可用的代金券：已发放、未过期、未作废且余额大于零</translation>
    </message>
    <message>
        <source>Code, customer, UIN…</source>
        <translation>编号、客户、UIN…</translation>
    </message>
    <message>
        <source>Search by voucher code, customer name or UIN</source>
        <translation>按代金券编号、客户名称或 UIN 搜索</translation>
    </message>
    <message>
        <source>Part of a voucher code or customer name, or the start of a UIN (Ctrl+F)</source>
        <translation>代金券编号或客户名称的一部分，或 UIN 的开头（Ctrl+F）</translation>
    </message>
    <message>
        <source>Show every row again</source>
        <translation>重新显示全部记录</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选条件</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>状态(&amp;T)</translation>
    </message>
    <message>
        <source>C&amp;ustomer</source>
        <translation>客户(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Applied</source>
        <translation>申请时间(&amp;A)</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <extracomment>Between the two dates of &quot;Applied … to …&quot;.</extracomment>
        <translation>至(&amp;O)</translation>
    </message>
    <message>
        <source>E&amp;xpires before</source>
        <translation>到期时间早于(&amp;X)</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>No customer matches “%1”.</source>
        <translation>没有与“%1”匹配的客户。</translation>
    </message>
    <message>
        <source>Several customers match: choose one from the suggestions.</source>
        <translation>有多个客户匹配，请从建议中选择一个。</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Show only one partner&apos;s applications and vouchers</source>
        <translation>只显示一个合作伙伴的申请和代金券</translation>
    </message>
    <message>
        <source>&amp;Partner</source>
        <translation>合作伙伴(&amp;P)</translation>
    </message>
</context>
<context>
    <name>VoucherListModel</name>
    <message>
        <source>The list could not be read from the workspace.</source>
        <translation>无法从工作区读取列表。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Universal</source>
        <translation>通用</translation>
    </message>
    <message>
        <source>Specific</source>
        <translation>指定产品</translation>
    </message>
    <message>
        <source>No voucher yet</source>
        <translation>暂无代金券</translation>
    </message>
    <message>
        <source>Not issued</source>
        <translation>未发放</translation>
    </message>
    <message>
        <source>%1
UIN %2</source>
        <translation>%1
UIN %2</translation>
    </message>
    <message>
        <source>%1 left of %2</source>
        <translation>剩余 %1 / %2</translation>
    </message>
    <message>
        <source>Click to sort by this column</source>
        <translation>点击按此列排序</translation>
    </message>
    <message>
        <source>The list cannot be sorted by this column</source>
        <translation>无法按此列排序</translation>
    </message>
    <message>
        <source>Voucher code</source>
        <translation>代金券编号</translation>
    </message>
    <message>
        <source>Customer (UIN)</source>
        <translation>客户（UIN）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Face value</source>
        <translation>面额</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
</context>
<context>
    <name>VoucherListPage</name>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Vendor Voucher Application</source>
        <translation>厂商代金券申请</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选条件</translation>
    </message>
    <message>
        <source>Export the filtered list to a CSV file (%1)</source>
        <translation>将筛选后的列表导出为 CSV 文件（%1）</translation>
    </message>
    <message>
        <source>Go to Vendor Voucher Application to apply from a template</source>
        <translation>前往“厂商代金券申请”，使用模板申请代金券</translation>
    </message>
    <message>
        <source>Show every record again</source>
        <translation>重新显示全部记录</translation>
    </message>
    <message>
        <source>Vendor Voucher List</source>
        <translation>厂商代金券列表</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <source>Stop the export; no file is written</source>
        <translation>停止导出；不会写入文件</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>vouchers-%1.csv</source>
        <extracomment>Default file name of an export; %1 is today&apos;s date.</extracomment>
        <translation>代金券-%1.csv</translation>
    </message>
    <message>
        <source>Export Vendor Voucher List</source>
        <translation>导出厂商代金券列表</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入文件。</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>The Vendor Voucher List is unavailable</source>
        <translation>厂商代金券列表不可用</translation>
    </message>
    <message>
        <source>No vouchers yet</source>
        <translation>暂无代金券</translation>
    </message>
    <message>
        <source>Apply for a voucher from Vendor Voucher Application</source>
        <translation>请在“厂商代金券申请”页面申请代金券</translation>
    </message>
    <message>
        <source>Partners&apos; applications show here as soon as they apply.</source>
        <translation>合作伙伴提交申请后，申请会立即显示在此处。</translation>
    </message>
    <message>
        <source>No records match these filters</source>
        <translation>没有符合筛选条件的记录</translation>
    </message>
    <message>
        <source>Change the filters, or clear them to see every record.</source>
        <translation>请修改筛选条件，或清除筛选条件以查看全部记录。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <source>The records could not be counted.</source>
        <translation>无法统计记录数。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln record(s) to %1</source>
        <translation>
            <numerusform>已导出 %Ln 条记录到 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Open File</source>
        <translation>打开文件(&amp;O)</translation>
    </message>
    <message>
        <source>Open &amp;Folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Open the exported file</source>
        <translation>打开导出的文件</translation>
    </message>
    <message>
        <source>Open the CSV file in the program your desktop uses for it</source>
        <translation>用桌面为 CSV 文件设定的程序打开它</translation>
    </message>
    <message>
        <source>Open the folder of the exported file</source>
        <translation>打开导出文件所在的文件夹</translation>
    </message>
    <message>
        <source>Show the folder the CSV file was written to</source>
        <translation>显示 CSV 文件所在的文件夹</translation>
    </message>
</context>
<context>
    <name>VoucherSortMenu</name>
    <message>
        <source>Sort List &amp;By</source>
        <translation>列表排序方式(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Descending</source>
        <translation>降序(&amp;D)</translation>
    </message>
    <message>
        <source>Sort the Vendor Voucher List by one of its columns</source>
        <translation>按某一列对厂商代金券列表排序</translation>
    </message>
    <message>
        <source>&amp;Voucher code</source>
        <translation>代金券编号(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Face value</source>
        <translation>面额(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Balance</source>
        <translation>余额(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Applied</source>
        <translation>申请时间(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Expires</source>
        <translation>到期时间(&amp;E)</translation>
    </message>
</context>
<context>
    <name>VoucherTimeline</name>
    <message>
        <source>the vendor</source>
        <translation>厂商</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>%1 · overdue</source>
        <translation>%1 · 已逾期</translation>
    </message>
    <message>
        <source>Review due</source>
        <translation>审核截止</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>once the vendor approves</source>
        <translation>厂商审核通过后</translation>
    </message>
    <message>
        <source>by %1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1 · “%2”</source>
        <translation>%1 · “%2”</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>by %1, %2 · reason: %3</source>
        <translation>%1，%2 · 原因：%3</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1 · the vendor will not review it</source>
        <translation>%1 · 厂商将不再审核</translation>
    </message>
    <message>
        <source>effective %1</source>
        <translation>%1 生效</translation>
    </message>
    <message>
        <source>Invalidated</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
</context>
</TS>
