import QtQuick
import QtQuick.Controls

// A heading between the parts of a page.
Label {
    font.pixelSize: 19
    font.bold: true
    color: "#0D47A1"
    topPadding: 8
    wrapMode: Text.Wrap
}
