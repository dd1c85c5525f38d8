// Linked into every widget suite: the suites see the client as an English-speaking user does,
// with the English catalogue's plural forms ("1 record", "4 records") and an English locale for
// dates and money, whatever the machine's language.

#include "app/translationloader.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {
void installEnglish()
{
    TranslationLoader::install(*QCoreApplication::instance(), u"en"_s);
}
} // namespace

Q_COREAPP_STARTUP_FUNCTION(installEnglish)
