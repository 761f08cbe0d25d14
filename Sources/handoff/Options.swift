import ArgumentParser
import Foundation
import HandoffKit

/// Where the CRM exports are and which period to measure.
struct DataOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Folder with leads.csv (required), activities.csv and engagement.csv, or the files the agreement names under data.files.",
            valueName: "dir"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("The leads export, instead of --data.", valueName: "file"))
    var leads: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A sales activities export; repeat for several (calls, emails, meetings).", valueName: "file"))
    var activities: [String] = []

    @Option(name: .long, help: ArgumentHelp("A marketing engagement export; repeat for several.", valueName: "file"))
    var engagement: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The team calendar file (owners' zones, hours, time off); default DIR/team.csv.", valueName: "file"))
    var team: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Column preset: canonical, hubspot or salesforce (overrides the agreement's data.preset).",
            valueName: "name"))
    var preset: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "ISO week to report, like 2026-W46. Default: the last complete week before as-of.", valueName: "week"))
    var week: String?

    @Option(name: .long, help: ArgumentHelp("Month to report, like 2026-11.", valueName: "month"))
    var month: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Measure each lead against the version in force at its handoff: 'git' (the agreement's git history) or a folder of versions.",
            valueName: "git|dir"))
    var versions: String?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "The moment the data describes. Default: the latest timestamp in the exports.", valueName: "time"))
    var asOf: String?

    func validate() throws {
        if data == nil && leads == nil { throw ValidationError("give the exports with --data DIR (or --leads FILE)") }
        if data != nil && leads != nil { throw ValidationError("use either --data or --leads, not both") }
        if week != nil && month != nil { throw ValidationError("use either --week or --month, not both") }
    }

    func request() throws -> MeasurementRequest {
        var sources: DataSources
        if let data {
            sources = try DataSources(directory: data)
        } else {
            sources = DataSources(leads: leads ?? "")
        }
        if !activities.isEmpty {
            sources.activityFiles = activities.map { DataSources.File($0) }
            sources.given.insert(.activities)
        }
        if !engagement.isEmpty {
            sources.engagementFiles = engagement.map { DataSources.File($0) }
            sources.given.insert(.engagement)
        }
        if let team { sources.team = team }
        let period: EvaluationContext.PeriodChoice =
            week.map { .week($0) } ?? month.map { .month($0) } ?? .lastCompleteWeek
        return MeasurementRequest(sources: sources, preset: preset, period: period, asOf: asOf)
    }
}

/// Output format and destination.
struct OutputOptions: ParsableArguments {
    @Option(
        name: [.customShort("o"), .long],
        help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Folder of templates that override the defaults.", valueName: "dir"))
    var templates: String?
}

enum DocumentFormat: String, ExpressibleByArgument, CaseIterable {
    case md, html, json
}

/// Runs a command body, printing `HandoffError`s to stderr and mapping them to exit codes.
func runReporting(badInputCode: Int32 = 2, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as HandoffError {
        FileHandle.standardError.write(Data(error.description.utf8))
        switch error.kind {
        case .invalidAgreement: throw ExitCode(badInputCode == 2 ? 2 : 1)
        case .badInput, .usage: throw ExitCode(badInputCode)
        }
    }
}

/// Writes a document to `-o FILE` atomically, or to standard output.
func emit(_ text: String, to output: String?) throws {
    if let output {
        try OutputFile.write(text, to: output)
    } else {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

func printWarnings(_ warnings: [Diagnostic], source: String) {
    guard !warnings.isEmpty else { return }
    let printer = DiagnosticPrinter(source: source)
    FileHandle.standardError.write(Data(warnings.map { printer.render($0) + "\n" }.joined().utf8))
}

func todayDate(_ zone: String = "UTC") -> LocalDate? {
    Handoff.today(in: zone, now: Int64(Date().timeIntervalSince1970))
}
