import QtQuick
import QtQuick.Controls
import QtTest
import CcnInspect

// The inspector's flow on the real pages with a fresh demo database (testApp):
// open a cluster -> start an inspection -> answer (bad input refused next to the field, nothing
// saved lost) -> attach a photo -> add a violation -> submit with a required item missing (the
// message names it) -> answer it -> submit again; the minutes' participants and texts; a
// progress reading on the cluster page; a violation of the submitted inspection moved forward.
TestCase {
    id: tc

    property var win: null
    property string violationId: ""
    readonly property AppController app: testApp
    readonly property InspectionController insp: testApp.inspection

    function findChild(item, name) {
        if (!item)
            return null;
        if (item.objectName === name)
            return item;
        const kids = item.children || [];
        for (let i = 0; i < kids.length; ++i) {
            const found = findChild(kids[i], name);
            if (found)
                return found;
        }
        if (item.contentItem && item.contentItem !== item) {
            const found = findChild(item.contentItem, name);
            if (found)
                return found;
        }
        return null;
    }

    function page() {
        return win.stackView.currentItem;
    }

    function rowOf(code) {
        return insp.checklist.rowOfCode(code);
    }

    function answer(code, value) {
        const row = rowOf(code);
        verify(row >= 0, "question " + code + " is visible");
        return insp.checklist.setValue(row, value);
    }

    function initTestCase() {
        win = mainComponent.createObject(null, {
                "app": testApp,
                "width": 1280,
                "height": 800
            });
        verify(win !== null);
        tryVerify(() => win.stackView.currentItem !== null);
    }

    function cleanupTestCase() {
        if (win)
            win.destroy();
    }

    function test_1_searchAndOpenCluster() {
        const search = findChild(page(), "searchField");
        verify(search !== null, "search field");
        // Case and diacritics ignored.
        search.text = "dong huong";
        compare(app.clusters.count, 1);
        compare(app.clusters.get(0).name, "Cụm công nghiệp Đồng Hướng");
        search.text = "khanh";
        verify(app.clusters.count >= 1);
        let found = false;
        for (let i = 0; i < app.clusters.count; ++i)
            found = found || app.clusters.get(i).name.indexOf("Khánh Hải 1") >= 0;
        verify(found, "'khanh' finds Khánh Hải 1");
        search.text = "dong huong";
        const list = findChild(page(), "clusterList");
        verify(list !== null);
        tryVerify(() => list.itemAtIndex(0) !== null);
        mouseClick(list.itemAtIndex(0));
        tryVerify(() => page().title === "Cụm công nghiệp Đồng Hướng");
        verify(app.cluster.figures.length > 5);
        verify(app.cluster.tenants.length > 0);
    }

    function test_2_startInspection() {
        // A coordinate outside Vietnam is refused with a message; a good one is used.
        verify(insp.setManualPosition("48,85", "2,35") !== "");
        verify(insp.setManualPosition("abc", "106") !== "");
        compare(insp.setManualPosition("20,0456", "106,0212"), "");
        const start = findChild(page(), "startButton");
        verify(start !== null);
        tryVerify(() => !win.stackView.busy);
        mouseClick(start);
        tryVerify(() => insp.active, 3000, insp.lastError);
        tryVerify(() => page().title.indexOf("Phiếu kiểm tra") === 0);
        verify(insp.editable);
        verify(insp.positionText.indexOf("20,0456") === 0, insp.positionText);
        compare(insp.checklist.answeredCount, 0);
    }

    function test_3_answersAndBadInput() {
        verify(answer("PL01", "yes"));
        compare(insp.checklist.answeredCount, 1);
        // Text in a number field: refused, message on the row, saved value kept.
        verify(answer("HT01", "45"));
        verify(!answer("HT01", "abc"));
        const row = rowOf("HT01");
        verify(insp.checklist.get(row).error.length > 0);
        compare(insp.checklist.get(row).value, "abc");
        compare(insp.checklist.answeredCount, 2); // 45 is still stored
        verify(!answer("HT01", "140"), "percentage above 100 refused");
        verify(answer("HT01", "62,5"));
        compare(insp.checklist.get(row).error, "");
        // Very long text refused.
        verify(!answer("PL02", "x".repeat(5000)));
        verify(answer("PL02", "QĐ 477/QĐ-UBND ngày 21/5/2015"));
        // Show-if: the plant's capacity appears only when there is a plant.
        compare(rowOf("HT08"), -1);
        const before = insp.checklist.count;
        verify(answer("HT06", "yes"));
        verify(rowOf("HT08") >= 0);
        verify(insp.checklist.count >= before + 2, "show-if questions appear");
        verify(!answer("HT08", "60000"), "above max refused");
        verify(answer("HT08", "1000"));
        // Markers not placed: a photo of the boundary becomes required.
        verify(answer("PL04", "no"));
        verify(rowOf("PL05") >= 0);
    }

    function test_4_photo() {
        // The camera cannot run here: a real photo file from ../shared/data/photos/gps instead.
        const qid = insp.checklist.get(rowOf("PL05")).questionId;
        const r = insp.attachPhoto(testPhotoPath, qid, "", false);
        verify(r.ok, r.message);
        compare(insp.checklist.get(rowOf("PL05")).photoCount, 1);
        compare(insp.photos.count, 1);
        const bad = insp.attachPhoto("/nonexistent/photo.jpg", qid, "", false);
        verify(!bad.ok);
        verify(bad.message.length > 0);
        win.openPhoto(insp.photos.get(0).id);
        tryVerify(() => page().title === "Ảnh hiện trường");
        verify(page().info.hasPosition, "the photo's GPS position is shown");
        win.stackView.pop(null, StackView.Immediate);
    }

    function test_5_violation() {
        win.openCluster(insp.clusterId);
        win.openChecklist();
        win.openViolation("");
        tryVerify(() => page().title === "Ghi nhận vi phạm");
        verify(!page().dirty(), "a new violation's empty form has changes");
        // Missing fields: errors per field, nothing saved.
        let r = insp.violationForm.saveViolation("", {
                "category": "",
                "severity": "",
                "observed": "",
                "deadline": "31/02/2026"
            });
        verify(!r.ok);
        verify(r.errors.category !== undefined);
        verify(r.errors.severity !== undefined);
        verify(r.errors.observed !== undefined);
        verify(r.errors.deadline !== undefined);
        compare(insp.violations.count, 0);
        const cat = app.catalog.get(0);
        r = insp.violationForm.saveViolation("", {
                "category": cat.code,
                "severity": "serious",
                "observed": "Chưa bố trí cán bộ môi trường",
                "remedy": "Bố trí cán bộ phụ trách",
                "deadline": "31/12/2026",
                "responsible_party": "Chủ đầu tư hạ tầng"
            });
        verify(r.ok, r.message);
        compare(insp.violations.count, 1);
        compare(insp.violations.get(0).deadlineOn, "2026-12-31");
        compare(insp.violations.get(0).legalBasis, cat.legalBasis);
        const p = insp.attachPhoto(testPhotoPath, "", r.id, false);
        verify(p.ok, p.message);
        compare(insp.violations.get(0).photoCount, 1);
        // Edit and delete.
        r = insp.violationForm.saveViolation(r.id, {
                "category": cat.code,
                "severity": "minor",
                "observed": "Đã sửa",
                "deadline": ""
            });
        verify(r.ok, r.message);
        compare(insp.violations.get(0).severity, "minor");
        const extra = insp.violationForm.saveViolation("", {
                "category": cat.code,
                "severity": "minor",
                "observed": "Sẽ xoá"
            });
        compare(insp.violations.count, 2);
        compare(insp.violationForm.deleteViolation(extra.id), "");
        compare(insp.violations.count, 1);
        tc.violationId = r.id;
        win.stackView.pop();
        tryVerify(() => page().title.indexOf("Phiếu kiểm tra") === 0);
    }

    function test_5a_minutes() {
        tryVerify(() => !win.stackView.busy);
        verify(page().showTab("minutes"));
        const name = findChild(page(), "participantName");
        const position = findChild(page(), "participantPosition");
        const agency = findChild(page(), "participantAgency");
        const save = findChild(page(), "saveParticipant");
        verify(name && position && agency && save);
        tryVerify(() => name.visible && save.visible);
        // No name: refused, the message under the name field.
        name.text = "";
        agency.text = "Sở Công Thương";
        mouseClick(save);
        verify(page().minutes.errors.name.length > 0);
        compare(insp.minutes.participants.count, 0);
        name.text = "Nguyễn Văn An";
        position.text = "Phó Giám đốc";
        mouseClick(save);
        compare(insp.minutes.participants.count, 1);
        compare(name.text, "", "the form is ready for the next person");
        compare(agency.text, "Sở Công Thương", "the agency is kept");
        name.text = "Lê Văn Minh";
        position.text = "Phó Chủ tịch";
        agency.text = "UBND xã Kim Đông";
        mouseClick(save);
        name.text = "Trần Thị Ngọc";
        position.text = "Chuyên viên";
        agency.text = "Sở Công Thương";
        mouseClick(save);
        compare(insp.minutes.participants.count, 3);
        compare(insp.minutes.participants.get(1).name, "Trần Thị Ngọc", "grouped by agency");
        // Edit the second, then remove the UBND member.
        page().minutes.editParticipant(1);
        compare(name.text, "Trần Thị Ngọc");
        position.text = "Trưởng phòng";
        save.clicked(); // below the fold at this size
        compare(insp.minutes.participants.get(1).positionTitle, "Trưởng phòng");
        compare(insp.minutes.removeParticipant(insp.minutes.participants.get(2).id), "");
        compare(insp.minutes.participants.count, 2);
        // Findings and conclusions are saved while typing.
        const findings = findChild(page(), "findingsField");
        verify(findings !== null);
        findings.forceActiveFocus();
        findings.text = "Đoàn đã kiểm tra hiện trường.";
        tryVerify(() => insp.minutes.findings === "Đoàn đã kiểm tra hiện trường.", 3000);
        const add = findChild(page(), "addConclusionItem");
        add.clicked(); // below the fold
        const conclusions = findChild(page(), "conclusionsField");
        compare(conclusions.text, "Một là, ");
        conclusions.text += "hoàn thành thoát nước mưa.";
        add.clicked();
        verify(conclusions.text.indexOf("\nHai là, ") > 0, conclusions.text);
        tryVerify(() => insp.minutes.conclusions.indexOf("Hai là") > 0, 3000);
        verify(page().showTab("questions"));
    }

    // A sync round writes under the open inspection (testRound: the database as the pull writes
    // it, then the app told as after a round). A typed answer's field shows the round's value;
    // one the inspector is typing in keeps their text, which is not saved over the round's
    // unseen; an untouched minutes text shows the round's, one being typed stays as typed.
    function test_5b_aRoundUnderTheOpenForms() {
        tryVerify(() => !win.stackView.busy);
        verify(page().showTab("questions"));
        const list = findChild(page(), "questions");
        const row = rowOf("HT01");
        const qid = insp.checklist.get(row).questionId;
        list.positionViewAtIndex(row, ListView.Beginning);
        tryVerify(() => list.itemAtIndex(row) !== null);
        const field = findChild(list.itemAtIndex(row), "numberAnswer");
        verify(field !== null);
        compare(field.text, "62,5");
        verify(testRound.answer(qid, "70"));
        compare(field.text, "70");
        win.requestActivate();
        field.forceActiveFocus();
        field.text = "75";
        verify(testRound.answer(qid, "80"));
        compare(field.text, "75", "the round replaced what the inspector is typing");
        keyClick(Qt.Key_Return);
        compare(testRound.stored(qid), "80", "the teammate's value was written over unseen");
        verify(insp.checklist.get(row).error.indexOf("80") >= 0, insp.checklist.get(row).error);
        compare(field.text, "75");
        keyClick(Qt.Key_Return);
        compare(testRound.stored(qid), "75", "saved again, knowing the teammate's: written");
        compare(insp.checklist.get(row).error, "");

        // Left as found after the next round: nothing is written, the field shows the round's.
        verify(testRound.answer(qid, "90"));
        compare(field.text, "75");
        keyClick(Qt.Key_Return);
        compare(testRound.stored(qid), "90");
        compare(field.text, "90");
        field.focus = false;
        // A text answer's field follows a round too.
        const textRow = rowOf("PL02");
        list.positionViewAtIndex(textRow, ListView.Beginning);
        tryVerify(() => list.itemAtIndex(textRow) !== null);
        const textAnswer = findChild(list.itemAtIndex(textRow), "textAnswer");
        compare(textAnswer.text, "QĐ 477/QĐ-UBND ngày 21/5/2015");
        verify(testRound.answer(insp.checklist.get(textRow).questionId, "QĐ 478/QĐ-UBND ngày 22/5/2015"));
        compare(textAnswer.text, "QĐ 478/QĐ-UBND ngày 22/5/2015");
        verify(page().showTab("minutes"));
        const findings = findChild(page(), "findingsField");
        const conclusions = findChild(page(), "conclusionsField");
        tryVerify(() => insp.minutes.conclusions.indexOf("Hai là") > 0, 3000);
        const saved = conclusions.text;
        findings.forceActiveFocus();
        findings.text = "Đoàn đã kiểm tra hiện trường và bể lắng.";
        verify(testRound.inspectionText("conclusions", "Một là, đồng nghiệp ghi kết luận."));
        compare(conclusions.text, "Một là, đồng nghiệp ghi kết luận.", "an untouched text did not follow the round");
        verify(testRound.inspectionText("findings", "Đồng nghiệp ghi nội dung."));
        compare(findings.text, "Đoàn đã kiểm tra hiện trường và bể lắng.", "the round replaced what the inspector is typing");
        tryVerify(() => page().minutes.textErrors.findings !== undefined, 3000);
        verify(page().minutes.textErrors.findings.indexOf("Đồng nghiệp ghi nội dung.") >= 0);
        compare(insp.minutes.conclusions, "Một là, đồng nghiệp ghi kết luận.");
        verify(saved !== insp.minutes.conclusions);
        // Typing on, knowing it: written.
        findings.text += " Bùn đã được nạo vét.";
        tryVerify(() => insp.minutes.findings === "Đoàn đã kiểm tra hiện trường và bể lắng. Bùn đã được nạo vét.", 3000);
        // A teammate's tablet submits the inspection while the inspector is typing: what they
        // typed since the last save stays on screen, said to be unsaved.
        findings.forceActiveFocus();
        findings.text += " Ghi thêm.";
        verify(!page().minutes.textSaved);
        verify(testRound.inspectionStatus("submitted"));
        verify(!insp.editable);
        verify(findings.text.endsWith(" Ghi thêm."), "what the inspector typed vanished");
        verify(page().minutes.textMessage.indexOf("chưa được lưu") >= 0, page().minutes.textMessage);
        verify(testRound.inspectionStatus("draft"));
        verify(insp.editable);
        compare(findings.text, insp.minutes.findings);
        // A participant's form open: the agency a round corrects follows, the position being
        // typed stays.
        page().minutes.editParticipant(0);
        const pid = insp.minutes.participants.get(0).id;
        const position = findChild(page(), "participantPosition");
        const agency = findChild(page(), "participantAgency");
        position.text = "Giám đốc";
        verify(testRound.participantText(pid, "agency", "Sở Công Thương tỉnh Hưng Yên"));
        verify(testRound.participantText(pid, "position_title", "Phó Giám đốc Sở"));
        compare(agency.text, "Sở Công Thương tỉnh Hưng Yên", "an untouched field did not follow the round");
        compare(position.text, "Giám đốc", "the round replaced what the inspector is typing");
        page().minutes.clearForm();
        verify(page().showTab("questions"));

        // The violation's form, open while a round writes the violation: what was seen follows,
        // the remedy being typed stays, and saving names the round's remedy.
        win.openViolation(tc.violationId);
        tryVerify(() => page().title === "Sửa vi phạm" && !win.stackView.busy);
        const observed = findChild(page(), "violationObserved");
        const remedy = findChild(page(), "violationRemedy");
        compare(observed.text, "Đã sửa");
        remedy.forceActiveFocus();
        remedy.text = "Bố trí cán bộ môi trường trong 30 ngày";
        verify(testRound.violationText(tc.violationId, "observed", "Đồng nghiệp ghi: chưa có cán bộ"));
        verify(testRound.violationText(tc.violationId, "remedy", "Đồng nghiệp ghi: thuê đơn vị tư vấn"));
        compare(observed.text, "Đồng nghiệp ghi: chưa có cán bộ", "an untouched field did not follow the round");
        compare(remedy.text, "Bố trí cán bộ môi trường trong 30 ngày", "the round replaced what the inspector is typing");
        verify(!page().save());
        verify(page().errors.remedy.indexOf("Đồng nghiệp ghi: thuê đơn vị tư vấn") >= 0, JSON.stringify(page().errors));
        verify(page().dirty(), "the remedy refused for the round's is not a change any more");
        compare(insp.violations.get(0).observed, "Đồng nghiệp ghi: chưa có cán bộ");
        verify(page().save(), page().message);
        compare(insp.violations.get(0).remedy, "Bố trí cán bộ môi trường trong 30 ngày");
        verify(!page().dirty(), "saved, and still a change");

        // Leaving with a change not saved asks first, in Vietnamese: "Huỷ" stays, "Bỏ thay đổi"
        // leaves the violation as saved, "Lưu" saves and leaves.
        const form = page();
        remedy.text = "Bố trí cán bộ môi trường trong 15 ngày";
        const discard = form.leaveDialog.standardButton(Dialog.Discard);
        compare(discard.text, "Bỏ thay đổi");
        compare(form.leaveDialog.standardButton(Dialog.Save).text, "Lưu");
        compare(form.leaveDialog.standardButton(Dialog.Cancel).text, "Huỷ");
        win.goBack();
        tryVerify(() => form.leaveDialog.opened);
        compare(page(), form, "left with a change not saved");
        form.leaveDialog.reject();
        tryVerify(() => !form.leaveDialog.visible);
        compare(page(), form);
        win.goBack();
        tryVerify(() => form.leaveDialog.opened);
        mouseClick(discard);
        tryVerify(() => page().title.indexOf("Phiếu kiểm tra") === 0 && !win.stackView.busy);
        compare(insp.violations.get(0).remedy, "Bố trí cán bộ môi trường trong 30 ngày");
        // Again, saved this time.
        win.openViolation(tc.violationId);
        tryVerify(() => page().title === "Sửa vi phạm" && !win.stackView.busy);
        const again = page();
        findChild(again, "violationRemedy").text = "Bố trí cán bộ môi trường trong 15 ngày";
        win.goBack();
        tryVerify(() => again.leaveDialog.opened);
        again.leaveDialog.accept();
        tryVerify(() => page().title.indexOf("Phiếu kiểm tra") === 0 && !win.stackView.busy);
        compare(insp.violations.get(0).remedy, "Bố trí cán bộ môi trường trong 15 ngày");
        // Nothing changed: back leaves at once.
        win.openViolation(tc.violationId);
        tryVerify(() => page().title === "Sửa vi phạm" && !win.stackView.busy);
        win.goBack();
        tryVerify(() => page().title.indexOf("Phiếu kiểm tra") === 0 && !win.stackView.busy);
    }

    // Back from the checklist with a person typed in the minutes and not added: asked first,
    // naming them; "Huỷ" stays with the form as typed.
    function test_5c_leavingWithAPersonNotAdded() {
        tryVerify(() => !win.stackView.busy);
        verify(page().showTab("minutes"));
        const checklist = page();
        const name = findChild(checklist, "participantName");
        name.text = "Phạm Thị Hoa";
        win.goBack();
        const asked = checklist.unsavedDialog;
        tryVerify(() => asked.opened);
        verify(asked.text.indexOf("Phạm Thị Hoa") >= 0, asked.text);
        asked.reject();
        tryVerify(() => !asked.visible);
        compare(page(), checklist);
        compare(name.text, "Phạm Thị Hoa");
        // Closing the window asks the same, and "Huỷ" keeps it open on the form as typed.
        win.close();
        tryVerify(() => asked.opened);
        verify(win.visible);
        asked.reject();
        tryVerify(() => !asked.visible);
        verify(win.visible);
        compare(page(), checklist);
        compare(name.text, "Phạm Thị Hoa");
        checklist.minutes.clearForm();
        verify(page().showTab("questions"));
    }

    function test_6_submit() {
        // Answer every required item except one, then submit from the page.
        const cl = insp.checklist;
        for (let r = 0; r < cl.count; ++r) {
            const q = cl.get(r);
            if (!q.required || q.answered || q.code === "MT09")
                continue;
            if (q.kind === "yes_no_na")
                verify(cl.setValue(r, "yes"), q.code);
            else if (q.kind === "number" || q.kind === "percentage")
                verify(cl.setValue(r, "10"), q.code);
            else if (q.kind === "choice")
                verify(cl.setValue(r, q.choices[0].value), q.code);
            else if (q.kind === "text")
                verify(cl.setValue(r, "ghi chú"), q.code);
            else if (q.kind === "photo")
                verify(insp.attachPhoto(testPhotoPath, q.questionId, "", false).ok, q.code);
        }
        const submit = findChild(page(), "submitButton");
        verify(submit !== null);
        tryVerify(() => !win.stackView.busy);
        mouseClick(submit);
        verify(insp.editable, "not submitted with a required item missing");
        const mt09 = cl.get(rowOf("MT09"));
        verify(insp.submitMessage.indexOf(mt09.text) >= 0, insp.submitMessage);
        compare(insp.missingItems.length, 1);
        verify(mt09.error.length > 0, "the missing item is marked on its row");
        // The message is on screen in a dialog naming the item.
        tryVerify(() => page().missingDialog.opened);
        verify(page().missingDialog.contentChildren[0].text.indexOf(mt09.text) >= 0);
        page().missingDialog.accept();
        tryVerify(() => !page().missingDialog.visible);
        verify(answer("MT09", "no"));
        compare(cl.get(rowOf("MT09")).error, "");
        // The last words of the conclusions, typed just before submitting (not yet saved by the
        // pause after typing), go with the submission.
        const conclusions = findChild(page(), "conclusionsField");
        conclusions.forceActiveFocus();
        conclusions.text += " Ba là, báo cáo trước 30/6.";
        verify(!page().minutes.textSaved);
        page().submit();
        tryVerify(() => insp.status === "submitted");
        verify(insp.minutes.conclusions.endsWith(" Ba là, báo cáo trước 30/6."), insp.minutes.conclusions);
        verify(!insp.editable);
        compare(insp.submitMessage, "");
        // Submitted: further edits are refused and the stored answer stays.
        verify(!answer("MT09", "yes"));
    }

    function test_7_progressReading() {
        win.stackView.pop(null, StackView.Immediate);
        win.openCluster(insp.clusterId);
        tryVerify(() => !win.stackView.busy);
        const box = findChild(page(), "clusterProgress");
        verify(box !== null);
        verify(app.cluster.infrastructure.length > 0);
        const item = app.cluster.infrastructure[0];
        const before = app.cluster.progressHistory(item.id).length;
        mouseClick(findChild(page(), "recordProgress"));
        compare(box.formItemId, item.id);
        const percent = findChild(page(), "progressPercent");
        const date = findChild(page(), "progressDate");
        verify(percent.visible);
        verify(date.text.length === 10, "today's date is proposed");
        // Above 100: refused next to the field, nothing saved.
        percent.text = "140";
        percent.textEdited();
        mouseClick(findChild(page(), "saveProgress"));
        verify((box.errors.percent || "").length > 0);
        compare(app.cluster.progressHistory(item.id).length, before);
        percent.text = "64,5";
        percent.textEdited();
        // Back with the reading typed and not saved: asked first; "Huỷ" stays.
        const cluster = page();
        win.goBack();
        const asked = cluster.unsavedDialog;
        tryVerify(() => asked.opened);
        verify(asked.text.indexOf("chưa được lưu") >= 0, asked.text);
        compare(asked.standardButton(Dialog.Discard).text, "Bỏ thay đổi");
        asked.reject();
        tryVerify(() => !asked.visible);
        compare(page(), cluster);
        compare(percent.text, "64,5");
        date.text = "31/02/2026";
        date.textEdited();
        mouseClick(findChild(page(), "saveProgress"));
        verify((box.errors.date || "").length > 0);
        compare(box.errors.percent, undefined);
        date.text = Qt.formatDate(new Date(), "dd/MM/yyyy");
        date.textEdited();
        mouseClick(findChild(page(), "saveProgress"));
        compare(box.formItemId, "");
        const history = app.cluster.progressHistory(item.id);
        compare(history.length, before + 1);
        compare(history[0].percent, 64.5);
        compare(app.cluster.infrastructure[0].percent, 64.5);
        compare(box.historyItemId, item.id, "the history is shown after saving");
    }

    function test_8_followUp() {
        // The violation of the submitted inspection is still followed up, forward only.
        verify(!insp.editable);
        const row = () => app.cluster.openViolations.find(v => v.id === tc.violationId);
        verify(row() !== undefined);
        compare(row().status, "open");
        const next = row().nextStatuses.map(n => n.value);
        compare(next, ["remedying", "fixed_reported", "verified_fixed", "escalated"]);
        // Through the button and its confirmation on the first open violation.
        const first = app.cluster.openViolations[0];
        const target = first.nextStatuses[0].value;
        const button = findChild(page(), "move_" + target);
        verify(button !== null && button.visible);
        button.clicked(); // the list may be below the fold
        tryVerify(() => page().moveDialog.opened);
        page().moveDialog.accept();
        tryVerify(() => !page().moveDialog.visible);
        const moved = app.cluster.openViolations.find(v => v.id === first.id);
        verify(target === "verified_fixed" ? moved === undefined : moved.status === target);
        verify(page().followNotice.length > 0);
        // The submitted inspection's violation moved step by step; never back.
        verify(page().moveViolation(tc.violationId, "remedying"));
        compare(row().status, "remedying");
        verify(!page().moveViolation(tc.violationId, "open"));
        verify(page().followErrors[tc.violationId].length > 0);
        compare(row().status, "remedying");
        verify(page().moveViolation(tc.violationId, "verified_fixed"));
        compare(row(), undefined);
    }

    // The settings page: the room for originals fetched from the registry, 1 GB until chosen.
    function test_9_originalCacheSetting() {
        const settingsPage = createTemporaryObject(settingsComponent, win.contentItem, {
                "app": testApp
            });
        verify(settingsPage);
        const choice = text => {
            const found = [];
            const walk = item => {
                // A button (it can be checked) that reads `text`.
                if (item.checkable !== undefined && item.text === text && found.indexOf(item) < 0)
                    found.push(item);
                for (let i = 0; i < (item.children || []).length; ++i)
                    walk(item.children[i]);
                if (item.contentItem && item.contentItem !== item)
                    walk(item.contentItem);
            };
            walk(settingsPage);
            return found.length === 1 ? found[0] : null;
        };
        verify(choice("1 GB") && choice("1 GB").checked);
        verify(choice("256 MB") && !choice("256 MB").checked);
        mouseClick(choice("256 MB"));
        compare(app.settings.originalCacheMb, 256);
        verify(choice("256 MB").checked && !choice("1 GB").checked);
        app.settings.originalCacheMb = 1024;
    }

    // The header's settings button tapped on the settings page opens no second one: one "back"
    // leaves it. It stacked a page per tap.
    function test_9y_aHeaderButtonOnItsOwnPage() {
        const depth = win.stackView.depth;
        const settings = win.openSettings(StackView.Immediate);
        compare(win.stackView.depth, depth + 1);
        verify(win.openSettings(StackView.Immediate) === settings);
        compare(win.stackView.depth, depth + 1);
        win.stackView.pop(StackView.Immediate);
        compare(win.stackView.depth, depth);
    }

    // Closing the window with a progress reading typed on the cluster page and the (read-only)
    // checklist above it: the checklist is left, the cluster page asks; "Huỷ" keeps the window
    // open there, "Bỏ thay đổi" closes it. Last: the window stays closed.
    function test_9z_closingTheWindow() {
        win.openCluster(insp.clusterId);
        tryVerify(() => !win.stackView.busy);
        const cluster = page();
        mouseClick(findChild(cluster, "recordProgress"));
        const percent = findChild(cluster, "progressPercent");
        percent.text = "70";
        percent.textEdited();
        win.openChecklist();
        tryVerify(() => !win.stackView.busy && page() !== cluster);
        const asked = cluster.unsavedDialog;
        win.close();
        tryVerify(() => asked.opened);
        verify(win.visible, "closed with a reading not saved");
        compare(page(), cluster);
        asked.reject();
        tryVerify(() => !asked.visible);
        verify(win.visible);
        compare(percent.text, "70");
        win.close();
        tryVerify(() => asked.opened);
        mouseClick(asked.standardButton(Dialog.Discard));
        tryVerify(() => !win.visible);
        compare(win.stackView.depth, 1);
    }

    name: "InspectorFlow"
    when: windowShown

    Component {
        id: settingsComponent

        SettingsPage {
            anchors.fill: parent
        }
    }

    Component {
        id: mainComponent

        Main {
        }
    }
}
