import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtMultimedia
import CcnInspect

// Takes a photo with the device camera for a checklist question or a violation. The camera's
// file is handed to PhotoManager with the current position fix (source: camera).
// Only offered where a camera exists (MediaDevices); not run in tests (no camera there).
Page {
    id: page

    required property AppController app
    property string questionId: ""
    property string violationId: ""
    property string message: ""

    signal done

    title: qsTr("Chụp ảnh")

    CaptureSession {
        id: session

        videoOutput: preview
        camera: Camera {
            active: true
        }
        imageCapture: ImageCapture {
            id: capture

            onImageSaved: (requestId, path) => {
                const r = page.app.inspection.attachPhoto(path, page.questionId, page.violationId, true);
                page.message = r.ok ? "" : r.message;
                if (r.ok)
                    page.done();
            }
            onErrorOccurred: (requestId, error, errorString) => page.message = errorString
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8

        VideoOutput {
            id: preview

            Layout.fillWidth: true
            Layout.fillHeight: true
        }

        Label {
            Layout.fillWidth: true
            visible: page.message !== ""
            text: page.message
            color: "#B71C1C"
            wrapMode: Text.Wrap
        }

        Button {
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredHeight: 64
            Layout.preferredWidth: 240
            highlighted: true
            enabled: capture.readyForCapture
            text: qsTr("Chụp")
            onClicked: capture.captureToFile("")
        }
    }
}
