#include "ui/widgets/partnerchoice.h"

#include <QComboBox>
#include <QSignalBlocker>
#include <QUuid>

void PartnerChoice::fill(QComboBox *combo, const QList<Partner> &partners)
{
    const QVariant chosen = combo->currentData();
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(tr("All partners"), QUuid());
    for (const Partner &partner : partners)
        combo->addItem(partner.name, partner.id);
    const int index = chosen.isValid() ? combo->findData(chosen) : 0;
    combo->setCurrentIndex(index >= 0 ? index : 0);
}
