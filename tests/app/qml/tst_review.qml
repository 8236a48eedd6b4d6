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
            dialog.reasonField.text = "養成人数の内訳（男女・年代）を追記してください。"
            dialog.accept()
            tryCompare(page.form.controller, "pendingAction", "return")
            // Cancelled or empty, nothing is queued.
            openRow("福祉教育", "学校教育課")
            const pending = SyncController.pending
            mouseClick(Helpers.findByName(page.form, "action_return"))
            tryCompare(dialog, "opened", true)
            dialog.accept()  // no reason typed
            verify(page.form.controller.messageIsError)
            compare(SyncController.pending, pending)
        }
    }
}
