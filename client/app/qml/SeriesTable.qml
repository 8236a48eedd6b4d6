// Unqualified ids are not checked in this file: its inline Components use
// the file's ids, which needs `pragma ComponentBehavior: Bound`, and Qt
// 6.4's Loader and ListView cannot create bound components ("Cannot
// instantiate bound component outside its creation context").
// qmllint disable unqualified
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A year series as a table: one column per fiscal year (R4 R5 R6 …); past
// years read-only, this year editable (or every year for the coordinator's
// plan marks).
RowLayout {
    id: table

    property var series: []
    property string elementType: "short_text"
    property var options: []
    property string unit: ""
    property string fieldKey: ""
    property string fieldLabel: ""  // said with each cell's year to a screen reader
    signal edited(int year, string value, real seenVersion)

    function forceActiveFocus() {
        for (let i = 0; i < cells.count; ++i) {
            const cell = cells.itemAt(i)
            if (cell && cell.editable) { cell.forceActiveFocus(); return }
        }
    }

    spacing: 4

    // The model is the number of years, not the series itself: a save hands
    // over a new series, and a new model would rebuild every cell and drop
    // the focus and the next keystrokes. Each cell reads its year instead.
    Repeater {
        id: cells
        model: table.series.length
        ColumnLayout {
            id: cell
            required property int index
            readonly property var modelData: table.series[index] ?? ({})
            readonly property bool editable: modelData.editable === true
            function forceActiveFocus() { input.forceActiveFocus() }
            spacing: 2
            Label {
                Layout.alignment: Qt.AlignHCenter
                text: cell.modelData.label
                font.bold: cell.modelData.current
                font.pixelSize: 12
            }
            Loader {
                id: input
                Layout.preferredWidth: table.elementType === "number" ? 84 : 64
                function forceActiveFocus() { if (item) (item as Item).forceActiveFocus() }
                sourceComponent: table.options.length > 0 ? choiceCell : textCell
                Component {
                    id: textCell
                    TextField {
                        id: textCellField
                        objectName: "series_" + table.fieldKey + "_" + cell.modelData.year
                        Accessible.name: table.fieldLabel + " " + cell.modelData.label
                        readOnly: !cell.modelData.editable
                        horizontalAlignment: TextInput.AlignRight
                        // What was last taken from the model and its version,
                        // the base of what the user types: a value pulled
                        // while the user types in this cell is not taken
                        // (their text would conflict with it on sync).
                        property string loaded: ""
                        property real base: 0
                        function take() {
                            if (text !== cell.modelData.value) text = cell.modelData.value ?? ""
                            loaded = text
                            base = cell.modelData.version ?? 0
                        }
                        Component.onCompleted: take()
                        Connections {
                            target: cell
                            function onModelDataChanged() {
                                if (!textCellField.activeFocus || textCellField.text === textCellField.loaded
                                        || textCellField.text === cell.modelData.value)
                                    textCellField.take()
                            }
                        }
                        onTextChanged: if (text !== cell.modelData.value && !readOnly) table.edited(cell.modelData.year, text, base)
                        background: Rectangle {
                            border.color: parent.activeFocus ? Theme.focus : Theme.border
                            color: cell.modelData.editable ? Theme.fieldSurface : Theme.mutedSurface
                        }
                        ToolTip.text: cell.modelData.editable ? "" : qsTr("過去の年度は閲覧のみです")
                        ToolTip.visible: hovered && !cell.modelData.editable
                    }
                }
                Component {
                    id: choiceCell
                    ComboBox {
                        Accessible.name: table.fieldLabel + " " + cell.modelData.label
                        enabled: cell.modelData.editable
                        model: [""].concat(table.options.map(o => o.value)) // qmllint disable type
                        currentIndex: Math.max(0, model.indexOf(cell.modelData.value))
                        onActivated: index => table.edited(cell.modelData.year, model[index], -1)
                    }
                }
            }
        }
    }
    Label {
        visible: table.unit !== ""
        Layout.alignment: Qt.AlignBottom
        bottomPadding: 8
        text: table.unit
    }
}
