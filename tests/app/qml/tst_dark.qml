import QtQuick
import QtTest
import QtQuick.Controls
import Matome
import "helpers.js" as Helpers

// The workspace on a dark desktop (MATOME_TEST_PALETTE=dark): the colours
// come from the palette, so fields are dark with light text and the marks
// stay readable. With MATOME_SCREENSHOT_DIR set, the page is saved there
// (scripts/screenshots) to be looked at.
Item {
    id: root
    width: 1366
    height: 740

    // The controls take the desktop's palette as a platform theme hands it
    // to the window (the offscreen test platform has none to hand over).
    Pane {
        anchors.fill: parent
        padding: 0
        palette.window: Theme.system.window
        palette.windowText: Theme.system.windowText
        palette.base: Theme.system.base
        palette.alternateBase: Theme.system.alternateBase
        palette.text: Theme.system.text
        palette.button: Theme.system.button
        palette.buttonText: Theme.system.buttonText
        palette.mid: Theme.system.mid
        palette.highlight: Theme.system.highlight
        WorkspacePage { id: page; anchors.fill: parent }
    }

    TestCase {
        name: "Dark"
        when: windowShown

        // Relative luminance (WCAG) and the contrast of two colours.
        function luminance(c) {
            const lin = v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)
            return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
        }
        function contrast(a, b) {
            const la = luminance(a), lb = luminance(b)
            return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
        }

        function test_fieldsFollowTheDarkPalette() {
            verify(Theme.dark)
            tryCompare(page.form.controller, "valid", true)
            const area = Helpers.findByName(page.form, "editor_progress")
            verify(area)
            // The field is dark, its text light, readable (WCAG AA: 4.5).
            verify(luminance(area.background.color) < 0.05)
            verify(contrast(area.color, area.background.color) >= 4.5)
            // A status chip and the error colour keep their contrast too.
            verify(contrast(Theme.chipText, Theme.statusColor("draft")) >= 4.5)
            verify(contrast(Theme.error, Theme.system.window) >= 4.5)
            verify(contrast(Theme.warning, Theme.system.window) >= 4.5)
            if (screenshotDir !== "") {
                waitForRendering(page)
                const shot = grabImage(page)
                shot.save(screenshotDir + "/workspace-dark.png")
            }
        }
    }
}
