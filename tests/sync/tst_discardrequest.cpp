// DiscardRequest: the body of POST /api/v1/discards written and read back; another protocol's
// body gives only its version. (What the registry refuses, and says, is in
// tests/fixtures/sync/badinput.jsonl, through the real server.)
#include "discardrequest.h"
#include "protocolversion.h"

#include <QtTest>

class TestDiscardRequest : public QObject
{
    Q_OBJECT

private slots:
    void writtenAndReadBack()
    {
        DiscardRequest request;
        request.protocol = ProtocolVersion::current;
        request.changes = {{7, "tenants", "0190aaaa-0000-7000-8000-000000000011"},
                           {9007199254740991, "progress_readings", "Đường D5"}};
        QString error;
        const DiscardRequest read = DiscardRequest::fromJson(request.toJson(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(read.protocol, ProtocolVersion::current);
        QCOMPARE(read.changes.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(read.changes.at(i).change, request.changes.at(i).change);
            QCOMPARE(read.changes.at(i).entity, request.changes.at(i).entity);
            QCOMPARE(read.changes.at(i).rowId, request.changes.at(i).rowId);
        }
    }

    void anotherProtocolGivesOnlyItsVersion()
    {
        QString error;
        const DiscardRequest read =
            DiscardRequest::fromJson(R"({"protocol": 1, "whatever": [1, 2]})", &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(read.protocol, 1);
        QVERIFY(read.changes.isEmpty());
    }

    void theLimitHolds()
    {
        DiscardRequest request;
        request.protocol = ProtocolVersion::current;
        for (int i = 0; i < DiscardRequest::maxChanges; ++i)
            request.changes.append({i + 1, "tenants", QStringLiteral("t%1").arg(i)});
        QString error;
        QCOMPARE(DiscardRequest::fromJson(request.toJson(), &error).changes.size(),
                 DiscardRequest::maxChanges);
        QVERIFY(error.isEmpty());
        request.changes.append({9999, "tenants", "one-too-many"});
        QVERIFY(DiscardRequest::fromJson(request.toJson(), &error).changes.isEmpty());
        QVERIFY2(error.contains(QString::number(DiscardRequest::maxChanges)), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestDiscardRequest)
#include "tst_discardrequest.moc"
