#include "inspectionmanager.h"
#include "searchtext.h"
#include "testdb.h"

class TestSearchText : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Database m_db;

    QString text(const QString &table, const QString &id)
    {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("SELECT search_text FROM %1 WHERE id = ?").arg(table));
        q.addBindValue(id);
        return q.exec() && q.next() ? q.value(0).toString() : QStringLiteral("<missing>");
    }

private slots:
    void initTestCase() { QVERIFY(testdb::openWithFixture(m_db, m_dir)); }

    void coversTheSearchedTables()
    {
        QVERIFY(SearchText::covers(QStringLiteral("clusters")));
        QVERIFY(SearchText::covers(QStringLiteral("tenants")));
        QVERIFY(SearchText::covers(QStringLiteral("inspections")));
        QVERIFY(!SearchText::covers(QStringLiteral("answers")));
    }

    void clusterAndTenant()
    {
        QSqlDatabase c = m_db.connection();
        QVERIFY(SearchText::refresh(c, QStringLiteral("clusters"), testdb::dongHuong).ok());
        QCOMPARE(text(QStringLiteral("clusters"), testdb::dongHuong),
                 QStringLiteral("dong huong nb-dh cong ty cp ha tang kim son ninh binh"));
        const QString tenant = QStringLiteral("01900000-0000-7000-8000-000000000201");
        QVERIFY(SearchText::refresh(c, QStringLiteral("tenants"), tenant).ok());
        QCOMPARE(text(QStringLiteral("tenants"), tenant),
                 QStringLiteral("cong ty tnhh may duc thanh 2700123456 may mac dong huong"));
    }

    void inspectionFollowsParticipantsAndFindings()
    {
        InspectionManager m(m_db.connection());
        QString id;
        QVERIFY(m.start(testdb::khanhHai, QStringLiteral("unscheduled"), testdb::templateId,
                        QStringLiteral("Phạm Minh Đức"), {}, &id)
                    .ok());
        QSqlQuery q(m_db.connection());
        QVERIFY(
            q.exec(QStringLiteral("SELECT started_at FROM inspections WHERE id = '%1'").arg(id)));
        QVERIFY(q.next());
        const QString day = QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong())
                                .toString(QStringLiteral("dd/MM/yyyy"));
        q.finish(); // the writes below must not start with this read open (OpenReadAudit)
        QCOMPARE(text(QStringLiteral("inspections"), id),
                 QStringLiteral("khanh hai 1 nb-kh1 pham minh duc ") + day);
        QVERIFY(m.addParticipant(id, QStringLiteral("Võ Quốc Khánh"), QStringLiteral("Chuyên viên"),
                                 QStringLiteral("Sở Công Thương"))
                    .ok());
        QVERIFY(m.setFindings(id, QStringLiteral("Đường nội bộ chưa hoàn thành"), QString()).ok());
        const QString t = text(QStringLiteral("inspections"), id);
        QVERIFY2(t.contains(QStringLiteral("vo quoc khanh")), qPrintable(t));
        QVERIFY2(t.contains(QStringLiteral("duong noi bo chua hoan thanh")), qPrintable(t));
    }

    void unknownRowIsHarmless()
    {
        QSqlDatabase c = m_db.connection();
        QVERIFY(SearchText::refresh(c, QStringLiteral("clusters"), QStringLiteral("nope")).ok());
        QVERIFY(SearchText::refresh(c, QStringLiteral("answers"), QStringLiteral("x")).ok());
    }
};

QTEST_GUILESS_MAIN(TestSearchText)
#include "tst_searchtext.moc"
