#pragma once

#include "core/queries/reviewqueuequery.h"

#include <QWidget>

class FieldMessage;
class QComboBox;
class QLineEdit;
class Session;

// The review queue's conditions: partner, kind and a face value range. Partner and kind apply as
// soon as they change; an amount applies when the field is left or Return is pressed, and only
// while the range makes sense (a message under the field says what to fix).
class ReviewFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewFilterBar(Session &session, QWidget *parent = nullptr);

    ReviewQueueFilter filter() const { return m_filter; }
    // Re-reads the partners (a new one, a renamed one), keeping the chosen partner.
    void reloadPartners();

signals:
    void filterChanged(const ReviewQueueFilter &filter);

private:
    void update();
    // The amount typed into `field` in minor units: nullopt when empty, or with *ok false and a
    // message under the field when it is not an amount.
    std::optional<qint64> amountOf(QLineEdit *field, FieldMessage *message, bool *ok) const;
    QString currency() const;

    Session &m_session;
    QComboBox *m_partner;
    QComboBox *m_kind;
    QLineEdit *m_min;
    QLineEdit *m_max;
    FieldMessage *m_minMessage;
    FieldMessage *m_maxMessage;
    ReviewQueueFilter m_filter;
    QHash<QUuid, QString> m_currencies; // each partner's quota currency
};
