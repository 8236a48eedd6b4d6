pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Matome

// The coordinator's overview: departments × status with percent complete
// and overdue entries, the departments still to submit (copy for a reminder
// mail, or CSV), and finalizing the year.
Pane {
    id: page

    property alias board: board
    // A department's line (or one of its counts) opens its entries in the
    // workspace: the ones submitted for review, or those of the count's status.
    signal reviewRequested(var departmentId, string status)
    readonly property var statusOfRole: ({ notStarted: "not_started", draft: "draft",
                                           submitted: "submitted", returned: "returned",
                                           accepted: "accepted" })
    property alias finalizeDialog: confirmFinalize

    DashboardModel {
        id: board
        Component.onCompleted: refreshDueDate()
    }

    readonly property var columns: [
        { title: qsTr("担当課"), role: "name", width: 200 },
        { title: qsTr("未着手"), role: "notStarted", width: 70 },
        { title: qsTr("作成中"), role: "draft", width: 70 },
        { title: qsTr("提出済"), role: "submitted", width: 70 },
        { title: qsTr("差戻し"), role: "returned", width: 70 },
        { title: qsTr("確定"), role: "accepted", width: 70 },
        { title: qsTr("計"), role: "total", width: 60 },
        { title: qsTr("完了率"), role: "percent", width: 150 },
        { title: qsTr("期限超過"), role: "overdue", width: 80 }
    ]

    RowLayout {
        anchors.fill: parent
        spacing: 20

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 8

            RowLayout {
                spacing: 16
                Label { text: qsTr("%1の進捗").arg(board.yearLabel); font.bold: true; font.pixelSize: 18 }
                Label {
                    objectName: "overall"
                    text: qsTr("確定 %1 / %2 件（%3%）").arg(board.accepted).arg(board.total).arg(board.percentComplete)
                }
                Label {
                    text: board.dueDate !== "" ? qsTr("提出期限 %1").arg(board.dueDateLabel) : qsTr("提出期限は未設定")
                    color: board.pastDue ? Theme.error : palette.text
                    font.bold: board.pastDue
                }
                Label { visible: board.finalized; text: qsTr("確定済みの年度"); color: Theme.success }
            }

            Row {
                Repeater {
                    model: page.columns
                    Label {
                        required property var modelData
                        width: modelData.width
                        text: modelData.title
                        font.bold: true
                        padding: 4
                    }
                }
            }
            ListView {
                id: table
                objectName: "dashboardTable"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: board
                keyNavigationEnabled: true
                activeFocusOnTab: true
                Keys.onReturnPressed: if (currentItem) page.reviewRequested(currentItem.departmentId, "submitted") // qmllint disable type
                Accessible.name: qsTr("担当課ごとの進捗（Enter で提出済の報告を開く）")
                delegate: Rectangle {
                    id: line
                    required property int index
                    required property var departmentId
                    required property string name
                    required property int notStarted
                    required property int draft
                    required property int submitted
                    required property int returned
                    required property int accepted
                    required property int total
                    required property int percent
                    required property int overdue
                    width: ListView.view.width
                    height: 34
                    color: ListView.isCurrentItem ? Theme.selection : index % 2 ? Theme.plainSurface : Theme.fieldSurface
                    Row {
                        anchors.verticalCenter: parent.verticalCenter
                        Repeater {
                            model: page.columns
                            Item {
                                id: cell
                                required property var modelData
                                width: modelData.width
                                height: 30
                                TapHandler {
                                    onTapped: {
                                        table.currentIndex = line.index
                                        page.reviewRequested(line.departmentId,
                                            page.statusOfRole[cell.modelData.role] || "submitted")
                                    }
                                }
                                Label {
                                    visible: cell.modelData.role !== "percent"
                                    anchors.verticalCenter: parent.verticalCenter
                                    leftPadding: 4
                                    text: line[cell.modelData.role]
                                    color: cell.modelData.role === "overdue" && line.overdue > 0 ? Theme.error
                                           : cell.modelData.role === "returned" && line.returned > 0 ? Theme.error
                                           : palette.text
                                    font.bold: cell.modelData.role === "overdue" && line.overdue > 0
                                }
                                RowLayout {
                                    visible: cell.modelData.role === "percent"
                                    anchors.fill: parent
                                    ProgressBar { from: 0; to: 100; value: line.percent; Layout.preferredWidth: 90 }
                                    Label { text: line.percent + "%" }
                                }
                            }
                        }
                    }
                }
            }
            Label { objectName: "boardMessage"; text: board.message; visible: board.message !== ""; color: Theme.success }
        }

        ColumnLayout {
            Layout.preferredWidth: 320
            Layout.fillHeight: true
            spacing: 8
            Label { text: qsTr("未提出の担当課"); font.bold: true; font.pixelSize: 16 }
            TextArea {
                id: reminder
                objectName: "reminderText"
                Layout.fillWidth: true
                Layout.fillHeight: true
                readOnly: true
                wrapMode: TextEdit.Wrap
                text: board.reminderText()
                Connections { target: board; function onSummaryChanged() { reminder.text = board.reminderText() } }
            }
            Button {
                Layout.fillWidth: true
                text: qsTr("催促用にコピー")
                onClicked: { board.copyReminder(); copied.visible = true }
            }
            Label { id: copied; visible: false; text: qsTr("クリップボードにコピーしました。"); color: Theme.success }
            Button {
                Layout.fillWidth: true
                text: qsTr("CSV に書き出し")
                onClicked: csvDialog.open()
            }
            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: dueInput
                    objectName: "dueDateField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("提出期限（R7.5.31、令和7年5月31日）")
                    text: board.dueDateLabel
                    onAccepted: board.setDueDate(text)
                    Accessible.name: qsTr("提出期限")
                    Accessible.description: board.dueDateError
                }
                Button { text: qsTr("期限を設定"); onClicked: board.setDueDate(dueInput.text) }
            }
            Label {
                objectName: "dueDateError"
                Layout.fillWidth: true
                visible: board.dueDateError !== ""
                wrapMode: Text.Wrap
                color: Theme.error
                text: board.dueDateError
            }
            Button {
                objectName: "finalizeButton"
                Layout.fillWidth: true
                visible: !board.finalized
                text: qsTr("%1を確定する").arg(board.yearLabel)
                onClicked: confirmFinalize.open()
            }
        }
    }

    PlaceFileDialog {
        id: csvDialog
        place: "dashboard"
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("CSV (*.csv)")]
        defaultSuffix: "csv"
        onAccepted: board.exportCsv(selectedFile)
    }
    // Before locking the year: what is still not accepted, by department.
    Dialog {
        id: confirmFinalize
        objectName: "confirmFinalize"
        property string notAccepted: ""
        anchors.centerIn: Overlay.overlay
        modal: true
        title: qsTr("年度の確定")
        onAboutToShow: notAccepted = board.notAcceptedSummary()
        onAccepted: board.finalizeYear()
        ColumnLayout {
            spacing: 8
            Label {
                objectName: "notAcceptedText"
                Layout.preferredWidth: 440
                wrapMode: Text.WordWrap
                font.bold: confirmFinalize.notAccepted !== ""
                color: confirmFinalize.notAccepted !== "" ? Theme.error : palette.text
                text: confirmFinalize.notAccepted !== ""
                      ? qsTr("まだ確定していない報告が %1 件あります: %2")
                            .arg(board.total - board.accepted).arg(confirmFinalize.notAccepted)
                      : qsTr("すべての報告が確定しています。")
            }
            Label {
                Layout.preferredWidth: 440
                wrapMode: Text.WordWrap
                text: qsTr("%1を確定すると、すべての担当課と取りまとめ担当がこの年度を変更できなくなります。サーバーに接続している必要があります。").arg(board.yearLabel)
            }
        }
        footer: DialogButtonBox {
            Button {
                objectName: "finalizeConfirm"
                text: qsTr("確定する")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole // qmllint disable type
            }
            Button {
                text: qsTr("キャンセル")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole // qmllint disable type
            }
        }
    }
}
