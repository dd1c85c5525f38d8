#include "requesthash.h"

#include <QCryptographicHash>
#include <QJsonDocument>

QString RequestHash::of(const QJsonObject &request)
{
    // QJsonObject keeps its keys sorted, so the compact form is canonical.
    const QByteArray canonical = QJsonDocument(request).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
        QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
}
