#include "ui/admin/setquotadialog.h"

#include "core/commands/session.h"
#include "core/domain/money.h"
#include "core/repositories/partnerrepository.h"
#include "core/rules/quotapool.h"
#include "core/store/storeerror.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/fieldmessage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SetQuotaDialog::SetQuotaDialog(Session &session, const QUuid &partnerId, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_partner(new QComboBox)
    , m_current(new QLabel)
    , m_quota(new QLineEdit)
    , m_quotaMessage(new FieldMessage(m_quota))
    , m_formMessage(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Set Partner Quota"));
    m_partner->setObjectName(u"partner"_s);
    m_partner->setAccessibleName(tr("Partner"));
    m_current->setObjectName(u"currentQuota"_s);
    m_current->setTextFormat(Qt::PlainText);
    m_current->setWordWrap(true);
    m_quota->setObjectName(u"quota"_s);
    m_quota->setAccessibleName(tr("New total quota"));
    m_quota->setToolTip(tr("The partner's whole quota pool, not an amount to add"));
    m_formMessage->setObjectName(u"formMessage"_s);
    m_formMessage->setStyleSheet(FieldMessage::errorStyleSheet());
    m_formMessage->setWordWrap(true);
    m_formMessage->setTextFormat(Qt::PlainText);
    m_formMessage->hide();

    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Set Quota"));
    ok->setAccessibleName(tr("Set Quota"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Partner:"), m_partner);
    form->addRow(QString(), m_current);
    auto *quotaLabel = new QLabel(tr("&New total quota:"));
    quotaLabel->setBuddy(m_quota);
    form->addRow(quotaLabel, FieldMessage::wrap(m_quota, m_quotaMessage));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_formMessage);
    layout->addStretch();
    layout->addWidget(m_buttons);

    loadPartners(partnerId);
    connect(m_partner, &QComboBox::currentIndexChanged, this, &SetQuotaDialog::showPartner);
    connect(m_quota, &QLineEdit::textEdited, m_quotaMessage, &FieldMessage::clearMessage);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SetQuotaDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    showPartner();
    setMinimumWidth(460);
}

void SetQuotaDialog::loadPartners(const QUuid &partnerId)
{
    try {
        m_partners = PartnerRepository(m_session.db()).all();
    } catch (const StoreError &) {
        m_partners.clear();
        m_formMessage->setText(tr("The partners could not be read from the workspace."));
        m_formMessage->show();
    }
    for (const Partner &partner : std::as_const(m_partners))
        m_partner->addItem(partner.name, partner.id);
    const int index = m_partner->findData(partnerId);
    m_partner->setCurrentIndex(index >= 0 ? index : 0);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_partners.isEmpty());
}

const Partner *SetQuotaDialog::currentPartner() const
{
    const int index = m_partner->currentIndex();
    return index >= 0 && index < m_partners.size() ? &m_partners.at(index) : nullptr;
}

void SetQuotaDialog::showPartner()
{
    m_quotaMessage->clearMessage();
    const Partner *partner = currentPartner();
    if (!partner) {
        m_current->clear();
        return;
    }
    const QuotaPool pool(partner->quotaMinor, partner->issuedMinor, partner->currency);
    m_current->setText(tr("Now %1 · issued %2 · left %3")
                           .arg(DisplayFormat::money(pool.totalMinor(), pool.currency()),
                                DisplayFormat::money(pool.issuedMinor(), pool.currency()),
                                DisplayFormat::money(pool.remainingMinor(), pool.currency())));
    m_current->setAccessibleName(m_current->text());
    m_quota->setText(Money(partner->quotaMinor, partner->currency).toEditString(QLocale()));
    m_quota->setPlaceholderText(Money(0, partner->currency).format());
    m_quota->selectAll();
}

void SetQuotaDialog::submit()
{
    const Partner *partner = currentPartner();
    if (!partner)
        return;
    m_formMessage->hide();
    m_quotaMessage->clearMessage();
    QString error;
    const auto money = Money::parse(m_quota->text(), partner->currency, QLocale(), &error);
    if (!money) {
        m_quotaMessage->showMessage(error);
        m_quota->setFocus();
        return;
    }
    // The pool's own rule, checked here so the message sits under the field at once.
    const QuotaPool pool(partner->quotaMinor, partner->issuedMinor, partner->currency);
    if (const auto refused = pool.checkNewTotal(money->minor())) {
        m_quotaMessage->showMessage(refused->message());
        m_quota->setFocus();
        return;
    }
    const QString name = partner->name;
    const QString amount = money->format();
    const Result<Partner> result = m_session.commands().setQuota(partner->id, money->minor());
    if (!result) {
        const CommandError &refusal = result.error();
        // Issued may have grown since the dialog read it: still the field's problem.
        if (refusal.code() == u"FailedOperation.QuotaBelowIssued"_s ||
            refusal.kind() == CommandError::Kind::InvalidParameter) {
            m_quotaMessage->showMessage(refusal.message());
            m_quota->setFocus();
        } else {
            m_formMessage->setText(refusal.message());
            m_formMessage->show();
        }
        return;
    }
    if (m_session.commands().defersDecisions()) {
        m_result =
            tr("Sent — waiting for the server: setting the quota of %1 to %2.").arg(name, amount);
    } else {
        m_result = tr("The quota of %1 is now %2.").arg(name, amount);
        m_session.notifyChanged(Session::Change::Partner);
    }
    accept();
}
