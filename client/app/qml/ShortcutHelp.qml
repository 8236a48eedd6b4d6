import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Every keyboard shortcut in one place (F1 or Ctrl+/). Tabs and buttons
// show theirs in tooltips; this is the list to learn them from.
Dialog {
    id: help
    objectName: "shortcutHelp"
    title: qsTr("キーボード操作")
    modal: true
    standardButtons: Dialog.Close
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 80 : 640, 640)

    readonly property var shortcuts: [
        [qsTr("F1 / Ctrl+/"), qsTr("この一覧を開く")],
        [qsTr("Ctrl+1 … Ctrl+5"), qsTr("作業 / 競合 / 取りまとめ / 取り込み / 報告書 の画面へ")],
        [qsTr("Ctrl+↓ / Ctrl+↑"), qsTr("次の事業 / 前の事業へ（入力欄にいても）")],
        [qsTr("Ctrl+Enter / Ctrl+Shift+Enter"), qsTr("次の入力欄 / 前の入力欄へ")],
        [qsTr("Tab / Shift+Tab"), qsTr("次の項目 / 前の項目へ（長い文章の欄でも）")],
        [qsTr("↑ ↓（選択肢の上で）"), qsTr("選択肢を選ぶ")],
        [qsTr("Alt+↑ / Alt+↓ / Alt+Delete（表の中で）"), qsTr("行を上へ / 下へ / 削除")],
        [qsTr("Ctrl+F"), qsTr("事業を検索")],
        [qsTr("F5 / Ctrl+R"), qsTr("今すぐ同期")]
    ]

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        Repeater {
            model: help.shortcuts
            RowLayout {
                required property var modelData
                Layout.fillWidth: true
                spacing: 16
                Label {
                    text: parent.modelData[0]
                    font.bold: true
                    Layout.preferredWidth: 240
                }
                Label {
                    text: parent.modelData[1]
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                }
            }
        }
    }
}
