import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The entry's thread between the department and the coordinator. A new
// comment is kept locally and sent with the next sync.
ColumnLayout {
    id: thread

    property alias model: comments.model
    signal post(string body)

    spacing: 6

    Label { text: qsTr("コメント"); font.bold: true; font.pixelSize: 15 }
    Label {
        visible: comments.count === 0
        text: qsTr("まだコメントはありません。")
        color: palette.placeholderText
    }
    Repeater {
        id: comments
        Rectangle {
            id: bubble
            required property string author
            required property string body
            required property string at
            required property bool pending
            required property string refusedReason
            Layout.fillWidth: true
            implicitHeight: content.implicitHeight + 12
            radius: 6
            color: pending ? Theme.pendingSurface : Theme.mutedSurface
            ColumnLayout {
                id: content
                anchors.fill: parent
                anchors.margins: 6
                spacing: 2
                Label {
                    text: bubble.author + "　" + bubble.at
                    font.pixelSize: 11
                    color: Theme.mutedText
                }
                Label { Layout.fillWidth: true; text: bubble.body; wrapMode: Text.WordWrap }
                Label {
                    visible: bubble.refusedReason !== ""
                    text: qsTr("送信できませんでした: %1").arg(bubble.refusedReason)
                    color: Theme.error
                }
            }
        }
    }
    RowLayout {
        TextField {
            id: input
            objectName: "commentField"
            Accessible.name: qsTr("コメント")
            Layout.fillWidth: true
            placeholderText: qsTr("質問や連絡を書く（Enter で送信）")
            onAccepted: send.clicked()
        }
        Button {
            id: send
            text: qsTr("送信")
            enabled: input.text.trim() !== ""
            onClicked: { thread.post(input.text); input.clear() }
        }
    }
}
