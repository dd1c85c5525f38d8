#pragma once

#include <QWizardPage>

class FieldMessage;
class QLabel;
class QPlainTextEdit;

// Step 3 of the application wizard: the customer's product-testing scenario, 10 to 1,000
// characters (counted without leading and trailing blanks, as SubmitApplication counts them).
class ScenarioPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ScenarioPage(QWidget *parent = nullptr);

    QString scenario() const;
    bool isComplete() const override;

private:
    void updateCounter();

    QPlainTextEdit *m_text;
    QLabel *m_counter;
    FieldMessage *m_message;
};
