import Foundation

/// Numbers as CRM and spreadsheet exports write them, for the numeric lead columns (employees, annual_revenue, score,
/// attempt_count): `1200`, `$54,805.00 ` (currency and a trailing space), `USD 1,200`, `1 200 €`, `(5,000.00)` and
/// `($5,000.00)` (accounting negatives), `1,24,000` (Indian lakh grouping), `342.09K`, and `1.234,56` (a decimal
/// comma: always when both separators appear and the comma comes last; for a lone comma in files delimited by `;`).
enum ExportNumber {
    /// Currency signs and codes taken off either end (longest first, so `US$` goes before `$`).
    static let currencies = [
        "US$", "C$", "A$", "R$", "$", "€", "£", "₹", "¥", "Rs.", "Rs",
        "USD", "EUR", "GBP", "INR", "JPY", "CAD", "AUD", "CHF", "CNY", "SEK", "NOK", "DKK", "NZD", "ZAR", "BRL", "MXN",
        "SGD", "HKD", "PLN",
    ]

    /// The value, or why the text is not one (`not a number`, with the detail when it helps).
    static func parse(_ text: String, decimalComma: Bool) -> Result<Double, Problem> {
        var t = Substring(text.trimmingSpaces())
        var negative = false
        // Signs, accounting parentheses and currency, in any order: `-$5`, `$-5`, `($5.00)`, `5 USD`.
        for _ in 0..<4 {
            let before = t
            if t.hasPrefix("("), t.hasSuffix(")"), t.count >= 2, !negative {
                negative = true
                t = trimmed(t.dropFirst().dropLast())
            }
            if let f = t.first, f == "-" || f == "−" || f == "+", !negative || f == "+" {
                negative = negative || f != "+"
                t = trimmed(t.dropFirst())
            }
            if let c = currencies.first(where: { t.prefix($0.count).uppercased() == $0.uppercased() }) {
                t = trimmed(t.dropFirst(c.count))
            }
            if let c = currencies.first(where: { t.suffix($0.count).uppercased() == $0.uppercased() }) {
                t = trimmed(t.dropLast(c.count))
            }
            if t == before { break }
        }
        var scale = 1.0
        if let last = t.last, let factor = ["k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "b": 1e9, "B": 1e9][last] {
            scale = factor
            t = trimmed(t.dropLast())
        }
        guard let digits = normalized(t, decimalComma: decimalComma) else { return .failure(.notANumber) }
        if case .failure(let problem) = digits { return .failure(problem) }
        guard case .success(let plain) = digits, let value = Double(plain), value.isFinite else {
            return .failure(.notANumber)
        }
        let scaled = value * scale
        guard abs(scaled) < Amount.largest else { return .failure(.notANumber) }
        return .success(negative ? -scaled : scaled)
    }

    /// Why a cell is not a number.
    enum Problem: Error, Equatable {
        case notANumber
        case grouping(String)

        /// The reason in a data issue.
        var reason: String {
            switch self {
            case .notANumber: return "not a number"
            case .grouping(let text):
                return
                    "not a number: the digit groups of '\(text)' are neither thousands (1,240,000) nor lakhs (12,40,000)"
            }
        }
    }

    /// `1,234.56` → `1234.56`; nil when the text holds anything but digits, separators and an exponent.
    private static func normalized(_ t: Substring, decimalComma: Bool) -> Result<String, Problem>? {
        guard t.contains(where: \.isASCIIDigit) else { return nil }
        // Exponent forms (`1e6`, `1.5E+3`) are read as they are, without separators.
        if t.contains(where: { $0 == "e" || $0 == "E" }) {
            return t.allSatisfy({ $0.isASCIIDigit || "eE.+-".contains($0) }) ? .success(String(t)) : nil
        }
        guard
            t.allSatisfy({
                $0.isASCIIDigit || $0 == "," || $0 == "." || $0 == " " || $0 == "'" || $0 == "\u{00A0}"
                    || $0 == "\u{202F}"
            })
        else { return nil }
        let lastComma = t.lastIndex(of: ","), lastDot = t.lastIndex(of: ".")
        let commas = t.filter { $0 == "," }.count, dots = t.filter { $0 == "." }.count
        var decimal: Character?
        switch (lastComma, lastDot) {
        case (let comma?, let dot?): decimal = comma > dot ? "," : "."
        case (_?, nil): decimal = decimalComma && commas == 1 ? "," : nil
        case (nil, _?):
            // In a decimal-comma file a lone dot before three digits groups thousands (`1.234`); else it is the point.
            decimal =
                dots == 1 && !(decimalComma && groupsValid(t.split(separator: ".", omittingEmptySubsequences: false)))
                ? "." : nil
        case (nil, nil): decimal = nil
        }
        var whole = t, fraction: Substring = ""
        if let decimal, let at = t.lastIndex(of: decimal) {
            whole = t[..<at]
            fraction = t[t.index(after: at)...]
            guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
        }
        let groups = whole.split(omittingEmptySubsequences: false, whereSeparator: { !$0.isASCIIDigit })
        if groups.count > 1 {
            // One kind of grouping separator only.
            let separators = Set(whole.filter { !$0.isASCIIDigit })
            guard separators.count == 1 else { return nil }
            guard groupsValid(groups) else { return .failure(.grouping(String(t))) }
        }
        guard let first = groups.first, !first.isEmpty else { return nil }
        return .success(groups.joined() + (fraction.isEmpty ? "" : "." + fraction))
    }

    /// Thousands (`1,240,000`: 1–3 digits, then threes) or lakhs (`12,40,000`: 1–2 digits, then twos, then three).
    private static func groupsValid(_ groups: [Substring]) -> Bool {
        guard groups.count > 1, let first = groups.first, let last = groups.last, (1...3).contains(first.count),
            last.count == 3
        else { return false }
        let middle = groups.dropFirst().dropLast()
        if middle.allSatisfy({ $0.count == 3 }) { return true }
        return first.count <= 2 && middle.allSatisfy { $0.count == 2 }
    }

    private static func trimmed(_ s: Substring) -> Substring {
        var s = s
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
