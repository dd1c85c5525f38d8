#include "tests/bench/benchworkspace.h"

#include "core/demo/demoworkspace.h"
#include "core/store/database.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QTextStream>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
qint64 scalar(const Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}
} // namespace

bool BenchWorkspace::ensure(const QString &path, qint64 vouchers, int partners, int customers,
                            QString *error)
{
    if (QFileInfo::exists(path)) {
        const std::unique_ptr<Database> db = Database::open(path, error);
        if (!db)
            return false;
        if (scalar(*db, u"SELECT COUNT(*) FROM voucher_list"_s) > 0)
            return true;
        *error = u"%1 exists but holds no vouchers; remove it or choose another path"_s.arg(path);
        return false;
    }
    DemoOptions demo;
    demo.passwordCost = PasswordHasher::Cost::Minimal;
    BulkOptions bulk;
    bulk.vouchers = vouchers;
    bulk.partners = partners;
    bulk.customers = customers;
    QTextStream err(stderr);
    err << "generating " << vouchers << " vouchers into " << path << Qt::endl;
    const Result<void> created =
        DemoWorkspace::create(path, demo, bulk, false, [&](qint64 done, qint64 total) {
            err << "\rvouchers: " << done << " of " << total << Qt::flush;
            if (done == total)
                err << Qt::endl;
            return true;
        });
    if (!created) {
        *error = created.error().message();
        return false;
    }
    return true;
}

QJsonObject BenchWorkspace::describe(const QString &path)
{
    QString error;
    const std::unique_ptr<Database> db = Database::open(path, &error);
    if (!db)
        return {{u"path"_s, path}, {u"error"_s, error}};
    return {{u"path"_s, path},
            {u"list_rows"_s, double(scalar(*db, u"SELECT COUNT(*) FROM voucher_list"_s))},
            {u"vouchers"_s, double(scalar(*db, u"SELECT COUNT(*) FROM vouchers"_s))},
            {u"customers"_s, double(scalar(*db, u"SELECT COUNT(*) FROM customers"_s))},
            {u"partners"_s, double(scalar(*db, u"SELECT COUNT(*) FROM partners"_s))},
            {u"file_mb"_s, std::round(double(QFileInfo(path).size()) / 1048576.0)}};
}
