import Foundation
import HandoffIO
import Testing

@testable import HandoffKit

@Suite("Reading CSV exports")
struct CSVReaderTests {
    func rows(_ bytes: [UInt8], chunk: Int = 8 << 20) throws -> [(Int, [String])] {
        let dir = try temporaryDirectory()
        let path = (dir as NSString).appendingPathComponent("x.csv")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var out: [(Int, [String])] = []
        try CSVReader(path: path, chunkSize: chunk).forEachRecord { r in
            out.append((r.line, (0..<r.count).map { r.string($0) ?? "<bad>" }))
        }
        return out
    }

    @Test func bomCRLFAndQuotedNewlines() throws {
        let text =
            "\u{FEFF}lead_id,company,note\r\nL1,\"Smith, Jones & Co\",\"line one\r\nline \"\"two\"\"\"\r\nL2, Acme ,plain\r\n"
        let r = try rows(Array(text.utf8))
        #expect(r.map(\.0) == [1, 2, 4])
        #expect(
            r.map(\.1) == [
                ["lead_id", "company", "note"], ["L1", "Smith, Jones & Co", "line one\r\nline \"two\""],
                ["L2", "Acme", "plain"],
            ])
    }

    @Test func bareCarriageReturnsAndBlankLines() throws {
        let r = try rows(Array("a,b\rL1,2\r\rL2,3".utf8))
        #expect(r.map(\.0) == [1, 2, 4])
        #expect(r.map(\.1) == [["a", "b"], ["L1", "2"], ["L2", "3"]])
    }

    @Test func recordsSplitAcrossChunks() throws {
        var text = "id,value\n"
        for i in 0..<500 { text += "L\(i),\"multi\nline \(i)\"\n" }
        let r = try rows(Array(text.utf8), chunk: 7)
        #expect(r.count == 501)
        #expect(r[500].0 == 1 + 2 * 499 + 1)
        #expect(r[500].1 == ["L499", "multi\nline 499"])
    }

    @Test func unterminatedQuoteIsAnError() throws {
        #expect(throws: CSVReader.Failure.self) { try rows(Array("a,b\nL1,\"oops\nL2,3\n".utf8)) }
    }

    @Test func utf16AndBinaryAreRejected() throws {
        do {
            _ = try rows([0xFF, 0xFE, 0x61, 0x00])
            Issue.record("UTF-16 should be rejected")
        } catch let failure as CSVReader.Failure {
            #expect(failure.reason == "the file is UTF-16; export or save it as UTF-8 CSV")
        }
        do {
            _ = try rows([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00])
            Issue.record("binary should be rejected")
        } catch let failure as CSVReader.Failure {
            #expect(failure.reason == "the file is not CSV text (it contains binary data); export the report as CSV")
        }
    }
}
