#include "ui/widgets/mnemonicnames.h"

#include <QAbstractButton>
#include <QEvent>
#include <QLabel>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
// The name this filter gave, to tell it from a name the code set (which is kept).
constexpr char kGivenName[] = "vdMnemonicName";

const QRegularExpression &trailingMnemonic()
{
    // "(&N)" or the full-width "（&N）", as translators append it.
    static const QRegularExpression pattern(u"[(\uFF08]&[^&][)\uFF09]"_s);
    return pattern;
}

QString textOf(const QWidget *widget)
{
    if (const auto *label = qobject_cast<const QLabel *>(widget))
        return label->textFormat() == Qt::RichText ? QString() : label->text();
    if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        return button->text();
    return {};
}
} // namespace

QString MnemonicNames::spoken(const QString &text)
{
    QString result = text;
    result.remove(trailingMnemonic());
    QString plain;
    plain.reserve(result.size());
    for (qsizetype i = 0; i < result.size(); ++i) {
        if (result.at(i) == u'&' && i + 1 < result.size()) {
            ++i; // "&&" keeps one '&'; "&x" keeps the x
        }
        plain.append(result.at(i));
    }
    return plain.trimmed();
}

void MnemonicNames::name(QWidget *widget)
{
    const QString text = textOf(widget);
    const QString given = widget->property(kGivenName).toString();
    if (!widget->accessibleName().isEmpty() && widget->accessibleName() != given)
        return; // named by the code
    if (!text.contains(trailingMnemonic())) {
        if (!given.isEmpty()) { // the text changed since: Qt's own name is right again
            widget->setAccessibleName({});
            widget->setProperty(kGivenName, {});
        }
        return;
    }
    const QString name = spoken(text);
    widget->setAccessibleName(name);
    widget->setProperty(kGivenName, name);
}

bool MnemonicNames::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Show && watched->isWidgetType() &&
        (qobject_cast<QLabel *>(watched) || qobject_cast<QAbstractButton *>(watched)))
        name(static_cast<QWidget *>(watched));
    return QObject::eventFilter(watched, event);
}
