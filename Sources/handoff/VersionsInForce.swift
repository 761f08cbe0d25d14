import HandoffKit

/// The scorecard for the command's data options: against the agreement alone, or with `--versions git|DIR`
/// against the version in force at each lead's handoff.
func measure(_ a: Agreement, path: String, data: DataOptions) throws -> Scorecard {
    let request = try data.request()
    switch data.versions {
    case nil: return try Handoff.scorecard(a, request)
    case "git"?: return try Handoff.scorecard(try AgreementVersions.git(path, current: a), request)
    case let folder?:
        return try Handoff.scorecard(try AgreementVersions.folder(folder, current: a, label: path), request)
    }
}
