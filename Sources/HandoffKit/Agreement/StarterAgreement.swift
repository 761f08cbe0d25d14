import Foundation

/// The commented starter agreement `handoff init` writes.
public enum StarterAgreement {
    /// The starter's text.
    public static func text() throws -> String {
        guard let url = Bundle.module.url(forResource: "starter", withExtension: "yaml"),
            let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8)
        else {
            throw HandoffError(.usage, "the starter agreement is missing from the installation")
        }
        return text
    }
}
