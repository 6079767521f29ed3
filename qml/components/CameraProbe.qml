import QtQuick
import QtMultimedia

// Whether the device has a camera. In a file of its own so that Qt Multimedia is loaded only when
// Main.qml asks (after the first frame), not while the window starts.
MediaDevices {
    readonly property bool hasCamera: videoInputs.length > 0
}
