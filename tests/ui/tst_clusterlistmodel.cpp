#include "appcontroller.h"
#include "clusterlistmodel.h"
#include "settingsmanager.h"
#include "uitest.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

class TestClusterListModel : public QObject, protected uitest::DemoApp
{
    Q_OBJECT
    ClusterListModel *model() { return m_app->clusters(); }
    QStringList names()
    {
        QStringList out;
        for (int i = 0; i < model()->rowCount(); ++i)
            out << model()->get(i).value(QStringLiteral("name")).toString();
        return out;
    }

private slots:
    void initTestCase() { QVERIFY(openApp()); }

    void init()
    {
        model()->setSearchText(QString());
        model()->clearFilters();
    }

    void search_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no diacritics") << "dong huong"
                                       << "Đồng Hướng";
        QTest::newRow("upper case") << "ĐỒNG HƯỚNG"
                                    << "Đồng Hướng";
        QTest::newRow("one word") << "khanh"
                                  << "Khánh Hải 1";
        QTest::newRow("words in any order") << "hai khanh"
                                            << "Khánh Hải 1";
    }

    void search()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        model()->setSearchText(text);
        QVERIFY2(!names().filter(expected).isEmpty(), qPrintable(names().join(", ")));
        for (const QString &n : names())
            QVERIFY(!n.isEmpty());
    }

    void searchNarrows()
    {
        const int all = model()->rowCount();
        QSignalSpy reset(model(), &QAbstractItemModel::modelReset);
        model()->setSearchText(QStringLiteral("dong huong"));
        QCOMPARE(model()->rowCount(), 1);
        QVERIFY(reset.count() == 1);
        model()->setSearchText(QStringLiteral("dong huong")); // unchanged: no reload
        QCOMPARE(reset.count(), 1);
        model()->setSearchText(QStringLiteral("zzzz không có"));
        QCOMPARE(model()->rowCount(), 0);
        model()->setSearchText(QString());
        QCOMPARE(model()->rowCount(), all);
    }

    void filters()
    {
        const int all = model()->rowCount();
        model()->setNoWastewaterPlant(true);
        QVERIFY(model()->rowCount() > 0 && model()->rowCount() < all);
        for (int i = 0; i < model()->rowCount(); ++i)
            QVERIFY(model()->get(i).value(QStringLiteral("wwtpStatus")).toString() !=
                    QLatin1String("operating"));
        model()->clearFilters();
        model()->setOpenViolationsOnly(true);
        QVERIFY(model()->rowCount() > 0 && model()->rowCount() < all);
        for (int i = 0; i < model()->rowCount(); ++i)
            QVERIFY(model()->get(i).value(QStringLiteral("openViolations")).toInt() > 0);
        model()->clearFilters();
        model()->setStatusFilter(QStringLiteral("operating"));
        QVERIFY(model()->rowCount() > 0);
        for (int i = 0; i < model()->rowCount(); ++i)
            QCOMPARE(model()->get(i).value(QStringLiteral("status")).toString(),
                     QStringLiteral("operating"));
    }

    void rolesFromUserRole()
    {
        const QHash<int, QByteArray> roles = model()->roleNames();
        QCOMPARE(roles.value(Qt::UserRole), QByteArray("id"));
        QCOMPARE(roles.value(ClusterListModel::NameRole), QByteArray("name"));
        QCOMPARE(model()->data(model()->index(0), ClusterListModel::NameRole).toString(),
                 model()->get(0).value(QStringLiteral("name")).toString());
    }

    // The app's start opens with the list read later: empty and not loaded until reload().
    void loadsLater()
    {
        QTemporaryDir dir;
        SettingsManager settings(dir.filePath(QStringLiteral("s.ini")));
        AppController app(&settings);
        QVERIFY(app.open(dir.path(), true, AppController::ClusterListLoading::Later).ok());
        ClusterListModel *list = app.clusters();
        QVERIFY(!list->loaded());
        QCOMPARE(list->rowCount(), 0);
        QSignalSpy loaded(list, &ClusterListModel::loadedChanged);
        QSignalSpy count(list, &ClusterListModel::countChanged);
        list->reload();
        QVERIFY(list->loaded());
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(count.count(), 1);
        QCOMPARE(list->rowCount(), model()->rowCount());
        list->reload();
        QCOMPARE(loaded.count(), 1);
        QVERIFY(model()->loaded());
    }
};

QTEST_GUILESS_MAIN(TestClusterListModel)
#include "tst_clusterlistmodel.moc"
