import QtQuick
import QtQuick.Controls
import CcnInspect

// Thumbnails of photos (upright), tap to open one.
Flow {
    id: strip

    required property PhotoModel photos

    signal photoClicked(string photoId)

    spacing: 8

    Repeater {
        model: strip.photos

        AbstractButton {
            required property var model

            width: 120
            height: 120
            onClicked: strip.photoClicked(model.id)

            contentItem: Image {
                id: thumbnail

                source: parent.model.thumbnailUrl
                autoTransform: true
                fillMode: Image.PreserveAspectCrop
                asynchronous: false
                sourceSize.width: 240

                // A photo from another device whose thumbnail has not come yet (next round).
                Label {
                    anchors.fill: parent
                    visible: thumbnail.status !== Image.Ready
                    text: qsTr("Ảnh chưa về máy")
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    wrapMode: Text.Wrap
                    color: "#555555"
                }
            }
        }
    }

    Label {
        visible: strip.photos.count === 0
        text: qsTr("Chưa có ảnh.")
        color: "#555555"
    }
}
