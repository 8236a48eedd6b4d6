// Unqualified ids are not checked in this file: its inline Components use
// the file's ids, which needs `pragma ComponentBehavior: Bound`, and Qt
// 6.4's Loader and ListView cannot create bound components ("Cannot
// instantiate bound component outside its creation context").
// qmllint disable unqualified
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Matome

// Open conflicts: the list, and for one cell base / mine / theirs side by
// side with the changed text marked; take mine, take theirs, or write a
// merged value.
SplitView {
    id: page

    property alias conflicts: conflictModel
    property alias list: list
    // 「この事業を開く」: the conflict's row in the workspace.
    signal openEntryRequested(var itemId, var departmentId)

    // After a choice, on to the next conflict still open.
    function resolved(ok) {
        if (!ok) return
        const next = conflictModel.nextOpen(list.currentIndex)
        if (next >= 0) list.currentIndex = next
    }
    function shown(text) { return text === "" ? qsTr("（空欄）") : text }

    ConflictListModel { id: conflictModel }
    // A handle wide enough to take with the mouse, and seen.
    handle: Rectangle {
        implicitWidth: 6
        color: SplitHandle.pressed ? palette.highlight
               : SplitHandle.hovered ? palette.midlight : palette.mid
    }
    Component.onCompleted: {
        const saved = ViewSettings.value("conflicts/split")
        if (saved) restoreState(saved)
    }
    onResizingChanged: if (!resizing) ViewSettings.setValue("conflicts/split", saveState())

    Pane {
        SplitView.preferredWidth: 380
        ColumnLayout {
            anchors.fill: parent
            Label {
                text: qsTr("競合 %1件").arg(conflictModel.count)
                font.bold: true
                font.pixelSize: 16
            }
            Label {
                visible: conflictModel.count === 0
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("競合はありません。同じ項目を別の端末で同時に変更すると、ここに表示されます。")
                color: palette.placeholderText
            }
            ListView {
                id: list
                objectName: "conflictList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: conflictModel
                currentIndex: count > 0 ? 0 : -1
                keyNavigationEnabled: true
                activeFocusOnTab: true
                highlight: Rectangle { color: Theme.selection; radius: 4 }
                highlightMoveDuration: 0
                delegate: ItemDelegate {
                    id: row
                    required property int index
                    required property var itemId
                    required property var departmentId
                    required property string at
                    required property string item
                    required property string field
                    required property string department
                    required property bool queued
                    required property string base
                    required property string theirs
                    required property string mineHtml
                    required property string theirsHtml
                    required property bool mineIsOwn
                    required property string sentBy
                    required property string serverBy
                    required property string serverAt
                    width: ListView.view.width
                    highlighted: ListView.isCurrentItem
                    onClicked: list.currentIndex = index
                    contentItem: ColumnLayout {
                        spacing: 0
                        Label { text: row.item; elide: Text.ElideRight; Layout.fillWidth: true }
                        Label {
                            text: row.field + (row.department !== "" ? "　" + row.department : "")
                                  + (row.queued ? qsTr("　（解決を送信待ち）") : "")
                            font.pixelSize: 12
                            color: palette.placeholderText
                        }
                    }
                }
            }
        }
    }

    Pane {
        SplitView.fillWidth: true
        Loader {
            anchors.fill: parent
            active: list.currentItem !== null
            sourceComponent: detail
        }
    }

    Component {
        id: detail
        ColumnLayout {
            id: view
            spacing: 10

            Label {
                text: list.currentItem ? list.currentItem.item + "　/　" + list.currentItem.field : "" // qmllint disable type
                font.bold: true
                font.pixelSize: 16
            }
            Label {
                objectName: "conflictExplanation"
                text: qsTr("%1 が %2 に送った値が、サーバーで先に変更された値とぶつかりました。どちらも失われていません。")
                      .arg(list.currentItem ? (list.currentItem.mineIsOwn ? qsTr("あなた") : list.currentItem.sentBy) : "") // qmllint disable type
                      .arg(list.currentItem ? list.currentItem.at : "")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Button {
                objectName: "openEntry"
                text: qsTr("この事業を開く")
                onClicked: page.openEntryRequested(list.currentItem.itemId, list.currentItem.departmentId) // qmllint disable type
            }
            RowLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 10
                Repeater {
                    model: [
                        { title: qsTr("元の値（共通の基準）"), html: false, key: "base" },
                        { title: qsTr("こちらの値"), html: true, key: "mineHtml" },
                        { title: list.currentItem && list.currentItem.serverBy !== "" // qmllint disable type
                                 ? qsTr("サーバーの値（%1、%2）").arg(list.currentItem.serverBy).arg(list.currentItem.serverAt)
                                 : qsTr("サーバーの値"), html: true, key: "theirsHtml" }
                    ]
                    Frame {
                        id: column
                        required property var modelData
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.preferredWidth: 1
                        ColumnLayout {
                            anchors.fill: parent
                            Label {
                                objectName: "conflictTitle_" + column.modelData.key
                                text: column.modelData.title
                                font.bold: true
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                            }
                            ScrollView {
                                Layout.fillWidth: true
                                Layout.fillHeight: true
                                Label {
                                    width: column.width - 30
                                    objectName: "conflict_" + column.modelData.key
                                    textFormat: column.modelData.html ? Text.RichText : Text.PlainText
                                    text: !list.currentItem ? ""
                                          : column.modelData.html ? list.currentItem[column.modelData.key]
                                          : page.shown(list.currentItem[column.modelData.key])
                                    wrapMode: Text.WordWrap
                                }
                            }
                        }
                    }
                }
            }
            Label { text: qsTr("まとめた値（ここで編集して「この値にする」）"); font.bold: true }
            // Looks like the field it is: a framed box on the input colour.
            TextArea {
                id: merged
                objectName: "mergedField"
                Layout.fillWidth: true
                Layout.preferredHeight: 90
                wrapMode: TextEdit.Wrap
                text: list.currentItem ? list.currentItem.theirs : "" // qmllint disable type
                placeholderText: qsTr("（空欄）")
                Accessible.name: qsTr("まとめた値")
                background: Rectangle {
                    color: palette.base
                    border.color: merged.activeFocus ? palette.highlight : palette.mid
                    border.width: merged.activeFocus ? 2 : 1
                    radius: 4
                }
            }
            Label {
                visible: conflictModel.error !== ""
                text: conflictModel.error
                color: Theme.error
            }
            RowLayout {
                visible: list.currentItem !== null && !list.currentItem.queued // qmllint disable type
                Button {
                    objectName: "takeMine"
                    text: qsTr("こちらの値を採用")
                    onClicked: page.resolved(conflictModel.takeMine(list.currentIndex))
                }
                Button {
                    objectName: "takeTheirs"
                    text: qsTr("サーバーの値を採用")
                    onClicked: page.resolved(conflictModel.takeTheirs(list.currentIndex))
                }
                Button {
                    objectName: "takeMerged"
                    text: qsTr("この値にする")
                    highlighted: true
                    onClicked: page.resolved(conflictModel.merge(list.currentIndex, merged.text))
                }
            }
            // A choice waits for the next sync and can be taken back until then.
            RowLayout {
                visible: list.currentItem !== null && list.currentItem.queued // qmllint disable type
                Label { text: qsTr("解決を次の同期で送ります。") }
                Button {
                    objectName: "undoResolution"
                    text: qsTr("取り消す")
                    onClicked: conflictModel.undo(list.currentIndex)
                }
            }
        }
    }
}
