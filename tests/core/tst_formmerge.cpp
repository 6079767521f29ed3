// FormMerge: a form's save against what it showed and what the row holds now.
#include "formmerge.h"

#include <QTest>

class TestFormMerge : public QObject
{
    Q_OBJECT
private slots:
    void merge_data()
    {
        QTest::addColumn<QVariant>("form");
        QTest::addColumn<QVariant>("loaded");
        QTest::addColumn<QVariant>("now");
        QTest::addColumn<QString>("outcome"); // write | keep | changedUnder

        QTest::newRow("changed by the user only")
            << QVariant("B") << QVariant("A") << QVariant("A") << "write";
        QTest::newRow("untouched, a teammate's value pulled meanwhile")
            << QVariant("A") << QVariant("A") << QVariant("T") << "keep";
        QTest::newRow("untouched, nothing pulled")
            << QVariant("A") << QVariant("A") << QVariant("A") << "keep";
        QTest::newRow("both changed, to different values")
            << QVariant("B") << QVariant("A") << QVariant("T") << "changedUnder";
        QTest::newRow("both changed, to the same value")
            << QVariant("T") << QVariant("A") << QVariant("T") << "write";
        QTest::newRow("null as loaded, empty in the form")
            << QVariant("") << QVariant() << QVariant("T") << "keep";
        QTest::newRow("a number as text and as an integer")
            << QVariant("12") << QVariant(qlonglong(12)) << QVariant(qlonglong(15)) << "keep";
        QTest::newRow("cleared by the user")
            << QVariant("") << QVariant("A") << QVariant("A") << "write";
        QTest::newRow("cleared by the user, changed meanwhile")
            << QVariant("") << QVariant("A") << QVariant("T") << "changedUnder";
    }

    void merge()
    {
        QFETCH(QVariant, form);
        QFETCH(QVariant, loaded);
        QFETCH(QVariant, now);
        QFETCH(QString, outcome);
        const FormMerge::Result r = FormMerge::merge({{"remedy", form}, {"observed", "new"}},
                                                     {{"remedy", loaded}}, {{"remedy", now}});
        // A field the form was not loaded with is written as it is.
        QCOMPARE(r.write.value("observed").toString(), QStringLiteral("new"));
        QCOMPARE(r.write.contains("remedy"), outcome == QLatin1String("write"));
        QCOMPARE(r.changedUnder.contains("remedy"), outcome == QLatin1String("changedUnder"));
        if (outcome == QLatin1String("write"))
            QCOMPARE(r.write.value("remedy"), form);
        if (outcome == QLatin1String("changedUnder"))
            QCOMPARE(r.changedUnder.value("remedy"), now);
    }

    // A round wrote the row while the form is open: what the user left as loaded follows it;
    // what they changed stays theirs; a field the row does not hold, or the form was not loaded
    // with, is left alone.
    void follow()
    {
        QVariantMap loaded{
            {"observed", "A"}, {"remedy", "R"}, {"deadline_on", QVariant()}, {"severity", "minor"}};
        const QVariantMap form{{"observed", "A"},
                               {"remedy", "R2"},
                               {"deadline_on", ""},
                               {"severity", "minor"},
                               {"responsible_party", "X"}};
        const QVariantMap now{{"observed", "T"},
                              {"remedy", "RT"},
                              {"deadline_on", "2026-12-31"},
                              {"severity", "minor"},
                              {"responsible_party", "Y"}};
        const QVariantMap followed = FormMerge::follow(form, &loaded, now);
        QCOMPARE(followed, (QVariantMap{{"observed", "T"}, {"deadline_on", "2026-12-31"}}));
        QCOMPARE(loaded.value("observed").toString(), QStringLiteral("T"));
        QCOMPARE(loaded.value("remedy").toString(), QStringLiteral("R"));
        QCOMPARE(loaded.value("deadline_on").toString(), QStringLiteral("2026-12-31"));
        QVERIFY(!loaded.contains("responsible_party"));
        // The user's remedy, saved now, is named as changed under them, not written.
        const FormMerge::Result r =
            FormMerge::merge({{"observed", "T"}, {"remedy", "R2"}}, loaded, now);
        QVERIFY(r.write.isEmpty());
        QCOMPARE(r.changedUnder.keys(), QStringList{"remedy"});
        // Nothing more to follow.
        QVERIFY(FormMerge::follow(QVariantMap{{"observed", "T"}}, &loaded, now).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestFormMerge)
#include "tst_formmerge.moc"
