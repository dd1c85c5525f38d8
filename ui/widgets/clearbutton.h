#pragma once

#include <QCoreApplication>

class QLineEdit;

// A line edit's clear button (the ✕ at its end), named for screen readers: Qt leaves the
// button's action without text, so AT-SPI lists an unnamed button in every such field.
class ClearButton
{
    Q_DECLARE_TR_FUNCTIONS(ClearButton)

public:
    static void enable(QLineEdit *edit);
};
