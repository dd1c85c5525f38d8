#pragma once

#include <QCoreApplication>

// One translation context for the start-up wiring of the executables.
struct AppTr
{
    Q_DECLARE_TR_FUNCTIONS(App)
};
