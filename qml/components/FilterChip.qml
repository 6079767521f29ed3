import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// A filter chip: a checkable button of touch size.
Button {
    id: chip

    checkable: true
    flat: !checked
    highlighted: checked
    implicitHeight: 48
    font.pixelSize: 15
    font.capitalization: Font.MixedCase
    leftPadding: 14
    rightPadding: 14
}
