import QtQuick
import QtTest
import Matome

// The conflict view with one conflict on 進捗状況 (MATOME_TEST_CONFLICT).
Item {
    width: 1366
    height: 740

    ConflictsPage { id: page; anchors.fill: parent }

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
            verify(page.conflicts.merge(0, "講座を12回開催し、延べ180人が受講した。"))
            tryVerify(() => page.list.currentItem.queued)
            compare(SyncController.pending, 1)  // the resolution waits for the next sync
        }
    }
}
