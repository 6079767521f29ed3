import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CcnInspect

// One cluster: figures (fill rate derived), infrastructure progress, open violations, tenants,
// past inspections; starts an inspection at the current position.
Page {
    id: page

    required property AppController app
    readonly property ClusterController cc: app.cluster
    readonly property bool wide: width > 900

    signal checklistRequested

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
                        if (resume || page.app.inspection.start(page.cc.clusterId, "periodic"))
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

                Label {
                    visible: page.cc.infrastructure.length === 0
                    text: qsTr("Chưa có hạng mục hạ tầng.")
                    color: "#555555"
                }

                Repeater {
                    model: page.cc.infrastructure

                    Column {
                        required property var modelData

                        Layout.fillWidth: true
                        spacing: 2

                        Label {
                            width: parent.width
                            text: (parent.modelData.name || parent.modelData.kindLabel) + ": <b>" + parent.modelData.percentText + "</b>"
                            textFormat: Text.StyledText
                            wrapMode: Text.Wrap
                        }

                        ProgressBar {
                            width: parent.width
                            from: 0
                            to: 100
                            value: Math.max(0, parent.modelData.percent)
                        }
                    }
                }

                SectionHeading {
                    text: qsTr("Vi phạm chưa khắc phục (%1)").arg(page.cc.openViolations.length)
                }

                Repeater {
                    model: page.cc.openViolations

                    Pane {
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
}
