#include "core/commands/customercommands.h"
#include "core/commands/vouchercommands.h"
#include "core/demo/bulkvouchergenerator.h"
#include "core/queries/vouchercsvexporter.h"
#include "core/queries/voucherlistquery.h"
#include "core/repositories/voucherrepository.h"
#include "tests/support/resultmessage.h"
#include "tests/support/testworkspace.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

// The CSV export of the Vendor Voucher List: what a spreadsheet program reads (BOM, header,
// quoting, decimal money, UTC times, Chinese text), that it follows the list's filter and order,
// progress and cancellation, and that a cancelled or failed export leaves no file.
class TestVoucherCsvExporter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void record_data();
    void record();
    void writesBomHeaderAndEveryRow();
    void rowFields();
    void followsFilterAndOrder();
    void emptyListWritesHeaderOnly();
    void progressAndCancel();
    void cancelKeepsAnExistingFile();
    void unwritablePathFails();

private:
    // Lines of the file without the BOM; fails the test when the BOM is missing.
    QStringList readLines(const QString &path);
    Customer addCustomer(const QString &name, const QString &uin);

    std::unique_ptr<TestWorkspace> m_ws;
    QTemporaryDir m_dir;
    QUuid m_chinese, m_quoted, m_formula, m_pending;
    QUuid m_usedVoucher;
};

namespace {
// Splits RFC 4180 records; enough for the test's files.
QStringList parseRecord(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields.append(field);
            field.clear();
        } else {
            field += c;
        }
    }
    fields.append(field);
    return fields;
}

enum Column {
    Code,
    Status,
    Customer_,
    Uin,
    Kind,
    Template,
    Currency,
    Face,
    Balance,
    Applied,
    Expires,
    ApplicationId,
    ColumnCount
};
} // namespace

Customer TestVoucherCsvExporter::addCustomer(const QString &name, const QString &uin)
{
    auto ctx = m_ws->context(m_ws->managerA);
    Customer draft;
    draft.name = name;
    draft.uin = uin;
    const auto added = CustomerCommands(*ctx).addCustomer(draft);
    if (!added.ok())
        qFatal("add customer: %s", resultMessage(added).constData());
    return added.value();
}

void TestVoucherCsvExporter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ws = std::make_unique<TestWorkspace>();
    QVERIFY2(m_ws->isValid(), qPrintable(m_ws->errorMessage()));
    const Customer chinese = addCustomer(u"腾讯云测试客户（深圳）"_s, u"300000001"_s);
    const Customer quoted = addCustomer(u"Smith, \"Jr\" & Sons"_s, u"300000002"_s);
    const Customer formula = addCustomer(u"=HYPERLINK(\"x\")"_s, u"300000003"_s);
    const QUuid spec = m_ws->createTemplate(u"Trial CVM 1000"_s).id;

    m_pending = m_ws->submit(spec);
    m_ws->advance(60);
    m_chinese = m_ws->submit(spec, nullptr, &chinese);
    m_ws->approve(m_chinese);
    m_ws->advance(60);
    m_quoted = m_ws->submit(spec, nullptr, &quoted);
    m_usedVoucher = m_ws->approve(m_quoted);
    m_ws->advance(60);
    m_formula = m_ws->submit(spec, nullptr, &formula);

    auto ctx = m_ws->context(m_ws->managerA);
    Deduction bill;
    bill.voucherId = m_usedVoucher;
    bill.customerId = quoted.id;
    bill.orderId = u"ORDER-1"_s;
    bill.productCode = u"cvm"_s;
    bill.payMode = PayMode::Prepaid;
    bill.orderAmountMinor = 25050;
    const auto paid = VoucherCommands(*ctx).recordDeduction(bill);
    QVERIFY2(paid.ok(), resultMessage(paid));
}

QStringList TestVoucherCsvExporter::readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QTest::qFail("cannot read the export", __FILE__, __LINE__);
        return {};
    }
    const QByteArray bytes = file.readAll();
    if (!bytes.startsWith("\xEF\xBB\xBF")) {
        QTest::qFail("the file has no UTF-8 byte order mark", __FILE__, __LINE__);
        return {};
    }
    const QString text = QString::fromUtf8(bytes.mid(3));
    if (!text.endsWith(u"\r\n"_s)) {
        QTest::qFail("the last record has no CRLF", __FILE__, __LINE__);
        return {};
    }
    return text.chopped(2).split(u"\r\n"_s);
}

void TestVoucherCsvExporter::record_data()
{
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringList{u"a"_s, u"b c"_s, u""_s} << u"a,b c,"_s;
    QTest::newRow("comma") << QStringList{u"a,b"_s} << u"\"a,b\""_s;
    QTest::newRow("quote") << QStringList{u"say \"hi\""_s} << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("line breaks") << QStringList{u"a\nb"_s, u"c\rd"_s} << u"\"a\nb\",\"c\rd\""_s;
    QTest::newRow("chinese") << QStringList{u"腾讯"_s, u"云"_s} << u"腾讯,云"_s;
}

void TestVoucherCsvExporter::record()
{
    QFETCH(QStringList, fields);
    QFETCH(QString, expected);
    QCOMPARE(VoucherCsvExporter::record(fields), expected);
    QCOMPARE(parseRecord(expected), fields);
}

void TestVoucherCsvExporter::writesBomHeaderAndEveryRow()
{
    VoucherListFilter filter;
    filter.partnerId = m_ws->partnerA.id;
    const QString path = m_dir.filePath(u"all.csv"_s);
    const auto outcome = VoucherCsvExporter(m_ws->db(), filter, {}, m_ws->now()).exportTo(path);
    QCOMPARE(outcome.status, VoucherCsvExporter::Outcome::Status::Written);
    QCOMPARE(outcome.rows, 4);

    const QStringList lines = readLines(path);
    QCOMPARE(lines.size(), 5);
    QCOMPARE(parseRecord(lines.at(0)), VoucherCsvExporter::header());
    QCOMPARE(parseRecord(lines.at(0)).size(), int(ColumnCount));
    // Newest first, as the list shows by default.
    QStringList ids;
    for (const QString &line : lines.mid(1)) {
        const QStringList fields = parseRecord(line);
        QCOMPARE(fields.size(), int(ColumnCount));
        ids.append(fields.at(ApplicationId));
    }
    QCOMPARE(ids, (QStringList{m_formula.toString(QUuid::WithoutBraces),
                               m_quoted.toString(QUuid::WithoutBraces),
                               m_chinese.toString(QUuid::WithoutBraces),
                               m_pending.toString(QUuid::WithoutBraces)}));
    // Chinese survives the round trip; commas and quotes stay inside their field; a formula
    // stays text.
    QCOMPARE(parseRecord(lines.at(3)).at(Customer_), u"腾讯云测试客户（深圳）"_s);
    QCOMPARE(parseRecord(lines.at(2)).at(Customer_), u"Smith, \"Jr\" & Sons"_s);
    QCOMPARE(parseRecord(lines.at(1)).at(Customer_), u"'=HYPERLINK(\"x\")"_s);
}

void TestVoucherCsvExporter::rowFields()
{
    const auto used = VoucherListQuery(m_ws->db(), {}).row(m_quoted);
    QVERIFY(used);
    const QStringList fields = VoucherCsvExporter::fields(*used, m_ws->now());
    QCOMPARE(fields.size(), int(ColumnCount));
    QCOMPARE(fields.at(Code), VoucherRepository(m_ws->db()).find(m_usedVoucher)->code);
    QCOMPARE(fields.at(Status), voucherListStatusDisplayName(VoucherListStatus::PartiallyUsed));
    QCOMPARE(fields.at(Uin), u"300000002"_s);
    QCOMPARE(fields.at(Kind), voucherKindDisplayName(VoucherKind::Specific));
    QCOMPARE(fields.at(Template), u"Trial CVM 1000"_s);
    QCOMPARE(fields.at(Currency), u"CNY"_s);
    QCOMPARE(fields.at(Face), u"1000.00"_s);
    QCOMPARE(fields.at(Balance), u"749.50"_s);
    QCOMPARE(fields.at(Applied), u"2026-11-27T02:02:00Z"_s);
    QCOMPARE(QDateTime::fromString(fields.at(Expires), Qt::ISODate), used->expiresAt);
    QVERIFY(fields.at(Expires).endsWith(u'Z'));

    // Before issue: no code, balance or expiry.
    const auto pending = VoucherListQuery(m_ws->db(), {}).row(m_pending);
    const QStringList pendingFields = VoucherCsvExporter::fields(*pending, m_ws->now());
    QCOMPARE(pendingFields.at(Code), QString());
    QCOMPARE(pendingFields.at(Balance), QString());
    QCOMPARE(pendingFields.at(Expires), QString());
    QCOMPARE(pendingFields.at(Status),
             voucherListStatusDisplayName(VoucherListStatus::PendingReview));
}

void TestVoucherCsvExporter::followsFilterAndOrder()
{
    VoucherListFilter filter;
    filter.partnerId = m_ws->partnerA.id;
    filter.positiveBalance = true;
    const QString path = m_dir.filePath(u"spendable.csv"_s);
    const VoucherListSort byCustomer{VoucherListSortKey::Customer, false};
    const auto outcome =
        VoucherCsvExporter(m_ws->db(), filter, byCustomer, m_ws->now()).exportTo(path);
    QCOMPARE(outcome.status, VoucherCsvExporter::Outcome::Status::Written);
    QCOMPARE(outcome.rows, 2);
    const QStringList lines = readLines(path);
    QCOMPARE(lines.size(), 3);
    // "Smith" sorts before the Chinese name in the store's (binary) order.
    QCOMPARE(parseRecord(lines.at(1)).at(ApplicationId), m_quoted.toString(QUuid::WithoutBraces));
    QCOMPARE(parseRecord(lines.at(2)).at(ApplicationId), m_chinese.toString(QUuid::WithoutBraces));

    // Another partner's rows never leak into a partner's export.
    filter = {};
    filter.partnerId = m_ws->partnerB.id;
    const auto forB = VoucherCsvExporter(m_ws->db(), filter, {}, m_ws->now()).exportTo(path);
    QCOMPARE(forB.rows, 0);
}

void TestVoucherCsvExporter::emptyListWritesHeaderOnly()
{
    VoucherListFilter filter;
    filter.text = u"no such customer"_s;
    const QString path = m_dir.filePath(u"empty.csv"_s);
    QList<QPair<qint64, qint64>> calls;
    const auto outcome = VoucherCsvExporter(m_ws->db(), filter, {}, m_ws->now())
                             .exportTo(path, [&](qint64 done, qint64 total) {
                                 calls.append({done, total});
                                 return true;
                             });
    QCOMPARE(outcome.status, VoucherCsvExporter::Outcome::Status::Written);
    QCOMPARE(outcome.rows, 0);
    QCOMPARE(readLines(path).size(), 1);
    QCOMPARE(calls.constLast(), (QPair<qint64, qint64>(0, 0)));
}

void TestVoucherCsvExporter::progressAndCancel()
{
    TestWorkspace ws;
    QVERIFY(ws.isValid());
    BulkOptions options;
    options.vouchers = 2 * VoucherCsvExporter::ProgressInterval + 500;
    options.partners = 3;
    options.customers = 40;
    options.now = ws.now();
    const auto generated = BulkVoucherGenerator(ws.db(), options).generate();
    QVERIFY2(generated.ok(), resultMessage(generated));
    const qint64 total = VoucherListQuery(ws.db(), {}).count(ws.now());
    QVERIFY(total >= options.vouchers);

    // Progress through the whole run.
    const QString path = m_dir.filePath(u"bulk.csv"_s);
    QList<QPair<qint64, qint64>> calls;
    const auto written =
        VoucherCsvExporter(ws.db(), {}, {}, ws.now()).exportTo(path, [&](qint64 done, qint64 all) {
            calls.append({done, all});
            return true;
        });
    QCOMPARE(written.status, VoucherCsvExporter::Outcome::Status::Written);
    QCOMPARE(written.rows, total);
    QCOMPARE(calls, (QList<QPair<qint64, qint64>>{
                        {0, total}, {1000, total}, {2000, total}, {total, total}}));
    QCOMPARE(readLines(path).size(), total + 1);
    QVERIFY(QFile::remove(path));

    // Cancelled half way: no file, not even a partial one.
    qint64 stoppedAt = 0;
    const auto cancelled =
        VoucherCsvExporter(ws.db(), {}, {}, ws.now()).exportTo(path, [&](qint64 done, qint64) {
            stoppedAt = done;
            return done < 1000;
        });
    QCOMPARE(cancelled.status, VoucherCsvExporter::Outcome::Status::Cancelled);
    QCOMPARE(stoppedAt, 1000);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(m_dir.path()).entryList({u"bulk*"_s}), QStringList());

    // Cancelled before the first row.
    const auto early = VoucherCsvExporter(ws.db(), {}, {}, ws.now()).exportTo(path, [](auto, auto) {
        return false;
    });
    QCOMPARE(early.status, VoucherCsvExporter::Outcome::Status::Cancelled);
    QVERIFY(!QFile::exists(path));
}

void TestVoucherCsvExporter::cancelKeepsAnExistingFile()
{
    const QString path = m_dir.filePath(u"existing.csv"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me");
    }
    const auto cancelled =
        VoucherCsvExporter(m_ws->db(), {}, {}, m_ws->now()).exportTo(path, [](qint64, qint64) {
            return false;
        });
    QCOMPARE(cancelled.status, VoucherCsvExporter::Outcome::Status::Cancelled);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("keep me"));
}

void TestVoucherCsvExporter::unwritablePathFails()
{
    const QString path = m_dir.filePath(u"no-such-folder/list.csv"_s);
    const auto outcome = VoucherCsvExporter(m_ws->db(), {}, {}, m_ws->now()).exportTo(path);
    QCOMPARE(outcome.status, VoucherCsvExporter::Outcome::Status::Failed);
    QVERIFY(!outcome.errorMessage.isEmpty());
    QVERIFY2(outcome.errorMessage.contains(u"list.csv"_s), qPrintable(outcome.errorMessage));
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestVoucherCsvExporter)
#include "tst_vouchercsvexporter.moc"
