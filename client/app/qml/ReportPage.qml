pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Matome

// 報告書: the year's report as it prints (PDF, XLSX) or its data (CSV,
// JSON), from this computer's copy, offline. A preview of the first pages
// as they print; the file is written without blocking the window, with its
// progress shown.
Pane {
    id: page

    property alias report: report

    ReportModel { id: report; active: page.visible }

    PlaceFileDialog {
        id: saveDialog
        place: "report"
        title: qsTr("書き出す先")
        fileMode: FileDialog.SaveFile
        defaultSuffix: report.format === "csv-long" ? "csv" : report.format
        nameFilters: [report.format === "pdf" ? qsTr("PDF (*.pdf)")
                      : report.format === "xlsx" ? qsTr("Excel (*.xlsx)")
                      : report.format === "json" ? qsTr("JSON (*.json)") : qsTr("CSV (*.csv)")]
        onAccepted: report.exportTo(selectedFile)
    }
    PlaceFileDialog {
        id: layoutDialog
        place: "layout"
        title: qsTr("レイアウトファイル")
        nameFilters: [qsTr("レイアウト (*.json)")]
        onAccepted: report.layoutUrl = selectedFile
    }

    RowLayout {
        anchors.fill: parent
        spacing: 20

        ColumnLayout {
            Layout.preferredWidth: 380
            Layout.maximumWidth: 380
            Layout.fillHeight: true
            spacing: 10

            Label { text: qsTr("報告書"); font.bold: true; font.pixelSize: 18 }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: palette.placeholderText
                text: Session.isCoordinator
                      ? qsTr("この端末の内容から、印刷する報告書か、そのデータを書き出します。接続は要りません。")
                      : qsTr("自分の課の事業だけを書き出します。提出の前の確認に使えます。接続は要りません。")
            }
            GridLayout {
                columns: 2
                columnSpacing: 10
                rowSpacing: 8
                Label { text: qsTr("年度") }
                ComboBox {
                    objectName: "yearBox"
                    Layout.fillWidth: true
                    model: report.years
                    textRole: "label"
                    valueRole: "year"
                    Component.onCompleted: currentIndex = indexOfValue(report.year)
                    onActivated: report.year = currentValue
                    Accessible.name: qsTr("年度")
                }
                Label { text: qsTr("形式") }
                ComboBox {
                    objectName: "formatBox"
                    Layout.fillWidth: true
                    textRole: "text"
                    valueRole: "value"
                    model: [
                        { text: qsTr("PDF（印刷する報告書）"), value: "pdf" },
                        { text: qsTr("Excel（印刷する報告書）"), value: "xlsx" },
                        { text: qsTr("CSV（事業ごとに1行）"), value: "csv" },
                        { text: qsTr("CSV（値ごとに1行）"), value: "csv-long" },
                        { text: qsTr("JSON"), value: "json" }
                    ]
                    onActivated: report.format = currentValue
                    Accessible.name: qsTr("形式")
                }
                Label { text: qsTr("レイアウト") }
                RowLayout {
                    Label {
                        Layout.fillWidth: true
                        text: report.layoutName
                        elide: Text.ElideMiddle
                    }
                    Button { text: qsTr("選ぶ…"); onClicked: layoutDialog.open() }
                    Button {
                        text: qsTr("計画のものに戻す")
                        visible: report.layoutUrl.toString() !== "" // qmllint disable type
                        onClicked: report.layoutUrl = ""
                    }
                }
            }
            CheckBox {
                objectName: "acceptedOnly"
                text: qsTr("確定した報告だけ")
                checked: report.acceptedOnly
                onToggled: report.acceptedOnly = checked
            }
            CheckBox {
                objectName: "ownRowsOnly"
                text: qsTr("自分の課の事業だけ")
                checked: report.ownRowsOnly
                enabled: Session.isCoordinator
                onToggled: report.ownRowsOnly = checked
            }
            CheckBox {
                objectName: "markChanges"
                text: qsTr("確定後の変更に網掛け")
                checked: report.markChanges
                enabled: report.format === "pdf" || report.format === "xlsx"
                onToggled: report.markChanges = checked
                ToolTip.visible: hovered
                ToolTip.text: qsTr("前回確定したあとに変更された欄を網掛けで示します。")
            }
            Button {
                objectName: "exportButton"
                text: qsTr("書き出す…")
                highlighted: true
                enabled: !report.busy
                onClicked: saveDialog.open()
            }
            ProgressBar {
                objectName: "exportProgress"
                Layout.fillWidth: true
                visible: report.busy
                from: 0
                to: 100
                value: report.progress
                Accessible.name: qsTr("書き出しの進み具合")
            }
            RowLayout {
                Label {
                    objectName: "reportMessage"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: report.message
                    color: report.messageIsError ? Theme.error : palette.text
                }
            }
            Item { Layout.fillHeight: true }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Label {
                text: report.pageCount > 0
                      ? qsTr("プレビュー（最初の%1ページ／全%2ページ、%3行）")
                            .arg(report.previews.length).arg(report.pageCount).arg(report.lineCount)
                      : qsTr("プレビュー（%1行）").arg(report.lineCount)
                font.bold: true
            }
            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: palette.mid
                ListView {
                    id: pages
                    objectName: "previewPages"
                    anchors.fill: parent
                    anchors.margins: 8
                    clip: true
                    spacing: 8
                    model: report.previews
                    activeFocusOnTab: true
                    keyNavigationEnabled: true
                    Accessible.name: qsTr("プレビュー")
                    ScrollBar.vertical: ScrollBar {}
                    delegate: Image {
                        required property url modelData
                        required property int index
                        objectName: "preview" + index
                        // Small enough that the next page shows below: the
                        // title page and the table's start at one glance.
                        readonly property real ratio: sourceSize.width > 0 ? sourceSize.height / sourceSize.width : 0.7
                        width: Math.min(pages.width, pages.height * 0.62 / ratio)
                        height: width * ratio
                        anchors.horizontalCenter: parent ? parent.horizontalCenter : undefined
                        source: modelData
                        fillMode: Image.PreserveAspectFit
                        cache: false
                        asynchronous: true
                        Accessible.name: index === 0 ? qsTr("表紙") : qsTr("%1ページ").arg(index + 1)
                    }
                }
            }
        }
    }
}
