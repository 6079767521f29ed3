import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import CcnInspect

// A violation: category from the catalogue (legal basis and fine range shown), severity, what
// was seen, remedy, deadline, responsible party and evidence photos. Errors show under each field.
Page {
    id: page

    required property AppController app
    property string violationId: ""
    property var errors: ({})
    property string message: ""
    property string severity: ""
    readonly property alias leaveDialog: leaveDialog
    readonly property var category: categoryBox.currentIndex >= 0 ? app.catalog.get(categoryBox.currentIndex) : ({})
    readonly property bool editable: app.inspection.editable

    property bool hasCamera: false

    signal cameraRequested(string violationId)
    signal done
    signal photoRequested(string photoId)

    function load() {
        const v = violationId !== "" ? app.inspection.violationForm.violation(violationId) : null;
        if (!v) {
            categoryBox.currentIndex = -1;
            app.inspection.violationPhotos.violationId = "";
            return;
        }
        categoryBox.currentIndex = app.catalog.indexOf(v.category);
        severity = v.severity;
        observedField.text = v.observed;
        remedyField.text = v.remedy;
        deadlineField.text = v.deadlineText;
        responsibleField.text = v.responsibleParty;
        responsibleField.cursorPosition = 0;
        app.inspection.violationPhotos.violationId = violationId;
    }

    // The form holds changes not saved: what it shows differs from what it was given, last saved
    // or followed from a round (the controller keeps that record; never on a read-only inspection).
    function dirty() {
        return app.inspection.violationForm.dirty(violationId, fields());
    }

    // Leaving the form ("Xong", or back, Main.goBack): changes not saved are not dropped in
    // silence; the user saves them, gives them up, or stays.
    function leave(proceed) {
        if (dirty()) {
            leaveDialog.proceed = proceed;
            leaveDialog.open();
        } else {
            proceed();
        }
    }

    // The form's fields as saveViolation takes them.
    function fields() {
        return {
            "category": category.code || "",
            "severity": severity,
            "observed": observedField.text,
            "remedy": remedyField.text,
            "deadline": deadlineField.text,
            "responsible_party": responsibleField.text
        };
    }

    // A sync round wrote this violation: the fields the user has not changed show what it wrote;
    // one they are changing stays as typed (its save names what the round wrote).
    function followPulled() {
        if (violationId === "")
            return;
        const f = app.inspection.violationForm.followPulledViolation(violationId, fields());
        if (f.category !== undefined)
            categoryBox.currentIndex = app.catalog.indexOf(f.category);
        if (f.severity !== undefined)
            severity = f.severity;
        if (f.observed !== undefined)
            observedField.text = f.observed;
        if (f.remedy !== undefined)
            remedyField.text = f.remedy;
        if (f.deadline !== undefined)
            deadlineField.text = f.deadline;
        if (f.responsible_party !== undefined)
            responsibleField.text = f.responsible_party;
    }

    function save() {
        const r = app.inspection.violationForm.saveViolation(violationId, fields());
        errors = r.errors || {};
        message = r.ok ? "" : r.message;
        if (r.ok && violationId === "") {
            violationId = r.id;
            app.inspection.violationPhotos.violationId = r.id;
        }
        return r.ok;
    }

    title: violationId === "" ? qsTr("Ghi nhận vi phạm") : qsTr("Sửa vi phạm")
    Component.onCompleted: load()

    Connections {
        function onFormsPulled() {
            page.followPulled();
        }

        target: page.app.inspection
    }

    Flickable {
        id: flick

        anchors.fill: parent
        contentHeight: form.implicitHeight + 32
        clip: true
        ScrollBar.vertical: ScrollBar {
        }

        ColumnLayout {
            id: form

            x: 16
            y: 16
            width: Math.min(flick.width - 32, 900)
            spacing: 6

            FieldLabel {
                text: qsTr("Loại vi phạm")
                required: true
            }

            ComboBox {
                id: categoryBox

                Layout.fillWidth: true
                Layout.preferredHeight: 52
                model: page.app.catalog
                textRole: "title"
                enabled: page.editable
                displayText: currentIndex < 0 ? qsTr("Chọn loại vi phạm…") : currentText
                onActivated: {
                    if (page.severity === "")
                        page.severity = page.category.defaultSeverity || "";
                }
            }

            Label {
                Layout.fillWidth: true
                visible: categoryBox.currentIndex >= 0
                wrapMode: Text.Wrap
                color: "#424242"
                text: qsTr("Căn cứ: %1").arg(page.category.legalBasis || "") + (page.category.fineText ? "\n" + qsTr("Mức phạt: %1").arg(page.category.fineText) : "")
            }

            FieldError {
                text: page.errors.category || ""
            }

            FieldLabel {
                text: qsTr("Mức độ")
                required: true
            }

            Flow {
                Layout.fillWidth: true
                spacing: 8

                Repeater {
                    model: page.app.labels.severityOptions()

                    ChoiceButton {
                        required property var modelData

                        text: modelData.label
                        checked: page.severity === modelData.value
                        enabled: page.editable
                        onClicked: page.severity = modelData.value
                    }
                }
            }

            FieldError {
                text: page.errors.severity || ""
            }

            FieldLabel {
                text: qsTr("Nội dung vi phạm (điều đã thấy)")
                required: true
            }

            TextArea {
                id: observedField

                objectName: "violationObserved"
                Layout.fillWidth: true
                Layout.minimumHeight: 96
                wrapMode: TextArea.Wrap
                enabled: page.editable
                placeholderText: qsTr("Mô tả cụ thể điều quan sát được tại hiện trường")
                background: Rectangle {
                    color: "white"
                    border.color: parent.activeFocus ? "#1565C0" : "#90A4C0"
                    border.width: parent.activeFocus ? 2 : 1
                    radius: 4
                }
            }

            FieldError {
                text: page.errors.observed || ""
            }

            FieldLabel {
                text: qsTr("Biện pháp khắc phục yêu cầu")
            }

            TextArea {
                id: remedyField

                objectName: "violationRemedy"
                Layout.fillWidth: true
                Layout.minimumHeight: 72
                wrapMode: TextArea.Wrap
                enabled: page.editable
                background: Rectangle {
                    color: "white"
                    border.color: parent.activeFocus ? "#1565C0" : "#90A4C0"
                    border.width: parent.activeFocus ? 2 : 1
                    radius: 4
                }
            }

            FieldError {
                text: page.errors.remedy || ""
            }

            GridLayout {
                Layout.fillWidth: true
                columns: page.width > 700 ? 2 : 1
                columnSpacing: 16

                ColumnLayout {
                    Layout.fillWidth: true

                    FieldLabel {
                        text: qsTr("Hạn khắc phục (ngày/tháng/năm)")
                    }

                    TextField {
                        id: deadlineField

                        objectName: "violationDeadline"
                        Layout.fillWidth: true
                        Layout.preferredHeight: 52
                        enabled: page.editable
                        placeholderText: "31/12/2026"
                        maximumLength: 40
                        inputMethodHints: Qt.ImhDate
                        onAccepted: responsibleField.forceActiveFocus()
                    }

                    FieldError {
                        text: page.errors.deadline || ""
                    }
                }

                ColumnLayout {
                    Layout.fillWidth: true

                    FieldLabel {
                        text: qsTr("Đơn vị chịu trách nhiệm")
                    }

                    TextField {
                        id: responsibleField

                        Layout.fillWidth: true
                        Layout.preferredHeight: 52
                        enabled: page.editable
                        maximumLength: 400
                        onAccepted: saveButton.clicked()
                    }

                    FieldError {
                        text: page.errors.responsible_party || ""
                    }
                }
            }

            FieldLabel {
                text: qsTr("Ảnh làm chứng cứ")
            }

            Label {
                Layout.fillWidth: true
                visible: page.violationId === ""
                text: qsTr("Lưu vi phạm trước, sau đó thêm ảnh.")
                color: "#555555"
                wrapMode: Text.Wrap
            }

            PhotoStrip {
                Layout.fillWidth: true
                visible: page.violationId !== ""
                photos: page.app.inspection.violationPhotos
                onPhotoClicked: photoId => page.photoRequested(photoId)
            }

            Button {
                Layout.preferredHeight: 52
                visible: page.violationId !== ""
                enabled: page.editable
                text: qsTr("Thêm ảnh từ tệp…")
                onClicked: photoDialog.open()
            }

            Button {
                Layout.preferredHeight: 52
                visible: page.violationId !== "" && page.hasCamera
                enabled: page.editable
                text: qsTr("Chụp ảnh")
                onClicked: page.cameraRequested(page.violationId)
            }

            FieldError {
                id: photoError
            }

            Label {
                Layout.fillWidth: true
                visible: page.message !== ""
                text: page.message
                color: "#B71C1C"
                wrapMode: Text.Wrap
                font.bold: true
            }

            RowLayout {
                Layout.topMargin: 8
                spacing: 8

                Button {
                    id: saveButton

                    Layout.preferredHeight: 52
                    highlighted: true
                    enabled: page.editable
                    text: qsTr("Lưu vi phạm")
                    onClicked: {
                        if (page.save())
                            savedNote.visible = true;
                    }
                }

                Button {
                    Layout.preferredHeight: 52
                    text: qsTr("Xong")
                    onClicked: page.leave(() => page.done())
                }

                Button {
                    Layout.preferredHeight: 52
                    visible: page.violationId !== "" && page.editable
                    flat: true
                    palette.buttonText: "#B71C1C"
                    palette.windowText: "#B71C1C"
                    text: qsTr("Xoá vi phạm")
                    onClicked: {
                        page.message = page.app.inspection.violationForm.deleteViolation(page.violationId);
                        if (page.message === "")
                            page.done();
                    }
                }

                Label {
                    id: savedNote

                    visible: false
                    text: qsTr("Đã lưu.")
                    color: "#2E7D32"
                }
            }
        }
    }

    AppDialog {
        id: leaveDialog

        // Where leaving goes once the changes are saved or given up (leave's `proceed`).
        property var proceed: null

        anchors.centerIn: parent
        width: Math.min(page.width - 32, 480)
        modal: true
        title: qsTr("Lưu vi phạm trước khi đóng?")
        standardButtons: Dialog.Save | Dialog.Discard | Dialog.Cancel
        onAccepted: if (page.save())
            proceed()
        onDiscarded: {
            leaveDialog.close();
            proceed();
        }

        Label {
            width: Math.min(page.width - 32, 480) - leaveDialog.leftPadding - leaveDialog.rightPadding
            text: qsTr("Bạn đã sửa vi phạm này mà chưa lưu. Lưu để giữ các thay đổi; bỏ thay đổi thì vi phạm giữ như lần lưu trước.")
            wrapMode: Text.WordWrap
        }
    }

    FileDialog {
        id: photoDialog

        title: qsTr("Chọn ảnh")
        nameFilters: [qsTr("Ảnh (*.jpg *.jpeg *.png)")]
        onAccepted: {
            const r = page.app.inspection.attachPhoto(selectedFile.toString(), "", page.violationId, false);
            photoError.text = r.ok ? "" : r.message;
        }
    }
}
