import QtQuick
import QtTest
import Matome
import "helpers.js" as Helpers

// The coordinator's import page (MATOME_TEST_LOGIN=coord), offline: the
// workbook is checked here; importing needs the server, which this test
// does not have (the end-to-end import is in live_import_test.cpp).
Item {
    width: 1366
    height: 740

    ImportPage { id: page; anchors.fill: parent }

    TestCase {
        name: "Import"
        when: windowShown

        function chooseFile(path) {
            // What the file dialog hands over when the coordinator picks a file.
            page.importer.fileUrl = "file://" + path
        }

        function press(name) {
            const button = Helpers.findByName(page, name)
            verify(button.enabled, name + " is enabled")
            button.forceActiveFocus()
            keyClick(Qt.Key_Space)
        }

        function test_1_aSampleIsCheckedAndItsProblemsListed() {
            chooseFile(presetsDir + "/samples/tsurugashima.tsv")
            compare(Helpers.findByName(page, "fileName").text, "tsurugashima.tsv")
            verify(!Helpers.findByName(page, "importButton").enabled)  // not before a check

            // The preset by keyboard: the list is sorted by name (kitamoto,
            // sakado, tsurugashima), so two steps down from the first.
            const presets = Helpers.findByName(page, "presetBox")
            presets.forceActiveFocus()
            compare(presets.currentIndex, 0)
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Down)
            compare(presets.currentIndex, 2)
            verify(presets.currentText.indexOf("鶴ヶ島市") === 0)
            compare(page.importer.presetIndex, 2)

            press("checkButton")
            tryCompare(page.importer, "checked", true, 10000)
            const summary = Helpers.findByName(page, "summary")
            verify(summary.text.indexOf("主な取組: 45") >= 0, summary.text)
            verify(summary.text.indexOf("行: 45 (複数の担当課: 1)") >= 0)
            compare(page.importer.errorCount, 0)
            const table = Helpers.findByName(page, "problemTable")
            tryCompare(table, "count", page.importer.warningCount)
            verify(table.count >= 5)
            // Each problem names its cell; the cut-off last row is said.
            let found = false
            for (let i = 0; i < table.count; ++i) {
                table.currentIndex = i
                const row = table.currentItem
                if (JSON.stringify(row.where) === JSON.stringify("tsurugashima!129"))
                    found = row.message.indexOf("担当課がない") >= 0
            }
            verify(found, "the row without a department is listed")
            verify(Helpers.findByName(page, "importButton").enabled)
            verify(Helpers.findByName(page, "message").text.indexOf("取り込めます") === 0)
        }

        function test_2_importingWithoutTheServerSaysSoAndStaysOnThePage() {
            press("importButton")
            tryCompare(page.importer, "busy", false, 20000)
            verify(!page.importer.imported)
            verify(Helpers.findByName(page, "message").text.indexOf("取り込めませんでした") === 0)
        }

        function test_3_aFileThatIsNoSpreadsheetIsRefusedWithOneMessage() {
            chooseFile(notASpreadsheet)
            verify(!page.importer.checked)  // a new file: the old check is gone
            compare(Helpers.findByName(page, "problemTable").count, 0)
            press("checkButton")
            tryCompare(page.importer, "busy", false, 10000)
            verify(!page.importer.checked)
            compare(Helpers.findByName(page, "message").text,
                    "表のファイルではありません。XLSX、CSV、TSV のいずれかを選んでください。")
            verify(!Helpers.findByName(page, "importButton").enabled)
        }
    }
}
