import QtQuick
import QtQuick.Controls

// One answer of a choice: touch size, filled when chosen.
Button {
    id: choice

    checkable: true
    implicitHeight: 52
    implicitWidth: Math.max(104, implicitContentWidth + leftPadding + rightPadding)
    font.pixelSize: 16
    leftPadding: 18
    rightPadding: 18

    background: Rectangle {
        radius: 6
        color: choice.checked ? "#0D47A1" : (choice.down ? "#D0DCEB" : "#EEF2F7")
        border.color: choice.visualFocus ? "#FF8F00" : (choice.checked ? "#0D47A1" : "#B8C4D4")
        border.width: choice.visualFocus ? 2 : 1
        opacity: choice.enabled ? 1 : 0.6
    }

    contentItem: Text {
        text: choice.text
        font: choice.font
        color: choice.checked ? "white" : "#0D2A4D"
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
}
