import ArgumentParser
import Foundation
import HandoffKit

struct Weekly: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "The Monday delivery: scorecard, agenda, check.json and breaches.csv in one folder, from one read of the exports.",
        discussion: """
            Writes scorecard.md, scorecard.html, agenda.md, agenda.html, check.json and breaches.csv into the
            --out folder: all of them or, on any error, none. Exit status as 'check': 0 when every commitment
            is met, 1 when any is missed, 2 on bad input.

            Examples:
              handoff weekly agreements/acme.yaml --data examples/acme --out weekly/
              handoff weekly agreements/acme.yaml --data exports/ --week 2026-W46 --out reports/2026-W46
            """
    )

    @Argument(help: "The agreement file (YAML).")
    var agreement: String

    @OptionGroup var data: DataOptions

    @Option(
        name: .long,
        help: ArgumentHelp("The folder to write the six files into (created when missing).", valueName: "dir"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("Folder of templates that override the defaults.", valueName: "dir"))
    var templates: String?

    func run() throws {
        var code: Int32 = 0
        try runReporting {
            let (a, warnings, source) = try Handoff.agreement(at: agreement)
            printWarnings(warnings, source: source)
            let renderer = try DocumentRenderer(templatesDirectory: templates)
            _ = try renderer.template(.scorecard)
            _ = try renderer.template(.agenda)
            let request = try data.request()
            let s = try withProgress { try Handoff.scorecard(a, request) }
            let scorecardData = ScorecardDocument.data(s, agreement: a),
                agendaData = AgendaDocument.data(s, agreement: a)
            let scorecardTitle = "Scorecard \(s.period.label) — \(a.info.title)",
                agendaTitle = "Alignment meeting — \(a.info.title)"
            let files: [(name: String, text: String)] = [
                (
                    "scorecard.md",
                    try renderer.render(.scorecard, data: scorecardData, title: scorecardTitle, format: .markdown)
                ),
                (
                    "scorecard.html",
                    try renderer.render(
                        .scorecard, data: scorecardData, title: scorecardTitle,
                        charts: ScorecardDocument.charts(s), format: .html)
                ),
                ("agenda.md", try renderer.render(.agenda, data: agendaData, title: agendaTitle, format: .markdown)),
                ("agenda.html", try renderer.render(.agenda, data: agendaData, title: agendaTitle, format: .html)),
                ("check.json", CheckReport.json(s).rendered()),
                ("breaches.csv", BreachRows.csv(s)),
            ]
            try OutputFolder.write(files, into: out)
            let missed = s.commitments.filter { $0.verdict == .missed }.count
            let breaches = s.commitments.map(\.breaches.count).reduce(0, +)
            print(
                "wrote \(files.map(\.name).joined(separator: ", ")) to \(out): \(s.period.label), \(missed) of \(s.commitments.count) commitments missed, \(breaches) breaches"
            )
            code = CheckReport.exitCode(s)
        }
        if code != 0 { throw ExitCode(code) }
    }
}
