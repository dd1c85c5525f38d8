#include "core/demo/demogenerator.h"

#include "core/base/coretr.h"
#include "core/commands/applicationcommands.h"
#include "core/commands/cataloguecommands.h"
#include "core/commands/commandcontext.h"
#include "core/commands/customercommands.h"
#include "core/commands/partnercommands.h"
#include "core/commands/reviewcommands.h"
#include "core/commands/templatecommands.h"
#include "core/commands/usercommands.h"
#include "core/commands/vouchercommands.h"
#include "core/demo/demonames.h"
#include "core/repositories/partnerrepository.h"
#include "core/repositories/productrepository.h"
#include "core/repositories/voucherrepository.h"
#include "core/store/database.h"

using namespace Qt::StringLiterals;

namespace {

enum Outcome { Pending, Approved, Rejected, Cancelled };

constexpr qint64 kDay = 24 * 3600;

struct TemplateSpec
{
    const char *name;
    VoucherKind kind;
    qint64 faceValueMinor;
    int validityDays;
    qint64 minSpendMinor;
    PayMode payMode;
    QStringList products;
    const char *note;
    bool used; // applied for in the story (and so locked)
};

QList<TemplateSpec> templateSpecs(bool first)
{
    using K = VoucherKind;
    using P = PayMode;
    if (first) {
        return {
            {"Trial CVM 1000",
             K::Specific,
             100000,
             30,
             0,
             P::All,
             {u"cvm"_s, u"cbs"_s, u"cos"_s},
             "Two-week trials of compute and storage.",
             true},
            {"Universal 5k", K::Universal, 500000, 90, 0, P::All, {}, "", true},
            {"Database migration POC",
             K::Specific,
             800000,
             60,
             10000,
             P::Postpaid,
             {u"cdb"_s, u"postgres"_s, u"redis"_s, u"dts"_s},
             "",
             true},
            {"CDN launch week",
             K::Specific,
             200000,
             14,
             0,
             P::Prepaid,
             {u"cdn"_s, u"cos"_s, u"clb"_s},
             "For game and app launches.",
             true},
            {"Big data trial",
             K::Specific,
             1500000,
             45,
             50000,
             P::All,
             {u"emr"_s, u"es"_s, u"ckafka"_s, u"cls"_s},
             "",
             true},
            {"Kubernetes pilot",
             K::Specific,
             1000000,
             90,
             0,
             P::All,
             {u"tke"_s, u"tcr"_s, u"clb"_s, u"cvm"_s},
             "",
             false},
            {"Universal 20k",
             K::Universal,
             2000000,
             180,
             0,
             P::All,
             {},
             "Draft: for strategic accounts only.",
             false},
        };
    }
    return {
        {"Starter compute 500",
         K::Specific,
         50000,
         30,
         0,
         P::All,
         {u"cvm"_s, u"lighthouse"_s},
         "",
         true},
        {"Universal 3k", K::Universal, 300000, 60, 0, P::All, {}, "", true},
        {"Media trial",
         K::Specific,
         600000,
         30,
         0,
         P::Prepaid,
         {u"vod"_s, u"css"_s, u"trtc"_s, u"mps"_s},
         "",
         true},
        {"Security review",
         K::Specific,
         400000,
         90,
         0,
         P::All,
         {u"waf"_s, u"cwp"_s, u"kms"_s},
         "",
         false},
    };
}

// Products a universal voucher is typically spent on; none is on a blocklist.
const QStringList kEverydayProducts = {u"cvm"_s, u"cos"_s, u"cdb"_s,  u"cdn"_s,
                                       u"tke"_s, u"clb"_s, u"redis"_s};

QDateTime hourFloor(const QDateTime &time)
{
    const qint64 secs = time.toSecsSinceEpoch();
    return QDateTime::fromSecsSinceEpoch(secs - secs % 3600, Qt::UTC);
}

template<typename T>
Result<void> check(const Result<T> &result)
{
    if (!result.ok())
        return result.error();
    return {};
}

} // namespace

struct DemoGenerator::PartnerData
{
    Partner partner;
    Actor manager;
    QList<Customer> customers; // eligible ones, in creation order
    QList<VoucherTemplate> templates;
};

DemoGenerator::DemoGenerator(Database &db, DemoOptions options)
    : m_db(db)
    , m_options(std::move(options))
    , m_random(m_options.seed)
{
    if (!m_options.now.isValid())
        m_options.now = hourFloor(QDateTime::currentDateTimeUtc());
}

QList<DemoAccount> DemoGenerator::accounts()
{
    return {
        {u"manager.a"_s, u"Zhang Min"_s, Role::PartnerManager, u"Demo Partner A"_s},
        {u"manager.b"_s, u"Chen Jing"_s, Role::PartnerManager, u"Demo Partner B"_s},
        {u"rev1"_s, u"Li Wei"_s, Role::Reviewer, {}},
        {u"admin"_s, u"Wang Fang"_s, Role::Admin, {}},
    };
}

std::unique_ptr<CommandContext> DemoGenerator::contextAt(const Actor &actor, const QDateTime &at)
{
    auto context = std::make_unique<CommandContext>(m_db, actor);
    context->setClock([at] { return at; });
    context->setRandom(&m_random);
    return context;
}

Result<void> DemoGenerator::generate()
{
    const bool empty =
        m_db.read([&]() -> Result<bool> { return PartnerRepository(m_db).all().isEmpty(); })
            .value_or(false);
    if (!empty) {
        return CommandError::conflict(u"WorkspaceNotEmpty"_s,
                                      CoreTr::tr("The demo data goes into a new, empty workspace "
                                                 "only; this one already has partners."));
    }

    PartnerData a, b;
    Actor admin, reviewer;
    if (auto result = addPeople(a, b, admin, reviewer); !result)
        return result;

    // A second blocklist revision a month ago, so that older universal vouchers show a
    // blocklist that differs from today's.
    auto catalogue = contextAt(admin, m_options.now.addDays(-31));
    const QStringList revision2 = {u"antiddos"_s,    u"domain"_s, u"gpu"_s,
                                   u"marketplace"_s, u"sms"_s,    u"ssl"_s};
    if (auto result = check(CatalogueCommands(*catalogue)
                                .addBlocklistRevision(m_options.now.addDays(-30), revision2));
        !result)
        return result;

    for (PartnerData *partner : {&a, &b}) {
        const bool first = partner == &a;
        if (auto result = addTemplates(*partner, first); !result)
            return result;
        if (auto result = addApplications(*partner, reviewer, admin, first); !result)
            return result;
    }
    return {};
}

Result<void> DemoGenerator::addPeople(PartnerData &a, PartnerData &b, Actor &admin, Actor &reviewer)
{
    const QDateTime start = m_options.now.addDays(-120);
    const Actor bootstrap{QUuid(), Role::Admin, QUuid()};
    auto setup = contextAt(bootstrap, start);

    const auto partnerA = PartnerCommands(*setup).addPartner(
        {QUuid(), u"Demo Partner A"_s, 100'000'000, 0, u"CNY"_s, {}, 0});
    if (!partnerA)
        return partnerA.error();
    const auto partnerB = PartnerCommands(*setup).addPartner(
        {QUuid(), u"Demo Partner B"_s, 50'000'000, 0, u"CNY"_s, {}, 0});
    if (!partnerB)
        return partnerB.error();
    a.partner = partnerA.value();
    b.partner = partnerB.value();

    const UserCommands users(*setup, PasswordHasher(m_options.passwordCost));
    for (const DemoAccount &account : accounts()) {
        QUuid partnerId;
        if (account.partnerName == a.partner.name)
            partnerId = a.partner.id;
        else if (account.partnerName == b.partner.name)
            partnerId = b.partner.id;
        const auto user = users.addUser({QUuid(), account.login, account.displayName, account.role,
                                         partnerId, QString::fromLatin1(Password)});
        if (!user)
            return user.error();
        const Actor actor{user.value().id, account.role, partnerId};
        if (partnerId == a.partner.id)
            a.manager = actor;
        else if (partnerId == b.partner.id)
            b.manager = actor;
        else if (account.role == Role::Reviewer)
            reviewer = actor;
        else
            admin = actor;
    }

    for (PartnerData *partner : {&a, &b}) {
        const bool first = partner == &a;
        auto context = contextAt(partner->manager, start.addDays(5));
        const CustomerCommands customers(*context);
        const int count = first ? 13 : 7;
        for (int i = 0; i <= count; ++i) {
            Customer draft;
            draft.eligible = i < count;
            if (i == 0)
                draft.name = first ? u"Acme Test Co"_s : u"Beta Cloud Services"_s;
            else if (i == count)
                draft.name = first ? u"Dormant Holdings Ltd"_s : u"Old Harbor Trading"_s;
            else
                draft.name = DemoNames::companyName(m_random);
            draft.uin = DemoNames::uin((first ? 0 : 100) + quint64(i), m_random);
            const auto customer = customers.addCustomer(draft);
            if (!customer)
                return customer.error();
            if (customer.value().eligible)
                partner->customers.append(customer.value());
        }
    }
    return {};
}

Result<void> DemoGenerator::addTemplates(PartnerData &partner, bool first)
{
    auto context = contextAt(partner.manager, m_options.now.addDays(-100));
    const TemplateCommands templates(*context);
    for (const TemplateSpec &spec : templateSpecs(first)) {
        VoucherTemplate draft;
        draft.name = QString::fromUtf8(spec.name);
        draft.kind = spec.kind;
        draft.faceValueMinor = spec.faceValueMinor;
        draft.currency = partner.partner.currency;
        draft.validityDays = spec.validityDays;
        draft.minSpendMinor = spec.minSpendMinor;
        draft.payMode = spec.payMode;
        draft.productCodes = spec.products;
        draft.note = QString::fromUtf8(spec.note);
        const auto created = templates.createTemplate(draft);
        if (!created)
            return created.error();
        if (spec.used)
            partner.templates.append(created.value());
    }
    return {};
}

Result<void> DemoGenerator::addApplications(PartnerData &partner, const Actor &reviewer,
                                            const Actor &admin, bool first)
{
    struct Story
    {
        int templateIndex;
        int customerIndex;
        double daysAgo;
        Outcome outcome;
        double usage;
        bool invalidate;
    };
    // One application in every state first, then a random history.
    QList<Story> stories = {
        {0, 0, 9.2, Pending, 0, false},      {1, 1, 1.3, Pending, 0, false},
        {2 % 3, 2, 0.1, Pending, 0, false},  {0, 3, 5.5, Approved, 0, false},
        {1, 0, 20.3, Approved, 0.45, false}, {0, 4, 24.6, Approved, 1.0, false},
        {2, 5, 48.2, Approved, 0.3, false},  {2, 6, 33.1, Approved, 0.2, true},
        {1, 1, 12.4, Rejected, 0, false},    {0, 2, 7.7, Cancelled, 0, false},
    };
    if (first)
        stories[6].templateIndex = 3; // "CDN launch week": 14 days, long expired by now
    const int randomCount = first ? 22 : 10;
    const int templateCount = int(partner.templates.size());
    const int customerCount = int(partner.customers.size());
    for (int i = 0; i < randomCount; ++i) {
        Story story{int(m_random.bounded(templateCount)),
                    int(m_random.bounded(customerCount)),
                    0.2 + m_random.bounded(60.0),
                    Approved,
                    0,
                    false};
        const int roll = int(m_random.bounded(100));
        if (story.daysAgo < 3 && roll < 70)
            story.outcome = Pending;
        else if (roll < 12)
            story.outcome = Rejected;
        else if (roll < 20)
            story.outcome = Cancelled;
        static const double usages[] = {0, 0, 0, 0.2, 0.5, 0.8, 1.0};
        story.usage = usages[m_random.bounded(int(std::size(usages)))];
        story.invalidate = story.outcome == Approved && m_random.bounded(20) == 0;
        stories.append(story);
    }
    for (const Story &story : std::as_const(stories)) {
        if (auto result = runStory(partner, story.templateIndex % templateCount,
                                   story.customerIndex % customerCount, story.daysAgo,
                                   story.outcome, story.usage, story.invalidate, reviewer, admin);
            !result)
            return result;
    }
    return {};
}

Result<void> DemoGenerator::runStory(PartnerData &partner, int templateIndex, int customerIndex,
                                     double daysAgo, int outcome, double usage, bool invalidate,
                                     const Actor &reviewer, const Actor &admin)
{
    const QDateTime now = m_options.now;
    const QDateTime submittedAt = now.addSecs(-qint64(daysAgo * kDay));
    auto submitContext = contextAt(partner.manager, submittedAt);
    SubmitApplicationRequest request;
    request.templateId = partner.templates.at(templateIndex).id;
    request.customerId = partner.customers.at(customerIndex).id;
    request.scenario = DemoNames::scenario(m_random);
    const auto submitted = ApplicationCommands(*submitContext).submitApplication(request);
    if (!submitted || outcome == Pending)
        return check(submitted);
    const Application &application = submitted.value();

    const QDateTime decidedAt = std::min(
        submittedAt.addSecs(qint64((0.3 + m_random.bounded(2.0)) * kDay)), now.addSecs(-600));
    if (outcome == Cancelled) {
        auto context = contextAt(partner.manager, decidedAt);
        return check(ApplicationCommands(*context).cancelApplication(application.id));
    }
    auto reviewContext = contextAt(reviewer, decidedAt);
    if (outcome == Rejected) {
        return check(ReviewCommands(*reviewContext)
                         .reject(application.id, DemoNames::rejectReason(m_random)));
    }
    const auto approved = ReviewCommands(*reviewContext)
                              .approve(application.id, u"Approved for the described test."_s);
    if (!approved)
        return approved.error();

    const Voucher voucher =
        *m_db.read([&]() -> Result<std::optional<Voucher>> {
                 return VoucherRepository(m_db).find(approved.value().voucherId);
             })
             .value();
    // Payments happen between approval and the end of the voucher's life (or now); an
    // invalidated voucher is reclaimed halfway through.
    const QDateTime windowEnd = std::min(voucher.expiresAt, now).addSecs(-3600);
    const qint64 window = decidedAt.secsTo(windowEnd);
    const qint64 spendWindow = invalidate ? window / 2 : window;
    const qint64 target = qint64(double(voucher.faceValueMinor) * usage);
    if (target > 0 && spendWindow > 7200) {
        const int payments = 1 + int(m_random.bounded(3));
        qint64 spent = 0;
        for (int i = 0; i < payments; ++i) {
            Deduction bill;
            bill.voucherId = voucher.id;
            bill.customerId = voucher.customerId;
            bill.orderId = DemoNames::orderId(m_random);
            bill.productCode =
                voucher.kind == VoucherKind::Specific
                    ? voucher.productCodes.at(
                          m_random.bounded(qsizetype(voucher.productCodes.size())))
                    : kEverydayProducts.at(m_random.bounded(qsizetype(kEverydayProducts.size())));
            bill.payMode = voucher.payMode != PayMode::All ? voucher.payMode
                           : m_random.bounded(2)           ? PayMode::Prepaid
                                                           : PayMode::Postpaid;
            const bool last = i == payments - 1;
            qint64 amount = last ? target - spent : (target - spent) / (payments - i);
            if (last && usage >= 1.0)
                amount += 1000 + m_random.bounded(50000); // a bill larger than what is left
            bill.orderAmountMinor = std::max({amount, voucher.minSpendMinor, qint64(100)});
            const QDateTime at = decidedAt.addSecs(spendWindow * (i + 1) / (payments + 1));
            auto payContext = contextAt(partner.manager, at);
            const auto paid = VoucherCommands(*payContext).recordDeduction(bill);
            if (!paid)
                return paid.error();
            spent += paid.value().deductedMinor;
            if (spent >= voucher.faceValueMinor)
                break;
        }
    }
    if (invalidate) {
        auto context = contextAt(admin, decidedAt.addSecs(std::max<qint64>(window * 3 / 4, 60)));
        return check(VoucherCommands(*context).invalidateVoucher(
            voucher.id, u"The customer ended the test early."_s));
    }
    return {};
}
