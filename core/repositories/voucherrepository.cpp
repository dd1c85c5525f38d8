#include "core/repositories/voucherrepository.h"

#include "core/json/jsonfields.h"
#include "core/store/database.h"
#include "core/store/requesthash.h"
#include "core/store/revisionrange.h"

using namespace Qt::StringLiterals;

namespace {
const QString kVoucherSelect =
    u"SELECT id, code, application_id, partner_id, customer_id, kind, pay_mode, currency, "
    u"face_value_minor, balance_minor, min_spend_minor, effective_at, expires_at, "
    u"product_codes, blocked_product_codes, blocklist_revision, invalidated_at, rev "
    u"FROM vouchers "_s;

const QString kDeductionSelect =
    u"SELECT id, voucher_id, customer_id, order_id, product_code, pay_mode, "
    u"order_amount_minor, deducted_minor, at, actor_id, rev FROM deductions "_s;

Voucher readVoucher(const SqlStatement &row)
{
    Voucher v;
    v.id = row.uuid(0);
    v.code = row.text(1);
    v.applicationId = row.uuid(2);
    v.partnerId = row.uuid(3);
    v.customerId = row.uuid(4);
    v.kind = voucherKindFromString(row.text(5)).value_or(VoucherKind::Specific);
    v.payMode = payModeFromString(row.text(6)).value_or(PayMode::All);
    v.currency = row.text(7);
    v.faceValueMinor = row.int64(8);
    v.balanceMinor = row.int64(9);
    v.minSpendMinor = row.int64(10);
    v.effectiveAt = row.time(11);
    v.expiresAt = row.time(12);
    v.productCodes = JsonFields::listFromText(row.text(13));
    v.blockedProductCodes = JsonFields::listFromText(row.text(14));
    v.blocklistRevision = row.integer(15);
    v.invalidatedAt = row.time(16);
    v.rev = row.int64(17);
    return v;
}

Deduction readDeduction(const SqlStatement &row)
{
    Deduction d;
    d.id = row.uuid(0);
    d.voucherId = row.uuid(1);
    d.customerId = row.uuid(2);
    d.orderId = row.text(3);
    d.productCode = row.text(4);
    d.payMode = payModeFromString(row.text(5)).value_or(PayMode::Prepaid);
    d.orderAmountMinor = row.int64(6);
    d.deductedMinor = row.int64(7);
    d.at = row.time(8);
    d.actorId = row.uuid(9);
    d.rev = row.int64(10);
    return d;
}
} // namespace

std::optional<Voucher> VoucherRepository::find(const QUuid &id) const
{
    return findWhere(u"id = :value"_s, SqlStatement::fromUuid(id));
}

QList<Voucher> VoucherRepository::revised(qint64 after, qint64 upTo, const QUuid &partnerId) const
{
    SqlStatement query = RevisionRange{after, upTo, partnerId}.select(m_db, kVoucherSelect);
    QList<Voucher> vouchers;
    while (query.next())
        vouchers.append(readVoucher(query));
    return vouchers;
}

QList<Deduction> VoucherRepository::revisedDeductions(qint64 after, qint64 upTo,
                                                      const QUuid &partnerId) const
{
    // A deduction's partner is its voucher's.
    SqlStatement query = RevisionRange{after, upTo, partnerId}.select(
        m_db, kDeductionSelect, u"rev"_s,
        u"EXISTS (SELECT 1 FROM vouchers v WHERE v.id = deductions.voucher_id AND "
        u"v.partner_id = :partnerId)"_s);
    QList<Deduction> deductions;
    while (query.next())
        deductions.append(readDeduction(query));
    return deductions;
}

std::optional<Voucher> VoucherRepository::findByCode(const QString &code) const
{
    return findWhere(u"code = :value"_s, code);
}

std::optional<Voucher> VoucherRepository::findWhere(const QString &where,
                                                    const QVariant &value) const
{
    SqlStatement query = m_db.prepare(kVoucherSelect + u"WHERE "_s + where);
    query.bind(u":value"_s, value).exec();
    if (!query.next())
        return std::nullopt;
    return readVoucher(query);
}

bool VoucherRepository::codeExists(const QString &code) const
{
    SqlStatement query = m_db.prepare(u"SELECT 1 FROM vouchers WHERE code = :code"_s);
    query.bind(u":code"_s, code).exec();
    return query.next();
}

void VoucherRepository::insert(const Voucher &v) const
{
    m_db.prepare(u"INSERT INTO vouchers (id, code, application_id, partner_id, customer_id, kind, "
                 u"pay_mode, currency, face_value_minor, balance_minor, min_spend_minor, "
                 u"effective_at, expires_at, product_codes, blocked_product_codes, "
                 u"blocklist_revision, invalidated_at, rev) VALUES (:id, :code, :applicationId, "
                 u":partnerId, :customerId, :kind, :payMode, :currency, :face, :balance, "
                 u":minSpend, :effectiveAt, :expiresAt, :products, :blocked, :blocklistRevision, "
                 u":invalidatedAt, :rev)"_s)
        .bind(u":id"_s, v.id)
        .bind(u":code"_s, v.code)
        .bind(u":applicationId"_s, v.applicationId)
        .bind(u":partnerId"_s, v.partnerId)
        .bind(u":customerId"_s, v.customerId)
        .bind(u":kind"_s, voucherKindToString(v.kind))
        .bind(u":payMode"_s, payModeToString(v.payMode))
        .bind(u":currency"_s, v.currency)
        .bind(u":face"_s, v.faceValueMinor)
        .bind(u":balance"_s, v.balanceMinor)
        .bind(u":minSpend"_s, v.minSpendMinor)
        .bind(u":effectiveAt"_s, v.effectiveAt)
        .bind(u":expiresAt"_s, v.expiresAt)
        .bind(u":products"_s, JsonFields::listToText(v.productCodes))
        .bind(u":blocked"_s, JsonFields::listToText(v.blockedProductCodes))
        .bind(u":blocklistRevision"_s, v.blocklistRevision)
        .bind(u":invalidatedAt"_s, v.invalidatedAt)
        .bind(u":rev"_s, v.rev)
        .exec();
}

bool VoucherRepository::deduct(const QUuid &id, qint64 expectedBalance, qint64 amount,
                               qint64 rev) const
{
    SqlStatement update =
        m_db.prepare(u"UPDATE vouchers SET balance_minor = balance_minor - :amount, rev = :rev "
                     u"WHERE id = :id AND balance_minor = :expected AND invalidated_at IS NULL"_s);
    update.bind(u":amount"_s, amount)
        .bind(u":rev"_s, rev)
        .bind(u":id"_s, id)
        .bind(u":expected"_s, expectedBalance)
        .exec();
    return update.rowsAffected() == 1;
}

bool VoucherRepository::invalidate(const QUuid &id, const QDateTime &at, qint64 rev) const
{
    SqlStatement update = m_db.prepare(u"UPDATE vouchers SET invalidated_at = :at, rev = :rev "
                                       u"WHERE id = :id AND invalidated_at IS NULL"_s);
    update.bind(u":at"_s, at).bind(u":rev"_s, rev).bind(u":id"_s, id).exec();
    return update.rowsAffected() == 1;
}

std::optional<Deduction> VoucherRepository::findDeduction(const QUuid &id) const
{
    SqlStatement query = m_db.prepare(kDeductionSelect + u"WHERE id = :id"_s);
    query.bind(u":id"_s, id).exec();
    if (!query.next())
        return std::nullopt;
    return readDeduction(query);
}

std::optional<QString> VoucherRepository::deductionRequestHash(const QUuid &id) const
{
    return RequestHash::stored(m_db, u"deductions"_s, id);
}

QList<Deduction> VoucherRepository::deductions(const QUuid &voucherId) const
{
    SqlStatement query =
        m_db.prepare(kDeductionSelect + u"WHERE voucher_id = :voucherId ORDER BY at, id"_s);
    query.bind(u":voucherId"_s, voucherId).exec();
    QList<Deduction> list;
    while (query.next())
        list.append(readDeduction(query));
    return list;
}

void VoucherRepository::insertDeduction(const Deduction &d, const QString &requestHash) const
{
    m_db.prepare(u"INSERT INTO deductions (id, voucher_id, customer_id, order_id, product_code, "
                 u"pay_mode, order_amount_minor, deducted_minor, at, actor_id, request_hash, rev) "
                 u"VALUES (:id, :voucherId, :customerId, :orderId, :productCode, :payMode, "
                 u":orderAmount, :deducted, :at, :actorId, :hash, :rev)"_s)
        .bind(u":id"_s, d.id)
        .bind(u":voucherId"_s, d.voucherId)
        .bind(u":customerId"_s, d.customerId)
        .bind(u":orderId"_s, d.orderId)
        .bind(u":productCode"_s, d.productCode)
        .bind(u":payMode"_s, payModeToString(d.payMode))
        .bind(u":orderAmount"_s, d.orderAmountMinor)
        .bind(u":deducted"_s, d.deductedMinor)
        .bind(u":at"_s, d.at)
        .bind(u":actorId"_s, d.actorId)
        .bind(u":hash"_s, requestHash)
        .bind(u":rev"_s, d.rev)
        .exec();
}

qint64 VoucherRepository::deductionCount() const
{
    SqlStatement query = m_db.prepare(u"SELECT COUNT(*) FROM deductions"_s);
    query.exec();
    return query.next() ? query.int64(0) : 0;
}
