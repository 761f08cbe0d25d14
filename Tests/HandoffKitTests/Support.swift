import Foundation

@testable import HandoffKit

/// The package root, found from this file's path.
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A path inside the package.
func projectPath(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }

/// The shared folder beside the project (absent on a user's clone).
let sharedData = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/external").path

/// Loads agreement text as if it came from `file`.
func load(_ yaml: String, file: String = "test.yaml", today: LocalDate? = nil) -> AgreementLoader.Outcome {
    AgreementLoader.load(bytes: Array(yaml.utf8), file: file, today: today)
}

/// `line:col: severity: message` lines, for exact assertions.
func positions(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { d in
        let at = d.location.map { "\($0.line):\($0.column)" } ?? "-"
        return "\(at): \(d.severity.rawValue): \(d.message)"
    }
}

/// The acme agreement.
func acme() throws -> Agreement {
    let outcome = try AgreementLoader.load(
        path: projectPath("agreements/acme.yaml"), today: LocalDate(year: 2026, month: 11, day: 22))
    guard let a = outcome.agreement else { throw HandoffError(.invalidAgreement, diagnostics: outcome.diagnostics) }
    return a
}

/// A temporary directory removed at the end of the test process.
func temporaryDirectory() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("handoff-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// Writes `text` to `name` in `dir` and returns the path.
@discardableResult
func write(_ text: String, _ name: String, in dir: String) throws -> String {
    let path = (dir as NSString).appendingPathComponent(name)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

/// A minimal valid agreement; tests replace parts of it.
let minimalAgreement = """
    agreement:
      title: Test SLA
      version: "1"
      effective: 2026-01-01
    parties:
      marketing:
        team: Marketing
        owner: {name: M Owner, title: VP Marketing}
      sales:
        team: Sales
        owner: {name: S Owner, title: VP Sales}
    business_hours:
      time_zone: America/New_York
      days: [mon, tue, wed, thu, fri]
      open: "09:00"
      close: "18:00"
    mql_definition:
      summary: A test definition.
      scoring:
        fit:
          - {when: "employees >= 100", points: 50}
        engagement:
          - {action: demo_request, points: 50}
      thresholds:
        - fit + engagement >= 60
    commitments:
      sales:
        - {id: first-touch, metric: first_touch_time, within: 30m, clock: business, goal: 90%, minimum_sample: 1}
    """
