// Unqualified ids are not checked in this file: its inline Components use
// the file's ids, which needs `pragma ComponentBehavior: Bound`, and Qt
// 6.4's Loader and ListView cannot create bound components ("Cannot
// instantiate bound component outside its creation context").
// qmllint disable unqualified
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A table field in the form: one line per row, one editor per column (a
// line, a paragraph, a number or a choice), rows added, moved and removed.
// Every change hands the whole table back (`changed`); the controller
// stores it canonically, dropping rows left wholly empty.
ColumnLayout {
    id: table

    property var columns: []
    property var rows: []
    property bool editable: false
    property string fieldKey: ""
    property string fieldLabel: ""  // said with each control, which row and which table
    // "主な活動 2行目": where a control stands, for a screen reader.
    function rowName(row) { return qsTr("%1 %2行目").arg(table.fieldLabel).arg(row + 1) }
    signal changed(var rows)

    // The working copy: the model's rows, plus a row being added.
    property var draft: []
    onRowsChanged: draft = rows.map(r => r.slice())
    Component.onCompleted: draft = rows.map(r => r.slice())

    spacing: 4

    function forceActiveFocus() {
        if (lines.count > 0) lines.itemAt(0).focusCell(0) // qmllint disable type
        else addButton.forceActiveFocus()
    }
    function commit() { table.changed(table.draft) }
    function setCell(row, column, text) {
        if (table.draft[row][column] === text) return
        table.draft[row][column] = text
        commit()
    }
    function addRow() {
        const copy = table.draft.map(r => r.slice())
        copy.push(table.columns.map(() => ""))
        table.draft = copy
        Qt.callLater(() => lines.itemAt(lines.count - 1).focusCell(0)) // qmllint disable type
    }
    function moveRow(from, to) {
        if (to < 0 || to >= table.draft.length) return
        const copy = table.draft.map(r => r.slice())
        const moved = copy.splice(from, 1)[0]
        copy.splice(to, 0, moved)
        table.draft = copy
        commit()
        Qt.callLater(() => lines.itemAt(to).focusCell(0))
    }
    function removeRow(at) {
        const copy = table.draft.map(r => r.slice())
        copy.splice(at, 1)
        table.draft = copy
        commit()
    }

    RowLayout {
        spacing: 6
        Label { text: "#"; Layout.preferredWidth: 24; color: palette.placeholderText }
        Repeater {
            model: table.columns
            Label {
                required property var modelData
                text: modelData.label + (modelData.required ? " *" : "")
                font.bold: true
                Layout.preferredWidth: modelData.type === "long_text" ? 360 : 160
            }
        }
    }
    Label {
        visible: table.draft.length === 0
        text: table.editable ? qsTr("行がありません。「行を追加」で始めます。") : qsTr("（空欄）")
        color: palette.placeholderText
    }
    Repeater {
        id: lines
        model: table.draft.length
        RowLayout {
            id: line
            required property int index
            spacing: 6
            function focusCell(column) { if (cells.count > column) cells.itemAt(column).forceActiveFocus() }

            Label { text: (line.index + 1) + "."; Layout.preferredWidth: 24; Layout.alignment: Qt.AlignTop }
            Repeater {
                id: cells
                model: table.columns
                Loader {
                    id: cell
                    required property var modelData
                    required property int index
                    readonly property int column: index
                    readonly property string text: table.draft[line.index] ? table.draft[line.index][column] : ""
                    Layout.preferredWidth: modelData.type === "long_text" ? 360 : 160
                    Layout.alignment: Qt.AlignTop
                    function forceActiveFocus() { if (item) (item as Item).forceActiveFocus() }
                    sourceComponent: modelData.type === "single_choice" ? choiceCell
                                   : modelData.type === "long_text" ? paragraphCell : lineCell

                    Component {
                        id: lineCell
                        TextField {
                            objectName: "cell_" + table.fieldKey + "_" + line.index + "_" + cell.column
                            text: cell.text
                            readOnly: !table.editable
                            horizontalAlignment: cell.modelData.type === "number" ? TextInput.AlignRight : TextInput.AlignLeft
                            onEditingFinished: table.setCell(line.index, cell.column, text)
                            Keys.onPressed: event => table.rowKeys(event, line.index, cell.column, text)
                            Accessible.name: table.rowName(line.index) + " " + cell.modelData.label
                        }
                    }
                    Component {
                        id: paragraphCell
                        TextArea {
                            objectName: "cell_" + table.fieldKey + "_" + line.index + "_" + cell.column
                            text: cell.text
                            readOnly: !table.editable
                            wrapMode: TextEdit.Wrap
                            onEditingFinished: table.setCell(line.index, cell.column, text)
                            KeyNavigation.priority: KeyNavigation.BeforeItem
                            Keys.onTabPressed: event => { table.setCell(line.index, cell.column, text); nextItemInFocusChain(!(event.modifiers & Qt.ShiftModifier)).forceActiveFocus(); event.accepted = true }
                            Keys.onBacktabPressed: event => { nextItemInFocusChain(false).forceActiveFocus(); event.accepted = true }
                            Keys.onPressed: event => table.rowKeys(event, line.index, cell.column, text)
                            Accessible.name: table.rowName(line.index) + " " + cell.modelData.label
                            background: Rectangle { color: Theme.fieldSurface; border.color: parent.activeFocus ? Theme.focus : Theme.border; radius: 3 }
                        }
                    }
                    Component {
                        id: choiceCell
                        ComboBox {
                            objectName: "cell_" + table.fieldKey + "_" + line.index + "_" + cell.column
                            enabled: table.editable
                            model: [""].concat(cell.modelData.options)
                            currentIndex: Math.max(0, model.indexOf(cell.text))
                            onActivated: index => table.setCell(line.index, cell.column, model[index])
                            Accessible.name: table.rowName(line.index) + " " + cell.modelData.label
                        }
                    }
                }
            }
            ToolButton {
                visible: table.editable
                text: "↑"
                Accessible.name: qsTr("%1を上へ").arg(table.rowName(line.index))
                enabled: line.index > 0
                onClicked: table.moveRow(line.index, line.index - 1)
                ToolTip.text: qsTr("上へ (Alt+↑)")
                ToolTip.visible: hovered
            }
            ToolButton {
                visible: table.editable
                text: "↓"
                Accessible.name: qsTr("%1を下へ").arg(table.rowName(line.index))
                enabled: line.index < table.draft.length - 1
                onClicked: table.moveRow(line.index, line.index + 1)
                ToolTip.text: qsTr("下へ (Alt+↓)")
                ToolTip.visible: hovered
            }
            ToolButton {
                objectName: "removeRow_" + table.fieldKey + "_" + line.index
                visible: table.editable
                text: qsTr("削除")
                Accessible.name: qsTr("%1を削除").arg(table.rowName(line.index))
                onClicked: table.removeRow(line.index)
                ToolTip.text: qsTr("この行を削除 (Alt+Delete)")
                ToolTip.visible: hovered
            }
        }
    }
    // Alt+↑/↓ move the row the cursor is in, with what was typed in the
    // cell; Alt+Delete removes it.
    function rowKeys(event, row, column, text) {
        if (!table.editable || !(event.modifiers & Qt.AltModifier)) return
        table.draft[row][column] = text
        if (event.key === Qt.Key_Up) { table.moveRow(row, row - 1); event.accepted = true }
        else if (event.key === Qt.Key_Down) { table.moveRow(row, row + 1); event.accepted = true }
        else if (event.key === Qt.Key_Delete) { table.removeRow(row); event.accepted = true }
    }
    Button {
        id: addButton
        objectName: "addRow_" + table.fieldKey
        visible: table.editable
        text: qsTr("行を追加")
        Accessible.name: qsTr("「%1」に行を追加").arg(table.fieldLabel)
        onClicked: table.addRow()
    }
}
