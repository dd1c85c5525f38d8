#include "core/json/jsonwriter.h"

#include "core/json/jsonfields.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>
#include <type_traits>
#include <utility>

namespace {

// The most bytes one input character may take escaped: "\u001f" or a lone surrogate's
// "\udc00".
constexpr qsizetype MaxEscapedBytes = 6;

constexpr char hexDigit(unsigned value)
{
    return "0123456789abcdef"[value & 0xf];
}

// What Qt's JSON writer (qjsonwriter.cpp, escapedString) writes for a string's characters:
// quote, backslash and the control characters escaped (\b \f \n \r \t by name, the others as
// \u00xx in lower-case hex), the rest as UTF-8, and a surrogate without its other half as
// \uxxxx (it has no UTF-8 form).
template<typename Char>
char *escape(char *out, const Char *from, const Char *end)
{
    while (from != end) {
        const char16_t u = char16_t(std::make_unsigned_t<Char>(*from++));
        if (u < 0x80) {
            if (u >= 0x20 && u != u'"' && u != u'\\') {
                *out++ = char(u);
                continue;
            }
            *out++ = '\\';
            switch (u) {
            case u'"':
                *out++ = '"';
                break;
            case u'\\':
                *out++ = '\\';
                break;
            case u'\b':
                *out++ = 'b';
                break;
            case u'\f':
                *out++ = 'f';
                break;
            case u'\n':
                *out++ = 'n';
                break;
            case u'\r':
                *out++ = 'r';
                break;
            case u'\t':
                *out++ = 't';
                break;
            default:
                *out++ = 'u';
                *out++ = '0';
                *out++ = '0';
                *out++ = hexDigit(u >> 4);
                *out++ = hexDigit(u);
            }
        } else if (u < 0x800) {
            *out++ = char(0xc0 | (u >> 6));
            *out++ = char(0x80 | (u & 0x3f));
        } else if constexpr (std::is_same_v<Char, char16_t>) {
            if (!QChar::isSurrogate(u)) {
                *out++ = char(0xe0 | (u >> 12));
                *out++ = char(0x80 | ((u >> 6) & 0x3f));
                *out++ = char(0x80 | (u & 0x3f));
            } else if (QChar::isHighSurrogate(u) && from != end && QChar::isLowSurrogate(*from)) {
                const char32_t c = QChar::surrogateToUcs4(u, *from++);
                *out++ = char(0xf0 | (c >> 18));
                *out++ = char(0x80 | ((c >> 12) & 0x3f));
                *out++ = char(0x80 | ((c >> 6) & 0x3f));
                *out++ = char(0x80 | (c & 0x3f));
            } else {
                *out++ = '\\';
                *out++ = 'u';
                *out++ = hexDigit(u >> 12);
                *out++ = hexDigit(u >> 8);
                *out++ = hexDigit(u >> 4);
                *out++ = hexDigit(u);
            }
        }
    }
    return out;
}

} // namespace

JsonWriter::JsonWriter(qsizetype reserve)
{
    m_out.reserve(reserve);
}

void JsonWriter::separate()
{
    if (m_afterKey)
        m_afterKey = false;
    else if (m_needComma)
        m_out.append(',');
    m_needComma = true;
}

char *JsonWriter::grow(qsizetype most)
{
    const qsizetype at = m_out.size();
    m_out.resize(at + most);
    return m_out.data() + at;
}

void JsonWriter::shrinkTo(const char *end)
{
    m_out.resize(end - m_out.constData());
}

void JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    m_needComma = false;
}

void JsonWriter::endObject()
{
    m_out.append('}');
    m_needComma = true;
}

void JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
    m_needComma = false;
}

void JsonWriter::endArray()
{
    m_out.append(']');
    m_needComma = true;
}

void JsonWriter::key(QLatin1StringView name)
{
    separate();
    char *out = grow(name.size() * MaxEscapedBytes + 3);
    *out++ = '"';
    out = escape(out, name.begin(), name.end());
    *out++ = '"';
    *out++ = ':';
    shrinkTo(out);
    m_afterKey = true;
}

void JsonWriter::key(QStringView name)
{
    separate();
    char *out = grow(name.size() * MaxEscapedBytes + 3);
    *out++ = '"';
    out = escape(out, name.utf16(), name.utf16() + name.size());
    *out++ = '"';
    *out++ = ':';
    shrinkTo(out);
    m_afterKey = true;
}

void JsonWriter::string(QStringView text)
{
    separate();
    char *out = grow(text.size() * MaxEscapedBytes + 2);
    *out++ = '"';
    out = escape(out, text.utf16(), text.utf16() + text.size());
    *out++ = '"';
    shrinkTo(out);
}

void JsonWriter::string(QLatin1StringView text)
{
    separate();
    char *out = grow(text.size() * MaxEscapedBytes + 2);
    *out++ = '"';
    out = escape(out, text.begin(), text.end());
    *out++ = '"';
    shrinkTo(out);
}

void JsonWriter::integer(qint64 value)
{
    separate();
    char digits[20];
    char *first = digits + sizeof digits;
    // Unsigned, so that the lowest qint64 has a magnitude too.
    quint64 magnitude = value < 0 ? 0 - quint64(value) : quint64(value);
    do {
        *--first = char('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (value < 0)
        *--first = '-';
    m_out.append(first, digits + sizeof digits - first);
}

void JsonWriter::number(double value)
{
    separate();
    if (std::isfinite(value))
        m_out.append(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
    else
        m_out.append("null");
}

void JsonWriter::boolean(bool value)
{
    separate();
    m_out.append(value ? QByteArrayView("true") : QByteArrayView("false"));
}

void JsonWriter::null()
{
    separate();
    m_out.append("null");
}

void JsonWriter::uuid(const QUuid &id)
{
    if (id.isNull()) {
        null();
        return;
    }
    separate();
    // QUuid::toString(WithoutBraces): 8-4-4-4-12 lower-case hex digits.
    char *out = grow(38);
    *out++ = '"';
    auto put = [&out](quint64 value, int digits) {
        for (int i = digits - 1; i >= 0; --i)
            *out++ = hexDigit(unsigned(value >> (4 * i)));
    };
    put(id.data1, 8);
    *out++ = '-';
    put(id.data2, 4);
    *out++ = '-';
    put(id.data3, 4);
    *out++ = '-';
    put(quint64(id.data4[0]) << 8 | id.data4[1], 4);
    *out++ = '-';
    quint64 node = 0;
    for (int i = 2; i < 8; ++i)
        node = node << 8 | id.data4[i];
    put(node, 12);
    *out++ = '"';
}

void JsonWriter::dateTime(const QDateTime &time)
{
    if (!time.isValid()) {
        null();
        return;
    }
    char text[24];
    if (!JsonFields::formatDateTime(time, text)) {
        string(QStringView(time.toUTC().toString(Qt::ISODateWithMs)));
        return;
    }
    separate();
    char *out = grow(26);
    *out++ = '"';
    for (char c : text)
        *out++ = c;
    *out = '"';
}

void JsonWriter::value(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        boolean(value.toBool());
        break;
    case QJsonValue::Double: {
        // QJsonValue keeps whether a number was an integer (Qt prints it whole, beyond 2^53
        // too) but tells only through its CBOR form.
        const QCborValue number = QCborValue::fromJsonValue(value);
        if (number.isInteger())
            integer(number.toInteger());
        else
            this->number(number.toDouble());
        break;
    }
    case QJsonValue::String:
        string(QStringView(value.toString()));
        break;
    case QJsonValue::Array: {
        beginArray();
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            this->value(item);
        endArray();
        break;
    }
    case QJsonValue::Object: {
        beginObject();
        // QJsonObject iterates in its (sorted) key order, which is the order Qt prints.
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            key(QStringView(it.key()));
            this->value(it.value());
        }
        endObject();
        break;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        null();
        break;
    }
}

void JsonWriter::strings(const QStringList &list)
{
    beginArray();
    for (const QString &text : list)
        string(text);
    endArray();
}

void JsonWriter::raw(QByteArrayView json)
{
    separate();
    m_out.append(json);
}

QByteArray JsonWriter::take()
{
    m_needComma = false;
    m_afterKey = false;
    return std::exchange(m_out, {});
}
