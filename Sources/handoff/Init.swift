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
        """
    )

    @Argument(help: "Where to write the agreement.")
    var path: String = "agreement.yaml"

    @Flag(help: "Overwrite the file if it exists.")
    var force = false

    func run() throws {
        try runReporting(badInputCode: 1) {
            if FileManager.default.fileExists(atPath: path), !force {
                throw HandoffError(.usage, "'\(path)' already exists; pass --force to overwrite it", file: path)
            }
            try OutputFile.write(try StarterAgreement.text(), to: path)
            print("wrote \(path); next: handoff validate \(path)")
        }
    }
}
