import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Matome

// A cell's history from the server: who, when, which device, old → new.
Dialog {
    id: dialog

    function open(itemId, departmentId, year, field, label) {
        title = qsTr("「%1」の変更履歴").arg(label)
        historyModel.load(itemId, departmentId, year, field)
        visible = true
    }

    anchors.centerIn: Overlay.overlay
    width: Math.min(760, parent ? parent.width - 60 : 760)
    height: Math.min(520, parent ? parent.height - 60 : 520)
    modal: true
    standardButtons: Dialog.Close

    HistoryModel { id: historyModel }

    ColumnLayout {
        anchors.fill: parent
        BusyIndicator { visible: historyModel.loading; running: visible }
        Label {
            Layout.fillWidth: true
            visible: historyModel.error !== ""
            text: historyModel.error
            wrapMode: Text.WordWrap
            color: Theme.error
        }
        Label {
            visible: !historyModel.loading && historyModel.error === "" && list.count === 0
            text: qsTr("変更の記録はまだありません。")
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: historyModel
            spacing: 8
            ScrollBar.vertical: ScrollBar {}
            delegate: ColumnLayout {
                id: change
                required property string at
                required property string user
                required property string device
                required property string changeHtml
                width: ListView.view.width
                Label {
                    text: qsTr("%1　%2（端末 %3）").arg(change.at).arg(change.user).arg(change.device)
                    font.bold: true
                }
                Label {
                    Layout.fillWidth: true
                    textFormat: Text.RichText
                    text: change.changeHtml
                    wrapMode: Text.WordWrap
                }
            }
        }
    }
}
