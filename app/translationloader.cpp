#include "app/translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

bool TranslationLoader::isSupported(const QString &language)
{
    return language.isEmpty() || supportedLanguages().contains(language);
}

QStringList TranslationLoader::supportedLanguages()
{
    return {u"en"_s, u"zh_CN"_s};
}

void TranslationLoader::install(QCoreApplication &app, const QString &language)
{
    const QList<QTranslator *> previous =
        app.findChildren<QTranslator *>(QString(), Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : previous) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);

    auto *ours = new QTranslator(&app);
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    if (!english && ours->load(locale, u"voucherdesk"_s, u"_"_s, u":/i18n"_s)) {
        QCoreApplication::installTranslator(ours);
        auto *qt = new QTranslator(&app);
        if (qt->load(locale, u"qtbase"_s, u"_"_s,
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt);
        return;
    }
    // The screens show the English source text (also for a language without a catalogue);
    // its catalogue holds only the plural forms, so that "%n day(s)" reads "1 day", "2 days".
    if (ours->load(u"voucherdesk_en"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(ours);
}
