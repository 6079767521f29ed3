import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CcnInspect

// The clusters of the province: search (case and diacritics ignored) and filter chips.
Page {
    id: page

    required property AppController app
    // Null until the launcher starts sync: then a search index that could not be written says so.
    property SyncClient syncClient: null

    signal clusterChosen(string clusterId)

    title: qsTr("Cụm công nghiệp")

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8

        TextField {
            id: searchField

            objectName: "searchField"

            Layout.fillWidth: true
            Layout.preferredHeight: 56
            placeholderText: qsTr("Tìm theo tên cụm, mã, chủ đầu tư, địa phương…")
            inputMethodHints: Qt.ImhNoPredictiveText
            maximumLength: 200
            selectByMouse: true
            focus: true
            onTextChanged: {
                page.app.clusters.searchText = text;
                page.app.search.text = text.length >= 2 ? text : "";
            }
            Keys.onReturnPressed: if (list.count > 0)
                page.clusterChosen(page.app.clusters.get(0).id)
        }

        Flow {
            Layout.fillWidth: true
            spacing: 8

            FilterChip {
                text: qsTr("Tất cả")
                checked: page.app.clusters.statusFilter === "" && !page.app.clusters.noWastewaterPlant && !page.app.clusters.openViolationsOnly
                onClicked: page.app.clusters.clearFilters()
            }

            Repeater {
                model: page.app.labels.clusterStatusOptions()

                FilterChip {
                    required property var modelData

                    text: modelData.label
                    checked: page.app.clusters.statusFilter === modelData.value
                    onClicked: page.app.clusters.statusFilter = checked ? "" : modelData.value
                }
            }

            FilterChip {
                text: qsTr("Chưa có trạm xử lý nước thải")
                checked: page.app.clusters.noWastewaterPlant
                onClicked: page.app.clusters.noWastewaterPlant = !checked
            }

            FilterChip {
                text: qsTr("Có vi phạm chưa khắc phục")
                checked: page.app.clusters.openViolationsOnly
                onClicked: page.app.clusters.openViolationsOnly = !checked
            }
        }

        Label {
            visible: page.app.clusters.loaded
            text: qsTr("%n cụm", "", list.count)
            color: "#555555"
        }

        ListView {
            id: list

            objectName: "clusterList"

            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: page.app.clusters
            spacing: 6
            keyNavigationEnabled: true
            activeFocusOnTab: true
            ScrollBar.vertical: ScrollBar {
            }

            delegate: ItemDelegate {
                id: row

                required property int index
                required property var model
                required property string name
                required property string statusLabel
                required property string province
                required property string areaText
                required property string fillRateText
                required property double fillRate
                required property int openViolations
                required property int tenantCount
                required property string wwtpLabel
                required property string wwtpStatus

                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                onClicked: page.clusterChosen(row.model.id)
                Keys.onReturnPressed: page.clusterChosen(row.model.id)
                padding: 12

                background: Rectangle {
                    color: row.highlighted || row.down ? "#E3F2FD" : "white"
                    border.color: "#D0D7E2"
                    radius: 6
                }

                contentItem: RowLayout {
                    spacing: 12

                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 4

                        Label {
                            Layout.fillWidth: true
                            text: row.name
                            font.pixelSize: 19
                            font.bold: true
                            elide: Label.ElideRight
                        }

                        Label {
                            Layout.fillWidth: true
                            text: [row.statusLabel, row.province, row.areaText].filter(s => s !== "").join(" · ")
                            color: "#424242"
                            wrapMode: Text.Wrap
                        }

                        Label {
                            Layout.fillWidth: true
                            text: row.wwtpLabel + " · " + qsTr("%n cơ sở sản xuất", "", row.tenantCount)
                            color: row.wwtpStatus === "operating" ? "#2E7D32" : "#B71C1C"
                            wrapMode: Text.Wrap
                            font.pixelSize: 15
                        }
                    }

                    ColumnLayout {
                        spacing: 4

                        Label {
                            Layout.alignment: Qt.AlignRight
                            text: row.fillRate >= 0 ? qsTr("Lấp đầy %1").arg(row.fillRateText) : qsTr("Lấp đầy: chưa rõ")
                            font.bold: true
                        }

                        ProgressBar {
                            Layout.alignment: Qt.AlignRight
                            Layout.preferredWidth: 140
                            from: 0
                            to: 100
                            value: Math.max(0, row.fillRate)
                        }

                        Label {
                            Layout.alignment: Qt.AlignRight
                            visible: row.openViolations > 0
                            text: qsTr("%n vi phạm chưa khắc phục", "", row.openViolations)
                            color: "white"
                            font.pixelSize: 14
                            padding: 4
                            background: Rectangle {
                                color: "#C62828"
                                radius: 4
                            }
                        }
                    }
                }
            }

            footer: ColumnLayout {
                width: ListView.view.width
                visible: page.app.search.count > 0 || page.app.search.unindexed > 0
                spacing: 4

                Label {
                    Layout.topMargin: 12
                    text: qsTr("Cơ sở sản xuất và cuộc kiểm tra")
                    font.bold: true
                }

                Label {
                    objectName: "searchUnindexed"

                    readonly property string failure: page.syncClient ? page.syncClient.searchIndexError : ""

                    Layout.fillWidth: true
                    visible: page.app.search.unindexed > 0
                    wrapMode: Text.WordWrap
                    color: failure.length > 0 ? "#B3261E" : "#5F6368"
                    text: failure.length > 0 ? failure : qsTr("Đang lập chỉ mục tìm kiếm cho %n mục vừa tải về; kết quả có thể chưa đủ.", "", page.app.search.unindexed)
                }

                Repeater {
                    model: page.app.search

                    ItemDelegate {
                        required property string kind
                        required property string clusterId
                        required property string title
                        required property string subtitle

                        Layout.fillWidth: true
                        visible: kind !== "cluster"
                        text: title + (subtitle !== "" ? " — " + subtitle : "")
                        onClicked: page.clusterChosen(clusterId)
                    }
                }
            }

            // The app's first frame comes before the clusters are read.
            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                width: parent.width - 48
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: page.app.clusters.loaded ? qsTr("Không có cụm nào khớp. Hãy bỏ bớt bộ lọc hoặc sửa từ khoá.") : qsTr("Đang tải danh sách cụm…")
                color: "#555555"
            }
        }
    }
}
