#include "checklistmanager.h"
#include "testdb.h"

class TestChecklistManager : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Database m_db;

private slots:
    void initTestCase() { QVERIFY(testdb::openWithFixture(m_db, m_dir)); }

    void templateHasSectionsAndQuestions()
    {
        ChecklistManager m(m_db.connection());
        QCOMPARE(m.newestTemplateId(QStringLiteral("TEST")), testdb::templateId);
        const QVariantMap tpl = m.checklistTemplate(testdb::templateId);
        const QVariantList sections = tpl.value(QStringLiteral("sections")).toList();
        QCOMPARE(sections.size(), 1);
        const QVariantList qs =
            sections.first().toMap().value(QStringLiteral("questions")).toList();
        QCOMPARE(qs.size(), 6);
        QCOMPARE(qs.at(3).toMap().value(QStringLiteral("choices")).toList().size(), 3);
        QVERIFY(m.checklistTemplate(QStringLiteral("missing")).isEmpty());
    }

    void showIf()
    {
        ChecklistManager m(m_db.connection());
        const QVariantMap capacity = m.question(testdb::qCapacity);
        QVERIFY(!ChecklistManager::isVisible(capacity, {}));
        QVERIFY(!ChecklistManager::isVisible(capacity,
                                             {{QStringLiteral("wwtp"), QStringLiteral("no")}}));
        QVERIFY(ChecklistManager::isVisible(capacity,
                                            {{QStringLiteral("wwtp"), QStringLiteral("yes")}}));
        QVERIFY(ChecklistManager::isVisible(m.question(testdb::qGreen), {}));
    }

    void validate_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("minValue");
        QTest::addColumn<QString>("maxValue");
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("expected");
        QFile f(QStringLiteral(CCN_FIXTURES_DIR "/checklist/validate.tsv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        int n = 0;
        for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const QStringList p = line.split(QLatin1Char('\t'));
            QCOMPARE(p.size(), 6);
            QTest::newRow(qPrintable(QStringLiteral("%1 %2 '%3'").arg(++n).arg(p[0], p[3])))
                << p[0] << p[1] << p[2] << p[3] << (p[4] == QLatin1String("1")) << p[5];
        }
    }
    void validate()
    {
        QFETCH(QString, kind);
        QFETCH(QString, minValue);
        QFETCH(QString, maxValue);
        QFETCH(QString, input);
        QFETCH(bool, ok);
        QFETCH(QString, expected);
        QVariantMap question{{QStringLiteral("kind"), kind},
                             {QStringLiteral("text"), QStringLiteral("Câu hỏi")}};
        question.insert(QStringLiteral("min_value"),
                        minValue.isEmpty() ? QVariant() : QVariant(minValue.toDouble()));
        question.insert(QStringLiteral("max_value"),
                        maxValue.isEmpty() ? QVariant() : QVariant(maxValue.toDouble()));
        question.insert(
            QStringLiteral("choices"),
            QVariantList{QVariantMap{{QStringLiteral("value"), QStringLiteral("continuous")}},
                         QVariantMap{{QStringLiteral("value"), QStringLiteral("none")}}});
        QString stored = QStringLiteral("untouched");
        const CoreError e = ChecklistManager::validate(question, input, &stored);
        QCOMPARE(e.ok(), ok);
        if (ok) {
            QCOMPARE(stored, expected);
        } else {
            QCOMPARE(e.code(), CoreError::Code::InvalidInput);
            QVERIFY2(e.message().contains(expected), qPrintable(e.message()));
            QVERIFY(e.message().startsWith(QStringLiteral("Câu hỏi")));
        }
    }

    void veryLongTextIsRefused()
    {
        const QVariantMap question{{QStringLiteral("kind"), QStringLiteral("text")},
                                   {QStringLiteral("text"), QStringLiteral("Ghi chú")}};
        QString stored;
        const CoreError e = ChecklistManager::validate(
            question, QString(ChecklistManager::maxTextLength + 1, QLatin1Char('x')), &stored);
        QCOMPARE(e.code(), CoreError::Code::InvalidInput);
        QVERIFY(e.message().contains(QStringLiteral("quá dài")));
    }
};

QTEST_GUILESS_MAIN(TestChecklistManager)
#include "tst_checklistmanager.moc"
