#include "ui/screenshottour.h"

#include "core/commands/session.h"
#include "core/queries/voucherlistquery.h"
#include "core/repositories/templaterepository.h"
#include "core/repositories/userrepository.h"
#include "core/repositories/voucherrepository.h"
#include "ui/applications/applicationwizard.h"
#include "ui/customers/customerdialog.h"
#include "ui/mainwindow.h"
#include "ui/preferencesdialog.h"
#include "ui/review/reviewqueuewindow.h"
#include "ui/signin/signindialog.h"
#include "ui/templates/templateeditor.h"
#include "ui/vouchers/paydialog.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace {
const QString kWorkspace = u"~/.local/share/voucherdesk/demo-workspace.db"_s;

void click(QWidget *dialog, const QString &objectName)
{
    if (auto *button = dialog->findChild<QPushButton *>(objectName))
        button->click();
    QApplication::processEvents();
}

// Makes the wizard's current step complete the way a user would: the first row of its list,
// a scenario text.
void completeStep(QWizard &wizard)
{
    QWizardPage *step = wizard.currentPage();
    for (auto *view : step->findChildren<QAbstractItemView *>()) {
        auto *table = qobject_cast<QTableView *>(view);
        if (table && table->isVisible() && table->model() && table->model()->rowCount() > 0 &&
            !table->selectionModel()->hasSelection())
            table->selectRow(0);
    }
    if (auto *text = step->findChild<QPlainTextEdit *>()) {
        text->setPlainText(ScreenshotTour::tr("Load test of CVM and COS for a two-week trial "
                                              "before the customer migrates its shop."));
    }
    QApplication::processEvents();
}
} // namespace

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
        signIn.setWorkspacePath(kWorkspace);
        signIn.setLogin(m_session.user().login);
        signIn.setLanguage(m_language);
        save(&signIn, u"sign-in"_s);
        signIn.setServerAddress(u"https://vouchers.example.com"_s);
        signIn.setServerMode(true);
        save(&signIn, u"sign-in-server"_s);
    }
    MainWindow window(m_session, tr("Local workspace %1").arg(kWorkspace));
    window.resize(1280, 800);
    window.show();
    static const QHash<Page::Id, QString> names = {
        {Page::Id::Customers, u"customers"_s},
        {Page::Id::Templates, u"templates"_s},
        {Page::Id::VoucherList, u"voucher-list"_s},
    };
    for (Page *page : window.pages()) {
        window.showPage(page->id());
        page->refresh();
        save(&window, names.value(page->id()));
    }

    const QDateTime now = m_session.now();
    VoucherListFilter partlyUsed;
    partlyUsed.partnerId = m_session.actor().partnerId;
    partlyUsed.status = VoucherListStatus::PartiallyUsed;
    const QList<VoucherListRow> rows = VoucherListQuery(m_session.db(), partlyUsed).page(0, 1, now);
    if (!rows.isEmpty()) {
        window.showPage(Page::Id::VoucherList, rows.first().applicationId);
        save(&window, u"voucher-list-detail"_s);
        if (const auto voucher = VoucherRepository(m_session.db()).find(rows.first().voucherId)) {
            PayDialog pay(m_session, *voucher, &window);
            save(&pay, u"pay-with-voucher"_s);
        }
    }

    TemplateFilter editable;
    editable.partnerId = m_session.actor().partnerId;
    editable.locked = false;
    const QList<VoucherTemplate> templates = TemplateRepository(m_session.db()).list(editable);
    {
        TemplateEditor create(m_session, TemplateEditor::Mode::Create, {}, &window);
        save(&create, u"template-editor"_s);
        click(&create, u"nextButton"_s);
        save(&create, u"template-editor-messages"_s);
    }
    if (!templates.isEmpty()) {
        TemplateEditor edit(m_session, TemplateEditor::Mode::Edit, templates.first(), &window);
        click(&edit, u"nextButton"_s);
        save(&edit, u"template-confirm"_s);
    }
    {
        ApplicationWizard wizard(m_session, templates.isEmpty() ? QUuid() : templates.first().id,
                                 &window);
        wizard.show();
        const QStringList steps = {u"wizard-template"_s, u"wizard-customer"_s, u"wizard-scenario"_s,
                                   u"wizard-summary"_s};
        for (const QString &step : steps) {
            completeStep(wizard);
            save(&wizard, step);
            if (step != steps.last())
                wizard.next();
        }
    }
    {
        CustomerDialog customer(m_session, &window);
        save(&customer, u"add-customer"_s);
    }
    {
        PreferencesDialog preferences(&window);
        save(&preferences, u"preferences"_s);
    }
    // The vendor's side of the same workspace: the reviewer's queue.
    if (const auto reviewer = UserRepository(m_session.db()).findByLogin(u"rev1"_s)) {
        Session review(m_session.db(), *reviewer);
        review.context().setClock([now] { return now; });
        ReviewQueueWindow queue(review);
        queue.resize(1280, 800);
        queue.view()->selectRow(0);
        save(&queue, u"review-queue"_s);
    }
    return m_files;
}
