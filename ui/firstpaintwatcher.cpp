#include "ui/firstpaintwatcher.h"

#include <QEvent>
#include <QWidget>

FirstPaintWatcher::FirstPaintWatcher(QWidget *widget)
    : QObject(widget)
{
    widget->installEventFilter(this);
}

bool FirstPaintWatcher::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        watched->removeEventFilter(this);
        emit painted();
    }
    return QObject::eventFilter(watched, event);
}
