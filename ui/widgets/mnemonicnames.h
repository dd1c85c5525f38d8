#pragma once

#include <QObject>

class QWidget;

// Names labels and buttons for screen readers without the "(&W)" mnemonic that Chinese (and
// Japanese, Korean) translations append: Qt strips only the '&', so "名称(&N)：" was read as
// "名称(N)：". Installed on the application, it looks at each label and button as it is shown;
// a name set by the code is left alone.
class MnemonicNames : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // The text as a screen reader should read it: "(&N)" dropped, other '&' removed, "&&" as '&'.
    static QString spoken(const QString &text);
    // Names `widget` (a QLabel or QAbstractButton) from its text, if it carries such a mnemonic.
    static void name(QWidget *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};
