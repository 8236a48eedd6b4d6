import QtQuick
import QtQuick.Controls

// An entry's status as a coloured chip: 未着手 作成中 課内確認中 提出済 差戻し 確定.
Rectangle {
    id: chip

    property string status: ""
    property string label: ""

    visible: label !== ""
    implicitWidth: text.implicitWidth + 14
    implicitHeight: text.implicitHeight + 4
    radius: height / 2
    color: Theme.statusColor(status)
    border.color: status === "returned" ? Theme.errorBorder : "transparent"

    Label {
        id: text
        anchors.centerIn: parent
        text: chip.label
        font.pixelSize: 12
        color: Theme.chipText
    }
}
