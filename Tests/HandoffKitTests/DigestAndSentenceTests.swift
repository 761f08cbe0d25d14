import Foundation
import Testing
@testable import HandoffKit

@Suite("Digest and generated sentences")
struct DigestAndSentenceTests {
    @Test func digestIgnoresFormattingCommentsAndSignoffs() throws {
        let base = load(minimalAgreement).agreement?.digest
        #expect(base != nil)
        let reformatted = minimalAgreement
            .replacingOccurrences(of: "  title: Test SLA", with: "  # a comment\n  title: \"Test SLA\"   # trailing comment")
            .replacingOccurrences(of: "owner: {name: M Owner, title: VP Marketing}", with: "owner:\n      name: 'M Owner'\n      title: VP Marketing")
        #expect(load(reformatted).agreement?.digest == base)
        let signed = minimalAgreement + "\nsignoff:\n  - {party: sales, name: S, title: T, date: 2026-01-02, digest: abc}\n"
        #expect(load(signed).agreement?.digest == base)
        let edited = minimalAgreement.replacingOccurrences(of: "within: 30m", with: "within: 45m")
        #expect(load(edited).agreement?.digest != base)
    }

    @Test func sha256KnownVectors() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array(String(repeating: "a", count: 1000).utf8)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func sentencesComeFromTheStructuredEntry() throws {
        let a = try acme()
        func sentence(_ id: String) throws -> String {
            let c = try #require(a.commitments.first { $0.id == id })
            return CommitmentText.sentence(c, team: c.team.capitalizedFirst)
        }
        #expect(try sentence("first-touch-hot") == "Sales makes a first contact attempt on every fast-track (hot) MQL within 5 business minutes of routing, for at least 90% of MQLs.")
        #expect(try sentence("routing-speed") == "Marketing routes every MQL to sales within 5 minutes of it becoming an MQL, for at least 95% of MQLs.")
        #expect(try sentence("feedback") == "Sales accepts or rejects every MQL within 24 hours of routing, giving a reason from the agreed list for every rejection, for at least 95% of MQLs.")
        #expect(try sentence("attempts") == "Sales makes at least 6 contact attempts (call, email or sms) before marking an MQL unresponsive.")
        #expect(try sentence("mql-volume") == "Marketing delivers at least 220 MQLs per month, sized to sales capacity.")
        // An entry's own promise wins.
        #expect(try sentence("first-touch") == "Sales makes a first contact attempt on every standard MQL within 30 business minutes of routing, counted on the owner's own working hours.")
        // The same structure with a different clock changes the words.
        var c = try #require(a.commitments.first { $0.id == "first-touch-hot" })
        c.clock = .calendar
        c.bound = .within(TimeSpan(seconds: 1800))
        #expect(CommitmentText.sentence(c, team: "Sales") == "Sales makes a first contact attempt on every fast-track (hot) MQL within 30 minutes of routing, for at least 90% of MQLs.")
        #expect(CommitmentText.goal(c) == "≥ 90% within 30m")
    }
}
