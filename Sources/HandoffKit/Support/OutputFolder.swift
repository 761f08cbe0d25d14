import Foundation

/// Writes a set of files into a folder all together or not at all.
public enum OutputFolder {
    /// Writes every `(name, text)` into `directory` (created when missing): each to a temporary name first, and
    /// only when all are written are they renamed into place. On any failure the temporary files are removed and
    /// the folder's previous files are left as they were.
    public static func write(_ files: [(name: String, text: String)], into directory: String) throws {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw HandoffError(
                .usage, "cannot create the folder '\(directory)': \(error.localizedDescription)", file: directory)
        }
        let stamp = "\(ProcessInfo.processInfo.processIdentifier)"
        var written: [(temporary: String, final: String)] = []
        do {
            for file in files {
                let final = (directory as NSString).appendingPathComponent(file.name)
                let temporary = (directory as NSString).appendingPathComponent(".\(file.name).\(stamp).tmp")
                written.append((temporary, final))
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: temporary))
            }
        } catch {
            for w in written { try? fm.removeItem(atPath: w.temporary) }
            throw HandoffError(
                .usage, "cannot write into '\(directory)': \(error.localizedDescription); no file was changed",
                file: directory)
        }
        for w in written where rename(w.temporary, w.final) != 0 {
            for w in written { try? fm.removeItem(atPath: w.temporary) }
            throw HandoffError(.usage, "cannot move '\(w.temporary)' into place as '\(w.final)'", file: directory)
        }
    }
}
