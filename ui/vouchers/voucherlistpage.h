#pragma once

#include "page.h"

class Session;

class VoucherListPage : public Page
{
    Q_OBJECT

public:
    explicit VoucherListPage(Session &session, QWidget *parent = nullptr);

    Id id() const override { return Id::VoucherList; }
    QString title() const override;
    void refresh() override;

private:
    Session &m_session;
};
