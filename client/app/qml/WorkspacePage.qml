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
    signal conflictsRequested()

    Shortcut { sequence: "Ctrl+Down"; onActivated: planTree.selectNext(1) }
    Shortcut { sequence: "Ctrl+Up"; onActivated: planTree.selectNext(-1) }
    Shortcut { sequence: StandardKey.Find; onActivated: planTree.focusSearch() }

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
