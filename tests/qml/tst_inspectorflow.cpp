// Qt Quick Test of the inspector's flow. The setup object gives each QML test file a fresh demo
// database in a temporary directory (AppController in demo mode) as the context property
// "testApp", a real photo file as "testPhotoPath", and "testRound" (RoundActions) to write under
// the open inspection as a sync round does.
#include "appcontroller.h"
#include "database.h"
#include "inspectioncontroller.h"
#include "quicktestsetup.h"
#include "settingsmanager.h"

#include <QDateTime>
#include <QQmlContext>
#include <QQmlEngine>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(CcnInspectPlugin)

// What a sync round does under the open inspection, without a registry (tst_inspectorsync.qml
// has the real one): writes the database as PullApplier does, behind the forms' back, then
// tells the app as SyncClient::pulled does (AppController::reloadPulled).
class RoundActions : public QObject
{
    Q_OBJECT
public:
    explicit RoundActions(AppController *app) : m_app(app) {}

    // The open inspection's answer to a question, as a round writes it.
    Q_INVOKABLE bool answer(const QString &questionId, const QString &value)
    {
        return write(QStringLiteral("UPDATE answers SET value = ? WHERE inspection_id = ? AND "
                                    "question_id = ?"),
                     {value, m_app->inspection()->inspectionId(), questionId});
    }

    // A text column of the open inspection (findings, conclusions), as a round writes it.
    Q_INVOKABLE bool inspectionText(const QString &column, const QString &text)
    {
        if (column != QLatin1String("findings") && column != QLatin1String("conclusions"))
            return false;
        return write(QStringLiteral("UPDATE inspections SET %1 = ? WHERE id = ?").arg(column),
                     {text, m_app->inspection()->inspectionId()});
    }

    // A column of a participant (position_title, agency), as a round writes it.
    Q_INVOKABLE bool participantText(const QString &id, const QString &column, const QString &text)
    {
        if (column != QLatin1String("position_title") && column != QLatin1String("agency"))
            return false;
        return write(
            QStringLiteral("UPDATE inspection_participants SET %1 = ? WHERE id = ?").arg(column),
            {text, id});
    }

    // A text column of a violation (observed, remedy), as a round writes it.
    Q_INVOKABLE bool violationText(const QString &id, const QString &column, const QString &text)
    {
        if (column != QLatin1String("observed") && column != QLatin1String("remedy"))
            return false;
        return write(QStringLiteral("UPDATE violations SET %1 = ? WHERE id = ?").arg(column),
                     {text, id});
    }

    // The open inspection's status, as a round writes it (a teammate's tablet submitted it;
    // back to draft for the tests that follow).
    Q_INVOKABLE bool inspectionStatus(const QString &status)
    {
        const bool submitted = status == QLatin1String("submitted");
        return write(
            QStringLiteral("UPDATE inspections SET status = ?, submitted_at = ? WHERE id = ?"),
            {status, submitted ? QVariant(QDateTime::currentMSecsSinceEpoch()) : QVariant(),
             m_app->inspection()->inspectionId()});
    }

    // What the device stores for the open inspection's answer.
    Q_INVOKABLE QString stored(const QString &questionId) const
    {
        QSqlQuery q(m_app->database()->connection());
        q.prepare(QStringLiteral(
            "SELECT value FROM answers WHERE inspection_id = ? AND question_id = ?"));
        q.addBindValue(m_app->inspection()->inspectionId());
        q.addBindValue(questionId);
        return q.exec() && q.next() ? q.value(0).toString() : QStringLiteral("(none)");
    }

private:
    bool write(const QString &sql, const QVariantList &values)
    {
        QSqlQuery q(m_app->database()->connection());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec() || q.numRowsAffected() != 1)
            return false;
        m_app->reloadPulled();
        return true;
    }

    AppController *m_app;
};

class Setup : public QObject
{
    Q_OBJECT
public slots:
    void applicationAvailable() { quicktest::setUpApplication(); }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        quicktest::useAppModule(engine);
        m_dir = std::make_unique<QTemporaryDir>();
        m_settings =
            std::make_unique<SettingsManager>(m_dir->filePath(QStringLiteral("settings.ini")));
        m_app = std::make_unique<AppController>(m_settings.get());
        const CoreError e = m_app->open(m_dir->path(), true);
        if (e.failed())
            qFatal("demo database: %s", qPrintable(e.message()));
        engine->rootContext()->setContextProperty(QStringLiteral("testApp"), m_app.get());
        m_round = std::make_unique<RoundActions>(m_app.get());
        engine->rootContext()->setContextProperty(QStringLiteral("testRound"), m_round.get());
        engine->rootContext()->setContextProperty(
            QStringLiteral("testPhotoPath"),
            QStringLiteral(CCN_SHARED_DIR "/data/photos/gps/DSCN0010.jpg"));
    }

    void cleanupTestCase()
    {
        m_round.reset();
        m_app.reset();
        m_settings.reset();
        m_dir.reset();
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SettingsManager> m_settings;
    std::unique_ptr<AppController> m_app;
    std::unique_ptr<RoundActions> m_round;
};

QUICK_TEST_MAIN_WITH_SETUP(inspectorflow, Setup)

#include "tst_inspectorflow.moc"
