import Foundation

/// Several versions of one agreement, ordered by effective date: the version in force on a day is the
/// latest that took effect on or before it.
public struct AgreementVersions: Sendable {
    /// The versions, earliest effective date first.
    public var agreements: [Agreement]

    /// Orders versions by effective date; two versions taking effect on the same day are an error.
    public init(_ versions: [(agreement: Agreement, label: String)]) throws {
        var byDay: [LocalDate: String] = [:]
        var unique: [Agreement] = []
        for (a, label) in versions {
            if unique.contains(where: { $0.digest == a.digest }) { continue }
            if let other = byDay[a.info.effective] {
                throw HandoffError(.badInput, "\(other) and \(label) both take effect on \(a.info.effective); give each version its own effective date", file: label)
            }
            byDay[a.info.effective] = label
            unique.append(a)
        }
        agreements = unique.sorted { $0.info.effective < $1.info.effective }
    }

    /// Every agreement file (`.yaml`, `.yml`) in `directory`, with `current` (the file given on the command line).
    public static func folder(_ directory: String, current: Agreement, label: String) throws -> AgreementVersions {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw HandoffError(.badInput, "--versions '\(directory)' is not a folder; give a folder of agreement versions, or 'git'", file: directory)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var versions: [(Agreement, String)] = [(current, label)]
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            versions.append((try AgreementVersion.load(path).agreement, path))
        }
        return try AgreementVersions(versions)
    }

    /// The committed versions of `file` (the last commit of each version number) and `current`, its working copy.
    public static func git(_ file: String, current: Agreement) throws -> AgreementVersions {
        let history = CommittedVersions.read(file)
        guard !history.entries.isEmpty else {
            throw HandoffError(.badInput, "--versions git: \(file) has no committed versions (is it in a git repository?); commit it, or give a folder of versions", file: file)
        }
        var latest: [String: (Agreement, String)] = [:]
        var order: [String] = []
        for entry in history.entries {
            let v = entry.version.agreement.info.version
            if latest[v] == nil { order.append(v) }
            latest[v] = (entry.version.agreement, entry.version.label)
        }
        latest[current.info.version] = (current, file)
        if !order.contains(current.info.version) { order.append(current.info.version) }
        return try AgreementVersions(order.compactMap { latest[$0] })
    }

    /// The index of the version in force on `day`: the latest effective on or before it, else the earliest.
    func index(on day: LocalDate) -> Int {
        agreements.lastIndex { $0.info.effective <= day } ?? 0
    }
}
