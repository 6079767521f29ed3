import QtQuick
import QtQuick.Controls

// Asked before a page with input not yet saved is left: what would be lost, in words; "Bỏ thay
// đổi" leaves (proceed), "Huỷ" stays on the page.
AppDialog {
    id: dialog

    property string text: ""
    property var proceed: null

    // Leaves the page (`then`) at once when nothing is unsaved (`what` empty); else opens, saying
    // `what`.
    function ask(what, then) {
        if (what === "") {
            then();
            return;
        }
        text = what;
        proceed = then;
        open();
    }

    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 32 : 480, 480)
    modal: true
    title: qsTr("Rời trang khi còn thông tin chưa lưu?")
    standardButtons: Dialog.Discard | Dialog.Cancel
    onDiscarded: {
        close();
        if (proceed)
            proceed();
    }

    Label {
        width: dialog.availableWidth
        text: dialog.text
        wrapMode: Text.WordWrap
    }
}
