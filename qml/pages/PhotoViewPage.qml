import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CcnInspect

// One photo, upright (EXIF orientation applied), with where, when and how accurately.
Page {
    id: page

    required property AppController app
    required property string photoId
    readonly property var info: app.inspection.photo(photoId)

    title: qsTr("Ảnh hiện trường")

    GridLayout {
        anchors.fill: parent
        anchors.margins: 16
        columns: page.width > page.height ? 2 : 1
        columnSpacing: 16
        rowSpacing: 12

        Image {
            id: image

            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 200
            source: page.info.url || ""
            autoTransform: true
            fillMode: Image.PreserveAspectFit
            asynchronous: false
            sourceSize.width: 1600
            sourceSize.height: 1600
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

            Label {
                Layout.fillWidth: true
                visible: image.status === Image.Error
                text: qsTr("Không đọc được tệp ảnh.")
                color: "#B71C1C"
            }
        }
    }
}
