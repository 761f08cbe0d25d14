import Foundation
internal import Yams

/// One version of an agreement: read from a file, or from git as `REVISION:PATH`, and validated.
public struct AgreementVersion {
    /// How the user named it (`agreements/acme.yaml`, `HEAD~1:agreements/acme.yaml`).
    var label: String
    /// The validated agreement.
    var agreement: Agreement
    /// The composed node tree, for comparing by meaning.
    let root: Node

    /// Reads `spec`: an existing file, else a git `REVISION:PATH` read in the current folder.
    /// Throws `HandoffError` (`.badInput`) for a missing file, an unknown revision or a folder outside git,
    /// and `.invalidAgreement` when the text is not a valid agreement.
    public static func load(_ spec: String) throws -> AgreementVersion {
        try load(spec, in: ".")
    }

    /// Reads `spec` with relative paths and git revisions taken from `directory`.
    static func load(_ spec: String, in directory: String) throws -> AgreementVersion {
        let path = spec.hasPrefix("/") || directory == "." ? spec : (directory as NSString).appendingPathComponent(spec)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else {
                throw HandoffError(
                    .badInput, "'\(spec)' is a folder; give an agreement file or REVISION:PATH", file: spec)
            }
            return try load(bytes: try InputFile.bytes(at: path), label: spec)
        }
        guard spec.contains(":") else {
            throw HandoffError(
                .badInput,
                "no such file '\(spec)'; give an agreement file, or REVISION:PATH such as HEAD~1:agreements/acme.yaml",
                file: spec)
        }
        return try load(bytes: try Git.show(spec, in: directory), label: spec)
    }

    /// Validates agreement bytes; `label` names them in diagnostics.
    static func load(bytes: [UInt8], label: String) throws -> AgreementVersion {
        let outcome = AgreementLoader.load(bytes: bytes, file: label)
        let (root, _, _) = YAMLDocument.compose(bytes: bytes, file: label)
        guard let agreement = outcome.agreement, let root else {
            throw HandoffError(
                .invalidAgreement, diagnostics: outcome.diagnostics.filter { $0.severity == .error },
                source: outcome.source)
        }
        return AgreementVersion(label: label, agreement: agreement, root: root)
    }
}
