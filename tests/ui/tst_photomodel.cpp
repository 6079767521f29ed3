#include "appcontroller.h"
#include "clusterlistmodel.h"
#include "inspectioncontroller.h"
#include "photomodel.h"
#include "settingsmanager.h"
#include "uitest.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

class TestPhotoModel : public QObject, protected uitest::DemoApp
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(openApp());
        QVERIFY(m_app->inspection()->start(
            m_app->clusters()->get(0).value(QStringLiteral("id")).toString()));
    }

    void realPhotosWithPosition()
    {
        // The real GPS-tagged photos in ../shared/data/photos/gps (the camera cannot run here).
        const QDir dir(QStringLiteral(CCN_SHARED_DIR "/data/photos/gps"));
        const QStringList files = dir.entryList({QStringLiteral("*.jpg")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 2);
        InspectionController *insp = m_app->inspection();
        for (const QString &f : files.mid(0, 2)) {
            const QVariantMap r =
                insp->attachPhoto(QUrl::fromLocalFile(dir.filePath(f)).toString());
            QVERIFY2(r.value(QStringLiteral("ok")).toBool(),
                     qPrintable(r.value(QStringLiteral("message")).toString()));
        }
        PhotoModel *m = insp->photos();
        QCOMPARE(m->rowCount(), 2);
        for (int i = 0; i < m->rowCount(); ++i) {
            const QVariantMap p = m->get(i);
            QVERIFY(p.value(QStringLiteral("hasPosition")).toBool());
            QVERIFY(QFileInfo::exists(p.value(QStringLiteral("url")).toUrl().toLocalFile()));
            QVERIFY(
                QFileInfo::exists(p.value(QStringLiteral("thumbnailUrl")).toUrl().toLocalFile()));
            QVERIFY(!p.value(QStringLiteral("takenText")).toString().isEmpty());
            QVERIFY(p.value(QStringLiteral("width")).toInt() > 0);
        }
        // Filter by question: none attached to a question.
        m->setQuestionId(QStringLiteral("no-such-question"));
        QCOMPARE(m->rowCount(), 0);
        m->setQuestionId(QString());
        QCOMPARE(m->rowCount(), 2);
        QVERIFY(insp->removePhoto(m->get(0).value(QStringLiteral("id")).toString()).isEmpty());
        QCOMPARE(m->rowCount(), 1);
    }

    // A photo from another device has its thumbnail and no original until someone opens it, or
    // neither before the round that brings the thumbnail: the row says which, and stands the
    // thumbnail for the original only when there is one. AppController::reloadPhotos reads the
    // files again (after a round, or an original fetched).
    void aPhotoWhoseFilesAreElsewhere()
    {
        InspectionController *insp = m_app->inspection();
        PhotoModel *m = insp->photos();
        QVERIFY(m->rowCount() >= 1);
        QVariantMap p = m->get(0);
        QVERIFY(p.value(QStringLiteral("hasOriginal")).toBool());
        QVERIFY(p.value(QStringLiteral("hasThumbnail")).toBool());
        QCOMPARE(p.value(QStringLiteral("sha256")).toString().size(), 64);
        const QString original = p.value(QStringLiteral("url")).toUrl().toLocalFile();
        const QString thumb = p.value(QStringLiteral("thumbnailUrl")).toUrl().toLocalFile();
        const QString originalKept = original + QStringLiteral(".kept");
        QVERIFY(QFile::rename(original, originalKept));

        m_app->reloadPhotos();
        p = m->get(0);
        QVERIFY(!p.value(QStringLiteral("hasOriginal")).toBool());
        QVERIFY(p.value(QStringLiteral("hasThumbnail")).toBool());
        QCOMPARE(p.value(QStringLiteral("thumbnailUrl")).toUrl().toLocalFile(), thumb);
        QCOMPARE(p.value(QStringLiteral("url")).toUrl().toLocalFile(), original);

        const QString thumbKept = thumb + QStringLiteral(".kept");
        QVERIFY(QFile::rename(thumb, thumbKept));
        m_app->reloadPhotos();
        p = m->get(0);
        QVERIFY(!p.value(QStringLiteral("hasThumbnail")).toBool());
        QVERIFY(p.value(QStringLiteral("thumbnailUrl")).toUrl().isEmpty());

        QVERIFY(QFile::rename(originalKept, original));
        QVERIFY(QFile::rename(thumbKept, thumb));
        m_app->reloadPhotos();
        QVERIFY(m->get(0).value(QStringLiteral("hasOriginal")).toBool());
    }
};

QTEST_GUILESS_MAIN(TestPhotoModel)
#include "tst_photomodel.moc"
