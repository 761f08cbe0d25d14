import ArgumentParser
import Foundation
import HandoffKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "One line per commitment: met, missed, at risk, insufficient data, not measurable or no data.",
        discussion: """
            Exit status:
              0  every commitment that could be judged is met (or on pace)
              1  any commitment is missed
              2  bad input or usage: an invalid agreement, an unreadable export, a bad option
              3  nothing could be judged: every commitment is not measurable, insufficient data or no data

            Examples:
              handoff check agreements/acme.yaml --data examples/acme
              handoff check agreements/acme.yaml --data examples/acme-hubspot --preset hubspot --week 2026-W45
              handoff check agreements/acme.yaml --data examples/acme --breaches
              handoff check agreements/acme.yaml --data examples/acme --format json
              handoff check agreements/acme.yaml --data examples/acme --format slack
            """
    )

    enum Format: String, ExpressibleByArgument { case text, json, slack }

    @Argument(help: "The agreement file (YAML).")
    var agreement: String

    @OptionGroup var data: DataOptions

    @Option(help: "Output format: text, json or slack (a Slack-ready mrkdwn message).")
    var format: Format = .text

    @Flag(help: "List every breaching lead under its commitment, with its owner and what happened.")
    var breaches = false

    @Option(
        name: [.customShort("o"), .long],
        help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        var code: Int32 = 0
        try runReporting {
            let (a, warnings, source) = try Handoff.agreement(at: agreement)
            printWarnings(warnings, source: source)
            let scorecard = try withProgress { try measure(a, path: agreement, data: data) }
            switch format {
            case .json: try emit(CheckReport.json(scorecard).rendered(), to: output)
            case .slack: try emit(SlackMessage.text(scorecard), to: output)
            case .text: try emit(CheckReport.text(scorecard, breaches: breaches), to: output)
            }
            code = CheckReport.exitCode(scorecard)
        }
        if code != 0 { throw ExitCode(code) }
    }
}
