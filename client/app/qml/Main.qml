import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Matome

// The window: sign-in until a device is registered, then the workspace,
// the conflicts and (for coordinators) the dashboard and the import, with
// the sync bar always at the bottom.
ApplicationWindow {
    id: window

    property string initialServer: ""
    property string initialPage: ""
    property string initialImportFile: ""  // --import FILE: the import page, that file checked
    property string initialPreset: ""

    width: 1366
    height: 740
    minimumWidth: 1000
    minimumHeight: 600
    visible: true
    title: Session.hasPlan ? qsTr("%1 — Matome").arg(Session.planTitle) : "Matome"

    function showPage(name) {
        const index = ["workspace", "conflicts", "dashboard", "import", "report"].indexOf(name) // qmllint disable type
        if (index >= 0 && pageTabs.itemAt(index) && pageTabs.itemAt(index).visible)
            pageTabs.currentIndex = index
    }

    function openImport() {
        showPage("import")
        if (initialPreset !== "") importPage.importer.choosePreset(initialPreset)
        importPage.importer.fileUrl = initialImportFile
        importPage.importer.check()
    }

    Component.onCompleted: {
        if (initialPage !== "") Qt.callLater(showPage, initialPage) // qmllint disable type
        if (initialImportFile !== "") Qt.callLater(openImport)
    }

    Shortcut { sequences: ["F5", "Ctrl+R"]; onActivated: SyncController.syncNow() }
    Shortcut { sequence: "Ctrl+1"; onActivated: window.showPage("workspace") }
    Shortcut { sequence: "Ctrl+2"; onActivated: window.showPage("conflicts") }
    Shortcut { sequence: "Ctrl+3"; onActivated: window.showPage("dashboard") }
    Shortcut { sequence: "Ctrl+4"; onActivated: window.showPage("import") }
    Shortcut { sequence: "Ctrl+5"; onActivated: window.showPage("report") }
    Shortcut { sequences: ["F1", "Ctrl+/"]; onActivated: shortcutHelp.open() }

    ShortcutHelp { id: shortcutHelp }

    header: ToolBar {
        visible: Session.signedIn && Session.hasPlan
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            spacing: 16
            Label {
                text: Session.planTitle
                font.bold: true
                font.pixelSize: 16
                elide: Text.ElideRight
                Layout.maximumWidth: 360
            }
            Label {
                text: qsTr("%1 報告").arg(Session.reportYearLabel)
                          + (Session.yearFinalized ? qsTr("（確定済）") : "")
            }
            TabBar {
                id: pageTabs
                Layout.fillWidth: true
                TabButton {
                    text: qsTr("作業")
                    width: implicitWidth
                    ToolTip.text: "Ctrl+1"
                    ToolTip.visible: hovered
                }
                TabButton {
                    text: SyncController.conflicts > 0
                          ? qsTr("競合 %1件").arg(SyncController.conflicts)
                          : qsTr("競合")
                    width: implicitWidth
                    ToolTip.text: "Ctrl+2"
                    ToolTip.visible: hovered
                }
                TabButton {
                    text: qsTr("取りまとめ")
                    visible: Session.isCoordinator
                    width: visible ? implicitWidth : 0
                    ToolTip.text: "Ctrl+3"
                    ToolTip.visible: hovered
                }
                TabButton {
                    text: qsTr("取り込み")
                    visible: Session.isCoordinator
                    width: visible ? implicitWidth : 0
                    ToolTip.text: "Ctrl+4"
                    ToolTip.visible: hovered
                }
                TabButton {
                    text: qsTr("報告書")
                    width: implicitWidth
                    ToolTip.text: "Ctrl+5"
                    ToolTip.visible: hovered
                }
            }
            ToolButton {
                text: "?"
                onClicked: shortcutHelp.open()
                ToolTip.text: qsTr("キーボード操作 (F1)")
                ToolTip.visible: hovered
            }
            Label {
                text: Session.departmentName !== ""
                      ? qsTr("%1（%2）").arg(Session.userName).arg(Session.departmentName)
                      : Session.userName
                color: palette.placeholderText
            }
        }
    }

    footer: SyncBar { visible: Session.signedIn }

    StackLayout {
        anchors.fill: parent
        currentIndex: !Session.signedIn || SyncController.needsSignIn ? 0
                      : !Session.hasPlan ? 1 : 2 + pageTabs.currentIndex

        SignInPage {
            initialServer: Session.signedIn ? Session.serverUrl : window.initialServer
            initialLogin: Session.userName
            note: SyncController.needsSignIn ? SyncController.message : ""
        }

        // Signed in, nothing synced yet: the first sync is on its way.
        ColumnLayout {
            spacing: 12
            Item { Layout.fillHeight: true }
            Label {
                Layout.alignment: Qt.AlignHCenter
                text: SyncController.online || SyncController.syncing
                      ? qsTr("計画を受信しています…")
                      : qsTr("サーバーに接続できません。接続できる場所で同期するか、ファイルで取り込んでください。")
            }
            ProgressBar { Layout.alignment: Qt.AlignHCenter; indeterminate: true; visible: SyncController.syncing }
            Item { Layout.fillHeight: true }
        }

        WorkspacePage { id: workspace; objectName: "workspace"; onConflictsRequested: window.showPage("conflicts") }
        ConflictsPage {
            onOpenEntryRequested: (itemId, departmentId) => {
                window.showPage("workspace")
                workspace.tree.openEntry(itemId, departmentId)
            }
        }
        DashboardPage {
            onReviewRequested: (departmentId, status) => {
                window.showPage("workspace")
                workspace.tree.openQueue(departmentId, status)
            }
        }
        ImportPage { id: importPage }
        ReportPage {}
    }
}
