#pragma once

#include <QCoreApplication>

// One translation context for every user-visible string of the core library.
struct CoreTr
{
    Q_DECLARE_TR_FUNCTIONS(Core)
};
