import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CcnInspect

// Login to the province's registry. The password is sent once and never stored; the device keeps
// only the registry's token. Emits loggedIn() when done.
Page {
    id: page

    required property SyncClient syncClient

    signal loggedIn

    title: qsTr("Đăng nhập")

    Connections {
        function onLoginFinished(ok, message) {
            passwordField.text = "";
            if (ok)
                page.loggedIn();
        }

        target: page.syncClient
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(parent.width - 32, 480)
            x: (parent.width - width) / 2
            spacing: 12

            Item {
                Layout.preferredHeight: 16
            }

            Label {
                Layout.fillWidth: true
                text: qsTr("Đăng nhập để đồng bộ dữ liệu với hệ thống quản lý cụm công nghiệp của tỉnh.")
                wrapMode: Text.WordWrap
            }

            Label {
                text: qsTr("Địa chỉ máy chủ")
            }

            TextField {
                id: serverField

                Layout.fillWidth: true
                Layout.preferredHeight: 56
                text: page.syncClient.serverUrl.toString()
                placeholderText: "https://ccn.sct.gov.vn"
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
            }

            Label {
                text: qsTr("Tên đăng nhập")
            }

            TextField {
                id: userField

                Layout.fillWidth: true
                Layout.preferredHeight: 56
                text: page.syncClient.user
                inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
            }

            Label {
                text: qsTr("Mật khẩu")
            }

            TextField {
                id: passwordField

                Layout.fillWidth: true
                Layout.preferredHeight: 56
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                onAccepted: loginButton.clicked()
            }

            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: page.syncClient.lastError
                color: "#b3261e"
                wrapMode: Text.WordWrap
            }

            Button {
                id: loginButton

                Layout.fillWidth: true
                Layout.preferredHeight: 56
                text: page.syncClient.loggingIn ? qsTr("Đang đăng nhập…") : qsTr("Đăng nhập")
                enabled: !page.syncClient.loggingIn && userField.text.length > 0 && passwordField.text.length > 0 && serverField.text.length > 0
                onClicked: {
                    page.syncClient.setServerAddress(serverField.text);
                    page.syncClient.login(userField.text, passwordField.text);
                }
            }

            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                running: page.syncClient.loggingIn
                visible: running
            }
        }
    }
}
