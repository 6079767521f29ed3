#include "database.h"
#include "demodataloader.h"
#include "recordwriter.h"
#include "textfolder.h"
#include "uuid7.h"
#include "violationcatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtMath>
#include <QtTest>

#include <memory>

namespace {
const QStringList kTables = {
    QStringLiteral("admin_units"),
    QStringLiteral("admin_unit_mappings"),
    QStringLiteral("clusters"),
    QStringLiteral("cluster_units"),
    QStringLiteral("boundary_markers"),
    QStringLiteral("infrastructure_items"),
    QStringLiteral("progress_readings"),
    QStringLiteral("tenants"),
    QStringLiteral("checklist_templates"),
    QStringLiteral("checklist_sections"),
    QStringLiteral("checklist_questions"),
    QStringLiteral("inspections"),
    QStringLiteral("inspection_participants"),
    QStringLiteral("answers"),
    QStringLiteral("violations"),
};

QString fixture(const QString &name)
{
    return QStringLiteral(CCN_FIXTURES_DIR "/demo/") + name;
}

// Area of a [lon, lat] ring in hectares (local equirectangular projection: fine at a few km).
double ringAreaHa(const QJsonArray &ring)
{
    const double lat0 = ring.at(0).toArray().at(1).toDouble();
    const double mx = 111320.0 * qCos(qDegreesToRadians(lat0));
    const double my = 111320.0;
    double twice = 0;
    for (int i = 0; i + 1 < ring.size(); ++i) {
        const QJsonArray a = ring.at(i).toArray();
        const QJsonArray b = ring.at(i + 1).toArray();
        twice += a.at(0).toDouble() * mx * b.at(1).toDouble() * my -
                 b.at(0).toDouble() * mx * a.at(1).toDouble() * my;
    }
    return qAbs(twice) / 2 / 10000;
}
} // namespace

class TestDemoDataLoader : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;

    QSqlDatabase db() const { return m_db->connection(); }

    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const
    {
        QSqlQuery q(db());
        if (!q.prepare(sql))
            return QStringLiteral("prepare failed: ") + sql;
        for (const QVariant &b : binds)
            q.addBindValue(b);
        if (!q.exec() || !q.next())
            return {};
        return q.value(0);
    }
    int count(const QString &table) const
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)).toInt();
    }
    QMap<QString, int> allCounts() const
    {
        QMap<QString, int> m;
        for (const QString &t : kTables)
            m.insert(t, count(t));
        m.insert(QStringLiteral("outbox"), count(QStringLiteral("outbox")));
        return m;
    }
    QVariantMap clusterByName(const QString &name) const
    {
        QSqlQuery q(db());
        q.prepare(QStringLiteral("SELECT * FROM clusters WHERE name = ?"));
        q.addBindValue(name);
        QVariantMap m;
        if (q.exec() && q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                m.insert(q.record().fieldName(i), q.value(i));
        }
        return m;
    }
    void loadDefaults()
    {
        DemoDataLoader loader(db());
        const CoreError e = loader.loadDefaults();
        QVERIFY2(e.ok(), qPrintable(e.message()));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = std::make_unique<Database>();
        const CoreError e = m_db->open(m_dir->filePath(QStringLiteral("ccn.sqlite")));
        QVERIFY2(e.ok(), qPrintable(e.message()));
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void loadsAndReportsCounts()
    {
        DemoDataLoader loader(db());
        const CoreError e = loader.loadDefaults();
        QVERIFY2(e.ok(), qPrintable(e.message()));
        const DemoDataLoader::Counts &c = loader.counts();
        // The counts reported are the rows written.
        for (const QString &t : kTables)
            QCOMPARE(c.inserted.value(t), count(t));
        // The demo file repeats the default template (same ids): written once.
        QCOMPARE(c.totalSkipped(), count(QStringLiteral("checklist_templates")) +
                                       count(QStringLiteral("checklist_sections")) +
                                       count(QStringLiteral("checklist_questions")));
        QCOMPARE(count(QStringLiteral("clusters")), 16);
        QCOMPARE(count(QStringLiteral("checklist_templates")), 1);
        QCOMPARE(count(QStringLiteral("checklist_sections")), 5);
        QVERIFY(count(QStringLiteral("checklist_questions")) >= 25);
        QVERIFY(count(QStringLiteral("checklist_questions")) <= 36);
        QCOMPARE(count(QStringLiteral("tenants")), 50);
        QCOMPARE(count(QStringLiteral("inspections")), 15);
        QCOMPARE(count(QStringLiteral("violations")), 17);
        QVERIFY(count(QStringLiteral("answers")) > 300);
        // Every cluster has markers, the seven kinds of infrastructure and one lead unit.
        QCOMPARE(scalar(QStringLiteral(
                            "SELECT COUNT(*) FROM clusters c WHERE (SELECT COUNT(*) "
                            "FROM infrastructure_items i WHERE i.cluster_id = c.id) = 7 "
                            "AND (SELECT COUNT(*) FROM boundary_markers m WHERE "
                            "m.cluster_id = c.id) > 0 AND (SELECT COUNT(*) FROM "
                            "cluster_units u WHERE u.cluster_id = c.id AND u.is_lead = 1) = 1"))
                     .toInt(),
                 16);
        // Per province: 5 in Ninh Bình, 7 from the former Bắc Giang, 4 from the former Kon Tum.
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral("SELECT u.name, COUNT(*) FROM clusters c JOIN admin_units u "
                                      "ON u.id = c.province_id GROUP BY u.name ORDER BY u.name")));
        QMap<QString, int> perProvince;
        while (q.next())
            perProvince.insert(q.value(0).toString(), q.value(1).toInt());
        QCOMPARE(perProvince.value(QStringLiteral("Ninh Bình")), 5);
        QCOMPARE(perProvince.value(QStringLiteral("Bắc Ninh")), 7);
        QCOMPARE(perProvince.value(QStringLiteral("Quảng Ngãi")), 4);
    }

    void keepsThePublicFigures()
    {
        loadDefaults();
        const QVariantMap dh = clusterByName(QStringLiteral("Cụm công nghiệp Đồng Hướng"));
        QVERIFY(!dh.isEmpty());
        QCOMPARE(dh.value(QStringLiteral("planned_area_ha")).toDouble(), 67.12);
        QCOMPARE(dh.value(QStringLiteral("workers")).toInt(), 6050);
        QVERIFY(dh.value(QStringLiteral("establishment_decision"))
                    .toString()
                    .contains(QStringLiteral("477/QĐ-UBND")));
        QCOMPARE(dh.value(QStringLiteral("established_on")).toString(),
                 QStringLiteral("2015-05-21"));
        QCOMPARE(scalar(QStringLiteral(
                            "SELECT COUNT(*), SUM(workers) FROM tenants WHERE cluster_id = ?"),
                        {dh.value(QStringLiteral("id"))})
                     .toInt(),
                 9);

        const QVariantMap kh = clusterByName(QStringLiteral("Cụm công nghiệp Khánh Hải 1"));
        QVERIFY(kh.value(QStringLiteral("establishment_decision"))
                    .toString()
                    .startsWith(QStringLiteral("QĐ 702/QĐ-UBND")));
        QCOMPARE(kh.value(QStringLiteral("established_on")).toString(),
                 QStringLiteral("2021-07-07"));
        QCOMPARE(kh.value(QStringLiteral("planned_area_ha")).toDouble(), 36.31);
        QCOMPARE(kh.value(QStringLiteral("industrial_land_ha")).toDouble(), 29.96);
        QCOMPARE(kh.value(QStringLiteral("investment_capital_bn_vnd")).toDouble(), 283.99);

        const QVariantMap vp = clusterByName(QStringLiteral("Cụm công nghiệp Văn Phong"));
        QCOMPARE(vp.value(QStringLiteral("planned_area_ha")).toDouble(), 50.0);
        QCOMPARE(vp.value(QStringLiteral("investment_capital_bn_vnd")).toDouble(), 418.0);
        QCOMPARE(vp.value(QStringLiteral("wwtp_status")).toString(),
                 QStringLiteral("under_construction"));

        const QVariantMap kt = clusterByName(QStringLiteral("Cụm công nghiệp Khánh Thượng"));
        QCOMPARE(kt.value(QStringLiteral("planned_area_ha")).toDouble(), 70.6);
        QCOMPARE(kt.value(QStringLiteral("workers")).toInt(), 1000);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM tenants WHERE cluster_id = ?"),
                        {kt.value(QStringLiteral("id"))})
                     .toInt(),
                 8);
        QCOMPARE(
            scalar(
                QStringLiteral(
                    "SELECT COUNT(*) FROM tenants WHERE cluster_id = ? AND status = 'operating'"),
                {kt.value(QStringLiteral("id"))})
                .toInt(),
            4);

        const QVariantMap nm = clusterByName(QStringLiteral("Cụm công nghiệp Ngô Mây – Đăk Cấm"));
        QCOMPARE(nm.value(QStringLiteral("planned_area_ha")).toDouble(), 62.6);

        // Former Kon Tum: average fill rate about 65 %.
        const double fill =
            scalar(QStringLiteral("SELECT AVG(leased_land_ha / industrial_land_ha) FROM clusters c "
                                  "JOIN admin_units u ON "
                                  "u.id = c.province_id WHERE u.name = 'Quảng Ngãi'"))
                .toDouble();
        QVERIFY2(fill > 0.6 && fill < 0.7, qPrintable(QString::number(fill)));
        // Former Bắc Giang: plants operating, under construction and missing, mostly operating.
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral(
            "SELECT wwtp_status, COUNT(*) FROM clusters c JOIN admin_units u "
            "ON u.id = c.province_id WHERE u.name = 'Bắc Ninh' GROUP BY wwtp_status")));
        QMap<QString, int> plants;
        while (q.next())
            plants.insert(q.value(0).toString(), q.value(1).toInt());
        QVERIFY(plants.value(QStringLiteral("operating")) > plants.value(QStringLiteral("none")));
        QVERIFY(plants.value(QStringLiteral("none")) >=
                plants.value(QStringLiteral("under_construction")));
        QVERIFY(plants.value(QStringLiteral("under_construction")) >= 1);

        // Every cluster is marked demo and says which figures are invented.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM clusters WHERE is_demo = 1 AND notes "
                                       "LIKE '%minh hoạ (demo)%'"))
                     .toInt(),
                 16);
    }

    void rowsAreConsistent()
    {
        loadDefaults();
        QSqlQuery q(db());
        QVERIFY(q.exec(
            QStringLiteral("SELECT id, name, planned_area_ha, boundary_geojson FROM clusters")));
        int n = 0;
        while (q.next()) {
            ++n;
            const QString name = q.value(1).toString();
            QVERIFY(Uuid7::isValid(q.value(0).toString()));
            const QJsonObject g = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
            QCOMPARE(g.value(QStringLiteral("type")).toString(), QStringLiteral("Polygon"));
            const QJsonArray ring =
                g.value(QStringLiteral("coordinates")).toArray().at(0).toArray();
            QVERIFY(ring.size() >= 4);
            QCOMPARE(ring.first(), ring.last());
            // [lon, lat] in Vietnam, and the area of the planned size.
            const double lon = ring.at(0).toArray().at(0).toDouble();
            const double lat = ring.at(0).toArray().at(1).toDouble();
            QVERIFY2(lon > 102 && lon < 110 && lat > 8 && lat < 24, qPrintable(name));
            const double area = ringAreaHa(ring);
            QVERIFY2(qAbs(area - q.value(2).toDouble()) < 0.05 * q.value(2).toDouble(),
                     qPrintable(QStringLiteral("%1: %2 ha").arg(name).arg(area)));
        }
        QCOMPARE(n, 16);
        // Tax codes have 10 digits; tenant and cluster search text is folded.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM tenants WHERE length(tax_code) != 10 "
                                       "OR tax_code GLOB '*[^0-9]*'"))
                     .toInt(),
                 0);
        QCOMPARE(
            scalar(QStringLiteral("SELECT COUNT(*) FROM clusters WHERE search_text = ''")).toInt(),
            0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM inspections WHERE search_text = ''"))
                     .toInt(),
                 0);
        QCOMPARE(
            scalar(QStringLiteral("SELECT c.name FROM clusters_fts f JOIN clusters c ON "
                                  "c.rowid = f.rowid WHERE clusters_fts MATCH '\"dong huong\"'"))
                .toString(),
            QStringLiteral("Cụm công nghiệp Đồng Hướng"));
        const QString tax = scalar(QStringLiteral("SELECT tax_code FROM tenants WHERE name = "
                                                  "'Công ty TNHH Cói mỹ nghệ Kim Sơn'"))
                                .toString();
        QCOMPARE(
            scalar(QStringLiteral("SELECT COUNT(*) FROM tenants_fts WHERE tenants_fts MATCH ?"),
                   {QStringLiteral("\"%1\"").arg(tax)})
                .toInt(),
            1);
        QVERIFY(scalar(QStringLiteral("SELECT search_text FROM clusters WHERE code = 'NB-CCN-02'"))
                    .toString()
                    .contains(TextFolder::fold(QStringLiteral("Khánh Hải 1"))));
        // Inspections are submitted, on the default template; history and open violations show.
        QCOMPARE(
            scalar(QStringLiteral("SELECT COUNT(*) FROM inspections WHERE status != 'submitted' "
                                  "OR submitted_at IS NULL OR submitted_at < started_at"))
                .toInt(),
            0);
        QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM violations WHERE status = 'open'"))
                    .toInt() >= 8);
        const QVariantMap kt = clusterByName(QStringLiteral("Cụm công nghiệp Khánh Thượng"));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM inspections WHERE cluster_id = ?"),
                        {kt.value(QStringLiteral("id"))})
                     .toInt(),
                 2);
        QVERIFY(
            scalar(QStringLiteral("SELECT COUNT(*) FROM violations WHERE cluster_id = ? AND status "
                                  "IN ('open', 'remedying', 'escalated')"),
                   {kt.value(QStringLiteral("id"))})
                .toInt() >= 2);
        // A violation takes its legal basis and fine range from the catalogue.
        QSqlQuery v(db());
        QVERIFY(
            v.exec(QStringLiteral("SELECT legal_basis, fine_min_vnd, fine_max_vnd FROM violations "
                                  "WHERE category = 'no_operating_log'")));
        QVERIFY(v.next());
        QVERIFY(v.value(0).toString().contains(QStringLiteral("45/2022/NĐ-CP")));
        QCOMPARE(v.value(1).toLongLong(), 50000000LL);
        QCOMPARE(v.value(2).toLongLong(), 60000000LL);
        // Every violation's category is in the catalogue; answers are valid for their question.
        QVERIFY(v.exec(QStringLiteral("SELECT DISTINCT category FROM violations")));
        while (v.next())
            QVERIFY2(ViolationCatalog::find(v.value(0).toString()).isValid(),
                     qPrintable(v.value(0).toString()));
        QCOMPARE(
            scalar(
                QStringLiteral(
                    "SELECT COUNT(*) FROM answers a JOIN checklist_questions q ON q.id = "
                    "a.question_id "
                    "WHERE (q.kind = 'yes_no_na' AND a.value NOT IN ('yes', 'no', 'na')) OR "
                    "(q.kind = 'percentage' AND (CAST(a.value AS REAL) < 0 OR CAST(a.value AS "
                    "REAL) > 100)) OR "
                    "(q.kind = 'choice' AND NOT EXISTS (SELECT 1 FROM json_each(q.choices_json) j "
                    "WHERE json_extract(j.value, '$.value') = a.value))"))
                .toInt(),
            0);
        // Progress readings belong to the inspections of their cluster.
        QCOMPARE(scalar(QStringLiteral(
                            "SELECT COUNT(*) FROM progress_readings r JOIN infrastructure_items i "
                            "ON i.id = r.item_id JOIN inspections n ON n.id = r.inspection_id "
                            "WHERE n.cluster_id != i.cluster_id"))
                     .toInt(),
                 0);
    }

    void checklistUsesEveryKindAndValidConditions()
    {
        loadDefaults();
        const QString tmpl =
            scalar(
                QStringLiteral("SELECT id FROM checklist_templates WHERE code = ? AND version = 1"),
                {DemoDataLoader::defaultTemplateCode()})
                .toString();
        QVERIFY(Uuid7::isValid(tmpl));
        QSqlQuery q(db());
        q.prepare(QStringLiteral(
            "SELECT q.code, q.kind, q.unit, q.choices_json, q.required, q.min_value, "
            "q.max_value, q.show_if_code, q.show_if_value, q.legal_basis "
            "FROM checklist_questions q JOIN checklist_sections s ON s.id = q.section_id "
            "WHERE s.template_id = ? ORDER BY s.position, q.position"));
        q.addBindValue(tmpl);
        QVERIFY(q.exec());
        QHash<QString, QString> kindOf;
        QHash<QString, QStringList> valuesOf;
        QSet<QString> kinds;
        int required = 0, conditional = 0, withBasis = 0, photoWhenNo = 0;
        while (q.next()) {
            const QString code = q.value(0).toString();
            const QString kind = q.value(1).toString();
            kinds.insert(kind);
            required += q.value(4).toInt();
            if (!q.value(9).toString().isEmpty())
                ++withBasis;
            if (kind == QLatin1String("number")) {
                QVERIFY2(!q.value(2).toString().isEmpty(), qPrintable(code));
                QVERIFY2(!q.value(5).isNull() && !q.value(6).isNull(), qPrintable(code));
                QVERIFY(q.value(5).toDouble() < q.value(6).toDouble());
            }
            QStringList values;
            if (kind == QLatin1String("choice")) {
                const QJsonArray choices =
                    QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array();
                QVERIFY2(choices.size() >= 2, qPrintable(code));
                for (const QJsonValue &c : choices) {
                    QVERIFY(!c.toObject().value(QStringLiteral("label")).toString().isEmpty());
                    values << c.toObject().value(QStringLiteral("value")).toString();
                }
            } else if (kind == QLatin1String("yes_no_na")) {
                values = {QStringLiteral("yes"), QStringLiteral("no"), QStringLiteral("na")};
            }
            const QString ref = q.value(7).toString();
            if (!ref.isEmpty()) {
                ++conditional;
                // The condition refers to an earlier question and to a value it can have.
                QVERIFY2(kindOf.contains(ref), qPrintable(code + QLatin1String(" -> ") + ref));
                QVERIFY2(valuesOf.value(ref).contains(q.value(8).toString()), qPrintable(code));
                if (kind == QLatin1String("photo") && q.value(4).toInt() &&
                    q.value(8).toString() == QLatin1String("no"))
                    ++photoWhenNo;
            }
            QVERIFY2(!kindOf.contains(code), qPrintable(code));
            kindOf.insert(code, kind);
            valuesOf.insert(code, values);
        }
        QCOMPARE(kinds, (QSet<QString>{QStringLiteral("yes_no_na"), QStringLiteral("number"),
                                       QStringLiteral("percentage"), QStringLiteral("choice"),
                                       QStringLiteral("text"), QStringLiteral("photo")}));
        QVERIFY(kindOf.size() >= 25 && kindOf.size() <= 36);
        QVERIFY(required >= 15);
        QVERIFY(conditional >= 5);
        QVERIFY(photoWhenNo >= 1);
        QVERIFY(withBasis >= kindOf.size() * 2 / 3);
        // Capacity only when a central plant exists.
        QCOMPARE(scalar(QStringLiteral(
                            "SELECT show_if_code || '=' || show_if_value FROM checklist_questions "
                            "WHERE code = 'HT08'"))
                     .toString(),
                 QStringLiteral("HT06=yes"));
        QCOMPARE(scalar(QStringLiteral("SELECT unit FROM checklist_questions WHERE code = 'HT08'"))
                     .toString(),
                 QStringLiteral("m³/ngày đêm"));
    }

    void mapsTheAdministrativeReorganisation()
    {
        loadDefaults();
        auto mappedTo = [&](const QString &oldName, const QString &oldLevel) {
            QSqlQuery q(db());
            q.prepare(QStringLiteral(
                "SELECT n.level_label || ' ' || n.name, m.effective_on, m.legal_basis, o.valid_to, "
                "n.valid_from "
                "FROM admin_unit_mappings m JOIN admin_units o ON o.id = m.old_unit_id "
                "JOIN admin_units n ON n.id = m.new_unit_id WHERE o.name = ? AND o.level = ? ORDER "
                "BY 1"));
            q.addBindValue(oldName);
            q.addBindValue(oldLevel);
            QStringList out;
            if (q.exec()) {
                while (q.next()) {
                    if (q.value(1).toString() != QLatin1String("2025-07-01") ||
                        !q.value(2).toString().contains(QStringLiteral("202/2025/QH15")) ||
                        q.value(3).toString() != QLatin1String("2025-06-30") ||
                        q.value(4).toString() != QLatin1String("2025-07-01"))
                        out << QStringLiteral("bad row");
                    else
                        out << q.value(0).toString();
                }
            }
            return out;
        };
        const QString province = QStringLiteral("province");
        QCOMPARE(mappedTo(QStringLiteral("Bắc Giang"), province),
                 QStringList{QStringLiteral("Tỉnh Bắc Ninh")});
        QCOMPARE(mappedTo(QStringLiteral("Kon Tum"), province),
                 QStringList{QStringLiteral("Tỉnh Quảng Ngãi")});
        QCOMPARE(mappedTo(QStringLiteral("Nam Định"), province),
                 QStringList{QStringLiteral("Tỉnh Ninh Bình")});
        QCOMPARE(mappedTo(QStringLiteral("Hà Nam"), province),
                 QStringList{QStringLiteral("Tỉnh Ninh Bình")});
        const QString district = QStringLiteral("district");
        for (const QString &d :
             {QStringLiteral("Kim Sơn"), QStringLiteral("Yên Khánh"), QStringLiteral("Nho Quan"),
              QStringLiteral("Yên Mô"), QStringLiteral("Gia Viễn")}) {
            const QStringList to = mappedTo(d, district);
            QVERIFY2(!to.isEmpty() && !to.contains(QStringLiteral("bad row")), qPrintable(d));
            QCOMPARE(scalar(QStringLiteral("SELECT level_label FROM admin_units WHERE name = ? AND "
                                           "level = 'district'"),
                            {d})
                         .toString(),
                     QStringLiteral("Huyện"));
        }
        QCOMPARE(mappedTo(QStringLiteral("Khánh Thượng"), QStringLiteral("commune")),
                 QStringList{QStringLiteral("Phường Yên Thắng")});
        // Every cluster sits in a current province and current communes (since 1/7/2025, no
        // district).
        QCOMPARE(
            scalar(QStringLiteral(
                       "SELECT COUNT(*) FROM clusters c JOIN admin_units p ON p.id = c.province_id "
                       "WHERE p.valid_to IS NOT NULL OR p.level != 'province'"))
                .toInt(),
            0);
        QCOMPARE(
            scalar(
                QStringLiteral(
                    "SELECT COUNT(*) FROM cluster_units cu JOIN admin_units u ON u.id = cu.unit_id "
                    "WHERE u.valid_to IS NOT NULL OR u.level != 'commune'"))
                .toInt(),
            0);
        // Each unit's parent was valid when it was.
        QCOMPARE(
            scalar(
                QStringLiteral(
                    "SELECT COUNT(*) FROM admin_units u JOIN admin_units p ON p.id = u.parent_id "
                    "WHERE p.valid_from > u.valid_from OR IFNULL(p.valid_to, '9999') < "
                    "IFNULL(u.valid_to, '9999')"))
                .toInt(),
            0);
    }

    void secondLoadAddsNothing()
    {
        loadDefaults();
        const QMap<QString, int> before = allCounts();
        // An edit the user made is kept.
        RecordWriter writer(db());
        const QString dh = clusterByName(QStringLiteral("Cụm công nghiệp Đồng Hướng"))
                               .value(QStringLiteral("id"))
                               .toString();
        QVERIFY(writer.update(QStringLiteral("clusters"), dh, {{QStringLiteral("workers"), 6100}})
                    .ok());
        const int outboxAfterEdit = count(QStringLiteral("outbox"));
        QCOMPARE(outboxAfterEdit, 1);

        DemoDataLoader loader(db());
        const CoreError e = loader.loadDefaults();
        QVERIFY2(e.ok(), qPrintable(e.message()));
        QCOMPARE(loader.counts().totalInserted(), 0);
        int firstTotal = 0;
        for (const QString &t : kTables)
            firstTotal += before.value(t);
        const int templateRows = before.value(QStringLiteral("checklist_templates")) +
                                 before.value(QStringLiteral("checklist_sections")) +
                                 before.value(QStringLiteral("checklist_questions"));
        QCOMPARE(loader.counts().totalSkipped(), firstTotal + templateRows);
        QMap<QString, int> after = allCounts();
        after[QStringLiteral("outbox")] -= outboxAfterEdit;
        QCOMPARE(after, before);
        QCOMPARE(clusterByName(QStringLiteral("Cụm công nghiệp Đồng Hướng"))
                     .value(QStringLiteral("workers"))
                     .toInt(),
                 6100);
    }

    void storedChecklistWritesNothing()
    {
        // Every app start loads the bundled checklist; once stored, that writes no row at all
        // (no transaction, no commit, no fsync).
        DemoDataLoader first(db());
        QVERIFY(first.loadChecklist().ok());
        QVERIFY(first.counts().totalInserted() > 0);
        const int changesBefore = scalar(QStringLiteral("SELECT total_changes()")).toInt();
        DemoDataLoader again(db());
        QVERIFY(again.loadChecklist().ok());
        QCOMPARE(again.counts().totalInserted(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT total_changes()")).toInt(), changesBefore);
    }

    void outboxPolicy()
    {
        // Default: seeded as if pulled, nothing in the outbox, the flag restored.
        loadDefaults();
        QCOMPARE(count(QStringLiteral("outbox")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT applying FROM sync_flags")).toInt(), 0);

        // Recorded: one outbox entry per row, like any local write.
        QTemporaryDir other;
        Database second;
        QVERIFY(second.open(other.filePath(QStringLiteral("b.sqlite"))).ok());
        DemoDataLoader loader(second.connection());
        loader.setOutboxPolicy(DemoDataLoader::OutboxPolicy::Record);
        const CoreError e = loader.loadDefaults();
        QVERIFY2(e.ok(), qPrintable(e.message()));
        QSqlQuery q(second.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), SUM(op = 'insert') FROM outbox")) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), loader.counts().totalInserted());
        QCOMPARE(q.value(1).toInt(), loader.counts().totalInserted());
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("why");
        QFile table(fixture(QStringLiteral("refused.tsv")));
        QVERIFY(table.open(QIODevice::ReadOnly | QIODevice::Text));
        int rows = 0;
        while (!table.atEnd()) {
            const QString line = QString::fromUtf8(table.readLine()).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const QStringList cols = line.split(QLatin1Char('\t'));
            QCOMPARE(cols.size(), 2);
            QTest::newRow(qPrintable(cols.at(0))) << cols.at(0) << cols.at(1);
            ++rows;
        }
        QVERIFY(rows >= 8);
    }

    void refusesBadFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, why);
        const QMap<QString, int> before = allCounts();
        DemoDataLoader loader(db());
        // With the default checklist in the same call: it is rolled back too.
        const CoreError e = loader.loadFiles(
            {DemoDataLoader::defaultChecklistPath(), fixture(QStringLiteral("refused/") + file)});
        QVERIFY(e.failed());
        QCOMPARE(e.code(), CoreError::Code::InvalidInput);
        QVERIFY2(TextFolder::fold(e.message()).contains(why), qPrintable(e.message()));
        QCOMPARE(allCounts(), before);
        QCOMPARE(loader.counts().totalInserted(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT applying FROM sync_flags")).toInt(), 0);
    }

    void failureHalfWayWritesNothing()
    {
        DemoDataLoader loader(db());
        QVERIFY(loader.loadChecklist().ok());
        const QMap<QString, int> before = allCounts();
        QCOMPARE(before.value(QStringLiteral("checklist_templates")), 1);
        // The unit, cluster, inspection and first answer are written before the unknown code.
        const CoreError e = loader.loadFile(fixture(QStringLiteral("unknown-question.json")));
        QVERIFY(e.failed());
        QVERIFY2(e.message().contains(QStringLiteral("XX99")), qPrintable(e.message()));
        QCOMPARE(allCounts(), before);
    }

    void demoFileCarriesTheSameTemplate()
    {
        // The demo file alone is enough (the registry seeds from it), and its template rows
        // are exactly those of the checklist file.
        DemoDataLoader demoOnly(db());
        const CoreError e = demoOnly.loadFile(DemoDataLoader::defaultDemoPath());
        QVERIFY2(e.ok(), qPrintable(e.message()));
        QCOMPARE(count(QStringLiteral("clusters")), 16);
        QTemporaryDir other;
        Database second;
        QVERIFY(second.open(other.filePath(QStringLiteral("b.sqlite"))).ok());
        DemoDataLoader checklistOnly(second.connection());
        QVERIFY(checklistOnly.loadChecklist().ok());
        QCOMPARE(checklistOnly.counts().inserted.value(QStringLiteral("clusters")), 0);
        const QString sql = QStringLiteral(
            "SELECT t.id, t.code, t.version, t.title, t.legal_basis, t.published_on, s.id, "
            "s.position, "
            "s.title, q.id, q.position, q.code, q.text, q.kind, q.unit, q.choices_json, "
            "q.required, "
            "q.min_value, q.max_value, q.show_if_code, q.show_if_value, q.legal_basis "
            "FROM checklist_templates t JOIN checklist_sections s ON s.template_id = t.id "
            "JOIN checklist_questions q ON q.section_id = s.id ORDER BY s.position, q.position");
        auto dump = [&](const QSqlDatabase &d) {
            QStringList out;
            QSqlQuery q(d);
            if (!q.exec(sql))
                return QStringList{QStringLiteral("query failed")};
            while (q.next()) {
                QStringList row;
                for (int i = 0; i < q.record().count(); ++i)
                    row << q.value(i).toString();
                out << row.join(QLatin1Char('|'));
            }
            return out;
        };
        const QStringList fromDemo = dump(db());
        QVERIFY(fromDemo.size() >= 25);
        QCOMPARE(fromDemo, dump(second.connection()));
    }

    void missingFileIsAnIoError()
    {
        DemoDataLoader loader(db());
        const CoreError e = loader.loadFile(fixture(QStringLiteral("no-such-file.json")));
        QCOMPARE(e.code(), CoreError::Code::Io);
    }
};

QTEST_GUILESS_MAIN(TestDemoDataLoader)
#include "tst_demodataloader.moc"
