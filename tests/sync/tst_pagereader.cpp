// PageReader: pulled pages read on a thread of its own, answered on the caller's thread in the
// order handed over; nothing answered once it is destroyed.
#include "pagereader.h"
#include "protocolversion.h"
#include "pulledpage.h"

#include <QTest>

namespace {
QByteArray pageText(qint64 next)
{
    return QStringLiteral("{\"protocol\":%1,\"next\":%2,\"more\":false,\"runs\":[{\"entity\":"
                          "\"admin_units\",\"columns\":[\"id\",\"name\"],\"rows\":[[%2,0,\"u%2\","
                          "\"Xã %2\"]]}]}")
        .arg(ProtocolVersion::current)
        .arg(next)
        .toUtf8();
}
} // namespace

class TestPageReader : public QObject
{
    Q_OBJECT

private slots:
    void readsOffTheCallersThreadInOrder()
    {
        PageReader reader;
        QList<qint64> answered;
        QList<bool> results;
        QList<bool> onCallersThread;
        std::vector<std::shared_ptr<PulledPage>> pages;
        for (int i = 1; i <= 5; ++i) {
            auto page = std::make_shared<PulledPage>();
            pages.push_back(page);
            reader.read(page, i == 3 ? QByteArray("{\"protocol\":") : pageText(i * 10),
                        [&, page, i](bool ok) {
                            answered << i;
                            results << ok;
                            onCallersThread << (QThread::currentThread() == thread());
                            if (ok)
                                QCOMPARE(qint64(page->next().number), qint64(i * 10));
                        });
        }
        // Not read on this thread while it handed the pages over: answered later, from its
        // event loop.
        QVERIFY(answered.isEmpty());
        QTRY_COMPARE(answered.size(), 5);
        QCOMPARE(answered, (QList<qint64>{1, 2, 3, 4, 5}));
        QCOMPARE(results, (QList<bool>{true, true, false, true, true}));
        QCOMPARE(onCallersThread, QList<bool>(5, true));
        QVERIFY(!pages[2]->errorMessage().isEmpty());
        QCOMPARE(pages[1]->runs().size(), size_t(1));
        QCOMPARE(pages[1]->toString(pages[1]->at(pages[1]->row(0), 2)), QStringLiteral("u20"));
    }

    void nothingIsAnsweredOnceDestroyed()
    {
        int answered = 0;
        {
            PageReader reader;
            QByteArray big = "{\"protocol\":2,\"next\":1,\"more\":false,\"runs\":[";
            for (int i = 0; i < 20000; ++i)
                big += "{\"entity\":\"x\",\"columns\":[\"id\"],\"rows\":[[1,0,\"a\"]]},";
            big += "{\"entity\":\"x\",\"columns\":[\"id\"],\"rows\":[[1,0,\"a\"]]}]}";
            for (int i = 0; i < 4; ++i)
                reader.read(std::make_shared<PulledPage>(), big, [&](bool) { ++answered; });
        }
        QTest::qWait(50);
        QCOMPARE(answered, 0);
    }
};

QTEST_GUILESS_MAIN(TestPageReader)
#include "tst_pagereader.moc"
