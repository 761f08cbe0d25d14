import Foundation
import Testing

@testable import HandoffKit

/// Every HTML document as a real browser shows it: printed to PDF on Letter and A4 paper, and on a 375 px phone.
/// Runs where Chromium and pdftotext (poppler-utils) are installed; `.ci/run` installs both, and under CI a
/// missing browser is a failure, not a skip.
@Suite("Documents in a real browser", .serialized, .enabled(if: Browser.available || Browser.required))
struct BrowserTests {
    @Test func slaDocumentPrintsInFourPagesWithContentOnPageOne() throws {
        let a = try acme()
        let html = try DocumentRenderer().render(.sla, data: SLADocument.data(a), title: "Acme SLA", format: .html)
        for paper in ["Letter", "A4"] {
            let pdf = try Browser.printToPDF(html, paper: paper)
            #expect((1...4).contains(pdf.pages), "the SLA document is \(pdf.pages) pages on \(paper)")
            // Page 1 is full: the lifecycle table starts under the purpose, not on page 2.
            let first = try pdf.text(page: 1)
            #expect(first.contains("Acme Analytics Sales & Marketing SLA"), "\(paper) page 1:\n\(first)")
            #expect(
                first.contains("2. Lifecycle stages") && first.contains("Marketing Qualified Lead"),
                "\(paper) page 1:\n\(first)")
            #expect(first.contains("3. The MQL definition"), "\(paper) page 1 is not filled:\n\(first)")
        }
        try expectFitsAPhone(html, "SLA document")
        // The id column's heading is a heading cell, not an empty HTML heading.
        #expect(!html.contains("<h1></h1>"))
        #expect(html.contains("<th>#</th><th>Commitment</th>"))
    }

    @Test func scorecardPrintsAndFitsAPhone() throws {
        let (a, s) = try GoldenTests().scorecard()
        let renderer = try DocumentRenderer()
        let data = ScorecardDocument.data(s, agreement: a)
        let html = try renderer.render(
            .scorecard, data: data, title: "Scorecard", charts: ScorecardDocument.charts(s), format: .html)
        for paper in ["Letter", "A4"] {
            let pdf = try Browser.printToPDF(html, paper: paper)
            // Commitments, service levels (distribution tables and charts by owner and source), funnel and trend.
            #expect((1...10).contains(pdf.pages), "the scorecard is \(pdf.pages) pages on \(paper)")
            #expect(
                try pdf.text(page: 1).contains("Marketing commitments"), "\(paper): the commitments start on page 1")
        }
        try expectFitsAPhone(html, "scorecard")
    }

    @Test func agendaPrintsOnTwoPagesAndFitsAPhone() throws {
        let (a, s) = try GoldenTests().scorecard()
        let html = try DocumentRenderer().render(
            .agenda, data: AgendaDocument.data(s, agreement: a), title: "Agenda", format: .html)
        for paper in ["Letter", "A4"] {
            let pdf = try Browser.printToPDF(html, paper: paper)
            #expect((1...2).contains(pdf.pages), "the agenda is \(pdf.pages) pages on \(paper)")
        }
        try expectFitsAPhone(html, "agenda")
    }

    func expectFitsAPhone(_ html: String, _ name: String) throws {
        let phone = try Browser.layoutAt375(html)
        #expect((355...375).contains(phone.viewport), "the phone frame is \(phone.viewport) px")
        #expect(phone.scrollWidth <= phone.viewport, "the \(name) is \(phone.scrollWidth) px wide at 375 px")
        #expect(
            phone.overflowing.isEmpty, "at 375 px these reach past the right edge in the \(name): \(phone.overflowing)")
    }
}

/// Headless Chromium, driven through its command line.
enum Browser {
    static let executable: String? = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(which).first
    static let pdftotext: String? = which("pdftotext")
    static var available: Bool { executable != nil && pdftotext != nil }
    /// Under CI the browser checks must run.
    static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    struct PDF {
        let path: String
        let data: Data
        /// Page objects in the file (Chromium writes them uncompressed).
        var pages: Int {
            let text = String(decoding: data, as: UTF8.self)
            return text.components(separatedBy: "/Type /Page").count - 1
                - (text.components(separatedBy: "/Type /Pages").count - 1)
        }
        func text(page: Int) throws -> String {
            try Browser.run(pdftotext ?? "pdftotext", ["-f", "\(page)", "-l", "\(page)", "-layout", path, "-"])
        }
    }

    struct Layout {
        var viewport: Int
        var scrollWidth: Int
        var scrollbar: Int
        var overflowing: [String]
    }

    /// `html` printed to PDF on `paper` (what choosing that paper in the print dialog gives).
    static func printToPDF(_ html: String, paper: String) throws -> PDF {
        guard html.contains("@page { size: auto;") else {
            throw Failure("the page style no longer sets @page size: auto")
        }
        let dir = try temporaryDirectory()
        let page = try write(
            html.replacingOccurrences(of: "@page { size: auto;", with: "@page { size: \(paper);"), "page.html", in: dir)
        let pdf = dir + "/page.pdf"
        _ = try chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://\(page)"], profile: dir)
        guard let data = FileManager.default.contents(atPath: pdf), data.starts(with: Array("%PDF".utf8)) else {
            throw Failure("Chromium wrote no PDF for \(page)")
        }
        return PDF(path: pdf, data: data)
    }

    /// Lays `html` out in a 375 px wide frame and reports what reaches past its right edge.
    static func layoutAt375(_ html: String) throws -> Layout {
        // The page runs in a same-origin frame 375 px wide (a headless window is never narrower than 500 px);
        // a script at its end measures it and leaves the result on the outer page, which Chromium prints.
        let probe = """
            <script>(function () {
              var w = document.documentElement.clientWidth, over = [];
              document.querySelectorAll("body *").forEach(function (e) {
                var r = e.getBoundingClientRect();
                if (r.width > 0 && r.right > w + 0.5) over.push(e.tagName.toLowerCase() + (e.className ? "." + e.className : "") + " " + (e.textContent || "").trim().slice(0, 40));
              });
              parent.document.body.setAttribute("data-layout", JSON.stringify({viewport: w, scrollWidth: document.documentElement.scrollWidth, scrollbar: innerWidth - w, overflowing: over.slice(0, 12)}));
            })();</script>
            """
        let framed = html.replacingOccurrences(of: "</body>", with: probe + "</body>")
        let outer =
            "<!DOCTYPE html><html><body style=\"margin:0\"><iframe style=\"border:0;width:375px;height:900px\" srcdoc=\"\(HTMLPage.escape(framed))\"></iframe></body></html>"
        let dir = try temporaryDirectory()
        let page = try write(outer, "phone.html", in: dir)
        let dom = try chromium(["--window-size=375,900", "--dump-dom", "file://\(page)"], profile: dir)
        guard let start = dom.range(of: "data-layout=\""), let end = dom[start.upperBound...].firstIndex(of: "\"")
        else {
            throw Failure("the layout probe did not run:\n\(dom.prefix(400))")
        }
        let json = String(dom[start.upperBound..<end]).replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&")
        struct Probe: Decodable {
            var viewport: Int
            var scrollWidth: Int
            var scrollbar: Int
            var overflowing: [String]
        }
        let p = try JSONDecoder().decode(Probe.self, from: Data(json.utf8))
        return Layout(
            viewport: p.viewport, scrollWidth: p.scrollWidth, scrollbar: p.scrollbar, overflowing: p.overflowing)
    }

    static func chromium(_ arguments: [String], profile: String) throws -> String {
        guard let executable else { throw Failure("Chromium is not installed (apt-get install -y chromium)") }
        return try run(
            executable,
            ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)/profile"]
                + arguments)
    }

    /// Runs a program, giving up after a minute, and returns its standard output.
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = try temporaryDirectory() + "/stdout"
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            throw Failure("\(executable) did not finish within a minute")
        }
        guard process.terminationStatus == 0 else {
            throw Failure("\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return try String(contentsOfFile: output, encoding: .utf8)
    }

    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
