#pragma once

#include <QString>

// Argon2id password hashes through libsodium (crypto_pwhash_str). The hash string carries its
// own salt and cost, so verification needs nothing else.
class PasswordHasher
{
public:
    enum class Cost {
        Interactive, // libsodium's interactive limits: for real accounts
        Minimal,     // the smallest limits libsodium accepts: for tests and generated data
    };

    explicit PasswordHasher(Cost cost = Cost::Interactive);

    // Empty on failure (out of memory).
    QString hash(const QString &password) const;
    bool verify(const QString &hash, const QString &password) const;
    // True when the hash was not made with exactly this hasher's algorithm and limits (weaker or
    // stronger; libsodium's crypto_pwhash_str_needs_rehash), or cannot be read.
    bool needsRehash(const QString &hash) const;

    // A hash of no real password, made once per cost: verifying against it takes as long as a
    // real verification.
    QString unknownUserHash() const;

private:
    unsigned long long m_opsLimit;
    size_t m_memLimit;
};
