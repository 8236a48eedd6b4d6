import QtQuick
import QtTest
import Matome
import "helpers.js" as Helpers

// The coordinator's dashboard on the demo plan (MATOME_TEST_LOGIN=coord).
Item {
    width: 1366
    height: 740

    DashboardPage { id: page; anchors.fill: parent }

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
    }
}
