#include "core/demo/demonames.h"

#include <QRandomGenerator>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

template<typename List>
const QString &pick(const List &list, QRandomGenerator &random)
{
    return list.at(random.bounded(qsizetype(list.size())));
}

const QStringList kCities = {u"Hangzhou"_s, u"Shenzhen"_s, u"Chengdu"_s,  u"Suzhou"_s,
                             u"Nanjing"_s,  u"Wuhan"_s,    u"Xiamen"_s,   u"Qingdao"_s,
                             u"Xi'an"_s,    u"Beijing"_s,  u"Shanghai"_s, u"Guangzhou"_s,
                             u"Tianjin"_s,  u"Changsha"_s, u"Hefei"_s,    u"Kunming"_s};
const QStringList kBrands = {u"Brightline"_s,  u"Bluewave"_s,     u"Silkroad"_s,   u"Egret"_s,
                             u"Pandaroo"_s,    u"Riverside"_s,    u"Tidewater"_s,  u"Jade Peak"_s,
                             u"Red Lantern"_s, u"Plum Blossom"_s, u"Northstar"_s,  u"Golden Carp"_s,
                             u"Cloudpine"_s,   u"Starfield"_s,    u"Harborview"_s, u"Summit"_s};
const QStringList kTrades = {u"Logistics"_s, u"Robotics"_s,  u"Games"_s,         u"Foods"_s,
                             u"Health"_s,    u"Mobility"_s,  u"Travel"_s,        u"Media"_s,
                             u"Education"_s, u"Fintech"_s,   u"Retail"_s,        u"Biotech"_s,
                             u"Energy"_s,    u"Analytics"_s, u"Manufacturing"_s, u"Textiles"_s};
const QStringList kSuffixes = {u"Co., Ltd."_s, u"Technology Co., Ltd."_s, u"Group"_s, u"Inc."_s,
                               u"Holdings"_s};

const QStringList kCitiesZh = {u"杭州"_s, u"深圳"_s, u"成都"_s, u"苏州"_s, u"南京"_s, u"武汉"_s,
                               u"厦门"_s, u"青岛"_s, u"西安"_s, u"北京"_s, u"上海"_s, u"广州"_s};
const QStringList kBrandsZh = {u"星河"_s, u"云帆"_s, u"明亮"_s, u"蓝海"_s, u"锦程"_s,
                               u"青松"_s, u"金鲤"_s, u"北辰"_s, u"瑞雪"_s, u"长风"_s};
const QStringList kTradesZh = {u"数据科技"_s, u"教育科技"_s, u"物流"_s,     u"智造"_s,
                               u"网络科技"_s, u"健康管理"_s, u"文化传媒"_s, u"电子商务"_s};

const QStringList kScenarios = {
    u"Load test of CVM and CBS for a two-week trial before migrating the order system."_s,
    u"Proof of concept: move nightly reports from an on-premises MySQL to TencentDB."_s,
    u"Launch-week CDN and COS capacity for a new mobile game in South China."_s,
    u"Evaluate TKE for the customer's microservices before a production rollout."_s,
    u"Trial of Elasticsearch Service and CLS for log analytics on the retail platform."_s,
    u"Benchmark GPU instances for model training against the customer's current provider."_s,
    u"Disaster-recovery drill: replicate the primary database to a second region."_s,
    u"Pilot of TRTC for telemedicine video consultations in three clinics."_s,
    u"Test Serverless Cloud Function and API Gateway for the loyalty programme backend."_s,
    u"Migrate a Redis cache cluster and measure latency under the holiday sales peak."_s,
    u"Try EMR for the monthly sales analytics job that now runs on local Hadoop."_s,
    u"Evaluate VPC, CLB and NAT Gateway for a hybrid network with the head office."_s,
};

const QStringList kRejectReasons = {
    u"The customer already received a vendor voucher for this product this quarter."_s,
    u"The scenario does not describe a product test; please give the workload and timeline."_s,
    u"The face value is too high for the described scenario; apply with a smaller template."_s,
    u"The customer's account is under review; apply again once it is verified."_s,
};

} // namespace

QString DemoNames::companyName(QRandomGenerator &random)
{
    if (random.bounded(4) == 0) {
        return pick(kCitiesZh, random) + pick(kBrandsZh, random) + pick(kTradesZh, random) +
               u"有限公司"_s;
    }
    return pick(kCities, random) + u" "_s + pick(kBrands, random) + u" "_s + pick(kTrades, random) +
           u" "_s + pick(kSuffixes, random);
}

QString DemoNames::uin(quint64 index, QRandomGenerator &random)
{
    // Disjoint ranges per index keep UINs distinct while they still look random.
    constexpr quint64 kStride = 97;
    return QString::number(1'000'000'000ULL + index * kStride + random.bounded(quint32(kStride)));
}

QString DemoNames::scenario(QRandomGenerator &random)
{
    return pick(kScenarios, random);
}

QString DemoNames::rejectReason(QRandomGenerator &random)
{
    return pick(kRejectReasons, random);
}

QString DemoNames::orderId(QRandomGenerator &random)
{
    return u"ORD-%1"_s.arg(random.bounded(100'000'000, 999'999'999));
}
