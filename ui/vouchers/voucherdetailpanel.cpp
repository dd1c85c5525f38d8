#include "ui/vouchers/voucherdetailpanel.h"

#include "core/commands/session.h"
#include "ui/vouchers/deductiontablemodel.h"
#include "ui/vouchers/paydialog.h"
#include "ui/vouchers/productscopeview.h"
#include "ui/vouchers/vouchertimeline.h"
#include "ui/widgets/badgedelegate.h"
#include "ui/widgets/displayformat.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/fieldmessage.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/statusstyle.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
constexpr int kBarSteps = 1000;
}

VoucherDetailPanel::VoucherDetailPanel(Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_title(new QLabel)
    , m_status(new QLabel)
    , m_cancelButton(new QPushButton(Icons::get(u"cancel"_s), tr("Ca&ncel review")))
    , m_payButton(new QPushButton(Icons::get(u"pay"_s), tr("&Pay with voucher…")))
    , m_invalidateButton(new QPushButton(Icons::get(u"delete"_s), tr("&Invalidate voucher…")))
    , m_message(new QLabel)
    , m_timeline(new VoucherTimeline)
    , m_balanceLabel(new QLabel)
    , m_balanceBar(new QProgressBar)
    , m_scope(new ProductScopeView)
    , m_usageBox(new QGroupBox)
    , m_usageModel(new DeductionTableModel(this))
    , m_usageView(new QTableView)
{
    m_emptyState = new EmptyState(createContent());
    m_emptyState->setObjectName(u"emptyState"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_emptyState);

    connect(m_cancelButton, &QPushButton::clicked, this, &VoucherDetailPanel::cancelReview);
    connect(m_payButton, &QPushButton::clicked, this, &VoucherDetailPanel::payWithVoucher);
    connect(m_invalidateButton, &QPushButton::clicked, this,
            &VoucherDetailPanel::invalidateVoucher);
    connect(&m_session, &Session::changed, this, &VoucherDetailPanel::onSessionChanged);
    showApplication({});
}

QWidget *VoucherDetailPanel::createContent()
{
    // Names for the widget tests and for anyone scripting the UI.
    m_title->setObjectName(u"title"_s);
    m_status->setObjectName(u"status"_s);
    m_message->setObjectName(u"message"_s);
    m_balanceLabel->setObjectName(u"balance"_s);
    m_balanceBar->setObjectName(u"balanceBar"_s);
    m_usageView->setObjectName(u"usage"_s);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    // Wraps rather than widening the splitter pane a long customer or template name.
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setTextFormat(Qt::PlainText);

    m_cancelButton->setAccessibleName(tr("Cancel review"));
    m_payButton->setAccessibleName(tr("Pay with voucher"));
    m_invalidateButton->setAccessibleName(tr("Invalidate voucher"));

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_status);
    header->addSpacing(12);
    header->addWidget(m_cancelButton);
    header->addWidget(m_payButton);
    header->addWidget(m_invalidateButton);

    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    auto *timelineBox = new QGroupBox(tr("Timeline"));
    auto *timelineLayout = new QVBoxLayout(timelineBox);
    timelineLayout->addWidget(m_timeline);
    timelineLayout->addStretch();

    auto *balanceBox = new QGroupBox(tr("Balance"));
    m_balanceLabel->setTextFormat(Qt::PlainText);
    m_balanceBar->setRange(0, kBarSteps);
    m_balanceBar->setTextVisible(false);
    m_balanceBar->setMaximumHeight(10);
    m_balanceBar->setAccessibleName(tr("Balance left"));
    auto *balanceLayout = new QVBoxLayout(balanceBox);
    balanceLayout->addWidget(m_balanceLabel);
    balanceLayout->addWidget(m_balanceBar);

    auto *left = new QVBoxLayout;
    left->addWidget(timelineBox, 1);
    left->addWidget(balanceBox);

    auto *scopeBox = new QGroupBox(tr("Product scope"));
    auto *scopeLayout = new QVBoxLayout(scopeBox);
    scopeLayout->addWidget(m_scope);

    m_usageView->setModel(m_usageModel);
    m_usageView->setAccessibleName(tr("Usage records"));
    m_usageView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_usageView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_usageView->setAlternatingRowColors(true);
    m_usageView->verticalHeader()->hide();
    QHeaderView *columns = m_usageView->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The product name gives way first when the pane is narrow.
    columns->setSectionResizeMode(DeductionTableModel::ProductColumn, QHeaderView::Stretch);
    m_usageView->setTextElideMode(Qt::ElideRight);
    m_usageView->setItemDelegate(new BadgeDelegate(m_usageView)); // the whole text as tooltip
    m_usageView->setWordWrap(false);
    m_usageEmpty = new EmptyState(m_usageView);
    m_usageEmpty->setObjectName(u"usageEmptyState"_s);
    auto *usageLayout = new QVBoxLayout(m_usageBox);
    usageLayout->addWidget(m_usageEmpty);

    auto *body = new QHBoxLayout;
    body->addLayout(left, 3);
    body->addWidget(scopeBox, 2);
    body->addWidget(m_usageBox, 6);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(header);
    layout->addWidget(m_message);
    layout->addLayout(body, 1);

    setTabOrder(m_cancelButton, m_payButton);
    setTabOrder(m_payButton, m_invalidateButton);
    setTabOrder(m_invalidateButton, m_usageView);
    // Where the pane is low (1024×700, a big font) the detail scrolls; squeezed, its wrapped
    // labels lost the bottom of their glyphs ("bv Li Wei." for "by Li Wei,").
    auto *scroll = new QScrollArea;
    scroll->setObjectName(u"detailScroll"_s);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    return scroll;
}

void VoucherDetailPanel::showApplication(const QUuid &applicationId)
{
    // A message is about the application it was shown for.
    if (applicationId != m_applicationId)
        clearMessage();
    m_applicationId = applicationId;
    reload();
}

void VoucherDetailPanel::reload()
{
    if (m_applicationId.isNull()) {
        showNothing(tr("Select a row to see its details"),
                    tr("The timeline, product scope, balance and usage records of the selected "
                       "application or voucher appear here."));
        return;
    }
    Result<VoucherDetail> detail =
        VoucherDetail::load(m_session.db(), m_session.actor(), m_applicationId, m_session.now());
    if (!detail) {
        const bool gone = detail.error().kind() == CommandError::Kind::NotFound;
        showNothing(gone ? tr("This application is no longer available")
                         : tr("The details cannot be shown"),
                    detail.error().message());
        return;
    }
    showDetail(detail.value());
}

void VoucherDetailPanel::showNothing(const QString &title, const QString &hint)
{
    m_detail.reset();
    m_timeline->clear();
    m_scope->clear();
    m_usageModel->clear();
    m_emptyState->setMessage(title, hint);
    m_emptyState->setEmpty(true);
    updateActions();
}

void VoucherDetailPanel::showDetail(const VoucherDetail &detail)
{
    m_detail = detail;
    const Application &application = detail.application;
    const VoucherTemplate &snapshot = application.templateSnapshot;
    // Without a voucher the title starts with the customer (it started with "— ·").
    QStringList parts{
        tr("%1 (%2)").arg(detail.customer.name, detail.customer.uin),
        voucherKindDisplayName(detail.voucher ? detail.voucher->kind : snapshot.kind),
        payModeDisplayName(detail.voucher ? detail.voucher->payMode : snapshot.payMode),
        snapshot.name,
    };
    if (detail.voucher)
        parts.prepend(detail.voucher->code);
    m_title->setText(parts.join(u" · "_s));
    m_title->setAccessibleName(m_title->text());

    const QColor color = StatusStyle::color(detail.status);
    m_status->setText(voucherListStatusDisplayName(detail.status));
    m_status->setAccessibleName(tr("Status: %1").arg(m_status->text()));
    m_status->setStyleSheet(
        u"QLabel { background: %1; color: %2; border-radius: 9px; padding: 2px 10px; }"_s.arg(
            color.lighter(185).name(), color.darker(130).name()));

    m_timeline->showDetail(detail, m_session.now());
    showBalance(detail);
    m_scope->showDetail(detail);
    showUsage(detail);
    m_emptyState->setEmpty(false);
    updateActions();
}

void VoucherDetailPanel::showBalance(const VoucherDetail &detail)
{
    const QString currency = detail.currency();
    const qint64 face = detail.faceValueMinor();
    if (!detail.voucher) {
        m_balanceLabel->setText(
            tr("Face value %1 · no voucher issued").arg(DisplayFormat::money(face, currency)));
        m_balanceBar->hide();
    } else {
        const qint64 balance = detail.voucher->balanceMinor;
        m_balanceLabel->setText(tr("%1 of %2 left")
                                    .arg(DisplayFormat::money(balance, currency),
                                         DisplayFormat::money(face, currency)));
        // Integer arithmetic: per mille of the face value, without floating point on money.
        m_balanceBar->setValue(face > 0 ? int(balance * kBarSteps / face) : 0);
        m_balanceBar->show();
    }
    m_balanceLabel->setAccessibleName(m_balanceLabel->text());
    m_balanceBar->setAccessibleDescription(m_balanceLabel->text());
}

void VoucherDetailPanel::showUsage(const VoucherDetail &detail)
{
    QHash<QString, QString> names;
    for (const Deduction &deduction : detail.deductions)
        names.insert(deduction.productCode, detail.productName(deduction.productCode));
    m_usageModel->setDeductions(detail.deductions, detail.currency(), names);
    m_usageBox->setTitle(
        tr("Usage records (%1)").arg(DisplayFormat::count(detail.deductions.size())));
    if (detail.voucher) {
        m_usageEmpty->setMessage(tr("No usage records yet"),
                                 tr("Payments with this voucher appear here."));
    } else if (detail.application.status == ApplicationStatus::Rejected) {
        m_usageEmpty->setMessage(tr("No voucher"),
                                 tr("The vendor rejected the application; no voucher was "
                                    "issued."));
    } else if (detail.application.status == ApplicationStatus::Cancelled) {
        m_usageEmpty->setMessage(tr("No voucher"),
                                 tr("The application was cancelled; no voucher was issued."));
    } else {
        m_usageEmpty->setMessage(tr("No voucher yet"),
                                 tr("A voucher is issued when the vendor approves the "
                                    "application; its payments appear here."));
    }
    m_usageEmpty->setEmpty(detail.deductions.isEmpty());
}

void VoucherDetailPanel::updateActions()
{
    const bool shown = m_detail.has_value();
    m_cancelButton->setVisible(shown);
    m_payButton->setVisible(shown);
    const QString cannotCancel = cancelRefusal();
    m_cancelButton->setEnabled(shown && cannotCancel.isEmpty());
    m_cancelButton->setToolTip(cannotCancel.isEmpty()
                                   ? tr("Withdraw this application; the vendor will not review it.")
                                   : cannotCancel);
    const QString cannotPay = payRefusal();
    m_payButton->setEnabled(shown && cannotPay.isEmpty());
    m_payButton->setToolTip(cannotPay.isEmpty()
                                ? tr("Pay (part of) a bill of this customer with the voucher.")
                                : cannotPay);
    // Only an admin reclaims vouchers: the others never see the button.
    m_invalidateButton->setVisible(shown && m_session.actor().isAdmin());
    const QString cannotInvalidate = invalidateRefusal();
    m_invalidateButton->setEnabled(shown && cannotInvalidate.isEmpty());
    m_invalidateButton->setToolTip(
        cannotInvalidate.isEmpty()
            ? tr("Reclaim the voucher: it can no longer pay, and its unused balance returns to "
                 "the partner's quota.")
            : cannotInvalidate);
}

QString VoucherDetailPanel::cancelRefusal() const
{
    if (!m_detail)
        return {};
    if (!m_session.actor().isPartnerManager())
        return tr("Only the partner that applied can cancel an application.");
    const ApplicationStatus status = m_detail->application.status;
    if (status != ApplicationStatus::PendingReview) {
        //: %1 is the application's status, e.g. "Approved".
        return tr("Only an application pending review can be cancelled. Current status: %1.")
            .arg(applicationStatusDisplayName(status));
    }
    return {};
}

QString VoucherDetailPanel::payRefusal() const
{
    if (!m_detail)
        return {};
    if (!m_session.actor().isPartnerManager())
        return tr("Only the partner that holds a voucher can pay with it.");
    if (!m_detail->voucher && m_detail->application.status != ApplicationStatus::PendingReview)
        return tr("The application was not approved: there is no voucher to pay with.");
    if (!m_detail->voucher)
        return tr(
            "There is no voucher yet: it is issued when the vendor approves the application.");
    const Voucher &voucher = *m_detail->voucher;
    const QDateTime now = m_session.now();
    if (voucher.isUsableAt(now))
        return {};
    switch (voucher.statusAt(now)) {
    case VoucherStatus::Expired:
        return tr("The voucher expired on %1.").arg(DisplayFormat::dateTime(voucher.expiresAt));
    case VoucherStatus::UsedUp:
        return tr("The voucher has no balance left.");
    case VoucherStatus::Invalidated:
        return tr("The vendor invalidated the voucher.");
    case VoucherStatus::Unused:
    case VoucherStatus::PartiallyUsed:
        break;
    }
    return tr("The voucher takes effect on %1.").arg(DisplayFormat::dateTime(voucher.effectiveAt));
}

void VoucherDetailPanel::cancelReview()
{
    if (!m_detail || !cancelRefusal().isEmpty())
        return;
    const QUuid applicationId = m_applicationId;
    const int version = m_detail->application.version;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Cancel review"),
                                tr("Cancel the application for %1? The vendor will not review it.")
                                    .arg(m_detail->customer.name),
                                QMessageBox::Yes | QMessageBox::No, this);
    // The style's Yes/No icons read backwards here (a green tick on "Cancel application"):
    // each button gets the icon of what it does.
    box->button(QMessageBox::Yes)->setText(tr("Cancel application"));
    box->button(QMessageBox::Yes)->setIcon(Icons::get(u"cancel"_s));
    box->button(QMessageBox::No)->setText(tr("Keep application"));
    box->button(QMessageBox::No)->setIcon(Icons::get(u"apply"_s));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, applicationId, version] {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            confirmCancel(applicationId, version);
    });
    box->open();
}

void VoucherDetailPanel::confirmCancel(const QUuid &applicationId, int expectedVersion)
{
    const Result<Application> result =
        m_session.commands().cancelApplication(applicationId, expectedVersion);
    if (result)
        m_session.notifyChanged(Session::Change::Applications);
    if (applicationId != m_applicationId)
        return;
    if (result) {
        showMessage(tr("Application cancelled. The vendor will not review it."), false);
    } else {
        // Someone may have decided meanwhile: say why, and show the state as it is now.
        showMessage(result.error().message(), true);
    }
    reload();
}

void VoucherDetailPanel::payWithVoucher()
{
    if (!m_detail || !m_detail->voucher || !payRefusal().isEmpty())
        return;
    auto *dialog = new PayDialog(m_session, *m_detail->voucher, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QUuid applicationId = m_applicationId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, applicationId] {
        const std::optional<Deduction> paid = dialog->recorded();
        if (!paid || applicationId != m_applicationId || !m_detail || !m_detail->voucher)
            return;
        const QString currency = m_detail->voucher->currency;
        showMessage(tr("Paid %1 of order %2 (%3) with the voucher.")
                        .arg(DisplayFormat::money(paid->deductedMinor, currency), paid->orderId,
                             DisplayFormat::money(paid->orderAmountMinor, currency)),
                    false);
        reload();
    });
    dialog->open();
}

QString VoucherDetailPanel::invalidateRefusal() const
{
    if (!m_detail)
        return {};
    if (!m_session.actor().isAdmin())
        return tr("Only an administrator can invalidate vouchers.");
    if (!m_detail->voucher)
        return tr("There is no voucher to invalidate: none was issued for this application.");
    if (m_detail->voucher->invalidatedAt.isValid()) {
        return tr("The voucher was invalidated on %1.")
            .arg(DisplayFormat::dateTime(m_detail->voucher->invalidatedAt));
    }
    return {};
}

void VoucherDetailPanel::invalidateVoucher()
{
    if (!m_detail || !m_detail->voucher || !invalidateRefusal().isEmpty())
        return;
    const Voucher &voucher = *m_detail->voucher;
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Invalidate voucher"),
                        tr("Invalidate voucher %1 of customer %2? It can no longer pay, and its "
                           "unused balance %3 returns "
                           "to the partner's quota. This cannot be undone.")
                            .arg(voucher.code, m_detail->customer.name,
                                 DisplayFormat::money(voucher.balanceMinor, voucher.currency)),
                        QMessageBox::Yes | QMessageBox::No, this);
    box->button(QMessageBox::Yes)->setText(tr("Invalidate voucher"));
    box->button(QMessageBox::No)->setText(tr("Keep voucher"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QUuid voucherId = voucher.id;
    const QString code = voucher.code;
    connect(box, &QMessageBox::finished, this, [this, box, voucherId, code] {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            confirmInvalidate(voucherId, code);
    });
    box->open();
}

void VoucherDetailPanel::confirmInvalidate(const QUuid &voucherId, const QString &code)
{
    const QUuid applicationId = m_applicationId;
    const Result<Voucher> result = m_session.commands().invalidateVoucher(voucherId);
    if (result) {
        m_session.notifyChanged(Session::Change::Vouchers | Session::Change::Applications |
                                Session::Change::Partner);
    }
    if (applicationId != m_applicationId)
        return;
    if (!result) {
        showMessage(result.error().message(), true);
    } else if (m_session.commands().defersDecisions()) {
        showMessage(tr("Sent — waiting for the server: invalidate voucher %1.").arg(code), false);
    } else {
        showMessage(tr("Voucher %1 invalidated; %2 returned to the partner's quota.")
                        .arg(code, DisplayFormat::money(result.value().balanceMinor,
                                                        result.value().currency)),
                    false);
    }
    reload();
}

void VoucherDetailPanel::onSessionChanged(Session::Changes changes)
{
    const Session::Changes relevant = Session::Change::Applications | Session::Change::Vouchers |
                                      Session::Change::Customers | Session::Change::Templates;
    if (!m_applicationId.isNull() && (changes & relevant))
        reload();
}

void VoucherDetailPanel::showMessage(const QString &message, bool error)
{
    m_message->setText(message);
    m_message->setAccessibleName(message);
    m_message->setStyleSheet(error ? FieldMessage::errorStyleSheet() : u"color: #15803d;"_s);
    m_message->show();
}

void VoucherDetailPanel::clearMessage()
{
    m_message->clear();
    m_message->setAccessibleName({});
    m_message->hide();
}
