import QtQuick
import QtTest
import Matome
import "helpers.js" as Helpers

// The conflict view with one conflict on 進捗状況 (MATOME_TEST_CONFLICT).
Item {
    width: 1366
    height: 740

    ConflictsPage { id: page; anchors.fill: parent }
    SignalSpy { id: openSpy; target: page; signalName: "openEntryRequested" }

    TestCase {
        name: "Conflicts"
        when: windowShown

        function test_showsBothSidesAndQueuesTheChoice() {
            compare(page.conflicts.count, 1)
            compare(SyncController.conflicts, 1)
            tryVerify(() => page.list.currentItem !== null)
            const row = page.list.currentItem
            compare(row.base, "講座を9回開催した。")
            compare(row.theirs, "講座を10回開催し、延べ180人が受講した。")
            verify(row.mineHtml.indexOf("12") >= 0)
            verify(row.mineIsOwn)
            // Who changed the server's value, and when, over its column.
            const title = Helpers.findByName(page, "conflictTitle_theirsHtml")
            verify(title.text.indexOf("サーバーの値（coord、") === 0)
            verify(title.text.indexOf(row.serverAt) > 0)
            // The merged value typed into the box, then 「この値にする」.
            const merged = Helpers.findByName(page, "mergedField")
            merged.forceActiveFocus()
            merged.cursorPosition = merged.text.indexOf("10") + 2
            keyClick(Qt.Key_Backspace)
            keyClick(Qt.Key_Backspace)
            keyClick("1")
            keyClick("2")
            compare(merged.text, "講座を12回開催し、延べ180人が受講した。")
            mouseClick(Helpers.findByName(page, "takeMerged"))
            tryVerify(() => page.list.currentItem.queued)
            compare(SyncController.pending, 1)  // the resolution waits for the next sync
            // ... and can be taken back until then.
            const undo = Helpers.findByName(page, "undoResolution")
            verify(undo.visible)
            mouseClick(undo)
            tryVerify(() => !page.list.currentItem.queued)
            tryCompare(SyncController, "pending", 0)
            verify(Helpers.findByName(page, "takeMerged").visible)
            // The conflict's row, in the workspace.
            mouseClick(Helpers.findByName(page, "openEntry"))
            compare(openSpy.count, 1)
            compare(openSpy.signalArguments[0][0], page.list.currentItem.itemId)
            compare(openSpy.signalArguments[0][1], page.list.currentItem.departmentId)
        }
    }
}
