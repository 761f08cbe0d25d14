import Foundation
import Testing

@Suite("Golden-file failures")
struct GoldenDiffTests {
    let recorded = (1...100).map { "line \($0)" }.joined(separator: "\n") + "\n"

    @Test func aChangedLineShowsAsAUnifiedDiffWithThePath() throws {
        let actual = recorded.replacingOccurrences(of: "line 50\n", with: "line fifty\n")
        let diff = try #require(GoldenDiff.firstHunk(expected: recorded, actual: actual, expectedPath: "Golden/x.md"))
        #expect(
            diff == """
                --- Golden/x.md (recorded)
                +++ actual
                @@ -47,7 +47,7 @@
                 line 47
                 line 48
                 line 49
                -line 50
                +line fifty
                 line 51
                 line 52
                 line 53
                """)
        #expect(GoldenDiff.firstHunk(expected: recorded, actual: recorded, expectedPath: "x") == nil)
    }

    @Test func anInsertedLineIsOnlyAnAddition() throws {
        let actual = recorded.replacingOccurrences(of: "line 3\n", with: "line 3\nnew\n")
        let diff = try #require(GoldenDiff.firstHunk(expected: recorded, actual: actual, expectedPath: "x"))
        let changes = diff.split(separator: "\n").dropFirst(3).filter { $0.hasPrefix("+") || $0.hasPrefix("-") }
        #expect(changes == ["+new"])
        #expect(diff.contains("@@ -1,6 +1,7 @@"))
    }

    @Test func aLargeChangeIsCutToFortyLines() throws {
        let actual = recorded.replacingOccurrences(of: "line", with: "row")
        let diff = try #require(GoldenDiff.firstHunk(expected: recorded, actual: actual, expectedPath: "x"))
        let lines = diff.split(separator: "\n")
        #expect(lines.count == 40)
        #expect(lines[3] == "-line 1")
        #expect(
            lines.last?.hasPrefix("… ") == true && lines.last?.hasSuffix("more lines of this hunk not shown") == true)
    }

    @Test func recordModeWritesTheFileAndStillFails() throws {
        let dir = try temporaryDirectory()
        let failure = try #require(try GoldenFile.check("new text\n", "Golden/doc.md", root: dir, record: true))
        #expect(failure.hasPrefix("HANDOFF_RECORD=1: recorded \(dir)/Golden/doc.md"))
        #expect(try String(contentsOfFile: dir + "/Golden/doc.md", encoding: .utf8) == "new text\n")
        // Compared afterwards, the recording passes; a different text fails naming the file.
        #expect(try GoldenFile.check("new text\n", "Golden/doc.md", root: dir, record: false) == nil)
        let mismatch = try #require(try GoldenFile.check("other\n", "Golden/doc.md", root: dir, record: false))
        #expect(mismatch.hasPrefix("doc.md differs from its recorded file \(dir)/Golden/doc.md"))
        #expect(mismatch.hasSuffix("-new text\n+other\n "))
    }
}
