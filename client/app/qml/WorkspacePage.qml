pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Matome

// The department's workspace: the plan tree on the left, the selected
// row's entry form on the right. Ctrl+↓ / Ctrl+↑ move between rows.
SplitView {
    id: page

    property alias tree: planTree
    property alias form: entryForm

    orientation: Qt.Horizontal
    // A handle wide enough to take with the mouse, and seen.
    handle: Rectangle {
        implicitWidth: 6
        color: SplitHandle.pressed ? palette.highlight
               : SplitHandle.hovered ? palette.midlight : palette.mid
    }
    signal conflictsRequested()

    // The split as the user left it, remembered across starts.
    Component.onCompleted: {
        const saved = ViewSettings.value("workspace/split")
        if (saved) restoreState(saved)
        if (visible) planTree.list.forceActiveFocus()
    }
    onResizingChanged: if (!resizing) ViewSettings.setValue("workspace/split", saveState())
    // After sign-in the keyboard starts in the plan tree.
    onVisibleChanged: if (visible) planTree.list.forceActiveFocus()

    Shortcut { sequence: "Ctrl+Down"; onActivated: planTree.selectNext(1) }
    Shortcut { sequence: "Ctrl+Up"; onActivated: planTree.selectNext(-1) }
    Shortcut { sequence: StandardKey.Find; onActivated: planTree.focusSearch() } // qmllint disable unqualified

    PlanTree {
        id: planTree
        SplitView.preferredWidth: 470
        SplitView.minimumWidth: 320
        onRowChosen: (itemId, departmentId) => {
            entryForm.controller.itemId = itemId
            entryForm.controller.departmentId = departmentId
        }
    }
    EntryForm {
        id: entryForm
        SplitView.fillWidth: true
        onConflictsRequested: page.conflictsRequested()
    }
}
