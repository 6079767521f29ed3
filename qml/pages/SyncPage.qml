import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CcnInspect

// Sync status: online or not, what waits to be sent, progress, last sync, what went wrong and what
// to do, the sync button, changes the registry refused, and conflicts for supervisors.
Page {
    id: page

    required property SyncClient syncClient
    // Tables, columns and operations in the user's words (refused changes, conflicts).
    required property DomainLabels labels

    // What the supervisor typed for a conflict (id -> text) and has not used yet: the list is
    // read again after each resolution and round, and its cards are made anew.
    property var ownValueDrafts: ({})
    // Why the registry did not take a choice (id -> message), shown on the conflict's card,
    // where the supervisor clicked: the list read again shows what changed.
    property var resolveMessages: ({})
    // The user asked to send other users' waiting changes under their own name: the page asks
    // them to confirm.
    property bool adoptAsked: false
    // The tablet's refused changes, and a supervisor's conflicts and refused changes, are shown a
    // page at a time, oldest first: every card is made anew each time a list is read again (after
    // each round and resolution), and a thousand conflict cards took over a second to make here,
    // each time. "Hiện thêm" shows the next page.
    property int listPageSize: 20
    property int conflictsShown: listPageSize
    property int refusedShown: listPageSize
    property int rejectionsShown: listPageSize
    // How many of the lists as fetched are on the page.
    readonly property int conflictsOnPage: Math.min(conflictsShown, syncClient.conflicts.length)
    readonly property int rejectionsOnPage: Math.min(rejectionsShown, syncClient.registryRejections.length)

    // Asks the app to show LoginPage (after logout or when the session ended).
    signal loginRequested

    readonly property alias unsavedDialog: unsavedDialog

    // Back from this page (Main.goBack): a value the supervisor typed for a conflict still open,
    // and not used, is asked about first.
    function leave(proceed) {
        const conflicts = syncClient.conflicts || [];
        const typed = conflicts.filter(c => (ownValueDrafts[c.id] || "").trim() !== "").length;
        unsavedDialog.ask(typed > 0 ? qsTr("Giá trị bạn tự nhập cho %n xung đột chưa được dùng.", "", typed) : "", proceed);
    }

    // A change's values without the empty ones (an insert names every column).
    function filledFields(fields) {
        const filled = {};
        for (const name in fields || {})
            if (fields[name] !== null && fields[name] !== "")
                filled[name] = fields[name];
        return filled;
    }

    // A round's phase (SyncClient::phase) in the user's words.
    function phaseText(phase) {
        switch (phase) {
        case "push":
            return qsTr("Đang gửi thay đổi lên máy chủ…");
        case "pull":
            return qsTr("Đang tải dữ liệu mới về máy…");
        case "photos":
            return qsTr("Đang gửi ảnh…");
        case "thumbs":
            return qsTr("Đang tải ảnh thu nhỏ…");
        default:
            return qsTr("Đang đồng bộ…");
        }
    }

    title: qsTr("Đồng bộ")

    Connections {
        function onConflictResolved(ok, message, conflictId) {
            const messages = Object.assign({}, page.resolveMessages);
            if (ok)
                delete messages[conflictId];
            else
                messages[conflictId] = message;
            page.resolveMessages = messages;
        }

        target: page.syncClient
    }

    Component.onCompleted: {
        page.syncClient.refreshCounts();
        // A supervisor's lists, read when the page opens (and after each good round).
        page.syncClient.fetchSupervisorLists();
        page.syncClient.fetchDevices();
    }

    // Who saved one of a conflict's values and when it reached the registry; empty when the
    // registry does not say (one older than this app).
    function savedBy(username, deviceName, at) {
        if (!at)
            return "";
        const when = page.labels.dateTime(at);
        if (!username)
            return qsTr("Máy chủ tự ghi (nhập dữ liệu hoặc dữ liệu mẫu), lúc %1.").arg(when);
        if (!deviceName)
            return qsTr("%1 lưu, đồng bộ lên lúc %2.").arg(username).arg(when);
        return qsTr("%1 lưu trên máy %2, đồng bộ lên lúc %3.").arg(username).arg(deviceName).arg(when);
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width - 32
            x: 16
            spacing: 12

            Item {
                Layout.preferredHeight: 8
            }

            RowLayout {
                Layout.fillWidth: true

                Rectangle {
                    width: 16
                    height: 16
                    radius: 8
                    color: page.syncClient.online ? "#2e7d32" : "#9e9e9e"
                }

                Label {
                    Layout.fillWidth: true
                    text: page.syncClient.online ? qsTr("Đang có mạng") : qsTr("Không có mạng — dữ liệu được lưu trên máy và sẽ gửi khi có mạng")
                    wrapMode: Text.WordWrap
                }
            }

            Label {
                Layout.fillWidth: true
                text: page.syncClient.loggedIn ? qsTr("Người dùng: %1 (%2)").arg(page.syncClient.user).arg(page.labels.role(page.syncClient.role)) : qsTr("Chưa đăng nhập")
                wrapMode: Text.WordWrap
            }

            Label {
                Layout.fillWidth: true
                font.bold: true
                text: page.syncClient.pendingRecords === 0 && page.syncClient.pendingPhotos === 0 ? (page.syncClient.othersPendingRecords === 0 ? qsTr("Mọi thay đổi đã được gửi lên máy chủ.") : qsTr("Mọi thay đổi của bạn đã được gửi lên máy chủ.")) : qsTr("Đang chờ gửi: %1 bản ghi (%2), %3 ảnh (%4)").arg(page.syncClient.pendingRecords).arg(page.syncClient.sizeText(page.syncClient.pendingRecordBytes)).arg(page.syncClient.pendingPhotos).arg(page.syncClient.sizeText(page.syncClient.pendingPhotoBytes))
                wrapMode: Text.WordWrap
            }

            // Changes another user made on this tablet: the registry takes a change as its
            // sender's, so they wait for their author to log in here (or are taken over).
            Label {
                Layout.fillWidth: true
                visible: page.syncClient.othersPendingRecords > 0
                text: qsTr("%n thay đổi của %1 đang chờ người đó đăng nhập trên máy này để gửi: máy chủ ghi mỗi thay đổi dưới tên người gửi.", "", page.syncClient.othersPendingRecords).arg(page.syncClient.othersPendingAuthors)
                wrapMode: Text.WordWrap
            }

            // Taking them over is asked twice, on the page: the registry will name this user.
            Button {
                Layout.fillWidth: true
                visible: page.syncClient.othersPendingRecords > 0 && page.syncClient.loggedIn && !page.adoptAsked
                enabled: !page.syncClient.syncing
                text: qsTr("Gửi dưới tên tôi")
                onClicked: page.adoptAsked = true
            }

            Label {
                Layout.fillWidth: true
                visible: page.syncClient.othersPendingRecords > 0 && page.adoptAsked
                text: qsTr("%n thay đổi của %1 sẽ được gửi ở lượt đồng bộ tới và máy chủ ghi là của %2. Chỉ làm vậy khi người đó không thể đăng nhập trên máy này.", "", page.syncClient.othersPendingRecords).arg(page.syncClient.othersPendingAuthors).arg(page.syncClient.user)
                wrapMode: Text.WordWrap
                font.bold: true
            }

            RowLayout {
                Layout.fillWidth: true
                visible: page.syncClient.othersPendingRecords > 0 && page.adoptAsked

                Button {
                    enabled: !page.syncClient.syncing && page.syncClient.loggedIn
                    text: qsTr("Đồng ý gửi dưới tên tôi")
                    onClicked: {
                        page.syncClient.adoptOthersChanges();
                        page.adoptAsked = false;
                    }
                }

                Button {
                    flat: true
                    text: qsTr("Không")
                    onClicked: page.adoptAsked = false
                }
            }

            Label {
                Layout.fillWidth: true
                text: page.syncClient.lastSyncAt.getTime() > 0 ? qsTr("Đồng bộ thành công lần cuối: %1").arg(page.syncClient.lastSyncAt.toLocaleString(Qt.locale("vi_VN"), Locale.ShortFormat)) : qsTr("Chưa đồng bộ lần nào.")
                wrapMode: Text.WordWrap
            }

            ProgressBar {
                Layout.fillWidth: true
                visible: page.syncClient.syncing
                from: 0
                to: 1
                value: page.syncClient.progress
            }

            // What the round is doing now, and how far the whole round is.
            Label {
                objectName: "phaseLabel"
                Layout.fillWidth: true
                visible: page.syncClient.syncing
                text: page.phaseText(page.syncClient.phase) + " " + Math.round(page.syncClient.progress * 100) + "%"
                wrapMode: Text.WordWrap
            }

            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: page.syncClient.lastError
                color: "#b3261e"
                wrapMode: Text.WordWrap
            }

            // Not an error: what the last round did that the user should know of.
            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: page.syncClient.notice
                color: "#1a5fb4"
                wrapMode: Text.WordWrap
            }

            // A round that failed for the network's or the registry's sake is tried again.
            Label {
                Layout.fillWidth: true
                visible: !page.syncClient.syncing && page.syncClient.nextRetryAt.getTime() > 0
                text: qsTr("Sẽ tự thử lại lúc %1.").arg(page.syncClient.nextRetryAt.toLocaleTimeString(Qt.locale("vi_VN"), Locale.ShortFormat))
                wrapMode: Text.WordWrap
            }

            Button {
                Layout.fillWidth: true
                Layout.preferredHeight: 56
                visible: page.syncClient.loggedIn
                enabled: !page.syncClient.syncing
                text: page.syncClient.syncing ? qsTr("Đang đồng bộ…") : qsTr("Đồng bộ ngay")
                onClicked: page.syncClient.sync()
            }

            Button {
                Layout.fillWidth: true
                Layout.preferredHeight: 56
                visible: !page.syncClient.loggedIn
                text: qsTr("Đăng nhập")
                onClicked: page.loginRequested()
            }

            // Changes the registry refused: kept on the device. Those refused for want of another
            // row (after a restore of the registry) go again with every round; the rest wait
            // for the user.
            Label {
                Layout.fillWidth: true
                visible: page.syncClient.rejectedRecords > 0
                font.bold: true
                text: qsTr("%1 thay đổi bị máy chủ từ chối (vẫn giữ trên máy):").arg(page.syncClient.rejectedRecords)
                wrapMode: Text.WordWrap
            }

            Repeater {
                model: page.syncClient.rejectedChanges.slice(0, page.refusedShown)

                delegate: RowLayout {
                    required property var modelData

                    Layout.fillWidth: true

                    ColumnLayout {
                        Layout.fillWidth: true

                        // Which of the user's records: an inspection by its cluster and day.
                        Label {
                            Layout.fillWidth: true
                            text: page.labels.recordTitle(modelData.entity || "", modelData.rowId || "")
                            font.bold: true
                            wrapMode: Text.WordWrap
                        }

                        Label {
                            Layout.fillWidth: true
                            visible: !modelData.mine
                            text: qsTr("Thay đổi của %1: chỉ người đó bỏ được.").arg(modelData.author)
                            wrapMode: Text.WordWrap
                        }

                        Label {
                            Layout.fillWidth: true
                            text: modelData.retriedBySync ? qsTr("%1 (%2): %3. Máy tự gửi lại mỗi lần đồng bộ, đến khi máy chủ có bản ghi này cần.").arg(page.labels.tableName(modelData.entity)).arg(page.labels.changeOp(modelData.op)).arg(page.labels.refusal(modelData.code, modelData.message)) : modelData.waitedTooLong ? qsTr("%1 (%2): %3. Đã chờ hơn %4 ngày nên máy thôi tự gửi lại: hãy báo giám sát viên (họ thấy thay đổi này trong trang Đồng bộ của mình) để máy đang giữ bản ghi kia đồng bộ, rồi bấm Gửi lại.").arg(page.labels.tableName(modelData.entity)).arg(page.labels.changeOp(modelData.op)).arg(page.labels.refusal(modelData.code, modelData.message)).arg(page.syncClient.waitLimitDays) : qsTr("%1 (%2): %3").arg(page.labels.tableName(modelData.entity)).arg(page.labels.changeOp(modelData.op)).arg(page.labels.refusal(modelData.code, modelData.message))
                            wrapMode: Text.WordWrap
                        }
                    }

                    ColumnLayout {
                        Button {
                            Layout.fillWidth: true
                            Layout.preferredHeight: 48
                            text: qsTr("Gửi lại")
                            onClicked: page.syncClient.retryRejected(modelData.seq)
                        }

                        // Gives the change up, after the user confirms (kept on the device):
                        // the user's own changes only.
                        Button {
                            visible: modelData.mine
                            Layout.fillWidth: true
                            Layout.preferredHeight: 48
                            text: qsTr("Bỏ thay đổi")
                            onClicked: {
                                confirmDiscard.seq = modelData.seq;
                                confirmDiscard.what = page.labels.recordTitle(modelData.entity || "", modelData.rowId || "");
                                confirmDiscard.isNew = modelData.op === "insert";
                                confirmDiscard.children = page.syncClient.newRowsGivenUpWith(modelData.seq);
                                confirmDiscard.open();
                            }
                        }
                    }
                }
            }

            Button {
                Layout.preferredHeight: 48
                visible: page.syncClient.rejectedChanges.length > page.refusedShown
                text: qsTr("Hiện thêm %n thay đổi", "", Math.min(page.listPageSize, page.syncClient.rejectedChanges.length - page.refusedShown))
                onClicked: page.refusedShown += page.listPageSize
            }

            // The user's changes stored with a conflict: the tablet shows the value that won, and
            // theirs waits for a supervisor. Said here until the user has read it.
            Label {
                Layout.fillWidth: true
                visible: page.syncClient.keptForReviewCount > 0
                font.bold: true
                text: qsTr("%1 thay đổi của bạn trùng với thay đổi người khác đã gửi trước. Máy này hiện giá trị đang dùng; giá trị của bạn được máy chủ giữ lại để giám sát viên quyết định:").arg(page.syncClient.keptForReviewCount)
                wrapMode: Text.WordWrap
            }

            Repeater {
                model: page.syncClient.keptForReview

                // Each field with both values: the user's, and the one the tablet shows now.
                delegate: Label {
                    required property var modelData

                    Layout.fillWidth: true
                    text: (modelData.values.length > 0 ? qsTr("• %1 · %2").arg(page.labels.recordTitle(modelData.entity || "", modelData.rowId || "")).arg(modelData.values.map(v => qsTr("%1: bạn ghi “%2”, đang dùng “%3”").arg(page.labels.fieldName(v.field)).arg(page.labels.fieldValue(modelData.entity, v.field, v.mine)).arg(page.labels.fieldValue(modelData.entity, v.field, v.current))).join("; ")) : qsTr("• %1 (%2)").arg(page.labels.recordTitle(modelData.entity || "", modelData.rowId || "")).arg(page.labels.changeOp(modelData.op))) + (modelData.deleted ? qsTr(" — bản ghi này hiện đã bị xoá") : "")
                    wrapMode: Text.WordWrap
                }
            }

            Button {
                Layout.preferredHeight: 48
                visible: page.syncClient.keptForReviewCount > 0
                text: qsTr("Đã hiểu")
                onClicked: page.syncClient.acknowledgeKeptForReview()
            }

            // Conflicts: supervisors see the values that lost and choose.
            Label {
                Layout.fillWidth: true
                visible: page.syncClient.isSupervisor
                font.bold: true
                text: page.syncClient.conflictCount === 0 ? qsTr("Không có xung đột cần xử lý.") : page.syncClient.conflictCount > page.conflictsOnPage ? qsTr("Xung đột cần xử lý: %1 (đang hiện %2 cái cũ nhất; xử lý xong sẽ hiện tiếp)").arg(page.syncClient.conflictCount).arg(page.conflictsOnPage) : qsTr("Xung đột cần xử lý: %1").arg(page.syncClient.conflictCount)
            }

            Button {
                Layout.preferredHeight: 48
                visible: page.syncClient.isSupervisor
                text: qsTr("Tải lại danh sách xung đột")
                onClicked: page.syncClient.fetchConflicts()
            }

            Repeater {
                model: page.syncClient.isSupervisor ? page.syncClient.conflicts.slice(0, page.conflictsShown) : []

                delegate: Frame {
                    id: conflictCard

                    required property var modelData
                    // The field was written again after the conflict (a later edit, another
                    // conflict of it resolved): the value in use now is not the one the record kept.
                    readonly property bool rewritten: !!modelData.field && modelData.live_seq !== undefined && modelData.live_seq !== modelData.current_seq
                    // Its resolution is on its way: the buttons wait for the answer.
                    readonly property bool resolving: page.syncClient.resolvingConflicts.indexOf(modelData.id) >= 0

                    Layout.fillWidth: true

                    ColumnLayout {
                        anchors.left: parent.left
                        anchors.right: parent.right

                        Label {
                            Layout.fillWidth: true
                            text: modelData.field ? qsTr("%1 · %2").arg(page.labels.tableName(modelData.entity || "")).arg(page.labels.fieldName(modelData.field)) : modelData.work_entity ? qsTr("%1 · đã bị xoá trong khi người khác ghi thêm vào").arg(page.labels.tableName(modelData.entity || "")) : modelData.kind === "edit_vs_delete" ? qsTr("%1 · sửa một bản ghi đã bị xoá").arg(page.labels.tableName(modelData.entity || "")) : qsTr("%1 · xoá một bản ghi người khác đã sửa").arg(page.labels.tableName(modelData.entity || ""))
                            font.bold: true
                            wrapMode: Text.WordWrap
                        }

                        Label {
                            Layout.fillWidth: true
                            text: page.labels.recordTitle(modelData.entity || "", modelData.row_id || "")
                            wrapMode: Text.WordWrap
                        }

                        Label {
                            Layout.fillWidth: true
                            text: qsTr("Đang dùng: %1").arg(page.labels.fieldValue(modelData.entity || "", modelData.field || "", conflictCard.rewritten ? modelData.live_value : modelData.current_value !== undefined ? modelData.current_value : modelData.current))
                            wrapMode: Text.WordWrap
                        }

                        Label {
                            Layout.fillWidth: true
                            visible: conflictCard.rewritten
                            text: qsTr("Đã có người ghi lại sau khi xảy ra xung đột; lúc đó là: %1").arg(page.labels.fieldValue(modelData.entity || "", modelData.field || "", modelData.current_value))
                            font.italic: true
                            wrapMode: Text.WordWrap
                        }

                        Label {
                            Layout.fillWidth: true
                            visible: text !== "" && !conflictCard.rewritten
                            text: page.savedBy(modelData.current_username, modelData.current_device_name, modelData.current_at)
                            font.italic: true
                            wrapMode: Text.WordWrap
                        }

                        Label {
                            Layout.fillWidth: true
                            // Work under a row that was deleted: what was written, kept; restoring the
                            // row shows it again.
                            text: modelData.work_entity ? qsTr("Phần ghi thêm (vẫn được lưu): %1 — %2. Khôi phục để mọi người thấy lại.").arg(page.labels.tableName(modelData.work_entity)).arg(page.labels.recordTitle(modelData.work_entity, modelData.work_row_id || "")) : qsTr("Giá trị bị giữ lại: %1").arg(page.labels.fieldValue(modelData.entity || "", modelData.field || "", modelData.incoming_value !== undefined ? modelData.incoming_value : modelData.incoming))
                            wrapMode: Text.WordWrap
                        }

                        Label {
                            Layout.fillWidth: true
                            visible: text !== ""
                            text: page.savedBy(modelData.incoming_username, modelData.incoming_device_name, modelData.incoming_at)
                            font.italic: true
                            wrapMode: Text.WordWrap
                        }

                        // Text someone wrote: the supervisor may join both values, or write
                        // their own.
                        Label {
                            Layout.fillWidth: true
                            visible: ownValue.visible
                            text: qsTr("Hoặc tự nhập giá trị (có thể ghép cả hai):")
                            wrapMode: Text.WordWrap
                        }

                        TextArea {
                            id: ownValue

                            Layout.fillWidth: true
                            visible: modelData.kind === "field" && page.labels.isFreeText(modelData.field || "")
                            background: Rectangle {
                                border.color: ownValue.activeFocus ? "#1565C0" : "#9e9e9e"
                                border.width: ownValue.activeFocus ? 2 : 1
                                radius: 4
                            }
                            text: page.ownValueDrafts[modelData.id] !== undefined ? page.ownValueDrafts[modelData.id] : conflictCard.rewritten ? (typeof modelData.live_value === "string" ? modelData.live_value : "") : typeof modelData.current_value === "string" ? modelData.current_value : ""
                            placeholderText: qsTr("Giá trị giám sát viên tự nhập, ví dụ ghép cả hai giá trị")
                            wrapMode: TextEdit.Wrap
                            Accessible.name: qsTr("Giá trị tự nhập")
                            onTextChanged: if (activeFocus)
                                page.ownValueDrafts[modelData.id] = text
                        }

                        Label {
                            Layout.fillWidth: true
                            visible: text !== ""
                            text: page.resolveMessages[modelData.id] || ""
                            color: "#B71C1C"
                            wrapMode: Text.WordWrap
                        }

                        // Wraps on a narrow screen.
                        Flow {
                            Layout.fillWidth: true
                            spacing: 8

                            Button {
                                height: 48
                                visible: ownValue.visible
                                enabled: ownValue.text.trim().length > 0 && !conflictCard.resolving
                                text: qsTr("Dùng giá trị tự nhập")
                                onClicked: page.syncClient.resolveConflict(modelData.id, "value", ownValue.text.trim())
                            }

                            Button {
                                height: 48
                                enabled: !conflictCard.resolving
                                text: modelData.work_entity ? qsTr("Để nguyên đã xoá") : qsTr("Giữ giá trị đang dùng")
                                onClicked: page.syncClient.resolveConflict(modelData.id, "current")
                            }

                            Button {
                                height: 48
                                enabled: !conflictCard.resolving
                                text: modelData.work_entity ? qsTr("Khôi phục") : qsTr("Dùng giá trị bị giữ lại")
                                onClicked: page.syncClient.resolveConflict(modelData.id, "incoming")
                            }
                        }
                    }
                }
            }

            Button {
                Layout.preferredHeight: 48
                visible: page.syncClient.isSupervisor && page.syncClient.conflicts.length > page.conflictsShown
                text: qsTr("Hiện thêm %n xung đột", "", Math.min(page.listPageSize, page.syncClient.conflicts.length - page.conflictsShown))
                onClicked: page.conflictsShown += page.listPageSize
            }

            // Changes the registry still refuses from the province's tablets: who waits, for which
            // row, since when. Those waiting for another row are the supervisor's to chase: the
            // tablet that holds that row has to sync.
            Label {
                Layout.fillWidth: true
                visible: page.syncClient.isSupervisor
                font.bold: true
                text: page.syncClient.registryRejectionCount === 0 ? qsTr("Không có thay đổi nào của các máy bị máy chủ từ chối.") : page.syncClient.registryRejectionCount > page.rejectionsOnPage ? qsTr("Thay đổi của các máy bị máy chủ từ chối: %1 (đang hiện %2 cái cũ nhất)").arg(page.syncClient.registryRejectionCount).arg(page.rejectionsOnPage) : qsTr("Thay đổi của các máy bị máy chủ từ chối: %1").arg(page.syncClient.registryRejectionCount)
                wrapMode: Text.WordWrap
            }

            Button {
                Layout.preferredHeight: 48
                visible: page.syncClient.isSupervisor
                text: qsTr("Tải lại danh sách bị từ chối")
                onClicked: page.syncClient.fetchRegistryRejections()
            }

            Repeater {
                model: page.syncClient.isSupervisor ? page.syncClient.registryRejections.slice(0, page.rejectionsShown) : []

                delegate: Frame {
                    required property var modelData

                    Layout.fillWidth: true

                    ColumnLayout {
                        anchors.left: parent.left
                        anchors.right: parent.right

                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1 (%2) · %3 trên máy %4").arg(page.labels.tableName(modelData.entity)).arg(page.labels.changeOp(modelData.op)).arg(modelData.username || qsTr("(người dùng không rõ)")).arg(modelData.device_name || modelData.device_id)
                            font.bold: true
                            wrapMode: Text.WordWrap
                        }

                        Label {
                            Layout.fillWidth: true
                            text: page.labels.recordTitle(modelData.entity || "", modelData.row_id || "")
                            wrapMode: Text.WordWrap
                        }

                        Label {
                            Layout.fillWidth: true
                            text: page.labels.refusal(modelData.code, modelData.message)
                            wrapMode: Text.WordWrap
                        }

                        // The values the refused change carried (kept on the registry as well as
                        // on the tablet); refusals recorded by an older registry have none.
                        Label {
                            Layout.fillWidth: true
                            visible: !!modelData.fields
                            text: modelData.fields ? qsTr("Giá trị gửi lên: %1").arg(page.labels.fieldValue(modelData.entity || "", "", page.filledFields(modelData.fields))) + (modelData.fields_cut ? " " + qsTr("(đoạn văn dài chỉ hiện phần đầu)") : "") : ""
                            wrapMode: Text.WordWrap
                        }

                        Label {
                            Layout.fillWidth: true
                            text: (modelData.waits_for_another_row ? qsTr("Đang chờ một bản ghi mà máy chủ chưa có: hãy nhắc người đang giữ bản ghi đó đồng bộ máy của họ.") + " " : "") + (!modelData.first_at ? qsTr("Bị từ chối %1 lần.").arg(modelData.attempts) : modelData.attempts > 1 ? qsTr("Bị từ chối %1 lần: lần đầu %2, lần cuối %3.").arg(modelData.attempts).arg(page.labels.dateTime(modelData.first_at)).arg(page.labels.dateTime(modelData.last_at)) : qsTr("Bị từ chối lúc %1.").arg(page.labels.dateTime(modelData.first_at)))
                            color: modelData.waits_for_another_row ? "#a51d2d" : palette.windowText
                            wrapMode: Text.WordWrap
                        }
                    }
                }
            }

            Button {
                Layout.preferredHeight: 48
                visible: page.syncClient.isSupervisor && page.syncClient.registryRejections.length > page.rejectionsShown
                text: qsTr("Hiện thêm %n thay đổi bị từ chối", "", Math.min(page.listPageSize, page.syncClient.registryRejections.length - page.rejectionsShown))
                onClicked: page.rejectionsShown += page.listPageSize
            }

            SignedInDevices {
                Layout.fillWidth: true
                visible: page.syncClient.loggedIn
                syncClient: page.syncClient
                labels: page.labels
                onRevokeAsked: (id, name) => {
                    confirmRevoke.deviceId = id;
                    confirmRevoke.deviceName = name;
                    confirmRevoke.open();
                }
            }

            Button {
                Layout.fillWidth: true
                Layout.preferredHeight: 56
                visible: page.syncClient.loggedIn
                flat: true
                text: qsTr("Đăng xuất")
                onClicked: {
                    if (page.syncClient.hasUnsyncedWork)
                        confirmLogout.open();
                    else if (page.syncClient.logout(false))
                        page.loginRequested();
                }
            }
        }
    }

    // Giving up a refused change: what happens is said before it happens.
    AppDialog {
        id: confirmDiscard

        property var seq: 0
        property string what: ""
        property bool isNew: false
        property int children: 0

        anchors.centerIn: parent
        width: Math.min(page.width - 32, 480)
        modal: true
        title: qsTr("Bỏ thay đổi bị từ chối?")
        standardButtons: Dialog.Ok | Dialog.Cancel
        onAccepted: page.syncClient.discardRejected(confirmDiscard.seq)

        Label {
            // From the dialog's own width: a binding to the content's width loops through the
            // text's height.
            width: Math.min(page.width - 32, 480) - confirmDiscard.leftPadding - confirmDiscard.rightPadding
            text: (confirmDiscard.isNew ? qsTr("%1: bản ghi mới này sẽ không được gửi lên máy chủ và không còn hiện trong danh sách.").arg(confirmDiscard.what) + (confirmDiscard.children > 0 ? " " + qsTr("%n bản ghi mới thuộc về nó (như câu trả lời, vi phạm, ảnh của một cuộc kiểm tra) cũng bị bỏ theo.", "", confirmDiscard.children) : "") : qsTr("%1: thay đổi này sẽ không được gửi lên máy chủ; bản ghi hiện lại giá trị trước khi sửa, rồi lấy bản của máy chủ ở lần đồng bộ sau.").arg(confirmDiscard.what)) + " " + qsTr("Nội dung đã nhập vẫn được lưu trong máy.")
            wrapMode: Text.WordWrap
        }
    }

    // Revoking a lost tablet: what happens is said before it happens.
    AppDialog {
        id: confirmRevoke

        property string deviceId: ""
        property string deviceName: ""

        anchors.centerIn: parent
        width: Math.min(page.width - 32, 480)
        modal: true
        title: qsTr("Thu hồi máy %1?").arg(confirmRevoke.deviceName)
        standardButtons: Dialog.Ok | Dialog.Cancel
        onAccepted: page.syncClient.revokeDevice(confirmRevoke.deviceId)

        Label {
            width: Math.min(page.width - 32, 480) - confirmRevoke.leftPadding - confirmRevoke.rightPadding
            text: qsTr("Máy đó sẽ không đồng bộ được nữa và không đăng nhập lại được cho đến khi được khôi phục. Những gì nó chưa gửi lên máy chủ sẽ ở lại trên máy đó. Chỉ làm khi máy bị mất hoặc không còn dùng.")
            wrapMode: Text.WordWrap
        }
    }

    AppDialog {
        id: confirmLogout

        anchors.centerIn: parent
        width: Math.min(page.width - 32, 480)
        modal: true
        title: qsTr("Đăng xuất khi còn dữ liệu chưa gửi?")
        standardButtons: Dialog.Ok | Dialog.Cancel
        onAccepted: if (page.syncClient.logout(true))
            page.loginRequested()

        Label {
            width: Math.min(page.width - 32, 480) - confirmLogout.leftPadding - confirmLogout.rightPadding
            text: page.syncClient.unsyncedSummary
            wrapMode: Text.WordWrap
        }
    }

    UnsavedDialog {
        id: unsavedDialog
    }
}
