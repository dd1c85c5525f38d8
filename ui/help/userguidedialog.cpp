#include "ui/help/userguidedialog.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QString section(const QString &title, const QStringList &paragraphs)
{
    QString html = u"<h2>%1</h2>"_s.arg(title.toHtmlEscaped());
    for (const QString &paragraph : paragraphs)
        html += u"<p>%1</p>"_s.arg(paragraph.toHtmlEscaped());
    return html;
}
} // namespace

QString UserGuideDialog::html()
{
    QString html = u"<h1>%1</h1>"_s.arg(tr("VoucherDesk User Guide").toHtmlEscaped());
    html += section(
        tr("The Partner Center"),
        {tr("Sign in with your login and password. The navigation on the left opens the pages "
            "(Ctrl+1, Ctrl+2, Ctrl+3); the header shows your partner's quota pool: the total, "
            "what vouchers have taken from it, and what is left."),
         tr("A local workspace is a file on this computer. A server workspace keeps a copy of "
            "the server's data and sends what you do when the server can be reached; the status "
            "bar says whether it is connected.")});
    html += section(
        tr("Voucher templates"),
        {tr("Vendor Voucher Application lists your templates. Create Template asks for the name, "
            "the kind (specific products, or universal: everything except the blocklist), the "
            "face value, how many days the voucher stays valid after it is issued, the minimum "
            "bill it pays, and which bills it pays: prepaid, postpaid or both."),
         tr("A template can be edited until the first application is submitted with it; then it "
            "is locked, and Duplicate makes an editable copy.")});
    html += section(
        tr("Applying for a voucher"),
        {tr("Apply… starts the application: choose the template and an eligible customer, and "
            "describe the customer's testing scenario. The vendor reviews it within three "
            "business days (Asia/Shanghai). While it is pending you can cancel it.")});
    html += section(
        tr("The Vendor Voucher List"),
        {tr("Every application and voucher, filtered by status, customer, kind, dates and "
            "balance, or found by code, customer name or UIN. The detail below the list shows the "
            "selected row's timeline, product scope, balance and usage records; with no row "
            "selected it shows nothing and its buttons are off."),
         tr("Pay with voucher records a bill paid from the selected voucher: the order number, "
            "the product, the bill's pay mode and its amount. The voucher pays up to its "
            "balance; the rest stays to be paid. Export CSV… saves the filtered list.")});
    html += section(
        tr("The Review Queue (vendor reviewers)"),
        {tr("Review › Review Queue… (Ctrl+Shift+R) lists every pending application, the earliest "
            "deadline first. J and K move between applications; A approves with the comment "
            "typed, if any; R rejects with the reason picked or typed. Each decision asks first, "
            "naming the customer, the template and the face value: Enter confirms, Esc keeps it "
            "pending.")});
    html += section(
        tr("Keyboard and screen readers"),
        {tr("Every control can be reached with Tab; in a table the arrow keys move between rows "
            "and Tab leaves it. Alt with the underlined letter jumps to a field. Help › Keyboard "
            "Shortcuts lists every key of the window you are in.")});
    return html;
}

UserGuideDialog::UserGuideDialog(QWidget *parent)
    : QDialog(parent)
    , m_text(new QTextBrowser)
{
    setWindowTitle(tr("User Guide"));
    m_text->setObjectName(u"guide"_s);
    m_text->setAccessibleName(tr("User guide"));
    m_text->setOpenLinks(false);
    m_text->setHtml(html());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(buttons);
    resize(640, 680);
}
