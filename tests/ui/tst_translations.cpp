// The English translation (:/i18n/ccn_en.qm, built from qml/i18n/ccn_en.ts into ccnqml) covers the
// messages of the core, not only the QML: with it installed, errors from app/core, app/photo,
// app/position and sync/client come out in English. Each check compares with the exact English
// text of ccn_en.ts, so a message lupdate no longer sees, or one left untranslated, fails here.
#include "coordinatevalidator.h"
#include "database.h"
#include "demodataloader.h"
#include "domainlabels.h"
#include "imageinspector.h"
#include "migrator.h"
#include "positionaverager.h"
#include "syncclient.h"
#include "syncerrors.h"
#include "synchttp.h"

#include "../core/testdb.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    QTranslator m_english;
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_english.load(QStringLiteral(":/i18n/ccn_en.qm")));
        QVERIFY(m_dir.isValid());
    }

    void init() { QVERIFY(QCoreApplication::installTranslator(&m_english)); }
    void cleanup() { QCoreApplication::removeTranslator(&m_english); }

    // Without the translator the same message is the Vietnamese source: the checks below see
    // the translation, not a string that happens to be English already.
    void vietnameseWithoutTheTranslation()
    {
        QCoreApplication::removeTranslator(&m_english);
        QCOMPARE(SyncErrors::message(SyncErrors::Kind::BadLogin),
                 QStringLiteral("Sai tên đăng nhập hoặc mật khẩu. Hãy kiểm tra và nhập lại."));
        QCOMPARE(CoordinateValidator::validate(qQNaN(), 106.0).message(),
                 QStringLiteral("Tọa độ không hợp lệ: thiếu vĩ độ hoặc kinh độ. Hãy lấy lại vị trí "
                                "hoặc nhập đủ cả hai số."));
    }

    // app/core, QObject::tr: the rest of the message is SQLite's own text.
    void databaseThatCannotBeOpened()
    {
        const QString path = QStringLiteral("/proc/ccn-cannot-be-here/device.sqlite");
        Database db;
        const CoreError e = db.open(path);
        QCOMPARE(e.code(), CoreError::Code::DatabaseOpen);
        const QString expected = QStringLiteral("Cannot open the database %1: ").arg(path);
        QVERIFY2(e.message().startsWith(expected), qPrintable(e.message()));
    }

    // app/core, QObject::tr in Migrator.
    void databaseFromANewerApp()
    {
        const QString path = m_dir.filePath(QStringLiteral("newer.sqlite"));
        const int newer = Migrator::latestVersion() + 3;
        const QString raw =
            testdb::writeRaw(path, {QStringLiteral("PRAGMA user_version = %1").arg(newer)});
        QVERIFY2(raw.isEmpty(), qPrintable(raw));
        Database db;
        const CoreError e = db.open(path);
        QCOMPARE(e.code(), CoreError::Code::SchemaTooNew);
        QCOMPARE(e.message(), QStringLiteral("This database was made by a newer version of CCN "
                                             "Inspect (schema %1; this app knows up to %2). Update "
                                             "the app to open it; the file has not been changed.")
                                  .arg(newer)
                                  .arg(Migrator::latestVersion()));
    }

    // app/core, QObject::tr in DemoDataLoader.
    void demoFileOfAnUnknownVersion()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("demo.sqlite"))).ok());
        const QString path = m_dir.filePath(QStringLiteral("future-demo.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "ccn-demo", "version": 9, "tables": {}})");
        f.close();
        DemoDataLoader loader(db.connection());
        const CoreError e = loader.loadFile(path);
        QCOMPARE(e.code(), CoreError::Code::InvalidInput);
        QCOMPARE(e.message(),
                 QStringLiteral("The file %1 has format “ccn-demo” version 9; this app only reads "
                                "ccn-demo version 1 and ccn-checklist version 1. Update the app or "
                                "use a file of the right version.")
                     .arg(path));
    }

    // app/photo: a photo from the shared "invalid" set, cut short as a failed copy leaves it.
    void truncatedPhotoIsRefused()
    {
        QFile f(QStringLiteral(CCN_SHARED_DIR "/data/photos/invalid/image02206.jpg"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll().left(14000);
        ImageFacts facts;
        const CoreError e = ImageInspector::inspect(bytes, &facts);
        QCOMPARE(e.code(), CoreError::Code::PhotoUnreadable);
        QCOMPARE(e.message(), QStringLiteral("The photo is incomplete (the file was cut short). "
                                             "Copy it from the camera again or take it again."));
    }

    void textFileIsNotAPhoto()
    {
        ImageFacts facts;
        const CoreError e = ImageInspector::inspect("not a photo at all", &facts);
        QCOMPARE(e.code(), CoreError::Code::PhotoUnreadable);
        QCOMPARE(e.message(),
                 QStringLiteral("This file is not a photo (JPEG or PNG). Choose a photo file."));
    }

    // app/position, CoordinateValidator::tr.
    void coordinateWithoutLatitude()
    {
        const CoreError e = CoordinateValidator::validate(qQNaN(), 106.0);
        QCOMPARE(e.code(), CoreError::Code::InvalidInput);
        QCOMPARE(e.message(),
                 QStringLiteral("Invalid coordinates: the latitude or longitude is missing. Get "
                                "the position again or enter both numbers."));
    }

    // app/position, PositionAverager::tr with %n: the English singular and plural.
    void averagingWithOnlyPoorFixes_data()
    {
        QTest::addColumn<int>("fixes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("one") << 1
                             << QStringLiteral("1 position was received, but it was less accurate "
                                               "than 20 m. Move to an open area, stand still and "
                                               "try again.");
        QTest::newRow("three") << 3
                               << QStringLiteral("All 3 positions received were less accurate "
                                                 "than 20 m. Move to an open area, stand still "
                                                 "and try again.");
    }

    void averagingWithOnlyPoorFixes()
    {
        QFETCH(int, fixes);
        QFETCH(QString, expected);
        PositionAverager avg(20.0);
        for (int i = 0; i < fixes; ++i) {
            QVERIFY(!avg.add(PositionFix::make(
                21.0, 105.8, 45.0, QDateTime(QDate(2025, 7, 1), QTime(8, 0, i), Qt::UTC))));
        }
        CoreError e;
        QVERIFY(!avg.result(&e).valid);
        QCOMPARE(e.code(), CoreError::Code::Position);
        QCOMPARE(e.message(), expected);
    }

    // app/ui, DomainLabels::fieldValue: a conflict record's values on the sync page, in English
    // words and numbers (the words of a whole row included).
    void conflictValues()
    {
        DomainLabels labels;
        labels.setLocale(QLocale(QLocale::English));
        QCOMPARE(labels.fieldValue("violations", "status", QStringLiteral("remedying")),
                 QStringLiteral("Being remedied"));
        QCOMPARE(labels.fieldValue("violations", "remedy", QVariant()), QStringLiteral("(empty)"));
        QCOMPARE(labels.fieldValue("clusters", "is_demo", true), QStringLiteral("Yes"));
        QCOMPARE(labels.fieldValue("clusters", "wwtp_meets_standard", 0), QStringLiteral("No"));
        const QVariantMap row{{"severity", "serious"}, {"fine_max_vnd", 20000000.0}};
        QCOMPARE(labels.fieldValue("violations", QString(), row),
                 QStringLiteral("Maximum fine (VND): 20,000,000; Severity: Serious"));
    }

    // sync/client: SyncErrors (what the sync page shows when a request fails).
    void syncErrors()
    {
        QCOMPARE(SyncErrors::message(SyncErrors::Kind::Offline),
                 QStringLiteral("Lost the connection to the server. Unsent data is kept safe on "
                                "this device. Check the network (Wi-Fi or 4G), then tap \"Sync\" "
                                "again."));
        SyncReply reply;
        reply.status = 401;
        SyncErrors::Kind kind = SyncErrors::Kind::None;
        const CoreError e = SyncErrors::fromReply(reply, &kind);
        QCOMPARE(kind, SyncErrors::Kind::Unauthorized);
        QCOMPARE(e.message(),
                 QStringLiteral("Your login has expired or this device’s access was revoked. Log "
                                "in again. Unsent data is kept safe on this device. (HTTP 401)"));
    }

    // sync/client: SyncClient::tr, logging in before a server address is set.
    void loginWithoutAServer()
    {
        const QString root = m_dir.filePath(QStringLiteral("device"));
        QVERIFY(QDir().mkpath(root));
        Database db;
        QVERIFY(db.open(root + QStringLiteral("/device.db")).ok());
        SyncClient client(db.connection(), root);
        client.setAutoSync(false);
        client.login(QStringLiteral("thanh.tra"), QStringLiteral("secret"));
        QCOMPARE(client.lastError(), QStringLiteral("No server address yet. Enter the server "
                                                    "address your administrator gave you."));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
