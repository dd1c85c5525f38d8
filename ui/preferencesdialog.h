#pragma once

#include <QDialog>

class QComboBox;

// Preferences kept in QSettings: the language (applied at the next start).
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    static QString savedLanguage(); // "" (the system's), "en" or "zh_CN"
    static void saveLanguage(const QString &language);

    QString language() const;
    void accept() override;

private:
    QComboBox *m_language;
};
