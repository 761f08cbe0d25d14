/// One token of the condition language, with its 0-based offset (in Unicode scalars) in the text.
struct ConditionToken: Equatable {
    enum Kind: Equatable {
        case number(Double, ConditionValue.Unit)
        case text(String)
        case word(String)
        case symbol(String)
        case end
    }

    var kind: Kind
    var offset: Int
}

/// A parse error inside a condition string, at a scalar offset.
struct ConditionSyntaxError: Error, Equatable {
    var message: String
    var offset: Int
}

/// Splits condition text into tokens.
enum ConditionLexer {
    static func tokens(_ text: String) throws -> [ConditionToken] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [ConditionToken] = []
        var i = 0
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        func isWordStart(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) || s == "_" }
        while i < scalars.count {
            let s = scalars[i]
            if s == " " || s == "\t" || s == "\n" || s == "\r" {
                i += 1
                continue
            }
            let start = i
            if isDigit(s) {
                var digits = ""
                while i < scalars.count,
                    isDigit(scalars[i]) || scalars[i] == "_"
                        || (scalars[i] == "." && i + 1 < scalars.count && isDigit(scalars[i + 1]))
                {
                    if scalars[i] != "_" { digits.unicodeScalars.append(scalars[i]) }
                    i += 1
                }
                guard let value = Double(digits) else {
                    throw ConditionSyntaxError(message: "'\(digits)' is not a number", offset: start)
                }
                var unit = ConditionValue.Unit.plain
                var scale = 1.0
                if i < scalars.count {
                    switch scalars[i] {
                    case "s":
                        unit = .duration
                        scale = 1
                    case "m":
                        unit = .duration
                        scale = 60
                    case "h":
                        unit = .duration
                        scale = 3600
                    case "d":
                        unit = .duration
                        scale = 86400
                    case "w":
                        unit = .duration
                        scale = 604_800
                    case "%":
                        unit = .percent
                        scale = 0.01
                    case "k", "K": scale = 1e3
                    case "M": scale = 1e6
                    case "B": scale = 1e9
                    default: scale = 0
                    }
                    if scale != 0 {
                        i += 1
                    } else {
                        scale = 1
                    }
                    if i < scalars.count, isWordStart(scalars[i]) {
                        throw ConditionSyntaxError(
                            message:
                                "unknown unit after \(digits); use s, m, h, d, w (time), % (share) or K, M, B (amounts)",
                            offset: i)
                    }
                }
                // Bounded so that every later step (sums, windows in whole seconds, formatting) stays exact.
                guard abs(value * scale) < Amount.largest else {
                    throw ConditionSyntaxError(
                        message: "the number \(digits) is too large; numbers are below 1,000,000,000,000,000",
                        offset: start)
                }
                tokens.append(.init(kind: .number(value * scale, unit), offset: start))
            } else if isWordStart(s) {
                var word = ""
                while i < scalars.count, isWordStart(scalars[i]) || isDigit(scalars[i]) {
                    word.unicodeScalars.append(scalars[i])
                    i += 1
                }
                tokens.append(.init(kind: .word(word), offset: start))
            } else if s == "\"" || s == "'" {
                i += 1
                var text = ""
                while i < scalars.count, scalars[i] != s {
                    text.unicodeScalars.append(scalars[i])
                    i += 1
                }
                guard i < scalars.count else {
                    throw ConditionSyntaxError(message: "unterminated text: add the closing \(s)", offset: start)
                }
                i += 1
                tokens.append(.init(kind: .text(text), offset: start))
            } else {
                let two = i + 1 < scalars.count ? String(s) + String(scalars[i + 1]) : ""
                if [">=", "<=", "!=", "==", ".."].contains(two) {
                    tokens.append(.init(kind: .symbol(two == "==" ? "=" : two), offset: start))
                    i += 2
                } else if "<>=()[],+-".unicodeScalars.contains(s) {
                    tokens.append(.init(kind: .symbol(String(s)), offset: start))
                    i += 1
                } else if s == "≥" || s == "≤" {
                    tokens.append(.init(kind: .symbol(s == "≥" ? ">=" : "<="), offset: start))
                    i += 1
                } else {
                    throw ConditionSyntaxError(message: "unexpected character '\(s)'", offset: start)
                }
            }
        }
        tokens.append(.init(kind: .end, offset: scalars.count))
        return tokens
    }
}
