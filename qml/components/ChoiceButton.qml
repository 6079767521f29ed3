import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// One answer of a choice: touch size, filled when chosen.
Button {
    checkable: true
    highlighted: checked
    implicitHeight: 52
    implicitWidth: Math.max(96, implicitContentWidth + leftPadding + rightPadding)
    font.capitalization: Font.MixedCase
    font.pixelSize: 16
}
