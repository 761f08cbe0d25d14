import ArgumentParser
import Foundation
import HandoffKit

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Profile CRM exports and propose the agreement's data: section.",
        discussion: """
            For each file: its dialect (encoding, delimiter, line ends), header line, data rows and report footer rows; \
            for each column its type (empty, integer, number, boolean, date/time with its layout, id, category, text), \
            blank share and sample values; the role the file can play (leads, activities, engagement, deals or not used) \
            and the canonical column each header maps to. Ends with a data: section to paste into the agreement; what \
            it could not decide (two candidate columns, a date layout the values do not decide) is listed with the \
            reason and written there as comments. A folder means every .csv, .tsv and .txt file in it, by name.

            Exit status 0; 2 when a file cannot be read (file:line: why).

            Examples:
              handoff inspect exports/
              handoff inspect exports/leads.csv exports/calls.csv --format json
              handoff inspect exports/ -o inspection.md
            """
    )

    @Argument(help: ArgumentHelp("Export files, or folders of them.", valueName: "path"))
    var paths: [String]

    @Option(help: "Output format: md or json.")
    var format: InspectFormat = .md

    @Option(
        name: [.customShort("o"), .long],
        help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one export file or folder") }
    }

    func run() throws {
        try runReporting {
            var files: [String] = []
            for path in paths {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    throw HandoffError(.badInput, "no such file or folder", file: path)
                }
                if isDirectory.boolValue {
                    let inside = try ExportInspector.files(in: path)
                    if inside.isEmpty {
                        throw HandoffError(.badInput, "the folder holds no .csv, .tsv or .txt file", file: path)
                    }
                    files += inside
                } else {
                    files.append(path)
                }
            }
            let report = try ExportInspector.inspect(files)
            try emit(format == .json ? report.json().rendered() : report.markdown(), to: output)
        }
    }
}

enum InspectFormat: String, ExpressibleByArgument, CaseIterable {
    case md, json
}
