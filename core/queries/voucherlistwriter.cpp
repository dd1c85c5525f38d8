#include "core/queries/voucherlistwriter.h"

#include "core/domain/application.h"
#include "core/domain/customer.h"
#include "core/domain/voucher.h"
#include "core/store/database.h"

using namespace Qt::StringLiterals;

void VoucherListWriter::addApplication(const Application &application,
                                       const Customer &customer) const
{
    const VoucherTemplate &snapshot = application.templateSnapshot;
    m_db.prepare(u"INSERT INTO voucher_list (application_id, partner_id, customer_id, "
                 u"customer_name, customer_uin, template_name, kind, currency, face_value_minor, "
                 u"balance_minor, phase, applied_at) VALUES (:id, :partnerId, :customerId, "
                 u":customerName, :uin, :templateName, :kind, :currency, :face, NULL, 0, "
                 u":appliedAt)"_s)
        .bind(u":id"_s, application.id)
        .bind(u":partnerId"_s, application.partnerId)
        .bind(u":customerId"_s, customer.id)
        .bind(u":customerName"_s, customer.name)
        .bind(u":uin"_s, customer.uin)
        .bind(u":templateName"_s, snapshot.name)
        .bind(u":kind"_s, voucherKindToString(snapshot.kind))
        .bind(u":currency"_s, snapshot.currency)
        .bind(u":face"_s, snapshot.faceValueMinor)
        .bind(u":appliedAt"_s, application.submittedAt)
        .exec();
}

void VoucherListWriter::setPhase(const QUuid &applicationId, VoucherListRow::Phase phase) const
{
    m_db.prepare(u"UPDATE voucher_list SET phase = :phase WHERE application_id = :id"_s)
        .bind(u":phase"_s, int(phase))
        .bind(u":id"_s, applicationId)
        .exec();
}

void VoucherListWriter::setIssued(const Voucher &voucher) const
{
    m_db.prepare(u"UPDATE voucher_list SET phase = :phase, balance_minor = :balance, "
                 u"expires_at = :expiresAt, voucher_id = :voucherId, voucher_code = :code "
                 u"WHERE application_id = :id"_s)
        .bind(u":phase"_s, int(VoucherListRow::Phase::Issued))
        .bind(u":balance"_s, voucher.balanceMinor)
        .bind(u":expiresAt"_s, voucher.expiresAt)
        .bind(u":voucherId"_s, voucher.id)
        .bind(u":code"_s, voucher.code)
        .bind(u":id"_s, voucher.applicationId)
        .exec();
}

void VoucherListWriter::setBalance(const QUuid &applicationId, qint64 balanceMinor) const
{
    m_db.prepare(u"UPDATE voucher_list SET balance_minor = :balance WHERE application_id = :id"_s)
        .bind(u":balance"_s, balanceMinor)
        .bind(u":id"_s, applicationId)
        .exec();
}
