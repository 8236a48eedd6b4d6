pragma Singleton
import QtQuick

// Every colour the views use, taken from the desktop's palette (light or
// dark, as the user set it), so nothing is painted white on a dark desktop.
// Marks that carry meaning (error, unsent, conflict, done) have a light and
// a dark shade with the contrast each background needs; the words beside
// them say the same, for whoever cannot tell the colours apart.
QtObject {
    id: theme

    readonly property SystemPalette system: SystemPalette { colorGroup: SystemPalette.Active }
    readonly property bool dark: system.window.hslLightness < 0.5

    // Surfaces
    readonly property color fieldSurface: system.base           // where one types
    readonly property color plainSurface: system.alternateBase  // read-only or plan-wide values
    readonly property color mutedSurface: Qt.darker(system.window, dark ? 0.8 : 1.04)
    readonly property color selection: Qt.rgba(system.highlight.r, system.highlight.g, system.highlight.b,
                                                      dark ? 0.45 : 0.22)
    readonly property color rowStripe: system.alternateBase
    readonly property color border: system.mid
    readonly property color focus: system.highlight
    readonly property color mutedText: system.placeholderText

    // Meanings
    readonly property color error: dark ? "#f2b8b5" : "#b3261e"
    readonly property color errorBorder: dark ? "#f28b82" : "#d93025"
    readonly property color errorSurface: dark ? "#5c1f1b" : "#fce8e6"
    readonly property color warning: dark ? "#fdd663" : "#b06000"  // unsent, changed
    readonly property color pendingSurface: dark ? "#4a3c12" : "#fff8e1"
    readonly property color conflict: dark ? "#fcad70" : "#c25a00"
    readonly property color success: dark ? "#81c995" : "#1e8e3e"
    readonly property color mine: system.highlight               // the user's own rows
    readonly property color chipText: dark ? "#e8eaed" : "#202124"

    // A status chip's fill: 未着手 作成中 課内確認中 提出済 差戻し 確定.
    function statusColor(status) {
        const light = { not_started: "#e8eaed", draft: "#fff3cd", checking: "#e0f0ff",
                        submitted: "#d2e3fc", returned: "#fce8e6", accepted: "#ceead6" }
        const shaded = { not_started: "#3c4043", draft: "#594a16", checking: "#1f3b57",
                         submitted: "#263d66", returned: "#5c1f1b", accepted: "#1e4a2c" }
        return Qt.lighter((dark ? shaded : light)[status] ?? (dark ? "#3c4043" : "#e8eaed"), 1.0)
    }
}
