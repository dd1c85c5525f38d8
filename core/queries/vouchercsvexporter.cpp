#include "core/queries/vouchercsvexporter.h"

#include "core/base/coretr.h"
#include "core/domain/money.h"
#include "core/queries/voucherlistquery.h"
#include "core/store/database.h"

#include <QDir>
#include <QLoggingCategory>
#include <QSaveFile>

Q_LOGGING_CATEGORY(lcExport, "voucherdesk.export")

using namespace Qt::StringLiterals;

namespace {

QString isoUtc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

// Text typed by people (names) must stay text in a spreadsheet.
QString neutraliseFormula(const QString &text)
{
    static const QString kFormulaStarts = u"=+-@\t\r"_s;
    if (!text.isEmpty() && kFormulaStarts.contains(text.front()))
        return u"'"_s + text;
    return text;
}

} // namespace

VoucherCsvExporter::VoucherCsvExporter(const Database &db, VoucherListFilter filter,
                                       VoucherListSort sort, QDateTime now)
    : m_db(db)
    , m_filter(std::move(filter))
    , m_sort(sort)
    , m_now(std::move(now))
{}

QStringList VoucherCsvExporter::header()
{
    return {
        CoreTr::tr("Voucher code"),
        CoreTr::tr("Status"),
        CoreTr::tr("Customer"),
        CoreTr::tr("Customer UIN"),
        CoreTr::tr("Kind"),
        CoreTr::tr("Template"),
        CoreTr::tr("Currency"),
        CoreTr::tr("Face value"),
        CoreTr::tr("Balance"),
        CoreTr::tr("Applied at (UTC)"),
        CoreTr::tr("Expires at (UTC)"),
        CoreTr::tr("Application ID"),
    };
}

QStringList VoucherCsvExporter::fields(const VoucherListRow &row, const QDateTime &now)
{
    return {
        row.voucherCode,
        voucherListStatusDisplayName(row.statusAt(now)),
        neutraliseFormula(row.customerName),
        row.customerUin,
        voucherKindDisplayName(row.kind),
        neutraliseFormula(row.templateName),
        row.currency,
        Money(row.faceValueMinor, row.currency).toDecimalString(),
        row.isIssued() ? Money(row.balanceMinor, row.currency).toDecimalString() : QString(),
        isoUtc(row.appliedAt),
        row.isIssued() ? isoUtc(row.expiresAt) : QString(),
        row.applicationId.toString(QUuid::WithoutBraces),
    };
}

QString VoucherCsvExporter::record(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &field : fields) {
        if (field.contains(u',') || field.contains(u'"') || field.contains(u'\n') ||
            field.contains(u'\r')) {
            QString escaped = field;
            escaped.replace(u"\""_s, u"\"\""_s);
            quoted.append(u"\""_s + escaped + u"\""_s);
        } else {
            quoted.append(field);
        }
    }
    return quoted.join(u',');
}

VoucherCsvExporter::Outcome VoucherCsvExporter::exportTo(const QString &path,
                                                         const Progress &progress) const
{
    Outcome outcome;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        outcome.errorMessage = CoreTr::tr("Cannot write %1: %2")
                                   .arg(QDir::toNativeSeparators(path), file.errorString());
        return outcome;
    }
    const QByteArray lineEnd = "\r\n";
    file.write("\xEF\xBB\xBF");
    file.write(record(header()).toUtf8() + lineEnd);

    bool cancelled = false;
    try {
        const VoucherListQuery query(m_db, m_filter, m_sort);
        qint64 total = query.count(m_now);
        if (progress && !progress(0, total)) {
            cancelled = true;
        } else {
            cancelled = !query.forEachRow(m_now, [&](const VoucherListRow &row) {
                file.write(record(fields(row, m_now)).toUtf8() + lineEnd);
                ++outcome.rows;
                total = std::max(total, outcome.rows);
                if (progress && outcome.rows % ProgressInterval == 0)
                    return progress(outcome.rows, total);
                return true;
            });
            if (!cancelled && progress && !progress(outcome.rows, outcome.rows))
                cancelled = true;
        }
    } catch (const StoreError &error) {
        file.cancelWriting();
        qCWarning(lcExport) << "export failed:" << error.what();
        outcome.errorMessage = CoreTr::tr("The vouchers could not be read from the workspace.");
        return outcome;
    }

    if (cancelled) {
        file.cancelWriting();
        outcome.status = Outcome::Status::Cancelled;
        return outcome;
    }
    if (!file.commit()) {
        outcome.errorMessage = CoreTr::tr("Cannot write %1: %2")
                                   .arg(QDir::toNativeSeparators(path), file.errorString());
        return outcome;
    }
    outcome.status = Outcome::Status::Written;
    return outcome;
}
