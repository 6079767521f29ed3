#include "clustermanager.h"
#include "testdb.h"

class TestClusterManager : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Database m_db;

    static QStringList names(const QVariantList &rows)
    {
        QStringList out;
        for (const QVariant &r : rows)
            out << r.toMap().value(QStringLiteral("name")).toString();
        return out;
    }

private slots:
    void initTestCase() { QVERIFY(testdb::openWithFixture(m_db, m_dir)); }

    void fillRateIsDerived()
    {
        ClusterManager m(m_db.connection());
        QCOMPARE(m.cluster(testdb::dongHuong).value(QStringLiteral("fill_rate")).toDouble(), 80.0);
        QVERIFY(m.cluster(testdb::khanhHai).value(QStringLiteral("fill_rate")).isNull());
        QVERIFY(ClusterManager::fillRate(0.0, 5.0).isNull());
        QCOMPARE(ClusterManager::fillRate(10.0, 20.0).toDouble(), 100.0);
    }

    void searchIgnoresCaseAndDiacritics_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("dong huong")
            << QStringLiteral("dong huong") << QStringList{QStringLiteral("Đồng Hướng")};
        QTest::newRow("ĐỒNG") << QStringLiteral("ĐỒNG")
                              << QStringList{QStringLiteral("Đồng Hướng")};
        QTest::newRow("khanh") << QStringLiteral("khanh")
                               << QStringList{QStringLiteral("Khánh Hải 1")};
        QTest::newRow("huong dong")
            << QStringLiteral("huong dong") << QStringList{QStringLiteral("Đồng Hướng")};
        QTest::newRow("100%") << QStringLiteral("100%") << QStringList{};
        QTest::newRow("quote") << QStringLiteral("'; DROP TABLE clusters; --") << QStringList{};
        QTest::newRow("empty") << QString()
                               << QStringList{QStringLiteral("Đồng Hướng"),
                                              QStringLiteral("Khánh Hải 1")};
    }
    void searchIgnoresCaseAndDiacritics()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        ClusterManager m(m_db.connection());
        ClusterManager::Filter f;
        f.text = text;
        QCOMPARE(names(m.clusters(f)), expected);
    }

    void filters()
    {
        ClusterManager m(m_db.connection());
        ClusterManager::Filter f;
        f.noWastewaterPlant = true;
        QCOMPARE(names(m.clusters(f)), QStringList{QStringLiteral("Khánh Hải 1")});
        f = {};
        f.status = QStringLiteral("operating");
        QCOMPARE(names(m.clusters(f)), QStringList{QStringLiteral("Đồng Hướng")});
        f = {};
        f.openViolations = true;
        QCOMPARE(names(m.clusters(f)), QStringList{});
    }

    void clusterPage()
    {
        ClusterManager m(m_db.connection());
        QCOMPARE(m.tenants(testdb::dongHuong).size(), 1);
        QCOMPARE(m.cluster(testdb::dongHuong).value(QStringLiteral("tenant_count")).toInt(), 1);
        QCOMPARE(m.cluster(testdb::dongHuong).value(QStringLiteral("province_name")).toString(),
                 QStringLiteral("Ninh Bình"));
        QVERIFY(m.cluster(QStringLiteral("missing")).isEmpty());
        QCOMPARE(m.inspections(testdb::dongHuong).size(), 0);
        QCOMPARE(m.openViolations(testdb::dongHuong).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestClusterManager)
#include "tst_clustermanager.moc"
