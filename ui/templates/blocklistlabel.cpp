#include "ui/templates/blocklistlabel.h"

#include <QTextDocumentFragment>
#include <QToolTip>

using namespace Qt::StringLiterals;

BlocklistLabel::BlocklistLabel(QWidget *parent)
    : QLabel(parent)
{
    //: Beside the "Universal products" choice; hovering the link lists the blocked products.
    setText(tr("(every product except the <a href=\"#blocklist\">blocklist</a>) ⓘ"));
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Blocklist"));
    connect(this, &QLabel::linkActivated, this, &BlocklistLabel::showScope);
}

void BlocklistLabel::setScope(const ProductScope &scope)
{
    const QString tip = scope.blocklistToolTip();
    setToolTip(tip);
    setAccessibleDescription(QTextDocumentFragment::fromHtml(tip).toPlainText());
}

void BlocklistLabel::showScope()
{
    QToolTip::showText(mapToGlobal(rect().bottomLeft()), toolTip(), this);
}
