#pragma once

#include <QDialog>

class QTextBrowser;

// Help › User Guide: the whole programme in a few pages, in the user's language: templates,
// applications, the Vendor Voucher List and paying with a voucher, the Review Queue, server
// workspaces, and the keyboard.
class UserGuideDialog : public QDialog
{
    Q_OBJECT

public:
    explicit UserGuideDialog(QWidget *parent = nullptr);

    // The guide as HTML (what the dialog shows).
    static QString html();

private:
    QTextBrowser *m_text;
};
