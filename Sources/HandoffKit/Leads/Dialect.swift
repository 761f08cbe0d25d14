import Foundation
internal import HandoffIO

/// How a CSV export is written: its text encoding, field delimiter and line ends.
///
/// Detected from the file's bytes (`Dialect.detect`) unless the agreement (`data.encoding`, `data.delimiter`) or the
/// caller says otherwise. The reader itself only reads UTF-8: any other encoding is transcoded once into a temporary
/// UTF-8 copy with the same line structure, so every message still names the file's own lines.
struct Dialect: Sendable, Hashable, CustomStringConvertible {
    /// A text encoding an export may be written in.
    enum Encoding: String, Sendable, Hashable, CaseIterable {
        case utf8 = "utf-8"
        case utf8BOM = "utf-8-bom"
        case utf16LE = "utf-16le"
        case utf16BE = "utf-16be"
        case iso88591 = "iso-8859-1"
        case windows1252 = "windows-1252"

        /// The names `data.encoding` accepts (each case's name, plus common spellings).
        static let aliases: [String: Encoding] = [
            "utf-8": .utf8, "utf8": .utf8, "utf-8-bom": .utf8BOM, "utf-8-sig": .utf8BOM, "utf-16le": .utf16LE,
            "utf-16-le": .utf16LE,
            "utf-16be": .utf16BE, "utf-16-be": .utf16BE, "iso-8859-1": .iso88591, "latin-1": .iso88591,
            "latin1": .iso88591,
            "windows-1252": .windows1252, "cp1252": .windows1252,
        ]

        /// `data.encoding` text → encoding (case-insensitive); nil when unknown.
        init?(name: String) {
            guard let known = Encoding.aliases[name.lowercased().trimmingSpaces()] else { return nil }
            self = known
        }

        /// True when the reader needs a UTF-8 copy of the file.
        var needsTranscoding: Bool { self != .utf8 && self != .utf8BOM }

        /// The name as written in `data.encoding`.
        var name: String { rawValue }
    }

    /// How lines end (reported only: the reader reads all three).
    enum LineEnd: String, Sendable, Hashable {
        case lf = "LF"
        case crlf = "CRLF"
        case cr = "CR"
    }

    /// The delimiters detected and accepted, in order of preference when two fit equally.
    static let delimiters: [UInt8] = [0x2C, 0x3B, 0x09, 0x7C]

    /// The text encoding.
    var encoding: Encoding
    /// The field delimiter: one of `delimiters`.
    var delimiter: UInt8
    /// How lines end (`nil` when the file has a single line).
    var lineEnd: LineEnd?

    /// A dialect; `delimiter` must be one of `Dialect.delimiters` (anything else reads as a comma).
    init(encoding: Encoding = .utf8, delimiter: UInt8 = 0x2C, lineEnd: LineEnd? = .lf) {
        self.encoding = encoding
        self.delimiter = Dialect.delimiters.contains(delimiter) ? delimiter : 0x2C
        self.lineEnd = lineEnd
    }

    /// Plain UTF-8, comma, LF: what Handoff writes and most tools export.
    static let standard = Dialect()

    /// True for UTF-8 (with or without a byte-order mark) and commas: nothing worth a note.
    var isPlain: Bool { !encoding.needsTranscoding && delimiter == 0x2C }

    /// True when numbers use a decimal comma (`1.234,56`): files delimited by `;` (as European spreadsheets write).
    var decimalComma: Bool { delimiter == 0x3B }

    /// `;` → "semicolon" etc., for messages.
    static func delimiterName(_ byte: UInt8) -> String {
        switch byte {
        case 0x2C: return "comma"
        case 0x3B: return "semicolon"
        case 0x09: return "tab"
        case 0x7C: return "pipe"
        default: return "byte \(byte)"
        }
    }

    /// `data.delimiter` text → delimiter byte: the character itself, `\t`, or its name (comma, semicolon, tab, pipe).
    static func delimiter(named text: String) -> UInt8? {
        switch text.lowercased() {
        case ",", "comma": return 0x2C
        case ";", "semicolon": return 0x3B
        case "\t", "\\t", "tab": return 0x09
        case "|", "pipe": return 0x7C
        default: return nil
        }
    }

    /// The accepted `data.delimiter` values, for messages.
    static let delimiterChoices = "',' (comma), ';' (semicolon), '\\t' (tab) or '|' (pipe)"
    /// The accepted `data.encoding` values, for messages.
    static let encodingChoices = Encoding.allCases.map(\.rawValue).joined(separator: ", ")

    /// `windows-1252, semicolon-delimited, CRLF line ends`.
    var description: String {
        "\(encoding.name), \(Dialect.delimiterName(delimiter))-delimited"
            + (lineEnd.map { ", \($0.rawValue) line ends" } ?? "")
    }
}

extension Dialect {
    /// How many bytes of the file's start the delimiter and line ends are judged on.
    static let sampleSize = 64 << 10

    /// The dialect of the file at `path`: `given` when set; else the encoding from a byte-order mark, else UTF-8 when
    /// the WHOLE file is valid UTF-8 (non-ASCII bytes can come far into a file), else Windows-1252; the delimiter that
    /// splits the first records (outside quotes) into one consistent number of fields, more than one. `encoding` and
    /// `delimiter` override those parts of the detection (the agreement's `data.encoding` and `data.delimiter`).
    static func detect(
        _ path: String, given: Dialect? = nil, encoding: Encoding? = nil, delimiter: UInt8? = nil, cores: Int = 1
    ) throws -> Dialect {
        let head = try CSVReader.FilePass.head(path, count: sampleSize)
        let chosen: Encoding
        if let fixed = given?.encoding ?? encoding {
            chosen = fixed
        } else if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            chosen = .utf8BOM
        } else if head.starts(with: [0xFF, 0xFE]) {
            chosen = .utf16LE
        } else if head.starts(with: [0xFE, 0xFF]) {
            chosen = .utf16BE
        } else {
            chosen = try CSVReader.FilePass.isUTF8(path, cores: cores) ? .utf8 : .windows1252
        }
        // Judge the delimiter and line ends on whole characters: the head as UTF-8 (a cut character at its end is harmless).
        var transcoder = Transcoder(chosen)
        let text = chosen.needsTranscoding ? transcoder.utf8(head, final: false) : head
        let sep = given?.delimiter ?? delimiter ?? detectDelimiter(text, partial: head.count >= sampleSize)
        return Dialect(encoding: chosen, delimiter: sep, lineEnd: detectLineEnd(text))
    }

    /// The candidate delimiter whose split of the first records (quotes respected) gives the most records with one
    /// field count above one; the first of `delimiters` on a tie, a comma when none splits anything.
    static func detectDelimiter(_ text: [UInt8], partial: Bool = false) -> UInt8 {
        var best: (delimiter: UInt8, score: Int) = (0x2C, 0)
        for candidate in delimiters {
            let counts = SimpleCSV.records(text, delimiter: candidate, limit: 50, dropLastPartial: partial).map(\.count)
            var tally: [Int: Int] = [:]
            for c in counts where c > 1 { tally[c, default: 0] += 1 }
            // The most frequent field count (the larger one on a tie): the records of a table.
            guard let mode = tally.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            if mode.value > best.score { best = (candidate, mode.value) }
        }
        return best.delimiter
    }

    /// The first line break outside quotes.
    static func detectLineEnd(_ text: [UInt8]) -> LineEnd? {
        var quoted = false
        var i = 0
        while i < text.count {
            let c = text[i]
            if c == 0x22 { quoted.toggle() }
            if !quoted, c == 0x0A { return .lf }
            if !quoted, c == 0x0D {
                if i + 1 < text.count { return text[i + 1] == 0x0A ? .crlf : .cr }
                return .cr
            }
            i += 1
        }
        return nil
    }
}

/// A small CSV splitter over bytes in memory, for the few records dialect and footer detection look at (the real
/// reading is `CSVReader`'s).
enum SimpleCSV {
    /// Fields of up to `limit` records (quotes respected, doubled quotes undone); the last record is left out when
    /// `dropLastPartial` (it may be cut). Blank lines are skipped.
    static func records(_ text: [UInt8], delimiter: UInt8, limit: Int = .max, dropLastPartial: Bool = false)
        -> [[String]]
    {
        var out: [[String]] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false, wasQuoted = false
        var i = text.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { out.append(fields) }
            fields.removeAll()
        }
        while i < text.count, out.count < limit {
            let c = text[i]
            if quoted {
                if c == 0x22 {
                    if i + 1 < text.count, text[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 2
                        continue
                    }
                    quoted = false
                } else {
                    field.append(c)
                }
            } else if c == 0x22, field.isEmpty, !wasQuoted {
                quoted = true
                wasQuoted = true
            } else if c == delimiter {
                endField()
            } else if c == 0x0A || c == 0x0D {
                if c == 0x0D, i + 1 < text.count, text[i + 1] == 0x0A { i += 1 }
                endRecord()
            } else {
                field.append(c)
            }
            i += 1
        }
        if out.count < limit, !dropLastPartial, !quoted, !(fields.isEmpty && field.isEmpty) { endRecord() }
        return out
    }
}

/// Decodes UTF-16 or single-byte text to UTF-8, chunk by chunk (a character cut at a chunk's end is carried over).
struct Transcoder {
    let encoding: Dialect.Encoding
    private var carry: [UInt8] = []
    private var started = false

    init(_ encoding: Dialect.Encoding) { self.encoding = encoding }

    /// Windows-1252 characters for 0x80–0x9F (the five bytes it leaves undefined keep their C1 code points).
    static let windows1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,
        0x017E, 0x0178,
    ]

    /// The next chunk as UTF-8; `final` for the last one (a cut character then becomes U+FFFD).
    mutating func utf8(_ chunk: [UInt8], final: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(chunk.count + chunk.count / 8)
        switch encoding {
        case .utf8, .utf8BOM:
            return chunk
        case .iso88591, .windows1252:
            let table = encoding == .windows1252
            for b in chunk {
                if b < 0x80 {
                    out.append(b)
                } else {
                    Transcoder.append(table && b < 0xA0 ? Transcoder.windows1252[Int(b - 0x80)] : UInt32(b), to: &out)
                }
            }
            return out
        case .utf16LE, .utf16BE:
            var bytes = carry + chunk
            carry = []
            var i = 0
            if !started, bytes.count >= 2 {
                started = true
                let bom = encoding == .utf16LE ? [UInt8(0xFF), 0xFE] : [UInt8(0xFE), 0xFF]
                if bytes[0] == bom[0], bytes[1] == bom[1] { i = 2 }
            }
            let little = encoding == .utf16LE
            func unit(_ k: Int) -> UInt32 {
                little ? UInt32(bytes[k]) | UInt32(bytes[k + 1]) << 8 : UInt32(bytes[k]) << 8 | UInt32(bytes[k + 1])
            }
            while i + 1 < bytes.count {
                let u = unit(i)
                if u >= 0xD800, u < 0xDC00 {
                    guard i + 3 < bytes.count else { break }
                    let low = unit(i + 2)
                    if low >= 0xDC00, low < 0xE000 {
                        Transcoder.append(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), to: &out)
                        i += 4
                        continue
                    }
                    Transcoder.append(0xFFFD, to: &out)
                } else if u >= 0xDC00, u < 0xE000 {
                    Transcoder.append(0xFFFD, to: &out)
                } else if u < 0x80 {
                    out.append(UInt8(u))
                } else {
                    Transcoder.append(u, to: &out)
                }
                i += 2
            }
            if i < bytes.count {
                if final { Transcoder.append(0xFFFD, to: &out) } else { carry = Array(bytes[i...]) }
            }
            bytes = []
            return out
        }
    }

    /// Appends a code point as UTF-8.
    static func append(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case ..<0x80: out.append(UInt8(scalar))
        case ..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18 & 0x07))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
