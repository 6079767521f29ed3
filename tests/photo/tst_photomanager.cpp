#include "contenthash.h"
#include "database.h"
#include "photomanager.h"
#include "recordwriter.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImageReader>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

QString sharedPhoto(const QString &relative)
{
    return QStringLiteral(CCN_SHARED_DIR "/data/photos/") + relative;
}

QString fixturePath(const QString &tablePath)
{
    if (tablePath.startsWith(QLatin1String("shared/")))
        return sharedPhoto(tablePath.mid(7));
    return QStringLiteral(CCN_FIXTURES_DIR "/photo/") + tablePath.mid(9);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QList<QStringList> table(const QString &name)
{
    QList<QStringList> rows;
    QFile f(QStringLiteral(CCN_FIXTURES_DIR "/photo/") + name);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("cannot read fixture %s", qPrintable(name));
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
            rows << line.split(QLatin1Char('\t'));
    }
    return rows;
}

CoreError::Code codeNamed(const QString &name)
{
    static const QHash<QString, CoreError::Code> codes = {
        {QStringLiteral("None"), CoreError::Code::None},
        {QStringLiteral("PhotoUnreadable"), CoreError::Code::PhotoUnreadable},
        {QStringLiteral("PhotoTooLarge"), CoreError::Code::PhotoTooLarge},
        {QStringLiteral("Io"), CoreError::Code::Io},
    };
    if (!codes.contains(name))
        qFatal("unknown code %s", qPrintable(name));
    return codes.value(name);
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

class TestPhotoManager : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<PhotoManager> m_photos;
    QString m_inspection;
    QString m_otherInspection;
    QString m_violation;
    QString m_question;

    QString root() const { return m_dir->filePath(QStringLiteral("data")); }

    int count(const QString &sql) const
    {
        QSqlQuery q(m_db->connection());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toInt();
    }
    int photoRows() const { return count(QStringLiteral("SELECT count(*) FROM photos")); }
    QStringList storedOriginals() const
    {
        return filesUnder(root() + QStringLiteral("/photos")).filter(QStringLiteral("/"));
    }
    QStringList storedThumbnails() const { return filesUnder(root() + QStringLiteral("/thumbs")); }

    void insert(RecordWriter &w, const QString &table, const QVariantMap &values, QString *id)
    {
        const CoreError e = w.insert(table, values, id);
        QVERIFY2(e.ok(), qPrintable(e.message()));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Each test: a fresh database with one cluster, two inspections, a violation and a question.
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = std::make_unique<Database>();
        const CoreError opened = m_db->open(m_dir->filePath(QStringLiteral("ccn.sqlite")));
        QVERIFY2(opened.ok(), qPrintable(opened.message()));
        RecordWriter w(m_db->connection());
        QString province, cluster, tmpl, section;
        insert(w, QStringLiteral("admin_units"),
               {{"code", "01"},
                {"name", "Hà Nội"},
                {"level", "province"},
                {"level_label", "Thành phố"},
                {"valid_from", "2025-07-01"}},
               &province);
        insert(w, QStringLiteral("clusters"),
               {{"code", "CCN-01"},
                {"name", "CCN Test"},
                {"province_id", province},
                {"status", "operating"}},
               &cluster);
        insert(w, QStringLiteral("checklist_templates"),
               {{"code", "T"}, {"version", 1}, {"title", "Test"}}, &tmpl);
        insert(w, QStringLiteral("checklist_sections"),
               {{"template_id", tmpl}, {"position", 1}, {"title", "S"}}, &section);
        insert(w, QStringLiteral("checklist_questions"),
               {{"section_id", section},
                {"position", 1},
                {"code", "Q1"},
                {"text", "Ảnh cổng"},
                {"kind", "photo"}},
               &m_question);
        for (QString *id : {&m_inspection, &m_otherInspection})
            insert(w, QStringLiteral("inspections"),
                   {{"cluster_id", cluster},
                    {"template_id", tmpl},
                    {"kind", "periodic"},
                    {"started_at", 1760000000000LL}},
                   id);
        insert(w, QStringLiteral("violations"),
               {{"inspection_id", m_inspection},
                {"cluster_id", cluster},
                {"category", "env"},
                {"severity", "minor"},
                {"observed", "Nước thải"}},
               &m_violation);
        m_photos = std::make_unique<PhotoManager>(m_db->connection(), root());
        const CoreError e = m_photos->open();
        QVERIFY2(e.ok(), qPrintable(e.message()));
    }

    void cleanup()
    {
        m_photos.reset();
        m_db.reset();
        m_dir.reset();
    }

    void gpsFromExif_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("latitude");
        QTest::addColumn<double>("longitude");
        QTest::addColumn<QDateTime>("gpsTime");
        for (const QStringList &r : table(QStringLiteral("gps.tsv")))
            QTest::newRow(qPrintable(r.at(0)))
                << r.at(0) << r.at(1).toDouble() << r.at(2).toDouble()
                << QDateTime::fromString(r.at(3), Qt::ISODateWithMs);
    }

    // An imported file: stored byte for byte, a thumbnail, a row with the EXIF position and time.
    void gpsFromExif()
    {
        QFETCH(QString, file);
        QFETCH(double, latitude);
        QFETCH(double, longitude);
        QFETCH(QDateTime, gpsTime);
        const QString path = sharedPhoto(QStringLiteral("gps/") + file);
        const QByteArray original = readAll(path);
        PhotoIngestResult result;
        const CoreError e = m_photos->ingestFile(path, PhotoLink::forInspection(m_inspection),
                                                 PhotoRecord::Source::File, {}, &result);
        QVERIFY2(e.ok(), qPrintable(e.message()));
        QVERIFY(result.newContent);
        QVERIFY(result.newLink);
        QVERIFY(result.warnings.isEmpty());

        PhotoRecord row;
        QVERIFY(m_photos->photo(result.record.id, &row).ok());
        QCOMPARE(row.sha256, ContentHash::sha256Of(original));
        QCOMPARE(row.inspectionId, m_inspection);
        QVERIFY(row.violationId.isEmpty());
        QVERIFY(row.questionId.isEmpty());
        QVERIFY(qAbs(row.latitude - latitude) < 1e-8);
        QVERIFY(qAbs(row.longitude - longitude) < 1e-8);
        QVERIFY(qIsNaN(row.accuracyM));
        QCOMPARE(row.takenAt, gpsTime.toMSecsSinceEpoch());
        QCOMPARE(row.source, PhotoRecord::Source::File);
        QCOMPARE(row.width, 640);
        QCOMPARE(row.height, 480);
        QCOMPARE(row.byteSize, qint64(original.size()));
        QCOMPARE(row.mime, QStringLiteral("image/jpeg"));

        QCOMPARE(readAll(m_photos->originalPath(row.sha256)), original);
        QCOMPARE(readAll(path), original); // the source is untouched too
        QImageReader thumb(m_photos->thumbnailPath(row.sha256));
        QCOMPARE(thumb.size(), QSize(320, 240));
        // The change is on its way to the registry.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'photos' AND "
                                      "row_id = '%1' AND op = 'insert'")
                           .arg(row.id)),
                 1);
    }

    void mobile()
    {
        const QString path = sharedPhoto(QStringLiteral("mobile/jolla.jpg"));
        PhotoIngestResult result;
        QVERIFY(m_photos
                    ->ingestFile(path, PhotoLink::forViolation(m_violation, m_inspection),
                                 PhotoRecord::Source::File, {}, &result)
                    .ok());
        const PhotoRecord &row = result.record;
        QCOMPARE(row.width, 3264);
        QCOMPARE(row.height, 2448);
        QVERIFY(qIsNaN(row.latitude));
        QVERIFY(qIsNaN(row.longitude));
        // DateTimeOriginal without an offset: the device's local time.
        QCOMPARE(row.takenAt, QDateTime(QDate(2014, 9, 21), QTime(16, 0, 56)).toMSecsSinceEpoch());
        QCOMPARE(readAll(m_photos->originalPath(row.sha256)), readAll(path));
        QCOMPARE(QImageReader(m_photos->thumbnailPath(row.sha256)).size(), QSize(320, 240));
        QCOMPARE(m_photos->photosForViolation(m_violation).size(), 1);
    }

    void orientation_data()
    {
        QTest::addColumn<int>("value");
        for (int i = 1; i <= 8; ++i)
            QTest::newRow(qPrintable(QStringLiteral("landscape_%1").arg(i))) << i;
    }

    // Width and height in the row, and the thumbnail, are upright.
    void orientation()
    {
        QFETCH(int, value);
        PhotoIngestResult result;
        QVERIFY(
            m_photos
                ->ingestFile(sharedPhoto(QStringLiteral("orientation/landscape_%1.jpg").arg(value)),
                             PhotoLink::forInspection(m_inspection), PhotoRecord::Source::File, {},
                             &result)
                .ok());
        QCOMPARE(result.record.width, 600);
        QCOMPARE(result.record.height, 450);
        const QImage thumb(m_photos->thumbnailPath(result.record.sha256));
        QCOMPARE(thumb.size(), QSize(320, 240));
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("warning");
        const QList<QStringList> rows = table(QStringLiteral("invalid.tsv"));
        QVERIFY(rows.size() >= 8);
        for (const QStringList &r : rows) {
            QTest::newRow(qPrintable(r.at(0)))
                << fixturePath(r.at(0)) << (r.at(1) == QLatin1String("accepted"))
                << int(codeNamed(r.at(2))) << (r.at(3) == QLatin1String("yes"));
        }
    }

    // Broken files: accepted with a warning, or refused with a message, no row and no file.
    void invalid()
    {
        QFETCH(QString, path);
        QFETCH(bool, accepted);
        QFETCH(int, code);
        QFETCH(bool, warning);
        const QByteArray before = readAll(path);
        PhotoIngestResult result;
        const CoreError e = m_photos->ingestFile(path, PhotoLink::forInspection(m_inspection),
                                                 PhotoRecord::Source::File, {}, &result);
        QCOMPARE(int(e.code()), code);
        QCOMPARE(readAll(path), before);
        if (accepted) {
            QVERIFY2(e.ok(), qPrintable(e.message()));
            QCOMPARE(photoRows(), 1);
            QCOMPARE(result.warnings.isEmpty(), !warning);
            QVERIFY(qIsNaN(result.record.latitude));
            QCOMPARE(result.record.takenAt, 0);
            QCOMPARE(readAll(m_photos->originalPath(result.record.sha256)), before);
            QVERIFY(QFile::exists(m_photos->thumbnailPath(result.record.sha256)));
            QCOMPARE(QImageReader(path).size(), QSize(result.record.width, result.record.height));
        } else {
            QVERIFY(!e.message().isEmpty());
            QCOMPARE(photoRows(), 0);
            QCOMPARE(storedOriginals(), QStringList());
            QCOMPARE(storedThumbnails(), QStringList());
        }
    }

    void tooLarge()
    {
        m_photos->setMaxBytes(500 * 1024);
        const CoreError e = m_photos->ingestFile(sharedPhoto(QStringLiteral("mobile/jolla.jpg")),
                                                 PhotoLink::forInspection(m_inspection));
        QCOMPARE(e.code(), CoreError::Code::PhotoTooLarge);
        QVERIFY2(e.message().contains(QStringLiteral("0,5 MB")), qPrintable(e.message()));
        QCOMPARE(photoRows(), 0);
        QCOMPARE(storedOriginals(), QStringList());
        // The default limit takes it.
        m_photos->setMaxBytes(PhotoManager::kDefaultMaxBytes);
        QVERIFY(m_photos
                    ->ingestFile(sharedPhoto(QStringLiteral("mobile/jolla.jpg")),
                                 PhotoLink::forInspection(m_inspection))
                    .ok());
    }

    // Same content: stored once, one row per (record, slot); the same slot again keeps one row.
    void dedupe()
    {
        const QString path = sharedPhoto(QStringLiteral("gps/DSCN0021.jpg"));
        PhotoIngestResult first, second, third, again;
        QVERIFY(m_photos
                    ->ingestFile(path, PhotoLink::forInspection(m_inspection),
                                 PhotoRecord::Source::File, {}, &first)
                    .ok());
        QVERIFY(first.newContent);

        // Thumbnail made once: replace it with a marker; a second ingest must not remake it.
        const QString thumbPath = m_photos->thumbnailPath(first.record.sha256);
        {
            QFile t(thumbPath);
            QVERIFY(t.open(QIODevice::WriteOnly | QIODevice::Truncate));
            t.write("marker");
        }

        QVERIFY(m_photos
                    ->ingestFile(path, PhotoLink::forInspection(m_inspection, m_question),
                                 PhotoRecord::Source::File, {}, &second)
                    .ok());
        QVERIFY(m_photos
                    ->ingestFile(path, PhotoLink::forInspection(m_otherInspection),
                                 PhotoRecord::Source::File, {}, &third)
                    .ok());
        QVERIFY(!second.newContent);
        QVERIFY(second.newLink);
        QVERIFY(third.newLink);
        QCOMPARE(second.record.sha256, first.record.sha256);
        QVERIFY(second.record.id != first.record.id);
        QVERIFY(third.record.id != first.record.id);
        QCOMPARE(second.record.questionId, m_question);

        // A retried import into the same slot: the row already there.
        QVERIFY(m_photos
                    ->ingestFile(path, PhotoLink::forInspection(m_inspection),
                                 PhotoRecord::Source::File, {}, &again)
                    .ok());
        QVERIFY(!again.newLink);
        QCOMPARE(again.record.id, first.record.id);

        QCOMPARE(photoRows(), 3);
        QCOMPARE(storedOriginals().size(), 1);
        QCOMPARE(storedThumbnails().size(), 1);
        QCOMPARE(readAll(thumbPath), QByteArray("marker"));
        QCOMPARE(m_photos->photosForInspection(m_inspection).size(), 2);
        QCOMPARE(m_photos->photosForInspection(m_otherInspection).size(), 1);

        // Gone thumbnail: made again on request.
        QVERIFY(QFile::remove(thumbPath));
        QVERIFY(m_photos->ensureThumbnail(first.record.sha256).ok());
        QCOMPARE(QImageReader(thumbPath).size(), QSize(320, 240));
    }

    // Camera file: position, accuracy and time from the fix, not from the file's EXIF.
    void cameraFileWithFix()
    {
        const PhotoFix fix(21.0285, 105.8542, 4.5, 1763700000123LL);
        PhotoIngestResult result;
        QVERIFY(m_photos
                    ->ingestFile(sharedPhoto(QStringLiteral("gps/DSCN0010.jpg")),
                                 PhotoLink::forInspection(m_inspection, m_question),
                                 PhotoRecord::Source::Camera, fix, &result)
                    .ok());
        PhotoRecord row;
        QVERIFY(m_photos->photo(result.record.id, &row).ok());
        QCOMPARE(row.source, PhotoRecord::Source::Camera);
        QCOMPARE(row.latitude, 21.0285);
        QCOMPARE(row.longitude, 105.8542);
        QCOMPARE(row.accuracyM, 4.5);
        QCOMPARE(row.takenAt, 1763700000123LL);
        QVERIFY(result.warnings.isEmpty());
    }

    // Camera without a fix: the file's EXIF position, else none and a warning.
    void cameraWithoutFix()
    {
        PhotoIngestResult withExif, without;
        QVERIFY(m_photos
                    ->ingestFile(sharedPhoto(QStringLiteral("gps/DSCN0010.jpg")),
                                 PhotoLink::forInspection(m_inspection),
                                 PhotoRecord::Source::Camera, {}, &withExif)
                    .ok());
        QVERIFY(qAbs(withExif.record.latitude - 43.467448333) < 1e-8);
        QVERIFY(qIsNaN(withExif.record.accuracyM));
        QVERIFY(withExif.warnings.isEmpty());

        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        QImage frame(800, 600, QImage::Format_RGB32);
        frame.fill(QColor(30, 90, 160));
        QVERIFY(m_photos->ingestImage(frame, PhotoLink::forInspection(m_inspection), {}, &without)
                    .ok());
        QVERIFY(qIsNaN(without.record.latitude));
        QCOMPARE(without.warnings.size(), 1);
        QVERIFY(without.record.takenAt >= before);
    }

    void cameraImage()
    {
        QImage frame(1600, 1200, QImage::Format_RGB32);
        frame.fill(Qt::darkGreen);
        const PhotoFix fix(10.7769, 106.7009, 12.0, 1763700000000LL);
        PhotoIngestResult result;
        QVERIFY(
            m_photos->ingestImage(frame, PhotoLink::forViolation(m_violation), fix, &result).ok());
        PhotoRecord row;
        QVERIFY(m_photos->photo(result.record.id, &row).ok());
        QCOMPARE(row.source, PhotoRecord::Source::Camera);
        QCOMPARE(row.mime, QStringLiteral("image/jpeg"));
        QCOMPARE(row.width, 1600);
        QCOMPARE(row.height, 1200);
        QCOMPARE(row.latitude, 10.7769);
        QCOMPARE(row.takenAt, 1763700000000LL);
        const QByteArray stored = readAll(m_photos->originalPath(row.sha256));
        QCOMPARE(ContentHash::sha256Of(stored), row.sha256);
        QCOMPARE(qint64(stored.size()), row.byteSize);
        QCOMPARE(QImageReader(m_photos->thumbnailPath(row.sha256)).size(), QSize(320, 240));
        QCOMPARE(m_photos->ingestImage(QImage(), PhotoLink::forViolation(m_violation), fix).code(),
                 CoreError::Code::PhotoUnreadable);
    }

    void linkRequired()
    {
        const CoreError e =
            m_photos->ingestFile(sharedPhoto(QStringLiteral("gps/DSCN0010.jpg")), PhotoLink());
        QCOMPARE(e.code(), CoreError::Code::InvalidInput);
        QCOMPARE(photoRows(), 0);
        QCOMPARE(storedOriginals(), QStringList());
    }

    // The row cannot be written (no such inspection): an error, no row; the file may stay.
    void rowFailureLeavesNoRow()
    {
        const CoreError e = m_photos->ingestFile(
            sharedPhoto(QStringLiteral("gps/DSCN0010.jpg")),
            PhotoLink::forInspection(QStringLiteral("01890000-0000-7000-8000-000000000000")));
        QCOMPARE(e.code(), CoreError::Code::Sql);
        QCOMPARE(photoRows(), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'photos'")), 0);
    }

    void captionAndRemove()
    {
        PhotoIngestResult a, b;
        QVERIFY(m_photos
                    ->ingestFile(sharedPhoto(QStringLiteral("gps/DSCN0012.jpg")),
                                 PhotoLink::forInspection(m_inspection), PhotoRecord::Source::File,
                                 {}, &a)
                    .ok());
        QVERIFY(m_photos
                    ->ingestFile(sharedPhoto(QStringLiteral("gps/DSCN0025.jpg")),
                                 PhotoLink::forInspection(m_inspection), PhotoRecord::Source::File,
                                 {}, &b)
                    .ok());
        QVERIFY(m_photos->setCaption(a.record.id, QStringLiteral("Cổng chính")).ok());
        QList<PhotoRecord> list = m_photos->photosForInspection(m_inspection);
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).id, a.record.id);
        QCOMPARE(list.at(0).caption, QStringLiteral("Cổng chính"));
        QVERIFY(m_photos->remove(a.record.id).ok());
        list = m_photos->photosForInspection(m_inspection);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).id, b.record.id);
        QCOMPARE(m_photos->photo(a.record.id, nullptr).code(), CoreError::Code::NotFound);
        // The file stays: other rows and the sync may still need it.
        QVERIFY(QFile::exists(m_photos->originalPath(a.record.sha256)));
        // Linked again after removal: a new row.
        PhotoIngestResult c;
        QVERIFY(m_photos
                    ->ingestFile(sharedPhoto(QStringLiteral("gps/DSCN0012.jpg")),
                                 PhotoLink::forInspection(m_inspection), PhotoRecord::Source::File,
                                 {}, &c)
                    .ok());
        QVERIFY(c.newLink);
        QVERIFY(c.record.id != a.record.id);
    }
};

QTEST_MAIN(TestPhotoManager)
#include "tst_photomanager.moc"
