#include "searchindex.h"
#include "testdb.h"

class TestSearchIndex : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Database m_db;

private slots:
    void initTestCase() { QVERIFY(testdb::openWithFixture(m_db, m_dir)); }

    void search_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("title");
        QTest::newRow("diacritics") << QStringLiteral("dong huong") << QStringLiteral("cluster")
                                    << QStringLiteral("Đồng Hướng");
        QTest::newRow("upper") << QStringLiteral("KHÁNH") << QStringLiteral("cluster")
                               << QStringLiteral("Khánh Hải 1");
        QTest::newRow("tenant") << QStringLiteral("duc thanh") << QStringLiteral("tenant")
                                << QStringLiteral("Công ty TNHH May Đức Thành");
        QTest::newRow("tax code") << QStringLiteral("270012") << QStringLiteral("tenant")
                                  << QStringLiteral("Công ty TNHH May Đức Thành");
        QTest::newRow("short word")
            << QStringLiteral("kh") << QStringLiteral("cluster") << QStringLiteral("Khánh Hải 1");
        QTest::newRow("two digits") << QStringLiteral("27") << QStringLiteral("tenant")
                                    << QStringLiteral("Công ty TNHH May Đức Thành");
        QTest::newRow("typing on") << QStringLiteral("dong h") << QStringLiteral("cluster")
                                   << QStringLiteral("Đồng Hướng");
        QTest::newRow("one letter")
            << QStringLiteral("đ") << QStringLiteral("cluster") << QStringLiteral("Đồng Hướng");
        QTest::newRow("short word inside")
            << QStringLiteral("cong ty tnhh may d") << QStringLiteral("tenant")
            << QStringLiteral("Công ty TNHH May Đức Thành");
        QTest::newRow("mixed") << QStringLiteral("hai 1") << QStringLiteral("cluster")
                               << QStringLiteral("Khánh Hải 1");
    }
    void search()
    {
        QFETCH(QString, text);
        QFETCH(QString, kind);
        QFETCH(QString, title);
        const QVariantList hits = SearchIndex(m_db.connection()).search(text);
        QVERIFY2(!hits.isEmpty(), qPrintable(text));
        QCOMPARE(hits.first().toMap().value(QStringLiteral("kind")).toString(), kind);
        QCOMPARE(hits.first().toMap().value(QStringLiteral("title")).toString(), title);
    }

    void nothingFoundAndOddInput()
    {
        SearchIndex s(m_db.connection());
        QVERIFY(s.search(QStringLiteral("xyzxyz")).isEmpty());
        QVERIFY(s.search(QString()).isEmpty());
        QVERIFY(s.search(QStringLiteral("\"\" OR 1=1 --")).isEmpty());
        QVERIFY(s.search(QStringLiteral("%_")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
