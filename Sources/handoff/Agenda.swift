import ArgumentParser
import Foundation
import HandoffKit

struct Agenda: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The weekly alignment meeting agenda, numbers filled in, with a sample of rejected leads to review.",
        discussion: """
        Examples:
          handoff agenda agreements/acme.yaml --data examples/acme
          handoff agenda agreements/acme.yaml --data examples/acme --format html -o agenda.html
        """
    )

    enum Format: String, ExpressibleByArgument { case md, html }

    @Argument(help: "The agreement file (YAML).")
    var agreement: String

    @OptionGroup var data: DataOptions

    @Option(help: "Output format: md or html.")
    var format: Format = .md

    @OptionGroup var output: OutputOptions

    func run() throws {
        try runReporting {
            let (a, warnings, source) = try Handoff.agreement(at: agreement)
            printWarnings(warnings, source: source)
            let renderer = try DocumentRenderer(templatesDirectory: output.templates)
            _ = try renderer.template(.agenda)
            let scorecard = try Handoff.scorecard(a, try data.request())
            let text = try renderer.render(.agenda, data: AgendaDocument.data(scorecard, agreement: a),
                                           title: "Alignment meeting — \(a.info.title)", format: format == .html ? .html : .markdown)
            try emit(text, to: output.output)
        }
    }
}
