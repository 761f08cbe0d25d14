import Foundation
import Testing

@testable import HandoffKit

@Suite("Digest and generated sentences")
struct DigestAndSentenceTests {
    @Test func digestIgnoresFormattingCommentsAndSignoffs() throws {
        let base = load(minimalAgreement).agreement?.digest
        #expect(base != nil)
        let reformatted =
            minimalAgreement
            .replacingOccurrences(
                of: "  title: Test SLA", with: "  # a comment\n  title: \"Test SLA\"   # trailing comment"
            )
            .replacingOccurrences(
                of: "owner: {name: M Owner, title: VP Marketing}",
                with: "owner:\n      name: 'M Owner'\n      title: VP Marketing")
        #expect(load(reformatted).agreement?.digest == base)
        let signed =
            minimalAgreement + "\nsignoff:\n  - {party: sales, name: S, title: T, date: 2026-01-02, digest: abc}\n"
        #expect(load(signed).agreement?.digest == base)
        let edited = minimalAgreement.replacingOccurrences(of: "within: 30m", with: "within: 45m")
        #expect(load(edited).agreement?.digest != base)
    }

    @Test func sha256KnownVectors() {
        // FIPS 180-4 examples: empty, one block, two blocks (448 bits), and many blocks.
        #expect(SHA256Digest.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256Digest.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256Digest.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256Digest.hex(Array(String(repeating: "a", count: 1000).utf8))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    /// The digest sign-offs were recorded with (by the hand-written SHA-256 this replaced) still comes out, so
    /// no existing sign-off turns stale when the hashing library changes.
    @Test func recordedSignOffsStillVerify() throws {
        let recorded = "ab75686905acb82353054e8114f8a687731aff880bffacc82a0dd758228b277a"
        // A frozen copy of agreements/acme.yaml as it was when these sign-offs were recorded (version 2.1).
        let text = try String(
            contentsOfFile: projectPath("Tests/HandoffKitTests/Fixtures/acme-2.1-signed-ab756.yaml"), encoding: .utf8)
        let signed =
            text
            + "\nsignoff:\n  - {party: sales, name: Marcus Bell, title: VP Sales, date: 2026-11-20, digest: \(recorded)}\n"
        let outcome = load(signed, file: "acme.yaml", today: LocalDate(year: 2026, month: 11, day: 22))
        #expect(outcome.agreement?.digest == recorded)
        #expect(outcome.diagnostics.filter { $0.message.contains("stale") }.isEmpty)
    }

    @Test func sentencesComeFromTheStructuredEntry() throws {
        let a = try acme()
        func sentence(_ id: String) throws -> String {
            let c = try #require(a.commitments.first { $0.id == id })
            return CommitmentText.sentence(c, team: c.team.capitalizedFirst)
        }
        #expect(
            try sentence("first-touch-hot")
                == "Sales makes a first contact attempt on every fast-track (hot) MQL within 5 business minutes of routing, for at least 90% of MQLs."
        )
        #expect(
            try sentence("routing-speed")
                == "Marketing routes every MQL to sales within 5 minutes of it becoming an MQL, for at least 95% of MQLs."
        )
        #expect(
            try sentence("feedback")
                == "Sales accepts or rejects every MQL within 24 hours of routing, giving a reason from the agreed list for every rejection, for at least 95% of MQLs."
        )
        #expect(
            try sentence("attempts")
                == "Sales makes at least 6 contact attempts (call, email or sms) before marking an MQL unresponsive.")
        #expect(
            try sentence("mql-volume") == "Marketing delivers at least 220 MQLs per month, sized to sales capacity.")
        // An entry's own promise wins.
        #expect(
            try sentence("first-touch")
                == "Sales makes a first contact attempt on every standard MQL within 30 business minutes of routing, counted on the owner's own working hours."
        )
        // The same structure with a different clock changes the words.
        var c = try #require(a.commitments.first { $0.id == "first-touch-hot" })
        c.clock = .calendar
        c.bound = .within(TimeSpan(seconds: 1800))
        #expect(
            CommitmentText.sentence(c, team: "Sales")
                == "Sales makes a first contact attempt on every fast-track (hot) MQL within 30 minutes of routing, for at least 90% of MQLs."
        )
        #expect(CommitmentText.goal(c) == "≥ 90% within 30m")
    }
}
