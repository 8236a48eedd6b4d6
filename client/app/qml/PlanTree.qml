// Unqualified ids are not checked in this file: its inline Components use
// the file's ids, which needs `pragma ComponentBehavior: Bound`, and Qt
// 6.4's Loader and ListView cannot create bound components ("Cannot
// instantiate bound component outside its creation context").
// qmllint disable unqualified
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Matome

// The plan as the city prints it (基本目標 › 施策 › 取組 › 事業), the user's
// rows marked, with filters and a search. Enter or a click opens a row.
Pane {
    id: pane

    property alias model: treeModel
    property alias list: list
    signal rowChosen(var itemId, var departmentId)

    function choose(index) {
        if (index < 0 || index >= list.count) return
        list.currentIndex = index
        list.positionViewAtIndex(index, ListView.Contain)
        const row = treeModel.rowAt(index)
        if (row.isRow) { // qmllint disable type
            treeModel.openItem = row.itemId
            pane.rowChosen(row.itemId, row.entryDepartmentId)
        }
    }
    function selectNext(step) {
        const next = treeModel.nextRow(list.currentIndex, step)
        if (next >= 0) choose(next)
    }
    // On start, open the first row so the form is not empty without reason.
    function openFirstRow() {
        if (treeModel.openItem !== 0) return
        const first = treeModel.nextRow(-1, 1)
        const row = treeModel.rowAt(first)
        if (!row.isRow) return // qmllint disable type
        list.currentIndex = first
        treeModel.openItem = row.itemId
        pane.rowChosen(row.itemId, row.entryDepartmentId)
        Qt.callLater(list.positionViewAtBeginning)  // keep the row's headings in view
    }
    function focusSearch() { search.forceActiveFocus(); search.selectAll() }
    // The search cleared and the list narrowed to a department and a status
    // (0 and "": all), for a row opened from another page.
    function filterTo(departmentId, status) {
        search.text = ""
        treeModel.searchText = ""
        treeModel.statusFilter = status
        treeModel.departmentFilter = departmentId
    }
    // One entry, from elsewhere (a conflict): the filters cleared so its row shows.
    function openEntry(itemId, departmentId) {
        filterTo(0, "")
        if (treeModel.indexOfItem(itemId) < 0) treeModel.mineOnly = false
        list.currentIndex = treeModel.indexOfItem(itemId)
        list.positionViewAtIndex(list.currentIndex, ListView.Contain)
        treeModel.openItem = itemId
        pane.rowChosen(itemId, departmentId)
    }
    // The dashboard's review queue: one department's entries in one status,
    // the first opened and the list focused to go through them.
    function openQueue(departmentId, status) {
        treeModel.mineOnly = false
        filterTo(departmentId, status)
        list.forceActiveFocus()
        choose(treeModel.nextRow(-1, 1))
    }

    padding: 8

    PlanTreeModel {
        id: treeModel
        // Keep the open row selected when a sync or a filter rebuilds the list.
        property var openItem: 0
        onModelReset: {
            list.currentIndex = indexOfItem(openItem)
            pane.openFirstRow()
        }
        Component.onCompleted: pane.openFirstRow()
    }
    // An edit saved or sent: the rows' 未送信 marks follow.
    Connections {
        target: SyncController
        function onStatusChanged() { treeModel.refreshUnsent() }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        RowLayout {
            ComboBox {
                id: scope
                objectName: "scopeFilter"
                Accessible.name: qsTr("表示する事業")
                model: [qsTr("自分の課の事業"), qsTr("すべての事業")]
                currentIndex: treeModel.mineOnly ? 0 : 1
                onActivated: index => treeModel.mineOnly = index === 0
                Layout.preferredWidth: 175
            }
            ComboBox {
                id: statusFilter
                objectName: "statusFilter"
                Accessible.name: qsTr("状態で絞り込む")
                textRole: "text"
                valueRole: "value"
                model: [
                    { text: qsTr("すべての状態"), value: "" },
                    { text: qsTr("未着手"), value: "not_started" },
                    { text: qsTr("作成中"), value: "draft" },
                    { text: qsTr("提出済"), value: "submitted" },
                    { text: qsTr("差戻し"), value: "returned" },
                    { text: qsTr("確定"), value: "accepted" }
                ]
                // Follows the model (the review queue sets it), once the options are there.
                currentIndex: count > 0 ? Math.max(0, indexOfValue(treeModel.statusFilter)) : -1
                onActivated: treeModel.statusFilter = currentValue
                Layout.preferredWidth: 130
            }
            TextField {
                id: search
                objectName: "searchField"
                Accessible.name: qsTr("事業を検索")
                Layout.fillWidth: true
                placeholderText: qsTr("検索 (Ctrl+F)")
                onTextChanged: treeModel.searchText = text
                Keys.onDownPressed: { list.forceActiveFocus(); pane.selectNext(1) }
            }
        }
        // The review queue's department, until the coordinator clears it.
        RowLayout {
            visible: treeModel.departmentFilter !== 0 // qmllint disable type
            Label {
                objectName: "departmentFilterLabel"
                Layout.fillWidth: true
                text: qsTr("担当課: %1").arg(treeModel.departmentFilterName)
                font.bold: true
            }
            Button {
                objectName: "clearDepartmentFilter"
                text: qsTr("すべての担当課")
                flat: true
                onClicked: treeModel.departmentFilter = 0
            }
        }
        Label {
            Layout.fillWidth: true
            text: Session.levelNames.join(" › ") // qmllint disable type
            elide: Text.ElideRight
            font.pixelSize: 12
        }
        Label {
            text: qsTr("%1 / %2 事業").arg(treeModel.rowCountShown).arg(treeModel.rowCountTotal)
            color: palette.placeholderText
            font.pixelSize: 12
        }

        ListView {
            id: list
            objectName: "planList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: treeModel
            currentIndex: -1
            keyNavigationEnabled: true
            activeFocusOnTab: true
            highlightMoveDuration: 0
            ScrollBar.vertical: ScrollBar {}
            Keys.onReturnPressed: pane.choose(currentIndex)
            Keys.onSpacePressed: pane.choose(currentIndex)
            onCurrentIndexChanged: if (activeFocus && treeModel.rowAt(currentIndex).isRow) pane.choose(currentIndex) // qmllint disable type

            // The focus ring: the current row framed while the list has the keyboard.
            highlight: Rectangle {
                color: Theme.selection
                radius: 4
                border.width: list.activeFocus ? 2 : 0
                border.color: palette.highlight
            }

            delegate: ItemDelegate {
                id: row
                required property int index
                required property var itemId
                required property string label
                required property string title
                required property int depth
                required property bool isRow
                required property bool mine
                required property string owners
                required property var entryDepartmentId
                required property string status
                required property string statusLabel
                required property var entries
                required property bool unsent

                width: ListView.view.width
                // Read out as the row reads: "3 認知症サポーター養成講座、高齢介護課、作成中、未送信".
                Accessible.name: isRow
                    ? [label + " " + title, owners, statusLabel]
                          .concat(mine ? [qsTr("自分の課")] : []) // qmllint disable type
                          .concat(unsent ? [qsTr("未送信")] : []).join("、")
                    : label + " " + title
                leftPadding: 8 + depth * 16
                highlighted: ListView.isCurrentItem
                onClicked: pane.choose(index)

                contentItem: RowLayout {
                    spacing: 8
                    Rectangle {
                        visible: row.isRow
                        width: 4; Layout.fillHeight: true
                        color: row.mine ? Theme.mine : "transparent"
                    }
                    Label {
                        text: row.label
                        font.bold: !row.isRow
                        color: row.isRow ? Theme.mutedText : palette.text
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Label {
                            Layout.fillWidth: true
                            text: row.title
                            font.bold: !row.isRow
                            elide: Text.ElideRight
                        }
                        Label {
                            visible: row.isRow
                            text: row.owners
                            font.pixelSize: 11
                            color: palette.placeholderText
                        }
                    }
                    // A shared row shows each owner's status to the coordinator.
                    Repeater {
                        model: row.isRow && Session.isCoordinator && row.entries.length > 1 ? row.entries : []
                        StatusChip {
                            required property var modelData
                            status: modelData.status
                            label: modelData.department + " " + modelData.statusLabel
                        }
                    }
                    StatusChip {
                        visible: row.isRow && !(Session.isCoordinator && row.entries.length > 1)
                        status: row.status
                        label: row.statusLabel
                    }
                    // Said in words, not by a colour alone.
                    Label {
                        objectName: "unsentMark"
                        visible: row.unsent
                        text: qsTr("未送信")
                        font.pixelSize: 11
                        font.bold: true
                        color: Theme.warning
                    }
                }
            }
        }
    }
}
