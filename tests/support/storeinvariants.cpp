#include "tests/support/storeinvariants.h"

#include "core/domain/vouchercode.h"
#include "tests/support/storeprobe.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

void StoreInvariants::verify(const Database &db)
{
    const qint64 approved =
        StoreProbe::scalar(db, u"SELECT COUNT(*) FROM applications WHERE status = 'approved'"_s);
    // One voucher per approved application, pointing both ways; none for the others.
    QCOMPARE(StoreProbe::rowCount(db, u"vouchers"_s), approved);
    QCOMPARE(StoreProbe::scalar(
                 db, u"SELECT COUNT(*) FROM applications a WHERE a.status = 'approved' AND "
                     u"NOT EXISTS (SELECT 1 FROM vouchers v WHERE v.id = a.voucher_id "
                     u"AND v.application_id = a.id)"_s),
             0);
    QCOMPARE(StoreProbe::scalar(
                 db, u"SELECT COUNT(*) FROM vouchers v WHERE NOT EXISTS (SELECT 1 FROM "
                     u"applications a WHERE a.id = v.application_id AND a.status = 'approved' "
                     u"AND a.voucher_id = v.id)"_s),
             0);
    QCOMPARE(StoreProbe::scalar(db,
                                u"SELECT COUNT(*) FROM applications WHERE status <> 'approved' AND "
                                u"voucher_id IS NOT NULL"_s),
             0);
    QCOMPARE(StoreProbe::scalar(db,
                                u"SELECT COUNT(*) FROM vouchers v JOIN applications a ON "
                                u"a.id = v.application_id WHERE v.partner_id <> a.partner_id OR "
                                u"v.customer_id <> a.customer_id"_s),
             0);
    // Applications use their own partner's eligible customers and templates.
    QCOMPARE(StoreProbe::scalar(
                 db, u"SELECT COUNT(*) FROM applications a JOIN customers c ON "
                     u"c.id = a.customer_id JOIN templates t ON t.id = a.template_id "
                     u"WHERE c.partner_id <> a.partner_id OR t.partner_id <> a.partner_id "
                     u"OR c.eligible = 0"_s),
             0);
    // Every template applied for is locked.
    QCOMPARE(StoreProbe::scalar(db,
                                u"SELECT COUNT(*) FROM templates t WHERE t.locked = 0 AND EXISTS "
                                u"(SELECT 1 FROM applications a WHERE a.template_id = t.id)"_s),
             0);

    // Voucher codes: unique and well-formed.
    QCOMPARE(StoreProbe::scalar(db, u"SELECT COUNT(*) - COUNT(DISTINCT code) FROM vouchers"_s), 0);
    {
        SqlStatement codes = db.prepare(u"SELECT code FROM vouchers"_s);
        codes.exec();
        qint64 malformed = 0;
        QString example;
        while (codes.next()) {
            const QString code = codes.text(0);
            if (!VoucherCode::isWellFormed(code)) {
                ++malformed;
                example = code;
            }
        }
        QVERIFY2(malformed == 0, qPrintable(example));
    }

    // Deductions: what a voucher lost is what was deducted from it, each min(balance, order).
    QCOMPARE(StoreProbe::scalar(
                 db, u"SELECT COUNT(*) FROM vouchers v WHERE v.face_value_minor - "
                     u"v.balance_minor <> COALESCE((SELECT SUM(deducted_minor) FROM deductions "
                     u"d WHERE d.voucher_id = v.id), 0)"_s),
             0);
    QCOMPARE(StoreProbe::scalar(db, u"SELECT COUNT(*) FROM deductions WHERE deducted_minor <= 0 OR "
                                    u"deducted_minor > order_amount_minor"_s),
             0);
    QCOMPARE(StoreProbe::scalar(db,
                                u"SELECT COUNT(*) FROM deductions d JOIN vouchers v ON "
                                u"v.id = d.voucher_id WHERE d.customer_id <> v.customer_id OR "
                                u"d.at < v.effective_at OR d.at >= v.expires_at OR "
                                u"(v.invalidated_at IS NOT NULL AND d.at >= v.invalidated_at)"_s),
             0);
    // Universal vouchers carry the blocklist in effect at approval; specific ones none.
    QCOMPARE(StoreProbe::scalar(
                 db, u"SELECT COUNT(*) FROM vouchers v WHERE v.kind = 'universal' AND "
                     u"NOT EXISTS (SELECT 1 FROM blocklist_revisions b WHERE b.revision = "
                     u"v.blocklist_revision AND b.product_codes = v.blocked_product_codes AND "
                     u"b.effective_at <= v.effective_at AND NOT EXISTS (SELECT 1 FROM "
                     u"blocklist_revisions c WHERE c.revision > b.revision AND "
                     u"c.effective_at <= v.effective_at))"_s),
             0);
    QCOMPARE(StoreProbe::scalar(db, u"SELECT COUNT(*) FROM vouchers WHERE kind = 'specific' AND "
                                    u"blocklist_revision <> 0"_s),
             0);

    // Quota pools: issued = face value issued less balances returned; the quota covers it.
    {
        SqlStatement partners = db.prepare(
            u"SELECT p.name, p.quota_minor, p.issued_minor, (SELECT COALESCE(SUM("
            u"v.face_value_minor), 0) - COALESCE(SUM(CASE WHEN v.invalidated_at IS NOT NULL THEN "
            u"v.balance_minor ELSE 0 END), 0) FROM vouchers v WHERE v.partner_id = p.id) "
            u"FROM partners p ORDER BY p.name"_s);
        partners.exec();
        while (partners.next()) {
            const QString name = partners.text(0);
            const qint64 quota = partners.int64(1);
            const qint64 issued = partners.int64(2);
            const qint64 expected = partners.int64(3);
            QVERIFY2(issued == expected,
                     qPrintable(u"%1: issued %2, its vouchers say %3"_s.arg(name).arg(issued).arg(
                         expected)));
            QVERIFY2(quota >= issued,
                     qPrintable(u"%1: quota %2 < issued %3"_s.arg(name).arg(quota).arg(issued)));
        }
    }

    // The voucher list: one row per application, in step with it and its voucher.
    QCOMPARE(StoreProbe::rowCount(db, u"voucher_list"_s),
             StoreProbe::rowCount(db, u"applications"_s));
    QCOMPARE(StoreProbe::scalar(
                 db, u"SELECT COUNT(*) FROM voucher_list l JOIN applications a ON "
                     u"a.id = l.application_id LEFT JOIN vouchers v ON v.id = a.voucher_id "
                     u"JOIN customers c ON c.id = a.customer_id JOIN templates t ON "
                     u"t.id = a.template_id WHERE l.phase <> CASE a.status "
                     u"WHEN 'pending_review' THEN 0 WHEN 'rejected' THEN 1 "
                     u"WHEN 'cancelled' THEN 2 ELSE (CASE WHEN v.invalidated_at IS NULL THEN 3 "
                     u"ELSE 4 END) END OR l.partner_id <> a.partner_id OR l.customer_id <> "
                     u"a.customer_id OR l.customer_name <> c.name OR l.customer_uin <> c.uin OR "
                     u"l.template_name <> t.name OR l.kind <> t.kind OR l.face_value_minor <> "
                     u"t.face_value_minor OR l.applied_at <> a.submitted_at OR "
                     u"l.voucher_id IS NOT a.voucher_id OR l.voucher_code IS NOT v.code OR "
                     u"l.balance_minor IS NOT v.balance_minor OR l.expires_at IS NOT "
                     u"v.expires_at"_s),
             0);

    // Applications: decided ones say when, pending ones are not decided.
    QCOMPARE(StoreProbe::scalar(
                 db, u"SELECT COUNT(*) FROM applications WHERE review_due_at <= submitted_at "
                     u"OR (status IN ('approved', 'rejected') AND reviewed_at IS NULL) OR "
                     u"(status = 'cancelled' AND cancelled_at IS NULL) OR "
                     u"(status = 'pending_review' AND (reviewed_at IS NOT NULL OR "
                     u"cancelled_at IS NOT NULL)) OR (status = 'rejected' AND "
                     u"reject_reason = '')"_s),
             0);

    // The full-text index holds exactly the voucher list's text (FTS5 compares the two).
    QSqlQuery textIndex(db.connection());
    QVERIFY2(textIndex.exec(u"INSERT INTO voucher_list_text (voucher_list_text) "
                            u"VALUES ('integrity-check')"_s),
             qPrintable(textIndex.lastError().text()));

    // Foreign keys hold.
    SqlStatement foreignKeys = db.prepare(u"PRAGMA foreign_key_check"_s);
    foreignKeys.exec();
    const bool violated = foreignKeys.next();
    QVERIFY2(!violated, qPrintable(violated ? foreignKeys.text(0) : QString()));
}
