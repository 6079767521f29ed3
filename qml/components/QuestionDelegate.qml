import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import CcnInspect

// One checklist question with the editor for its kind. Every edit is saved at once; a refused
// value stays in the field with the reason under it.
Pane {
    id: q

    required property AppController app
    required property int index
    required property var model

    readonly property bool editable: app.inspection.editable

    property bool hasCamera: false

    signal photoRequested(string photoId)
    signal cameraRequested(string questionId)

    function save(value) {
        app.inspection.checklist.setValue(index, value);
    }

    // A typed answer: saved when the user leaves the field (or presses Enter). The field then
    // shows what is stored, or the input kept with the reason it was not saved.
    function saveTyped(field) {
        if (field.text !== q.model.value || q.model.error !== "")
            q.save(field.text);
        field.text = q.model.value;
    }

    // A value a sync round brought replaces the field's text unless the user is typing there;
    // then their text stays, and the save compares it with what they started from.
    function showTyped() {
        if (!numberField.activeFocus)
            numberField.text = q.model.kind === "number" || q.model.kind === "percentage" ? q.model.value : "";
        if (!textField.activeFocus)
            textField.text = q.model.kind === "text" ? q.model.value : "";
    }

    readonly property string shownValue: q.model.value
    onShownValueChanged: showTyped()
    Component.onCompleted: showTyped()

    padding: 12
    leftPadding: 16
    rightPadding: 16
    background: Rectangle {
        color: q.model.error !== "" ? "#FFF3F3" : "white"
        border.color: q.model.error !== "" ? "#E57373" : "#E0E0E0"
    }

    ColumnLayout {
        width: parent.width
        spacing: 6

        Label {
            Layout.fillWidth: true
            text: q.model.text + (q.model.required ? " <font color='#C62828'>*</font>" : "")
            textFormat: Text.StyledText
            wrapMode: Text.Wrap
            font.pixelSize: 17
        }

        Label {
            Layout.fillWidth: true
            visible: !!q.model.legalBasis
            text: q.model.legalBasis || ""
            wrapMode: Text.Wrap
            font.pixelSize: 13
            color: "#616161"
        }

        // yes / no / not applicable
        Flow {
            Layout.fillWidth: true
            visible: q.model.kind === "yes_no_na"
            spacing: 8

            Repeater {
                model: [{
                        "value": "yes",
                        "label": qsTr("Có")
                    }, {
                        "value": "no",
                        "label": qsTr("Không")
                    }, {
                        "value": "na",
                        "label": qsTr("Không áp dụng")
                    }]

                ChoiceButton {
                    required property var modelData

                    text: modelData.label
                    checked: q.model.value === modelData.value
                    enabled: q.editable
                    onClicked: q.save(checked ? modelData.value : "")
                }
            }
        }

        // one of the template's choices
        Flow {
            Layout.fillWidth: true
            visible: q.model.kind === "choice"
            spacing: 8

            Repeater {
                model: q.model.kind === "choice" ? q.model.choices : []

                ChoiceButton {
                    required property var modelData

                    text: modelData.label
                    checked: q.model.value === modelData.value
                    enabled: q.editable
                    onClicked: q.save(checked ? modelData.value : "")
                }
            }
        }

        // number with unit, percentage
        RowLayout {
            visible: q.model.kind === "number" || q.model.kind === "percentage"
            spacing: 8

            TextField {
                id: numberField

                objectName: "numberAnswer"
                Layout.preferredWidth: 200
                Layout.preferredHeight: 52
                enabled: q.editable
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                maximumLength: 40
                selectByMouse: true
                placeholderText: q.model.kind === "percentage" ? "0–100" : qsTr("Nhập số")
                onActiveFocusChanged: if (activeFocus)
                    app.inspection.checklist.beginEdit(q.index)
                onEditingFinished: q.saveTyped(numberField)
            }

            Label {
                text: q.model.unit || ""
                font.bold: true
            }
        }

        // free text
        TextArea {
            id: textField

            objectName: "textAnswer"
            Layout.fillWidth: true
            Layout.minimumHeight: 52
            visible: q.model.kind === "text"
            enabled: q.editable
            wrapMode: TextArea.Wrap
            placeholderText: qsTr("Ghi nội dung…")
            background: Rectangle {
                color: "white"
                border.color: parent.activeFocus ? "#1565C0" : "#90A4C0"
                border.width: parent.activeFocus ? 2 : 1
                radius: 4
            }
            onActiveFocusChanged: if (activeFocus)
                app.inspection.checklist.beginEdit(q.index)
            onEditingFinished: q.saveTyped(textField)
        }

        // photo required: from a file, or the camera where one exists
        ColumnLayout {
            Layout.fillWidth: true
            visible: q.model.kind === "photo"
            spacing: 6

            RowLayout {
                spacing: 8

                Button {
                    Layout.preferredHeight: 52
                    text: qsTr("Chọn ảnh từ tệp…")
                    enabled: q.editable
                    onClicked: fileDialog.open()
                }

                Button {
                    Layout.preferredHeight: 52
                    visible: q.hasCamera
                    text: qsTr("Chụp ảnh")
                    enabled: q.editable
                    onClicked: q.cameraRequested(q.model.questionId)
                }

                Label {
                    text: qsTr("%n ảnh", "", q.model.photoCount)
                    color: "#424242"
                }
            }
        }

        Label {
            id: photoError

            Layout.fillWidth: true
            visible: text !== ""
            wrapMode: Text.Wrap
            color: "#B71C1C"
        }

        Label {
            id: errorLabel

            objectName: "error"
            Layout.fillWidth: true
            visible: q.model.error !== ""
            text: q.model.error
            wrapMode: Text.Wrap
            color: "#B71C1C"
            font.bold: true
        }
    }

    FileDialog {
        id: fileDialog

        title: qsTr("Chọn ảnh")
        nameFilters: [qsTr("Ảnh (*.jpg *.jpeg *.png)")]
        onAccepted: {
            const r = q.app.inspection.attachPhoto(selectedFile.toString(), q.model.questionId, "", false);
            photoError.text = r.ok ? "" : r.message;
        }
    }
}
