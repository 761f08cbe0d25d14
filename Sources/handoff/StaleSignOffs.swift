import Foundation
import HandoffKit

/// Explains each stale sign-off on stderr: since when (from git when the file is in it) and what changed since.
func printStaleSignOffs(_ a: Agreement, file: String) {
    let stale = StaleSignOff.all(a, file: file)
    guard !stale.isEmpty else { return }
    var text = ""
    for s in stale {
        text += "\(file): note: \(s.sentence)\n"
        text += s.changes.map { "  - \($0)\n" }.joined()
    }
    FileHandle.standardError.write(Data(text.utf8))
}
