#include "ui/templates/templatefilterbar.h"

#include "ui/widgets/fieldmessage.h"
#include "ui/widgets/flowlayout.h"
#include "ui/widgets/icons.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {
QDateTime startOfLocalDay(const QDate &date)
{
    return date.startOfDay().toUTC();
}
} // namespace

TemplateFilterBar::TemplateFilterBar(const QDate &today, QWidget *parent)
    : QWidget(parent)
    , m_name(new SearchField(tr("Name…"), tr("Filter by name")))
    , m_kind(new QComboBox)
    , m_state(new QComboBox)
    , m_created(new QCheckBox(tr("C&reated between")))
    , m_clearAction(new QAction(Icons::get(u"cancel"_s), tr("C&lear Filters"), this))
{
    // One line that wraps where the window is narrow; a label never leaves its field.
    auto *layout = new FlowLayout(this);

    m_name->setObjectName(u"nameFilter"_s);
    m_name->setMinimumWidth(180);
    layout->addGroup({m_name}, {m_name});

    auto *kindLabel = new QLabel(tr("&Kind:"));
    m_kind->setObjectName(u"kindFilter"_s);
    m_kind->setAccessibleName(tr("Filter by kind"));
    m_kind->addItem(tr("All"));
    m_kind->addItem(tr("Specific"), int(VoucherKind::Specific));
    m_kind->addItem(tr("Universal"), int(VoucherKind::Universal));
    kindLabel->setBuddy(m_kind);
    layout->addGroup({kindLabel, m_kind});

    auto *stateLabel = new QLabel(tr("&State:"));
    m_state->setObjectName(u"stateFilter"_s);
    m_state->setAccessibleName(tr("Filter by state"));
    m_state->addItem(tr("All"));
    m_state->addItem(tr("Editable"), false);
    m_state->addItem(tr("Locked"), true);
    stateLabel->setBuddy(m_state);
    layout->addGroup({stateLabel, m_state});

    addCreatedFilter(layout, today);

    m_clearAction->setObjectName(u"clearFiltersAction"_s);
    m_clearAction->setToolTip(tr("Show every template"));
    m_clearAction->setStatusTip(m_clearAction->toolTip());
    connect(m_clearAction, &QAction::triggered, this, &TemplateFilterBar::clear);
    auto *clearButton = new QToolButton;
    clearButton->setObjectName(u"clearFiltersButton"_s);
    clearButton->setDefaultAction(m_clearAction);
    clearButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    clearButton->setAccessibleName(tr("Clear filters"));
    layout->addGroup({clearButton});
    m_clearButton = clearButton;

    setTabOrder(m_name, m_kind);
    setTabOrder(m_kind, m_state);
    setTabOrder(m_state, m_created);
    setTabOrder(m_created, m_createdFrom);
    setTabOrder(m_createdFrom, m_createdTo);
    setTabOrder(m_createdTo, clearButton);

    connect(m_name, &SearchField::searchChanged, this, &TemplateFilterBar::inputChanged);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &TemplateFilterBar::inputChanged);
    connect(m_state, &QComboBox::currentIndexChanged, this, &TemplateFilterBar::inputChanged);
    connect(m_created, &QCheckBox::toggled, this, &TemplateFilterBar::inputChanged);
    connect(m_createdFrom, &QDateEdit::dateChanged, this, &TemplateFilterBar::inputChanged);
    connect(m_createdTo, &QDateEdit::dateChanged, this, &TemplateFilterBar::inputChanged);
}

void TemplateFilterBar::addCreatedFilter(FlowLayout *layout, const QDate &today)
{
    m_created->setObjectName(u"createdFilter"_s);
    m_created->setToolTip(tr("Only templates created between the two dates (both included)"));
    auto makeDate = [](const QString &name, const QString &accessibleName) {
        auto *edit = new QDateEdit;
        edit->setObjectName(name);
        edit->setAccessibleName(accessibleName);
        edit->setCalendarPopup(true);
        //: Date format of the "Created between" filter (QDate::toString); keep the year.
        edit->setDisplayFormat(tr("d MMM yyyy"));
        edit->setEnabled(false);
        return edit;
    };
    m_createdFrom = makeDate(u"createdFrom"_s, tr("Created from"));
    m_createdTo = makeDate(u"createdTo"_s, tr("Created until"));
    m_createdFrom->setDate(today.addDays(-30));
    m_createdTo->setDate(today);
    m_dateMessage = new FieldMessage(m_createdTo);
    m_dateMessage->setObjectName(u"createdMessage"_s);
    m_dateMessage->setWordWrap(false);
    layout->addGroup({m_created, m_createdFrom, new QLabel(u"–"_s), m_createdTo});
    layout->addGroup({m_dateMessage});
    connect(m_created, &QCheckBox::toggled, this, [this](bool on) {
        m_createdFrom->setEnabled(on);
        m_createdTo->setEnabled(on);
    });
}

bool TemplateFilterBar::rangeReversed() const
{
    return m_created->isChecked() && m_createdTo->date() < m_createdFrom->date();
}

void TemplateFilterBar::inputChanged()
{
    if (rangeReversed()) {
        // Nothing matches such a range: say why instead of showing an empty table.
        m_dateMessage->showMessage(tr("The end date is before the start date."));
        return;
    }
    m_dateMessage->clearMessage();
    emit changed();
}

TemplateFilter TemplateFilterBar::filter(const QUuid &partnerId) const
{
    TemplateFilter filter;
    filter.partnerId = partnerId;
    filter.nameContains = m_name->text().trimmed();
    if (const QVariant kind = m_kind->currentData(); kind.isValid())
        filter.kind = VoucherKind(kind.toInt());
    if (const QVariant locked = m_state->currentData(); locked.isValid())
        filter.locked = locked.toBool();
    if (m_created->isChecked() && !rangeReversed()) {
        filter.createdFrom = startOfLocalDay(m_createdFrom->date());
        // The end day is included.
        filter.createdTo = startOfLocalDay(m_createdTo->date().addDays(1));
    }
    return filter;
}

bool TemplateFilterBar::isActive() const
{
    return !m_name->text().trimmed().isEmpty() || m_kind->currentIndex() > 0 ||
           m_state->currentIndex() > 0 || m_created->isChecked();
}

void TemplateFilterBar::clear()
{
    {
        const QSignalBlocker name(m_name), kind(m_kind), state(m_state), created(m_created);
        m_name->clear();
        m_kind->setCurrentIndex(0);
        m_state->setCurrentIndex(0);
        m_created->setChecked(false);
    }
    // The blocked toggled() signal did not reach the dates.
    m_createdFrom->setEnabled(false);
    m_createdTo->setEnabled(false);
    m_dateMessage->clearMessage();
    emit changed();
}
