import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Matome

// Always visible: online or not, what waits to be sent, the last sync,
// conflicts; sync now, and sync by file for machines with no route.
ToolBar {
    id: bar

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 12
        spacing: 14

        Rectangle {
            width: 10; height: 10; radius: 5
            color: SyncController.online ? Theme.success : Theme.mutedText
        }
        Label {
            objectName: "onlineLabel"
            text: SyncController.syncing ? qsTr("同期中…")
                  : SyncController.online ? qsTr("オンライン") : qsTr("オフライン")
        }
        Label {
            objectName: "pendingLabel"
            text: SyncController.pending > 0 ? qsTr("未送信 %1件").arg(SyncController.pending)
                                              : qsTr("未送信なし")
        }
        Label {
            visible: SyncController.refused > 0
            text: qsTr("受付拒否 %1件").arg(SyncController.refused)
            color: Theme.error
        }
        Label {
            visible: SyncController.conflicts > 0
            text: qsTr("競合 %1件").arg(SyncController.conflicts)
            color: Theme.warning
            font.bold: true
        }
        Label {
            text: SyncController.lastSync !== "" ? qsTr("最終同期 %1").arg(SyncController.lastSync)
                                                  : qsTr("未同期")
            color: palette.placeholderText
        }
        ProgressBar {
            indeterminate: true
            visible: SyncController.syncing || SyncController.fileBusy
            Layout.preferredWidth: 120
        }
        Label {
            Layout.fillWidth: true
            text: SyncController.message
            elide: Text.ElideRight
            color: palette.placeholderText
            ToolTip.text: SyncController.message
            ToolTip.visible: hover.hovered && SyncController.message !== ""
            HoverHandler { id: hover }
        }
        ToolButton {
            objectName: "errorLogButton"
            visible: SyncController.recentErrors.length > 0
            text: qsTr("問題の記録 (%1)").arg(SyncController.recentErrors.length)
            onClicked: errorLog.open()
        }
        Button {
            text: qsTr("ファイルへ書き出し")
            onClicked: exportDialog.open()
            ToolTip.text: qsTr("ネットワークのない端末から、変更をファイルで持ち出します")
            ToolTip.visible: hovered
        }
        Button {
            text: qsTr("返答を取り込み")
            onClicked: importDialog.open()
        }
        Button {
            objectName: "syncNowButton"
            text: qsTr("今すぐ同期 (F5)")
            highlighted: true
            onClicked: SyncController.syncNow()
        }
    }

    PlaceFileDialog {
        id: exportDialog
        place: "bundle"
        title: qsTr("変更の書き出し先")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("Matome 同期ファイル (*.matome)")]
        defaultSuffix: "matome"
        onAccepted: SyncController.exportBundle(selectedFile)
    }
    PlaceFileDialog {
        id: importDialog
        place: "bundle"
        title: qsTr("サーバーからの返答ファイル")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Matome 同期ファイル (*.matome)"), qsTr("すべてのファイル (*)")]
        onAccepted: SyncController.importAnswer(selectedFile)
    }
    Connections {
        target: SyncController
        function onFileDone(ok, message) {
            fileResult.title = ok ? qsTr("完了") : qsTr("できませんでした")
            fileResult.text = message
            fileResult.open()
        }
    }
    Dialog {
        id: errorLog
        anchors.centerIn: Overlay.overlay
        width: 640
        height: 360
        modal: true
        title: qsTr("同期の問題の記録（新しい順）")
        standardButtons: Dialog.Close
        ListView {
            anchors.fill: parent
            clip: true
            model: SyncController.recentErrors
            delegate: Label {
                required property string modelData
                width: ListView.view.width
                text: modelData
                wrapMode: Text.WordWrap
                bottomPadding: 6
            }
        }
    }
    Dialog {
        id: fileResult
        property alias text: resultLabel.text
        anchors.centerIn: Overlay.overlay
        modal: true
        standardButtons: Dialog.Ok
        Label { id: resultLabel; wrapMode: Text.WordWrap; width: 420 }
    }
}
