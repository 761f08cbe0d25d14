import ArgumentParser
import Foundation
import HandoffKit

struct ScorecardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard",
        abstract:
            "The weekly alignment scorecard: every commitment's verdict, funnel health, trend, reasons, evidence.",
        discussion: """
            Examples:
              handoff scorecard agreements/acme.yaml --data examples/acme
              handoff scorecard agreements/acme.yaml --data examples/acme --format html -o scorecard.html
              handoff scorecard agreements/acme.yaml --data exports/ --preset hubspot --week 2026-W45
            """
    )

    @Argument(help: "The agreement file (YAML).")
    var agreement: String

    @OptionGroup var data: DataOptions

    @Option(help: "Output format: md, html or json.")
    var format: DocumentFormat = .md

    @OptionGroup var output: OutputOptions

    func run() throws {
        try runReporting {
            let measured = try MeasuredDocument(
                agreement: agreement, data: data, templates: output.templates, kind: .scorecard)
            let (a, scorecard, renderer) = (measured.agreement, measured.scorecard, measured.renderer)
            let text: String
            switch format {
            case .json: text = CheckReport.json(scorecard).rendered()
            case .md, .html:
                text = try renderer.render(
                    .scorecard, data: ScorecardDocument.data(scorecard, agreement: a),
                    title: "Scorecard \(scorecard.period.label) — \(a.info.title)",
                    charts: ScorecardDocument.charts(scorecard), format: format == .html ? .html : .markdown)
            }
            try emit(text, to: output.output)
        }
    }
}
