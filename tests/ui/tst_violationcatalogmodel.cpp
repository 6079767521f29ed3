#include "domainlabels.h"
#include "violationcatalog.h"
#include "violationcatalogmodel.h"

#include <QtTest>

class TestViolationCatalogModel : public QObject
{
    Q_OBJECT
private slots:
    void rowsFromTheCatalog()
    {
        DomainLabels labels;
        ViolationCatalogModel model(&labels);
        QCOMPARE(model.rowCount(), int(ViolationCatalog::categories().size()));
        QVERIFY(model.rowCount() >= 5);
        bool withFine = false;
        for (int i = 0; i < model.rowCount(); ++i) {
            const QVariantMap r = model.get(i);
            QVERIFY(!r.value(QStringLiteral("title")).toString().isEmpty());
            QVERIFY(!r.value(QStringLiteral("legalBasis")).toString().isEmpty());
            if (!r.value(QStringLiteral("fineMax")).isNull()) {
                withFine = true;
                QVERIFY(r.value(QStringLiteral("fineText"))
                            .toString()
                            .contains(QStringLiteral("triệu đồng")));
            }
            QCOMPARE(model.indexOf(r.value(QStringLiteral("code")).toString()), i);
        }
        QVERIFY(withFine);
    }
};

QTEST_GUILESS_MAIN(TestViolationCatalogModel)
#include "tst_violationcatalogmodel.moc"
