// ScopeParent (fixture tests/fixtures/sync/scope_parents.json): the row whose province and
// cluster a synced row takes, one rule for the registry's authorisation (RegistryScope) and a
// device's giving up (DiscardCascade).
#include "scopeparent.h"
#include "synctestutil.h"

#include <QtTest>

using namespace synctest;

class TestScopeParent : public QObject
{
    Q_OBJECT

private slots:
    void of_data() { QVERIFY(addFixtureCases(QStringLiteral("sync/scope_parents.json")) > 0); }

    void of()
    {
        QFETCH(QJsonObject, fixture);
        const ScopeParent p =
            ScopeParent::of(fixture.value("entity").toString(), fixture.value("row").toObject());
        const QJsonArray expect = fixture.value("expect").toArray();
        static const QHash<QString, ScopeParent::Kind> kinds{
            {"own", ScopeParent::Kind::Own},
            {"row", ScopeParent::Kind::Row},
            {"missing", ScopeParent::Kind::Missing}};
        QVERIFY(kinds.contains(expect.at(0).toString()));
        QCOMPARE(p.kind, kinds.value(expect.at(0).toString()));
        QCOMPARE(p.entity, expect.at(1).toString());
        QCOMPARE(p.rowId, expect.at(2).toString());
    }
};

QTEST_GUILESS_MAIN(TestScopeParent)
#include "tst_scopeparent.moc"
