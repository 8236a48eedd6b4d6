pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Matome

// One entry's form, generated from the report template. Every field saves
// as it is edited; the workflow buttons offer only the steps the user may
// take now.
Pane {
    id: form

    property alias controller: entry
    property alias fieldList: fieldRepeater
    property alias returnDialog: returnDialog
    signal conflictsRequested()

    padding: 0

    EntryController {
        id: entry
        onProblemAt: key => {
            const i = entry.fields.indexOfKey(key)
            const editor = fieldRepeater.itemAt(i)
            if (editor) { scroll.contentItem.contentY = Math.max(0, editor.y - 20); editor.focusEditor() }
        }
    }

    // Another entry rebuilds the editors (FieldListModel::setFields); the
    // field that had the keyboard gets it back in the new entry.
    property string focusedKey: ""
    function focusedFieldKey() {
        for (let item = form.Window.activeFocusItem; item; item = item.parent) {
            if (item.focusEditor !== undefined && item.key !== undefined) return item.key
        }
        return ""
    }
    Connections {
        target: entry.fields
        function onModelAboutToBeReset() { form.focusedKey = form.focusedFieldKey() }
        // Later: the Repeater makes the new editors on the same signal.
        function onModelReset() { if (form.focusedKey !== "") Qt.callLater(form.restoreFocus) } // qmllint disable type
    }
    function restoreFocus() {
        const editor = fieldRepeater.itemAt(entry.fields.indexOfKey(form.focusedKey)) as FieldEditor
        form.focusedKey = ""
        if (editor) editor.focusEditor()
    }

    // Ctrl+Enter: the next field, from anywhere in the form.
    function focusNextField(step) {
        const key = focusedFieldKey()
        const from = key === "" ? -1 : entry.fields.indexOfKey(key)
        for (let i = from + step; i >= 0 && i < fieldRepeater.count; i += step) {
            const editor = fieldRepeater.itemAt(i)
            if (editor && editor.editable) { editor.focusEditor(); return true }
        }
        return false
    }
    Shortcut {
        sequences: ["Ctrl+Return", "Ctrl+Enter"]
        enabled: entry.valid
        onActivated: form.focusNextField(1)
    }
    Shortcut {
        sequences: ["Ctrl+Shift+Return", "Ctrl+Shift+Enter"]
        enabled: entry.valid
        onActivated: form.focusNextField(-1)
    }

    // The field (and the caret in a long text) that has the keyboard stays
    // in view: Tab into a field below the fold, or a text growing past it.
    function keepInView(item) {
        const flick = scroll.contentItem as Flickable
        if (!item || !flick || !flick.contentItem) return
        let inside = false
        for (let p = item; p; p = p.parent) if (p === flick.contentItem) { inside = true; break }
        if (!inside) return
        let top = item.mapToItem(flick.contentItem, 0, 0).y
        let bottom = top + Math.min(item.height, flick.height - 40)
        if (item.cursorRectangle !== undefined) {  // a text: its caret, not its whole height
            const caret = item.mapToItem(flick.contentItem, item.cursorRectangle.x, item.cursorRectangle.y)
            top = Math.min(top, caret.y)
            bottom = caret.y + item.cursorRectangle.height
        }
        const maxY = Math.max(0, flick.contentHeight - flick.height)
        if (top < flick.contentY + 8) flick.contentY = Math.max(0, top - 20)
        else if (bottom > flick.contentY + flick.height - 8) flick.contentY = Math.min(maxY, bottom - flick.height + 20)
    }
    Connections {
        target: form.Window.window
        function onActiveFocusItemChanged() { form.keepInView(form.Window.activeFocusItem) }
    }
    Connections {
        target: form.Window.activeFocusItem && form.Window.activeFocusItem.cursorRectangle !== undefined // qmllint disable type
                ? form.Window.activeFocusItem : null
        ignoreUnknownSignals: true
        function onCursorRectangleChanged() { form.keepInView(form.Window.activeFocusItem) }
    }

    Label {
        anchors.centerIn: parent
        visible: !entry.valid
        text: qsTr("左の一覧から事業を選んでください（Ctrl+↓ で次の事業）")
        color: palette.placeholderText
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        visible: entry.valid
        contentWidth: availableWidth

        ColumnLayout {
            width: scroll.availableWidth
            spacing: 10

            Item { Layout.preferredHeight: 4 }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: 16
                text: entry.itemPath
                color: palette.placeholderText
                font.pixelSize: 12
                elide: Text.ElideMiddle
            }
            RowLayout {
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                spacing: 10
                Label {
                    objectName: "entryTitle"
                    Layout.fillWidth: true
                    text: entry.itemLabel + "　" + entry.itemTitle
                    font.pixelSize: 20
                    font.bold: true
                    wrapMode: Text.WordWrap
                }
                Label { text: entry.pageRef; color: palette.placeholderText }
                StatusChip {
                    objectName: "entryStatus"
                    status: entry.status
                    label: entry.statusLabel
                }
                Label {
                    visible: entry.pendingAction !== ""
                    text: qsTr("「%1」送信待ち").arg(entry.actionLabel(entry.pendingAction))
                    color: Theme.warning
                }
            }
            // A shared row: the coordinator switches between the owners' entries.
            TabBar {
                Layout.leftMargin: 16
                visible: entry.owners.length > 1 && Session.isCoordinator
                currentIndex: {
                    for (let i = 0; i < entry.owners.length; ++i)
                        if (entry.owners[i].departmentId === entry.departmentId) return i
                    return 0
                }
                Repeater {
                    model: entry.owners
                    TabButton {
                        required property var modelData
                        text: modelData.name
                        width: implicitWidth
                        onClicked: entry.departmentId = modelData.departmentId
                    }
                }
            }
            Label {
                Layout.leftMargin: 16
                visible: entry.owners.length > 1 && !Session.isCoordinator
                text: qsTr("複数の課の共有事業です。%1の報告を記入します。").arg(entry.departmentName)
                color: palette.placeholderText
            }

            // The coordinator's reason for returning the entry comes first.
            Rectangle {
                objectName: "returnBanner"
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                visible: entry.returnComment !== ""
                implicitHeight: returnText.implicitHeight + 20
                color: Theme.errorSurface
                border.color: Theme.errorBorder
                radius: 6
                Label {
                    id: returnText
                    anchors.fill: parent
                    anchors.margins: 10
                    wrapMode: Text.WordWrap
                    text: qsTr("差戻しの理由: %1").arg(entry.returnComment)
                }
            }

            // A coordinator reads a department's entry; changing its text is a choice.
            RowLayout {
                objectName: "reviewBar"
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                visible: entry.reviewMode
                spacing: 8
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    text: qsTr("確認モード: 担当課の内容は読むだけです。確定か差戻しで返してください。")
                    color: Theme.mutedText
                }
                Button {
                    objectName: "editAsCoordinator"
                    text: qsTr("担当課の内容を編集する")
                    onClicked: entry.editAsCoordinator()
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("編集することを担当課へのコメントに残します。")
                }
            }

            RowLayout {
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                spacing: 8
                Repeater {
                    model: entry.actions
                    Button {
                        required property string modelData
                        objectName: "action_" + modelData
                        text: entry.buttonLabel(modelData)
                        highlighted: modelData === "submit" || modelData === "accept"
                        onClicked: {
                            if (modelData === "return" || modelData === "send_back") {
                                returnDialog.action = modelData
                                returnDialog.open()
                            } else {
                                entry.act(modelData)
                            }
                        }
                    }
                }
                Button {
                    objectName: "copyLastYear"
                    visible: entry.canEdit && entry.hasLastYear
                    text: qsTr("前年度の内容をコピー")
                    onClicked: entry.copyFromLastYear()
                }
                Button {
                    objectName: "undoCopy"
                    visible: entry.canUndoCopy
                    text: qsTr("コピーを元に戻す")
                    onClicked: entry.undoCopy()
                }
                Button {
                    objectName: "reviewChanges"
                    visible: Session.isCoordinator
                    text: qsTr("前回確定からの変更")
                    onClicked: review.open(entry.itemId, entry.departmentId, entry.year, entry.itemTitle) // qmllint disable type
                }
                Item { Layout.fillWidth: true }
                Label {
                    visible: !entry.canEdit
                    text: qsTr("閲覧のみ")
                    color: palette.placeholderText
                }
            }
            Label {
                objectName: "entryMessage"
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                visible: entry.message !== ""
                text: entry.message
                wrapMode: Text.WordWrap
                color: entry.messageIsError ? Theme.error : Theme.success
            }

            // The headings' sections above the row: a 目標's background, a
            // yearly policy. The coordinator writes them; everyone reads them.
            Repeater {
                model: entry.sections
                Frame {
                    id: section
                    required property var modelData
                    Layout.fillWidth: true
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                    background: Rectangle { color: Theme.plainSurface; border.color: Theme.border; radius: 6 }
                    ColumnLayout {
                        anchors.left: parent.left
                        anchors.right: parent.right
                        Label {
                            text: qsTr("%1 — %2").arg(section.modelData.heading).arg(section.modelData.label)
                            font.bold: true
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        TextArea {
                            objectName: "section_" + section.modelData.key
                            Layout.fillWidth: true
                            text: section.modelData.value
                            readOnly: !section.modelData.editable
                            wrapMode: TextEdit.Wrap
                            placeholderText: section.modelData.editable ? qsTr("入力してください") : qsTr("（空欄）")
                            background: Rectangle {
                                visible: section.modelData.editable
                                color: Theme.fieldSurface
                                border.color: parent.activeFocus ? Theme.focus : Theme.border
                                radius: 3
                            }
                            onEditingFinished: if (section.modelData.editable)
                                entry.setSection(section.modelData.itemId, section.modelData.key,
                                                 section.modelData.year, text)
                            KeyNavigation.priority: KeyNavigation.BeforeItem
                            Keys.onTabPressed: event => { nextItemInFocusChain(!(event.modifiers & Qt.ShiftModifier)).forceActiveFocus(); event.accepted = true }
                            Keys.onBacktabPressed: event => { nextItemInFocusChain(false).forceActiveFocus(); event.accepted = true }
                        }
                    }
                }
            }

            Repeater {
                id: fieldRepeater
                model: entry.fields
                FieldEditor {
                    Layout.fillWidth: true
                    Layout.leftMargin: 16
                    Layout.rightMargin: 16
                    onEdited: (key, value, year, seenVersion) => entry.setValue(key, value, year, seenVersion)
                    onChoiceToggled: (key, option, chosen) => entry.setChoice(key, option, chosen)
                    onTableEdited: (key, rows, seenVersion) => entry.setValue(key, entry.tableValue(key, rows), 0, seenVersion)
                    onConflictRequested: form.conflictsRequested()
                    onDiscardRequested: key => entry.discardEdit(key)
                    onHistoryRequested: (key, year) => {
                        const plan = scope === "plan"
                        history.open(entry.itemId, plan ? 0 : entry.departmentId,
                                     plan ? year : (year === 0 ? entry.year : year), key, label)
                    }
                }
            }

            CommentThread {
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                model: entry.comments
                onPost: body => entry.addComment(body)
            }
            Item { Layout.preferredHeight: 16 }
        }
    }

    // The reason goes to the department with the return: refused in place
    // while empty, and what was typed is kept until the return is queued.
    Dialog {
        id: returnDialog
        property string action: "return"
        property alias reasonField: reason
        property bool tried: false  // 差戻す pressed with no reason
        anchors.centerIn: Overlay.overlay
        modal: true
        title: action === "return" ? qsTr("差戻しの理由") : qsTr("課内差戻しの理由")
        onOpened: { tried = false; reason.forceActiveFocus() }

        function tryReturn() {
            if (reason.text.trim() === "") {
                tried = true
                reason.forceActiveFocus()
                return
            }
            if (entry.act(action, reason.text)) {
                reason.text = ""
                close()
            }
        }

        ColumnLayout {
            spacing: 6
            TextArea {
                id: reason
                objectName: "returnReason"
                Layout.preferredWidth: 480
                Layout.preferredHeight: 140
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("担当課に伝える理由（必須）")
                Accessible.name: returnDialog.title
                Keys.onPressed: (event) => {
                    if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                            && (event.modifiers & Qt.ControlModifier)) {
                        returnDialog.tryReturn()
                        event.accepted = true
                    }
                }
            }
            Label {
                objectName: "returnReasonError"
                Layout.preferredWidth: 480
                wrapMode: Text.Wrap
                visible: returnDialog.tried && reason.text.trim() === ""
                color: Theme.error
                text: qsTr("理由を書いてください。担当課には、この理由が差戻しと一緒に届きます。")
            }
            Label {
                Layout.preferredWidth: 480
                wrapMode: Text.Wrap
                visible: entry.messageIsError && returnDialog.tried === false && entry.message !== ""
                color: Theme.error
                text: entry.message
            }
        }

        footer: DialogButtonBox {
            Button {
                objectName: "returnConfirm"
                text: returnDialog.action === "return" ? qsTr("差戻す") : qsTr("課内で差戻す")
                DialogButtonBox.buttonRole: DialogButtonBox.ActionRole // qmllint disable type
                onClicked: returnDialog.tryReturn()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Ctrl+Enter")
            }
            Button {
                text: qsTr("キャンセル")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole // qmllint disable type
            }
        }
    }

    HistoryDialog { id: history }
    ReviewDialog { id: review }
}
