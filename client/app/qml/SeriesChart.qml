import QtQuick
import QtQuick.Controls

// An indicator's values by year as a small line chart, with the target as a
// dashed line.
Canvas {
    id: chart

    property var series: []
    property real target: 0
    property bool hasTarget: false
    property string unit: ""

    // What the chart shows, in words, for whoever cannot see it (the same
    // values are in the series table beside it).
    Accessible.role: Accessible.Graphic
    Accessible.name: qsTr("推移のグラフ")
    Accessible.description: series.filter(p => p.value !== "")
                                  .map(p => p.label + " " + p.value + unit)
                                  .concat(hasTarget ? [qsTr("目標 %1%2").arg(target).arg(unit)] : [])
                                  .join("、")

    onSeriesChanged: requestPaint()
    onTargetChanged: requestPaint()
    onWidthChanged: requestPaint()

    onPaint: {
        const ctx = getContext("2d")
        ctx.reset()
        const pad = 24
        const values = series.map(p => parseFloat(String(p.value).replace(/,/g, "")))
        const known = values.filter(v => !isNaN(v))
        let top = Math.max.apply(null, known.concat(hasTarget ? [target] : [0]))
        if (!(top > 0)) top = 1
        const x = i => pad + (series.length <= 1 ? 0 : i * (width - 2 * pad) / (series.length - 1))
        const y = v => height - pad - v / top * (height - 2 * pad)

        ctx.strokeStyle = Theme.border
        ctx.beginPath(); ctx.moveTo(pad, height - pad); ctx.lineTo(width - pad, height - pad); ctx.stroke()
        ctx.fillStyle = Theme.mutedText
        ctx.font = "11px sans-serif"
        for (let i = 0; i < series.length; ++i) ctx.fillText(series[i].label, x(i) - 8, height - 6)

        if (hasTarget) {
            ctx.strokeStyle = Theme.errorBorder
            ctx.setLineDash([4, 3])
            ctx.beginPath(); ctx.moveTo(pad, y(target)); ctx.lineTo(width - pad, y(target)); ctx.stroke()
            ctx.setLineDash([])
            ctx.fillStyle = Theme.errorBorder
            ctx.fillText(qsTr("目標 %1%2").arg(target.toLocaleString(Qt.locale(), "f", 0)).arg(unit), pad, y(target) - 4)
        }
        ctx.strokeStyle = Theme.focus
        ctx.fillStyle = Theme.focus
        ctx.lineWidth = 2
        ctx.beginPath()
        let started = false
        for (let i = 0; i < values.length; ++i) {
            if (isNaN(values[i])) continue
            if (!started) { ctx.moveTo(x(i), y(values[i])); started = true } else ctx.lineTo(x(i), y(values[i]))
        }
        ctx.stroke()
        for (let i = 0; i < values.length; ++i)
            if (!isNaN(values[i])) { ctx.beginPath(); ctx.arc(x(i), y(values[i]), 3, 0, 2 * Math.PI); ctx.fill() }
    }
}
