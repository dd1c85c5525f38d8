#pragma once

#include "core/domain/partner.h"

#include <QDialog>

class FieldMessage;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class Session;

// An administrator sets a partner's total quota. The new total is typed as money in the
// partner's currency and may not drop below what the partner already has issued; the dialog
// says so under the field and sends nothing until it is right.
class SetQuotaDialog : public QDialog
{
    Q_OBJECT

public:
    // `partnerId` preselects a partner; null starts with the first one.
    explicit SetQuotaDialog(Session &session, const QUuid &partnerId = {},
                            QWidget *parent = nullptr);

    // After acceptance: what happened, in a sentence for the opener's status bar.
    QString resultMessage() const { return m_result; }

private:
    void loadPartners(const QUuid &partnerId);
    const Partner *currentPartner() const;
    void showPartner();
    void submit();

    Session &m_session;
    QList<Partner> m_partners;
    QComboBox *m_partner;
    QLabel *m_current;
    QLineEdit *m_quota;
    FieldMessage *m_quotaMessage;
    QLabel *m_formMessage;
    QDialogButtonBox *m_buttons;
    QString m_result;
};
