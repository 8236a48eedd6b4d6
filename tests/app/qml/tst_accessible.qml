import QtQuick
import QtTest
import Matome

// Every interactive element of the main views has a name a screen reader
// can say (walked through QAccessible, as assistive technology does).
Item {
    id: root
    width: 1366
    height: 740

    Loader { id: view; anchors.fill: parent }

    TestCase {
        name: "Accessible"
        when: windowShown

        function check(component) {
            view.sourceComponent = component
            tryVerify(() => view.status === Loader.Ready)
            waitForRendering(view.item)
            wait(50)
            compare(accessibility.unnamed(view.item), [])
        }

        function test_workspace() { check(workspace) }
        function test_conflicts() { check(conflicts) }
        function test_dashboard() { check(dashboard) }
        function test_report() { check(report) }
        function test_import() { check(importPage) }
    }

    Component { id: workspace; WorkspacePage {} }
    Component { id: conflicts; ConflictsPage {} }
    Component { id: dashboard; DashboardPage {} }
    Component { id: report; ReportPage {} }
    Component { id: importPage; ImportPage {} }
}
