import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CcnInspect

// One cluster: figures (fill rate derived), infrastructure progress, open violations, tenants,
// past inspections; starts an inspection of the chosen kind at the current position; records
// progress readings and moves open violations forward along their follow-up.
Page {
    id: page

    required property AppController app
    readonly property ClusterController cc: app.cluster
    readonly property bool wide: width > 900
    // The kind of inspection the start button begins.
    property string kind: "periodic"
    // Follow-up: the message of the last refused move, per violation id, and of the last move.
    property var followErrors: ({})
    property string followNotice: ""
    readonly property InfrastructureProgress progressBox: progressBox
    readonly property Dialog moveDialog: moveDialog

    // Scrolls to the infrastructure progress (below the figures in portrait).
    function showProgress() {
        const p = progressBox.mapToItem(content, 0, 0);
        flick.contentY = Math.max(0, Math.min(p.y - 60, flick.contentHeight - flick.height));
    }

    function moveViolation(violationId, status) {
        const m = cc.setViolationStatus(violationId, status);
        const errs = Object.assign({}, followErrors);
        errs[violationId] = m;
        followErrors = errs;
        followNotice = m === "" ? qsTr("Đã chuyển vi phạm sang “%1”.").arg(app.labels.violationStatus(status)) : "";
        return m === "";
    }

    readonly property alias unsavedDialog: unsavedDialog
    signal checklistRequested

    // Back from this page (Main.goBack): a reading typed and not saved is asked about first.
    function leave(proceed) {
        unsavedDialog.ask(progressBox.unsavedInput(), proceed);
    }

    title: cc.name

    Flickable {
        id: flick

        anchors.fill: parent
        contentHeight: content.implicitHeight + 32
        clip: true
        ScrollBar.vertical: ScrollBar {
        }

        GridLayout {
            id: content

            x: 16
            y: 16
            width: flick.width - 32
            columns: page.wide ? 2 : 1
            columnSpacing: 24
            rowSpacing: 16

            // Left column (or top in portrait): figures and starting the inspection.
            ColumnLayout {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 1
                spacing: 12

                SectionHeading {
                    text: qsTr("Bắt đầu kiểm tra")
                }

                Label {
                    Layout.fillWidth: true
                    visible: page.app.inspection.lastError !== ""
                    text: page.app.inspection.lastError
                    color: "#B71C1C"
                    wrapMode: Text.Wrap
                }

                Flow {
                    Layout.fillWidth: true
                    spacing: 8
                    visible: !startButton.resume

                    Repeater {
                        model: ["periodic", "unscheduled", "follow_up", "progress_verification"]

                        ChoiceButton {
                            required property string modelData

                            objectName: "kind_" + modelData
                            text: page.app.labels.inspectionKind(modelData)
                            checked: page.kind === modelData
                            onClicked: page.kind = modelData
                        }
                    }
                }

                Button {
                    id: startButton

                    objectName: "startButton"

                    Layout.fillWidth: true
                    Layout.preferredHeight: 56
                    highlighted: true
                    // A draft of this cluster is open: continue it rather than start another.
                    readonly property bool resume: page.app.inspection.active && page.app.inspection.editable && page.app.inspection.clusterId === page.cc.clusterId

                    text: resume ? qsTr("Tiếp tục cuộc kiểm tra đang làm") : qsTr("Bắt đầu kiểm tra tại hiện trường")
                    onClicked: {
                        if (resume || page.app.inspection.start(page.cc.clusterId, page.kind))
                            page.checklistRequested();
                    }
                    Keys.onReturnPressed: clicked()
                }

                PositionPanel {
                    Layout.fillWidth: true
                    app: page.app
                }
                SectionHeading {
                    text: qsTr("Thông tin chính")
                }

                GridLayout {
                    Layout.fillWidth: true
                    columns: 2
                    columnSpacing: 16
                    rowSpacing: 6

                    Repeater {
                        model: page.cc.figures

                        Label {
                            required property var modelData
                            required property int index

                            Layout.row: index
                            Layout.column: 0
                            Layout.alignment: Qt.AlignTop
                            text: modelData.label
                            color: "#555555"
                        }
                    }

                    Repeater {
                        model: page.cc.figures

                        Label {
                            required property var modelData
                            required property int index

                            Layout.row: index
                            Layout.column: 1
                            Layout.fillWidth: true
                            text: modelData.value
                            wrapMode: Text.Wrap
                            font.bold: true
                        }
                    }
                }

                ProgressBar {
                    Layout.fillWidth: true
                    visible: page.cc.fillRate >= 0
                    from: 0
                    to: 100
                    value: Math.max(0, page.cc.fillRate)
                }
            }

            // Right column (or below): infrastructure, violations, tenants, inspections.
            ColumnLayout {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 1
                spacing: 10

                SectionHeading {
                    text: qsTr("Tiến độ hạ tầng")
                }

                InfrastructureProgress {
                    id: progressBox

                    objectName: "clusterProgress"
                    Layout.fillWidth: true
                    app: page.app
                }

                SectionHeading {
                    text: qsTr("Vi phạm chưa khắc phục (%1)").arg(page.cc.openViolations.length)
                }

                Label {
                    Layout.fillWidth: true
                    visible: page.followNotice !== ""
                    text: "✓ " + page.followNotice
                    color: "#2E7D32"
                    wrapMode: Text.Wrap
                }

                Repeater {
                    model: page.cc.openViolations

                    Pane {
                        id: violationPane

                        required property var modelData

                        Layout.fillWidth: true
                        padding: 10
                        background: Rectangle {
                            color: "#FFEBEE"
                            radius: 6
                        }

                        ColumnLayout {
                            width: parent.width
                            spacing: 2

                            Label {
                                Layout.fillWidth: true
                                text: modelData.observed
                                wrapMode: Text.Wrap
                                font.bold: true
                            }

                            Label {
                                Layout.fillWidth: true
                                text: [modelData.severityLabel, modelData.statusLabel, modelData.deadlineText ? qsTr("hạn %1").arg(modelData.deadlineText) : ""].filter(s => s).join(" · ")
                                wrapMode: Text.Wrap
                                color: "#424242"
                            }

                            // Forward moves only (the follow-up never goes back).
                            Flow {
                                Layout.fillWidth: true
                                Layout.topMargin: 4
                                spacing: 8
                                visible: modelData.nextStatuses.length > 0

                                Label {
                                    height: 48
                                    verticalAlignment: Text.AlignVCenter
                                    text: qsTr("Chuyển sang:")
                                    color: "#424242"
                                }

                                Repeater {
                                    model: modelData.nextStatuses

                                    Button {
                                        required property var modelData

                                        objectName: "move_" + modelData.value
                                        height: 48
                                        text: modelData.label
                                        onClicked: {
                                            moveDialog.violationId = violationPane.modelData.id;
                                            moveDialog.status = modelData.value;
                                            moveDialog.statusLabel = modelData.label;
                                            moveDialog.open();
                                        }
                                    }
                                }
                            }

                            FieldError {
                                text: page.followErrors[modelData.id] || ""
                            }
                        }
                    }
                }

                SectionHeading {
                    text: qsTr("Cơ sở sản xuất (%1)").arg(page.cc.tenants.length)
                }

                Repeater {
                    model: page.cc.tenants

                    RowLayout {
                        required property var modelData

                        Layout.fillWidth: true

                        Label {
                            Layout.fillWidth: true
                            text: modelData.name + (modelData.industry ? " — " + modelData.industry : "")
                            wrapMode: Text.Wrap
                        }

                        Label {
                            text: [modelData.statusLabel, modelData.landText].filter(s => s).join(" · ")
                            color: modelData.status === "operating" ? "#2E7D32" : "#B71C1C"
                        }
                    }
                }

                SectionHeading {
                    text: qsTr("Các lần kiểm tra (%1)").arg(page.cc.inspections.length)
                }

                Repeater {
                    model: page.cc.inspections

                    ItemDelegate {
                        required property var modelData

                        Layout.fillWidth: true
                        text: modelData.startedText + " · " + modelData.kindLabel + " · " + modelData.statusLabel + (modelData.violation_count > 0 ? " · " + qsTr("%n vi phạm", "", modelData.violation_count) : "")
                        onClicked: {
                            if (page.app.inspection.open(modelData.id))
                                page.checklistRequested();
                        }
                    }
                }
            }
        }
    }

    AppDialog {
        id: moveDialog

        property string violationId: ""
        property string status: ""
        property string statusLabel: ""

        objectName: "moveDialog"
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 520)
        modal: true
        title: qsTr("Theo dõi vi phạm")
        standardButtons: Dialog.Yes | Dialog.No
        onAccepted: page.moveViolation(violationId, status)

        Label {
            width: parent.width
            text: qsTr("Chuyển vi phạm sang trạng thái “%1”? Sau khi chuyển không thể quay lại trạng thái trước.").arg(moveDialog.statusLabel)
            wrapMode: Text.Wrap
        }
    }

    UnsavedDialog {
        id: unsavedDialog
    }
}
