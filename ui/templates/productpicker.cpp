#include "ui/templates/productpicker.h"

#include "ui/widgets/displayformat.h"
#include "ui/widgets/searchfield.h"

#include <QCollator>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr int CodeRole = Qt::UserRole + 1;
constexpr int SearchTextRole = Qt::UserRole + 2;
} // namespace

ProductPicker::ProductPicker(QWidget *parent)
    : QWidget(parent)
    , m_search(new SearchField(tr("Search products…"), tr("Search products")))
    , m_list(new QListView)
    , m_count(new QLabel)
    , m_model(new QStandardItemModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_search->setObjectName(u"productSearch"_s);

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(SearchTextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_list->setObjectName(u"productList"_s);
    m_list->setModel(m_proxy);
    m_list->setAccessibleName(tr("Products"));
    m_list->setUniformItemSizes(true);
    m_list->setMinimumHeight(140);

    m_count->setObjectName(u"productCount"_s);
    m_count->setWordWrap(true);
    m_count->setTextFormat(Qt::PlainText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    layout->addWidget(m_count);
    setFocusProxy(m_search);

    // Down from the search field goes on to the list, as in a combo box's popup.
    m_search->setResultView(m_list, SearchField::ResultEntry::FocusCurrentItem);
    connect(m_search, &SearchField::searchChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_model, &QStandardItemModel::itemChanged, this, [this](QStandardItem *item) {
        if (m_filling)
            return;
        describeCheck(item);
        updateCount();
        emit checkedCodesChanged();
    });
    updateCount();
}

// A screen reader reads a list item as its text: the check box is said in words as well.
void ProductPicker::describeCheck(QStandardItem *item)
{
    const QString said = item->checkState() == Qt::Checked ? tr("Picked") : tr("Not picked");
    if (item->data(Qt::AccessibleDescriptionRole).toString() == said)
        return;
    const bool filling = m_filling;
    m_filling = true; // the description is not a change of what is picked
    item->setData(said, Qt::AccessibleDescriptionRole);
    m_filling = filling;
}

void ProductPicker::setProducts(const QList<Product> &products)
{
    const QStringList checked = checkedCodes();
    m_products = products;
    setCheckedCodes(checked);
}

void ProductPicker::setCheckedCodes(const QStringList &codes)
{
    // Not a QSignalBlocker on the model: the filter proxy must see the rows come and go.
    m_filling = true;
    m_model->clear();
    const QLocale locale;
    // In the order of the user's language (pinyin for Chinese): QString::localeAwareCompare
    // follows the system's locale, not the language chosen in VoucherDesk.
    QCollator collator(locale);
    QList<Product> ordered = m_products;
    std::stable_sort(ordered.begin(), ordered.end(), [&](const Product &a, const Product &b) {
        return collator.compare(a.displayName(locale), b.displayName(locale)) < 0;
    });
    for (const Product &product : std::as_const(ordered)) {
        const bool checked = codes.contains(product.code);
        if (!product.active && !checked)
            continue;
        const QString name = product.displayName(locale);
        auto *item =
            new QStandardItem(product.active ? name : tr("%1 (no longer offered)").arg(name));
        item->setData(product.code, CodeRole);
        item->setData(QStringList{name, product.name, product.code, product.category}.join(u' '),
                      SearchTextRole);
        item->setToolTip(product.category);
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        describeCheck(item);
        m_model->appendRow(item);
    }
    // A code the catalogue does not know stays listed so that saving reports it.
    for (const QString &code : codes) {
        if (std::none_of(m_products.cbegin(), m_products.cend(),
                         [&code](const Product &p) { return p.code == code; })) {
            auto *item = new QStandardItem(code);
            item->setData(code, CodeRole);
            item->setData(code, SearchTextRole);
            item->setCheckState(Qt::Checked);
            m_model->appendRow(item);
        }
    }
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QStandardItem *item = m_model->item(row);
        item->setEditable(false);
        item->setFlags(m_readOnly ? (item->flags() & ~Qt::ItemIsUserCheckable)
                                  : (item->flags() | Qt::ItemIsUserCheckable));
    }
    m_filling = false;
    updateCount();
    emit checkedCodesChanged();
}

QStringList ProductPicker::checkedCodes() const
{
    QStringList checked;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QStandardItem *item = m_model->item(row);
        if (item->checkState() == Qt::Checked)
            checked.append(item->data(CodeRole).toString());
    }
    // Catalogue order, whatever order the list shows in this language.
    QStringList codes;
    for (const Product &product : m_products) {
        if (checked.removeAll(product.code) > 0)
            codes.append(product.code);
    }
    return codes + checked;
}

void ProductPicker::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    setCheckedCodes(checkedCodes());
}

void ProductPicker::updateCount()
{
    // Named from the whole list: while searching, picked products may be filtered out of view.
    QStringList names;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QStandardItem *item = m_model->item(row);
        if (item->checkState() == Qt::Checked)
            names.append(item->text());
    }
    const QCollator collator{QLocale()};
    std::sort(names.begin(), names.end(), [&collator](const QString &a, const QString &b) {
        return collator.compare(a, b) < 0;
    });
    m_count->setText(names.isEmpty()
                         ? tr("No product picked yet")
                         : tr("Picked (%1): %2").arg(names.size()).arg(DisplayFormat::list(names)));
}
