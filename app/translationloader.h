#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

// Installs VoucherDesk's catalogue (:/i18n) and Qt's own for a language; English, and a
// language without a catalogue, get the English plural forms only.
class TranslationLoader
{
public:
    // "zh_CN", "en" or empty for the system's language. False for an unknown language.
    static bool isSupported(const QString &language);
    static QStringList supportedLanguages();
    // Installs the translators on the application and makes the language's locale the default,
    // replacing the translators of an earlier call (a language switch at run time).
    static void install(QCoreApplication &app, const QString &language);
};
