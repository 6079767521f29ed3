import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CcnInspect

// The parts of the minutes (biên bản) typed on site: I. participants by agency (add, edit,
// remove — each saved at once), II. findings and III. conclusions (saved while typing).
ColumnLayout {
    id: panel

    required property AppController app
    readonly property InspectionController insp: app.inspection
    readonly property MinutesController minutes: insp.minutes
    readonly property bool editable: insp.editable
    readonly property bool narrow: width < 700

    // The participant being edited ("" = the form adds a new one).
    property string editingId: ""
    // The participant being edited as the form showed it (unsavedInput).
    property var editingShown: ({})
    property var errors: ({})
    property string message: ""
    property var textErrors: ({})
    property string textMessage: ""
    property bool textSaved: true
    // The inspection the texts were read for.
    property string textsOf: ""

    function editParticipant(row) {
        // Through the controller: the save then writes only what the user changes.
        const p = minutes.participant(minutes.participants.get(row).id);
        editingId = p.id;
        nameField.text = p.name;
        positionField.text = p.positionTitle;
        agencyField.text = p.agency;
        editingShown = participantForm();
        errors = {};
        message = "";
        nameField.forceActiveFocus();
    }

    function clearForm() {
        editingId = "";
        nameField.text = "";
        positionField.text = "";
        errors = {};
        message = "";
    }

    function participantForm() {
        return {
            "name": nameField.text.trim(),
            "position_title": positionField.text.trim(),
            "agency": agencyField.text.trim()
        };
    }

    // What the participant form holds that is not saved, in words ("" when nothing): a person
    // typed and not added, or changes to one being edited.
    function unsavedInput() {
        if (!editable)
            return "";
        const form = participantForm();
        if (editingId === "")
            return form.name !== "" || form.position_title !== "" ? qsTr("Người tham gia đang nhập (%1) chưa được thêm vào biên bản.").arg(form.name || form.position_title) : "";
        return JSON.stringify(form) !== JSON.stringify(editingShown) ? qsTr("Thay đổi của người tham gia %1 chưa được lưu.").arg(form.name) : "";
    }

    // Keeps the agency: the next person is usually from the same one.
    function saveParticipant() {
        const r = minutes.saveParticipant(editingId, participantForm());
        errors = r.errors || {};
        message = r.ok ? "" : (r.message || "");
        if (r.ok)
            clearForm();
        return r.ok;
    }

    function saveTexts() {
        saveTimer.stop();
        const r = minutes.saveFindings(findingsField.text, conclusionsField.text);
        textErrors = r.errors || {};
        textMessage = r.ok ? "" : (r.message || "");
        // A text a sync round changed while the user changed it too is not saved again by
        // leaving the field: only by typing in it again, after reading what it was changed to.
        textSaved = r.ok || r.changedUnder === true;
        return r.ok;
    }

    function loadTexts() {
        saveTimer.stop();
        textsOf = insp.inspectionId;
        minutes.followPulledTexts(minutes.findings, minutes.conclusions);
        findingsField.text = minutes.findings;
        conclusionsField.text = minutes.conclusions;
        textErrors = {};
        textMessage = "";
        textSaved = true;
    }

    // A sync round wrote to the device: a text the user has not changed since it was shown or saved
    // shows the new text; one they are changing stays as typed (its save names the new one).
    function followPulledTexts() {
        const followed = minutes.followPulledTexts(findingsField.text, conclusionsField.text);
        if (followed.findings !== undefined)
            findingsField.text = followed.findings;
        if (followed.conclusions !== undefined)
            conclusionsField.text = followed.conclusions;
    }

    // The same for the participant being edited.
    function followPulledParticipant() {
        if (editingId === "")
            return;
        const followed = minutes.followPulledParticipant(editingId, participantForm());
        if (followed.name !== undefined)
            nameField.text = followed.name;
        if (followed.position_title !== undefined)
            positionField.text = followed.position_title;
        if (followed.agency !== undefined)
            agencyField.text = followed.agency;
        const form = participantForm();
        const shown = Object.assign({}, editingShown);
        for (const key in followed)
            shown[key] = form[key];
        editingShown = shown;
    }

    // "Một là …, Hai là …": the next item of the conclusions.
    function addConclusionItem() {
        // Part of the Vietnamese document itself, not of the interface: never translated.
        const ordinals = ["Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười"];
        const found = conclusionsField.text.match(/^(Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười) là/gm);
        const n = found ? found.length : 0;
        const word = n < ordinals.length ? ordinals[n] : String(n + 1);
        let t = conclusionsField.text;
        if (t !== "" && !t.endsWith("\n"))
            t += "\n";
        conclusionsField.text = t + word + " là, ";
        conclusionsField.cursorPosition = conclusionsField.text.length;
        conclusionsField.forceActiveFocus();
    }

    spacing: 6
    Component.onCompleted: loadTexts()

    Connections {
        function onInspectionChanged() {
            // A teammate's tablet submitted or discarded this inspection while the user was
            // typing in it: what they typed since the last save cannot be saved any more; it
            // stays on screen, said so, for them to copy, instead of vanishing.
            if (panel.insp.inspectionId === panel.textsOf && !panel.textSaved && !panel.editable) {
                saveTimer.stop();
                panel.textMessage = qsTr("Cuộc kiểm tra vừa được nộp hoặc bỏ từ máy khác nên không sửa được nữa: phần bạn gõ sau lần lưu cuối chưa được lưu (vẫn hiện ở đây để bạn chép lại).");
                panel.clearForm();
                return;
            }
            panel.loadTexts();
            panel.clearForm();
        }

        function onFormsPulled() {
            panel.followPulledTexts();
            panel.followPulledParticipant();
        }

        target: panel.insp
    }

    Timer {
        id: saveTimer

        interval: 800
        onTriggered: panel.saveTexts()
    }

    SectionHeading {
        text: qsTr("I. Thành phần tham gia (%1)").arg(panel.minutes.participants.count)
    }

    Label {
        Layout.fillWidth: true
        visible: panel.minutes.participants.count === 0
        text: qsTr("Chưa có người tham gia. Biên bản liệt kê từng người theo cơ quan: họ tên, chức vụ.")
        wrapMode: Text.Wrap
        color: "#555555"
    }

    Repeater {
        model: panel.minutes.participants

        ColumnLayout {
            id: participantRow

            required property var model
            required property int index

            Layout.fillWidth: true
            spacing: 2

            Label {
                Layout.fillWidth: true
                Layout.topMargin: 6
                visible: participantRow.index === 0 || panel.minutes.participants.get(participantRow.index - 1).agencyLabel !== participantRow.model.agencyLabel
                text: participantRow.model.agencyLabel
                font.bold: true
                color: "#0D47A1"
                elide: Text.ElideRight
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: 8

                Label {
                    Layout.fillWidth: true
                    Layout.leftMargin: 12
                    text: participantRow.model.name + (participantRow.model.positionTitle ? " — " + participantRow.model.positionTitle : "")
                    // Not wrapped: a wrapped label in a row keeps the height of its first,
                    // narrow layout pass in portrait.
                    elide: Text.ElideRight
                    font.bold: panel.editingId === participantRow.model.id
                }

                Button {
                    objectName: "editParticipant"
                    Layout.preferredHeight: 48
                    Layout.preferredWidth: 72
                    visible: panel.editable
                    text: qsTr("Sửa")
                    Accessible.name: qsTr("Sửa %1").arg(participantRow.model.name)
                    onClicked: panel.editParticipant(participantRow.index)
                }

                Button {
                    objectName: "removeParticipant"
                    Layout.preferredHeight: 48
                    Layout.preferredWidth: 72
                    visible: panel.editable
                    text: qsTr("Xoá")
                    Accessible.name: qsTr("Xoá %1").arg(participantRow.model.name)
                    onClicked: {
                        removeDialog.participantId = participantRow.model.id;
                        removeDialog.participantName = participantRow.model.name;
                        removeDialog.open();
                    }
                }
            }
        }
    }

    // The form: adds a participant, or changes the one chosen with "Sửa".
    Pane {
        Layout.fillWidth: true
        Layout.topMargin: 6
        visible: panel.editable
        padding: 12
        background: Rectangle {
            color: "#F5F7FA"
            border.color: "#D0D7E2"
            radius: 6
        }

        ColumnLayout {
            width: parent.width
            spacing: 4

            Label {
                text: panel.editingId === "" ? qsTr("Thêm người tham gia") : qsTr("Sửa người tham gia")
                font.bold: true
            }

            GridLayout {
                Layout.fillWidth: true
                columns: panel.narrow ? 1 : 3
                columnSpacing: 12
                rowSpacing: 2

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop

                    FieldLabel {
                        text: qsTr("Họ và tên")
                        required: true
                    }

                    TextField {
                        id: nameField

                        objectName: "participantName"
                        Layout.fillWidth: true
                        Layout.preferredHeight: 48
                        placeholderText: qsTr("Ví dụ: Nguyễn Văn An")
                        onAccepted: positionField.forceActiveFocus()
                    }

                    FieldError {
                        text: panel.errors.name || ""
                    }
                }

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop

                    FieldLabel {
                        text: qsTr("Chức vụ")
                    }

                    TextField {
                        id: positionField

                        objectName: "participantPosition"
                        Layout.fillWidth: true
                        Layout.preferredHeight: 48
                        placeholderText: qsTr("Ví dụ: Phó Giám đốc")
                        onAccepted: agencyField.forceActiveFocus()
                    }

                    FieldError {
                        text: panel.errors.position_title || ""
                    }
                }

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop

                    FieldLabel {
                        text: qsTr("Cơ quan, đơn vị")
                    }

                    TextField {
                        id: agencyField

                        objectName: "participantAgency"
                        Layout.fillWidth: true
                        Layout.preferredHeight: 48
                        placeholderText: qsTr("Ví dụ: Sở Công Thương")
                        onAccepted: panel.saveParticipant()
                    }

                    FieldError {
                        text: panel.errors.agency || ""
                    }
                }
            }

            FieldError {
                text: panel.message
            }

            RowLayout {
                spacing: 8

                Button {
                    objectName: "saveParticipant"
                    Layout.preferredHeight: 48
                    highlighted: true
                    text: panel.editingId === "" ? qsTr("+ Thêm vào biên bản") : qsTr("Lưu thay đổi")
                    onClicked: panel.saveParticipant()
                }

                Button {
                    Layout.preferredHeight: 48
                    visible: panel.editingId !== ""
                    text: qsTr("Huỷ")
                    onClicked: panel.clearForm()
                }
            }
        }
    }

    SectionHeading {
        Layout.fillWidth: true
        text: qsTr("II. Nội dung làm việc, kết quả kiểm tra")
    }

    TextArea {
        id: findingsField

        objectName: "findingsField"
        Layout.fillWidth: true
        Layout.minimumHeight: 140
        wrapMode: TextArea.Wrap
        readOnly: !panel.editable
        placeholderText: qsTr("Điều đã thấy, ý kiến của từng cơ quan…")
        background: Rectangle {
            color: "white"
            border.color: panel.textErrors.findings ? "#B71C1C" : (findingsField.activeFocus ? "#1565C0" : "#90A4C0")
            border.width: findingsField.activeFocus ? 2 : 1
            radius: 4
        }
        onTextChanged: if (activeFocus && panel.editable) {
            panel.textSaved = false;
            saveTimer.restart();
        }
        onEditingFinished: if (panel.editable && !panel.textSaved)
            panel.saveTexts()
    }

    FieldError {
        text: panel.textErrors.findings || ""
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: 8

        SectionHeading {
            Layout.fillWidth: true
            text: qsTr("III. Kết luận và kiến nghị")
        }

        Button {
            objectName: "addConclusionItem"
            Layout.preferredHeight: 48
            visible: panel.editable
            text: qsTr("+ Thêm ý (Một là…, Hai là…)")
            onClicked: panel.addConclusionItem()
        }
    }

    TextArea {
        id: conclusionsField

        objectName: "conclusionsField"
        Layout.fillWidth: true
        Layout.minimumHeight: 140
        wrapMode: TextArea.Wrap
        readOnly: !panel.editable
        placeholderText: qsTr("Một là, …\nHai là, …")
        background: Rectangle {
            color: "white"
            border.color: panel.textErrors.conclusions ? "#B71C1C" : (conclusionsField.activeFocus ? "#1565C0" : "#90A4C0")
            border.width: conclusionsField.activeFocus ? 2 : 1
            radius: 4
        }
        onTextChanged: if (activeFocus && panel.editable) {
            panel.textSaved = false;
            saveTimer.restart();
        }
        onEditingFinished: if (panel.editable && !panel.textSaved)
            panel.saveTexts()
    }

    FieldError {
        text: panel.textErrors.conclusions || ""
    }

    Label {
        Layout.fillWidth: true
        visible: panel.editable || panel.textMessage !== ""
        text: panel.textMessage !== "" ? panel.textMessage : (panel.textSaved ? qsTr("Đã lưu.") : qsTr("Đang lưu…"))
        color: panel.textMessage !== "" ? "#B71C1C" : "#555555"
        wrapMode: Text.Wrap
    }

    AppDialog {
        id: removeDialog

        property string participantId: ""
        property string participantName: ""

        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent ? parent.width - 32 : 480, 480)
        modal: true
        title: qsTr("Xoá người tham gia")
        standardButtons: Dialog.Yes | Dialog.No
        onAccepted: {
            const m = panel.minutes.removeParticipant(participantId);
            panel.message = m;
            if (m === "" && panel.editingId === participantId)
                panel.clearForm();
        }

        Label {
            width: parent.width
            text: qsTr("Xoá %1 khỏi thành phần tham gia?").arg(removeDialog.participantName)
            wrapMode: Text.Wrap
        }
    }
}
