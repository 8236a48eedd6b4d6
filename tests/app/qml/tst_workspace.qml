import QtQuick
import QtTest
import Matome
import "helpers.js" as Helpers

// The department's workspace on the demo plan as 高齢介護課 (kourei).
Item {
    id: root
    width: 1366
    height: 740

    WorkspacePage { id: page; anchors.fill: parent }

    TestCase {
        name: "Workspace"
        when: windowShown

        // Test functions run in name order: each starts from the first row.
        function init() {
            page.tree.choose(page.tree.model.nextRow(-1, 1))
            tryCompare(page.form.controller, "itemTitle", "認知症サポーター養成講座")
        }

        function test_opensFirstOwnRow() {
            tryCompare(page.form.controller, "valid", true)
            compare(page.form.controller.itemTitle, "認知症サポーター養成講座")
            compare(page.form.controller.departmentName, "高齢介護課")
            compare(page.tree.model.mineOnly, true)
            verify(page.form.controller.actions.indexOf("submit") >= 0)
        }

        function test_keyboardMovesToNextRow() {
            const first = page.form.controller.itemId
            page.tree.list.forceActiveFocus()
            keyClick(Qt.Key_Down)
            tryVerify(() => page.form.controller.itemId !== first)
            compare(page.form.controller.itemTitle, "各種サポーターの養成")
            compare(page.form.controller.status, "draft")
            page.tree.selectNext(-1)
            tryCompare(page.form.controller, "itemId", first)
        }

        function test_typingSavesTheField() {
            tryCompare(page.form.controller, "valid", true)
            const area = Helpers.findByName(page.form, "editor_progress")
            verify(area, "the progress editor exists")
            area.forceActiveFocus()
            keyClick(Qt.Key_A)
            keyClick(Qt.Key_B)
            page.form.controller.flush()
            const row = page.form.controller.fields.indexOfKey("progress")
            tryVerify(() => page.form.controller.fields.data(page.form.controller.fields.index(row, 0),
                                                             FieldListModel.PendingRole) === true)
            verify(SyncController.pending >= 1)
        }

        function test_searchFilters() {
            const search = Helpers.findByName(page.tree, "searchField")
            verify(search)
            page.tree.model.mineOnly = false
            const all = page.tree.model.rowCountShown
            search.forceActiveFocus()
            search.text = "サロン"
            tryVerify(() => page.tree.model.rowCountShown < all)
            verify(page.tree.model.rowCountShown >= 1)
            search.text = ""
            page.tree.model.mineOnly = true
        }

        // Runs before test_typingSavesTheField (name order): 進捗状況 is still empty.
        function test_submitNamesTheMissingField() {
            const spy = signalSpy.createObject(root, { target: page.form.controller, signalName: "problemAt" })
            page.form.controller.act("submit")
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "progress")
            verify(page.form.controller.message.indexOf("進捗状況") >= 0)
            // The form moves the focus to the field to fill in.
            tryVerify(() => Helpers.findByName(page.form, "editor_progress").activeFocus)
            compare(page.form.controller.pendingAction, "")  // nothing queued
        }
    }
    Component { id: signalSpy; SignalSpy {} }
}
