import ArgumentParser
import Foundation
import HandoffKit

@main
struct HandoffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handoff",
        abstract: "The sales–marketing SLA as code: validate it, render it, measure it every week.",
        discussion: """
            One YAML agreement holds the lifecycle stages, the MQL definition and scoring model, and both teams' \
            commitments. Handoff validates it, renders the document both VPs sign, reads CRM exports and measures \
            every commitment on an exact business-hours clock.

            Examples:
              handoff init my-sla.yaml && handoff validate my-sla.yaml
              handoff scorecard my-sla.yaml --data exports/ --format html -o scorecard.html
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, Validate.self, Render.self, Sign.self, ScorecardCommand.self, Agenda.self, Check.self,
            Weekly.self,
            Diff.self, BacktestCommand.self, Inspect.self,
        ]
    )

    /// Runs the command line. A bad option or argument exits 2 (the argument parser's default would be 64), with the
    /// parser's message and the usage of the subcommand it concerns.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
