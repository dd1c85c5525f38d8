#include "ui/applications/scenariopage.h"

#include "core/domain/application.h"
#include "ui/widgets/fieldmessage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QVBoxLayout>

ScenarioPage::ScenarioPage(QWidget *parent)
    : QWizardPage(parent)
    , m_text(new QPlainTextEdit)
    , m_counter(new QLabel)
    , m_message(new FieldMessage(m_text))
{
    setTitle(tr("Testing scenario"));
    setSubTitle(tr("Describe what the customer will test, how and for how long. The vendor's "
                   "reviewer reads this to decide."));

    m_text->setAccessibleName(tr("Testing scenario"));
    m_text->setPlaceholderText(
        tr("For example: load test of CVM and COS for a two-week trial before migrating the "
           "customer's web shop."));
    // Tab leaves the field: a scenario has no use for tab characters, the keyboard user does.
    m_text->setTabChangesFocus(true);
    auto *label = new QLabel(tr("&Scenario (%1 to %2 characters):")
                                 .arg(QLocale().toString(Application::MinScenarioLength),
                                      QLocale().toString(Application::MaxScenarioLength)));
    label->setBuddy(m_text);
    m_counter->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *footer = new QHBoxLayout;
    footer->addWidget(m_message, 1);
    footer->addWidget(m_counter, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_text, 1);
    layout->addLayout(footer);

    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        updateCounter();
        emit completeChanged();
    });
    updateCounter();
}

QString ScenarioPage::scenario() const
{
    return m_text->toPlainText().trimmed();
}

bool ScenarioPage::isComplete() const
{
    const qsizetype length = scenario().size();
    return length >= Application::MinScenarioLength && length <= Application::MaxScenarioLength;
}

void ScenarioPage::updateCounter()
{
    const QLocale locale;
    const qsizetype length = scenario().size();
    m_counter->setText(tr("%1 / %2").arg(locale.toString(length),
                                         locale.toString(Application::MaxScenarioLength)));
    m_counter->setAccessibleName(
        tr("%1 of at most %2 characters")
            .arg(locale.toString(length), locale.toString(Application::MaxScenarioLength)));
    if (length > Application::MaxScenarioLength) {
        m_message->showMessage(
            tr("The scenario is %1 characters long; shorten it to at most %2.")
                .arg(locale.toString(length), locale.toString(Application::MaxScenarioLength)));
    } else if (length > 0 && length < Application::MinScenarioLength) {
        m_message->showMessage(tr("Describe the scenario in at least %1 characters; %n more "
                                  "needed.",
                                  nullptr, int(Application::MinScenarioLength - length))
                                   .arg(Application::MinScenarioLength));
    } else {
        m_message->clearMessage();
    }
}
