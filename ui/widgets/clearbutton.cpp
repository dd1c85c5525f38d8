#include "ui/widgets/clearbutton.h"

#include <QAction>
#include <QLineEdit>

using namespace Qt::StringLiterals;

void ClearButton::enable(QLineEdit *edit)
{
    edit->setClearButtonEnabled(true);
    // Qt's own name for the action, stable across Qt 6.
    if (auto *clear = edit->findChild<QAction *>(u"_q_qlineeditclearaction"_s)) {
        clear->setText(tr("Clear"));
        clear->setToolTip(tr("Clear the field"));
    }
}
