import QtQuick
import QtTest
import Matome
import "helpers.js" as Helpers

// The coordinator's dashboard on the demo plan (MATOME_TEST_LOGIN=coord).
Item {
    width: 1366
    height: 740

    DashboardPage { id: page; anchors.fill: parent }
    SignalSpy { id: reviewSpy; target: page; signalName: "reviewRequested" }

    TestCase {
        name: "Dashboard"
        when: windowShown

        function test_matrixAndReminder() {
            verify(Session.isCoordinator)
            compare(page.board.rowCount(), 7)
            compare(page.board.yearLabel, "令和6年度")
            verify(page.board.total > 0)
            verify(page.board.stillToSubmit.indexOf("高齢介護課") >= 0)
            verify(page.board.reminderText().indexOf("高齢介護課") >= 0)
        }

        // What the coordinator sees, not only what the model holds.
        function test_theViewShowsEveryDepartment() {
            const table = Helpers.findByName(page, "dashboardTable")
            verify(table)
            tryCompare(table, "count", 7)
            const reminder = Helpers.findByName(page, "reminderText")
            verify(reminder.text.indexOf("高齢介護課　未提出") >= 0)
            const overall = Helpers.findByName(page, "overall")
            verify(overall.text.indexOf("/ " + page.board.total) >= 0)
        }

        // A department's line opens its review queue: Enter for what it
        // submitted, a count for the entries in that status.
        function test_aLineOpensTheReviewQueue() {
            const table = Helpers.findByName(page, "dashboardTable")
            tryCompare(table, "count", 7)
            table.forceActiveFocus()
            table.currentIndex = 0
            keyClick(Qt.Key_Down)
            reviewSpy.clear()
            keyClick(Qt.Key_Return)
            compare(reviewSpy.count, 1)
            const line = table.currentItem
            compare(reviewSpy.signalArguments[0][0], line.departmentId)
            compare(reviewSpy.signalArguments[0][1], "submitted")
            // The 差戻し count of that line.
            const x = page.columns.slice(0, 4).reduce((sum, c) => sum + c.width, 0) + 10
            mouseClick(line, x, line.height / 2)
            compare(reviewSpy.count, 2)
            compare(reviewSpy.signalArguments[1][1], "returned")
        }

        // A due date typed as a city writes it; a wrong one is refused beside the field.
        function test_dueDateTypedByKeyboard() {
            const field = Helpers.findByName(page, "dueDateField")
            const error = Helpers.findByName(page, "dueDateError")
            field.forceActiveFocus()
            field.selectAll()
            for (const ch of "R7.2.30") keyClick(ch)
            compare(field.text, "R7.2.30")
            keyClick(Qt.Key_Return)
            verify(error.visible)
            verify(error.text.indexOf("という日はありません") >= 0)
            field.selectAll()
            for (const ch of "5/31") keyClick(ch)
            keyClick(Qt.Key_Return)
            verify(error.text.indexOf("R7.5.31、令和7年5月31日、2025-05-31") >= 0)
            field.selectAll()
            for (const ch of "R7.5.31") keyClick(ch)
            keyClick(Qt.Key_Return)
            // Taken (sent to the server, which this offline test does not have).
            compare(page.board.dueDateError, "")
            verify(!error.visible)
        }

        // Finalizing says first what is not accepted yet, by department.
        function test_finalizeShowsWhatIsNotAccepted() {
            const button = Helpers.findByName(page, "finalizeButton")
            compare(button.text, "令和6年度を確定する")
            mouseClick(button)
            const dialog = page.finalizeDialog
            tryCompare(dialog, "opened", true)
            const text = Helpers.findByName(dialog.contentItem, "notAcceptedText")
            verify(text.text.indexOf("まだ確定していない報告が " + (page.board.total - page.board.accepted) + " 件") >= 0)
            verify(text.text.indexOf("高齢介護課") >= 0)
            compare(Helpers.findByName(dialog.footer, "finalizeConfirm").text, "確定する")
            keyClick(Qt.Key_Escape)
            tryCompare(dialog, "opened", false)
            verify(!page.board.finalized)
        }
    }
}
