import QtQuick
import QtQuick.Controls
import QtTest
import CcnInspect

// The supervisor's sync page with a real conflict record (tst_syncflow.cpp made it): the
// page says which inspection it is about, both values in plain words and who saved each; the
// supervisor takes the value that was held back and the conflict leaves the list.
TestCase {
    id: testCase

    function test_aConflictIsReadAndResolved() {
        const win = createTemporaryObject(windowComponent, testCase);
        verify(win);
        const page = win.page;
        verify(testSync.isSupervisor);
        tryVerify(() => testSync.conflicts.length === 1, 15000, "the conflict did not arrive: " + testSync.lastError);
        const conflict = testSync.conflicts[0];
        compare(conflict.field, "findings");
        // Which row: the inspection's cluster, from the supervisor's own copy.
        tryVerify(() => find.labelWith(page, "Cuộc kiểm tra · ") !== null, 5000);
        verify(find.labelWith(page, testConflict.cluster), "no label names the cluster");
        verify(!find.labelWith(page, conflict.row_id), "the row's UUID is shown");
        // Both values, and who saved each.
        verify(find.labelWith(page, "Đang dùng: " + testConflict.kept));
        verify(find.labelWith(page, "Giá trị bị giữ lại: " + testConflict.lost));
        const saved = testConflict.user + " lưu trên máy " + testConflict.device + ", đồng bộ lên lúc ";
        verify(find.labelWith(page, saved), "no label says who saved the values");
        waitForRendering(win.contentItem);
        grabImage(win.contentItem).save(testScreenshotPath); // throws when it cannot write
        // The held-back value wins; the list empties and the row takes it on the next pull.
        const take = find.buttonWith(page, "Dùng giá trị bị giữ lại");
        verify(take);
        mouseClick(take);
        tryVerify(() => testSync.conflicts.length === 0, 15000, "the conflict stayed: " + testSync.lastError);
        verify(find.labelWith(page, "Không có xung đột cần xử lý."));
    }

    name: "SupervisorPage"
    when: windowShown

    PageSearch {
        id: find
    }

    Component {
        id: windowComponent

        ApplicationWindow {
            property alias page: syncPage

            visible: true
            width: 720
            height: 1280

            SyncPage {
                id: syncPage

                anchors.fill: parent
                syncClient: testSync
                labels: testApp.labels
            }
        }
    }
}
