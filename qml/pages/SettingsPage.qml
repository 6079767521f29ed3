import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CcnInspect

// The user's settings: language, inspector name, position source (the device or an NMEA log),
// and the room the originals fetched from the registry may take.
Page {
    id: page

    required property AppController app
    property string positionMessage: ""

    title: qsTr("Cài đặt")

    Flickable {
        id: flick

        anchors.fill: parent
        contentHeight: form.implicitHeight + 32
        clip: true

        ColumnLayout {
            id: form

            x: 16
            y: 16
            width: Math.min(flick.width - 32, 720)
            spacing: 8

            FieldLabel {
                text: qsTr("Ngôn ngữ")
            }

            Flow {
                Layout.fillWidth: true
                spacing: 8

                ChoiceButton {
                    text: "Tiếng Việt"
                    checked: page.app.settings.language === "vi"
                    onClicked: page.app.settings.language = "vi"
                }

                ChoiceButton {
                    text: "English"
                    checked: page.app.settings.language === "en"
                    onClicked: page.app.settings.language = "en"
                }
            }

            FieldLabel {
                text: qsTr("Họ tên cán bộ kiểm tra")
            }

            TextField {
                Layout.fillWidth: true
                Layout.preferredHeight: 52
                text: page.app.settings.inspectorName
                maximumLength: 200
                onEditingFinished: page.app.settings.inspectorName = text
            }

            FieldLabel {
                text: qsTr("Nguồn vị trí")
            }

            Flow {
                Layout.fillWidth: true
                spacing: 8

                ChoiceButton {
                    text: qsTr("Định vị của máy")
                    checked: page.app.settings.positionSource === "default"
                    onClicked: {
                        page.app.settings.positionSource = "default";
                        page.positionMessage = page.app.restartPosition();
                    }
                }

                ChoiceButton {
                    text: qsTr("Tệp nhật ký NMEA")
                    checked: page.app.settings.positionSource === "nmea"
                    onClicked: page.app.settings.positionSource = "nmea"
                }
            }

            RowLayout {
                Layout.fillWidth: true
                visible: page.app.settings.positionSource === "nmea"

                TextField {
                    id: nmeaField

                    Layout.fillWidth: true
                    Layout.preferredHeight: 52
                    text: page.app.settings.nmeaFile
                    placeholderText: qsTr("Đường dẫn tệp .nmea")
                    onAccepted: useNmea.clicked()
                }

                Button {
                    id: useNmea

                    Layout.preferredHeight: 52
                    text: qsTr("Dùng tệp này")
                    onClicked: {
                        page.app.settings.nmeaFile = nmeaField.text.trim();
                        page.positionMessage = page.app.restartPosition();
                    }
                }
            }

            FieldError {
                text: page.positionMessage
            }

            FieldLabel {
                text: qsTr("Ảnh gốc tải về từ máy chủ: giữ tối đa")
            }

            Flow {
                Layout.fillWidth: true
                spacing: 8

                Repeater {
                    model: [256, 1024, 4096]

                    delegate: ChoiceButton {
                        required property int modelData

                        text: modelData < 1024 ? qsTr("%1 MB").arg(modelData) : qsTr("%1 GB").arg(modelData / 1024)
                        checked: page.app.settings.originalCacheMb === modelData
                        onClicked: page.app.settings.originalCacheMb = modelData
                    }
                }
            }

            Label {
                Layout.fillWidth: true
                text: qsTr("Khi vượt quá, ảnh xem lâu nhất được xoá khỏi máy và tải lại khi cần. Ảnh chụp hoặc chọn trên máy này không bao giờ bị xoá.")
                wrapMode: Text.WordWrap
            }
        }
    }
}
