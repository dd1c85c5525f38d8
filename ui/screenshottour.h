#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QWidget;
class Session;

// Saves a PNG of every page and dialog of the client, as a user sees them: the main window at
// 1280×800 on each page, and each dialog at its own size. Files are named
// "<language>-<what>.png". Used by `voucherdesk --screenshot DIR` and the README's pictures.
class ScreenshotTour
{
    Q_DECLARE_TR_FUNCTIONS(ScreenshotTour)

public:
    ScreenshotTour(Session &session, QString folder, QString language);

    // Returns the files written.
    QStringList run();

private:
    void save(QWidget *widget, const QString &name);

    Session &m_session;
    QString m_folder;
    QString m_language;
    QStringList m_files;
};
