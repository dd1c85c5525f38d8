#include "ui/templates/productpicker.h"

#include "ui/widgets/displayformat.h"
#include "ui/widgets/searchfield.h"

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
    m_proxy->setSortLocaleAware(true);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
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
    connect(m_model, &QStandardItemModel::itemChanged, this, [this] {
        if (m_filling)
            return;
        updateCount();
        emit checkedCodesChanged();
    });
    updateCount();
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
    for (const Product &product : std::as_const(m_products)) {
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
    m_proxy->sort(0);
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
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
    m_count->setText(names.isEmpty()
                         ? tr("No product picked yet")
                         : tr("Picked (%1): %2").arg(names.size()).arg(DisplayFormat::list(names)));
}
