#pragma once

#include <QLocale>
#include <QString>

struct Product
{
    QString code; // short identifier, e.g. "cvm"
    QString name;
    QString nameZh;
    QString category;
    bool active = true;

    QString displayName(const QLocale &locale = QLocale()) const
    {
        return locale.language() == QLocale::Chinese && !nameZh.isEmpty() ? nameZh : name;
    }
};
