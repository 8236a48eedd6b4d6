import QtQuick
import QtTest
import Matome
import "helpers.js" as Helpers

// The 報告書 page on the demo plan as the coordinator (MATOME_TEST_LOGIN=coord).
Item {
    width: 1366
    height: 740

    ReportPage { id: page; anchors.fill: parent }

    TestCase {
        name: "Report"
        when: windowShown

        function test_previewShowsTheFirstTablePage() {
            const preview = Helpers.findByName(page, "preview")
            tryCompare(preview, "status", Image.Ready, 10000)
            verify(preview.sourceSize.width > 300)
            verify(preview.sourceSize.width > preview.sourceSize.height)  // A4 landscape
            verify(page.report.lineCount > 20)
        }

        function test_optionsByKeyboard() {
            const format = Helpers.findByName(page, "formatBox")
            format.forceActiveFocus()
            compare(page.report.format, "pdf")
            keyClick(Qt.Key_Down)
            compare(page.report.format, "xlsx")
            const accepted = Helpers.findByName(page, "acceptedOnly")
            accepted.forceActiveFocus()
            const lines = page.report.lineCount
            keyClick(Qt.Key_Space)
            verify(page.report.acceptedOnly)
            verify(page.report.lineCount < lines)  // R6 is mostly not accepted yet
            keyClick(Qt.Key_Space)
            verify(!page.report.acceptedOnly)
            const own = Helpers.findByName(page, "ownRowsOnly")
            verify(own.enabled)  // the coordinator may narrow to 共生福祉課's rows
        }
    }
}
