internal import Yams

/// Turns agreement bytes into a Yams node tree, or positioned diagnostics.
/// Guards run before the parser so that hostile input ends quickly: size, encoding, tabs, nesting depth.
enum YAMLDocument {
    /// An agreement is a few KB (the example is 9 KB); parsing a megabyte of YAML took a second in the fuzz build.
    static let maximumBytes = 256 << 10
    static let maximumDepth = 100

    /// The root node and the decoded text, or the diagnostics that stop loading.
    static func compose(bytes: [UInt8], file: String) -> (root: Node?, text: String, diagnostics: [Diagnostic]) {
        if bytes.count > maximumBytes {
            let size = FileSize.describe(bytes.count)
            return (
                nil, "",
                [
                    Diagnostic(
                        .error, "the file is \(size); an agreement is at most 256 KB — is this the right file?",
                        at: nil,
                        file: file)
                ]
            )
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            return (nil, "", [invalidUTF8(body, file: file)])
        }
        let guards = structuralProblems(text, file: file)
        if !guards.isEmpty { return (nil, text, guards) }
        do {
            let root = try Yams.compose(yaml: text)
            return (root, text, [])
        } catch let error as YamlError {
            return (nil, text, [diagnostic(for: error, file: file)])
        } catch {
            return (nil, text, [Diagnostic(.error, "cannot read YAML: \(error)", at: nil, file: file)])
        }
    }

    private static func invalidUTF8(_ bytes: ArraySlice<UInt8>, file: String) -> Diagnostic {
        var line = 1, column = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let end = min(bytes.endIndex, index + 4)
            var decoded = false
            for length in 1...(end - index)
            where String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil {
                if bytes[index] == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += length
                decoded = true
                break
            }
            if !decoded {
                let hex = String(bytes[index], radix: 16, uppercase: true)
                return .error(
                    "the file is not UTF-8: byte 0x\(hex) cannot start a character; save the file as UTF-8",
                    at: SourceLocation(file: file, line: line, column: column))
            }
        }
        return Diagnostic(.error, "the file is not UTF-8; save it as UTF-8", at: nil, file: file)
    }

    /// Tabs used for indentation and nesting deeper than any agreement needs.
    private static func structuralProblems(_ text: String, file: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var flowDepth = 0
        var lineNumber = 0
        for line in lines(text) {
            lineNumber += 1
            var column = 0
            var indent = 0
            var inIndent = true
            var sequenceMarks = 0
            var quote: Character?
            var previous: Character = " "
            for ch in line {
                column += 1
                if inIndent {
                    if ch == " " {
                        indent += 1
                        continue
                    }
                    if ch == "\t" {
                        problems.append(
                            .error(
                                "a tab is used for indentation; YAML indents with spaces only",
                                at: SourceLocation(file: file, line: lineNumber, column: column)))
                        break
                    }
                    inIndent = false
                }
                if let q = quote {
                    if ch == q { quote = nil }
                } else if ch == "#" && (previous == " " || column == 1) {
                    break
                } else if ch == "\"" || ch == "'" {
                    if previous == " " || previous == "[" || previous == "{" || previous == "," || previous == ":" {
                        quote = ch
                    }
                } else if ch == "[" || ch == "{" {
                    flowDepth += 1
                } else if ch == "]" || ch == "}" {
                    flowDepth = max(0, flowDepth - 1)
                } else if ch == "-" && previous == " " || ch == "-" && column == indent + 1 {
                    sequenceMarks += 1
                }
                previous = ch
                let depth = flowDepth + sequenceMarks + indent / 2
                if depth > maximumDepth {
                    problems.append(
                        .error(
                            "values are nested more than \(maximumDepth) levels deep; an agreement never needs that",
                            at: SourceLocation(file: file, line: lineNumber, column: column)))
                    return problems
                }
            }
            if problems.count >= 20 { break }
        }
        return problems
    }

    /// The lines of `text` as the YAML parser numbers them: `\r\n` (one Swift `Character`, never equal to `\n`),
    /// `\n`, `\r`, NEL, LS and PS each end a line.
    /// (`Character.isNewline` is exactly these and VT, FF: asking it is far cheaper than comparing with each.)
    static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0.isNewline && $0 != "\u{0B}" && $0 != "\u{0C}" }
    }

    /// Where `key` is written again in the mapping whose first `key` is at `first`.
    static func secondOccurrence(of key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = lines(text)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        for index in first.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            let column = first.column - 1
            guard column < scalars.count else { continue }
            let indent = scalars.prefix(column)
            if indent.contains(where: { $0 != " " && $0 != "-" }) { continue }
            let rest = String(String.UnicodeScalarView(scalars[column...]))
            if rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
                return (index + 1, first.column)
            }
            if !indent.allSatisfy({ $0 == " " })
                || (scalars.count > column && scalars[..<column].allSatisfy({ $0 == " " }) == false)
            {
                break
            }
        }
        return nil
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return .error(message, at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = context.mark
            let second = secondOccurrence(of: key, after: first, in: context.text)
            let location = SourceLocation(
                file: file, line: second?.line ?? first.line, column: second?.column ?? first.column)
            return .error("duplicate key '\(key)'; it is already set at line \(first.line)", at: location)
        case .reader(let problem, _, _, _):
            return Diagnostic(.error, "cannot read the file: \(problem)", at: nil, file: file)
        default:
            return Diagnostic(.error, "invalid YAML: \(error)", at: nil, file: file)
        }
    }
}
