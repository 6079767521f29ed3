import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CcnInspect

// Where the inspector is: accuracy, age, averaging on request, the outside-boundary / outside-
// Vietnam warning, and a coordinate typed by hand when the device has none.
Pane {
    id: panel

    required property AppController app
    readonly property PositionTracker tracker: app.position

    padding: 12
    background: Rectangle {
        color: "#F5F7FA"
        border.color: "#D0D7E2"
        radius: 6
    }

    ColumnLayout {
        width: parent.width
        spacing: 6

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            font.bold: true
            text: panel.tracker.hasFix ? qsTr("Vị trí: %1, %2").arg(panel.tracker.latitude.toFixed(6)).arg(panel.tracker.longitude.toFixed(6)) : qsTr("Chưa có vị trí từ thiết bị")
        }

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: panel.tracker.hasFix
            text: qsTr("Độ chính xác: %1 · cập nhật %2 giây trước · nguồn: %3").arg(isFinite(panel.tracker.horizontalAccuracy) ? "± " + Math.round(panel.tracker.horizontalAccuracy) + " m" : qsTr("không rõ")).arg(panel.tracker.ageSeconds).arg(panel.tracker.sourceName)
            color: "#424242"
        }

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: panel.tracker.errorMessage !== ""
            text: panel.tracker.errorMessage
            color: "#B71C1C"
        }

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: panel.tracker.hasFix && panel.tracker.warning !== ""
            text: "⚠ " + panel.tracker.warning
            color: "#E65100"
            font.bold: true
        }

        RowLayout {
            Layout.fillWidth: true

            Button {
                Layout.preferredHeight: 48
                text: panel.tracker.averaging ? qsTr("Đang lấy trung bình (%1 điểm)…").arg(panel.tracker.averagingUsedCount) : qsTr("Lấy vị trí trung bình")
                enabled: panel.tracker.active && !panel.tracker.averaging
                onClicked: averageError.text = panel.app.startAveraging(5000)
            }

            Label {
                id: averageError

                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: "#B71C1C"
            }
        }

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: panel.tracker.averagedFix.valid
            text: qsTr("Trung bình %1 điểm: %2, %3 (± %4 m)").arg(panel.tracker.averagedFix.sampleCount).arg(panel.tracker.averagedFix.latitude.toFixed(6)).arg(panel.tracker.averagedFix.longitude.toFixed(6)).arg(Math.round(panel.tracker.averagedFix.accuracyM))
        }

        Label {
            text: qsTr("Hoặc nhập toạ độ bằng tay (độ thập phân):")
            color: "#424242"
        }

        Flow {
            Layout.fillWidth: true
            spacing: 8

            TextField {
                id: latField

                width: 220
                height: 52
                placeholderText: qsTr("Vĩ độ (vd. 20,0456)")
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                maximumLength: 40
                onAccepted: lonField.forceActiveFocus()
            }

            TextField {
                id: lonField

                width: 220
                height: 52
                placeholderText: qsTr("Kinh độ (vd. 106,0212)")
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                maximumLength: 40
                onAccepted: useButton.clicked()
            }

            Button {
                id: useButton

                height: 52
                text: qsTr("Dùng toạ độ này")
                onClicked: manualError.text = panel.app.inspection.setManualPosition(latField.text, lonField.text)
            }
        }

        Label {
            id: manualError

            Layout.fillWidth: true
            visible: text !== ""
            wrapMode: Text.Wrap
            color: "#B71C1C"
        }

        Label {
            Layout.fillWidth: true
            visible: panel.app.inspection.manualPositionText !== "" && manualError.text === ""
            wrapMode: Text.Wrap
            text: qsTr("Sẽ dùng toạ độ nhập tay: %1").arg(panel.app.inspection.manualPositionText)
            color: "#2E7D32"
        }
    }
}
