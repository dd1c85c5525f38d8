#include "core/base/commanderror.h"
#include "core/rules/templaterules.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(VoucherTemplate)

static constexpr qint64 Cap = TemplateRules::DefaultFaceValueCapMinor;

// "p00", "p01", ...: enough active product codes for the product-count limits.
static QStringList numberedCodes(int count)
{
    QStringList codes;
    for (int i = 0; i < count; ++i)
        codes.append(u"p%1"_s.arg(i, 2, 10, QLatin1Char('0')));
    return codes;
}

static TemplateRuleContext context()
{
    TemplateRuleContext result;
    result.activeProductCodes = {u"cvm"_s, u"cos"_s, u"cdb"_s};
    for (const QString &code : numberedCodes(60))
        result.activeProductCodes.insert(code);
    result.faceValueCapMinor = Cap;
    result.partnerCurrency = u"CNY"_s;
    return result;
}

static VoucherTemplate specific()
{
    VoucherTemplate draft;
    draft.name = u"Cloud trial"_s;
    draft.kind = VoucherKind::Specific;
    draft.faceValueMinor = 10'000;
    draft.currency = u"CNY"_s;
    draft.validityDays = 30;
    draft.minSpendMinor = 0;
    draft.payMode = PayMode::All;
    draft.productCodes = {u"cvm"_s, u"cos"_s};
    return draft;
}

static VoucherTemplate universal()
{
    VoucherTemplate draft = specific();
    draft.name = u"Anything goes"_s;
    draft.kind = VoucherKind::Universal;
    draft.productCodes.clear();
    return draft;
}

static QStringList fieldsOf(const FieldErrors &errors)
{
    QStringList fields;
    for (const FieldError &error : errors)
        fields.append(error.field);
    return fields;
}

static QByteArray describe(const FieldErrors &errors)
{
    QStringList parts;
    for (const FieldError &error : errors)
        parts.append(error.field + u": "_s + error.message);
    return parts.join(u"; "_s).toUtf8();
}

// True when no high surrogate is left without its low half (and vice versa).
static bool isWellFormedUtf16(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate()) {
            if (i + 1 >= text.size() || !text.at(i + 1).isLowSurrogate())
                return false;
            ++i;
        } else if (c.isLowSurrogate()) {
            return false;
        }
    }
    return true;
}

class TestTemplateRules : public QObject
{
    Q_OBJECT

private slots:
    void validTemplates_data();
    void validTemplates();
    void singleRuleBroken_data();
    void singleRuleBroken();
    void everyBrokenRuleIsReported();
    void severalProductRulesAreAllReported();
    void messagesNameTheOffendingValue();
    void noCapInTheContextMeansNoCap();

    void checkEditable();
    void checkDeletable();

    void duplicateNameCountsUp();
    void duplicateNameAsksInOrder();
    void duplicateNameTrimsTheSource();
    void duplicateNameOfALongNameStaysWithinTheLimit_data();
    void duplicateNameOfALongNameStaysWithinTheLimit();
    void duplicateNameDoesNotSplitASurrogatePair();
};

void TestTemplateRules::validTemplates_data()
{
    QTest::addColumn<VoucherTemplate>("draft");

    QTest::newRow("specific") << specific();
    QTest::newRow("universal") << universal();
    {
        VoucherTemplate t = specific();
        t.name = QString(60, u'n');
        QTest::newRow("name of 60 characters") << t;
    }
    {
        VoucherTemplate t = specific();
        t.name = u"  "_s + QString(60, u'n') + u"  "_s;
        QTest::newRow("name of 60 characters with surrounding blanks") << t;
    }
    {
        VoucherTemplate t = specific();
        t.name = u"X"_s;
        QTest::newRow("name of 1 character") << t;
    }
    {
        VoucherTemplate t = specific();
        t.faceValueMinor = 1;
        QTest::newRow("face value 1") << t;
    }
    {
        VoucherTemplate t = specific();
        t.faceValueMinor = Cap;
        QTest::newRow("face value exactly the cap") << t;
    }
    {
        VoucherTemplate t = specific();
        t.validityDays = 1;
        QTest::newRow("validity 1 day") << t;
    }
    {
        VoucherTemplate t = specific();
        t.validityDays = 365;
        QTest::newRow("validity 365 days") << t;
    }
    {
        VoucherTemplate t = specific();
        t.minSpendMinor = 50'000;
        QTest::newRow("min spend above face value") << t;
    }
    {
        VoucherTemplate t = specific();
        t.productCodes = {u"cdb"_s};
        QTest::newRow("one product") << t;
    }
    {
        VoucherTemplate t = specific();
        t.productCodes = numberedCodes(50);
        QTest::newRow("50 products") << t;
    }
    {
        VoucherTemplate t = specific();
        t.note = QString(500, u'x');
        QTest::newRow("note of 500 characters") << t;
    }
    {
        VoucherTemplate t = universal();
        t.payMode = PayMode::Postpaid;
        t.note = u"For the migration pilot."_s;
        QTest::newRow("universal, postpaid, with a note") << t;
    }
}

void TestTemplateRules::validTemplates()
{
    QFETCH(VoucherTemplate, draft);
    const FieldErrors errors = TemplateRules::validate(draft, context());
    QVERIFY2(errors.isEmpty(), describe(errors).constData());
}

void TestTemplateRules::singleRuleBroken_data()
{
    QTest::addColumn<VoucherTemplate>("draft");
    QTest::addColumn<QString>("field");

    const auto row = [](const char *name, const VoucherTemplate &t, const QString &field) {
        QTest::newRow(name) << t << field;
    };
    VoucherTemplate t;

    t = specific();
    t.name.clear();
    row("name empty", t, u"name"_s);
    t = specific();
    t.name = u" \t \n"_s;
    row("name whitespace only", t, u"name"_s);
    t = specific();
    t.name = QString(61, u'n');
    row("name of 61 characters", t, u"name"_s);

    t = specific();
    t.faceValueMinor = 0;
    row("face value 0", t, u"faceValueMinor"_s);
    t = specific();
    t.faceValueMinor = -1;
    row("face value negative", t, u"faceValueMinor"_s);
    t = specific();
    t.faceValueMinor = Cap + 1;
    row("face value over the cap", t, u"faceValueMinor"_s);
    t = universal();
    t.faceValueMinor = Cap + 1;
    row("universal face value over the cap", t, u"faceValueMinor"_s);

    t = specific();
    t.currency = u"EUR"_s;
    row("currency unsupported", t, u"currency"_s);
    t = specific();
    t.currency.clear();
    row("currency empty", t, u"currency"_s);
    t = specific();
    t.currency = u"cny"_s;
    row("currency in lower case", t, u"currency"_s);
    t = specific();
    t.currency = u"USD"_s; // supported, but the partner's pool is in CNY
    row("currency differs from the partner's", t, u"currency"_s);

    t = specific();
    t.validityDays = 0;
    row("validity 0 days", t, u"validityDays"_s);
    t = specific();
    t.validityDays = -1;
    row("validity negative", t, u"validityDays"_s);
    t = specific();
    t.validityDays = 366;
    row("validity 366 days", t, u"validityDays"_s);

    t = specific();
    t.minSpendMinor = -1;
    row("min spend negative", t, u"minSpendMinor"_s);

    t = specific();
    t.productCodes.clear();
    row("specific without products", t, u"productCodes"_s);
    t = specific();
    t.productCodes = numberedCodes(51);
    row("specific with 51 products", t, u"productCodes"_s);
    t = specific();
    t.productCodes = {u"cvm"_s, u"nope"_s};
    row("specific with an unknown product", t, u"productCodes"_s);
    t = specific();
    t.productCodes = {u"legacy-vpc"_s}; // in the catalogue once, but not active
    row("specific with an inactive product", t, u"productCodes"_s);
    t = specific();
    t.productCodes = {u"CVM"_s};
    row("specific with a product code in the wrong case", t, u"productCodes"_s);
    t = specific();
    t.productCodes = {u"cvm"_s, u"cos"_s, u"cvm"_s};
    row("specific with a duplicate product", t, u"productCodes"_s);
    t = universal();
    t.productCodes = {u"cvm"_s};
    row("universal with products", t, u"productCodes"_s);

    t = specific();
    t.note = QString(501, u'x');
    row("note of 501 characters", t, u"note"_s);
}

void TestTemplateRules::singleRuleBroken()
{
    QFETCH(VoucherTemplate, draft);
    QFETCH(QString, field);

    const FieldErrors errors = TemplateRules::validate(draft, context());
    QVERIFY2(errors.size() == 1, describe(errors).constData());
    QCOMPARE(errors.constFirst().field, field);
    QVERIFY(!errors.constFirst().message.isEmpty());
}

void TestTemplateRules::everyBrokenRuleIsReported()
{
    VoucherTemplate draft = specific();
    draft.name = u"   "_s;
    draft.faceValueMinor = 0;
    draft.currency = u"EUR"_s;
    draft.validityDays = 400;
    draft.minSpendMinor = -5;
    draft.productCodes.clear();
    draft.note = QString(501, u'x');

    const FieldErrors errors = TemplateRules::validate(draft, context());
    QStringList fields = fieldsOf(errors);
    fields.sort();
    QCOMPARE(fields, QStringList({u"currency"_s, u"faceValueMinor"_s, u"minSpendMinor"_s, u"name"_s,
                                  u"note"_s, u"productCodes"_s, u"validityDays"_s}));
    for (const FieldError &error : errors)
        QVERIFY2(!error.message.isEmpty(), qPrintable(error.field));

    // A universal draft with products and a face value over the cap: both, not only the first.
    VoucherTemplate other = universal();
    other.productCodes = {u"cvm"_s};
    other.faceValueMinor = Cap + 1;
    other.currency = u"USD"_s;
    QStringList otherFields = fieldsOf(TemplateRules::validate(other, context()));
    otherFields.sort();
    QCOMPARE(otherFields, QStringList({u"currency"_s, u"faceValueMinor"_s, u"productCodes"_s}));
}

void TestTemplateRules::severalProductRulesAreAllReported()
{
    // A duplicate must not hide an unknown product, nor the other way round.
    VoucherTemplate draft = specific();
    draft.productCodes = {u"cvm"_s, u"cvm"_s, u"nope"_s};
    FieldErrors errors = TemplateRules::validate(draft, context());
    QVERIFY2(errors.size() == 2, describe(errors).constData());
    QCOMPARE(fieldsOf(errors), QStringList({u"productCodes"_s, u"productCodes"_s}));
    const QString messages = errors.at(0).message + u'\n' + errors.at(1).message;
    QVERIFY2(messages.contains(u"cvm"_s), qPrintable(messages));
    QVERIFY2(messages.contains(u"nope"_s), qPrintable(messages));

    // Too many, and one of them unknown.
    draft.productCodes = numberedCodes(50) + QStringList{u"nope"_s};
    errors = TemplateRules::validate(draft, context());
    QVERIFY2(errors.size() == 2, describe(errors).constData());
    QCOMPARE(fieldsOf(errors), QStringList({u"productCodes"_s, u"productCodes"_s}));
}

void TestTemplateRules::messagesNameTheOffendingValue()
{
    VoucherTemplate draft = specific();
    draft.name = QString(61, u'n');
    FieldErrors errors = TemplateRules::validate(draft, context());
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().message.contains(u"61"_s),
             qPrintable(errors.constFirst().message));

    draft = specific();
    draft.productCodes = {u"cvm"_s, u"nope"_s, u"gone"_s};
    errors = TemplateRules::validate(draft, context());
    QCOMPARE(errors.size(), 1);
    const QString message = errors.constFirst().message;
    QVERIFY2(message.contains(u"nope"_s) && message.contains(u"gone"_s), qPrintable(message));
    QVERIFY2(!message.contains(u"cvm"_s), qPrintable(message));

    draft = specific();
    draft.currency = u"USD"_s;
    errors = TemplateRules::validate(draft, context());
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().message.contains(u"CNY"_s),
             qPrintable(errors.constFirst().message));
}

void TestTemplateRules::noCapInTheContextMeansNoCap()
{
    TemplateRuleContext open = context();
    open.faceValueCapMinor = 0;
    open.partnerCurrency.clear(); // no pool currency to match either
    VoucherTemplate draft = specific();
    draft.faceValueMinor = Cap * 10;
    draft.currency = u"USD"_s;
    const FieldErrors errors = TemplateRules::validate(draft, open);
    QVERIFY2(errors.isEmpty(), describe(errors).constData());

    // A smaller configured cap applies.
    TemplateRuleContext small = context();
    small.faceValueCapMinor = 5'000;
    draft = specific();
    draft.faceValueMinor = 5'000;
    QVERIFY(TemplateRules::validate(draft, small).isEmpty());
    draft.faceValueMinor = 5'001;
    QCOMPARE(fieldsOf(TemplateRules::validate(draft, small)), QStringList{u"faceValueMinor"_s});
}

void TestTemplateRules::checkEditable()
{
    VoucherTemplate t = specific();
    t.locked = false;
    QVERIFY(!TemplateRules::checkEditable(t).has_value());

    t.locked = true;
    const std::optional<CommandError> error = TemplateRules::checkEditable(t);
    QVERIFY(error.has_value());
    QCOMPARE(error->code(), u"FailedOperation.TemplateLocked"_s);
    QCOMPARE(error->kind(), CommandError::Kind::Conflict);
    QCOMPARE(error->httpStatus(), 409);
    QVERIFY2(error->message().contains(t.name), qPrintable(error->message()));
}

void TestTemplateRules::checkDeletable()
{
    VoucherTemplate t = universal();
    t.locked = false;
    QVERIFY(!TemplateRules::checkDeletable(t).has_value());

    t.locked = true;
    const std::optional<CommandError> error = TemplateRules::checkDeletable(t);
    QVERIFY(error.has_value());
    QCOMPARE(error->code(), u"FailedOperation.TemplateLocked"_s);
    QCOMPARE(error->kind(), CommandError::Kind::Conflict);
    QVERIFY2(error->message().contains(t.name), qPrintable(error->message()));
}

void TestTemplateRules::duplicateNameCountsUp()
{
    QSet<QString> taken;
    const auto isTaken = [&taken](const QString &name) { return taken.contains(name); };

    QCOMPARE(TemplateRules::duplicateName(u"Trial"_s, isTaken), u"Trial (copy)"_s);
    taken.insert(u"Trial (copy)"_s);
    QCOMPARE(TemplateRules::duplicateName(u"Trial"_s, isTaken), u"Trial (copy 2)"_s);
    taken.insert(u"Trial (copy 2)"_s);
    QCOMPARE(TemplateRules::duplicateName(u"Trial"_s, isTaken), u"Trial (copy 3)"_s);

    // A gap is filled: the first free name wins.
    taken.remove(u"Trial (copy)"_s);
    QCOMPARE(TemplateRules::duplicateName(u"Trial"_s, isTaken), u"Trial (copy)"_s);
}

void TestTemplateRules::duplicateNameAsksInOrder()
{
    QStringList asked;
    const QString name = TemplateRules::duplicateName(u"Trial"_s, [&asked](const QString &c) {
        asked.append(c);
        return asked.size() < 4;
    });
    QCOMPARE(name, u"Trial (copy 4)"_s);
    QCOMPARE(asked, QStringList({u"Trial (copy)"_s, u"Trial (copy 2)"_s, u"Trial (copy 3)"_s,
                                 u"Trial (copy 4)"_s}));
}

void TestTemplateRules::duplicateNameTrimsTheSource()
{
    const auto nothingTaken = [](const QString &) { return false; };
    QCOMPARE(TemplateRules::duplicateName(u"  Trial \t"_s, nothingTaken), u"Trial (copy)"_s);
}

void TestTemplateRules::duplicateNameOfALongNameStaysWithinTheLimit_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("takenCopies"); // how many of "(copy)", "(copy 2)", ... are taken
    QTest::addColumn<QString>("expected");

    const QString sixty = QString(30, u'a') + QString(30, u'b');
    QTest::newRow("60 characters, first copy")
        << sixty << 0 << QString(30, u'a') + QString(23, u'b') + u" (copy)"_s;
    QTest::newRow("60 characters, copy 2")
        << sixty << 1 << QString(30, u'a') + QString(21, u'b') + u" (copy 2)"_s;
    QTest::newRow("60 characters, copy 10")
        << sixty << 9 << QString(30, u'a') + QString(20, u'b') + u" (copy 10)"_s;
    // Cut right after a blank: the copy gets no double blank.
    const QString cutAtBlank = QString(52, u'a') + u' ' + QString(7, u'b');
    QTest::newRow("cut after a blank") << cutAtBlank << 0 << QString(52, u'a') + u" (copy)"_s;
    const QString fiftyThree = QString(53, u'c');
    QTest::newRow("53 characters fit exactly") << fiftyThree << 0 << fiftyThree + u" (copy)"_s;
}

void TestTemplateRules::duplicateNameOfALongNameStaysWithinTheLimit()
{
    QFETCH(QString, source);
    QFETCH(int, takenCopies);
    QFETCH(QString, expected);

    QCOMPARE(source.size() <= VoucherTemplate::MaxNameLength, true);
    // Taken: the first takenCopies candidates, whatever their spelling.
    const QString name = TemplateRules::duplicateName(
        source, [&takenCopies](const QString &) { return takenCopies-- > 0; });
    QCOMPARE(name, expected);
    QVERIFY(name.size() <= VoucherTemplate::MaxNameLength);

    // The copy's name is itself a valid template name.
    VoucherTemplate copy = specific();
    copy.name = name;
    QVERIFY(TemplateRules::validate(copy, context()).isEmpty());
}

void TestTemplateRules::duplicateNameDoesNotSplitASurrogatePair()
{
    // 30 emoji are 60 UTF-16 code units: a valid name. Cutting it to 53 units for " (copy)"
    // must not leave half an emoji behind.
    const QString emoji = u"\U0001F600"_s;
    QString source;
    for (int i = 0; i < 30; ++i)
        source += emoji;
    QCOMPARE(source.size(), 60);

    const QString name =
        TemplateRules::duplicateName(source, [](const QString &) { return false; });
    QVERIFY2(isWellFormedUtf16(name), qPrintable(name));
    QVERIFY(name.size() <= VoucherTemplate::MaxNameLength);
    QVERIFY(name.endsWith(u" (copy)"_s));
    QCOMPARE(name, source.left(52) + u" (copy)"_s);
}

QTEST_GUILESS_MAIN(TestTemplateRules)
#include "tst_templaterules.moc"
