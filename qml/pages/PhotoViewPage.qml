import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CcnInspect

// One photo, upright (EXIF orientation applied), with where, when and how accurately. A photo
// taken on another device arrives with its thumbnail only: the page shows the thumbnail and asks
// the registry for the original (SyncClient::fetchOriginal), or says what to do to get it.
Page {
    id: page

    required property AppController app
    required property string photoId
    // Null when the app runs without sync: then only what is on the device is shown.
    property SyncClient syncClient: null
    property var info: app.inspection.photo(photoId)
    // "": nothing asked; "fetching"; "failed" (fetchError says why).
    property string fetchState: ""
    property string fetchError: ""
    // The original's bytes received so far and its size (-1: unknown) while it is fetched.
    property real fetchReceived: 0
    property real fetchTotal: -1
    readonly property bool canFetch: syncClient !== null && syncClient.loggedIn

    function fetchOriginal() {
        if (info.hasOriginal || !info.sha256 || !canFetch)
            return;
        fetchState = "fetching";
        fetchError = "";
        fetchReceived = 0;
        fetchTotal = -1;
        syncClient.fetchOriginal(info.sha256);
    }

    title: qsTr("Ảnh hiện trường")
    Component.onCompleted: {
        // An original fetched before leaves the cache last when it is shown again.
        if (info.hasOriginal && info.sha256 && syncClient !== null)
            syncClient.originalShown(info.sha256);
        fetchOriginal();
    }

    Connections {
        function onOriginalReady(sha256, path) {
            if (sha256 !== page.info.sha256)
                return;
            page.info = page.app.inspection.photo(page.photoId);
            page.fetchState = "";
        }

        function onOriginalFailed(sha256, message) {
            if (sha256 !== page.info.sha256)
                return;
            page.fetchState = "failed";
            page.fetchError = message;
        }

        function onOriginalProgress(sha256, received, total) {
            if (sha256 !== page.info.sha256)
                return;
            page.fetchReceived = received;
            page.fetchTotal = total;
        }

        // A login while the page is open (SyncClient::loggedIn's signal).
        function onAuthChanged() {
            if (page.fetchState === "")
                page.fetchOriginal();
        }

        target: page.syncClient
        ignoreUnknownSignals: true
    }

    GridLayout {
        anchors.fill: parent
        anchors.margins: 16
        columns: page.width > page.height ? 2 : 1
        columnSpacing: 16
        rowSpacing: 12

        Image {
            id: image

            objectName: "photoImage"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 200
            source: page.info.hasOriginal ? page.info.url : (page.info.thumbnailUrl || "")
            autoTransform: true
            fillMode: Image.PreserveAspectFit
            asynchronous: false
            // At most 1600 px, and never more than the original's own size: with both set, a
            // smaller picture would be decoded enlarged to fill the box.
            sourceSize.width: Math.min(1600, page.info.width || 1600)
            sourceSize.height: Math.min(1600, page.info.height || 1600)

            BusyIndicator {
                anchors.centerIn: parent
                running: page.fetchState === "fetching"
            }
        }

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: page.width > page.height ? 360 : page.width - 32
            Layout.fillWidth: page.width <= page.height
            spacing: 8

            Repeater {
                model: [[qsTr("Thời điểm chụp"), page.info.takenText || qsTr("không rõ")], [qsTr("Toạ độ (GPS)"), page.info.positionText || ""], [qsTr("Độ chính xác"), page.info.accuracyText || ""], [qsTr("Nguồn"), page.info.sourceLabel || ""], [qsTr("Kích thước"), page.info.width ? page.info.width + " × " + page.info.height : ""]]

                ColumnLayout {
                    required property var modelData

                    Layout.fillWidth: true
                    spacing: 0

                    Label {
                        text: modelData[0]
                        color: "#555555"
                    }

                    Label {
                        Layout.fillWidth: true
                        text: modelData[1]
                        font.bold: true
                        wrapMode: Text.Wrap
                    }
                }
            }

            // Where the original is when it is not on this device.
            Label {
                Layout.fillWidth: true
                visible: !page.info.hasOriginal && page.info.sha256 !== undefined
                wrapMode: Text.Wrap
                color: page.fetchState === "failed" ? "#B71C1C" : "#555555"
                text: {
                    const shown = page.info.hasThumbnail ? qsTr("Đang hiện ảnh thu nhỏ.") + " " : qsTr("Máy này chưa có ảnh thu nhỏ.") + " ";
                    if (page.fetchState === "fetching")
                        return shown + qsTr("Đang tải ảnh gốc từ máy chủ…");
                    if (page.fetchState === "failed")
                        return qsTr("Không tải được ảnh gốc: %1").arg(page.fetchError);
                    if (!page.canFetch)
                        return shown + qsTr("Ảnh gốc ở trên máy chủ: hãy đăng nhập đồng bộ khi có mạng để xem.");
                    return shown;
                }
            }

            ProgressBar {
                objectName: "originalProgress"
                Layout.fillWidth: true
                visible: page.fetchState === "fetching"
                indeterminate: page.fetchTotal <= 0
                value: page.fetchTotal > 0 ? page.fetchReceived / page.fetchTotal : 0
            }

            Label {
                objectName: "originalProgressText"
                Layout.fillWidth: true
                visible: page.fetchState === "fetching" && page.fetchTotal > 0
                text: qsTr("%1 / %2 MB").arg((page.fetchReceived / 1048576).toFixed(1)).arg((page.fetchTotal / 1048576).toFixed(1))
                color: "#555555"
            }

            Button {
                visible: page.fetchState === "failed" && page.canFetch
                text: qsTr("Thử lại")
                onClicked: page.fetchOriginal()
            }

            Label {
                Layout.fillWidth: true
                visible: image.status === Image.Error && page.info.hasOriginal
                text: qsTr("Không đọc được tệp ảnh.")
                color: "#B71C1C"
            }
        }
    }
}
