import QtQuick
import QtTest
import Matome
import "helpers.js" as Helpers

// The coordinator's side of the form (MATOME_TEST_LOGIN=coord): accept a
// submitted entry, and return one with a reason, through the buttons and
// the dialog.
Item {
    width: 1366
    height: 740

    WorkspacePage { id: page; anchors.fill: parent }

    TestCase {
        name: "Review"
        when: windowShown

        function openRow(title, department) {
            page.tree.model.mineOnly = false
            page.tree.model.searchText = title
            page.tree.choose(page.tree.model.nextRow(-1, 1))
            tryCompare(page.form.controller, "itemTitle", title)
            const owners = page.form.controller.owners
            for (let i = 0; i < owners.length; ++i)
                if (owners[i].name === department) page.form.controller.departmentId = owners[i].departmentId
            tryCompare(page.form.controller, "departmentName", department)
            waitForRendering(page)  // the buttons are laid out before they are clicked
        }

        // The dashboard's queue: 健康づくり課's submitted entries, each
        // opening 健康づくり課's entry even on a row shared with another.
        function test_reviewQueueOpensTheSubmittedOwner() {
            page.tree.model.mineOnly = false
            page.tree.model.searchText = "各種サポーターの養成"
            page.tree.choose(page.tree.model.nextRow(-1, 1))
            tryCompare(page.form.controller, "itemTitle", "各種サポーターの養成")
            let id = 0
            for (const o of page.form.controller.owners) if (o.name === "健康づくり課") id = o.departmentId
            verify(id !== 0)
            page.tree.openQueue(id, "submitted")
            compare(page.tree.model.searchText, "")
            const label = Helpers.findByName(page.tree, "departmentFilterLabel")
            compare(label.text, "担当課: 健康づくり課")
            verify(label.visible)
            tryCompare(page.form.controller, "departmentName", "健康づくり課")
            compare(page.form.controller.status, "submitted")
            verify(page.tree.list.activeFocus)
            // Going down the queue stays in 健康づくり課's submitted entries.
            for (let i = 0; i < page.tree.model.rowCountShown - 1; ++i) {
                keyClick(Qt.Key_Down)
                compare(page.form.controller.departmentName, "健康づくり課")
                compare(page.form.controller.status, "submitted")
            }
            mouseClick(Helpers.findByName(page.tree, "clearDepartmentFilter"))
            compare(page.tree.model.departmentFilter, 0)
            page.tree.model.statusFilter = ""
        }

        // Reviewing: the department's text is read only until the
        // coordinator chooses to edit it, which the thread records.
        function test_reviewModeByDefault() {
            openRow("各種サポーターの養成", "健康づくり課")
            verify(page.form.controller.reviewMode)
            const bar = Helpers.findByName(page.form, "reviewBar")
            verify(bar.visible)
            const area = Helpers.findByName(page.form, "editor_progress")
            verify(area.readOnly)
            const edit = Helpers.findByName(page.form, "editAsCoordinator")
            edit.forceActiveFocus()
            keyClick(Qt.Key_Space)
            tryVerify(() => !page.form.controller.reviewMode)
            tryVerify(() => !Helpers.findByName(page.form, "editor_progress").readOnly)
            verify(!bar.visible)
        }

        function test_acceptWithTheButton() {
            openRow("福祉教育", "学校教育課")
            compare(page.form.controller.status, "submitted")
            const accept = Helpers.findByName(page.form, "action_accept")
            verify(accept && accept.visible)
            mouseClick(accept)
            tryCompare(page.form.controller, "pendingAction", "accept")
            verify(page.form.controller.message.indexOf("確定") >= 0)
        }

        function test_returnAsksForTheReason() {
            openRow("各種サポーターの養成", "健康づくり課")
            compare(page.form.controller.status, "submitted")
            const back = Helpers.findByName(page.form, "action_return")
            verify(back)
            mouseClick(back)
            const dialog = page.form.returnDialog
            tryCompare(dialog, "opened", true)
            const pending = SyncController.pending
            // 差戻す with no reason: refused in place, the dialog stays.
            const confirm = Helpers.findByName(dialog.footer, "returnConfirm")
            compare(confirm.text, "差戻す")
            mouseClick(confirm)
            verify(dialog.opened)
            const error = Helpers.findByName(dialog.contentItem, "returnReasonError")
            verify(error.visible)
            compare(SyncController.pending, pending)
            compare(page.form.controller.status, "submitted")
            // The reason typed, key by key, then Ctrl+Enter.
            verify(dialog.reasonField.activeFocus)
            for (const ch of "Add the breakdown.") keyClick(ch)
            compare(dialog.reasonField.text, "Add the breakdown.")
            verify(!error.visible)
            keyClick(Qt.Key_Return, Qt.ControlModifier)
            tryCompare(page.form.controller, "pendingAction", "return")
            tryCompare(dialog, "opened", false)
            // Cancelled, nothing is queued.
            openRow("福祉教育", "学校教育課")
            const before = SyncController.pending
            const queued = page.form.controller.pendingAction
            mouseClick(Helpers.findByName(page.form, "action_return"))
            tryCompare(dialog, "opened", true)
            compare(dialog.reasonField.text, "")  // the last reason went with its return
            keyClick(Qt.Key_Escape)
            tryCompare(dialog, "opened", false)
            compare(SyncController.pending, before)
            compare(page.form.controller.pendingAction, queued)
        }
    }
}
