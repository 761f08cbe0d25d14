/// Which field of a file holds each canonical column, resolved from the preset and the agreement's overrides.
struct HeaderMap {
    /// Canonical name → field index.
    private(set) var index: [String: Int] = [:]
    let headers: [String]

    /// Resolves `wanted` canonical columns against a header record.
    init(headers: [String], wanted: [String], preset: ColumnPreset, overrides: [String: String], file: String) throws {
        self.headers = headers
        var positions: [String: Int] = [:]
        for (i, header) in headers.enumerated() {
            let key = HeaderMap.normalize(header)
            if positions[key] == nil { positions[key] = i }
        }
        for column in wanted {
            if let override = overrides[column] {
                guard let i = positions[HeaderMap.normalize(override)] else {
                    throw HandoffError(.badInput, "data.columns.\(column) names the header '\(override)', which \(file) does not have; its headers are: \(HeaderMap.list(headers))", file: file)
                }
                index[column] = i
                continue
            }
            for candidate in preset.headers[column] ?? [] {
                if let i = positions[HeaderMap.normalize(candidate)] { index[column] = i; break }
            }
        }
    }

    subscript(column: String) -> Int? { index[column] }

    static func normalize(_ header: String) -> String {
        header.trimmingSpaces().lowercased()
    }

    static func list(_ headers: [String]) -> String {
        let shown = headers.prefix(12).map { "'\($0)'" }.joined(separator: ", ")
        return headers.count > 12 ? shown + " and \(headers.count - 12) more" : shown
    }
}
