#include "ui/preferencesdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace {
const QString kLanguageKey = u"language"_s;
}

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox)
{
    setWindowTitle(tr("Preferences"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"简体中文"_s, u"zh_CN"_s);
    m_language->setCurrentIndex(qMax(0, m_language->findData(savedLanguage())));

    auto *note = new QLabel(tr("The language changes the next time VoucherDesk starts. Dates, "
                               "numbers and money follow the language."));
    note->setWordWrap(true);

    auto *form = new QFormLayout(this);
    auto *label = new QLabel(tr("&Language:"));
    label->setBuddy(m_language);
    form->addRow(label, m_language);
    form->addRow(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString PreferencesDialog::savedLanguage()
{
    return QSettings().value(kLanguageKey).toString();
}

void PreferencesDialog::saveLanguage(const QString &language)
{
    QSettings().setValue(kLanguageKey, language);
}

QString PreferencesDialog::language() const
{
    return m_language->currentData().toString();
}

void PreferencesDialog::accept()
{
    saveLanguage(language());
    QDialog::accept();
}
