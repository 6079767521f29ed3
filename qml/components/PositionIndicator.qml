import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CcnInspect

// The position in the header: accuracy and age at a glance.
RowLayout {
    id: indicator

    required property PositionTracker tracker
    // Portrait: accuracy only, the age is in the position panel.
    property bool compact: false

    spacing: 6

    Rectangle {
        width: 14
        height: 14
        radius: 7
        color: !indicator.tracker.hasFix ? "#9E9E9E" : (indicator.tracker.stale || indicator.tracker.warning !== "") ? "#FB8C00" : indicator.tracker.accuracyClass === PositionTracker.AccuracyBad ? "#E53935" : "#43A047"
    }

    Label {
        color: "white"
        font.pixelSize: 15
        text: !indicator.tracker.hasFix ? qsTr("Chưa có vị trí") : (isFinite(indicator.tracker.horizontalAccuracy) ? "± " + Math.round(indicator.tracker.horizontalAccuracy) + " m" : qsTr("độ chính xác ?")) + (indicator.compact ? "" : " · " + qsTr("%1 giây trước").arg(indicator.tracker.ageSeconds))
    }
}
