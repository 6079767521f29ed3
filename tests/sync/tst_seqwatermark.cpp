// SeqWatermark: the data directory's record of what the registry stored (format 1), read and
// written atomically, never lowered within an epoch; files it cannot read are errors, not
// guesses; and the rule that says a database went back (fixture
// tests/fixtures/sync/watermark_went_back.tsv).
#include "seqwatermark.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestSeqWatermark : public QObject
{
    Q_OBJECT

private:
    static bool writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    }

private slots:
    void noFileIsAnEmptyMark()
    {
        QTemporaryDir dir;
        SeqWatermark w(dir.path());
        SeqWatermark::Mark m{QStringLiteral("x"), 7};
        QVERIFY(w.read(&m).ok());
        QCOMPARE(m.seq, -1);
        QVERIFY(m.epoch.isEmpty());
    }

    void writtenIsReadBackAndNeverLoweredWithinAnEpoch()
    {
        QTemporaryDir dir;
        SeqWatermark w(dir.path());
        QVERIFY(w.write({QStringLiteral("E1"), 40}).ok());
        SeqWatermark::Mark m;
        QVERIFY(w.read(&m).ok());
        QCOMPARE(m.epoch, QStringLiteral("E1"));
        QCOMPARE(m.seq, 40);
        // A command beside the server that read the sequence earlier: the mark stays.
        QVERIFY(w.write({QStringLiteral("E1"), 30}).ok());
        QVERIFY(w.read(&m).ok());
        QCOMPARE(m.seq, 40);
        QVERIFY(w.write({QStringLiteral("E1"), 55}).ok());
        QVERIFY(w.read(&m).ok());
        QCOMPARE(m.seq, 55);
        // Another epoch replaces it whatever its sequence.
        QVERIFY(w.write({QStringLiteral("E2"), 12}).ok());
        QVERIFY(w.read(&m).ok());
        QCOMPARE(m.epoch, QStringLiteral("E2"));
        QCOMPARE(m.seq, 12);
        QFile f(w.path());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray(R"({"epoch":"E2","format":1,"seq":12})"));
    }

    void unreadableFilesAreErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("says");
        QTest::newRow("not JSON") << QByteArray("{\"format\":1,")
                                  << QStringLiteral("không đúng dạng");
        QTest::newRow("no seq") << QByteArray(R"({"format":1,"epoch":"E1"})")
                                << QStringLiteral("không đúng dạng");
        QTest::newRow("seq as text") << QByteArray(R"({"format":1,"epoch":"E1","seq":"5"})")
                                     << QStringLiteral("không đúng dạng");
        QTest::newRow("a later format") << QByteArray(R"({"format":2,"epoch":"E1","seq":5})")
                                        << QStringLiteral("chỉ đọc dạng 1");
    }

    void unreadableFilesAreErrors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, says);
        QTemporaryDir dir;
        SeqWatermark w(dir.path());
        QVERIFY(writeFile(w.path(), bytes));
        SeqWatermark::Mark m;
        const CoreError e = w.read(&m);
        QCOMPARE(e.code(), CoreError::Code::InvalidInput);
        QVERIFY2(e.message().contains(says), qPrintable(e.message()));
        QCOMPARE(m.seq, -1);
        // Writing replaces it with one this build reads.
        QVERIFY(w.write({QStringLiteral("E1"), 9}).ok());
        QVERIFY(w.read(&m).ok());
        QCOMPARE(m.seq, 9);
    }

    void aDirectoryThatCannotBeWrittenIsAnError()
    {
        SeqWatermark w(QStringLiteral("/proc/no-such-dir"));
        const CoreError e = w.write({QStringLiteral("E1"), 1});
        QCOMPARE(e.code(), CoreError::Code::Io);
        QVERIFY(e.message().contains(w.path()));
    }

    void wentBack_data()
    {
        QTest::addColumn<QString>("markEpoch");
        QTest::addColumn<qint64>("markSeq");
        QTest::addColumn<QString>("epoch");
        QTest::addColumn<qint64>("epochSeq");
        QTest::addColumn<qint64>("seq");
        QTest::addColumn<bool>("expected");
        QFile f(QStringLiteral(CCN_FIXTURES_DIR "/sync/watermark_went_back.tsv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        int rows = 0;
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            const QList<QByteArray> c = line.split('\t');
            QCOMPARE(c.size(), 7);
            QTest::newRow(c[0].constData())
                << QString::fromUtf8(c[1] == "-" ? QByteArray() : c[1]) << c[2].toLongLong()
                << QString::fromUtf8(c[3]) << c[4].toLongLong() << c[5].toLongLong()
                << (c[6] == "1");
            ++rows;
        }
        QVERIFY(rows >= 9);
    }

    void wentBack()
    {
        QFETCH(QString, markEpoch);
        QFETCH(qint64, markSeq);
        QFETCH(QString, epoch);
        QFETCH(qint64, epochSeq);
        QFETCH(qint64, seq);
        QFETCH(bool, expected);
        QCOMPARE(SeqWatermark::wentBack({markEpoch, markSeq}, epoch, epochSeq, seq), expected);
    }
};

QTEST_GUILESS_MAIN(TestSeqWatermark)
#include "tst_seqwatermark.moc"
