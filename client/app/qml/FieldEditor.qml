// Unqualified ids are not checked in this file: its inline Components use
// the file's ids, which needs `pragma ComponentBehavior: Bound`, and Qt
// 6.4's Loader and ListView cannot create bound components ("Cannot
// instantiate bound component outside its creation context").
// qmllint disable unqualified
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Matome

// One template field: its editor by type, last year's value beside it, and
// what the server or the template rules say about it.
Frame {
    id: editor

    required property string key
    required property string label
    required property string type
    required property string elementType
    required property string scope
    required property string value
    required property string lastYearValue
    required property var options
    required property var series
    required property real target
    required property bool hasTarget
    required property string unit
    required property int maxLength
    required property bool required
    required property bool editable
    required property bool pending
    required property string refusedReason
    required property bool conflict
    required property string problem
    required property real version
    required property bool stale
    required property string theirs
    required property var columns
    required property var tableRows

    // `seenVersion`: the version of the value the user began typing on.
    signal edited(string key, string value, int year, real seenVersion)
    signal choiceToggled(string key, string option, bool chosen)
    signal tableEdited(string key, var rows, real seenVersion)
    signal discardRequested(string key)
    signal historyRequested(string key, int year)
    signal conflictRequested()

    function focusEditor() {
        const input = loader.item as Item
        if (input) input.forceActiveFocus()
    }
    // Drops what was typed for the server's newer value.
    function useServerValue() {
        editor.discardRequested(editor.key)
        if (loader.item && loader.item.take) loader.item.take() // qmllint disable type
    }

    background: Rectangle {
        color: editor.scope === "plan" ? Theme.plainSurface : Theme.fieldSurface
        border.color: editor.problem !== "" || editor.refusedReason !== "" ? Theme.errorBorder
                      : editor.conflict ? Theme.conflict : Theme.border
        radius: 6
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 6

        RowLayout {
            spacing: 8
            Label { text: editor.label; font.bold: true }
            Label { visible: editor.required; text: qsTr("必須"); color: Theme.error; font.pixelSize: 11 }
            Label {
                visible: editor.scope === "plan"
                text: qsTr("計画の項目（取りまとめ担当が設定）")
                color: palette.placeholderText
                font.pixelSize: 11
            }
            Label { visible: editor.pending; text: qsTr("● 未送信"); color: Theme.warning; font.pixelSize: 11 }
            Label { visible: editor.conflict; text: qsTr("競合あり"); color: Theme.conflict; font.bold: true; font.pixelSize: 11 }
            ToolButton {
                visible: editor.conflict
                text: qsTr("競合を見る")
                font.pixelSize: 11
                onClicked: editor.conflictRequested()
            }
            Item { Layout.fillWidth: true }
            Label {
                visible: editor.type === "long_text" || editor.type === "short_text"
                readonly property int length: editor.value.length
                text: editor.maxLength > 0 ? qsTr("%1 / %2 字").arg(length).arg(editor.maxLength)
                                           : qsTr("%1 字").arg(length)
                color: editor.maxLength > 0 && length > editor.maxLength ? Theme.error : palette.placeholderText
                font.pixelSize: 11
            }
            ToolButton {
                objectName: "history_" + editor.key
                text: qsTr("履歴")
                // Said as the field's name: ten buttons read as "履歴" tell nothing apart.
                Accessible.name: qsTr("「%1」の変更履歴").arg(editor.label)
                font.pixelSize: 11
                onClicked: editor.historyRequested(editor.key, 0)
                ToolTip.text: qsTr("誰がいつ変更したか（サーバーに接続が必要）")
                ToolTip.visible: hovered
            }
        }

        RowLayout {
            spacing: 12
            Loader {
                id: loader
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                sourceComponent: editor.type === "long_text" ? longText
                               : editor.type === "single_choice" ? singleChoice
                               : editor.type === "multi_choice" ? multiChoice
                               : editor.type === "year_series" ? yearSeries
                               : editor.type === "table" ? tableField
                               : shortText
            }
            // Last year's report, for reference and for copying.
            Rectangle {
                visible: editor.lastYearValue !== "" && editor.type !== "year_series"
                Layout.preferredWidth: 300
                Layout.minimumWidth: 300
                Layout.preferredHeight: lastYear.implicitHeight + 12
                Layout.alignment: Qt.AlignTop
                color: Theme.mutedSurface
                radius: 4
                Label {
                    id: lastYear
                    anchors.fill: parent
                    anchors.margins: 6
                    text: qsTr("前年度: %1").arg(editor.lastYearValue)
                    wrapMode: Text.WordWrap
                    color: Theme.mutedText
                    font.pixelSize: 12
                }
            }
        }

        // Someone changed the value on the server after the user began
        // typing: both are shown; sent as it is, the user's text conflicts.
        RowLayout {
            objectName: "stale_" + editor.key
            visible: editor.stale && editor.type !== "year_series"
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: qsTr("入力中に、この欄の値がサーバーで変わりました: 「%1」。このまま送ると、同期のあと競合として両方の値が残ります。")
                      .arg(editor.theirs === "" ? qsTr("（空欄）") : editor.theirs)
                color: Theme.warning
                wrapMode: Text.WordWrap
            }
            Button {
                text: qsTr("サーバーの値にする")
                onClicked: editor.useServerValue()
            }
        }
        Label {
            Layout.fillWidth: true
            visible: editor.problem !== ""
            text: editor.problem
            color: Theme.error
            wrapMode: Text.WordWrap
        }
        RowLayout {
            visible: editor.refusedReason !== ""
            Label {
                Layout.fillWidth: true
                text: qsTr("サーバーが受け付けませんでした: %1").arg(editor.refusedReason)
                color: Theme.error
                wrapMode: Text.WordWrap
            }
            Button { text: qsTr("この変更を取り消す"); onClicked: editor.discardRequested(editor.key) }
        }
    }

    Component {
        id: longText
        TextArea {
            id: area
            objectName: "editor_" + editor.key
            Accessible.name: editor.label  // not the placeholder: the field it fills
            readOnly: !editor.editable
            wrapMode: TextEdit.Wrap
            selectByMouse: true
            implicitHeight: Math.max(editor.editable ? 84 : 0, contentHeight + topPadding + bottomPadding)
            background: Rectangle {
                visible: editor.editable
                color: Theme.fieldSurface
                border.color: area.activeFocus ? Theme.focus : Theme.border
                radius: 3
            }
            placeholderText: editor.editable ? qsTr("入力してください") : ""
            function take() { areaSync.take() }
            EditorTextSync { id: areaSync; input: area; owner: editor }
            // Tab leaves the field (keyboard use); Ctrl+Tab would insert one.
            // Shift+Tab may come as Tab with Shift (Wayland, QTest): backwards too.
            KeyNavigation.priority: KeyNavigation.BeforeItem
            Keys.onTabPressed: event => { nextItemInFocusChain(!(event.modifiers & Qt.ShiftModifier)).forceActiveFocus(); event.accepted = true }
            Keys.onBacktabPressed: event => { nextItemInFocusChain(false).forceActiveFocus(); event.accepted = true }
        }
    }
    Component {
        id: shortText
        RowLayout {
            function forceActiveFocus() { field.forceActiveFocus() }
            function take() { fieldSync.take() }
            TextField {
                id: field
                objectName: "editor_" + editor.key
                Accessible.name: editor.label
                // A number is short: its unit sits right after it.
                Layout.fillWidth: editor.type !== "number"
                Layout.preferredWidth: editor.type === "number" ? 160 : -1
                horizontalAlignment: editor.type === "number" ? TextInput.AlignRight : TextInput.AlignLeft
                readOnly: !editor.editable
                selectByMouse: true
                inputMethodHints: editor.type === "number" ? Qt.ImhFormattedNumbersOnly : Qt.ImhNone
                background: Rectangle {
                    visible: editor.editable
                    color: Theme.fieldSurface
                    border.color: field.activeFocus ? Theme.focus : Theme.border
                    radius: 3
                }
                EditorTextSync { id: fieldSync; input: field; owner: editor }
            }
            Label { visible: editor.unit !== ""; text: editor.unit }
            Item { Layout.fillWidth: editor.type === "number" }
        }
    }
    Component {
        id: singleChoice
        // One Tab stop, as a radio group is on every desktop: Tab lands on
        // the chosen option (or the first), the arrow keys move and choose.
        ColumnLayout {
            id: choices
            spacing: 2
            function chosenIndex() {
                for (let i = 0; i < choiceRepeater.count; ++i)
                    if (choiceRepeater.itemAt(i).checked) return i
                return -1
            }
            function forceActiveFocus() {
                if (choiceRepeater.count > 0) choiceRepeater.itemAt(Math.max(0, chosenIndex())).forceActiveFocus()
            }
            function step(from, by) {
                const to = from + by
                if (to < 0 || to >= choiceRepeater.count || !editor.editable) return
                const option = choiceRepeater.itemAt(to)
                option.forceActiveFocus()
                editor.edited(editor.key, option.modelData.value, 0, -1) // qmllint disable type
            }
            ButtonGroup { id: group }
            Repeater {
                id: choiceRepeater
                model: editor.options
                RadioButton {
                    id: choice
                    required property var modelData
                    required property int index
                    objectName: "choice_" + editor.key + "_" + modelData.value
                    Layout.fillWidth: true
                    ButtonGroup.group: group
                    enabled: editor.editable
                    checked: editor.value === modelData.value
                    activeFocusOnTab: checked || activeFocus || (choices.chosenIndex() < 0 && index === 0)
                    Keys.onUpPressed: choices.step(index, -1)
                    Keys.onLeftPressed: choices.step(index, -1)
                    Keys.onDownPressed: choices.step(index, 1)
                    Keys.onRightPressed: choices.step(index, 1)
                    Accessible.name: editor.label + " " + text
                    text: modelData.definition !== "" ? modelData.value + "　" + modelData.definition
                                                      : modelData.value
                    onClicked: editor.edited(editor.key, checked ? modelData.value : "", 0, -1)
                    contentItem: Label {
                        leftPadding: choice.indicator.width + choice.spacing
                        text: choice.text
                        wrapMode: Text.WordWrap
                        opacity: choice.enabled ? 1 : 0.6
                    }
                }
            }
            Button {
                visible: editor.editable && editor.value !== ""
                flat: true
                text: qsTr("選択を外す")
                onClicked: editor.edited(editor.key, "", 0, -1)
            }
        }
    }
    Component {
        id: multiChoice
        // Many options (the 17 SDGs) sit in a compact grid, each with its number.
        GridLayout {
            columns: editor.options.length > 8 ? 3 : 1
            columnSpacing: 12
            rowSpacing: 0
            function forceActiveFocus() { if (multiRepeater.count > 0) multiRepeater.itemAt(0).forceActiveFocus() }
            Repeater {
                id: multiRepeater
                model: editor.options
                CheckBox {
                    required property var modelData
                    objectName: "choice_" + editor.key + "_" + modelData.value
                    Accessible.name: editor.label + " " + text
                    Layout.fillWidth: true
                    enabled: editor.editable
                    text: modelData.definition !== "" ? modelData.value + "　" + modelData.definition
                                                      : modelData.value
                    checked: editor.value.split("\n").indexOf(modelData.value) >= 0
                    onClicked: editor.choiceToggled(editor.key, modelData.value, checked)
                }
            }
        }
    }
    Component {
        id: tableField
        TableEditor {
            columns: editor.columns
            rows: editor.tableRows
            editable: editor.editable
            fieldKey: editor.key
            fieldLabel: editor.label
            onChanged: rows => editor.tableEdited(editor.key, rows, editor.version)
        }
    }
    Component {
        id: yearSeries
        RowLayout {
            spacing: 16
            function forceActiveFocus() { table.forceActiveFocus() }
            SeriesTable {
                id: table
                series: editor.series
                elementType: editor.elementType
                options: editor.options
                unit: editor.unit
                fieldKey: editor.key
                fieldLabel: editor.label
                onEdited: (year, value, seenVersion) => editor.edited(editor.key, value, year, seenVersion)
            }
            SeriesChart {
                objectName: "chart_" + editor.key
                visible: editor.elementType === "number"
                series: editor.series
                target: editor.target
                hasTarget: editor.hasTarget
                unit: editor.unit
                Layout.preferredWidth: 300
                Layout.preferredHeight: 140
            }
            Item { Layout.fillWidth: true }
        }
    }
}
