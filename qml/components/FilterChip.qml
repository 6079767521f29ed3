import QtQuick
import QtQuick.Controls

// A filter chip: a checkable button of touch size, filled when on.
Button {
    id: chip

    checkable: true
    implicitHeight: 48
    font.pixelSize: 15
    leftPadding: 16
    rightPadding: 16

    background: Rectangle {
        radius: height / 2
        color: chip.checked ? "#0D47A1" : (chip.down ? "#D0DCEB" : "#EEF2F7")
        border.color: chip.visualFocus ? "#FF8F00" : (chip.checked ? "#0D47A1" : "#B8C4D4")
        border.width: chip.visualFocus ? 2 : 1
    }

    contentItem: Text {
        text: chip.text
        font: chip.font
        color: chip.checked ? "white" : "#0D2A4D"
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
}
