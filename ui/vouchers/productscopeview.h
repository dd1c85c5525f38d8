#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
struct VoucherDetail;

// What a voucher pays for. Specific: its products. Universal: every product except the
// blocklist it was approved under, listed with the differences from today's blocklist marked,
// so a partner sees why a product blocked today is still paid for (or the reverse).
class ProductScopeView : public QWidget
{
    Q_OBJECT

public:
    explicit ProductScopeView(QWidget *parent = nullptr);

    void showDetail(const VoucherDetail &detail);
    void clear();
    QString summary() const;
    QStringList items() const;

private:
    void showSpecific(const VoucherDetail &detail, const QStringList &codes);
    void showSnapshot(const VoucherDetail &detail);
    void showTodaysBlocklist(const VoucherDetail &detail);
    void setSummary(const QString &summary);

    QLabel *m_summary;
    QListWidget *m_list;
};
