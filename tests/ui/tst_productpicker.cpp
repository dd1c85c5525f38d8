// The product picker: in the order of the user's language, and its check boxes told to a screen
// reader.

#include "core/domain/product.h"
#include "ui/templates/productpicker.h"

#include <QAccessible>
#include <QListView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QList<Product> catalogue()
{
    const auto product = [](const QString &code, const QString &name, const QString &nameZh) {
        Product p;
        p.code = code;
        p.name = name;
        p.nameZh = nameZh;
        p.category = u"Compute"_s;
        p.active = true;
        return p;
    };
    return {product(u"cvm"_s, u"Cloud Virtual Machine"_s, u"云服务器"_s),
            product(u"cos"_s, u"Cloud Object Storage"_s, u"对象存储"_s),
            product(u"sms"_s, u"Short Message Service"_s, u"短信"_s)};
}

QStringList shown(ProductPicker &picker)
{
    QStringList names;
    const QAbstractItemModel *model = picker.list()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        names.append(model->index(row, 0).data().toString());
    return names;
}
} // namespace

class TestProductPicker : public QObject
{
    Q_OBJECT

private slots:
    void sortsInTheChosenLanguage()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        ProductPicker english;
        english.setProducts(catalogue());
        QCOMPARE(shown(english), (QStringList{u"Cloud Object Storage"_s, u"Cloud Virtual Machine"_s,
                                              u"Short Message Service"_s}));
        // Pinyin: duanxin, duixiang cunchu, yun fuwuqi (by code point 云 would come first).
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        ProductPicker chinese;
        chinese.setProducts(catalogue());
        QCOMPARE(shown(chinese), (QStringList{u"短信"_s, u"对象存储"_s, u"云服务器"_s}));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void screenReaderHearsWhatIsPicked()
    {
        ProductPicker picker;
        picker.setProducts(catalogue());
        picker.setCheckedCodes({u"cos"_s});
        picker.show();
        QVERIFY(QTest::qWaitForWindowExposed(&picker));
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(picker.list());
        QVERIFY(list && list->tableInterface());
        QAccessibleInterface *first = list->tableInterface()->cellAt(0, 0); // Cloud Object Storage
        QVERIFY(first);
        QVERIFY(first->state().checked);
        QCOMPARE(first->text(QAccessible::Description), u"Picked"_s);
        QAccessibleInterface *second = list->tableInterface()->cellAt(1, 0);
        QVERIFY(!second->state().checked);
        QCOMPARE(second->text(QAccessible::Description), u"Not picked"_s);
        // Checking it from the keyboard tells it too.
        picker.list()->setCurrentIndex(picker.list()->model()->index(1, 0));
        picker.list()->setFocus();
        QTest::keyClick(picker.list(), Qt::Key_Space);
        QCOMPARE(list->tableInterface()->cellAt(1, 0)->text(QAccessible::Description), u"Picked"_s);
    }
};

QTEST_MAIN(TestProductPicker)
#include "tst_productpicker.moc"
