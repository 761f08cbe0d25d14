import Foundation
import Testing

@testable import HandoffKit

/// Broken input ends in a clear error in bounded time and memory, never a crash or a hang.
@Suite("Hostile and broken YAML")
struct HostileYAMLTests {
    @Test func syntaxError() {
        let outcome = load("agreement:\n  title: [unclosed\n  version: 1\n")
        #expect(outcome.agreement == nil)
        #expect(outcome.diagnostics.count == 1)
        #expect(outcome.diagnostics[0].message.hasPrefix("invalid YAML: "))
        #expect(outcome.diagnostics[0].location?.line == 3)
    }

    @Test func tabIndentation() {
        let outcome = load("agreement:\n\ttitle: x\n")
        #expect(
            positions(outcome.diagnostics) == [
                "2:1: error: a tab is used for indentation; YAML indents with spaces only"
            ])
    }

    @Test func nonUTF8Bytes() {
        var bytes = Array("agreement:\n  title: caf".utf8)
        bytes += [0xE9, 0x0A]
        let outcome = AgreementLoader.load(bytes: bytes, file: "latin1.yaml")
        #expect(
            positions(outcome.diagnostics) == [
                "2:13: error: the file is not UTF-8: byte 0xE9 cannot start a character; save the file as UTF-8"
            ])
    }

    @Test func aliasBomb() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...12 {
            yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let outcome = load(
            minimalAgreement + "\n"
                + yaml.replacingOccurrences(of: "\na", with: "\nx-a").replacingOccurrences(of: "a0: &", with: "x-a0: &")
        )
        #expect(outcome.agreement == nil)
        #expect(
            outcome.diagnostics.contains {
                $0.message
                    == "the document expands to more than 200000 values (an alias bomb?); agreements are far smaller"
            })
    }

    @Test func nestingThousandsDeep() {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let outcome = load("agreement: \(deep)\n")
        #expect(
            positions(outcome.diagnostics) == [
                "1:112: error: values are nested more than 100 levels deep; an agreement never needs that"
            ])
        let blocks = (0..<300).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
        #expect(
            load(blocks).diagnostics.first?.message
                == "values are nested more than 100 levels deep; an agreement never needs that")
    }

    @Test func fiftyMegabyteFile() {
        let bytes = [UInt8](repeating: UInt8(ascii: "#"), count: 50 << 20)
        let outcome = AgreementLoader.load(bytes: bytes, file: "huge.yaml")
        #expect(
            positions(outcome.diagnostics) == [
                "-: error: the file is 50 MB; an agreement is at most 256 KB — is this the right file?"
            ])
    }

    @Test func emptyFileAndWrongRoot() {
        #expect(
            positions(load("").diagnostics) == [
                "-: error: the file is empty; run 'handoff init' for a starter agreement"
            ])
        #expect(
            positions(load("- just\n- a list\n").diagnostics) == [
                "1:1: error: the agreement file must be a mapping of fields (key: value), got a list"
            ])
    }
}
