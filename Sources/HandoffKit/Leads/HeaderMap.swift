/// Which field of a file holds each canonical column, resolved from the preset and the agreement's overrides.
struct HeaderMap {
    /// Canonical name → field index.
    private(set) var index: [String: Int] = [:]
    let headers: [String]

    /// Overrides (`data.columns`) whose header this record does not have, as (canonical column, header).
    private(set) var unresolved: [(column: String, header: String)] = []

    /// Resolves `wanted` canonical columns against a header record; an override this record lacks is noted, not thrown,
    /// because the record may be a report's title row above the real header.
    init(headers: [String], wanted: [String], preset: ColumnPreset, overrides: [String: String]) {
        self.headers = headers
        var positions: [String: Int] = [:]
        for (i, header) in headers.enumerated() where header.utf8.count <= HeaderMap.longestHeader {
            let key = HeaderMap.normalize(header)
            if positions[key] == nil { positions[key] = i }
        }
        for column in wanted {
            if let override = overrides[column] {
                if let i = positions[HeaderMap.normalize(override)] {
                    index[column] = i
                } else {
                    unresolved.append((column, override))
                }
                continue
            }
            for candidate in preset.headers[column] ?? [] {
                if let i = positions[HeaderMap.normalize(candidate)] {
                    index[column] = i
                    break
                }
            }
        }
    }

    subscript(column: String) -> Int? { index[column] }

    /// Bytes in the longest header that can name a column. A longer cell is no header: it is not hashed (a megabyte of
    /// combining marks took seconds to normalise) and is shortened when an error lists the headers.
    static let longestHeader = 256

    /// The error for an override this header row does not have.
    func overrideError(file: String) -> HandoffError? {
        guard let (column, header) = unresolved.first else { return nil }
        return HandoffError(
            .badInput,
            "data.columns.\(column) names the header '\(header)', which \(file) does not have; its headers are: \(HeaderMap.list(headers))",
            file: file)
    }

    /// True when two headers name the same column (case and surrounding spaces aside).
    static func same(_ a: String, _ b: String) -> Bool { normalize(a) == normalize(b) }

    static func normalize(_ header: String) -> String {
        header.trimmingSpaces().lowercased()
    }

    static func list(_ headers: [String]) -> String {
        let shown = headers.prefix(12).map { header in
            let scalars = header.unicodeScalars
            return "'\(scalars.count > 60 ? String(scalars.prefix(60)) + "…" : header)'"
        }.joined(separator: ", ")
        return headers.count > 12 ? shown + " and \(headers.count - 12) more" : shown
    }
}
