import QtQuick
import QtQuick.Controls

// A dialog whose standard buttons speak the app's language: Qt has no Vietnamese for them, and
// "Yes", "No", "OK" and "Cancel" in English under a Vietnamese question are not what a user
// reading it expects.
Dialog {
    function label(button, text) {
        const b = standardButton(button);
        if (b)
            b.text = text;
    }

    function labelButtons() {
        label(Dialog.Ok, qsTr("Đồng ý"));
        label(Dialog.Cancel, qsTr("Huỷ"));
        label(Dialog.Yes, qsTr("Có"));
        label(Dialog.No, qsTr("Không"));
        label(Dialog.Save, qsTr("Lưu"));
        label(Dialog.Discard, qsTr("Bỏ thay đổi"));
    }

    onStandardButtonsChanged: labelButtons()
    Component.onCompleted: labelButtons()
}
