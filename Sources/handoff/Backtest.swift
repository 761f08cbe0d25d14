import ArgumentParser
import Foundation
import HandoffKit

struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract:
            "Replay history with the MQL definition and proposed variants: volume, acceptance, conversion, verdict.",
        discussion: """
            Every lead is re-scored with each variant's model at its creation and at each engagement event, and is \
            that variant's MQL when the definition first holds. Outcomes (accepted, rejected, SQL, won) come from the \
            exports. The window is the --months whole calendar months before the as-of month.

            --sweep threshold.N=FROM..TO:STEP varies the last number of the N-th threshold alternative (1-based); \
            threshold.N.K varies its K-th number instead.

            Examples:
              handoff backtest agreements/acme.yaml --data examples/acme
              handoff backtest agreements/acme.yaml --data examples/acme --proposed stricter.yaml --format html -o backtest.html
              handoff backtest agreements/acme.yaml --data examples/acme --sweep threshold.1=80..140:10 --format json
            """
    )

    @Argument(help: "The agreement file (YAML): the current definition.")
    var agreement: String

    @OptionGroup var data: DataOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Another agreement whose MQL definition, targets and capacity to replay (repeatable).", valueName: "file"))
    var proposed: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp("Vary one number of a threshold: threshold.N[.K]=FROM..TO:STEP.", valueName: "spec"))
    var sweep: String?

    @Option(name: .long, help: "Whole calendar months of history to report (default 6).")
    var months: Int = 6

    @Option(help: "Output format: md, html or json.")
    var format: DocumentFormat = .md

    @OptionGroup var output: OutputOptions

    func run() throws {
        try runReporting {
            let (a, warnings, source) = try Handoff.agreement(at: agreement)
            printWarnings(warnings, source: source)
            var others: [(name: String, agreement: Agreement)] = []
            for path in proposed {
                let (p, w, s) = try Handoff.agreement(at: path)
                printWarnings(w, source: s)
                others.append(((path as NSString).lastPathComponent, p))
            }
            var parsedSweep: ThresholdSweep?
            if let sweep {
                switch ThresholdSweep.parse(sweep) {
                case .success(let s): parsedSweep = s
                case .failure(let error): throw error
                }
            }
            let result = try Handoff.backtest(
                a, name: "current (\((agreement as NSString).lastPathComponent))", proposed: others,
                sweep: parsedSweep, request: try data.request(), months: months)
            let text: String
            switch format {
            case .json: text = BacktestReport.json(result).rendered()
            case .md: text = BacktestReport.render(result, title: a.info.title, format: .markdown)
            case .html: text = BacktestReport.render(result, title: a.info.title, format: .html)
            }
            try emit(text, to: output.output)
        }
    }
}
