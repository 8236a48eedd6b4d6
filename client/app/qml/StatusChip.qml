import QtQuick
import QtQuick.Controls

// An entry's status as a coloured chip: 未着手 作成中 課内確認中 提出済 差戻し 確定.
Rectangle {
    id: chip

    property string status: ""
    property string label: ""

    readonly property var colors: ({
        "not_started": "#e8eaed", "draft": "#fff3cd", "checking": "#e0f0ff",
        "submitted": "#d2e3fc", "returned": "#fce8e6", "accepted": "#ceead6"
    })

    visible: label !== ""
    implicitWidth: text.implicitWidth + 14
    implicitHeight: text.implicitHeight + 4
    radius: height / 2
    color: colors[status] ?? "#e8eaed"
    border.color: status === "returned" ? "#d93025" : "transparent"

    Label {
        id: text
        anchors.centerIn: parent
        text: chip.label
        font.pixelSize: 12
        color: "#202124"
    }
}
