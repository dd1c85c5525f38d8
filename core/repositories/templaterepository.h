#pragma once

#include "core/domain/vouchertemplate.h"

#include <QList>

#include <optional>

class Database;

struct TemplateFilter
{
    QUuid partnerId; // null: every partner's
    QString nameContains;
    std::optional<VoucherKind> kind;
    std::optional<bool> locked;
    QDateTime createdFrom; // inclusive; invalid: open
    QDateTime createdTo;   // exclusive; invalid: open
    int offset = 0;
    int limit = 200;
};

// Rows of `templates`. Throws StoreError.
class TemplateRepository
{
public:
    explicit TemplateRepository(const Database &db)
        : m_db(db)
    {}

    std::optional<VoucherTemplate> find(const QUuid &id) const;
    std::optional<QString> requestHash(const QUuid &id) const;
    // Whether the partner has a template of this name (case-insensitive), other than exceptId.
    bool nameTaken(const QUuid &partnerId, const QString &name, const QUuid &exceptId = {}) const;
    QList<VoucherTemplate> list(const TemplateFilter &filter) const;
    qint64 count(const TemplateFilter &filter) const;

    void insert(const VoucherTemplate &tmpl, const QString &requestHash) const;
    // Replaces the editable fields if the row is still at expectedVersion and unlocked;
    // false otherwise. The stored version becomes expectedVersion + 1.
    bool update(const VoucherTemplate &tmpl, int expectedVersion) const;
    // Locks the template (first submitted application); true if this call locked it.
    bool lock(const QUuid &id, qint64 rev) const;
    // Deletes the template if it is still unlocked, leaving a tombstone for the change feed;
    // false otherwise.
    bool removeUnlocked(const VoucherTemplate &tmpl, qint64 rev) const;
    // The rows whose rev is in (after, upTo], of one partner (every partner's when null): what
    // a page of the change feed (ChangeFeed) carries.
    QList<VoucherTemplate> revised(qint64 after, qint64 upTo, const QUuid &partnerId = {}) const;

    // The template columns in readTemplate()'s order, qualified with a table alias.
    static QString columns(const QString &alias);
    static VoucherTemplate readTemplate(const class SqlStatement &row, int firstColumn = 0);

private:
    const Database &m_db;
};
