#include "blocklistlabel.h"

#include <QTextDocumentFragment>
#include <QToolTip>

using namespace Qt::StringLiterals;

BlocklistLabel::BlocklistLabel(QWidget *parent)
    : QLabel(parent)
{
    //: The link in "Universal (blocklist ⓘ)"; hovering it lists the blocked products.
    setText(u"<a href=\"#blocklist\">%1</a> ⓘ"_s.arg(tr("blocklist")));
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
