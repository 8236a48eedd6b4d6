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

        function test_previewShowsTheFirstPages() {
            tryVerify(function() { return page.report.previews.length === 3 }, 10000)
            const pages = Helpers.findByName(page, "previewPages")
            compare(pages.count, 3)  // the title page and the first two table pages
            tryVerify(function() { return Helpers.findByName(page, "preview0") !== null })
            const title = Helpers.findByName(page, "preview0")
            tryCompare(title, "status", Image.Ready, 10000)
            verify(title.sourceSize.width > 300)
            verify(title.sourceSize.width > title.sourceSize.height)  // A4 landscape
            verify(page.report.pageCount >= 3)
            verify(page.report.lineCount > 20)
            // The pages scroll by keyboard.
            pages.forceActiveFocus()
            keyClick(Qt.Key_Down)
            compare(pages.currentIndex, 1)
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
