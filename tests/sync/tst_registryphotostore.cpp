// RegistryPhotoStore on a real data directory with real photos (../shared/data): uploads the
// registry stopped in the middle of are finished or started again, never stuck, and a thumbnail
// that was not made on arrival is made when asked for.
#include "contenthash.h"
#include "registryphotostore.h"

#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>

namespace {
QByteArray realPhoto(const char *name)
{
    QFile f(QStringLiteral(CCN_SHARED_DIR "/data/photos/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Puts `bytes` where an upload in progress of `sha` is kept (the layout the class documents), as
// a registry killed between writing the bytes and finishing the photo leaves it.
bool leavePartial(const QString &dir, const QString &sha, const QByteArray &bytes)
{
    QFile f(QDir(dir).filePath(QStringLiteral("photos/partial/") + sha));
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}
} // namespace

class TestRegistryPhotoStore : public QObject
{
    Q_OBJECT

private slots:
    // Chunks in order make the photo, checked against its name, with its thumbnail.
    void chunksMakeThePhoto()
    {
        QTemporaryDir dir;
        RegistryPhotoStore store(dir.path());
        const QByteArray bytes = realPhoto("mobile/jolla.jpg");
        QVERIFY(!bytes.isEmpty());
        const QString sha = ContentHash::sha256Of(bytes);
        qint64 received = -1;
        QString message;
        QCOMPARE(store.append(sha, 0, bytes.size(), bytes.left(500000), &received, &message),
                 RegistryPhotoStore::Append::Ok);
        QCOMPARE(received, 500000);
        QCOMPARE(store.state(sha, &received), RegistryPhotoStore::State::Partial);
        QCOMPARE(store.append(sha, 500000, bytes.size(), bytes.mid(500000), &received, &message),
                 RegistryPhotoStore::Append::Complete);
        QCOMPARE(received, qint64(bytes.size()));
        QFile original(store.originalPath(sha));
        QVERIFY(original.open(QIODevice::ReadOnly));
        QCOMPARE(original.readAll(), bytes);
        QVERIFY(!QImageReader(store.thumbnail(sha)).size().isEmpty());
    }

    // The registry stopped after the last chunk was written and before the photo was checked and
    // moved: the next chunk sent for it (the device resumes at what the status says it holds,
    // the whole size, with nothing left to send) finishes it. It stayed "partial" for good, every
    // chunk refused.
    void anUploadHeldWholeIsFinishedByTheNextChunk_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<QByteArray>("chunk");
        QTest::newRow("nothing left to send") << qint64(-1) << QByteArray();
        QTest::newRow("from the start") << qint64(0) << QByteArray("x");
    }

    void anUploadHeldWholeIsFinishedByTheNextChunk()
    {
        QFETCH(qint64, offset);
        QFETCH(QByteArray, chunk);
        QTemporaryDir dir;
        RegistryPhotoStore store(dir.path());
        const QByteArray bytes = realPhoto("gps/DSCN0010.jpg");
        const QString sha = ContentHash::sha256Of(bytes);
        QVERIFY(leavePartial(dir.path(), sha, bytes));
        qint64 received = 0;
        QCOMPARE(store.state(sha, &received), RegistryPhotoStore::State::Partial);
        QCOMPARE(received, qint64(bytes.size()));
        QString message;
        QCOMPARE(store.append(sha, offset < 0 ? bytes.size() : offset, bytes.size(), chunk,
                              &received, &message),
                 RegistryPhotoStore::Append::Complete);
        QCOMPARE(store.state(sha, &received), RegistryPhotoStore::State::Complete);
        QCOMPARE(received, qint64(bytes.size()));
        QVERIFY(!QFileInfo::exists(QDir(dir.path()).filePath("photos/partial/" + sha)));
        QVERIFY(!QImageReader(store.thumbnail(sha)).size().isEmpty());
    }

    // Held whole but not the photo its name says: dropped, and sent again from the start.
    void anUploadHeldWholeThatDoesNotMatchIsDropped()
    {
        QTemporaryDir dir;
        RegistryPhotoStore store(dir.path());
        const QByteArray bytes = realPhoto("gps/DSCN0010.jpg");
        const QString sha = ContentHash::sha256Of(bytes);
        QByteArray torn = bytes;
        torn[torn.size() / 2] = char(torn.at(torn.size() / 2) ^ 0x55);
        QVERIFY(leavePartial(dir.path(), sha, torn));
        qint64 received = 0;
        QString message;
        QCOMPARE(store.append(sha, bytes.size(), bytes.size(), {}, &received, &message),
                 RegistryPhotoStore::Append::HashMismatch);
        QCOMPARE(received, 0);
        QVERIFY(message.contains(sha));
        QCOMPARE(store.state(sha, &received), RegistryPhotoStore::State::Missing);
        QCOMPARE(store.append(sha, 0, bytes.size(), bytes, &received, &message),
                 RegistryPhotoStore::Append::Complete);
    }

    // Held longer than the photo is (an upload that said another size): not a beginning of it.
    // Dropped, and the sender is told to start at 0; it did not move again.
    void anUploadLongerThanThePhotoStartsAgain()
    {
        QTemporaryDir dir;
        RegistryPhotoStore store(dir.path());
        const QByteArray bytes = realPhoto("gps/DSCN0012.jpg");
        const QString sha = ContentHash::sha256Of(bytes);
        QVERIFY(leavePartial(dir.path(), sha, bytes + QByteArray(100, 'x')));
        qint64 received = -1;
        QString message;
        QCOMPARE(store.append(sha, bytes.size() + 100, bytes.size(), QByteArray("x"), &received,
                              &message),
                 RegistryPhotoStore::Append::OffsetMismatch);
        QCOMPARE(received, 0);
        QVERIFY(!message.isEmpty());
        QCOMPARE(store.append(sha, 0, bytes.size(), bytes, &received, &message),
                 RegistryPhotoStore::Append::Complete);
    }

    // A thumbnail missing beside its photo (not made on arrival: the disk was full) is made when
    // asked for; a file that is no image has none, and says so by an empty path.
    void aMissingThumbnailIsMadeWhenAskedFor()
    {
        QTemporaryDir dir;
        RegistryPhotoStore store(dir.path());
        const QByteArray bytes = realPhoto("mobile/jolla.jpg");
        const QString sha = ContentHash::sha256Of(bytes);
        qint64 received = 0;
        QString message;
        QCOMPARE(store.append(sha, 0, bytes.size(), bytes, &received, &message),
                 RegistryPhotoStore::Append::Complete);
        const QString thumb = store.thumbnail(sha);
        QVERIFY(QFile::remove(thumb));
        QCOMPARE(store.thumbnail(sha), thumb);
        const QSize size = QImageReader(thumb).size();
        QCOMPARE(qMax(size.width(), size.height()), RegistryPhotoStore::thumbnailEdge);

        const QByteArray text("not an image, only text");
        const QString textSha = ContentHash::sha256Of(text);
        QCOMPARE(store.append(textSha, 0, text.size(), text, &received, &message),
                 RegistryPhotoStore::Append::Complete);
        QVERIFY(store.thumbnail(textSha).isEmpty());
        QVERIFY(store.thumbnail(QString(64, 'a')).isEmpty()); // not held
    }
};

QTEST_GUILESS_MAIN(TestRegistryPhotoStore)
#include "tst_registryphotostore.moc"
