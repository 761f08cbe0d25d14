import ArgumentParser
import Foundation
import HandoffKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check an agreement: schema, types, references, reachability, capacity, staleness.",
        discussion: """
            Every problem is printed as path:line:col: error|warning: message, with the source line and a \
            caret, in file order. Exit status 0 when there are no errors (warnings allowed), 1 otherwise.

            Examples:
              handoff validate agreements/acme.yaml
              handoff validate my-sla.yaml --today 2027-02-01
            """
    )

    @Argument(help: "The agreement file (YAML).")
    var agreement: String

    @Option(help: ArgumentHelp("The date to judge review deadlines by (default: today).", valueName: "YYYY-MM-DD"))
    var today: String?

    func validate() throws {
        if let today, LocalDate(iso: today) == nil {
            throw ValidationError("--today takes a date like 2026-11-16; '\(today)' is not one")
        }
    }

    func run() throws {
        var day = todayDate()
        if let today, let d = LocalDate(iso: today) { day = d }
        let outcome: AgreementLoader.Outcome
        do {
            outcome = try AgreementLoader.load(path: agreement, today: day)
        } catch let error as HandoffError {
            FileHandle.standardError.write(Data(error.description.utf8))
            throw ExitCode(1)
        }
        let printer = DiagnosticPrinter(source: outcome.source)
        if !outcome.diagnostics.isEmpty {
            FileHandle.standardError.write(Data(printer.render(all: outcome.diagnostics).utf8))
        }
        if outcome.diagnostics.hasErrors { throw ExitCode(1) }
        if let a = outcome.agreement {
            printStaleSignOffs(a, file: agreement)
            print(
                "\(agreement): valid — \(a.commitments.count) commitments (\(a.commitments(of: "marketing").count) marketing, \(a.commitments(of: "sales").count) sales), digest \(a.digest.prefix(12))"
            )
        }
    }
}
