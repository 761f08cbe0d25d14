import ArgumentParser
import Foundation
import HandoffKit

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the SLA document for sign-off, as Markdown or a self-contained HTML page.",
        discussion: """
            Every commitment's sentence is generated from its structured entry (unless it has its own \
            'promise'), so the document and the weekly check cannot drift apart. The sign-off block shows \
            each party as signed, pending or stale.

            Examples:
              handoff render agreements/acme.yaml
              handoff render agreements/acme.yaml --format html -o acme-sla.html
              handoff render agreements/acme.yaml --templates my-templates/
            """
    )

    enum Format: String, ExpressibleByArgument { case md, html }

    @Argument(help: "The agreement file (YAML).")
    var agreement: String

    @Option(help: "Output format: md or html.")
    var format: Format = .md

    @OptionGroup var output: OutputOptions

    func run() throws {
        try runReporting(badInputCode: 1) {
            let (a, warnings, source) = try Handoff.agreement(at: agreement)
            printWarnings(warnings, source: source)
            let renderer = try DocumentRenderer(templatesDirectory: output.templates)
            printStaleSignOffs(a, file: agreement)
            let text = try renderer.render(
                .sla, data: SLADocument.data(a, file: agreement), title: "\(a.info.title) — v\(a.info.version)",
                format: format == .html ? .html : .markdown)
            try emit(text, to: output.output)
        }
    }
}
