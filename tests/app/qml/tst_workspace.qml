import QtQuick
import QtTest
import Matome
import "helpers.js" as Helpers

// The department's workspace on the demo plan as 高齢介護課 (kourei).
Item {
    id: root
    width: 1366
    height: 740

    WorkspacePage { id: page; anchors.fill: parent }
    Component { id: anotherWorkspace; WorkspacePage {} }

    // This year's indicator value as the form's model holds it now.
    function seriesNow() {
        const fields = page.form.controller.fields
        const series = fields.data(fields.index(fields.indexOfKey("indicator"), 0), FieldListModel.SeriesRole)
        for (let i = 0; i < series.length; ++i)
            if (series[i].year === Session.reportYear) return series[i].value
        return null
    }

    TestCase {
        name: "Workspace"
        when: windowShown

        // Test functions run in name order: each starts from the first row.
        function init() {
            page.tree.choose(page.tree.model.nextRow(-1, 1))
            tryCompare(page.form.controller, "itemTitle", "認知症サポーター養成講座")
        }

        // Named to run first: the keyboard starts in the plan tree, framed.
        function test_aFocusStartsInThePlanTree() {
            verify(page.tree.list.activeFocus)
            compare(page.tree.list.highlightItem.border.width, 2)
            keyClick(Qt.Key_Down)
            tryCompare(page.form.controller, "itemTitle", "各種サポーターの養成")
        }

        // The mouse on the split's handle, moved step by step as a hand does.
        function dragSplit(x, dx) {
            const y = page.height / 2
            mousePress(page, x, y)
            for (let i = 1; i <= 10; ++i) mouseMove(page, x + dx * i / 10, y)
            mouseRelease(page, x + dx, y)
        }

        // Dragging the split moves it, and the next start finds it there.
        function test_paneSplitIsRemembered() {
            const before = page.tree.width
            dragSplit((before + page.form.x) / 2, 150)  // the handle lies between the panes
            tryVerify(() => Math.abs(page.tree.width - (before + 150)) < 10)
            const again = anotherWorkspace.createObject(root, { width: root.width, height: root.height })
            tryVerify(() => Math.abs(again.tree.width - page.tree.width) < 2)
            again.destroy()
            dragSplit((page.tree.width + page.form.x) / 2, -150)  // as it was
        }

        function test_opensFirstOwnRow() {
            tryCompare(page.form.controller, "valid", true)
            compare(page.form.controller.itemTitle, "認知症サポーター養成講座")
            compare(page.form.controller.departmentName, "高齢介護課")
            compare(page.tree.model.mineOnly, true)
            verify(page.form.controller.actions.indexOf("submit") >= 0)
        }

        function test_keyboardMovesToNextRow() {
            const first = page.form.controller.itemId
            page.tree.list.forceActiveFocus()
            keyClick(Qt.Key_Down)
            tryVerify(() => page.form.controller.itemId !== first)
            compare(page.form.controller.itemTitle, "各種サポーターの養成")
            compare(page.form.controller.status, "draft")
            page.tree.selectNext(-1)
            tryCompare(page.form.controller, "itemId", first)
        }

        function test_typingSavesTheField() {
            tryCompare(page.form.controller, "valid", true)
            const area = Helpers.findByName(page.form, "editor_progress")
            verify(area, "the progress editor exists")
            area.forceActiveFocus()
            area.cursorPosition = area.length
            const before = area.text
            keyClick(Qt.Key_A)
            keyClick(Qt.Key_B)
            page.form.controller.flush()
            compare(valueOf("progress").length, before.length + 2)
            compare(valueOf("progress"), area.text)
            verify(valueOf("progress").toLowerCase().endsWith("ab"))
            const row = page.form.controller.fields.indexOfKey("progress")
            tryVerify(() => page.form.controller.fields.data(page.form.controller.fields.index(row, 0),
                                                             FieldListModel.PendingRole) === true)
            verify(SyncController.pending >= 1)
            // The row says so in the plan tree, in words.
            const current = page.tree.list.currentItem
            tryVerify(() => current.unsent)
            const mark = Helpers.findByName(current, "unsentMark")
            verify(mark.visible)
            compare(mark.text, "未送信")
            verify(current.Accessible.name.indexOf("認知症サポーター養成講座、高齢介護課、") > 0)
            verify(current.Accessible.name.endsWith("、自分の課、未送信"))  // not by colour alone
        }

        // Real key events, one character at a time (ASCII: what keyClick types).
        function typeText(text) {
            for (const c of text) keyClick(c)
        }

        function valueOf(key) {
            const fields = page.form.controller.fields
            return fields.data(fields.index(fields.indexOfKey(key), 0), FieldListModel.ValueRole)
        }

        // Issue 10.1: typing, then Ctrl+↓ to the next row while the field
        // still has focus, must not carry the text into the next row.
        function test_textStaysWithItsRowOnCtrlDown() {
            const first = page.form.controller.itemId
            let area = Helpers.findByName(page.form, "editor_progress")
            area.forceActiveFocus()
            area.cursorPosition = area.length
            keyClick(Qt.Key_Q)
            keyClick(Qt.Key_R)
            const typedInFirst = area.text
            keyClick(Qt.Key_Down, Qt.ControlModifier)
            tryVerify(() => page.form.controller.itemId !== first)
            const stored = valueOf("progress")
            verify(stored !== typedInFirst)
            area = Helpers.findByName(page.form, "editor_progress")
            tryCompare(area, "text", stored)
            tryVerify(() => area.activeFocus, 1000, "the same field keeps the keyboard")
            area.cursorPosition = area.length
            keyClick(Qt.Key_W)
            compare(area.text.length, stored.length + 1)
            page.form.controller.flush()
            tryVerify(() => valueOf("progress") === area.text)
            verify(area.text.indexOf(typedInFirst) < 0 || stored.indexOf(typedInFirst) >= 0)
            // The first row kept exactly what was typed there.
            page.tree.selectNext(-1)
            tryCompare(page.form.controller, "itemId", first)
            compare(valueOf("progress"), typedInFirst)
        }

        // Ctrl+Enter goes to the next field that can be filled, from
        // inside a long text too; the field moved to is scrolled into view.
        // A choice is one Tab stop; the arrow keys move between its options and choose.
        function test_choiceIsOneTabStop() {
            tryCompare(page.form.controller, "valid", true)
            compare(valueOf("grade"), "")
            const a = Helpers.findByName(page.form, "choice_grade_A")
            const b = Helpers.findByName(page.form, "choice_grade_B")
            a.forceActiveFocus()
            keyClick(Qt.Key_Tab)
            const c = Helpers.findByName(page.form, "choice_grade_C")
            verify(!a.activeFocus && !b.activeFocus && !c.activeFocus)  // past the options at once
            keyClick(Qt.Key_Tab, Qt.ShiftModifier)
            verify(a.activeFocus)
            keyClick(Qt.Key_Down)
            verify(b.activeFocus)
            tryCompare(b, "checked", true)
            page.form.controller.flush()
            compare(valueOf("grade"), "B")
            keyClick(Qt.Key_Tab)
            keyClick(Qt.Key_Tab, Qt.ShiftModifier)
            verify(b.activeFocus)  // back on the chosen option
            page.form.controller.setValue("grade", "")
            page.form.controller.flush()
        }

        // 前年度の内容をコピー fills the empty fields; one click takes it back.
        function test_copyLastYearCanBeUndone() {
            tryCompare(page.form.controller, "valid", true)
            const copy = Helpers.findByName(page.form, "copyLastYear")
            verify(copy.visible)
            const before = valueOf("next_goal")
            copy.forceActiveFocus()  // by keyboard, as the form's buttons are reached
            keyClick(Qt.Key_Space)
            const undo = Helpers.findByName(page.form, "undoCopy")
            tryVerify(() => undo.visible)
            verify(valueOf("next_goal") !== before)
            const reason = Helpers.findByName(page.form, "editor_reason")
            compare(reason.text, "開催回数は増えたが受講者数が伸び悩んだ。")
            undo.forceActiveFocus()
            keyClick(Qt.Key_Space)
            tryVerify(() => !undo.visible)
            compare(valueOf("next_goal"), before)
            tryCompare(reason, "text", "")
        }

        function test_ctrlEnterMovesToTheNextFieldInView() {
            const area = Helpers.findByName(page.form, "editor_progress")
            area.forceActiveFocus()
            keyClick(Qt.Key_Return, Qt.ControlModifier)
            compare(page.form.focusedFieldKey(), "grade")
            keyClick(Qt.Key_Return, Qt.ControlModifier)
            compare(page.form.focusedFieldKey(), "reason")
            keyClick(Qt.Key_Return, Qt.ControlModifier | Qt.ShiftModifier)
            compare(page.form.focusedFieldKey(), "grade")
            // Down to this year's indicator cell, below the fold.
            const cell = Helpers.findByName(page.form, "series_indicator_" + Session.reportYear)
            let scroller = page.form.fieldList.parent
            while (scroller && scroller.contentY === undefined) scroller = scroller.parent
            verify(scroller, "the form scrolls")
            scroller.contentY = 0
            for (let i = 0; i < 6 && !cell.activeFocus; ++i)
                keyClick(Qt.Key_Return, Qt.ControlModifier)
            verify(cell.activeFocus, "the indicator cell has the keyboard")
            const y = cell.mapToItem(scroller.contentItem, 0, 0).y
            verify(y >= scroller.contentY && y + cell.height <= scroller.contentY + scroller.height,
                   "the focused cell is in view: " + y + " in " + scroller.contentY + "+" + scroller.height)
        }

        // Issue 10.1: another user's value pulled into a field that has the
        // keyboard but no typing yet is shown, and typing goes on from it.
        function test_valueArrivingBeforeTypingIsTakenUp() {
            const area = Helpers.findByName(page.form, "editor_next_goal")
            verify(area)
            area.forceActiveFocus()
            serverSide.pullValue(page.form.controller.itemTitle, "kourei", Session.reportYear,
                                 "next_goal", "取りまとめが書いた方針")
            tryCompare(area, "text", "取りまとめが書いた方針")
            verify(area.activeFocus)
            area.cursorPosition = area.length
            keyClick(Qt.Key_Z)
            page.form.controller.flush()
            compare(valueOf("next_goal").indexOf("取りまとめが書いた方針"), 0)
            compare(serverSide.staleEdits(), 0)  // typed on the newest value: no conflict due
        }

        // Issue 10.1: a value pulled while the user types is shown beside
        // the editor; the user's text stays and will conflict, not overwrite.
        function test_valueArrivingWhileTypingIsShownBeside() {
            const area = Helpers.findByName(page.form, "editor_reason")
            verify(area)
            area.forceActiveFocus()
            area.cursorPosition = area.length
            keyClick(Qt.Key_X)
            const typed = area.text
            const notice = Helpers.findByName(page.form, "stale_reason")
            verify(!notice.visible)
            serverSide.pullValue(page.form.controller.itemTitle, "kourei", Session.reportYear,
                                 "reason", "取りまとめが直した理由")
            tryVerify(() => notice.visible)
            compare(area.text, typed)
            keyClick(Qt.Key_Y)
            page.form.controller.flush()
            compare(valueOf("reason"), area.text)
            verify(area.text.indexOf("取りまとめが直した理由") < 0)
            compare(serverSide.staleEdits(), 1)  // will conflict on sync
            verify(notice.visible)
        }

        // Issue 10.2: a save between keystrokes must not rebuild the cells.
        // The indicator's chart says its values in words.
        function test_indicatorChartHasATextAlternative() {
            const chart = Helpers.findByName(page.form, "chart_indicator")
            verify(chart)
            compare(chart.Accessible.name, "推移のグラフ")
            verify(chart.Accessible.description.indexOf("R5 164人") >= 0)
        }

        function test_yearSeriesCellKeepsFocusAcrossSaves() {
            const year = Session.reportYear
            const cell = Helpers.findByName(page.form, "series_indicator_" + year)
            verify(cell, "this year's indicator cell exists")
            cell.forceActiveFocus()
            cell.selectAll()
            keyClick(Qt.Key_1)
            page.form.controller.flush()  // what the save timer does after a pause
            wait(50)
            verify(cell.activeFocus, "the cell keeps the keyboard after a save")
            keyClick(Qt.Key_8)
            keyClick(Qt.Key_5)
            page.form.controller.flush()
            const series = root.seriesNow()
            compare(series, "185")
            compare(Helpers.findByName(page.form, "series_indicator_" + year), cell)
        }

        function test_searchFilters() {
            const search = Helpers.findByName(page.tree, "searchField")
            verify(search)
            page.tree.model.mineOnly = false
            const all = page.tree.model.rowCountShown
            search.forceActiveFocus()
            search.text = "サロン"
            tryVerify(() => page.tree.model.rowCountShown < all)
            verify(page.tree.model.rowCountShown >= 1)
            search.text = ""
            page.tree.model.mineOnly = true
        }

        // Runs before test_typingSavesTheField (name order): 進捗状況 is still empty.
        function test_submitNamesTheMissingField() {
            const spy = signalSpy.createObject(root, { target: page.form.controller, signalName: "problemAt" })
            page.form.controller.act("submit")
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "progress")
            verify(page.form.controller.message.indexOf("進捗状況") >= 0)
            // The form moves the focus to the field to fill in.
            tryVerify(() => Helpers.findByName(page.form, "editor_progress").activeFocus)
            compare(page.form.controller.pendingAction, "")  // nothing queued
        }

        // A table field: typed into by keyboard, rows added, moved and removed,
        // kept as one canonical value.
        function test_tableFieldIsEditedRowByRow() {
            tryCompare(page.form.controller, "valid", true)
            const add = Helpers.findByName(page.form, "addRow_activities")
            verify(add, "the table has an add-row button")
            add.forceActiveFocus()
            keyClick(Qt.Key_Space)
            let name = null
            tryVerify(() => (name = Helpers.findByName(page.form, "cell_activities_0_0")) && name.activeFocus)
            typeText("Kouza")
            keyClick(Qt.Key_Tab)                    // to 回数: the name is saved
            typeText("7")
            keyClick(Qt.Key_Tab)                    // to 内容
            page.form.controller.flush()
            compare(valueOf("activities"), '[{"name":"Kouza","count":"7","note":""}]')

            add.forceActiveFocus()
            keyClick(Qt.Key_Space)
            let second = null
            tryVerify(() => (second = Helpers.findByName(page.form, "cell_activities_1_0")) && second.activeFocus)
            typeText("Kensyu")
            keyClick(Qt.Key_Up, Qt.AltModifier)     // the row moves up
            page.form.controller.flush()
            compare(valueOf("activities"),
                    '[{"name":"Kensyu","count":"","note":""},{"name":"Kouza","count":"7","note":""}]')
            const remove = Helpers.findByName(page.form, "removeRow_activities_0")
            remove.forceActiveFocus()
            keyClick(Qt.Key_Space)
            page.form.controller.flush()
            compare(valueOf("activities"), '[{"name":"Kouza","count":"7","note":""}]')
        }

        // The row's 目標 carries a section: shown above the fields, read only
        // for a department.
        function test_headingSectionIsShownReadOnly() {
            tryCompare(page.form.controller, "valid", true)
            const background = Helpers.findByName(page.form, "section_goal_background")
            verify(background, "the 目標's background is in the form")
            verify(background.text.indexOf("地域のつながり") === 0)
            verify(background.readOnly)
        }

        // The 17 SDGs: a compact grid of check boxes with their numbers; a
        // plan field, so 高齢介護課 sees it and cannot change it.
        function test_sdgsShowAsAGridOfNumberedBoxes() {
            tryCompare(page.form.controller, "valid", true)
            const goal17 = Helpers.findByName(page.form, "choice_sdgs_17")
            verify(goal17, "seventeen options")
            verify(goal17.text.indexOf("17　パートナーシップ") === 0, goal17.text)
            verify(!goal17.enabled)
            const goal1 = Helpers.findByName(page.form, "choice_sdgs_1")
            const goal2 = Helpers.findByName(page.form, "choice_sdgs_2")
            const goal4 = Helpers.findByName(page.form, "choice_sdgs_4")
            compare(goal2.y, goal1.y)        // side by side
            verify(goal2.x > goal1.x)
            compare(goal4.x, goal1.x)        // three to a line: 4 under 1
            verify(goal4.y > goal1.y)
        }
    }
    Component { id: signalSpy; SignalSpy {} }
}
