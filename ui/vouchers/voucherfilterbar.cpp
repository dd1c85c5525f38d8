#include "ui/vouchers/voucherfilterbar.h"

#include "core/commands/session.h"
#include "core/repositories/customerrepository.h"
#include "core/repositories/partnerrepository.h"
#include "core/store/storeerror.h"
#include "ui/vouchers/optionaldateedit.h"
#include "ui/vouchers/voucherlistlog.h"
#include "ui/widgets/clearbutton.h"
#include "ui/widgets/fieldmessage.h"
#include "ui/widgets/flowlayout.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/partnerchoice.h"
#include "ui/widgets/searchfield.h"

#include <QAction>
#include <QCheckBox>
#include <QCollator>
#include <QComboBox>
#include <QCompleter>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QString customerText(const Customer &customer)
{
    return VoucherFilterBar::tr("%1 (%2)").arg(customer.name, customer.uin);
}

// A label whose mnemonic moves the focus to `buddy`.
QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text);
    label->setBuddy(buddy);
    return label;
}
} // namespace

VoucherFilterBar::VoucherFilterBar(Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_status(new QComboBox)
    , m_customer(new QLineEdit)
    , m_customerCompleter(new QCompleter(this))
    , m_customerSuggestions(new QStringListModel(this))
    , m_customerDelay(new QTimer(this))
    , m_kind(new QComboBox)
    , m_appliedFrom(new OptionalDateEdit([this] { return today(); }))
    , m_appliedTo(new OptionalDateEdit([this] { return today(); }))
    , m_expiresBefore(new OptionalDateEdit([this] { return today(); }))
    , m_positiveBalance(new QCheckBox(tr("&Balance > 0")))
    , m_search(new SearchField(tr("Code, customer, UIN…"),
                               tr("Search by voucher code, customer name or UIN")))
    , m_clearAction(new QAction(tr("C&lear filters"), this))
    , m_clearButton(new QToolButton)
    , m_exportButton(new QToolButton)
    , m_customerMessage(new FieldMessage(m_customer))
    , m_dateMessage(new FieldMessage(m_appliedTo))
{
    setUpChoices();
    setUpCustomer();
    setUpDates();
    setUpSearch();
    setUpButtons();
    layOut();
}

// Status, kind and "Balance > 0": each narrows the list as soon as it changes.
void VoucherFilterBar::setUpChoices()
{
    if (!m_session.actor().isPartnerManager()) {
        // Reviewers and admins see every partner's rows: they narrow to one here.
        m_partner = new QComboBox;
        m_partner->setObjectName(u"partnerFilter"_s);
        m_partner->setAccessibleName(tr("Partner"));
        m_partner->setToolTip(tr("Show only one partner's applications and vouchers"));
        reloadPartners();
        connect(m_partner, &QComboBox::currentIndexChanged, this, &VoucherFilterBar::update);
        connect(&m_session, &Session::changed, this, [this](Session::Changes changes) {
            if (changes & Session::Change::Partner)
                reloadPartners();
        });
    }
    m_status->setObjectName(u"statusFilter"_s);
    m_status->addItem(tr("All statuses"), -1);
    for (int s = int(VoucherListStatus::PendingReview); s <= int(VoucherListStatus::Invalidated);
         ++s)
        m_status->addItem(voucherListStatusDisplayName(VoucherListStatus(s)), s);
    m_status->setAccessibleName(tr("Status"));
    m_status->setToolTip(tr("Show only the rows in one status"));
    connect(m_status, &QComboBox::currentIndexChanged, this, &VoucherFilterBar::update);

    m_kind->setObjectName(u"kindFilter"_s);
    m_kind->addItem(tr("All kinds"), -1);
    m_kind->addItem(voucherKindDisplayName(VoucherKind::Specific), int(VoucherKind::Specific));
    m_kind->addItem(voucherKindDisplayName(VoucherKind::Universal), int(VoucherKind::Universal));
    m_kind->setAccessibleName(tr("Kind"));
    m_kind->setToolTip(tr("Show only specific product or only universal vouchers"));
    connect(m_kind, &QComboBox::currentIndexChanged, this, &VoucherFilterBar::update);

    m_positiveBalance->setObjectName(u"positiveBalance"_s);
    m_positiveBalance->setAccessibleName(tr("Balance greater than zero"));
    m_positiveBalance->setToolTip(tr("Only vouchers with money left to spend: issued, not "
                                     "expired, not invalidated, balance above zero"));
    connect(m_positiveBalance, &QCheckBox::toggled, this, &VoucherFilterBar::update);
}

// The customer is chosen from suggestions the store makes for the typed text.
void VoucherFilterBar::setUpCustomer()
{
    m_customer->setObjectName(u"customerFilter"_s);
    m_customer->setPlaceholderText(tr("All customers"));
    ClearButton::enable(m_customer);
    m_customer->setAccessibleName(tr("Customer"));
    m_customer->setToolTip(tr("Type part of a customer's name or the start of the UIN, then "
                              "choose the customer from the suggestions"));
    m_customer->setMinimumWidth(200);
    m_customerCompleter->setModel(m_customerSuggestions);
    // The store already matched the text (part of the name or UIN start): show every suggestion.
    m_customerCompleter->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_customerCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    m_customer->setCompleter(m_customerCompleter);
    m_customerDelay->setSingleShot(true);
    m_customerDelay->setInterval(SearchDelayMs / 2);
    connect(m_customerDelay, &QTimer::timeout, this, &VoucherFilterBar::suggestCustomers);
    connect(m_customer, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_customerMessage->clearMessage();
        if (!m_customerId.isNull()) {
            m_customerId = {};
            update(); // the typed text no longer names the chosen customer
        }
        if (text.trimmed().isEmpty())
            m_customerSuggestions->setStringList({});
        else
            m_customerDelay->start();
    });
    connect(m_customerCompleter, qOverload<const QString &>(&QCompleter::activated), this,
            &VoucherFilterBar::pickCustomer);
    connect(m_customer, &QLineEdit::returnPressed, this, &VoucherFilterBar::commitCustomerText);
}

void VoucherFilterBar::setUpDates()
{
    const QString anyDateHint = tr("Press Delete for any date.");
    m_appliedFrom->setObjectName(u"appliedFrom"_s);
    m_appliedFrom->setAccessibleName(tr("Applied from"));
    m_appliedFrom->setToolTip(
        tr("Applications submitted on or after this day. %1").arg(anyDateHint));
    m_appliedTo->setObjectName(u"appliedTo"_s);
    m_appliedTo->setAccessibleName(tr("Applied until"));
    m_appliedTo->setToolTip(
        tr("Applications submitted on or before this day. %1").arg(anyDateHint));
    m_expiresBefore->setObjectName(u"expiresBefore"_s);
    m_expiresBefore->setAccessibleName(tr("Expires before"));
    m_expiresBefore->setToolTip(tr("Vouchers that expire before this day. %1").arg(anyDateHint));
    for (OptionalDateEdit *edit : {m_appliedFrom, m_appliedTo, m_expiresBefore})
        connect(edit, &QDateEdit::dateChanged, this, &VoucherFilterBar::update);
}

// The free-text search waits for a pause in typing; Enter searches at once.
void VoucherFilterBar::setUpSearch()
{
    m_search->setObjectName(u"searchField"_s);
    m_search->setToolTip(tr("Part of a voucher code or customer name, or the start of a UIN "
                            "(Ctrl+F)"));
    m_search->setMinimumWidth(220);
    m_search->setDelay(SearchDelayMs);
    connect(m_search, &SearchField::searchChanged, this, &VoucherFilterBar::update);
}

void VoucherFilterBar::setUpButtons()
{
    m_clearAction->setToolTip(tr("Show every row again"));
    m_clearAction->setEnabled(false);
    connect(m_clearAction, &QAction::triggered, this, &VoucherFilterBar::clear);
    m_clearButton->setObjectName(u"clearFilters"_s);
    m_clearButton->setDefaultAction(m_clearAction);
    m_clearButton->setAccessibleName(tr("Clear filters"));
    m_exportButton->setObjectName(u"exportButton"_s);
    m_exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_exportButton->hide();
}

// Two rows (choices and search; dates, balance and buttons) and the messages below them, with
// the tab order following the rows. Each row wraps where the window is narrow (1024 px); a
// label never leaves its field.
void VoucherFilterBar::layOut()
{
    m_customer->setMinimumWidth(160);
    m_search->setMinimumWidth(200);
    auto *first = new FlowLayout;
    if (m_partner)
        first->addGroup({buddyLabel(tr("&Partner"), m_partner), m_partner});
    first->addGroup({buddyLabel(tr("S&tatus"), m_status), m_status});
    first->addGroup({buddyLabel(tr("C&ustomer"), m_customer), m_customer}, {m_customer});
    first->addGroup({buddyLabel(tr("&Kind"), m_kind), m_kind});
    first->addGroup({m_search}, {m_search});
    auto *second = new FlowLayout;
    //: Between the two dates of "Applied … to …".
    QLabel *to = buddyLabel(tr("t&o"), m_appliedTo);
    second->addGroup({buddyLabel(tr("&Applied"), m_appliedFrom), m_appliedFrom, to, m_appliedTo});
    second->addGroup({buddyLabel(tr("E&xpires before"), m_expiresBefore), m_expiresBefore});
    second->addGroup({m_positiveBalance});
    auto *spacer = new QWidget; // pushes the buttons to the end of their line
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
    spacer->setFixedHeight(1);
    second->addGroup({spacer}, {spacer});
    second->addGroup({m_clearButton, m_exportButton});
    auto *messages = new QHBoxLayout;
    messages->addWidget(m_customerMessage);
    messages->addWidget(m_dateMessage);
    messages->addStretch();
    auto *grid = new QVBoxLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);
    grid->addLayout(first);
    grid->addLayout(second);
    grid->addLayout(messages);

    QWidget *const order[] = {m_status,      m_customer,    m_kind,          m_search,
                              m_appliedFrom, m_appliedTo,   m_expiresBefore, m_positiveBalance,
                              m_clearButton, m_exportButton};
    for (size_t i = 1; i < std::size(order); ++i)
        setTabOrder(order[i - 1], order[i]);
    if (m_partner)
        setTabOrder(m_partner, m_status);
}

void VoucherFilterBar::setExportAction(QAction *action)
{
    m_exportButton->setDefaultAction(action);
    m_exportButton->setAccessibleName(action->toolTip());
    m_exportButton->show();
}

void VoucherFilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void VoucherFilterBar::reloadPartners()
{
    QList<Partner> partners;
    try {
        partners = PartnerRepository(m_session.db()).all();
    } catch (const StoreError &error) {
        qCWarning(lcVoucherList) << "reading the partners failed:" << error.what();
        return; // the combo keeps what it had; the list reports the store's trouble
    }
    QCollator collator{QLocale()};
    std::sort(partners.begin(), partners.end(), [&collator](const Partner &a, const Partner &b) {
        return collator.compare(a.name, b.name) < 0;
    });
    PartnerChoice::fill(m_partner, partners);
}

void VoucherFilterBar::clear()
{
    m_resetting = true;
    if (m_partner)
        m_partner->setCurrentIndex(0);
    m_status->setCurrentIndex(0);
    m_customer->clear();
    m_customerId = {};
    m_customerSuggestions->setStringList({});
    m_kind->setCurrentIndex(0);
    m_appliedFrom->clear();
    m_appliedTo->clear();
    m_expiresBefore->clear();
    m_positiveBalance->setChecked(false);
    m_search->clear();
    m_search->cancelPending();
    m_customerMessage->clearMessage();
    m_resetting = false;
    update();
}

void VoucherFilterBar::setCustomer(const Customer &customer)
{
    m_customerMessage->clearMessage();
    m_customer->setText(customerText(customer));
    m_customerId = customer.id;
    update();
}

QDate VoucherFilterBar::today() const
{
    // The dates of the filter are local days.
    return m_session.now().toLocalTime().date();
}

QDateTime VoucherFilterBar::startOfDay(const QDate &date) const
{
    return date.isValid() ? date.startOfDay().toUTC() : QDateTime();
}

void VoucherFilterBar::update()
{
    if (m_resetting)
        return;
    const QDate from = m_appliedFrom->optionalDate();
    const QDate to = m_appliedTo->optionalDate();
    if (from.isValid() && to.isValid() && to < from) {
        // Nothing matches such a range: say why instead of showing an empty list.
        m_dateMessage->showMessage(tr("The end date is before the start date."));
        return;
    }
    m_dateMessage->clearMessage();

    VoucherListFilter filter;
    if (m_partner)
        filter.partnerId = m_partner->currentData().toUuid();
    if (const int status = m_status->currentData().toInt(); status >= 0)
        filter.status = VoucherListStatus(status);
    filter.customerId = m_customerId;
    if (const int kind = m_kind->currentData().toInt(); kind >= 0)
        filter.kind = VoucherKind(kind);
    filter.appliedFrom = startOfDay(from);
    filter.appliedTo = startOfDay(to.isValid() ? to.addDays(1) : QDate()); // the whole last day
    filter.expiresBefore = startOfDay(m_expiresBefore->optionalDate());
    filter.positiveBalance = m_positiveBalance->isChecked();
    filter.text = m_search->text().trimmed();

    m_clearAction->setEnabled(filter != VoucherListFilter() || !m_customer->text().isEmpty());
    if (filter == m_filter)
        return;
    m_filter = filter;
    emit filterChanged();
}

void VoucherFilterBar::suggestCustomers()
{
    m_customerDelay->stop();
    const QString text = m_customer->text().trimmed();
    m_suggestedIds.clear();
    QStringList suggestions;
    if (!text.isEmpty()) {
        CustomerFilter filter;
        const Actor actor = m_session.actor();
        filter.partnerId = actor.isPartnerManager() ? actor.partnerId : QUuid();
        filter.text = text;
        filter.limit = CustomerSuggestions;
        try {
            for (const Customer &customer : CustomerRepository(m_session.db()).list(filter)) {
                const QString shown = customerText(customer);
                suggestions.append(shown);
                m_suggestedIds.insert(shown, customer.id);
            }
        } catch (const StoreError &error) {
            qCWarning(lcVoucherList) << "customer suggestions failed:" << error.what();
        }
    }
    m_customerSuggestions->setStringList(suggestions);
    if (!suggestions.isEmpty() && m_customer->hasFocus())
        m_customerCompleter->complete();
}

void VoucherFilterBar::pickCustomer(const QString &text)
{
    const QUuid id = m_suggestedIds.value(text);
    if (id.isNull())
        return;
    m_customerMessage->clearMessage();
    m_customer->setText(text);
    m_customerId = id;
    update();
}

void VoucherFilterBar::commitCustomerText()
{
    const QString text = m_customer->text().trimmed();
    if (text.isEmpty() || !m_customerId.isNull())
        return;
    // Enter on a highlighted suggestion reaches the line edit before the completer.
    if (m_suggestedIds.contains(text)) {
        pickCustomer(text);
        return;
    }
    suggestCustomers();
    const QStringList suggestions = m_customerSuggestions->stringList();
    if (suggestions.size() == 1) {
        pickCustomer(suggestions.constFirst());
        return;
    }
    for (const QString &suggestion : suggestions) {
        if (suggestion.compare(text, Qt::CaseInsensitive) == 0) {
            pickCustomer(suggestion);
            return;
        }
    }
    m_customerMessage->showMessage(
        suggestions.isEmpty() ? tr("No customer matches “%1”.").arg(text)
                              : tr("Several customers match: choose one from the suggestions."));
}
