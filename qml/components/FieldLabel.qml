import QtQuick
import QtQuick.Controls

// A form field's label; a red star when the field is required.
Label {
    property bool required: false

    topPadding: 8
    textFormat: Text.StyledText
    font.bold: true
    wrapMode: Text.Wrap
    Component.onCompleted: if (required)
        text = text + " <font color='#C62828'>*</font>"
}
