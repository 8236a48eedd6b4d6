import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Matome

// First start: the server address (preset by the site when configured),
// user and password. Only the device token is kept, never the password.
Item {
    id: page

    property string initialServer: ""
    property string initialLogin: ""
    property string note: ""  // why a signed-in user is asked again

    function submit() {
        Session.signIn(server.text, login.text, password.text)
    }

    // A failed attempt clears the password (never left typed in a form)
    // and puts the keyboard back there; the address and user name stay.
    Connections {
        target: Session
        function onBusyChanged() {
            if (Session.busy || Session.error === "") return
            password.text = ""
            password.forceActiveFocus()
        }
    }

    Pane {
        anchors.centerIn: parent
        width: Math.min(parent.width - 40, 460)

        ColumnLayout {
            anchors.left: parent.left
            anchors.right: parent.right
            spacing: 10

            Label {
                text: qsTr("Matome にサインイン")
                font.pixelSize: 22
                font.bold: true
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("初回だけサーバーへの接続が必要です。その後はネットワークがなくても使えます。")
                color: palette.placeholderText
            }
            Label {
                Layout.fillWidth: true
                visible: page.note !== ""
                text: page.note
                wrapMode: Text.WordWrap
                color: Theme.warning
            }
            Label { text: qsTr("サーバーのアドレス") }
            TextField {
                id: server
                objectName: "serverField"
                Layout.fillWidth: true
                text: page.initialServer !== "" ? page.initialServer : Session.defaultServerUrl
                placeholderText: "https://matome.example.lg.jp"
                inputMethodHints: Qt.ImhUrlCharactersOnly
                KeyNavigation.tab: login
                onAccepted: login.forceActiveFocus()
            }
            Label { text: qsTr("ユーザー名") }
            TextField {
                id: login
                objectName: "loginField"
                Layout.fillWidth: true
                text: page.initialLogin
                focus: true
                KeyNavigation.tab: password
                onAccepted: password.forceActiveFocus()
            }
            Label { text: qsTr("パスワード") }
            TextField {
                id: password
                objectName: "passwordField"
                Layout.fillWidth: true
                echoMode: TextInput.Password
                KeyNavigation.tab: signInButton
                onAccepted: page.submit()
            }
            Label {
                Layout.fillWidth: true
                visible: Session.error !== ""
                text: Session.error
                color: Theme.error
                wrapMode: Text.WordWrap
            }
            RowLayout {
                Button {
                    id: signInButton
                    objectName: "signInButton"
                    text: qsTr("サインイン")
                    highlighted: true
                    enabled: !Session.busy
                    onClicked: page.submit()
                    Keys.onReturnPressed: page.submit()
                }
                BusyIndicator { running: Session.busy; visible: running; Layout.preferredHeight: 32 }
            }
        }
    }
}
