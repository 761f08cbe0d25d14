import Foundation
internal import Yams

/// Several versions of one agreement, ordered by effective date: the version in force on a day is the
/// latest that took effect on or before it.
public struct AgreementVersions: Sendable {
    /// The versions, earliest effective date first.
    var agreements: [Agreement]
    /// For each version, what each commitment's measurement depends on, by `team/id` (empty when not known):
    /// a commitment with the same fingerprint in two versions is measured the same under either.
    var fingerprints: [[String: String]]

    /// Orders versions by effective date; two versions taking effect on the same day are an error.
    init(_ versions: [(agreement: Agreement, label: String)]) throws {
        try self.init(versions.map { ($0.agreement, $0.label, [:]) })
    }

    init(_ versions: [(agreement: Agreement, label: String, fingerprint: [String: String])]) throws {
        var byDay: [LocalDate: String] = [:]
        var unique: [(Agreement, [String: String])] = []
        for (a, label, fingerprint) in versions {
            if unique.contains(where: { $0.0.digest == a.digest }) { continue }
            if let other = byDay[a.info.effective] {
                throw HandoffError(
                    .badInput,
                    "\(other) and \(label) both take effect on \(a.info.effective); give each version its own effective date",
                    file: label)
            }
            byDay[a.info.effective] = label
            unique.append((a, fingerprint))
        }
        unique.sort { $0.0.info.effective < $1.0.info.effective }
        agreements = unique.map(\.0)
        fingerprints = unique.map(\.1)
    }

    /// What each commitment's measurement depends on: its own entry, the MQL definition, business hours,
    /// targets and data settings, as text.
    static func fingerprint(_ version: AgreementVersion?) -> [String: String] {
        guard let top = version?.root.mapping else { return [:] }
        func section(_ key: String) -> String {
            top.first { $0.key.scalar?.string == key }.map { NodeDiff.flow($0.value) } ?? ""
        }
        let shared = ["business_hours", "mql_definition", "targets", "data"].map(section).joined(separator: "\n")
        var out: [String: String] = [:]
        guard let teams = top.first(where: { $0.key.scalar?.string == "commitments" })?.value.mapping else {
            return out
        }
        for (teamKey, list) in teams {
            guard let team = teamKey.scalar?.string, let items = list.sequence else { continue }
            for item in items {
                guard let id = item.mapping?.first(where: { $0.key.scalar?.string == "id" })?.value.scalar?.string
                else { continue }
                out["\(team)/\(id)"] = shared + "\n" + NodeDiff.flow(item)
            }
        }
        return out
    }

    /// Every agreement file (`.yaml`, `.yml`) in `directory`, with `current` (the file given on the command line).
    public static func folder(_ directory: String, current: Agreement, label: String) throws -> AgreementVersions {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw HandoffError(
                .badInput, "--versions '\(directory)' is not a folder; give a folder of agreement versions, or 'git'",
                file: directory)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var versions: [(Agreement, String, [String: String])] = [
            (current, label, fingerprint(try? AgreementVersion.load(label)))
        ]
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            let version = try AgreementVersion.load(path)
            versions.append((version.agreement, path, fingerprint(version)))
        }
        return try AgreementVersions(versions)
    }

    /// The committed versions of `file` (the last commit of each version number) and `current`, its working copy.
    public static func git(_ file: String, current: Agreement) throws -> AgreementVersions {
        let history = CommittedVersions.read(file)
        guard !history.entries.isEmpty else {
            throw HandoffError(
                .badInput,
                "--versions git: \(file) has no committed versions (is it in a git repository?); commit it, or give a folder of versions",
                file: file)
        }
        var latest: [String: (Agreement, String, [String: String])] = [:]
        var order: [String] = []
        for entry in history.entries {
            let v = entry.version.agreement.info.version
            if latest[v] == nil { order.append(v) }
            latest[v] = (entry.version.agreement, entry.version.label, fingerprint(entry.version))
        }
        latest[current.info.version] = (current, file, fingerprint(try? AgreementVersion.load(file)))
        if !order.contains(current.info.version) { order.append(current.info.version) }
        return try AgreementVersions(order.compactMap { latest[$0] })
    }

    /// The index of the version in force on `day`: the latest effective on or before it, else the earliest.
    func index(on day: LocalDate) -> Int {
        agreements.lastIndex { $0.info.effective <= day } ?? 0
    }
}
