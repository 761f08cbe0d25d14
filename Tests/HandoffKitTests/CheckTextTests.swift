import Foundation
import Testing

@testable import HandoffKit

@Suite("check's text output")
struct CheckTextTests {
    @Test func columnsStayAlignedWithALongId() throws {
        let a = try acme()
        let request = MeasurementRequest(
            sources: try DataSources(directory: projectPath("examples/acme")), period: .week("2026-W46"),
            asOf: "2026-11-16T10:00")
        var s = try Handoff.scorecard(a, request)
        s.commitments[1].commitment.id = "marketing-qualified-lead-quality-review"
        let rows = CheckReport.text(s).split(separator: "\n").filter { $0.hasPrefix("[") }
        #expect(rows.count == 11)
        // The verdict, value and goal columns start at one offset on every row.
        func column(_ row: Substring, _ words: [String]) -> Int? {
            words.compactMap { word in
                row.range(of: " \(word) ").map { row.distance(from: row.startIndex, to: $0.lowerBound) }
            }.min()
        }
        let verdicts = Set(rows.compactMap { column($0, ["met", "missed", "insufficient data", "at risk"]) })
        #expect(verdicts.count == 1, "\(rows.joined(separator: "\n"))")
        let goals = Set(rows.compactMap { column($0, ["goal", "band"]) })
        #expect(goals.count == 1, "\(rows.joined(separator: "\n"))")
        #expect(rows[1].contains(" marketing-qualified-lead-quality-review missed "))
    }
}
