#pragma once

#include "page.h"

class Session;

class CustomersPage : public Page
{
    Q_OBJECT

public:
    explicit CustomersPage(Session &session, QWidget *parent = nullptr);

    Id id() const override { return Id::Customers; }
    QString title() const override;
    void refresh() override;

private:
    Session &m_session;
};
