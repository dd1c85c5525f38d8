#include "core/repositories/customerrepository.h"

#include "core/store/database.h"
#include "core/store/requesthash.h"
#include "core/store/revisionrange.h"

using namespace Qt::StringLiterals;

namespace {
const QString kSelect =
    u"SELECT id, partner_id, name, uin, eligible, created_at, rev FROM customers "_s;

Customer readCustomer(const SqlStatement &row)
{
    Customer customer;
    customer.id = row.uuid(0);
    customer.partnerId = row.uuid(1);
    customer.name = row.text(2);
    customer.uin = row.text(3);
    customer.eligible = row.flag(4);
    customer.createdAt = row.time(5);
    customer.rev = row.int64(6);
    return customer;
}

QString whereClause(const CustomerFilter &filter)
{
    QStringList conditions;
    if (!filter.partnerId.isNull())
        conditions.append(u"partner_id = :partnerId"_s);
    if (!filter.text.trimmed().isEmpty())
        conditions.append(u"(lower(name) LIKE :namePattern ESCAPE '\\' "
                          u"OR uin LIKE :uinPattern ESCAPE '\\')"_s);
    if (filter.eligibleOnly)
        conditions.append(u"eligible = 1"_s);
    if (filter.ineligibleOnly)
        conditions.append(u"eligible = 0"_s);
    return conditions.isEmpty() ? QString() : u"WHERE "_s + conditions.join(u" AND "_s) + u" "_s;
}

void bindFilter(SqlStatement &query, const CustomerFilter &filter)
{
    if (!filter.partnerId.isNull())
        query.bind(u":partnerId"_s, filter.partnerId);
    const QString text = filter.text.trimmed();
    if (!text.isEmpty()) {
        query.bind(u":namePattern"_s, u"%"_s + SqlStatement::escapeLike(text.toLower()) + u"%"_s);
        query.bind(u":uinPattern"_s, SqlStatement::escapeLike(text) + u"%"_s);
    }
}
} // namespace

QList<Customer> CustomerRepository::revised(qint64 after, qint64 upTo, const QUuid &partnerId) const
{
    SqlStatement query = RevisionRange{after, upTo, partnerId}.select(m_db, kSelect);
    QList<Customer> customers;
    while (query.next())
        customers.append(readCustomer(query));
    return customers;
}

std::optional<Customer> CustomerRepository::find(const QUuid &id) const
{
    SqlStatement query = m_db.prepare(kSelect + u"WHERE id = :id"_s);
    query.bind(u":id"_s, id).exec();
    if (!query.next())
        return std::nullopt;
    return readCustomer(query);
}

std::optional<QString> CustomerRepository::requestHash(const QUuid &id) const
{
    return RequestHash::stored(m_db, u"customers"_s, id);
}

bool CustomerRepository::uinTaken(const QUuid &partnerId, const QString &uin) const
{
    SqlStatement query =
        m_db.prepare(u"SELECT 1 FROM customers WHERE partner_id = :partnerId AND uin = :uin"_s);
    query.bind(u":partnerId"_s, partnerId).bind(u":uin"_s, uin).exec();
    return query.next();
}

QList<Customer> CustomerRepository::list(const CustomerFilter &filter) const
{
    SqlStatement query = m_db.prepare(kSelect + whereClause(filter) +
                                      u"ORDER BY lower(name), id LIMIT :limit OFFSET :offset"_s);
    bindFilter(query, filter);
    query.bind(u":limit"_s, filter.limit).bind(u":offset"_s, filter.offset).exec();
    QList<Customer> customers;
    while (query.next())
        customers.append(readCustomer(query));
    return customers;
}

qint64 CustomerRepository::count(const CustomerFilter &filter) const
{
    SqlStatement query = m_db.prepare(u"SELECT COUNT(*) FROM customers "_s + whereClause(filter));
    bindFilter(query, filter);
    query.exec();
    return query.next() ? query.int64(0) : 0;
}

void CustomerRepository::insert(const Customer &customer, const QString &requestHash) const
{
    m_db.prepare(u"INSERT INTO customers (id, partner_id, name, uin, eligible, created_at, "
                 u"request_hash, rev) VALUES (:id, :partnerId, :name, :uin, :eligible, "
                 u":createdAt, :hash, :rev)"_s)
        .bind(u":id"_s, customer.id)
        .bind(u":partnerId"_s, customer.partnerId)
        .bind(u":name"_s, customer.name)
        .bind(u":uin"_s, customer.uin)
        .bind(u":eligible"_s, customer.eligible)
        .bind(u":createdAt"_s, customer.createdAt)
        .bind(u":hash"_s, requestHash)
        .bind(u":rev"_s, customer.rev)
        .exec();
}
