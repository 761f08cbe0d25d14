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
            let measured = try MeasuredDocument(
                agreement: agreement, data: data, templates: output.templates, kind: .agenda)
            let text = try measured.renderer.render(
                .agenda, data: AgendaDocument.data(measured.scorecard, agreement: measured.agreement),
                title: "Alignment meeting — \(measured.agreement.info.title)",
                format: format == .html ? .html : .markdown)
            try emit(text, to: output.output)
        }
    }
}
