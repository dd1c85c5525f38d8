#include "screenshottour.h"

#include "mainwindow.h"
#include "preferencesdialog.h"
#include "session.h"
#include "signindialog.h"

#include <QApplication>
#include <QDir>

using namespace Qt::StringLiterals;

ScreenshotTour::ScreenshotTour(Session &session, QString folder, QString language)
    : m_session(session)
    , m_folder(std::move(folder))
    , m_language(std::move(language))
{}

void ScreenshotTour::save(QWidget *widget, const QString &name)
{
    widget->show();
    QApplication::processEvents();
    const QString file = QDir(m_folder).filePath(m_language + u'-' + name + u".png"_s);
    if (widget->grab().save(file))
        m_files.append(file);
}

QStringList ScreenshotTour::run()
{
    {
        SignInDialog signIn(QDir(m_folder).filePath(u"demo-workspace.db"_s));
        signIn.setWorkspacePath(u"~/.local/share/voucherdesk/demo-workspace.db"_s);
        signIn.setLogin(m_session.user().login);
        signIn.setLanguage(m_language);
        save(&signIn, u"sign-in"_s);
    }
    MainWindow window(
        m_session, tr("Local workspace %1").arg(u"~/.local/share/voucherdesk/demo-workspace.db"_s));
    window.resize(1280, 800);
    window.show();
    for (Page *page : window.pages()) {
        window.showPage(page->id());
        page->refresh();
        static const QHash<Page::Id, QString> names = {
            {Page::Id::Customers, u"customers"_s},
            {Page::Id::Templates, u"templates"_s},
            {Page::Id::VoucherList, u"voucher-list"_s},
        };
        save(&window, names.value(page->id()));
    }
    {
        PreferencesDialog preferences(&window);
        save(&preferences, u"preferences"_s);
    }
    return m_files;
}
