#include "ui/quotaheader.h"

#include "core/commands/session.h"
#include "ui/widgets/displayformat.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

#include <algorithm>

QuotaHeader::QuotaHeader(Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_total(new QLabel)
    , m_detail(new QLabel)
    , m_bar(new QProgressBar)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    QFont bold = m_total->font();
    bold.setBold(true);
    m_total->setFont(bold);
    m_total->setAlignment(Qt::AlignRight);
    m_detail->setAlignment(Qt::AlignRight);
    m_bar->setTextVisible(false);
    m_bar->setMaximumHeight(6);
    m_bar->setRange(0, 1000);
    m_bar->setAccessibleName(tr("Quota used"));
    layout->addWidget(m_total);
    layout->addWidget(m_detail);
    layout->addWidget(m_bar);
    setToolTip(tr("The quota pool caps the face value the vendor can approve for your partner. "
                  "Pending applications reserve nothing."));

    connect(&m_session, &Session::changed, this, [this](Session::Changes changes) {
        if (changes &
            (Session::Change::Partner | Session::Change::Applications | Session::Change::Vouchers))
            refresh();
    });
    refresh();
}

void QuotaHeader::refresh()
{
    const auto partner = m_session.partner();
    setVisible(partner.has_value());
    if (!partner)
        return;
    const qint64 left = partner->quotaMinor - partner->issuedMinor;
    m_total->setText(
        tr("Quota %1").arg(DisplayFormat::money(partner->quotaMinor, partner->currency)));
    m_detail->setText(tr("issued %1 · left %2")
                          .arg(DisplayFormat::money(partner->issuedMinor, partner->currency),
                               DisplayFormat::money(left, partner->currency)));
    const int used =
        partner->quotaMinor > 0
            ? int(std::clamp<qint64>(partner->issuedMinor * 1000 / partner->quotaMinor, 0, 1000))
            : 0;
    m_bar->setValue(used);
    setAccessibleName(summaryText());
}

QString QuotaHeader::summaryText() const
{
    return m_total->text() + u' ' + m_detail->text();
}
