#pragma once

#include <QString>

class QRandomGenerator;

// Plausible company names, UINs and testing scenarios for demo and benchmark data, drawn from a
// seeded generator so that one seed always gives the same workspace.
class DemoNames
{
public:
    static QString companyName(QRandomGenerator &random);
    // A distinct UIN for each index (10 to 12 digits).
    static QString uin(quint64 index, QRandomGenerator &random);
    static QString scenario(QRandomGenerator &random);
    static QString rejectReason(QRandomGenerator &random);
    static QString orderId(QRandomGenerator &random);
};
