import QtQuick
import QtTest
import Matome

// The coordinator's dashboard on the demo plan (MATOME_TEST_LOGIN=coord).
Item {
    width: 1366
    height: 740

    DashboardPage { id: page; anchors.fill: parent }

    TestCase {
        name: "Dashboard"
        when: windowShown

        function findByName(item, name) {
            if (item.objectName === name) return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = findByName(item.children[i], name)
                if (found) return found
            }
            if (item.contentItem && item.contentItem !== item) return findByName(item.contentItem, name)
            return null
        }

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
            const table = findByName(page, "dashboardTable")
            verify(table)
            tryCompare(table, "count", 7)
            const reminder = findByName(page, "reminderText")
            verify(reminder.text.indexOf("高齢介護課　未提出") >= 0)
            const overall = findByName(page, "overall")
            verify(overall.text.indexOf("/ " + page.board.total) >= 0)
        }
    }
}
