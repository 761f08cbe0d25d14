/// Deterministic SVG text helpers: fixed-precision numbers and escaped text.
enum SVG {
    /// A coordinate with one decimal, no locale.
    static func n(_ v: Double) -> String {
        let tenths = (v * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }

    static func text(
        _ x: Double, _ y: Double, _ s: String, anchor: String = "start", size: Int = 11, fill: String = "#5b6475",
        weight: String = "normal"
    ) -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(size)\" fill=\"\(fill)\" text-anchor=\"\(anchor)\" font-weight=\"\(weight)\">\(HTMLPage.escape(s))</text>"
    }

    static func open(width: Int, height: Int, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTMLPage.escape(label))\" font-family=\"-apple-system, Segoe UI, Roboto, Arial, sans-serif\"><title>\(HTMLPage.escape(label))</title>"
    }
}

/// A weekly line chart with an optional band, reference line and target.
struct LineChart {
    struct Series {
        var name: String
        var values: [Double?]
        var color: String
        var dashed = false
    }

    var title: String
    var labels: [String]
    var series: [Series]
    var band: (low: Double, high: Double)?
    var yFormat: (Double) -> String
    var yMin: Double = 0
    var yMax: Double?

    func svg() -> String {
        let width = 900.0, height = 240.0
        let left = 56.0, right = 150.0, top = 30.0, bottom = 36.0
        let plotW = width - left - right, plotH = height - top - bottom
        let all = series.flatMap { $0.values.compactMap { $0 } } + (band.map { [$0.low, $0.high] } ?? [])
        var maxV = yMax ?? max(all.max() ?? 1, yMin + 1e-9)
        if yMax == nil { maxV *= 1.15 }
        let span = max(maxV - yMin, 1e-9)
        func x(_ i: Int) -> Double {
            left + (labels.count <= 1 ? plotW / 2 : plotW * Double(i) / Double(labels.count - 1))
        }
        func y(_ v: Double) -> Double { top + plotH - plotH * (v - yMin) / span }
        var out = SVG.open(width: Int(width), height: Int(height), label: title)
        out += SVG.text(left, 18, title, size: 13, fill: "#1d2330", weight: "600")
        if let band {
            out +=
                "<rect x=\"\(SVG.n(left))\" y=\"\(SVG.n(y(band.high)))\" width=\"\(SVG.n(plotW))\" height=\"\(SVG.n(max(0, y(band.low) - y(band.high))))\" fill=\"#e7f3ec\"/>"
            let legendY = top + 14 + Double(series.count) * 18 + 30
            out +=
                "<rect x=\"\(SVG.n(left + plotW + 8))\" y=\"\(SVG.n(legendY - 5))\" width=\"20\" height=\"10\" fill=\"#cfe8d8\"/>"
            out += SVG.text(
                left + plotW + 34, legendY + 4, "band \(yFormat(band.low))–\(yFormat(band.high))", size: 11,
                fill: "#1d2330")
        }
        for k in 0...4 {
            let v = yMin + span * Double(k) / 4
            out +=
                "<line x1=\"\(SVG.n(left))\" x2=\"\(SVG.n(left + plotW))\" y1=\"\(SVG.n(y(v)))\" y2=\"\(SVG.n(y(v)))\" stroke=\"#e3e7ee\"/>"
            out += SVG.text(left - 6, y(v) + 4, yFormat(v), anchor: "end", size: 10)
        }
        for (i, label) in labels.enumerated() {
            out += SVG.text(x(i), height - 14, label, anchor: "middle", size: 10)
        }
        for (index, s) in series.enumerated() {
            var path = ""
            var pen = false
            for (i, v) in s.values.enumerated() {
                guard let v else {
                    pen = false
                    continue
                }
                path += (pen ? " L" : " M") + "\(SVG.n(x(i))) \(SVG.n(y(v)))"
                pen = true
            }
            if !path.isEmpty {
                out +=
                    "<path d=\"\(path.dropFirst())\" fill=\"none\" stroke=\"\(s.color)\" stroke-width=\"2.2\"\(s.dashed ? " stroke-dasharray=\"6 4\"" : "")/>"
            }
            if !s.dashed {
                for (i, v) in s.values.enumerated() {
                    if let v {
                        out += "<circle cx=\"\(SVG.n(x(i)))\" cy=\"\(SVG.n(y(v)))\" r=\"3.2\" fill=\"\(s.color)\"/>"
                    }
                }
            }
            let legendY = top + 14 + Double(index) * 18
            out +=
                "<line x1=\"\(SVG.n(left + plotW + 8))\" x2=\"\(SVG.n(left + plotW + 28))\" y1=\"\(SVG.n(legendY + 30))\" y2=\"\(SVG.n(legendY + 30))\" stroke=\"\(s.color)\" stroke-width=\"2.2\"\(s.dashed ? " stroke-dasharray=\"6 4\"" : "")/>"
            out += SVG.text(left + plotW + 34, legendY + 34, s.name, size: 11, fill: "#1d2330")
        }
        return out + "</svg>"
    }
}

/// Horizontal bars: rejection reasons, the funnel.
struct BarChart {
    struct Bar {
        var label: String
        var value: Double
        var caption: String
        var highlight = false
    }

    var title: String
    var bars: [Bar]

    func svg() -> String {
        let width = 900.0
        let rowH = 26.0, top = 30.0, labelW = 230.0, captionW = 140.0
        let height = top + rowH * Double(max(bars.count, 1)) + 10
        let maxV = max(bars.map(\.value).max() ?? 1, 1e-9)
        let plotW = width - labelW - captionW - 20
        var out = SVG.open(width: Int(width), height: Int(height), label: title)
        out += SVG.text(0, 18, title, size: 13, fill: "#1d2330", weight: "600")
        for (i, bar) in bars.enumerated() {
            let y = top + rowH * Double(i)
            let w = plotW * bar.value / maxV
            out += SVG.text(labelW - 8, y + 16, bar.label, anchor: "end", size: 12, fill: "#1d2330")
            out +=
                "<rect x=\"\(SVG.n(labelW))\" y=\"\(SVG.n(y + 4))\" width=\"\(SVG.n(max(w, 1)))\" height=\"\(SVG.n(rowH - 9))\" rx=\"2\" fill=\"\(bar.highlight ? "#b42318" : "#2f5bd3")\"/>"
            out += SVG.text(
                labelW + max(w, 1) + 6, y + 16, bar.caption, size: 11, fill: bar.highlight ? "#b42318" : "#5b6475",
                weight: bar.highlight ? "600" : "normal")
        }
        return out + "</svg>"
    }
}
