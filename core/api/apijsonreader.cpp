#include "core/api/apijsonreader.h"

#include "core/json/jsoninput.h"

#include <QJsonArray>

#include <limits>

using namespace Qt::StringLiterals;

namespace {

// Far above anything the store holds, so that only a broken answer is refused.
constexpr int kMaxListItems = 100000;
constexpr qint64 kMax = JsonInput::MaxSafeInteger;

// JsonInput with the representation's own conventions: every field ApiJson writes is required
// unless it is one that may be null ("not set").
class Fields
{
public:
    explicit Fields(const QJsonObject &json)
        : m_in(json)
    {}

    bool ok() const { return m_in.ok(); }

    QString text(const char *field)
    {
        return m_in.string(field, JsonInput::Required).value_or(QString());
    }
    // A key: a string that is not empty.
    QString key(const char *field)
    {
        const QString value = text(field);
        if (value.isEmpty())
            fail(field);
        return value;
    }
    QUuid id(const char *field) { return m_in.uuid(field, JsonInput::Required); }
    QUuid optionalId(const char *field) { return m_in.uuid(field, JsonInput::Optional); }
    qint64 number(const char *field, qint64 min = 0, qint64 max = kMax)
    {
        return m_in.integer(field, min, max, JsonInput::Required).value_or(0);
    }
    int count(const char *field, int min = 0)
    {
        return int(number(field, min, std::numeric_limits<int>::max()));
    }
    bool flag(const char *field)
    {
        return m_in.boolean(field, JsonInput::Required).value_or(false);
    }
    QStringList list(const char *field)
    {
        return m_in.stringList(field, kMaxListItems, JsonInput::Required);
    }
    QDateTime time(const char *field) { return readTime(field, JsonInput::Required); }
    QDateTime optionalTime(const char *field) { return readTime(field, JsonInput::Optional); }

    // An enum by its API name, read with the enum's own fromString.
    template<typename E>
    E named(const char *field, std::optional<E> (*fromString)(const QString &), E fallback)
    {
        const auto name = m_in.string(field, JsonInput::Required);
        if (!name)
            return fallback;
        const std::optional<E> value = fromString(*name);
        if (!value)
            fail(field);
        return value.value_or(fallback);
    }

    QJsonObject object(const char *field)
    {
        const QJsonValue value = m_in.object().value(QLatin1StringView(field));
        if (!value.isObject())
            fail(field);
        return value.toObject();
    }

    void fail(const char *field)
    {
        m_in.addError(QLatin1StringView(field), QLatin1StringView(field));
    }

private:
    // UTC or with an offset: a time without a zone would silently mean the reader's local time.
    QDateTime readTime(const char *field, JsonInput::Presence presence)
    {
        const auto value = m_in.string(field, presence);
        if (!value)
            return {};
        const QDateTime time = QDateTime::fromString(*value, Qt::ISODateWithMs);
        if (!time.isValid() || time.timeSpec() == Qt::LocalTime) {
            fail(field);
            return {};
        }
        return time.toUTC();
    }

    JsonInput m_in;
};

template<typename T>
std::optional<T> checked(const Fields &fields, T value)
{
    if (!fields.ok())
        return std::nullopt;
    return value;
}

} // namespace

std::optional<Partner> ApiJsonReader::partner(const QJsonObject &json)
{
    Fields f(json);
    Partner p;
    p.id = f.id("id");
    p.name = f.text("name");
    p.quotaMinor = f.number("quotaMinor");
    p.issuedMinor = f.number("issuedMinor");
    p.currency = f.text("currency");
    p.createdAt = f.time("createdAt");
    return checked(f, p);
}

std::optional<User> ApiJsonReader::user(const QJsonObject &json)
{
    Fields f(json);
    User u;
    u.id = f.id("id");
    u.login = f.key("login");
    u.displayName = f.text("displayName");
    u.role = f.named("role", roleFromString, Role::PartnerManager);
    u.partnerId = f.optionalId("partnerId");
    u.active = f.flag("active");
    u.createdAt = f.time("createdAt");
    return checked(f, u);
}

std::optional<Customer> ApiJsonReader::customer(const QJsonObject &json)
{
    Fields f(json);
    Customer c;
    c.id = f.id("id");
    c.partnerId = f.id("partnerId");
    c.name = f.text("name");
    c.uin = f.text("uin");
    c.eligible = f.flag("eligible");
    c.createdAt = f.time("createdAt");
    return checked(f, c);
}

std::optional<Product> ApiJsonReader::product(const QJsonObject &json)
{
    Fields f(json);
    Product p;
    p.code = f.key("code");
    p.name = f.text("name");
    p.nameZh = f.text("nameZh");
    p.category = f.text("category");
    p.active = f.flag("active");
    return checked(f, p);
}

std::optional<BlocklistRevision> ApiJsonReader::blocklistRevision(const QJsonObject &json)
{
    Fields f(json);
    BlocklistRevision r;
    r.revision = f.count("revision");
    r.effectiveAt = f.time("effectiveAt");
    r.productCodes = f.list("productCodes");
    return checked(f, r);
}

std::optional<VoucherTemplate> ApiJsonReader::voucherTemplate(const QJsonObject &json)
{
    Fields f(json);
    VoucherTemplate t;
    t.id = f.id("id");
    t.partnerId = f.id("partnerId");
    t.name = f.text("name");
    t.kind = f.named("kind", voucherKindFromString, VoucherKind::Specific);
    t.faceValueMinor = f.number("faceValueMinor");
    t.currency = f.text("currency");
    t.validityDays = f.count("validityDays");
    t.minSpendMinor = f.number("minSpendMinor");
    t.payMode = f.named("payMode", payModeFromString, PayMode::All);
    t.productCodes = f.list("productCodes");
    t.note = f.text("note");
    t.version = f.count("version", 1);
    t.locked = f.flag("locked");
    t.createdAt = f.time("createdAt");
    t.updatedAt = f.time("updatedAt");
    return checked(f, t);
}

std::optional<Application> ApiJsonReader::application(const QJsonObject &json)
{
    Fields f(json);
    Application a;
    a.id = f.id("id");
    a.partnerId = f.id("partnerId");
    a.templateId = f.id("templateId");
    const auto snapshot = voucherTemplate(f.object("templateSnapshot"));
    if (!snapshot)
        f.fail("templateSnapshot");
    else
        a.templateSnapshot = *snapshot;
    a.customerId = f.id("customerId");
    a.scenario = f.text("scenario");
    a.status = f.named("status", applicationStatusFromString, ApplicationStatus::PendingReview);
    a.submittedAt = f.time("submittedAt");
    a.reviewDueAt = f.time("reviewDueAt");
    a.submittedBy = f.optionalId("submittedBy");
    a.reviewerId = f.optionalId("reviewerId");
    a.reviewedAt = f.optionalTime("reviewedAt");
    a.reviewComment = f.text("reviewComment");
    a.rejectReason = f.text("rejectReason");
    a.cancelledAt = f.optionalTime("cancelledAt");
    a.voucherId = f.optionalId("voucherId");
    a.version = f.count("version", 1);
    return checked(f, a);
}

std::optional<Voucher> ApiJsonReader::voucher(const QJsonObject &json)
{
    Fields f(json);
    Voucher v;
    v.id = f.id("id");
    v.code = f.key("code");
    v.applicationId = f.id("applicationId");
    v.partnerId = f.id("partnerId");
    v.customerId = f.id("customerId");
    v.kind = f.named("kind", voucherKindFromString, VoucherKind::Specific);
    v.payMode = f.named("payMode", payModeFromString, PayMode::All);
    v.currency = f.text("currency");
    v.faceValueMinor = f.number("faceValueMinor");
    v.balanceMinor = f.number("balanceMinor");
    v.minSpendMinor = f.number("minSpendMinor");
    v.effectiveAt = f.time("effectiveAt");
    v.expiresAt = f.time("expiresAt");
    v.productCodes = f.list("productCodes");
    v.blockedProductCodes = f.list("blockedProductCodes");
    // Null for a specific voucher, which has no blocklist snapshot.
    JsonInput revision(json);
    v.blocklistRevision =
        int(revision.integer("blocklistRevision", 0, std::numeric_limits<int>::max()).value_or(0));
    if (!revision.ok())
        f.fail("blocklistRevision");
    v.invalidatedAt = f.optionalTime("invalidatedAt");
    return checked(f, v);
}

std::optional<Deduction> ApiJsonReader::deduction(const QJsonObject &json)
{
    Fields f(json);
    Deduction d;
    d.id = f.id("id");
    d.voucherId = f.id("voucherId");
    d.customerId = f.id("customerId");
    d.orderId = f.text("orderId");
    d.productCode = f.text("productCode");
    d.payMode = f.named("payMode", payModeFromString, PayMode::Prepaid);
    d.orderAmountMinor = f.number("orderAmountMinor");
    d.deductedMinor = f.number("deductedMinor");
    d.at = f.time("at");
    d.actorId = f.optionalId("actorId");
    return checked(f, d);
}

std::optional<ChangeFeedPage> ApiJsonReader::changeFeedPage(const QJsonObject &json)
{
    Fields f(json);
    ChangeFeedPage page;
    page.nextSince = f.number("nextSince");
    page.hasMore = f.flag("hasMore");
    const QJsonValue changes = json.value(u"changes"_s);
    if (!changes.isArray() || !f.ok())
        return std::nullopt;
    const QJsonArray array = changes.toArray();
    page.changes.reserve(array.size());
    for (const QJsonValue &item : array) {
        if (!item.isObject())
            return std::nullopt;
        const QJsonObject change = item.toObject();
        Fields c(change);
        ChangeFeedEntry entry;
        entry.entity = c.key("entity");
        entry.id = c.key("id");
        entry.rev = c.number("rev");
        entry.deleted = c.flag("deleted");
        const QJsonValue data = change.value(u"data"_s);
        if (data.isObject())
            entry.data = data.toObject();
        else if (!entry.deleted || !(data.isNull() || data.isUndefined()))
            return std::nullopt;
        if (!c.ok())
            return std::nullopt;
        page.changes.append(entry);
    }
    return page;
}
