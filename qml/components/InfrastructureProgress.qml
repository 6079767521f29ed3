import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CcnInspect

// The cluster's infrastructure items with their latest reading; records a new reading (percent,
// date, note — saved at once) and shows each item's history. The open form, its typed values and
// the open history live here, not in the rows: the rows are rebuilt when the cluster reloads.
ColumnLayout {
    id: box

    required property AppController app
    readonly property ClusterController cc: app.cluster
    // Readings are linked to this inspection (a progress-verification draft); "" = none.
    property string inspectionId: ""
    property bool editable: true

    property string formItemId: ""
    property string historyItemId: ""
    property string draftPercent: ""
    property string draftDate: ""
    property string draftNote: ""
    property var errors: ({})
    property string message: ""
    property string notice: ""
    // Bumped after a save so that the history is read again.
    property int revision: 0

    function openForm(itemId) {
        formItemId = itemId;
        draftPercent = "";
        draftDate = Qt.formatDate(new Date(), "dd/MM/yyyy");
        draftNote = "";
        errors = {};
        message = "";
        notice = "";
    }

    // A reading typed and not saved, in words ("" when none).
    function unsavedInput() {
        if (formItemId === "" || (draftPercent.trim() === "" && draftNote.trim() === ""))
            return "";
        const item = cc.infrastructure.find(i => i.id === formItemId);
        return qsTr("Số liệu tiến độ đang nhập (%1) chưa được lưu.").arg(item ? (item.name || item.kindLabel) : "");
    }

    function save() {
        const r = cc.recordProgress(formItemId, draftPercent, draftDate, draftNote, inspectionId);
        errors = r.errors || {};
        message = r.ok ? "" : (r.message || "");
        if (r.ok) {
            notice = qsTr("Đã lưu số liệu tiến độ.");
            historyItemId = formItemId;
            formItemId = "";
            revision++;
        }
        return r.ok;
    }

    spacing: 10

    Label {
        visible: box.cc.infrastructure.length === 0
        text: qsTr("Chưa có hạng mục hạ tầng.")
        color: "#555555"
    }

    Label {
        Layout.fillWidth: true
        visible: box.notice !== ""
        text: "✓ " + box.notice
        color: "#2E7D32"
        wrapMode: Text.Wrap
    }

    Repeater {
        model: box.cc.infrastructure

        ColumnLayout {
            id: itemRow

            required property var modelData
            readonly property bool formOpen: box.formItemId === modelData.id
            readonly property bool historyOpen: box.historyItemId === modelData.id

            Layout.fillWidth: true
            spacing: 4

            Label {
                Layout.fillWidth: true
                text: (itemRow.modelData.name || itemRow.modelData.kindLabel) + ": <b>" + itemRow.modelData.percentText + "</b>" + (itemRow.modelData.latestText ? " · " + qsTr("ngày %1").arg(itemRow.modelData.latestText) : "")
                textFormat: Text.StyledText
                wrapMode: Text.Wrap
            }

            ProgressBar {
                Layout.fillWidth: true
                from: 0
                to: 100
                value: Math.max(0, itemRow.modelData.percent)
            }

            Flow {
                Layout.fillWidth: true
                spacing: 8

                Button {
                    objectName: "recordProgress"
                    height: 48
                    visible: box.editable && !itemRow.formOpen
                    text: qsTr("+ Ghi số liệu mới")
                    Accessible.name: qsTr("Ghi số liệu mới cho %1").arg(itemRow.modelData.name)
                    onClicked: box.openForm(itemRow.modelData.id)
                }

                Button {
                    objectName: "progressHistory"
                    height: 48
                    text: itemRow.historyOpen ? qsTr("Ẩn lịch sử") : qsTr("Lịch sử")
                    onClicked: box.historyItemId = itemRow.historyOpen ? "" : itemRow.modelData.id
                }
            }

            // New reading.
            Pane {
                Layout.fillWidth: true
                visible: itemRow.formOpen
                padding: 12
                background: Rectangle {
                    color: "#F5F7FA"
                    border.color: "#D0D7E2"
                    radius: 6
                }

                ColumnLayout {
                    width: parent.width
                    spacing: 2

                    GridLayout {
                        Layout.fillWidth: true
                        columns: width > 520 ? 2 : 1
                        columnSpacing: 12

                        ColumnLayout {
                            Layout.fillWidth: true
                            Layout.alignment: Qt.AlignTop

                            FieldLabel {
                                text: qsTr("Tỷ lệ hoàn thành (%)")
                                required: true
                            }

                            TextField {
                                objectName: "progressPercent"
                                Layout.fillWidth: true
                                Layout.preferredHeight: 48
                                text: box.draftPercent
                                inputMethodHints: Qt.ImhFormattedNumbersOnly
                                placeholderText: qsTr("0–100, ví dụ 62,5")
                                onTextEdited: box.draftPercent = text
                                onAccepted: box.save()
                            }

                            FieldError {
                                text: box.errors.percent || ""
                            }
                        }

                        ColumnLayout {
                            Layout.fillWidth: true
                            Layout.alignment: Qt.AlignTop

                            FieldLabel {
                                text: qsTr("Ngày ghi nhận (ngày/tháng/năm)")
                                required: true
                            }

                            TextField {
                                objectName: "progressDate"
                                Layout.fillWidth: true
                                Layout.preferredHeight: 48
                                text: box.draftDate
                                inputMethodHints: Qt.ImhDate
                                onTextEdited: box.draftDate = text
                                onAccepted: box.save()
                            }

                            FieldError {
                                text: box.errors.date || ""
                            }
                        }
                    }

                    FieldLabel {
                        text: qsTr("Ghi chú")
                    }

                    TextField {
                        objectName: "progressNote"
                        Layout.fillWidth: true
                        Layout.preferredHeight: 48
                        text: box.draftNote
                        placeholderText: qsTr("Ví dụ: đã trải nhựa tuyến chính")
                        onTextEdited: box.draftNote = text
                        onAccepted: box.save()
                    }

                    FieldError {
                        text: box.errors.note || ""
                    }

                    FieldError {
                        text: box.message
                    }

                    RowLayout {
                        spacing: 8

                        Button {
                            objectName: "saveProgress"
                            Layout.preferredHeight: 48
                            highlighted: true
                            text: qsTr("Lưu số liệu")
                            onClicked: box.save()
                        }

                        Button {
                            Layout.preferredHeight: 48
                            text: qsTr("Huỷ")
                            onClicked: box.formItemId = ""
                        }
                    }
                }
            }

            // History, newest first.
            ColumnLayout {
                Layout.fillWidth: true
                Layout.leftMargin: 12
                visible: itemRow.historyOpen
                spacing: 2

                Repeater {
                    id: historyRepeater

                    model: itemRow.historyOpen ? (box.revision, box.cc.progressHistory(itemRow.modelData.id)) : []

                    Label {
                        required property var modelData

                        Layout.fillWidth: true
                        text: "• " + modelData.dateText + ": <b>" + modelData.percentText + "</b>" + (modelData.inInspection ? " · " + qsTr("trong cuộc kiểm tra") : "") + (modelData.note ? " — " + modelData.note : "")
                        textFormat: Text.StyledText
                        wrapMode: Text.Wrap
                    }
                }

                Label {
                    visible: historyRepeater.count === 0
                    text: qsTr("Chưa có số liệu nào.")
                    color: "#555555"
                }
            }
        }
    }
}
