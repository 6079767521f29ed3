#include "photostore.h"

#include "contenthash.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(dir).relativeFilePath(it.next());
    files.sort();
    return files;
}

} // namespace

class TestPhotoStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void layout()
    {
        QTemporaryDir dir;
        PhotoStore store(dir.path());
        QVERIFY(store.open().ok());
        const QString sha = ContentHash::sha256Of("abc");
        QCOMPARE(store.originalPath(sha),
                 dir.path() + QStringLiteral("/photos/ba/") + sha + QStringLiteral(".jpg"));
        QCOMPARE(store.originalPath(sha, QStringLiteral("image/png")),
                 dir.path() + QStringLiteral("/photos/ba/") + sha + QStringLiteral(".png"));
        QCOMPARE(store.thumbnailPath(sha),
                 dir.path() + QStringLiteral("/thumbs/ba/") + sha + QStringLiteral(".jpg"));
        QVERIFY(store.originalPath(QStringLiteral("../x")).isEmpty());
        QVERIFY(store.thumbnailPath(QStringLiteral("../x")).isEmpty());
        QCOMPARE(readAll(dir.filePath(QStringLiteral("photos/VERSION"))), QByteArray("2\n"));
    }

    void writeOnceAndWhole()
    {
        QTemporaryDir dir;
        PhotoStore store(dir.path());
        QVERIFY(store.open().ok());
        const QByteArray bytes = QByteArray("\xFF\xD8 some photo bytes \xFF\xD9", 22);
        const QString sha = ContentHash::sha256Of(bytes);
        QVERIFY(!store.hasOriginal(sha, QStringLiteral("image/jpeg"), bytes.size()));
        QVERIFY(store.writeOriginal(sha, QStringLiteral("image/jpeg"), bytes).ok());
        QVERIFY(store.hasOriginal(sha, QStringLiteral("image/jpeg"), bytes.size()));
        QCOMPARE(readAll(store.originalPath(sha)), bytes);
        // Written again: left alone (no second file, no temporary left behind).
        QVERIFY(store.writeOriginal(sha, QStringLiteral("image/jpeg"), bytes).ok());
        const QStringList files = filesUnder(dir.path());
        QCOMPARE(files.size(), 2);
        QVERIFY(files.contains(QStringLiteral("photos/VERSION")));
        QVERIFY(files.contains(QStringLiteral("photos/%1/%2.jpg").arg(sha.left(2), sha)));
    }

    // A file of the wrong size at the original's place (damaged) is replaced.
    void damagedOriginalReplaced()
    {
        QTemporaryDir dir;
        PhotoStore store(dir.path());
        QVERIFY(store.open().ok());
        const QByteArray bytes("0123456789");
        const QString sha = ContentHash::sha256Of(bytes);
        QVERIFY(store.writeOriginal(sha, QStringLiteral("image/jpeg"), bytes).ok());
        {
            QFile f(store.originalPath(sha));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("01234");
        }
        QVERIFY(!store.hasOriginal(sha, QStringLiteral("image/jpeg"), bytes.size()));
        QVERIFY(store.writeOriginal(sha, QStringLiteral("image/jpeg"), bytes).ok());
        QCOMPARE(readAll(store.originalPath(sha)), bytes);
    }

    void thumbnail()
    {
        QTemporaryDir dir;
        PhotoStore store(dir.path());
        QVERIFY(store.open().ok());
        const QString sha = ContentHash::sha256Of("x");
        QVERIFY(!store.hasThumbnail(sha));
        QVERIFY(store.writeThumbnail(sha, "thumb").ok());
        QVERIFY(store.hasThumbnail(sha));
        QCOMPARE(readAll(store.thumbnailPath(sha)), QByteArray("thumb"));
    }

    void badHashRefused()
    {
        QTemporaryDir dir;
        PhotoStore store(dir.path());
        QVERIFY(store.open().ok());
        QCOMPARE(
            store.writeOriginal(QStringLiteral("../../evil"), QStringLiteral("image/jpeg"), "x")
                .code(),
            CoreError::Code::InvalidInput);
        QCOMPARE(store.writeThumbnail(QStringLiteral("abc"), "x").code(),
                 CoreError::Code::InvalidInput);
        QCOMPARE(filesUnder(dir.path()), QStringList{QStringLiteral("photos/VERSION")});
    }

    // Layout 1's sync client wrote the thumbnails it fetched flat; open() moves them under their
    // fan-out folder, drops a flat copy of one already in place, and leaves other files alone.
    void layoutOneThumbnailsMoved()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("photos")));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("thumbs")));
        QFile version(dir.filePath(QStringLiteral("photos/VERSION")));
        QVERIFY(version.open(QIODevice::WriteOnly));
        version.write("1\n");
        version.close();
        const QByteArray fetched = readAll(CCN_SHARED_DIR "/data/photos/gps/DSCN0010.jpg");
        const QByteArray made = readAll(CCN_SHARED_DIR "/data/photos/gps/DSCN0012.jpg");
        QVERIFY(!fetched.isEmpty() && !made.isEmpty());
        const QString loose = ContentHash::sha256Of(fetched);
        const QString placed = ContentHash::sha256Of(made);
        auto write = [&](const QString &relative, const QByteArray &bytes) {
            QDir().mkpath(QFileInfo(dir.filePath(relative)).path());
            QFile f(dir.filePath(relative));
            return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
        };
        QVERIFY(write("thumbs/" + loose + ".jpg", fetched));
        QVERIFY(write("thumbs/" + placed + ".jpg", fetched));
        QVERIFY(write("thumbs/" + placed.left(2) + "/" + placed + ".jpg", made));
        QVERIFY(write(QStringLiteral("thumbs/notes.jpg"), "not ours"));

        PhotoStore store(dir.path());
        QVERIFY(store.open().ok());
        QCOMPARE(readAll(store.thumbnailPath(loose)), fetched);
        QCOMPARE(readAll(store.thumbnailPath(placed)), made);
        QCOMPARE(
            filesUnder(dir.filePath(QStringLiteral("thumbs"))),
            (QStringList{loose.left(2) + "/" + loose + ".jpg",
                         placed.left(2) + "/" + placed + ".jpg", QStringLiteral("notes.jpg")}));
        QCOMPARE(readAll(dir.filePath(QStringLiteral("photos/VERSION"))), QByteArray("2\n"));
    }

    void newerLayoutRefused()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("photos")));
        QFile version(dir.filePath(QStringLiteral("photos/VERSION")));
        QVERIFY(version.open(QIODevice::WriteOnly));
        const QByteArray newer = QByteArray::number(PhotoStore::kLayoutVersion + 1) + '\n';
        version.write(newer);
        version.close();
        PhotoStore store(dir.path());
        QCOMPARE(store.open().code(), CoreError::Code::SchemaTooNew);
        QCOMPARE(readAll(version.fileName()), newer); // left as it was
    }

    void reopen()
    {
        QTemporaryDir dir;
        QVERIFY(PhotoStore(dir.path()).open().ok());
        QVERIFY(PhotoStore(dir.path()).open().ok());
    }

    void unwritableRoot()
    {
        QTemporaryDir dir;
        // A file where the root folder should be.
        const QString blocked = dir.filePath(QStringLiteral("blocked"));
        QFile f(blocked);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        PhotoStore store(blocked);
        QCOMPARE(store.open().code(), CoreError::Code::Io);
    }
};

QTEST_GUILESS_MAIN(TestPhotoStore)
#include "tst_photostore.moc"
