import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CcnInspect

// The devices the user signed in on, this one marked, and for a supervisor (or an admin) those of
// the users they look after, named by user (more than a few of those are found by a search field
// rather than all listed): a lost tablet is revoked from another one (its
// sign-in stops at once on the registry; what it had not sent stays on it), and given back when
// found (it signs in again with the password and sends what it kept). The list is read when the
// page opens and again after either; the page asks before a revoke (revokeAsked).
ColumnLayout {
    id: devicesPart

    required property SyncClient syncClient
    required property DomainLabels labels
    // Why the registry did not revoke or give back one (id -> message), shown under its line.
    property var actionMessages: ({})
    // Above this many tablets of other users (a supervisor's province, an admin's country) those
    // are listed only as found by the search field: the page stays short.
    property int foldAbove: 8
    // What the user typed in the search field (DomainLabels.matches: any case, with or without
    // diacritics).
    property string query: ""
    readonly property var ownDevices: devicesPart.syncClient.devices.filter(d => d.username === devicesPart.syncClient.user)
    readonly property var othersDevices: devicesPart.syncClient.devices.filter(d => d.username !== devicesPart.syncClient.user)
    // Whether the search field is shown; what it holds counts only then.
    readonly property bool searching: devicesPart.othersDevices.length > devicesPart.foldAbove
    readonly property string activeQuery: devicesPart.searching ? devicesPart.query.trim() : ""
    readonly property bool othersFolded: devicesPart.searching && devicesPart.activeQuery === ""
    readonly property var foundDevices: devicesPart.othersFolded ? [] : devicesPart.othersDevices.filter(d => devicesPart.labels.matches(d.username + " " + (d.name || d.id), devicesPart.activeQuery))
    // The user's own devices first, then the others' as the registry orders them (by user).
    readonly property var shownDevices: devicesPart.ownDevices.concat(devicesPart.foundDevices)

    // The user asked to revoke device `id`: the page asks them to confirm, then calls
    // SyncClient::revokeDevice.
    signal revokeAsked(string id, string name)

    spacing: 6

    // A device's newest revokes and reinstatements (the registry keeps them all), newest first:
    // who gave a found tablet back, and when.
    function historyText(events) {
        const shown = (events || []).slice(0, 3).map(e => {
                const at = devicesPart.labels.dateTime(e.at);
                if (e.action === "reinstated")
                    return e.by ? qsTr("khôi phục lúc %1 (bởi %2)").arg(at).arg(e.by) : qsTr("khôi phục lúc %1").arg(at);
                return e.by ? qsTr("thu hồi lúc %1 (bởi %2)").arg(at).arg(e.by) : qsTr("thu hồi lúc %1").arg(at);
            });
        return shown.length > 0 ? qsTr("Lịch sử: %1.").arg(shown.join("; ")) : "";
    }

    function noteAction(ok, message, id) {
        const messages = Object.assign({}, devicesPart.actionMessages);
        if (ok)
            delete messages[id];
        else
            messages[id] = message;
        devicesPart.actionMessages = messages;
    }

    Connections {
        function onDeviceRevoked(ok, message, id) {
            devicesPart.noteAction(ok, message, id);
        }

        function onDeviceReinstated(ok, message, id) {
            devicesPart.noteAction(ok, message, id);
        }

        target: devicesPart.syncClient
    }

    SectionHeading {
        Layout.fillWidth: true
        text: devicesPart.syncClient.isSupervisor ? qsTr("Các máy đã đăng nhập: của bạn và của những người dùng bạn quản lý") : qsTr("Các máy đã đăng nhập bằng tài khoản này")
    }

    Label {
        Layout.fillWidth: true
        text: qsTr("Mất máy tính bảng? Thu hồi máy đó ở đây: máy ấy không gửi, không tải được dữ liệu nữa và không đăng nhập lại được. Tìm lại được máy, hoặc thu hồi nhầm? Bấm \"Khôi phục\": máy ấy đăng nhập lại được bằng mật khẩu và gửi nốt những gì nó còn giữ.")
        wrapMode: Text.WordWrap
    }

    TextField {
        Layout.fillWidth: true
        visible: devicesPart.searching
        placeholderText: qsTr("Tìm máy của người dùng khác: tên người dùng hoặc tên máy")
        inputMethodHints: Qt.ImhNoPredictiveText
        onTextChanged: devicesPart.query = text
    }

    Label {
        Layout.fillWidth: true
        visible: devicesPart.othersFolded
        text: qsTr("%n máy của những người dùng khác: gõ tên để tìm.", "", devicesPart.othersDevices.length)
        wrapMode: Text.WordWrap
    }

    // The registry cuts a very long list (a national admin's) at its size cap and says how many
    // it has: the devices past the cut are neither listed nor found by the search.
    Label {
        Layout.fillWidth: true
        visible: devicesPart.syncClient.deviceCount > devicesPart.syncClient.devices.length
        text: qsTr("Máy chủ có %1 máy; danh sách này chỉ có %2 máy đầu tiên (xếp theo tên người dùng) nên có máy không tìm thấy ở đây. Máy không có trong danh sách được thu hồi trên máy chủ bằng lệnh \"ccn-registry revoke-device\".").arg(devicesPart.syncClient.deviceCount).arg(devicesPart.syncClient.devices.length)
        color: "#a51d2d"
        wrapMode: Text.WordWrap
    }

    Label {
        Layout.fillWidth: true
        visible: devicesPart.activeQuery !== "" && devicesPart.foundDevices.length === 0
        text: qsTr("Không có máy nào của người dùng khác khớp với \"%1\".").arg(devicesPart.activeQuery)
        wrapMode: Text.WordWrap
    }

    Repeater {
        model: devicesPart.shownDevices

        delegate: RowLayout {
            required property var modelData
            readonly property bool isThis: modelData.id === devicesPart.syncClient.deviceId
            readonly property bool isOwn: modelData.username === devicesPart.syncClient.user
            // Its name, and whose it is when it is not the user's.
            readonly property string title: (modelData.name || modelData.id) + (isOwn ? "" : " · " + qsTr("của %1").arg(modelData.username))

            Layout.fillWidth: true
            spacing: 8

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2

                Label {
                    Layout.fillWidth: true
                    font.bold: true
                    text: title + (isThis ? " " + qsTr("(máy này)") : "")
                    wrapMode: Text.WordWrap
                }

                Label {
                    Layout.fillWidth: true
                    text: modelData.revoked ? (modelData.revoked_by ? qsTr("Đã thu hồi (bởi %1).").arg(modelData.revoked_by) : qsTr("Đã thu hồi.")) : modelData.last_seen_at ? qsTr("Dùng lần cuối lúc %1.").arg(devicesPart.labels.dateTime(modelData.last_seen_at)) : qsTr("Đăng nhập lúc %1.").arg(devicesPart.labels.dateTime(modelData.registered_at))
                    color: modelData.revoked ? "#a51d2d" : palette.windowText
                    wrapMode: Text.WordWrap
                }

                Label {
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: devicesPart.historyText(modelData.history)
                    font.italic: true
                    wrapMode: Text.WordWrap
                }

                Label {
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: devicesPart.actionMessages[modelData.id] || ""
                    color: "#a51d2d"
                    wrapMode: Text.WordWrap
                }
            }

            Button {
                Layout.preferredHeight: 48
                visible: !isThis && !modelData.revoked
                text: qsTr("Thu hồi")
                onClicked: devicesPart.revokeAsked(modelData.id, title)
            }

            Button {
                Layout.preferredHeight: 48
                visible: !isThis && modelData.revoked
                text: qsTr("Khôi phục")
                onClicked: devicesPart.syncClient.reinstateDevice(modelData.id)
            }
        }
    }

    Label {
        Layout.fillWidth: true
        visible: devicesPart.syncClient.devices.length === 0
        text: devicesPart.syncClient.online ? qsTr("Chưa có danh sách máy từ máy chủ.") : qsTr("Cần kết nối mạng để xem danh sách máy.")
        wrapMode: Text.WordWrap
    }

    Button {
        Layout.preferredHeight: 48
        text: qsTr("Tải lại danh sách máy")
        onClicked: devicesPart.syncClient.fetchDevices()
    }
}
