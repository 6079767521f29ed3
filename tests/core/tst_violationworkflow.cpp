// ViolationWorkflow: the follow-up machine the app offers and the registry merges by, every pair
// of statuses from a table written by hand (tests/fixtures/core/violation_workflow.tsv).
#include "violationworkflow.h"

#include <QFile>
#include <QtTest>

class TestViolationWorkflow : public QObject
{
    Q_OBJECT
private slots:
    void allows_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("allowed");
        QFile f(QStringLiteral(CCN_FIXTURES_DIR "/core/violation_workflow.tsv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        int rows = 0;
        for (const QString &line : QString::fromUtf8(f.readAll()).split('\n')) {
            if (line.trimmed().isEmpty() || line.startsWith('#'))
                continue;
            const QStringList c = line.split('\t');
            QCOMPARE(c.size(), 3);
            QTest::newRow(qPrintable(c.at(0) + " -> " + c.at(1)))
                << c.at(0) << c.at(1) << (c.at(2) == QLatin1String("1"));
            ++rows;
        }
        QCOMPARE(rows, 27); // the 25 pairs and two unknown statuses
    }

    void allows()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(bool, allowed);
        QCOMPARE(ViolationWorkflow::allows(from, to), allowed);
        QCOMPARE(ViolationWorkflow::next(from).contains(to), allowed);
    }

    // The order the follow-up menu offers them in.
    void nextInTheMachinesOrder()
    {
        QCOMPARE(ViolationWorkflow::next(QStringLiteral("open")),
                 (QStringList{"remedying", "fixed_reported", "verified_fixed", "escalated"}));
        QCOMPARE(ViolationWorkflow::next(QStringLiteral("escalated")),
                 QStringList{"verified_fixed"});
        QVERIFY(ViolationWorkflow::next(QStringLiteral("verified_fixed")).isEmpty());
        QCOMPARE(ViolationWorkflow::statuses().size(), 5);
    }
};

QTEST_GUILESS_MAIN(TestViolationWorkflow)
#include "tst_violationworkflow.moc"
