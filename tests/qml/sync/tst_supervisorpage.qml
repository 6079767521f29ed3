import QtQuick
import QtQuick.Controls
import QtTest
import CcnInspect

// The supervisor's sync page with three real conflict records (tst_syncflow.cpp made them): the
// page says which inspection each is about, both values in plain words and who saved each; the
// supervisor brings back an inspection deleted while a violation was recorded in it, takes the
// value that was held back for one field and writes their own for the other, and the
// resolutions come back to the device.
TestCase {
    id: testCase

    function test_conflictsAreReadAndResolved() {
        const win = createTemporaryObject(windowComponent, testCase);
        verify(win);
        const page = win.page;
        verify(testSync.isSupervisor);
        // Cards a page at a time (20 in the app; 2 here, for three conflicts): the rest behind
        // "Hiện thêm".
        page.listPageSize = 2;
        tryVerify(() => testSync.conflicts.length === 3, 15000, "the conflicts did not arrive: " + testSync.lastError);
        const cards = () => find.all(page, i => i instanceof Button && i.visible && (i.text === "Giữ giá trị đang dùng" || i.text === "Để nguyên đã xoá")).length;
        tryCompare(page, "conflictsShown", 2);
        tryVerify(() => cards() === 2, 5000, "not two conflict cards: " + cards());
        verify(find.labelWith(page, "Xung đột cần xử lý: 3 (đang hiện 2 cái cũ nhất"), "the list does not say two of three are shown");
        mouseClick(find.buttonWith(page, "Hiện thêm 1 xung đột"));
        tryVerify(() => cards() === 3, 5000, "the third conflict card did not appear: " + cards());
        verify(!find.buttonWith(page, "Hiện thêm 1 xung đột"));
        verify(find.labelWith(page, "Xung đột cần xử lý: 3"));
        const fields = testSync.conflicts.filter(c => c.field).map(c => c.field).sort();
        compare(fields, ["conclusions", "findings"]);
        // Which row: the inspection's cluster, from the supervisor's own copy.
        tryVerify(() => find.frameWith(page, "Cuộc kiểm tra · Nội dung làm việc") !== null, 5000);
        let findings = find.frameWith(page, "Cuộc kiểm tra · Nội dung làm việc");
        verify(find.labelWith(findings, testConflict.cluster), "no label names the cluster");
        verify(!find.labelWith(page, testConflict.inspection), "the row's UUID is shown");
        // Both values, and who saved each.
        verify(find.labelWith(findings, "Đang dùng: " + testConflict.kept));
        verify(find.labelWith(findings, "Giá trị bị giữ lại: " + testConflict.lost));
        const saved = testConflict.user + " lưu trên máy " + testConflict.device + ", đồng bộ lên lúc ";
        verify(find.labelWith(findings, saved), "no label says who saved the values");
        waitForRendering(win.contentItem);
        grabImage(win.contentItem).save(testScreenshotPath); // throws when it cannot write

        // The inspection deleted while a violation was recorded in it: the card says so and
        // what was written; "Khôi phục" brings the inspection back.
        const deleted = find.frameWith(page, "Cuộc kiểm tra · đã bị xoá trong khi người khác ghi thêm vào");
        verify(deleted, "no card for the violation recorded in a deleted inspection");
        verify(find.labelWith(deleted, "Phần ghi thêm (vẫn được lưu): Vi phạm — "), "the card does not say what was written");
        verify(find.buttonWith(deleted, "Để nguyên đã xoá"));
        mouseClick(find.buttonWith(deleted, "Khôi phục"));
        tryVerify(() => testSync.conflicts.length === 2, 15000, "the deleted inspection's conflict stayed: " + testSync.lastError);
        findings = find.frameWith(page, "Cuộc kiểm tra · Nội dung làm việc"); // the cards were made again

        // A refused change is listed with the values it carried, in plain words.
        tryVerify(() => find.labelWith(page, "Giá trị gửi lên: ") !== null, 15000, "no refused change shows its values: " + testSync.lastError);
        verify(find.labelWith(page, "Giá trị gửi lên: ").text.indexOf(testConflict.refusedItem) >= 0, "the refused item's name is not shown");
        verify(find.labelWith(page, "Giá trị gửi lên: ").text.indexOf("(trống)") < 0, "an empty value is listed");

        // The app's header says on every page how much waits for the supervisor.
        const waiting = testSync.conflictCount + testSync.registryRejectionCount;
        compare(testSync.conflictCount, testSync.conflicts.length);
        verify(waiting >= 2);
        const main = createTemporaryObject(mainComponent, testCase);
        verify(main);
        const counter = " · " + waiting + " cần giám sát xử lý";
        tryVerify(() => find.all(main.header, i => i instanceof ToolButton && i.text.endsWith(counter)).length === 1, 5000, "the header does not say" + counter);
        main.close();

        // A teammate's tablet writes the conclusions again after the conflict: the list read
        // again shows the value in use now, and says what it was when the conflict was recorded.
        const rewritten = "Yêu cầu xây lại tường rào trong 30 ngày";
        verify(testActions.editOnAnotherTablet("inspections", testConflict.inspection, "conclusions", rewritten), "the teammate's edit did not reach the registry");
        // The tablet's round, run from here, left this window with no focused item (seen, not
        // understood): the window gets its focus back before the clicks and typing below.
        win.requestActivate();
        page.forceActiveFocus();
        mouseClick(find.buttonWith(page, "Tải lại danh sách xung đột"));
        tryVerify(() => {
                const c = find.frameWith(page, "Cuộc kiểm tra · Kết luận và kiến nghị");
                return c !== null && find.labelWith(c, "Đang dùng: " + rewritten) !== null;
            }, 15000, "the conclusions' card does not show the value in use now");
        let conclusions = find.frameWith(page, "Cuộc kiểm tra · Kết luận và kiến nghị");
        verify(find.labelWith(conclusions, "Đã có người ghi lại sau khi xảy ra xung đột; lúc đó là: " + testConflict.keptConclusions), "the card does not say the value was written again");
        findings = find.frameWith(page, "Cuộc kiểm tra · Nội dung làm việc");

        // The conclusions: the supervisor starts joining both in their own words...
        let own = find.all(conclusions, i => i instanceof TextArea)[0];
        verify(own && own.visible);
        compare(own.text, rewritten);
        const joined = rewritten + "; " + testConflict.lostConclusions;
        own.forceActiveFocus();
        own.text = joined;
        // Leaving the page now would drop what they typed: asked first; "Huỷ" stays.
        let left = false;
        page.leave(() => left = true);
        tryVerify(() => page.unsavedDialog.opened);
        verify(page.unsavedDialog.text.indexOf("1 xung đột") >= 0, page.unsavedDialog.text);
        page.unsavedDialog.reject();
        tryVerify(() => !page.unsavedDialog.visible);
        verify(!left);
        // ...settles the findings first, the value that was held back winning...
        const take = find.buttonWith(findings, "Dùng giá trị bị giữ lại");
        verify(take);
        mouseClick(take);
        tryVerify(() => testSync.conflicts.length === 1, 15000, "the findings' conflict stayed: " + testSync.lastError);
        // ...and finds what they typed where they left it, though the list was read again.
        conclusions = find.frameWith(page, "Cuộc kiểm tra · Kết luận và kiến nghị");
        verify(conclusions);
        own = find.all(conclusions, i => i instanceof TextArea)[0];
        compare(own.text, joined);
        // The teammate writes the conclusions once more while the supervisor has the list open:
        // their choice is refused on the card they clicked, which then shows the value now.
        const again = "Yêu cầu xây lại tường rào trong 20 ngày";
        verify(testActions.editOnAnotherTablet("inspections", testConflict.inspection, "conclusions", again), "the teammate's edit did not reach the registry");
        win.requestActivate();
        page.forceActiveFocus();
        mouseClick(find.buttonWith(conclusions, "Dùng giá trị tự nhập"));
        tryVerify(() => {
                const c = find.frameWith(page, "Cuộc kiểm tra · Kết luận và kiến nghị");
                return c !== null && find.labelWith(c, "Đang dùng: " + again) !== null && find.labelWith(c, "đã được ghi lại sau khi bạn xem xung đột") !== null;
            }, 15000, "the refusal is not on the card: " + testSync.lastError);
        compare(testSync.conflicts.length, 1);
        conclusions = find.frameWith(page, "Cuộc kiểm tra · Kết luận và kiến nghị");
        compare(find.all(conclusions, i => i instanceof TextArea)[0].text, joined);
        mouseClick(find.buttonWith(conclusions, "Dùng giá trị tự nhập"));
        tryVerify(() => testSync.conflicts.length === 0, 15000, "the conclusions' conflict stayed: " + testSync.lastError);
        verify(find.labelWith(page, "Không có xung đột cần xử lý."));
        // Both resolutions come back to the supervisor's device with the next round.
        mouseClick(find.buttonWith(page, "Đồng bộ ngay"));
        tryVerify(() => !testSync.syncing && testActions.supervisorValue("inspections", testConflict.inspection, "conclusions") === joined, 60000, "the resolution did not come back: " + testSync.lastError);
        compare(testActions.supervisorValue("inspections", testConflict.inspection, "findings"), testConflict.lost);
        compare(testActions.supervisorValue("inspections", testConflict.deletedInspection, "deleted_at"), "");
    }

    name: "SupervisorPage"
    when: windowShown

    PageSearch {
        id: find
    }

    Component {
        id: mainComponent

        Main {
            app: testApp
            syncClient: testSync
        }
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
