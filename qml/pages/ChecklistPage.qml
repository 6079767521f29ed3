import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CcnInspect

// The inspection's checklist: sections, progress, one editor per question kind (each answer
// saved at once), violations and photos, submit with the missing items named.
Page {
    id: page

    required property AppController app
    readonly property InspectionController insp: app.inspection
    readonly property ChecklistModel checklist: insp.checklist
    readonly property Dialog missingDialog: missingDialog

    property bool hasCamera: false

    signal cameraRequested(string questionId)
    signal violationRequested(string violationId)
    signal photoRequested(string photoId)

    // The parts of the page: questions, the minutes' participants and texts, and on a
    // progress-verification inspection the infrastructure readings.
    readonly property var tabs: insp.kind === "progress_verification" ? ["questions", "minutes", "progress"] : ["questions", "minutes"]
    readonly property string currentTab: tabs[Math.max(0, tabBar.currentIndex)] || "questions"
    readonly property alias unsavedDialog: unsavedDialog
    readonly property MinutesPanel minutes: minutesPanel

    function showRow(row) {
        showTab("questions");
        questions.positionViewAtIndex(row, ListView.Beginning);
    }

    function showTab(name) {
        const i = tabs.indexOf(name);
        if (i >= 0)
            tabBar.currentIndex = i;
        return i >= 0;
    }

    // Back from this page (Main.goBack): a person or a reading typed and not saved is asked
    // about first.
    function leave(proceed) {
        unsavedDialog.ask(minutes.unsavedInput() || progressBox.unsavedInput(), proceed);
    }

    function submit() {
        // The minutes' texts typed in the last moment (saved while typing, after a pause) go
        // with the submission; one not saved (a round changed it meanwhile) is shown first.
        if (!minutes.textSaved && !minutes.saveTexts()) {
            showTab("minutes");
            return;
        }
        if (insp.submit())
            submittedDialog.open();
        else
            missingDialog.open();
    }

    title: qsTr("Phiếu kiểm tra — %1").arg(insp.clusterName)

    header: Pane {
        padding: 10
        background: Rectangle {
            color: "#F5F7FA"
            border.color: "#D0D7E2"
        }

        ColumnLayout {
            width: parent.width
            spacing: 6

            Label {
                Layout.fillWidth: true
                text: page.insp.summary + " · " + page.insp.positionText
                wrapMode: Text.Wrap
                color: "#424242"
            }

            Label {
                Layout.fillWidth: true
                visible: page.insp.positionWarning !== ""
                text: "⚠ " + page.insp.positionWarning
                wrapMode: Text.Wrap
                color: "#E65100"
                font.bold: true
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: 12

                ProgressBar {
                    Layout.fillWidth: true
                    from: 0
                    to: 1
                    value: page.checklist.progress
                }

                Label {
                    text: qsTr("%1/%2 câu").arg(page.checklist.answeredCount).arg(page.checklist.count)
                    font.bold: true
                }

                ComboBox {
                    id: sectionBox

                    visible: page.currentTab === "questions"
                    Layout.preferredWidth: Math.min(360, page.width / 2.5)
                    Layout.preferredHeight: 48
                    model: page.checklist.sectionTitles
                    displayText: qsTr("Đến mục…")
                    onActivated: index => {
                        const row = page.checklist.firstRowOfSection(index);
                        if (row >= 0)
                            questions.positionViewAtIndex(row, ListView.Beginning);
                    }
                }
            }

            TabBar {
                id: tabBar

                objectName: "checklistTabs"
                Layout.fillWidth: true

                Repeater {
                    model: page.tabs

                    TabButton {
                        id: tab

                        required property string modelData

                        implicitHeight: 48
                        // The chosen tab filled (Basic style fills the others).
                        background: Rectangle {
                            color: tab.checked ? "#0D47A1" : (tab.down ? "#D0DCEB" : "#E3EAF3")
                            border.color: tab.visualFocus ? "#FF8F00" : "#B8C4D4"
                        }
                        contentItem: Text {
                            text: tab.text
                            font: tab.font
                            color: tab.checked ? "white" : "#0D2A4D"
                            horizontalAlignment: Text.AlignHCenter
                            verticalAlignment: Text.AlignVCenter
                            elide: Text.ElideRight
                        }
                        text: modelData === "questions" ? qsTr("Câu hỏi") : modelData === "minutes" ? qsTr("Thành phần, kết luận") : qsTr("Tiến độ hạ tầng")
                    }
                }
            }
        }
    }

    // Keeps the cluster page's data on the inspected cluster (the progress tab reads it).
    Component.onCompleted: if (insp.active && app.cluster.clusterId !== insp.clusterId)
        app.cluster.load(insp.clusterId)

    Flickable {
        id: minutesFlick

        objectName: "minutesFlick"
        anchors.fill: parent
        visible: page.currentTab === "minutes"
        contentHeight: minutesPanel.implicitHeight + 32
        clip: true
        ScrollBar.vertical: ScrollBar {
        }

        MinutesPanel {
            id: minutesPanel

            x: 16
            y: 16
            width: minutesFlick.width - 32
            app: page.app
        }
    }

    Flickable {
        id: progressFlick

        anchors.fill: parent
        visible: page.currentTab === "progress"
        contentHeight: progressPanel.implicitHeight + 32
        clip: true
        ScrollBar.vertical: ScrollBar {
        }

        ColumnLayout {
            id: progressPanel

            x: 16
            y: 16
            width: progressFlick.width - 32

            SectionHeading {
                text: qsTr("Tiến độ hạ tầng — số liệu ghi trong cuộc kiểm tra này")
            }

            InfrastructureProgress {
                id: progressBox

                Layout.fillWidth: true
                app: page.app
                inspectionId: page.insp.inspectionId
                editable: page.insp.editable
            }
        }
    }

    ListView {
        id: questions

        objectName: "questions"

        anchors.fill: parent
        visible: page.currentTab === "questions"
        clip: true
        model: page.checklist
        spacing: 4
        cacheBuffer: 2000
        ScrollBar.vertical: ScrollBar {
        }
        section.property: "sectionTitle"
        section.criteria: ViewSection.FullString
        section.delegate: Rectangle {
            required property string section

            width: ListView.view.width
            height: sectionLabel.implicitHeight + 16
            color: "#E3F2FD"

            Label {
                id: sectionLabel

                x: 16
                y: 8
                width: parent.width - 32
                text: parent.section
                wrapMode: Text.Wrap
                font.bold: true
                font.pixelSize: 18
                color: "#0D47A1"
            }
        }

        delegate: QuestionDelegate {
            width: ListView.view.width
            app: page.app
            hasCamera: page.hasCamera
            onPhotoRequested: photoId => page.photoRequested(photoId)
            onCameraRequested: questionId => page.cameraRequested(questionId)
        }

        footer: ColumnLayout {
            width: ListView.view.width
            spacing: 8

            SectionHeading {
                Layout.leftMargin: 16
                text: qsTr("Vi phạm đã ghi nhận (%1)").arg(page.insp.violations.count)
            }

            Repeater {
                model: page.insp.violations

                ItemDelegate {
                    required property var model

                    Layout.fillWidth: true
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                    text: model.categoryTitle + " — " + model.severityLabel + " · " + model.statusLabel + (model.deadlineText ? " · " + qsTr("hạn %1").arg(model.deadlineText) : "") + (model.photoCount > 0 ? " · " + qsTr("%n ảnh", "", model.photoCount) : "")
                    onClicked: page.violationRequested(model.id)
                }
            }

            Button {
                Layout.leftMargin: 16
                Layout.preferredHeight: 52
                text: qsTr("+ Ghi nhận vi phạm")
                enabled: page.insp.editable
                onClicked: page.violationRequested("")
            }

            SectionHeading {
                Layout.leftMargin: 16
                text: qsTr("Ảnh của cuộc kiểm tra (%1)").arg(page.insp.photos.count)
            }

            PhotoStrip {
                Layout.fillWidth: true
                Layout.leftMargin: 16
                photos: page.insp.photos
                onPhotoClicked: photoId => page.photoRequested(photoId)
            }

            Item {
                Layout.preferredHeight: 24
            }
        }
    }

    footer: ToolBar {
        background: Rectangle {
            color: "#F5F7FA"
            border.color: "#D0D7E2"
        }

        RowLayout {
            anchors.fill: parent
            anchors.margins: 8
            spacing: 8

            Label {
                Layout.fillWidth: true
                text: page.insp.editable ? qsTr("Câu trả lời được lưu ngay khi nhập.") : page.insp.deleted ? qsTr("Cuộc kiểm tra này đã bị xoá (trên máy này hoặc trên máy khác, vừa được đồng bộ về): chỉ xem. Những gì đã lưu trên máy này vẫn được gửi lên máy chủ, nơi giám sát viên có thể khôi phục nó.") : qsTr("Cuộc kiểm tra đã gửi: chỉ xem.")
                color: "#424242"
                wrapMode: Text.Wrap
            }

            Button {
                id: submitButton

                objectName: "submitButton"

                Layout.preferredHeight: 52
                highlighted: true
                enabled: page.insp.editable
                text: qsTr("Gửi kết quả kiểm tra")
                onClicked: page.submit()
            }
        }
    }

    AppDialog {
        id: missingDialog

        objectName: "missingDialog"
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 640)
        modal: true
        title: qsTr("Chưa gửi được")
        standardButtons: Dialog.Ok

        Label {
            width: parent.width
            text: page.insp.submitMessage
            wrapMode: Text.Wrap
        }
    }

    AppDialog {
        id: submittedDialog

        anchors.centerIn: parent
        width: Math.min(page.width - 32, 480)
        modal: true
        title: qsTr("Đã gửi")
        standardButtons: Dialog.Ok

        Label {
            width: parent.width
            text: qsTr("Kết quả kiểm tra đã được lưu và sẽ được đồng bộ khi có mạng.")
            wrapMode: Text.Wrap
        }
    }

    UnsavedDialog {
        id: unsavedDialog
    }
}
