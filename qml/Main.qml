import QtQuick
import QtQuick.Controls

ApplicationWindow {
    width: 1024
    height: 768
    visible: true
    title: qsTr("Kiểm tra CCN")
}
