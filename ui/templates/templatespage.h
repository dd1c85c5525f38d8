#pragma once

#include "page.h"

class Session;

class TemplatesPage : public Page
{
    Q_OBJECT

public:
    explicit TemplatesPage(Session &session, QWidget *parent = nullptr);

    Id id() const override { return Id::Templates; }
    QString title() const override;
    void refresh() override;

private:
    Session &m_session;
};
