#include "core/base/passwordhasher.h"

#include <QByteArray>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace {
bool initialiseSodium()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}
} // namespace

PasswordHasher::PasswordHasher(Cost cost)
    : m_opsLimit(cost == Cost::Interactive ? crypto_pwhash_OPSLIMIT_INTERACTIVE
                                           : crypto_pwhash_OPSLIMIT_MIN)
    , m_memLimit(cost == Cost::Interactive ? crypto_pwhash_MEMLIMIT_INTERACTIVE
                                           : crypto_pwhash_MEMLIMIT_MIN)
{}

QString PasswordHasher::hash(const QString &password) const
{
    if (!initialiseSodium())
        return {};
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), quint64(utf8.size()), m_opsLimit, m_memLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return {};
    }
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &hash, const QString &password) const
{
    if (!initialiseSodium())
        return false;
    const QByteArray stored = hash.toLatin1();
    if (stored.isEmpty() || stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(), quint64(utf8.size())) ==
           0;
}

bool PasswordHasher::needsRehash(const QString &hash) const
{
    if (!initialiseSodium())
        return false;
    const QByteArray stored = hash.toLatin1();
    return crypto_pwhash_str_needs_rehash(stored.constData(), m_opsLimit, m_memLimit) != 0;
}

QString PasswordHasher::unknownUserHash() const
{
    static const QString interactive = PasswordHasher(Cost::Interactive).hash(u"-"_s);
    static const QString minimal = PasswordHasher(Cost::Minimal).hash(u"-"_s);
    return m_opsLimit == crypto_pwhash_OPSLIMIT_MIN ? minimal : interactive;
}
