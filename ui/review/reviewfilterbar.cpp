#include "ui/review/reviewfilterbar.h"

#include "core/commands/session.h"
#include "core/domain/money.h"
#include "core/repositories/partnerrepository.h"
#include "core/store/storeerror.h"
#include "ui/widgets/clearbutton.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/fieldmessage.h"
#include "ui/widgets/partnerchoice.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {
// A label whose mnemonic moves the focus to `buddy`.
QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text);
    label->setBuddy(buddy);
    return label;
}
} // namespace

ReviewFilterBar::ReviewFilterBar(Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_partner(new QComboBox)
    , m_kind(new QComboBox)
    , m_min(new QLineEdit)
    , m_max(new QLineEdit)
    , m_minMessage(new FieldMessage(m_min))
    , m_maxMessage(new FieldMessage(m_max))
{
    m_partner->setObjectName(u"partnerFilter"_s);
    m_partner->setAccessibleName(tr("Partner"));
    m_partner->setToolTip(tr("Show only one partner's applications"));
    m_partner->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    reloadPartners();

    m_kind->setObjectName(u"kindFilter"_s);
    m_kind->addItem(tr("All kinds"), -1);
    m_kind->addItem(voucherKindDisplayName(VoucherKind::Universal), int(VoucherKind::Universal));
    m_kind->addItem(voucherKindDisplayName(VoucherKind::Specific), int(VoucherKind::Specific));
    m_kind->setAccessibleName(tr("Kind"));
    m_kind->setToolTip(tr("Show only universal or only specific product vouchers"));

    for (QLineEdit *field : {m_min, m_max}) {
        ClearButton::enable(field);
        field->setMaximumWidth(130);
        connect(field, &QLineEdit::editingFinished, this, &ReviewFilterBar::update);
    }
    m_min->setObjectName(u"minAmount"_s);
    m_min->setPlaceholderText(tr("min"));
    m_min->setAccessibleName(tr("Minimum face value"));
    m_min->setToolTip(tr("Show applications with at least this face value (press Enter)"));
    m_max->setObjectName(u"maxAmount"_s);
    m_max->setPlaceholderText(tr("max"));
    m_max->setAccessibleName(tr("Maximum face value"));
    m_max->setToolTip(tr("Show applications with at most this face value (press Enter)"));

    connect(m_partner, &QComboBox::currentIndexChanged, this, &ReviewFilterBar::update);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ReviewFilterBar::update);

    // Messages sit under their field, so the bar grows a line instead of shifting sideways.
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(6);
    layout->setVerticalSpacing(2);
    layout->addWidget(buddyLabel(tr("&Partner:"), m_partner), 0, 0);
    layout->addWidget(m_partner, 0, 1);
    layout->addWidget(buddyLabel(tr("&Kind:"), m_kind), 0, 2);
    layout->addWidget(m_kind, 0, 3);
    layout->addWidget(buddyLabel(tr("A&mount:"), m_min), 0, 4);
    layout->addWidget(m_min, 0, 5);
    layout->addWidget(new QLabel(u"–"_s), 0, 6);
    layout->addWidget(m_max, 0, 7);
    layout->addWidget(m_minMessage, 1, 4, 1, 2);
    layout->addWidget(m_maxMessage, 1, 7, 1, 1);
    layout->setColumnStretch(8, 1);

    setTabOrder(m_partner, m_kind);
    setTabOrder(m_kind, m_min);
    setTabOrder(m_min, m_max);
}

void ReviewFilterBar::reloadPartners()
{
    QList<Partner> partners;
    try {
        partners = PartnerRepository(m_session.db()).all();
    } catch (const StoreError &) {
        // The queue's own read reports the store's trouble; the combo keeps what it had.
        return;
    }
    PartnerChoice::fill(m_partner, partners);
    m_currencies.clear();
    for (const Partner &partner : std::as_const(partners))
        m_currencies.insert(partner.id, partner.currency);
}

// Amounts are typed in the chosen partner's currency; with every partner, in the first one's
// (partners share the vendor's currency in practice, and CNY and USD have the same minor unit).
QString ReviewFilterBar::currency() const
{
    const QUuid partnerId = m_partner->currentData().toUuid();
    if (!partnerId.isNull())
        return m_currencies.value(partnerId, u"CNY"_s);
    return m_currencies.isEmpty() ? u"CNY"_s : m_currencies.constBegin().value();
}

std::optional<qint64> ReviewFilterBar::amountOf(QLineEdit *field, FieldMessage *message,
                                                bool *ok) const
{
    *ok = true;
    const QString text = field->text().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    QString error;
    const auto money = Money::parse(text, currency(), QLocale(), &error);
    if (!money) {
        message->showMessage(error);
        *ok = false;
        return std::nullopt;
    }
    if (money->minor() < 0) {
        message->showMessage(tr("Enter an amount of zero or more."));
        *ok = false;
        return std::nullopt;
    }
    return money->minor();
}

void ReviewFilterBar::update()
{
    m_minMessage->clearMessage();
    m_maxMessage->clearMessage();
    ReviewQueueFilter filter;
    filter.partnerId = m_partner->currentData().toUuid();
    if (const int kind = m_kind->currentData().toInt(); kind >= 0)
        filter.kind = VoucherKind(kind);

    bool minOk = false;
    bool maxOk = false;
    const auto min = amountOf(m_min, m_minMessage, &minOk);
    const auto max = amountOf(m_max, m_maxMessage, &maxOk);
    if (minOk && maxOk && min && max && *min > *max) {
        m_maxMessage->showMessage(tr("The maximum is below the minimum (%1).")
                                      .arg(DisplayFormat::money(*min, currency())));
        maxOk = false;
    }
    // A range that does not make sense keeps the one the list shows; partner and kind apply.
    if (minOk && maxOk) {
        filter.minFaceMinor = min;
        filter.maxFaceMinor = max;
    } else {
        filter.minFaceMinor = m_filter.minFaceMinor;
        filter.maxFaceMinor = m_filter.maxFaceMinor;
    }
    if (filter == m_filter)
        return;
    m_filter = filter;
    emit filterChanged(m_filter);
}
