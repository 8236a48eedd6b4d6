import QtQuick
import QtTest
import Matome
import "helpers.js" as Helpers

// The whole window, as 高齢介護課 (kourei) sees it after signing in, walked
// with Tab and Shift+Tab like a keyboard user does: every stop is in view
// and named, the stops follow the screen (menu bar, plan tree, form, sync
// bar, each top to bottom and left to right) and Tab comes back round.
Item {
    width: 100
    height: 100
    Component { id: mainWindow; Main {} }

    TestCase {
        name: "TabOrder"
        when: windowShown

        property var win: null

        function initTestCase() {
            win = mainWindow.createObject(null)
            win.requestActivate()
            tryVerify(() => win.active, 5000)  // key events go to the active window
            const workspace = Helpers.findByName(win.contentItem, "workspace")
            tryCompare(workspace.form.controller, "itemTitle", "認知症サポーター養成講座")
            tryVerify(() => workspace.tree.list.activeFocus)
        }
        function cleanupTestCase() { win.destroy() }

        // The outermost scrolling area holding `item`, if any.
        function scroller(item) {
            let found = null
            for (let p = item.parent; p; p = p.parent)
                if (p.contentY !== undefined && p.contentItem !== undefined && p.flickableDirection !== undefined)
                    found = p
            return found
        }

        // The form's field (a FieldEditor) `item` belongs to, if any.
        function fieldOf(item) {
            for (let p = item.parent; p; p = p.parent)
                if (p.key !== undefined && p.label !== undefined && p.historyRequested !== undefined) return p
            return null
        }

        // Where `item` stands: its area of the window, its place on the
        // page (window position plus how far its area has scrolled) and
        // whether the user can see it (its top within its area's view).
        function stop(item) {
            const onWindow = item.mapToItem(null, 0, 0)
            const scroll = scroller(item)
            const workspace = Helpers.findByName(win.contentItem, "workspace")
            const formX = workspace.form.mapToItem(null, 0, 0).x
            const contentTop = win.contentItem.mapToItem(null, 0, 0).y
            const footerTop = win.footer.mapToItem(null, 0, 0).y
            const area = onWindow.y < contentTop ? "menu" : onWindow.y >= footerTop ? "syncbar"
                       : onWindow.x < formX ? "tree" : "form"
            let inView = item.visible && item.width > 0 && item.height > 0
            let viewTop = 0, viewBottom = win.height
            if (scroll) {
                viewTop = scroll.mapToItem(null, 0, 0).y
                viewBottom = viewTop + scroll.height
            }
            inView = inView && onWindow.y >= viewTop - 1 && onWindow.y + Math.min(item.height, 16) <= viewBottom + 1
            return {
                item: item, area: area, inView: inView,
                x: onWindow.x, y: onWindow.y + (scroll ? scroll.contentY : 0), height: item.height,
                name: item.Accessible.name !== "" ? item.Accessible.name : (item.text || ""),
                label: (item.objectName || String(item)) + " 「" + (item.Accessible.name || item.text || "") + "」"
            }
        }

        // Tab (or Shift+Tab) until focus is back where it began.
        function walk(modifier) {
            const start = win.activeFocusItem
            const stops = [stop(start)]
            for (let i = 0; i < 150; ++i) {
                keyClick(Qt.Key_Tab, modifier)
                const now = win.activeFocusItem
                verify(now !== null, "Tab left the window without focus after " + stops[stops.length - 1].label)
                if (now === start) return stops
                stops.push(stop(now))
            }
            fail("Tab did not come back to " + stops[0].label + " within 150 presses: "
                 + stops.slice(0, 60).map(s => s.label).join(" / "))
        }

        function test_tabGoesRoundTheScreenInReadingOrder() {
            const stops = walk(Qt.NoModifier)
            verify(stops.length > 20, "only " + stops.length + " stops")
            const seen = new Set()
            for (const s of stops) {
                verify(!seen.has(s.item), s.label + " is reached twice in one round")
                seen.add(s.item)
                verify(s.inView, s.label + " has the focus out of sight")
                verify(s.name !== "", s.label + " has no name for a screen reader")
                const field = fieldOf(s.item)
                if (field && s.item.objectName.startsWith("editor_"))
                    compare(s.name, field.label, s.label + " is not named by its field")
                else if (field)
                    verify(s.name.indexOf(field.label) >= 0, s.label + " does not say its field, " + field.label)
            }

            // The areas come in screen order, each in one run: from the tree
            // on to the form, the sync bar, the menu bar and back.
            const runs = []
            for (const s of stops) if (runs.length === 0 || runs[runs.length - 1] !== s.area) runs.push(s.area)
            compare(runs.join(" → "), "tree → form → syncbar → menu → tree")

            // Within an area: top to bottom, and left to right on one line.
            for (let i = 1; i < stops.length; ++i) {
                const a = stops[i - 1], b = stops[i]
                if (a.area !== b.area) continue
                const sameLine = Math.abs(b.y - a.y) < Math.min(a.height, b.height) / 2
                verify(sameLine ? b.x > a.x : b.y > a.y,
                       b.label + " comes after " + a.label + " but stands "
                       + (sameLine ? "left of it" : "above it"))
            }

            // What the round must include, whatever else the form holds.
            const names = stops.map(s => s.item.objectName)
            for (const wanted of ["searchField", "action_submit", "editor_progress", "choice_grade_A",
                                  "series_indicator_2024", "commentField", "syncNowButton"])
                verify(names.indexOf(wanted) >= 0, wanted + " is not reached by Tab")
        }

        function test_shiftTabGoesTheSameRoundBackwards() {
            const forward = walk(Qt.NoModifier).map(s => s.item)
            const backward = walk(Qt.ShiftModifier).map(s => s.item)
            compare(backward.length, forward.length)
            for (let i = 1; i < forward.length; ++i)
                verify(backward[i] === forward[forward.length - i],
                       "Shift+Tab stop " + i + " is " + stop(backward[i]).label + ", not "
                       + stop(forward[forward.length - i]).label)
        }
    }
}
