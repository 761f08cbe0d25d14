import Foundation

/// Writes output files atomically: a temporary file beside the target, then a rename.
/// A failure leaves the previous file (or no file) in place, never a half-written one.
public enum OutputFile {
    /// Writes `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            throw HandoffError(
                .usage,
                "cannot write '\(path)': the folder '\(folder)' does not exist; create it first (mkdir -p '\(folder)')",
                file: path)
        }
        if !isFolder.boolValue {
            throw HandoffError(.usage, "cannot write '\(path)': '\(folder)' is a file, not a folder", file: path)
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw HandoffError(.usage, "cannot write '\(path)': it is a folder; give a file name", file: path)
        }
        if !FileManager.default.isWritableFile(atPath: folder) {
            throw HandoffError(
                .usage, "cannot write '\(path)': no permission to write in the folder '\(folder)'", file: path)
        }
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw HandoffError(.usage, "cannot write '\(path)': \(error.localizedDescription)", file: path)
        }
    }
}

/// Reads input files with errors that name the file.
enum InputFile {
    /// The file's bytes, or a clear error.
    static func bytes(at path: String) throws -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw HandoffError(.usage, "no such file: '\(path)'", file: path)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HandoffError(.usage, "cannot read '\(path)'", file: path)
        }
        return [UInt8](data)
    }
}
