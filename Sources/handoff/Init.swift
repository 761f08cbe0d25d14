import ArgumentParser
import Foundation
import HandoffKit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a complete, commented starter agreement that validates cleanly.",
        discussion: """
            Examples:
              handoff init                 # writes agreement.yaml
              handoff init sla/acme.yaml
              handoff init sla/acme.yaml --force   # overwrite an existing file
              handoff init draft.yaml --from-data exports/   # numbers drafted from history, each with its origin
            """
    )

    @Argument(help: "Where to write the agreement.")
    var path: String = "agreement.yaml"

    @Flag(help: "Overwrite the file if it exists.")
    var force = false

    @Option(
        name: .customLong("from-data"),
        help: ArgumentHelp(
            "Draft the threshold, volume, first-touch goal and reps from the exports in this folder.", valueName: "dir")
    )
    var fromData: String?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "With --from-data: the moment the data describes (default: the latest timestamp).", valueName: "time"))
    var asOf: String?

    func run() throws {
        try runReporting(badInputCode: 1) {
            if FileManager.default.fileExists(atPath: path), !force {
                throw HandoffError(.usage, "'\(path)' already exists; pass --force to overwrite it", file: path)
            }
            if let fromData {
                let draft = try AgreementDraft.draft(
                    MeasurementRequest(sources: try DataSources(directory: fromData), asOf: asOf))
                try OutputFile.write(draft.text, to: path)
                print(draft.notes.map { "drafted \($0)" }.joined(separator: "\n"))
            } else {
                try OutputFile.write(try StarterAgreement.text(), to: path)
            }
            print("wrote \(path); next: handoff validate \(path)")
        }
    }
}
