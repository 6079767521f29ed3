import QtQuick
import QtQuick.Controls
import QtTest
import CcnInspect

// Photos taken on another tablet, as the supervisor meets them (tst_syncflow.cpp: the first
// tablet took a camera JPEG and a PNG from a file for the conflict's inspection and synced, then
// the supervisor's device synced). The round brought each photo's thumbnail, which the
// inspection's strip shows; the original is fetched from the registry when the photo is opened,
// and until then the page shows the thumbnail and says where the original is.
TestCase {
    id: testCase

    function rows(model) {
        let out = [];
        for (let i = 0; i < model.count; ++i)
            out.push(model.get(i));
        return out;
    }

    function test_thumbnailsThenOriginalsOnDemand() {
        verify(testApp.inspection.open(testConflict.inspection), testApp.inspection.lastError);
        const photos = testApp.inspection.photos;
        compare(photos.count, 2, "the other tablet's photos did not come with the round");
        for (const p of rows(photos)) {
            verify(p.hasThumbnail, "no thumbnail where the app looks for it: " + p.thumbnailUrl);
            verify(!p.hasOriginal, "the original came before anyone asked for it");
        }

        // The strip shows both thumbnails.
        const stripWin = createTemporaryObject(stripComponent, testCase);
        const images = find.all(stripWin.contentItem, i => i instanceof Image);
        compare(images.length, 2);
        for (const image of images)
            tryCompare(image, "status", Image.Ready, 5000);
        compare(find.all(stripWin.contentItem, i => i instanceof Label && i.visible && i.text === "Ảnh chưa về máy").length, 0);
        stripWin.destroy();

        // Without sync (not logged in): the thumbnail, and what to do for the original.
        const first = photos.get(0);
        const offline = createTemporaryObject(viewComponent, testCase, {
                "photoId": first.id,
                "syncClient": null
            });
        const offlineImage = find.all(offline.page, i => i.objectName === "photoImage")[0];
        tryCompare(offlineImage, "status", Image.Ready, 5000);
        compare(offlineImage.source.toString(), first.thumbnailUrl.toString());
        verify(find.labelWith(offline.page, "Đang hiện ảnh thu nhỏ."));
        verify(find.labelWith(offline.page, "hãy đăng nhập đồng bộ khi có mạng để xem"));
        offline.destroy();

        // Opened while logged out: the page says what to do, and fetches the original once the
        // user has logged in (from the login page, with this page still open beneath it).
        verify(testSync.logout(false), testSync.lastError);
        const waiting = createTemporaryObject(viewComponent, testCase, {
                "photoId": first.id,
                "syncClient": testSync
            });
        verify(find.labelWith(waiting.page, "hãy đăng nhập đồng bộ khi có mạng để xem"));
        compare(waiting.page.fetchState, "");
        testSync.login("supervisor.demo", "demo-password");
        tryVerify(() => waiting.page.info.hasOriginal, 30000, "the original did not arrive after the login: " + testSync.lastError + " " + waiting.page.fetchError);
        verify(testSync.loggedIn);
        waiting.destroy();

        // Logged in: each original is fetched when its photo is opened, checked and shown, its
        // progress followed. Fetched originals are a cache; with room for one only, the second
        // makes room: the first leaves the device, and the strip's model hears it.
        testSync.setOriginalCacheLimit(1);
        for (let i = 0; i < photos.count; ++i) {
            const photo = photos.get(i);
            const win = createTemporaryObject(viewComponent, testCase, {
                    "photoId": photo.id,
                    "syncClient": testSync
                });
            const page = win.page;
            const image = find.all(page, item => item.objectName === "photoImage")[0];
            tryVerify(() => page.info.hasOriginal, 30000, "the original did not arrive: " + page.fetchError);
            compare(page.fetchState, "");
            compare(image.source.toString(), photo.url.toString());
            tryCompare(image, "status", Image.Ready, 5000);
            // The original, not the thumbnail: its own size.
            compare(image.implicitWidth, photo.width);
            verify(!find.labelWith(page, "Đang tải ảnh gốc"));
            if (i > 0) {
                // Fetched here (the first came at the login above): its progress reached its end.
                verify(page.fetchTotal > 0, "no progress heard");
                compare(page.fetchReceived, page.fetchTotal);
            }
            win.destroy();
        }
        const urls = rows(photos).map(p => p.url.toString());
        verify(urls.some(u => u.endsWith(".png")), "the PNG is not kept as one: " + urls);
        verify(urls.some(u => u.endsWith(".jpg")), urls);
        tryVerify(() => !photos.get(0).hasOriginal && photos.get(1).hasOriginal, 5000, "the first original did not make room for the second");

        // Opened again, the first comes again, and the second makes room for it.
        const again = createTemporaryObject(viewComponent, testCase, {
                "photoId": photos.get(0).id,
                "syncClient": testSync
            });
        tryVerify(() => again.page.info.hasOriginal, 30000, "the original did not come again: " + again.page.fetchError);
        again.destroy();
        tryVerify(() => photos.get(0).hasOriginal && !photos.get(1).hasOriginal, 5000);
        testSync.setOriginalCacheLimit(1024 * 1024 * 1024);
        testApp.inspection.close();
    }

    name: "PhotoSync"
    when: windowShown

    PageSearch {
        id: find
    }

    Component {
        id: stripComponent

        ApplicationWindow {
            visible: true
            width: 720
            height: 400

            PhotoStrip {
                anchors.fill: parent
                photos: testApp.inspection.photos
            }
        }
    }

    Component {
        id: viewComponent

        ApplicationWindow {
            property alias page: viewPage
            property alias photoId: viewPage.photoId
            property alias syncClient: viewPage.syncClient

            visible: true
            width: 720
            height: 1280

            PhotoViewPage {
                id: viewPage

                anchors.fill: parent
                app: testApp
                photoId: ""
            }
        }
    }
}
