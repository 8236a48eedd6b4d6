import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Matome

// For the coordinator: what changed in an entry since it was last accepted,
// field by field, the changes marked.
Dialog {
    id: dialog

    property alias review: reviewModel

    function open(itemId, departmentId, year, title) {
        dialog.title = qsTr("「%1」前回確定からの変更").arg(title)
        reviewModel.load(itemId, departmentId, year)
        visible = true
    }

    anchors.centerIn: Overlay.overlay
    width: Math.min(820, parent ? parent.width - 60 : 820)
    height: Math.min(560, parent ? parent.height - 60 : 560)
    modal: true
    standardButtons: Dialog.Close

    ReviewModel { id: reviewModel }

    ColumnLayout {
        anchors.fill: parent
        BusyIndicator { visible: reviewModel.loading; running: visible }
        Label {
            Layout.fillWidth: true
            visible: reviewModel.error !== ""
            text: reviewModel.error
            wrapMode: Text.WordWrap
        }
        Label {
            visible: reviewModel.acceptedAt !== "" && !reviewModel.loading
            text: qsTr("%1 に確定した内容との違い: %2項目").arg(reviewModel.acceptedAt).arg(reviewModel.changedCount)
            font.bold: true
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: reviewModel.error === ""
            clip: true
            model: reviewModel
            spacing: 8
            ScrollBar.vertical: ScrollBar {}
            delegate: ColumnLayout {
                id: field
                required property string label
                required property string changeHtml
                required property bool changed
                width: ListView.view.width
                Label {
                    text: field.label + (field.changed ? qsTr("（変更あり）") : qsTr("（変更なし）"))
                    font.bold: true
                    color: field.changed ? Theme.warning : palette.text
                }
                Label {
                    Layout.fillWidth: true
                    textFormat: Text.RichText
                    text: field.changeHtml
                    wrapMode: Text.WordWrap
                }
            }
        }
    }
}
