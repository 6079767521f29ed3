import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The error of the field above it (empty: hidden).
Label {
    Layout.fillWidth: true
    visible: text !== ""
    wrapMode: Text.Wrap
    color: "#B71C1C"
}
