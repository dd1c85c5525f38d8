#include "core/store/requesthash.h"

#include "core/store/database.h"

#include <QCryptographicHash>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

QString RequestHash::of(const QJsonObject &request)
{
    // QJsonObject keeps its keys sorted, so the compact form is canonical.
    const QByteArray canonical = QJsonDocument(request).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
        QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
}

std::optional<QString> RequestHash::stored(const Database &db, const QString &table,
                                           const QUuid &id)
{
    SqlStatement query = db.prepare(u"SELECT request_hash FROM "_s + table + u" WHERE id = :id"_s);
    query.bind(u":id"_s, id).exec();
    if (!query.next())
        return std::nullopt;
    return query.text(0);
}
