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
        <source>%1 is not allowed in an amount. Use digits and “%2” as the decimal point, for example %3.</source>
        <translation>金额中不能包含 %1。请使用数字，并以“%2”作为小数点，例如 %3。</translation>
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
</context>
</TS>
