pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Matome

// The coordinator's import: a city's workbook and its layout (a shipped
// preset or a mapping file), checked here first — what would be created and
// every problem with its cell — then imported at the server.
Pane {
    id: page

    property alias importer: importer

    ImportModel { id: importer }

    PlaceFileDialog {
        id: fileDialog
        place: "import"
        title: qsTr("取り込む報告書")
        nameFilters: [qsTr("表 (*.xlsx *.csv *.tsv *.txt)"), qsTr("すべてのファイル (*)")]
        onAccepted: importer.fileUrl = selectedFile
    }
    PlaceFileDialog {
        id: mappingDialog
        place: "mapping"
        title: qsTr("対応表ファイル")
        nameFilters: [qsTr("対応表 (*.json)")]
        onAccepted: importer.mappingUrl = selectedFile
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        Label { text: qsTr("報告書の取り込み"); font.bold: true; font.pixelSize: 18 }
        Label {
            text: qsTr("いまの報告書（XLSX、CSV、TSV）から計画・担当課・値を取り込みます。まず「確かめる」で、作られるものと問題の一覧を見てください。何も書き込みません。")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            color: palette.placeholderText
        }

        GridLayout {
            columns: 3
            columnSpacing: 10
            rowSpacing: 8

            Label { text: qsTr("ファイル") }
            TextField {
                objectName: "fileName"
                readOnly: true
                activeFocusOnTab: false
                text: importer.fileName
                placeholderText: qsTr("選んでいません")
                Layout.preferredWidth: 420
            }
            Button {
                objectName: "chooseFile"
                text: qsTr("ファイルを選ぶ…")
                onClicked: fileDialog.open()
            }

            Label { text: qsTr("様式") }
            ComboBox {
                id: presetBox
                objectName: "presetBox"
                Layout.preferredWidth: 420
                model: importer.presetNames.concat([qsTr("対応表ファイルを使う…")]) // qmllint disable type
                currentIndex: importer.presetIndex >= 0 ? importer.presetIndex : count - 1
                onActivated: index => {
                    if (index < importer.presetNames.length)
                        importer.presetIndex = index
                    else
                        mappingDialog.open()
                }
                Accessible.name: qsTr("様式")
            }
            Label {
                text: importer.presetIndex < 0 && importer.mappingName !== "" ? importer.mappingName : ""
                color: palette.placeholderText
            }

            Label { text: qsTr("文字コード") }
            ComboBox {
                objectName: "encodingBox"
                Layout.preferredWidth: 240
                textRole: "text"
                valueRole: "value"
                model: [
                    { text: qsTr("自動判定"), value: "auto" },
                    { text: qsTr("Shift_JIS（Excel の CSV）"), value: "cp932" },
                    { text: qsTr("UTF-8"), value: "utf-8" }
                ]
                onActivated: importer.encoding = currentValue
                Accessible.name: qsTr("文字コード")
            }
            Label { text: qsTr("CSV・TSV のとき"); color: palette.placeholderText }
        }

        RowLayout {
            spacing: 10
            Button {
                objectName: "checkButton"
                text: qsTr("確かめる（書き込みません）")
                enabled: importer.fileName !== "" && !importer.busy
                onClicked: importer.check()
            }
            Button {
                objectName: "importButton"
                text: qsTr("取り込む")
                highlighted: true
                enabled: importer.checked && importer.errorCount === 0 && !importer.busy && !importer.imported
                onClicked: importer.importNow()
            }
            BusyIndicator {
                running: importer.busy
                visible: importer.busy
                Layout.preferredHeight: 32
                Layout.preferredWidth: 32
            }
            Label {
                objectName: "message"
                text: importer.message
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                color: importer.errorCount > 0 ? Theme.error : palette.text
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 16

            ScrollView {
                Layout.preferredWidth: 360
                Layout.fillHeight: true
                TextArea {
                    objectName: "summary"
                    readOnly: true
                    text: importer.summary
                    placeholderText: qsTr("確かめると、作られる階層・行・担当課・値の数がここに出ます。")
                    wrapMode: Text.Wrap
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Label {
                    text: importer.checked
                          ? qsTr("問題 %1 件（エラー %2、注意 %3）").arg(importer.errorCount + importer.warningCount)
                                .arg(importer.errorCount).arg(importer.warningCount)
                          : qsTr("問題")
                    font.bold: true
                }
                ListView {
                    id: problems
                    objectName: "problemTable"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: importer
                    keyNavigationEnabled: true
                    activeFocusOnTab: true
                    ScrollBar.vertical: ScrollBar {}
                    delegate: Rectangle {
                        id: problem
                        required property int index
                        required property bool isError
                        required property string level
                        required property string where
                        required property string message
                        width: ListView.view.width
                        height: problemText.implicitHeight + 8
                        color: ListView.isCurrentItem && problems.activeFocus ? palette.highlight
                             : index % 2 ? palette.alternateBase : palette.base
                        RowLayout {
                            id: problemText
                            anchors.fill: parent
                            anchors.margins: 4
                            spacing: 10
                            Label {
                                text: problem.level
                                color: problem.isError ? Theme.error : Theme.warning
                                font.bold: problem.isError
                                Layout.preferredWidth: 48
                            }
                            Label { text: problem.where; Layout.preferredWidth: 160; elide: Text.ElideRight }
                            Label { text: problem.message; wrapMode: Text.Wrap; Layout.fillWidth: true }
                        }
                    }
                }
            }
        }
    }
}
