#include "core/commands/templatecommands.h"
#include "core/repositories/auditlog.h"
#include "core/repositories/templaterepository.h"
#include "tests/support/resultmessage.h"
#include "tests/support/storeprobe.h"
#include "tests/support/testworkspace.h"

#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

// CreateTemplate, UpdateTemplate, DuplicateTemplate and DeleteTemplate through the store.
class TestTemplateCommands : public QObject
{
    Q_OBJECT

private slots:
    void create();
    void createTrimsAndIgnoresClientOwnedFields();
    void createByOtherRolesIsUnauthorized_data();
    void createByOtherRolesIsUnauthorized();
    void createListsEveryFieldError();
    void createSingleFieldError_data();
    void createSingleFieldError();
    void createAcceptsBoundaries_data();
    void createAcceptsBoundaries();
    void createRespectsConfiguredFaceValueCap();
    void duplicateNameIsPerPartnerAndCaseInsensitive();
    void idempotentCreate();
    void idempotentCreateConflicts();
    void racingCreatesOfOneIdCreateOnce();

    void update();
    void updateWithStaleVersionConflicts();
    void updateLockedTemplateIsRefusedBeforeVersion();
    void updateValidatesFields();
    void updateNameUniqueness();
    void updateOfInvisibleTemplateIsNotFound();

    void duplicateNamesCopies();
    void duplicateOfLockedTemplateIsUnlocked();
    void duplicateWithExplicitName();
    void duplicateOfLongNameStaysWithinLimit();
    void duplicateIsIdempotent();
    void duplicateOfInvisibleTemplateIsNotFound();

    void deleteUnused();
    void deleteLockedIsRefused();
    void deleteOfInvisibleTemplateIsNotFound();

    void listAndCountFilters();
};

namespace {

VoucherTemplate validDraft(const QString &name)
{
    VoucherTemplate t;
    t.name = name;
    t.kind = VoucherKind::Specific;
    t.faceValueMinor = 100000;
    t.currency = u"CNY"_s;
    t.validityDays = 30;
    t.minSpendMinor = 0;
    t.payMode = PayMode::All;
    t.productCodes = {u"cvm"_s, u"cos"_s};
    t.note = u"For migration tests"_s;
    return t;
}

bool sameEditableFields(const VoucherTemplate &a, const VoucherTemplate &b)
{
    return a.name == b.name && a.kind == b.kind && a.faceValueMinor == b.faceValueMinor &&
           a.currency == b.currency && a.validityDays == b.validityDays &&
           a.minSpendMinor == b.minSpendMinor && a.payMode == b.payMode &&
           a.productCodes == b.productCodes && a.note == b.note;
}

QStringList fieldsOf(const CommandError &error)
{
    QStringList fields;
    for (const FieldError &e : error.fieldErrors())
        fields.append(e.field);
    return fields;
}

Actor actorFor(const TestWorkspace &ws, const QString &who)
{
    if (who == u"reviewer"_s)
        return ws.reviewer;
    if (who == u"admin"_s)
        return ws.admin;
    if (who == u"managerB"_s)
        return ws.managerB;
    return ws.managerA;
}

} // namespace

void TestTemplateCommands::create()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    const qint64 revBefore = StoreProbe::changeRev(ws.db());
    const qint64 auditBefore = AuditLog(ws.db()).count();

    const VoucherTemplate draft = validDraft(u"Trial CVM"_s);
    const auto created = TemplateCommands(*ctx).createTemplate(draft);
    QVERIFY2(created.ok(), resultMessage(created));
    const VoucherTemplate &t = created.value();
    QVERIFY(!t.id.isNull());
    QCOMPARE(t.partnerId, ws.partnerA.id);
    QVERIFY(sameEditableFields(t, draft));
    QCOMPARE(t.version, 1);
    QVERIFY(!t.locked);
    QCOMPARE(t.createdAt, ws.now());
    QCOMPARE(t.updatedAt, ws.now());
    QVERIFY(t.rev > revBefore);
    QCOMPARE(StoreProbe::changeRev(ws.db()), t.rev);

    const auto stored = TemplateRepository(ws.db()).find(t.id);
    QVERIFY(stored);
    QVERIFY(sameEditableFields(*stored, draft));
    QCOMPARE(stored->partnerId, ws.partnerA.id);
    QCOMPARE(stored->version, 1);
    QCOMPARE(stored->createdAt, ws.now());
    QCOMPARE(stored->rev, t.rev);

    const auto events =
        AuditLog(ws.db()).eventsFor(u"Template"_s, t.id.toString(QUuid::WithoutBraces));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().action, u"CreateTemplate"_s);
    QCOMPARE(events.first().actorId, ws.managerA.userId);
    QCOMPARE(events.first().at, ws.now());
    QCOMPARE(events.first().details.value(u"name"_s).toString(), u"Trial CVM"_s);
    QCOMPARE(events.first().details.value(u"faceValueMinor"_s).toInteger(), 100000);
    QCOMPARE(AuditLog(ws.db()).count(), auditBefore + 1);
}

void TestTemplateCommands::createTrimsAndIgnoresClientOwnedFields()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);

    VoucherTemplate draft = validDraft(u"  Padded name \t"_s);
    draft.note = u"  a note  "_s;
    draft.partnerId = ws.partnerB.id; // the actor's partner wins
    draft.version = 9;
    draft.locked = true;
    const auto created = TemplateCommands(*ctx).createTemplate(draft);
    QVERIFY2(created.ok(), resultMessage(created));
    QCOMPARE(created.value().name, u"Padded name"_s);
    QCOMPARE(created.value().note, u"a note"_s);
    QCOMPARE(created.value().partnerId, ws.partnerA.id);
    QCOMPARE(created.value().version, 1);
    QVERIFY(!created.value().locked);
    const auto stored = TemplateRepository(ws.db()).find(created.value().id);
    QCOMPARE(stored->partnerId, ws.partnerA.id);
    QVERIFY(!stored->locked);
}

void TestTemplateCommands::createByOtherRolesIsUnauthorized_data()
{
    QTest::addColumn<QString>("who");
    QTest::newRow("reviewer") << u"reviewer"_s;
    QTest::newRow("admin") << u"admin"_s;
}

void TestTemplateCommands::createByOtherRolesIsUnauthorized()
{
    QFETCH(QString, who);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(actorFor(ws, who));
    const StoreSnapshot before(ws.db());

    const auto created = TemplateCommands(*ctx).createTemplate(validDraft(u"Not mine"_s));
    VD_EXPECT_ERROR(created, u"UnauthorizedOperation"_s);
    QCOMPARE(created.error().kind(), CommandError::Kind::Unauthorized);
    QCOMPARE(created.error().httpStatus(), 403);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestTemplateCommands::createListsEveryFieldError()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    const StoreSnapshot before(ws.db());

    VoucherTemplate draft;
    draft.name = u"   "_s;
    draft.kind = VoucherKind::Specific;
    draft.faceValueMinor = 0;
    draft.currency = u"EUR"_s;
    draft.validityDays = 0;
    draft.minSpendMinor = -1;
    draft.productCodes = {};
    draft.note = QString(501, u'n');
    const auto created = TemplateCommands(*ctx).createTemplate(draft);
    VD_EXPECT_ERROR(created, u"InvalidParameter"_s);
    QCOMPARE(created.error().kind(), CommandError::Kind::InvalidParameter);
    QCOMPARE(created.error().httpStatus(), 400);
    QStringList fields = fieldsOf(created.error());
    fields.sort();
    QCOMPARE(fields, QStringList({u"currency"_s, u"faceValueMinor"_s, u"minSpendMinor"_s, u"name"_s,
                                  u"note"_s, u"productCodes"_s, u"validityDays"_s}));
    for (const FieldError &e : created.error().fieldErrors())
        QVERIFY2(!e.message.isEmpty(), qPrintable(e.field));
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestTemplateCommands::createSingleFieldError_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("code");

    QTest::newRow("empty name") << u"name"_s << u""_s << u"InvalidParameter.Name"_s;
    QTest::newRow("61-char name") << u"name"_s << QString(61, u'x') << u"InvalidParameter.Name"_s;
    QTest::newRow("face 0") << u"face"_s << u"0"_s << u"InvalidParameter.FaceValueMinor"_s;
    QTest::newRow("face negative")
        << u"face"_s << u"-100"_s << u"InvalidParameter.FaceValueMinor"_s;
    QTest::newRow("face above cap")
        << u"face"_s << u"100000001"_s << u"InvalidParameter.FaceValueMinor"_s;
    QTest::newRow("unsupported currency")
        << u"currency"_s << u"EUR"_s << u"InvalidParameter.Currency"_s;
    QTest::newRow("not the partner's currency")
        << u"currency"_s << u"USD"_s << u"InvalidParameter.Currency"_s;
    QTest::newRow("validity 0") << u"validity"_s << u"0"_s << u"InvalidParameter.ValidityDays"_s;
    QTest::newRow("validity 366") << u"validity"_s << u"366"_s
                                  << u"InvalidParameter.ValidityDays"_s;
    QTest::newRow("negative min spend")
        << u"minSpend"_s << u"-1"_s << u"InvalidParameter.MinSpendMinor"_s;
    QTest::newRow("specific without products")
        << u"products"_s << u""_s << u"InvalidParameter.ProductCodes"_s;
    QTest::newRow("unknown product")
        << u"products"_s << u"cvm,no-such-product"_s << u"InvalidParameter.ProductCodes"_s;
    QTest::newRow("product twice")
        << u"products"_s << u"cvm,cos,cvm"_s << u"InvalidParameter.ProductCodes"_s;
    QTest::newRow("universal with products")
        << u"universalProducts"_s << u"cvm"_s << u"InvalidParameter.ProductCodes"_s;
    QTest::newRow("501-char note") << u"note"_s << QString(501, u'n') << u"InvalidParameter.Note"_s;
}

namespace {
VoucherTemplate draftWith(const QString &field, const QString &value)
{
    VoucherTemplate t = validDraft(u"Boundary"_s);
    if (field == u"name"_s)
        t.name = value;
    else if (field == u"face"_s)
        t.faceValueMinor = value.toLongLong();
    else if (field == u"currency"_s)
        t.currency = value;
    else if (field == u"validity"_s)
        t.validityDays = value.toInt();
    else if (field == u"minSpend"_s)
        t.minSpendMinor = value.toLongLong();
    else if (field == u"products"_s)
        t.productCodes = value.isEmpty() ? QStringList() : value.split(u',');
    else if (field == u"universalProducts"_s) {
        t.kind = VoucherKind::Universal;
        t.productCodes = value.isEmpty() ? QStringList() : value.split(u',');
    } else if (field == u"note"_s)
        t.note = value;
    return t;
}
} // namespace

void TestTemplateCommands::createSingleFieldError()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, code);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    const StoreSnapshot before(ws.db());

    const auto created = TemplateCommands(*ctx).createTemplate(draftWith(field, value));
    VD_EXPECT_ERROR(created, code);
    QCOMPARE(created.error().fieldErrors().size(), 1);
    QVERIFY(!created.error().message().isEmpty());
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestTemplateCommands::createAcceptsBoundaries_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");

    QTest::newRow("1-char name") << u"name"_s << u"x"_s;
    QTest::newRow("60-char name") << u"name"_s << QString(60, u'x');
    QTest::newRow("face 1") << u"face"_s << u"1"_s;
    QTest::newRow("face at cap") << u"face"_s << u"100000000"_s;
    QTest::newRow("validity 1") << u"validity"_s << u"1"_s;
    QTest::newRow("validity 365") << u"validity"_s << u"365"_s;
    QTest::newRow("min spend above face") << u"minSpend"_s << u"999999999"_s;
    QTest::newRow("one product") << u"products"_s << u"cdn"_s;
    QTest::newRow("universal") << u"universalProducts"_s << u""_s;
    QTest::newRow("500-char note") << u"note"_s << QString(500, u'n');
    QTest::newRow("empty note") << u"note"_s << u""_s;
}

void TestTemplateCommands::createAcceptsBoundaries()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);

    const VoucherTemplate draft = draftWith(field, value);
    const auto created = TemplateCommands(*ctx).createTemplate(draft);
    QVERIFY2(created.ok(), resultMessage(created));
    const auto stored = TemplateRepository(ws.db()).find(created.value().id);
    QVERIFY(stored);
    QVERIFY(sameEditableFields(*stored, draft));
}

void TestTemplateCommands::createRespectsConfiguredFaceValueCap()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const auto set = ws.db().write([&]() -> Result<int> {
        ws.db().setSetting(u"face_value_cap_minor"_s, u"50000"_s);
        return 0;
    });
    QVERIFY2(set.ok(), resultMessage(set));
    auto ctx = ws.context(ws.managerA);

    VoucherTemplate draft = validDraft(u"Capped"_s);
    draft.faceValueMinor = 50001;
    VD_EXPECT_ERROR(TemplateCommands(*ctx).createTemplate(draft),
                    u"InvalidParameter.FaceValueMinor"_s);
    draft.faceValueMinor = 50000;
    const auto created = TemplateCommands(*ctx).createTemplate(draft);
    QVERIFY2(created.ok(), resultMessage(created));
}

void TestTemplateCommands::duplicateNameIsPerPartnerAndCaseInsensitive()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctxA = ws.context(ws.managerA);
    auto ctxB = ws.context(ws.managerB);
    const auto first = TemplateCommands(*ctxA).createTemplate(validDraft(u"Trial CVM"_s));
    QVERIFY2(first.ok(), resultMessage(first));

    for (const QString &name : {u"Trial CVM"_s, u"trial cvm"_s, u"  TRIAL CVM  "_s}) {
        const StoreSnapshot before(ws.db());
        const auto again = TemplateCommands(*ctxA).createTemplate(validDraft(name));
        VD_EXPECT_ERROR(again, u"FailedOperation.DuplicateName"_s);
        QCOMPARE(again.error().kind(), CommandError::Kind::Conflict);
        QCOMPARE(again.error().httpStatus(), 409);
        QCOMPARE(fieldsOf(again.error()), QStringList({u"name"_s}));
        VD_VERIFY_UNCHANGED(before, ws.db());
    }

    // Partner B has its own names.
    const auto other = TemplateCommands(*ctxB).createTemplate(validDraft(u"Trial CVM"_s));
    QVERIFY2(other.ok(), resultMessage(other));
    QCOMPARE(other.value().partnerId, ws.partnerB.id);
    QVERIFY(other.value().id != first.value().id);
}

void TestTemplateCommands::idempotentCreate()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);

    VoucherTemplate draft = validDraft(u"Retried"_s);
    draft.id = QUuid::createUuid();
    const auto first = TemplateCommands(*ctx).createTemplate(draft);
    QVERIFY2(first.ok(), resultMessage(first));
    QCOMPARE(first.value().id, draft.id);

    const StoreSnapshot before(ws.db());
    ws.advance(60);
    // The same request again (a retry after a lost answer), with the name padded differently:
    // the fingerprint is of the normalised fields.
    draft.name = u" Retried "_s;
    const auto second = TemplateCommands(*ctx).createTemplate(draft);
    QVERIFY2(second.ok(), resultMessage(second));
    QCOMPARE(second.value().id, first.value().id);
    QVERIFY(sameEditableFields(second.value(), first.value()));
    QCOMPARE(second.value().createdAt, first.value().createdAt);
    QCOMPARE(second.value().version, 1);
    QCOMPARE(second.value().rev, first.value().rev);
    VD_VERIFY_UNCHANGED(before, ws.db());
    QCOMPARE(
        AuditLog(ws.db()).eventsFor(u"Template"_s, draft.id.toString(QUuid::WithoutBraces)).size(),
        1);
}

void TestTemplateCommands::idempotentCreateConflicts()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctxA = ws.context(ws.managerA);
    auto ctxB = ws.context(ws.managerB);

    VoucherTemplate draft = validDraft(u"Original"_s);
    draft.id = QUuid::createUuid();
    const auto first = TemplateCommands(*ctxA).createTemplate(draft);
    QVERIFY2(first.ok(), resultMessage(first));
    const StoreSnapshot before(ws.db());

    VoucherTemplate changed = draft;
    changed.faceValueMinor += 1;
    VD_EXPECT_ERROR(TemplateCommands(*ctxA).createTemplate(changed),
                    u"FailedOperation.IdempotencyConflict"_s);
    changed = draft;
    changed.name = u"Another name"_s;
    VD_EXPECT_ERROR(TemplateCommands(*ctxA).createTemplate(changed),
                    u"FailedOperation.IdempotencyConflict"_s);
    // Another partner cannot take over, or read, the template through its id.
    const auto stolen = TemplateCommands(*ctxB).createTemplate(draft);
    VD_EXPECT_ERROR(stolen, u"FailedOperation.IdempotencyConflict"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());

    // A refused create leaves its id free: a corrected retry creates it.
    VoucherTemplate invalid = validDraft(u""_s);
    invalid.id = QUuid::createUuid();
    VD_EXPECT_ERROR(TemplateCommands(*ctxA).createTemplate(invalid), u"InvalidParameter.Name"_s);
    invalid.name = u"Corrected"_s;
    const auto corrected = TemplateCommands(*ctxA).createTemplate(invalid);
    QVERIFY2(corrected.ok(), resultMessage(corrected));
    QCOMPARE(corrected.value().id, invalid.id);
}

void TestTemplateCommands::racingCreatesOfOneIdCreateOnce()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    QString error;
    const auto otherDb = Database::open(ws.path(), &error);
    QVERIFY2(otherDb, qPrintable(error));

    // The same create sent twice at once (a client retrying over two connections).
    constexpr int Rounds = 10;
    QList<VoucherTemplate> drafts;
    for (int i = 0; i < Rounds; ++i) {
        VoucherTemplate draft = validDraft(u"Raced %1"_s.arg(i));
        draft.id = QUuid::createUuid();
        drafts.append(draft);
    }
    QList<QUuid> results[2];
    QStringList failures[2];
    ThreadBarrier barrier(2);
    Database *stores[2] = {&ws.db(), otherDb.get()};
    const QDateTime now = ws.now();
    auto managerLoop = [&](int side) {
        CommandContext ctx(*stores[side], ws.managerA);
        ctx.setClock([now] { return now; });
        const TemplateCommands commands(ctx);
        for (const VoucherTemplate &draft : std::as_const(drafts)) {
            barrier.wait();
            const auto result = commands.createTemplate(draft);
            if (result.ok())
                results[side].append(result.value().id);
            else
                failures[side].append(result.error().code());
        }
    };
    std::unique_ptr<QThread> first(QThread::create(managerLoop, 0));
    std::unique_ptr<QThread> second(QThread::create(managerLoop, 1));
    first->start();
    second->start();
    QVERIFY(first->wait(QDeadlineTimer(60000)));
    QVERIFY(second->wait(QDeadlineTimer(60000)));

    QVERIFY2(failures[0].isEmpty(), qPrintable(failures[0].join(u", "_s)));
    QVERIFY2(failures[1].isEmpty(), qPrintable(failures[1].join(u", "_s)));
    QCOMPARE(results[0], results[1]);
    for (const VoucherTemplate &draft : std::as_const(drafts)) {
        QVERIFY(TemplateRepository(ws.db()).find(draft.id));
        QCOMPARE(AuditLog(ws.db())
                     .eventsFor(u"Template"_s, draft.id.toString(QUuid::WithoutBraces))
                     .size(),
                 1);
    }
    QCOMPARE(StoreProbe::rowCount(ws.db(), u"templates"_s), Rounds);
}

void TestTemplateCommands::update()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    const VoucherTemplate original = ws.createTemplate(u"Editable"_s);
    const QDateTime createdAt = ws.now();
    ws.advance(120);

    VoucherTemplate edit = original;
    edit.name = u"Edited"_s;
    edit.faceValueMinor = 250000;
    edit.validityDays = 90;
    edit.minSpendMinor = 1000;
    edit.payMode = PayMode::Postpaid;
    edit.productCodes = {u"cdn"_s};
    edit.note = u"changed"_s;
    const auto updated = TemplateCommands(*ctx).updateTemplate(edit, 1);
    QVERIFY2(updated.ok(), resultMessage(updated));
    QCOMPARE(updated.value().version, 2);
    QVERIFY(sameEditableFields(updated.value(), edit));
    QCOMPARE(updated.value().createdAt, createdAt);
    QCOMPARE(updated.value().updatedAt, ws.now());
    QVERIFY(updated.value().rev > original.rev);

    const auto stored = TemplateRepository(ws.db()).find(original.id);
    QCOMPARE(stored->version, 2);
    QVERIFY(sameEditableFields(*stored, edit));
    QCOMPARE(stored->partnerId, ws.partnerA.id);

    const auto events =
        AuditLog(ws.db()).eventsFor(u"Template"_s, original.id.toString(QUuid::WithoutBraces));
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.last().action, u"UpdateTemplate"_s);
    QCOMPARE(events.last().at, ws.now());
    QCOMPARE(events.last().details.value(u"version"_s).toInt(), 2);
    QCOMPARE(events.last().details.value(u"name"_s).toString(), u"Edited"_s);

    // And again from version 2; specific -> universal also works.
    edit.kind = VoucherKind::Universal;
    edit.productCodes.clear();
    const auto again = TemplateCommands(*ctx).updateTemplate(edit, 2);
    QVERIFY2(again.ok(), resultMessage(again));
    QCOMPARE(again.value().version, 3);
    QCOMPARE(again.value().kind, VoucherKind::Universal);
}

void TestTemplateCommands::updateWithStaleVersionConflicts()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    VoucherTemplate t = ws.createTemplate(u"Versioned"_s);
    t.note = u"first edit"_s;
    QVERIFY(TemplateCommands(*ctx).updateTemplate(t, 1).ok());

    const StoreSnapshot before(ws.db());
    t.note = u"edit from a stale window"_s;
    const auto stale = TemplateCommands(*ctx).updateTemplate(t, 1);
    VD_EXPECT_ERROR(stale, u"FailedOperation.VersionConflict"_s);
    QCOMPARE(stale.error().httpStatus(), 409);
    VD_EXPECT_ERROR(TemplateCommands(*ctx).updateTemplate(t, 3),
                    u"FailedOperation.VersionConflict"_s);
    VD_EXPECT_ERROR(TemplateCommands(*ctx).updateTemplate(t, 0),
                    u"FailedOperation.VersionConflict"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
    QCOMPARE(TemplateRepository(ws.db()).find(t.id)->note, u"first edit"_s);
}

void TestTemplateCommands::updateLockedTemplateIsRefusedBeforeVersion()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    VoucherTemplate t = ws.createTemplate(u"Soon locked"_s);
    ws.submit(t.id);
    QVERIFY(TemplateRepository(ws.db()).find(t.id)->locked);
    QCOMPARE(TemplateRepository(ws.db()).find(t.id)->version, 1);

    const StoreSnapshot before(ws.db());
    t.note = u"too late"_s;
    VD_EXPECT_ERROR(TemplateCommands(*ctx).updateTemplate(t, 1),
                    u"FailedOperation.TemplateLocked"_s);
    VD_EXPECT_ERROR(TemplateCommands(*ctx).updateTemplate(t, 7),
                    u"FailedOperation.TemplateLocked"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestTemplateCommands::updateValidatesFields()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    VoucherTemplate t = ws.createTemplate(u"Valid"_s);
    const StoreSnapshot before(ws.db());

    VoucherTemplate bad = t;
    bad.validityDays = 400;
    VD_EXPECT_ERROR(TemplateCommands(*ctx).updateTemplate(bad, 1),
                    u"InvalidParameter.ValidityDays"_s);
    bad = t;
    bad.name = u" "_s;
    bad.faceValueMinor = -5;
    const auto several = TemplateCommands(*ctx).updateTemplate(bad, 1);
    VD_EXPECT_ERROR(several, u"InvalidParameter"_s);
    QCOMPARE(fieldsOf(several.error()), QStringList({u"name"_s, u"faceValueMinor"_s}));
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestTemplateCommands::updateNameUniqueness()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    ws.createTemplate(u"Taken"_s);
    VoucherTemplate t = ws.createTemplate(u"Mine"_s);

    const StoreSnapshot before(ws.db());
    VoucherTemplate rename = t;
    rename.name = u"TAKEN"_s;
    VD_EXPECT_ERROR(TemplateCommands(*ctx).updateTemplate(rename, 1),
                    u"FailedOperation.DuplicateName"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());

    // Its own name in another case is not a clash with itself.
    rename.name = u"MINE"_s;
    const auto recased = TemplateCommands(*ctx).updateTemplate(rename, 1);
    QVERIFY2(recased.ok(), resultMessage(recased));
    QCOMPARE(recased.value().name, u"MINE"_s);
}

void TestTemplateCommands::updateOfInvisibleTemplateIsNotFound()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    VoucherTemplate t = ws.createTemplate(u"A's template"_s);
    auto ctxB = ws.context(ws.managerB);
    auto ctxReviewer = ws.context(ws.reviewer);
    const StoreSnapshot before(ws.db());

    t.note = u"B was here"_s;
    const auto byB = TemplateCommands(*ctxB).updateTemplate(t, 1);
    VD_EXPECT_ERROR(byB, u"ResourceNotFound.Template"_s);
    QCOMPARE(byB.error().httpStatus(), 404);
    VoucherTemplate unknown = t;
    unknown.id = QUuid::createUuid();
    const auto missing = TemplateCommands(*ctxB).updateTemplate(unknown, 1);
    VD_EXPECT_ERROR(missing, u"ResourceNotFound.Template"_s);
    // Another partner's template and a missing one are indistinguishable.
    QCOMPARE(byB.error().message(), missing.error().message());
    VD_EXPECT_ERROR(TemplateCommands(*ctxReviewer).updateTemplate(t, 1),
                    u"UnauthorizedOperation"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestTemplateCommands::duplicateNamesCopies()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    const VoucherTemplate source = ws.createTemplate(u"Trial"_s);

    const QStringList expected = {u"Trial (copy)"_s, u"Trial (copy 2)"_s, u"Trial (copy 3)"_s};
    QList<QUuid> copies;
    for (const QString &name : expected) {
        const auto copy = TemplateCommands(*ctx).duplicateTemplate(source.id, QUuid());
        QVERIFY2(copy.ok(), resultMessage(copy));
        QCOMPARE(copy.value().name, name);
        QVERIFY(copy.value().id != source.id);
        QVERIFY(!copies.contains(copy.value().id));
        QCOMPARE(copy.value().partnerId, ws.partnerA.id);
        QCOMPARE(copy.value().faceValueMinor, source.faceValueMinor);
        QCOMPARE(copy.value().productCodes, source.productCodes);
        const auto stored = TemplateRepository(ws.db()).find(copy.value().id);
        QVERIFY(stored);
        QCOMPARE(stored->name, name);
        copies.append(copy.value().id);
    }

    // A copy of a copy is named after the copy.
    const auto copyOfCopy = TemplateCommands(*ctx).duplicateTemplate(copies.first(), QUuid());
    QVERIFY2(copyOfCopy.ok(), resultMessage(copyOfCopy));
    QCOMPARE(copyOfCopy.value().name, u"Trial (copy) (copy)"_s);

    // A freed name is used again.
    QVERIFY(TemplateCommands(*ctx).deleteTemplate(copies.at(1)).ok());
    const auto refill = TemplateCommands(*ctx).duplicateTemplate(source.id, QUuid());
    QVERIFY2(refill.ok(), resultMessage(refill));
    QCOMPARE(refill.value().name, u"Trial (copy 2)"_s);
}

void TestTemplateCommands::duplicateOfLockedTemplateIsUnlocked()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    VoucherTemplate source = ws.createTemplate(u"Locked source"_s);
    source.note = u"edited once"_s;
    QVERIFY(TemplateCommands(*ctx).updateTemplate(source, 1).ok()); // version 2
    ws.submit(source.id);
    const auto lockedSource = TemplateRepository(ws.db()).find(source.id);
    QVERIFY(lockedSource->locked);
    QCOMPARE(lockedSource->version, 2);
    ws.advance(30);

    const QUuid newId = QUuid::createUuid();
    const auto copy = TemplateCommands(*ctx).duplicateTemplate(source.id, newId);
    QVERIFY2(copy.ok(), resultMessage(copy));
    QCOMPARE(copy.value().id, newId);
    QVERIFY(!copy.value().locked);
    QCOMPARE(copy.value().version, 1);
    QCOMPARE(copy.value().name, u"Locked source (copy)"_s);
    QCOMPARE(copy.value().note, u"edited once"_s);
    QCOMPARE(copy.value().createdAt, ws.now());
    QCOMPARE(copy.value().updatedAt, ws.now());

    // The source stays locked and unchanged; the copy is editable.
    const auto sourceAfter = TemplateRepository(ws.db()).find(source.id);
    QVERIFY(sourceAfter->locked);
    QCOMPARE(sourceAfter->rev, lockedSource->rev);
    VoucherTemplate edit = copy.value();
    edit.faceValueMinor = 5;
    QVERIFY(TemplateCommands(*ctx).updateTemplate(edit, 1).ok());

    const auto events =
        AuditLog(ws.db()).eventsFor(u"Template"_s, newId.toString(QUuid::WithoutBraces));
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.first().action, u"DuplicateTemplate"_s);
    QCOMPARE(events.first().details.value(u"duplicateOf"_s).toString(),
             source.id.toString(QUuid::WithoutBraces));
}

void TestTemplateCommands::duplicateWithExplicitName()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    const VoucherTemplate source = ws.createTemplate(u"Source"_s);
    ws.createTemplate(u"Existing"_s);

    const auto named = TemplateCommands(*ctx).duplicateTemplate(source.id, QUuid(), u" Named "_s);
    QVERIFY2(named.ok(), resultMessage(named));
    QCOMPARE(named.value().name, u"Named"_s);

    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(TemplateCommands(*ctx).duplicateTemplate(source.id, QUuid(), u"existing"_s),
                    u"FailedOperation.DuplicateName"_s);
    VD_EXPECT_ERROR(TemplateCommands(*ctx).duplicateTemplate(source.id, QUuid(), QString(61, u'x')),
                    u"InvalidParameter.Name"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestTemplateCommands::duplicateOfLongNameStaysWithinLimit()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    const QString longName = QString(60, u'L');
    const VoucherTemplate source = ws.createTemplate(longName);

    const auto first = TemplateCommands(*ctx).duplicateTemplate(source.id, QUuid());
    QVERIFY2(first.ok(), resultMessage(first));
    QCOMPARE(first.value().name.size(), 60);
    QVERIFY(first.value().name.endsWith(u" (copy)"_s));
    const auto second = TemplateCommands(*ctx).duplicateTemplate(source.id, QUuid());
    QVERIFY2(second.ok(), resultMessage(second));
    QVERIFY(second.value().name.size() <= 60);
    QVERIFY(second.value().name.endsWith(u" (copy 2)"_s));
}

void TestTemplateCommands::duplicateIsIdempotent()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    const VoucherTemplate source = ws.createTemplate(u"Once"_s);
    const VoucherTemplate other = ws.createTemplate(u"Other"_s);
    const QUuid newId = QUuid::createUuid();

    const auto first = TemplateCommands(*ctx).duplicateTemplate(source.id, newId);
    QVERIFY2(first.ok(), resultMessage(first));
    const StoreSnapshot before(ws.db());
    const auto again = TemplateCommands(*ctx).duplicateTemplate(source.id, newId);
    QVERIFY2(again.ok(), resultMessage(again));
    QCOMPARE(again.value().id, newId);
    QCOMPARE(again.value().name, u"Once (copy)"_s); // not "(copy 2)"
    VD_VERIFY_UNCHANGED(before, ws.db());

    VD_EXPECT_ERROR(TemplateCommands(*ctx).duplicateTemplate(other.id, newId),
                    u"FailedOperation.IdempotencyConflict"_s);
    VD_EXPECT_ERROR(TemplateCommands(*ctx).duplicateTemplate(source.id, newId, u"Renamed"_s),
                    u"FailedOperation.IdempotencyConflict"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestTemplateCommands::duplicateOfInvisibleTemplateIsNotFound()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate source = ws.createTemplate(u"A only"_s);
    auto ctxB = ws.context(ws.managerB);
    auto ctxAdmin = ws.context(ws.admin);
    const StoreSnapshot before(ws.db());

    VD_EXPECT_ERROR(TemplateCommands(*ctxB).duplicateTemplate(source.id, QUuid()),
                    u"ResourceNotFound.Template"_s);
    VD_EXPECT_ERROR(TemplateCommands(*ctxB).duplicateTemplate(QUuid::createUuid(), QUuid()),
                    u"ResourceNotFound.Template"_s);
    VD_EXPECT_ERROR(TemplateCommands(*ctxAdmin).duplicateTemplate(source.id, QUuid()),
                    u"UnauthorizedOperation"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestTemplateCommands::deleteUnused()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    const VoucherTemplate t = ws.createTemplate(u"Short-lived"_s);
    const qint64 tombstones = StoreProbe::rowCount(ws.db(), u"tombstones"_s);

    const auto deleted = TemplateCommands(*ctx).deleteTemplate(t.id);
    QVERIFY2(deleted.ok(), resultMessage(deleted));
    QVERIFY(!TemplateRepository(ws.db()).find(t.id));
    QCOMPARE(StoreProbe::rowCount(ws.db(), u"tombstones"_s), tombstones + 1);
    QCOMPARE(StoreProbe::scalar(
                 ws.db(), u"SELECT COUNT(*) FROM tombstones WHERE entity = "
                          u"'template' AND id = '%1'"_s.arg(t.id.toString(QUuid::WithoutBraces))),
             1);
    const auto events =
        AuditLog(ws.db()).eventsFor(u"Template"_s, t.id.toString(QUuid::WithoutBraces));
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.last().action, u"DeleteTemplate"_s);
    QCOMPARE(events.last().details.value(u"name"_s).toString(), u"Short-lived"_s);

    // Gone: deleting again or editing is "not found", and the name is free again.
    VD_EXPECT_ERROR(TemplateCommands(*ctx).deleteTemplate(t.id), u"ResourceNotFound.Template"_s);
    VD_EXPECT_ERROR(TemplateCommands(*ctx).updateTemplate(t, 1), u"ResourceNotFound.Template"_s);
    ws.createTemplate(u"Short-lived"_s);
}

void TestTemplateCommands::deleteLockedIsRefused()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    auto ctx = ws.context(ws.managerA);
    const VoucherTemplate t = ws.createTemplate(u"Used"_s);
    ws.submit(t.id);

    const StoreSnapshot before(ws.db());
    VD_EXPECT_ERROR(TemplateCommands(*ctx).deleteTemplate(t.id),
                    u"FailedOperation.TemplateLocked"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
    QVERIFY(TemplateRepository(ws.db()).find(t.id));
}

void TestTemplateCommands::deleteOfInvisibleTemplateIsNotFound()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const VoucherTemplate t = ws.createTemplate(u"Not B's"_s);
    auto ctxB = ws.context(ws.managerB);
    auto ctxReviewer = ws.context(ws.reviewer);
    const StoreSnapshot before(ws.db());

    VD_EXPECT_ERROR(TemplateCommands(*ctxB).deleteTemplate(t.id), u"ResourceNotFound.Template"_s);
    VD_EXPECT_ERROR(TemplateCommands(*ctxReviewer).deleteTemplate(t.id),
                    u"UnauthorizedOperation"_s);
    VD_VERIFY_UNCHANGED(before, ws.db());
}

void TestTemplateCommands::listAndCountFilters()
{
    TestWorkspace ws;
    QVERIFY2(ws.isValid(), qPrintable(ws.errorMessage()));
    const QDateTime t0 = ws.now();
    const QUuid trial = ws.createTemplate(u"Trial CVM"_s).id;
    ws.advance(3600);
    const QUuid percent = ws.createTemplate(u"Trial 100% off"_s, VoucherKind::Universal).id;
    ws.submit(percent); // locks it
    ws.advance(3600);
    const QUuid underscore = ws.createTemplate(u"Other_name"_s).id;
    const QUuid lookalike = ws.createTemplate(u"Otherxname"_s).id;
    ws.createTemplate(u"Trial for B"_s, VoucherKind::Specific, 100000, &ws.managerB);

    const TemplateRepository templates(ws.db());
    auto ids = [&](const TemplateFilter &filter) {
        QList<QUuid> list;
        for (const VoucherTemplate &t : templates.list(filter))
            list.append(t.id);
        if (templates.count(filter) != list.size())
            list.append(QUuid()); // makes the comparison fail
        return list;
    };
    auto set = [](const QList<QUuid> &list) { return QSet<QUuid>(list.cbegin(), list.cend()); };

    TemplateFilter filter;
    filter.partnerId = ws.partnerA.id;
    // Newest first.
    const QList<QUuid> all = ids(filter);
    QCOMPARE(all.size(), 4);
    QCOMPARE(all.first() == underscore || all.first() == lookalike, true);
    QCOMPARE(all.last(), trial);

    filter.nameContains = u"TRIAL"_s;
    QCOMPARE(set(ids(filter)), QSet<QUuid>({trial, percent}));
    filter.nameContains = u"100%"_s;
    QCOMPARE(ids(filter), QList<QUuid>({percent}));
    filter.nameContains = u"%"_s;
    QCOMPARE(ids(filter), QList<QUuid>({percent}));
    filter.nameContains = u"r_n"_s; // '_' is a character, not a wildcard
    QCOMPARE(ids(filter), QList<QUuid>({underscore}));
    filter.nameContains.clear();

    filter.kind = VoucherKind::Universal;
    QCOMPARE(ids(filter), QList<QUuid>({percent}));
    filter.kind.reset();
    filter.locked = true;
    QCOMPARE(ids(filter), QList<QUuid>({percent}));
    filter.locked = false;
    QCOMPARE(set(ids(filter)), QSet<QUuid>({trial, underscore, lookalike}));
    filter.locked.reset();

    filter.createdFrom = t0.addSecs(3600);   // inclusive
    filter.createdTo = t0.addSecs(2 * 3600); // exclusive
    QCOMPARE(ids(filter), QList<QUuid>({percent}));
    filter.createdFrom = {};
    filter.createdTo = {};

    // Pages cover the list once.
    QList<QUuid> paged;
    for (int offset = 0; offset < 4; offset += 3) {
        filter.offset = offset;
        filter.limit = 3;
        for (const VoucherTemplate &t : templates.list(filter))
            paged.append(t.id);
    }
    QCOMPARE(paged, all);
    QCOMPARE(templates.count(filter), 4); // count ignores paging

    // No partner: every partner's templates (a reviewer's view).
    QCOMPARE(templates.count({}), 5);
    TemplateFilter forB;
    forB.partnerId = ws.partnerB.id;
    forB.nameContains = u"cvm"_s;
    QCOMPARE(templates.count(forB), 0);
}

QTEST_GUILESS_MAIN(TestTemplateCommands)
#include "tst_templatecommands.moc"
