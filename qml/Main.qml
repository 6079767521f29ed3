import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CcnInspect

ApplicationWindow {
    id: window

    required property AppController app
    // The sync engineer's client: set by the launcher after the first frame (the header's sync
    // status appears then); null when the database could not be opened.
    property SyncClient syncClient: null
    // For a supervisor: open conflicts and changes the registry refuses from the province's
    // tablets, said in the header on every page (SyncClient reads them after each good round).
    readonly property int supervisorToSettle: syncClient && syncClient.isSupervisor ? syncClient.conflictCount + syncClient.registryRejectionCount : 0
    // A photo file used by --self-test and --screenshots (the camera cannot run there).
    property string demoPhotoPath: ""
    readonly property bool portrait: height > width
    readonly property StackView stackView: stack
    // The camera is offered only where one exists (photos from files work everywhere).
    readonly property bool hasCamera: cameraProbe.item ? cameraProbe.item.hasCamera : false
    // Set once every page above the cluster list has been left (closeThroughPages).
    property bool closeAgreed: false

    // Pages other than the cluster list are compiled and created from their files when first
    // pushed: the first frame needs only the list.
    function pushPage(file, properties, operation) {
        const page = stack.push(Qt.resolvedUrl("pages/" + file), properties, operation === undefined ? StackView.Transition : operation);
        page.objectName = file; // which page it is (onTop)
        return page;
    }

    // Whether the page on top is `file`: a header button tapped on its own page opens no second
    // one.
    function onTop(file) {
        return stack.currentItem !== null && stack.currentItem.objectName === file;
    }

    function openCluster(clusterId, operation) {
        app.cluster.load(clusterId);
        const page = pushPage("ClusterPage.qml", {
                "app": app
            }, operation);
        page.checklistRequested.connect(() => window.openChecklist());
        return page;
    }

    function openChecklist(operation) {
        const page = pushPage("ChecklistPage.qml", {
                "app": app
            }, operation);
        page.hasCamera = Qt.binding(() => window.hasCamera);
        page.cameraRequested.connect(questionId => window.openCamera(questionId, ""));
        page.violationRequested.connect(violationId => window.openViolation(violationId));
        page.photoRequested.connect(photoId => window.openPhoto(photoId));
        return page;
    }

    // Leaves the page on top, then `then`: a page that may hold input not saved (leave(proceed))
    // asks first, and goes on through `then` only if the user saves or gives it up.
    function leaveTop(then) {
        const page = stack.currentItem;
        if (page && typeof page.leave === "function")
            page.leave(then);
        else
            then();
    }

    // Back from the page on top, asking first where input is not saved (leaveTop).
    function goBack() {
        leaveTop(() => stack.pop());
    }

    // Closing the window goes back through the pages first, each asking about input not saved as
    // back does (goBack); the window closes once the cluster list alone is left. "Huỷ" on a page
    // stops there, with the window open.
    function closeThroughPages() {
        if (stack.depth <= 1) {
            closeAgreed = true;
            Qt.callLater(window.close);
            return;
        }
        leaveTop(() => {
                stack.pop(stack.get(stack.depth - 2), StackView.Immediate);
                closeThroughPages();
            });
    }

    function openViolation(violationId, operation) {
        const page = pushPage("ViolationFormPage.qml", {
                "app": app,
                "violationId": violationId
            }, operation);
        page.hasCamera = Qt.binding(() => window.hasCamera);
        page.cameraRequested.connect(id => window.openCamera("", id));
        page.done.connect(() => stack.pop());
        page.photoRequested.connect(photoId => window.openPhoto(photoId));
        return page;
    }

    function openCamera(questionId, violationId) {
        const page = pushPage("CameraPage.qml", {
                "app": app,
                "questionId": questionId,
                "violationId": violationId
            });
        page.done.connect(() => stack.pop());
        return page;
    }

    function openPhoto(photoId, operation) {
        return pushPage("PhotoViewPage.qml", {
                "app": app,
                "photoId": photoId,
                "syncClient": syncClient
            }, operation);
    }

    function openSettings(operation) {
        if (onTop("SettingsPage.qml"))
            return stack.currentItem;
        return pushPage("SettingsPage.qml", {
                "app": app
            }, operation);
    }

    function openSync(operation) {
        // On the sign-in page the sync page has nothing to show yet; on its own page, it is there.
        if (onTop("SyncPage.qml") || onTop("LoginPage.qml"))
            return stack.currentItem;
        const page = pushPage("SyncPage.qml", {
                "syncClient": syncClient,
                "labels": app.labels
            }, operation);
        page.loginRequested.connect(() => window.openLogin(StackView.ReplaceTransition, true));
        return page;
    }

    function openLogin(operation, replace) {
        const properties = {
            "syncClient": syncClient
        };
        const url = Qt.resolvedUrl("pages/LoginPage.qml");
        const page = replace ? stack.replace(url, properties, operation) : stack.push(url, properties, operation === undefined ? StackView.Transition : operation);
        page.objectName = "LoginPage.qml";
        // Signed in: the sign-in page goes, with anything opened over it meanwhile (the settings),
        // down to the page it was opened from.
        page.loggedIn.connect(() => {
                const at = page.StackView.index;
                if (at > 0)
                    stack.pop(stack.get(at - 1));
                else if (stack.currentItem === page)
                    stack.pop();
            });
        return page;
    }

    // Called by the launcher once the first frame is on screen: the multimedia backend is slow
    // to load, so cameras are looked for only then.
    function probeCamera() {
        cameraProbe.active = true;
    }

    // Puts one main page on screen with demo data, without animation (--self-test, --screenshots).
    function showScreen(name) {
        if (!app.ready)
            return name === "error";
        stack.pop(null, StackView.Immediate);
        if (name === "clusters")
            return true;
        if (name === "settings") {
            openSettings(StackView.Immediate);
            return true;
        }
        if (name === "camera") {
            // Compiled and resolved, not shown: there is no camera offscreen.
            const c = Qt.createComponent("pages/CameraPage.qml");
            if (c.status !== Component.Ready)
                console.warn(c.errorString());
            return c.status === Component.Ready;
        }
        if (name === "sync" || name === "login") {
            if (!syncClient)
                return false;
            if (name === "sync")
                openSync(StackView.Immediate);
            else
                openLogin(StackView.Immediate, false);
            return true;
        }
        let best = 0;
        for (let i = 0; i < app.clusters.count; ++i)
            if (app.clusters.get(i).tenantCount > app.clusters.get(best).tenantCount)
                best = i;
        if (app.clusters.count === 0)
            return false;
        openCluster(app.clusters.get(best).id, StackView.Immediate);
        if (name === "cluster")
            return true;
        if (name === "progress") {
            // The history of the first item, and a refused reading shown next to its field.
            const page = stack.currentItem;
            const box = page.progressBox;
            if (app.cluster.infrastructure.length === 0)
                return false;
            const itemId = app.cluster.infrastructure[0].id;
            box.historyItemId = itemId;
            box.openForm(itemId);
            box.draftPercent = "120";
            box.save();
            page.showProgress();
            return true;
        }
        if (!app.inspection.active || !app.inspection.editable) {
            if (!app.inspection.start(app.cluster.clusterId, "periodic")) {
                console.log("self-test: could not start an inspection:", app.inspection.lastError);
                return false;
            }
            const cl = app.inspection.checklist;
            let answered = 0;
            for (let r = 0; r < cl.count && answered < 4; ++r) {
                const q = cl.get(r);
                if (q.kind === "yes_no_na") {
                    cl.setValue(r, "yes");
                    answered++;
                }
            }
        }
        const checklist = openChecklist(StackView.Immediate);
        if (name === "checklist") {
            // Show a refused value next to its field (a percentage above 100).
            const row = app.inspection.checklist.rowOfCode("HT01");
            if (row >= 0) {
                app.inspection.checklist.setValue(row, "120");
                checklist.showRow(Math.max(0, row - 2));
            }
            return true;
        }
        if (name === "minutes") {
            const ps = app.inspection.minutes.participants;
            if (ps.count === 0) {
                const people = [[qsTr("Nguyễn Văn An"), qsTr("Phó Giám đốc"), qsTr("Sở Công Thương")], [qsTr("Trần Thị Bích Ngọc"), qsTr("Chuyên viên"), qsTr("Sở Công Thương")], [qsTr("Lê Văn Minh"), qsTr("Phó Chủ tịch"), qsTr("UBND xã")], [qsTr("Phạm Thị Hoa"), qsTr("Giám đốc"), app.cluster.cluster.investor_name || qsTr("Chủ đầu tư hạ tầng")]];
                for (const p of people)
                    app.inspection.minutes.saveParticipant("", {
                            "name": p[0],
                            "position_title": p[1],
                            "agency": p[2]
                        });
                app.inspection.minutes.saveFindings(qsTr("Đoàn đã kiểm tra hiện trường và hồ sơ của cụm. Hệ thống thoát nước mưa chưa hoàn thành ở phía đông."), "Một là, chủ đầu tư hoàn thành hệ thống thoát nước mưa trước 31/03/2027.\nHai là, bố trí cán bộ phụ trách môi trường.");
            }
            checklist.showTab("minutes");
            return true;
        }
        if (name === "violation") {
            let vid = "";
            if (app.inspection.violations.count === 0) {
                const cat = app.catalog.get(0);
                const res = app.inspection.violationForm.saveViolation("", {
                        "category": cat.code,
                        "severity": cat.defaultSeverity || "serious",
                        "observed": qsTr("Hệ thống thoát nước mưa chưa hoàn thành, nước mưa chảy tràn vào khu đất trống."),
                        "remedy": qsTr("Hoàn thành tuyến thoát nước mưa phía đông."),
                        "deadline": "31/03/2027",
                        "responsible_party": app.cluster.cluster.investor_name || ""
                    });
                vid = res.id || "";
            } else {
                vid = app.inspection.violations.get(0).id;
            }
            openViolation(vid, StackView.Immediate);
            return vid !== "";
        }
        if (name === "photo") {
            if (app.inspection.photos.count === 0 && demoPhotoPath !== "") {
                const r = app.inspection.attachPhoto(demoPhotoPath, "", "", false);
                if (!r.ok)
                    console.log("photo:", r.message);
            }
            if (app.inspection.photos.count === 0)
                return false;
            openPhoto(app.inspection.photos.get(0).id, StackView.Immediate);
            return true;
        }
        return false;
    }

    width: 1280
    height: 800
    visible: true
    title: qsTr("Kiểm tra CCN")
    font.family: "Noto Sans"
    palette.window: "#FFFFFF"
    palette.base: "#FFFFFF"
    palette.button: "#E3EAF3"
    palette.buttonText: "#0D2A4D"
    palette.dark: "#0D47A1"
    palette.highlight: "#1565C0"
    palette.brightText: "#FFFFFF"
    palette.windowText: "#212121"
    palette.text: "#212121"
    palette.placeholderText: "#6B7280"
    palette.mid: "#90A4C0"
    font.pixelSize: 17
    onClosing: close => {
        if (closeAgreed || stack.depth <= 1)
            return;
        close.accepted = false;
        closeThroughPages();
    }

    header: ToolBar {
        implicitHeight: 56
        background: Rectangle {
            color: "#0D47A1"
        }

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 4
            anchors.rightMargin: 12
            spacing: 8

            ToolButton {
                visible: stack.depth > 1
                text: "‹"
                palette.buttonText: "white"
                palette.windowText: "white"
                font.pixelSize: 32
                implicitWidth: 56
                implicitHeight: 56
                Accessible.name: qsTr("Quay lại")
                background: Rectangle {
                    color: parent.down ? "#1565C0" : "transparent"
                    border.color: parent.visualFocus ? "#FFB300" : "transparent"
                    border.width: 2
                    radius: 4
                }
                onClicked: window.goBack()
            }

            Label {
                Layout.fillWidth: true
                Layout.leftMargin: stack.depth > 1 ? 0 : 12
                text: stack.currentItem && stack.currentItem.title ? stack.currentItem.title : window.title
                elide: Label.ElideRight
                color: "white"
                font.pixelSize: 20
                font.bold: true
            }

            Label {
                visible: app.demo
                text: window.portrait ? qsTr("MINH HOẠ") : qsTr("DỮ LIỆU MINH HOẠ")
                font.pixelSize: 13
                font.bold: true
                padding: 6
                background: Rectangle {
                    color: "#FFB300"
                    radius: 4
                }
                color: "#212121"
            }

            ToolButton {
                visible: window.syncClient !== null
                implicitHeight: 48
                text: window.syncClient ? (window.syncClient.online ? qsTr("Trực tuyến") : qsTr("Ngoại tuyến")) + (window.syncClient.pendingRecords > 0 ? " · " + qsTr("%n chờ gửi", "", window.syncClient.pendingRecords) : "") + (window.supervisorToSettle > 0 ? " · " + qsTr("%n cần giám sát xử lý", "", window.supervisorToSettle) : "") : ""
                palette.buttonText: "white"
                palette.windowText: "white"
                font.pixelSize: 15
                Accessible.name: qsTr("Đồng bộ")
                background: Rectangle {
                    color: parent.down ? "#1565C0" : "transparent"
                    border.color: parent.visualFocus ? "#FFB300" : "#90CAF9"
                    border.width: 2
                    radius: 4
                }
                onClicked: window.openSync()
            }

            ToolButton {
                // A word, not a gear sign: the UI font has no such glyph, and looking for a
                // fallback font costs the first frame several milliseconds (or shows a box).
                implicitHeight: 48
                text: qsTr("Cài đặt")
                font.pixelSize: 15
                palette.buttonText: "white"
                palette.windowText: "white"
                Accessible.name: qsTr("Cài đặt")
                onClicked: window.openSettings()
                background: Rectangle {
                    color: parent.down ? "#1565C0" : "transparent"
                    border.color: parent.visualFocus ? "#FFB300" : "#90CAF9"
                    border.width: 2
                    radius: 4
                }
            }

            PositionIndicator {
                tracker: app.position
                compact: window.portrait
            }
        }
    }

    // Qt Multimedia is loaded only here, when probeCamera() is called after the first frame.
    Loader {
        id: cameraProbe

        active: false
        source: "components/CameraProbe.qml"
    }

    StackView {
        id: stack

        anchors.fill: parent
        initialItem: app.ready ? listPage : errorPage
    }

    Component {
        id: listPage

        ClusterListPage {
            app: window.app
            syncClient: window.syncClient
            onClusterChosen: clusterId => window.openCluster(clusterId)
        }
    }

    Component {
        id: errorPage

        Page {
            title: qsTr("Không mở được dữ liệu")

            ColumnLayout {
                anchors.centerIn: parent
                width: Math.min(parent.width - 48, 640)
                spacing: 16

                Label {
                    Layout.fillWidth: true
                    text: qsTr("Không mở được cơ sở dữ liệu trên máy")
                    font.pixelSize: 22
                    font.bold: true
                    wrapMode: Text.Wrap
                }

                Label {
                    Layout.fillWidth: true
                    text: window.app.errorMessage
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}
