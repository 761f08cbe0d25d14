import ArgumentParser
import Foundation
import HandoffKit

struct Sign: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record a party's sign-off, bound to the agreement's content digest.",
        discussion: """
            The digest covers everything but the sign-off section, and ignores formatting and comments. \
            Editing any other part of the agreement makes earlier sign-offs stale: 'validate' warns and the \
            rendered document marks them. The file is edited in place, keeping its comments and layout.

            Examples:
              handoff sign agreements/acme.yaml --party sales --name "Marcus Bell" --title "VP Sales"
              handoff sign agreements/acme.yaml --party marketing --date 2026-11-20
            """
    )

    enum PartyID: String, ExpressibleByArgument { case marketing, sales }

    @Argument(help: "The agreement file (YAML).")
    var agreement: String

    @Option(help: "The signing party: marketing or sales.")
    var party: PartyID

    @Option(help: "The signer's name (default: the party's accountable owner).")
    var name: String?

    @Option(help: "The signer's title (default: the owner's title).")
    var title: String?

    @Option(help: ArgumentHelp("The date of the sign-off (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?

    func validate() throws {
        if let date, LocalDate(iso: date) == nil {
            throw ValidationError("--date takes a date like 2026-11-20; '\(date)' is not one")
        }
    }

    func run() throws {
        try runReporting(badInputCode: 1) {
            let (a, _, source) = try Handoff.agreement(at: agreement)
            var day = todayDate(a.businessHours.timeZone) ?? a.info.effective
            if let date {
                guard let d = LocalDate(iso: date) else {
                    throw HandoffError(.usage, "--date takes a date like 2026-11-20")
                }
                // A sign-off records what happened: it cannot be dated after today in the agreement's time zone.
                if d > day {
                    throw HandoffError(
                        .usage,
                        "--date \(date) is in the future (today is \(day) in \(a.businessHours.timeZone)); a sign-off is dated when it happens"
                    )
                }
                day = d
            }
            let signed = try SignOffEditor.record(
                a, source: source, file: agreement, party: party.rawValue, name: name, title: title, date: day)
            try OutputFile.write(signed.text, to: agreement)
            print(
                "\(agreement): \(party.rawValue) signed by \(signed.name) (\(signed.title)) on \(day), digest \(a.digest.prefix(12))"
            )
        }
    }
}
