#include "ui/review/reviewdetailpanel.h"

#include "core/commands/session.h"
#include "core/store/storeerror.h"
#include "ui/review/reviewqueuemodel.h"
#include "ui/templates/productscope.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/statusstyle.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLoggingCategory>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcReviewDetail, "voucherdesk.ui.review")

QGroupBox *group(const QString &title, QFormLayout **form)
{
    auto *box = new QGroupBox(title);
    *form = new QFormLayout(box);
    (*form)->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    (*form)->setLabelAlignment(Qt::AlignLeft);
    return box;
}
} // namespace

ReviewDetailPanel::ReviewDetailPanel(Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_title(new QLabel)
    , m_status(new QLabel)
    , m_scenario(valueLabel(u"scenario"_s))
    , m_kind(valueLabel(u"kind"_s))
    , m_faceValue(valueLabel(u"faceValue"_s))
    , m_validity(valueLabel(u"validity"_s))
    , m_payMode(valueLabel(u"payMode"_s))
    , m_minSpend(valueLabel(u"minSpend"_s))
    , m_products(valueLabel(u"products"_s))
    , m_customerName(valueLabel(u"customerName"_s))
    , m_uin(valueLabel(u"uin"_s))
    , m_eligible(valueLabel(u"eligible"_s))
    , m_partnerName(valueLabel(u"partnerName"_s))
    , m_quota(valueLabel(u"quotaLeft"_s))
    , m_recent(valueLabel(u"recentDecisions"_s))
    , m_dates(valueLabel(u"dates"_s))
{
    m_emptyState = new EmptyState(createContent());
    m_emptyState->setObjectName(u"detailEmptyState"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_emptyState);
    showApplication({});
}

QLabel *ReviewDetailPanel::valueLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QWidget *ReviewDetailPanel::createContent()
{
    m_title->setObjectName(u"title"_s);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_title->setFont(titleFont);
    m_status->setObjectName(u"decision"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    // The status as a band of its own: a decision's reason may be long and wraps there.
    auto *header = new QVBoxLayout;
    header->setSpacing(4);
    header->addWidget(m_title);
    header->addWidget(m_dates);
    header->addWidget(m_status);

    auto *scenarioBox = new QGroupBox(tr("Testing scenario"));
    auto *scenarioLayout = new QVBoxLayout(scenarioBox);
    scenarioLayout->addWidget(m_scenario);

    QFormLayout *snapshotForm = nullptr;
    QGroupBox *snapshotBox = group(tr("Template snapshot"), &snapshotForm);
    snapshotForm->addRow(tr("Kind:"), m_kind);
    snapshotForm->addRow(tr("Face value:"), m_faceValue);
    snapshotForm->addRow(tr("Validity:"), m_validity);
    snapshotForm->addRow(tr("Pay mode:"), m_payMode);
    snapshotForm->addRow(tr("Min spend:"), m_minSpend);
    snapshotForm->addRow(tr("Products:"), m_products);

    QFormLayout *customerForm = nullptr;
    QGroupBox *customerBox = group(tr("Customer"), &customerForm);
    customerForm->addRow(tr("Name:"), m_customerName);
    customerForm->addRow(tr("UIN:"), m_uin);
    customerForm->addRow(tr("Eligible:"), m_eligible);

    QFormLayout *partnerForm = nullptr;
    QGroupBox *partnerBox = group(tr("Partner"), &partnerForm);
    partnerForm->addRow(tr("Name:"), m_partnerName);
    partnerForm->addRow(tr("Quota left:"), m_quota);
    partnerForm->addRow(tr("Recent decisions:"), m_recent);

    auto *columns = new QHBoxLayout;
    columns->addWidget(snapshotBox, 4);
    columns->addWidget(customerBox, 3);
    columns->addWidget(partnerBox, 3);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(scenarioBox);
    layout->addLayout(columns);
    layout->addStretch();

    // A long scenario scrolls instead of squeezing the decision controls below the panel.
    auto *scroll = new QScrollArea;
    scroll->setObjectName(u"detailScroll"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setWidget(content);
    return scroll;
}

void ReviewDetailPanel::showApplication(const QUuid &applicationId, bool sent)
{
    m_applicationId = applicationId;
    m_sent = sent;
    reload();
}

void ReviewDetailPanel::reload()
{
    if (m_applicationId.isNull()) {
        showNothing(tr("Select an application to review it"),
                    tr("Its scenario, template snapshot, customer and the partner's quota "
                       "appear here."));
        return;
    }
    std::optional<ReviewQueueDetail> detail;
    try {
        detail = ReviewQueueQuery(m_session.db()).detail(m_applicationId, m_session.now());
    } catch (const StoreError &error) {
        qCWarning(lcReviewDetail) << "reading an application failed:" << error.what();
        showNothing(tr("The details cannot be shown"),
                    tr("The application could not be read from the workspace. Try Refresh."));
        return;
    }
    if (!detail) {
        showNothing(tr("This application is no longer available"), {});
        return;
    }
    showDetail(*detail);
}

void ReviewDetailPanel::showNothing(const QString &title, const QString &hint)
{
    m_detail.reset();
    m_emptyState->setMessage(title, hint);
    m_emptyState->setEmpty(true);
}

void ReviewDetailPanel::showDetail(const ReviewQueueDetail &detail)
{
    m_detail = detail;
    const Application &application = detail.application;
    m_title->setText(
        QStringList{detail.customer.name, detail.partner.name, application.templateSnapshot.name}
            .join(u" · "_s));
    m_title->setAccessibleName(m_title->text());
    m_scenario->setText(application.scenario);
    m_scenario->setAccessibleName(tr("Scenario: %1").arg(application.scenario));
    showSnapshot(application.templateSnapshot);

    m_customerName->setText(detail.customer.name);
    m_uin->setText(detail.customer.uin);
    m_eligible->setText(detail.customer.eligible ? tr("Yes")
                                                 : tr("No — not eligible for product testing"));
    m_eligible->setStyleSheet(detail.customer.eligible
                                  ? QString()
                                  : u"color: %1;"_s.arg(ReviewQueueModel::overdueColor().name()));
    m_dates->setText(tr("Submitted %1 · review due %2")
                         .arg(DisplayFormat::dateTime(application.submittedAt),
                              DisplayFormat::dateTime(application.reviewDueAt)));
    showPartner(detail);
    updateStatus();
    m_emptyState->setEmpty(false);
}

void ReviewDetailPanel::showSnapshot(const VoucherTemplate &snapshot)
{
    m_kind->setText(voucherKindDisplayName(snapshot.kind));
    m_faceValue->setText(DisplayFormat::money(snapshot.faceValueMinor, snapshot.currency));
    m_validity->setText(tr("%n day(s) after issue", nullptr, snapshot.validityDays));
    m_payMode->setText(payModeDisplayName(snapshot.payMode));
    m_minSpend->setText(snapshot.minSpendMinor > 0
                            ? DisplayFormat::money(snapshot.minSpendMinor, snapshot.currency)
                            : tr("None"));
    ProductScope scope;
    try {
        scope = ProductScope::load(m_session.db(), m_session.now());
    } catch (const StoreError &error) {
        // Without the catalogue the codes stand in for the names.
        qCWarning(lcReviewDetail) << "reading the catalogue failed:" << error.what();
    }
    if (snapshot.kind == VoucherKind::Universal) {
        m_products->setText(tr("All except blocklist"));
        // An approval now snapshots the blocklist in effect now.
        m_products->setToolTip(scope.blocklistToolTip());
    } else {
        m_products->setText(DisplayFormat::list(scope.names(snapshot.productCodes)));
        m_products->setToolTip({});
    }
}

void ReviewDetailPanel::showPartner(const ReviewQueueDetail &detail)
{
    const QuotaPool pool = detail.quota();
    const qint64 face = detail.application.templateSnapshot.faceValueMinor;
    m_partnerName->setText(detail.partner.name);
    QString quota = tr("%1 of %2")
                        .arg(DisplayFormat::money(pool.remainingMinor(), pool.currency()),
                             DisplayFormat::money(pool.totalMinor(), pool.currency()));
    const bool insufficient = detail.application.status == ApplicationStatus::PendingReview &&
                              face > pool.remainingMinor();
    if (insufficient)
        quota += u'\n' + tr("Not enough for this face value: approval will be refused.");
    m_quota->setText(quota);
    m_quota->setStyleSheet(
        insufficient ? u"color: %1;"_s.arg(ReviewQueueModel::overdueColor().name()) : QString());
    //: The partner's decided applications; %3 is the number of days looked back.
    m_recent->setText(tr("%1 approved, %2 rejected (last %3 days)")
                          .arg(DisplayFormat::count(detail.recentlyApproved),
                               DisplayFormat::count(detail.recentlyRejected))
                          .arg(ReviewQueueDetail::RecentDays));
}

bool ReviewDetailPanel::isDecidable() const
{
    return m_detail && !m_sent && m_detail->application.status == ApplicationStatus::PendingReview;
}

QString ReviewDetailPanel::statusText() const
{
    return m_detail ? m_status->text() : QString();
}

QString ReviewDetailPanel::decisionText(const ReviewQueueDetail &detail)
{
    const Application &application = detail.application;
    const QString who =
        detail.reviewerName.isEmpty() ? tr("another reviewer") : detail.reviewerName;
    switch (application.status) {
    case ApplicationStatus::PendingReview:
        break;
    case ApplicationStatus::Approved:
        if (application.reviewComment.isEmpty()) {
            return tr("Approved by %1 at %2")
                .arg(who, DisplayFormat::dateTime(application.reviewedAt));
        }
        return tr("Approved by %1 at %2: “%3”")
            .arg(who, DisplayFormat::dateTime(application.reviewedAt), application.reviewComment);
    case ApplicationStatus::Rejected:
        return tr("Rejected: %1 (by %2 at %3)")
            .arg(application.rejectReason, who, DisplayFormat::dateTime(application.reviewedAt));
    case ApplicationStatus::Cancelled:
        return tr("Cancelled by the partner at %1")
            .arg(DisplayFormat::dateTime(application.cancelledAt));
    }
    return {};
}

void ReviewDetailPanel::updateStatus()
{
    if (!m_detail)
        return;
    QString text;
    VoucherListStatus style = VoucherListStatus::PendingReview;
    switch (m_detail->application.status) {
    case ApplicationStatus::PendingReview:
        text = m_sent ? tr("Decision sent — waiting for the server") : tr("Pending review");
        style = m_sent ? VoucherListStatus::Cancelled : VoucherListStatus::PendingReview;
        break;
    case ApplicationStatus::Approved:
        style = VoucherListStatus::Unused;
        break;
    case ApplicationStatus::Rejected:
        style = VoucherListStatus::Rejected;
        break;
    case ApplicationStatus::Cancelled:
        style = VoucherListStatus::Cancelled;
        break;
    }
    if (text.isEmpty())
        text = decisionText(*m_detail);
    const QColor color = StatusStyle::color(style);
    m_status->setText(text);
    m_status->setAccessibleName(tr("Status: %1").arg(text));
    m_status->setStyleSheet(
        u"QLabel { background: %1; color: %2; border-radius: 6px; padding: 4px 10px; }"_s.arg(
            color.lighter(185).name(), color.darker(130).name()));
}
