import QtQuick
import QtQuick.Controls
import QtTest
import CcnInspect

// An inspector's sync through the pages, against the real registry (tst_syncflow.cpp): a wrong
// password is said in plain words; the right one logs in; a round brings the province's data;
// an edit the registry refuses is kept on the device, named by its record, with a way to send
// it again; logging out with it still there asks first and keeps the user logged in on Cancel.
TestCase {
    id: testCase

    function test_loginSyncAndARefusedChange() {
        const sync = testInspectorSync;
        verify(!sync.loggedIn);

        // Login: a wrong password, then the right one.
        const loginWin = createTemporaryObject(loginComponent, testCase);
        const fields = find.textFields(loginWin.page);
        compare(fields.length, 3); // server, user name, password
        fields[1].text = "inspector.demo";
        fields[2].text = "not-the-password";
        const loginButton = find.buttonWith(loginWin.page, "Đăng nhập");
        verify(loginButton && loginButton.enabled);
        mouseClick(loginButton);
        tryVerify(() => find.labelWith(loginWin.page, "Sai tên đăng nhập hoặc mật khẩu") !== null, 15000);
        verify(!sync.loggedIn);
        compare(fields[2].text, ""); // the password is not kept
        fields[2].text = "demo-password";
        mouseClick(loginButton);
        tryCompare(loginWin, "loggedIn", true, 15000);
        verify(sync.loggedIn);
        compare(sync.role, "inspector");
        loginWin.destroy();

        // A round brings the province's data.
        const win = createTemporaryObject(syncComponent, testCase);
        const page = win.page;
        verify(find.labelWith(page, "Người dùng: inspector.demo"));
        mouseClick(find.buttonWith(page, "Đồng bộ ngay"));
        tryVerify(() => !sync.syncing && sync.lastSyncAt.getTime() > 0, 60000, "the round did not end: " + sync.lastError);
        compare(sync.lastError, "");
        verify(find.labelWith(page, "Mọi thay đổi đã được gửi lên máy chủ."));

        // A new inspection with a photo: the page says what waits and how big; a round sends it,
        // saying what it is doing, and then nothing waits.
        verify(testInspectorApp.inspection.start(testConflict.clusterId), testInspectorApp.inspection.lastError);
        const attached = testInspectorApp.inspection.attachPhoto(testPhotoUrl.toString());
        verify(attached.ok, attached.message);
        testInspectorApp.inspection.close();
        // Counted again once the saves settle, without asking.
        tryCompare(sync, "pendingPhotos", 1, 5000);
        verify(sync.pendingRecords >= 2); // the inspection and its photo
        const photoKb = Math.round(sync.pendingPhotoBytes / 1024);
        verify(photoKb > 100, "the photo's size: " + sync.pendingPhotoBytes);
        verify(find.labelWith(page, ", 1 ảnh (" + photoKb + " KB)"), "the waiting photo's size is not shown");
        let phases = [];
        const seen = () => {
            if (phases.indexOf(sync.phase) < 0)
                phases.push(sync.phase);
        };
        sync.progressChanged.connect(seen);
        const phaseLabel = find.all(page, i => i.objectName === "phaseLabel")[0];
        mouseClick(find.buttonWith(page, "Đồng bộ ngay"));
        verify(sync.syncing);
        verify(phaseLabel.visible);
        tryVerify(() => !sync.syncing, 60000);
        sync.progressChanged.disconnect(seen);
        compare(sync.lastError, "");
        verify(phases.indexOf("push") >= 0 && phases.indexOf("photos") >= 0, "phases seen: " + phases);
        compare(page.phaseText("photos"), "Đang gửi ảnh…");
        verify(!phaseLabel.visible);
        compare(sync.pendingPhotos, 0);
        verify(find.labelWith(page, "Mọi thay đổi đã được gửi lên máy chủ."));

        // A teammate's tablet changed the new inspection's findings first: the inspector's own
        // value loses, and the page says so, with both values, until "Đã hiểu".
        const draft = testActions.inspectorValue("SELECT id FROM inspections WHERE deleted_at IS NULL ORDER BY created_at DESC LIMIT 1");
        verify(testActions.editOnAnotherTablet("inspections", draft, "findings", "Bể lắng đầy bùn"), "the teammate's edit did not reach the registry");
        verify(testActions.inspectorEdit("inspections", draft, "findings", "Bể lắng đã nạo vét"));
        sync.refreshCounts();
        mouseClick(find.buttonWith(page, "Đồng bộ ngay"));
        tryVerify(() => !sync.syncing && sync.keptForReviewCount === 1, 60000, "the lost value is not kept: " + sync.lastError);
        compare(sync.lastError, "");
        tryVerify(() => find.labelWith(page, "1 thay đổi của bạn trùng với thay đổi người khác đã gửi trước") !== null, 5000);
        verify(find.labelWith(page, "Nội dung làm việc, kết quả kiểm tra: bạn ghi “Bể lắng đã nạo vét”, đang dùng “Bể lắng đầy bùn”"), "the notice does not show both values");
        mouseClick(find.buttonWith(page, "Đã hiểu"));
        tryVerify(() => sync.keptForReviewCount === 0, 5000, "not read: " + sync.lastError);
        const shown = text => find.all(page, i => i instanceof Label && i.visible && i.text.indexOf(text) >= 0).length > 0;
        tryVerify(() => !shown("thay đổi của bạn trùng với thay đổi người khác"), 5000);
        verify(!shown("bạn ghi “Bể lắng đã nạo vét”"));

        // The inspection open in the app while a round brings a teammate's conclusions: saving
        // the findings the inspector changed leaves the teammate's conclusions as they are,
        // though the form still holds the old ones.
        const insp = testInspectorApp.inspection;
        verify(insp.open(draft), insp.lastError);
        const formConclusions = insp.minutes.conclusions;
        verify(testActions.editOnAnotherTablet("inspections", draft, "conclusions", "Một là, nạo vét bể lắng trước 30/6"), "the teammate's edit did not reach the registry");
        mouseClick(find.buttonWith(page, "Đồng bộ ngay"));
        tryVerify(() => !sync.syncing, 60000);
        compare(sync.lastError, "");
        compare(testActions.inspectorValue("SELECT conclusions FROM inspections WHERE id = '" + draft + "'"), "Một là, nạo vét bể lắng trước 30/6");
        const saved = insp.minutes.saveFindings("Bể lắng đã nạo vét, bùn đưa đi xử lý", formConclusions);
        verify(saved.ok, saved.message);
        mouseClick(find.buttonWith(page, "Đồng bộ ngay"));
        tryVerify(() => !sync.syncing, 60000);
        compare(sync.lastError, "");
        compare(sync.pendingRecords, 0);
        compare(testActions.inspectorValue("SELECT conclusions FROM inspections WHERE id = '" + draft + "'"), "Một là, nạo vét bể lắng trước 30/6");
        compare(testActions.inspectorValue("SELECT findings FROM inspections WHERE id = '" + draft + "'"), "Bể lắng đã nạo vét, bùn đưa đi xử lý");
        insp.close();

        // An edit the registry refuses: it waits, is sent, and stays on the device, named.
        const firstTenant = "SELECT workers FROM tenants WHERE deleted_at IS NULL ORDER BY id LIMIT 1";
        const workersBefore = testActions.inspectorValue(firstTenant);
        const tenant = testActions.editTenant();
        verify(tenant !== "", "the inspector's device has no tenant after the round");
        sync.refreshCounts();
        tryVerify(() => find.labelWith(page, "Đang chờ gửi: 1 bản ghi") !== null, 5000);
        mouseClick(find.buttonWith(page, "Đồng bộ ngay"));
        tryVerify(() => !sync.syncing && sync.rejectedRecords === 1, 60000, "the edit was not refused: " + sync.lastError);
        verify(find.labelWith(page, "1 thay đổi bị máy chủ từ chối (vẫn giữ trên máy):"));
        verify(find.labelWith(page, tenant), "the refused change does not name its tenant");
        verify(find.labelWith(page, "Doanh nghiệp trong cụm (sửa): "), "the refused change does not say what it was");
        verify(find.labelWith(page, "không cho phép thay đổi này"), "the refusal is not in the app's words");
        verify(!find.labelWith(page, "tenants"), "a table's code is shown");
        verify(find.buttonWith(page, "Gửi lại"));
        // The list is shown a page at a time (20 in the app): with none shown, "Hiện thêm" brings
        // the card back.
        page.refusedShown = 0;
        tryVerify(() => !find.buttonWith(page, "Gửi lại"), 5000, "a refused change beyond the page is shown");
        mouseClick(find.buttonWith(page, "Hiện thêm 1 thay đổi"));
        tryVerify(() => find.buttonWith(page, "Gửi lại") !== null, 5000, "the next page was not shown");
        verify(!find.buttonWith(page, "Hiện thêm 1 thay đổi"));

        // Logging out asks first while the refused change is on the device; Cancel keeps all.
        mouseClick(find.buttonWith(page, "Đăng xuất"));
        tryVerify(() => find.labelWith(win.popups, "1 thay đổi bị máy chủ từ chối") !== null, 5000);
        verify(sync.loggedIn);
        keyClick(Qt.Key_Escape);
        tryVerify(() => find.labelWith(win.popups, "1 thay đổi bị máy chủ từ chối") === null, 5000);
        verify(sync.loggedIn);
        compare(sync.rejectedRecords, 1);

        // Given up, after a question that says what happens (Cancel keeps it): the list no
        // longer shows it, the tenant shows its head count again, the change is kept on the
        // device, and the next round fetches the tenant from the registry.
        mouseClick(find.buttonWith(page, "Bỏ thay đổi"));
        tryVerify(() => find.labelWith(win.popups, "Nội dung đã nhập vẫn được lưu trong máy.") !== null, 5000);
        verify(find.labelWith(win.popups, tenant), "the question does not name the tenant");
        keyClick(Qt.Key_Escape);
        tryVerify(() => find.labelWith(win.popups, "Nội dung đã nhập vẫn được lưu trong máy.") === null, 5000);
        compare(sync.rejectedRecords, 1);
        mouseClick(find.buttonWith(page, "Bỏ thay đổi"));
        tryVerify(() => find.settled(find.buttonWith(win.popups, "Đồng ý")), 5000, "the question did not open");
        mouseClick(find.buttonWith(win.popups, "Đồng ý"));
        tryVerify(() => sync.rejectedRecords === 0, 5000, "not given up: " + sync.lastError);
        verify(!find.buttonWith(page, "Bỏ thay đổi"));
        compare(testActions.inspectorValue(firstTenant), workersBefore);
        compare(testActions.inspectorValue("SELECT count(*) FROM discarded_changes"), "1");
        mouseClick(find.buttonWith(page, "Đồng bộ ngay"));
        tryVerify(() => !sync.syncing, 60000);
        compare(sync.lastError, "");
        compare(testActions.inspectorValue("SELECT count(*) FROM refetch_rows"), "0");
        compare(testActions.inspectorValue(firstTenant), workersBefore);
        // The edit made again, refused again, and left for the next user of the tablet to see.
        compare(testActions.editTenant(), tenant);
        mouseClick(find.buttonWith(page, "Đồng bộ ngay"));
        tryVerify(() => !sync.syncing && sync.rejectedRecords === 1, 60000, "the edit was not refused again: " + sync.lastError);

        // The tablet passes to another user with the inspector's new inspection still waiting:
        // the page says whose it is and does not send it; the new user may take it over.
        verify(testInspectorApp.inspection.start(testConflict.clusterId), testInspectorApp.inspection.lastError);
        testInspectorApp.inspection.close();
        sync.refreshCounts();
        compare(sync.pendingRecords, 1);
        verify(sync.logout(true));
        let handedOver = false;
        const onLogin = ok => handedOver = ok;
        sync.loginFinished.connect(onLogin);
        sync.login("supervisor.demo", "demo-password");
        tryVerify(() => handedOver, 15000, "the supervisor did not log in: " + sync.lastError);
        sync.loginFinished.disconnect(onLogin);
        compare(sync.pendingRecords, 0);
        compare(sync.othersPendingRecords, 1);
        // The inspector's refused edit is theirs to give up, and the page says so.
        verify(find.labelWith(page, "Thay đổi của inspector.demo: chỉ người đó bỏ được."), "the refused change does not say whose it is");
        verify(!find.buttonWith(page, "Bỏ thay đổi"), "another user's change can be given up");
        verify(find.labelWith(page, "1 thay đổi của inspector.demo đang chờ người đó đăng nhập trên máy này để gửi"));
        verify(find.labelWith(page, "Mọi thay đổi của bạn đã được gửi lên máy chủ."), "the page says everything was sent");
        mouseClick(find.buttonWith(page, "Đồng bộ ngay"));
        tryVerify(() => !sync.syncing, 60000);
        // A supervisor's round ends by fetching their lists, which reflow the page when they
        // arrive: asked again here (an answer to an earlier request is then dropped), the clicks
        // below wait for both (a click could land where a button was).
        let lists = 0;
        const onList = () => ++lists;
        sync.conflictsChanged.connect(onList);
        sync.registryRejectionsChanged.connect(onList);
        sync.fetchSupervisorLists();
        tryVerify(() => lists === 2, 15000, "the supervisor's lists did not arrive: " + sync.lastError);
        sync.conflictsChanged.disconnect(onList);
        sync.registryRejectionsChanged.disconnect(onList);
        waitForRendering(page);
        compare(sync.lastError, "");
        compare(sync.othersPendingRecords, 1); // not sent under the supervisor's name
        const explained = () => find.all(page, i => i instanceof Label && i.visible && i.text.indexOf("máy chủ ghi là của supervisor.demo") >= 0).length === 1;
        verify(!explained());
        mouseClick(find.buttonWith(page, "Gửi dưới tên tôi"));
        verify(explained(), "taking them over is not explained");
        compare(sync.othersPendingRecords, 1); // asked first
        mouseClick(find.buttonWith(page, "Đồng ý gửi dưới tên tôi"));
        tryVerify(() => sync.othersPendingRecords === 0, 5000, "not taken over: " + sync.lastError);
        compare(sync.pendingRecords, 1);
        mouseClick(find.buttonWith(page, "Đồng bộ ngay"));
        tryVerify(() => !sync.syncing, 60000);
        compare(sync.lastError, "");
        compare(sync.pendingRecords, 0);

        // The supervisor settles the conflict the teammate's edit made (keeping the stored
        // value), so that the supervisor page's test finds its own three.
        lists = 0;
        sync.conflictsChanged.connect(onList);
        sync.fetchConflicts();
        tryVerify(() => lists === 1, 15000, "the conflicts did not arrive: " + sync.lastError);
        sync.conflictsChanged.disconnect(onList);
        const teammates = sync.conflicts.filter(c => c.row_id === draft);
        compare(teammates.length, 1);
        compare(teammates[0].field, "findings");
        let settled = false;
        const onResolved = ok => settled = ok;
        sync.conflictResolved.connect(onResolved);
        sync.resolveConflict(teammates[0].id, "current");
        tryVerify(() => settled, 15000, "not settled: " + sync.lastError);
        sync.conflictResolved.disconnect(onResolved);
    }

    // A tablet of the user's is lost: the sync page of another lists it and revokes it, after
    // asking. Its sign-in stops at once; the device in use has no such button.
    // Signs `user` in on a spare tablet, revokes it through the sync page (asking first) and
    // gives it back; checks the tablet stops, then signs in and syncs again. `title`, when given,
    // is how its line and the question name it. Returns the page.
    // The buttons reading `text` on the line of device `id` of the page's list of tablets.
    function deviceButtons(page, text, id) {
        return find.all(page, i => i instanceof Button && i.visible && i.text === text && i.parent.modelData && i.parent.modelData.id === id);
    }

    function revokeAndGiveBack(user, title) {
        const sync = testInspectorSync;
        verify(sync.loggedIn);
        const lost = testActions.signInSpareTablet(user);
        verify(lost !== "", "the spare tablet did not sign in");
        const win = createTemporaryObject(syncComponent, testCase);
        const page = win.page;
        const buttons = (text, id) => deviceButtons(page, text, id);
        tryVerify(() => buttons("Thu hồi", lost).length === 1, 15000, "the lost tablet is not listed: " + sync.lastError);
        if (title)
            verify(find.labelWith(page, title), "no line " + title);
        compare(buttons("Thu hồi", sync.deviceId).length, 0);
        const button = buttons("Thu hồi", lost)[0];
        const flick = find.all(page, i => i instanceof Flickable)[0];
        flick.contentY = Math.max(0, Math.min(flick.contentHeight - flick.height, button.mapToItem(flick.contentItem, 0, 0).y - 100));
        waitForRendering(page);
        mouseClick(button);
        tryVerify(() => find.settled(find.buttonWith(win.popups, "Đồng ý")), 5000, "the question did not open");
        if (title)
            verify(find.labelWith(win.popups, title), "the question does not name the tablet");
        verify(find.labelWith(win.popups, "không đăng nhập lại được cho đến khi được khôi phục"));
        verify(testActions.spareTabletSyncs(), "asked, not yet revoked");
        mouseClick(find.buttonWith(win.popups, "Đồng ý"));
        tryVerify(() => buttons("Thu hồi", lost).length === 0, 15000, "not revoked: " + sync.lastError);
        verify(find.labelWith(page, "Đã thu hồi (bởi " + sync.user + ")."), "not shown revoked by the user");
        verify(!testActions.spareTabletSyncs(), "the lost tablet still syncs");
        compare(sync.lastError, "");
        verify(!testActions.spareTabletSignsIn(user), "the revoked tablet signed in");
        // Found again: given back with "Khôi phục", it signs in with the password.
        compare(buttons("Khôi phục", sync.deviceId).length, 0);
        tryVerify(() => buttons("Khôi phục", lost).length === 1, 5000, "no way to give it back");
        mouseClick(buttons("Khôi phục", lost)[0]);
        tryVerify(() => buttons("Thu hồi", lost).length === 1, 15000, "not given back: " + sync.lastError);
        // Its line keeps what was done to it, newest first.
        const history = find.labelWith(buttons("Thu hồi", lost)[0].parent, "Lịch sử: ");
        verify(history, "no history on the tablet's line");
        const by = " (bởi " + sync.user + ")";
        verify(new RegExp("^Lịch sử: khôi phục lúc \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d" + by.replace(/[().]/g, "\\$&") + "; thu hồi lúc .*" + by.replace(/[().]/g, "\\$&") + "\\.$").test(history.text), history.text);
        if (title) {
            // The README's picture of a supervisor's list of tablets.
            const part = find.all(page, i => i.foldAbove !== undefined)[0];
            flick.contentY = Math.max(0, Math.min(flick.contentHeight - flick.height, part.mapToItem(flick.contentItem, 0, 0).y - 8));
            waitForRendering(win.contentItem);
            grabImage(win.contentItem).save(testDevicesScreenshotPath); // throws when it cannot write
        }
        verify(testActions.spareTabletSignsIn(user), "the found tablet cannot sign in");
        verify(testActions.spareTabletSyncs());
        return page;
    }

    function test_revokeALostTablet() {
        const page = revokeAndGiveBack(testInspectorSync.user, "");
        verify(find.labelWith(page, "(máy này)"), "this device is not marked");
    }

    // A supervisor revokes a tablet an inspector of the province lost (the inspector may have
    // no other) and gives it back.
    function test_revokeAnInspectorsTablet() {
        compare(testInspectorSync.role, "supervisor");
        revokeAndGiveBack("inspector.demo", "của inspector.demo");
    }

    // Many tablets of other users (a province's, a country's for an admin) are not all listed:
    // the supervisor finds one by typing its user's name, in any case, without diacritics.
    function test_searchOthersTablets() {
        const sync = testInspectorSync;
        compare(sync.role, "supervisor");
        const lost = testActions.signInSpareTablet("inspector.demo");
        verify(lost !== "", "the spare tablet did not sign in");
        const win = createTemporaryObject(syncComponent, testCase);
        const page = win.page;
        const part = find.all(page, i => i.foldAbove !== undefined)[0];
        const listed = id => deviceButtons(page, "Thu hồi", id).length === 1;
        const shown = text => find.all(page, i => i instanceof Label && i.visible && i.text.indexOf(text) >= 0).length > 0;
        tryVerify(() => listed(lost), 15000, "the tablet is not listed: " + sync.lastError);
        verify(!shown("gõ tên để tìm"));
        verify(find.textFields(page).every(f => !f.visible || f.placeholderText.indexOf("Tìm máy") < 0), "a search field for a short list");
        const others = part.othersDevices.length;
        part.foldAbove = others - 1;
        verify(!listed(lost), "listed while folded");
        verify(shown(others + " máy của những người dùng khác: gõ tên để tìm."));
        verify(shown("(máy này)"), "the user's own tablet is not listed");
        const field = find.textFields(page).filter(f => f.visible && f.placeholderText.indexOf("Tìm máy") === 0)[0];
        verify(field, "no search field");
        field.forceActiveFocus();
        for (const c of "INSPECTOR")
            keyClick(c);
        compare(part.query, "INSPECTOR");
        tryVerify(() => listed(lost), 5000, "not found by its user's name");
        verify(part.foundDevices.every(d => d.username === "inspector.demo"));
        verify(!shown("gõ tên để tìm"));
        keyClick("x");
        tryVerify(() => !listed(lost), 5000, "found by a name that is not its own");
        verify(shown("Không có máy nào của người dùng khác khớp với \"INSPECTORx\"."));
        // The list short again (the field hidden): what the field held no longer hides a tablet.
        part.foldAbove = 1000;
        tryVerify(() => listed(lost), 5000, "hidden by a search field that is not shown");
        verify(!field.visible && !shown("Không có máy nào"));
        part.foldAbove = others - 1;
        field.selectAll();
        keyClick(Qt.Key_Delete);
        tryVerify(() => shown("gõ tên để tìm"), 5000, "the list did not fold again");
        verify(!shown("Không có máy nào"));
    }

    name: "InspectorSync"
    when: windowShown

    PageSearch {
        id: find
    }

    Component {
        id: loginComponent

        ApplicationWindow {
            id: loginWindow

            property alias page: loginPage
            property bool loggedIn: false

            visible: true
            width: 720
            height: 1280

            LoginPage {
                id: loginPage

                anchors.fill: parent
                syncClient: testInspectorSync
                onLoggedIn: loginWindow.loggedIn = true
            }
        }
    }

    Component {
        id: syncComponent

        ApplicationWindow {
            property alias page: syncPage
            // Where the page's dialogs open.
            readonly property Item popups: Overlay.overlay

            visible: true
            width: 720
            height: 1280

            SyncPage {
                id: syncPage

                anchors.fill: parent
                syncClient: testInspectorSync
                labels: testInspectorApp.labels
            }
        }
    }
}
