import ArgumentParser
import Foundation
import HandoffKit

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two versions of an agreement, by meaning and as a redline.",
        discussion: """
            OLD and NEW are agreement files or git revisions (REVISION:PATH, read in the current folder).
            The summary names every change in words; the redline marks each sentence of the SLA document
            that went (~~deleted~~, <del>) or came (**inserted**, <ins>). Sign-offs and history are not content.
            Exit status 0 when nothing changed, 1 when something did, 2 on bad input.

            Examples:
              handoff diff HEAD~1:agreements/acme.yaml agreements/acme.yaml
              handoff diff v2.0:sla.yaml v2.1:sla.yaml --format html -o redline.html
              handoff diff old.yaml new.yaml --format json
            """
    )

    @Argument(help: ArgumentHelp("The old version: a file or REVISION:PATH.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The new version: a file or REVISION:PATH.", valueName: "new"))
    var new: String

    @Option(help: "Output format: md, html or json.")
    var format: DocumentFormat = .md

    @OptionGroup var output: OutputOptions

    func run() throws {
        var changed = false
        try runReporting(badInputCode: 2) {
            let renderer = try DocumentRenderer(templatesDirectory: output.templates)
            let diff = try AgreementDiff(
                old: try AgreementVersion.load(old), new: try AgreementVersion.load(new), renderer: renderer)
            switch format {
            case .md: try emit(diff.markdown(), to: output.output)
            case .html: try emit(diff.html(), to: output.output)
            case .json: try emit(diff.json(), to: output.output)
            }
            changed = !diff.isEmpty
        }
        if changed { throw ExitCode(1) }
    }
}
