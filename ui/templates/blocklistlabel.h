#pragma once

#include "ui/templates/productscope.h"

#include <QLabel>

// The word "blocklist" as a link: hovering it (or activating it with the keyboard) shows the
// blocked and the applicable products as of now.
class BlocklistLabel : public QLabel
{
    Q_OBJECT

public:
    explicit BlocklistLabel(QWidget *parent = nullptr);

    void setScope(const ProductScope &scope);

private:
    void showScope();
};
