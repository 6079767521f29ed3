// OriginalCache: the originals a device fetched on demand make room for a new one, least recently
// shown first, down to the limit; the one just fetched stays, so do photos taken on the device and
// originals fetched before schema 10 (not marked); a marked original whose file is gone is
// unmarked. Real photos of ../shared/data, as they are.
#include "contenthash.h"
#include "originalcache.h"
#include "photostore.h"
#include "recordwriter.h"
#include "synctestutil.h"

#include <QTemporaryDir>

using namespace synctest;

namespace {
// A device: its database and photo folders.
struct Device {
    Database db;
    QString root;
    PhotoStore store;

    explicit Device(const QString &dir) : root(dir), store(dir)
    {
        QDir().mkpath(root);
        if (const CoreError e = db.open(root + QStringLiteral("/device.db")); e.failed())
            qFatal("%s", qPrintable(e.message()));
        if (const CoreError e = store.open(); e.failed())
            qFatal("%s", qPrintable(e.message()));
    }

    // A photo row from the registry whose original this device fetched at `at`.
    QString fetch(OriginalCache &cache, const QString &photo, qint64 at,
                  const QString &mime = QStringLiteral("image/jpeg"))
    {
        const QByteArray bytes = realPhoto(photo);
        const QString sha = ContentHash::sha256Of(bytes);
        if (RecordWriter(db.connection())
                .insert("photos", {{"sha256", sha},
                                   {"source", "camera"},
                                   {"byte_size", bytes.size()},
                                   {"mime", mime}})
                .failed() ||
            store.writeOriginal(sha, mime, bytes).failed() || cache.fetched(sha, at).failed())
            qFatal("cannot fetch %s", qPrintable(photo));
        return sha;
    }

    // A photo taken on this tablet, its upload done: on the registry, but still the tablet's.
    QString take(const QString &photo)
    {
        const QByteArray bytes = realPhoto(photo);
        const QString sha = ContentHash::sha256Of(bytes);
        QSqlQuery q(db.connection());
        if (!addPhoto(db.connection(), root, bytes, "camera") ||
            !q.exec(QStringLiteral("INSERT INTO photo_transfers(sha256, on_server, changed_at) "
                                   "VALUES ('%1', 1, 1)")
                        .arg(sha)))
            qFatal("cannot take %s", qPrintable(photo));
        return sha;
    }

    bool has(const QString &sha, const QString &mime = QStringLiteral("image/jpeg")) const
    {
        return QFileInfo::exists(store.originalPath(sha, mime));
    }

    bool marked(const QString &sha) const
    {
        return !scalar(db.connection(), QStringLiteral("SELECT original_fetched_at FROM "
                                                       "photo_transfers WHERE sha256 = '%1'")
                                            .arg(sha))
                    .isNull();
    }
};

qint64 sizeOf(const QString &photo)
{
    return realPhoto(photo).size();
}
} // namespace

class TestOriginalCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    std::unique_ptr<Device> device()
    {
        return std::make_unique<Device>(m_dir.filePath(QStringLiteral("d%1").arg(++m_n)));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    // Three fetched, the first shown again: with room for two, the second (least recently
    // shown) goes; the file and its mark both.
    void theLeastRecentlyShownGoesFirst()
    {
        auto d = device();
        OriginalCache cache(d->db.connection(), d->store);
        const QString a = d->fetch(cache, "gps/DSCN0010.jpg", 1000);
        const QString b = d->fetch(cache, "gps/DSCN0012.jpg", 2000);
        QVERIFY(cache.used(a, 3000).ok());
        const QString c = d->fetch(cache, "gps/DSCN0021.jpg", 4000);
        QCOMPARE(cache.bytesUsed(), sizeOf("gps/DSCN0010.jpg") + sizeOf("gps/DSCN0012.jpg") +
                                        sizeOf("gps/DSCN0021.jpg"));

        QStringList removed;
        const qint64 room = sizeOf("gps/DSCN0010.jpg") + sizeOf("gps/DSCN0021.jpg");
        QVERIFY(cache.trim(room, c, &removed).ok());
        QCOMPARE(removed, QStringList{b});
        QVERIFY(d->has(a));
        QVERIFY(!d->has(b));
        QVERIFY(d->has(c));
        QVERIFY(!d->marked(b));
        QVERIFY(d->marked(a) && d->marked(c));
        QCOMPARE(cache.bytesUsed(), room);

        // Within the limit, nothing more goes.
        removed.clear();
        QVERIFY(cache.trim(room, c, &removed).ok());
        QVERIFY(removed.isEmpty());
    }

    // Least recently used, not best fit: once one does not fit, the older ones go too, even a
    // small one that would.
    void olderOnesGoOnceOneDoesNotFit()
    {
        auto d = device();
        OriginalCache cache(d->db.connection(), d->store);
        const QString small = d->fetch(cache, "invalid/image02206.jpg", 1000);
        const QString big = d->fetch(cache, "mobile/jolla.jpg", 2000);
        const QString kept = d->fetch(cache, "gps/DSCN0025.jpg", 3000);
        QStringList removed;
        QVERIFY(
            cache
                .trim(sizeOf("gps/DSCN0025.jpg") + sizeOf("invalid/image02206.jpg"), kept, &removed)
                .ok());
        QCOMPARE(removed, (QStringList{big, small}));
        QVERIFY(d->has(kept));
    }

    // The original just fetched stays even when it alone is over the limit.
    void theOneJustFetchedStays()
    {
        auto d = device();
        OriginalCache cache(d->db.connection(), d->store);
        const QString old = d->fetch(cache, "gps/DSCN0027.jpg", 1000);
        const QString now = d->fetch(cache, "mobile/jolla.jpg", 2000);
        QStringList removed;
        QVERIFY(cache.trim(1, now, &removed).ok());
        QCOMPARE(removed, QStringList{old});
        QVERIFY(d->has(now));
        QVERIFY(d->marked(now));
    }

    // A photo taken on this tablet is not the cache's, nor is an original fetched before schema
    // 10 (no mark): neither is ever removed, however full the cache.
    void photosTakenHereAndUnmarkedOnesStay()
    {
        auto d = device();
        const QString takenSha = d->take("orientation/landscape_1.jpg");
        OriginalCache cache(d->db.connection(), d->store);
        const QString fetched = d->fetch(cache, "gps/DSCN0010.jpg", 1000);
        const QString newest = d->fetch(cache, "gps/DSCN0012.jpg", 2000);
        QStringList removed;
        QVERIFY(cache.trim(0, newest, &removed).ok());
        QCOMPARE(removed, QStringList{fetched});
        QVERIFY(d->has(takenSha));
        QCOMPARE(cache.bytesUsed(), sizeOf("gps/DSCN0012.jpg"));
    }

    // A PNG is removed from where the app keeps it, under its own suffix.
    void aPngGoesFromItsOwnPath()
    {
        auto d = device();
        OriginalCache cache(d->db.connection(), d->store);
        // The bytes do not matter to the cache: a JPEG's, kept as the photo row's type says.
        const QString png = d->fetch(cache, "gps/DSCN0021.jpg", 1000, "image/png");
        QVERIFY(d->has(png, "image/png"));
        const QString newest = d->fetch(cache, "gps/DSCN0025.jpg", 2000);
        QStringList removed;
        QVERIFY(cache.trim(0, newest, &removed).ok());
        QCOMPARE(removed, QStringList{png});
        QVERIFY(!d->has(png, "image/png"));
    }

    // A marked original whose file is gone (removed by hand; a crash after the file went) is
    // unmarked, costs no room and is not reported as removed; the others are judged as before.
    void aMarkWithNoFileIsCleared()
    {
        auto d = device();
        OriginalCache cache(d->db.connection(), d->store);
        const QString gone = d->fetch(cache, "gps/DSCN0010.jpg", 3000);
        const QString older = d->fetch(cache, "gps/DSCN0012.jpg", 1000);
        QVERIFY(QFile::remove(d->store.originalPath(gone)));
        QStringList removed;
        QVERIFY(cache.trim(sizeOf("gps/DSCN0012.jpg"), QString(), &removed).ok());
        QVERIFY(removed.isEmpty());
        QVERIFY(!d->marked(gone));
        QVERIFY(d->has(older) && d->marked(older));
    }

    // Shown again, an original that is not the cache's stays unmarked.
    void showingAPhotoTakenHereMarksNothing()
    {
        auto d = device();
        const QString sha = d->take("gps/DSCN0027.jpg");
        OriginalCache cache(d->db.connection(), d->store);
        QVERIFY(cache.used(sha, 5000).ok());
        QVERIFY(!d->marked(sha));
        QCOMPARE(cache.bytesUsed(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOriginalCache)
#include "tst_originalcache.moc"
