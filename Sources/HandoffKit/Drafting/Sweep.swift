/// A threshold sweep: `threshold.N=FROM..TO:STEP` varies one number of the N-th threshold alternative (1-based),
/// the last number written in it, or the K-th with `threshold.N.K`; every other part of the agreement stays.
public struct ThresholdSweep: Sendable, Equatable {
    /// The alternative, 0-based.
    var alternative: Int
    /// Which number in it, 0-based; nil for the last.
    var number: Int?
    /// The values, in order.
    var values: [Double]
    /// The option as written.
    var text: String

    /// Parses the option; the message says what is wrong.
    public static func parse(_ text: String) -> Result<ThresholdSweep, HandoffError> {
        func fail(_ why: String) -> Result<ThresholdSweep, HandoffError> {
            .failure(HandoffError(.usage, "--sweep '\(text)': \(why); write it like threshold.1=80..120:10"))
        }
        let halves = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard halves.count == 2 else { return fail("no '='") }
        let path = halves[0].split(separator: ".").map(String.init)
        guard path.count == 2 || path.count == 3, path[0] == "threshold" || path[0] == "thresholds",
            let n = Int(path[1]), n >= 1
        else { return fail("the path is threshold.N (N counts the alternatives from 1)") }
        var k: Int?
        if path.count == 3 {
            guard let kk = Int(path[2]), kk >= 1 else { return fail("the number in the alternative counts from 1") }
            k = kk - 1
        }
        let rangeAndStep = halves[1].split(separator: ":", maxSplits: 1).map(String.init)
        let ends = rangeAndStep[0].components(separatedBy: "..")
        guard ends.count == 2, let lo = Double(ends[0]), let hi = Double(ends[1]), lo <= hi else {
            return fail("the range is FROM..TO with FROM ≤ TO")
        }
        let step = rangeAndStep.count == 2 ? Double(rangeAndStep[1]) : 1
        guard let step, step > 0 else { return fail("the step after ':' is a positive number") }
        let count = Int(((hi - lo) / step + 1e-9).rounded(.down)) + 1
        guard count <= 50 else { return fail("\(count) steps; at most 50") }
        return .success(
            ThresholdSweep(
                alternative: n - 1, number: k, values: (0..<count).map { lo + Double($0) * step }, text: text))
    }

    /// The variants: the agreement with the number replaced by each value.
    func variants(of agreement: Agreement) throws -> [Backtest.Variant] {
        let thresholds = agreement.mqlDefinition.thresholds
        guard alternative < thresholds.count else {
            throw HandoffError(
                .usage,
                "--sweep '\(text)': the agreement has \(thresholds.count) threshold alternative\(thresholds.count == 1 ? "" : "s")"
            )
        }
        let original = thresholds[alternative]
        let numbers = ThresholdSweep.numbers(in: original.text)
        guard !numbers.isEmpty else {
            throw HandoffError(
                .usage, "--sweep '\(text)': threshold \(alternative + 1) (\(original.text)) has no number")
        }
        guard number.map({ $0 < numbers.count }) ?? true else {
            throw HandoffError(
                .usage,
                "--sweep '\(text)': threshold \(alternative + 1) (\(original.text)) has \(numbers.count) number\(numbers.count == 1 ? "" : "s")"
            )
        }
        let target = numbers[number ?? numbers.count - 1]
        return try values.map { value in
            var chars = Array(original.text)
            chars.replaceSubrange(target, with: Array(Amount.format(value)))
            let newText = String(chars)
            guard case .success(let condition) = Condition.parse(newText, at: original.origin) else {
                throw HandoffError(.usage, "--sweep '\(text)': '\(newText)' is not a valid condition")
            }
            var a = agreement
            a.mqlDefinition.thresholds[alternative] = condition
            return Backtest.Variant(name: newText, agreement: a, sweepValue: value)
        }
    }

    /// Where the plain numbers are in a condition's text (not inside quotes, not part of a name).
    static func numbers(in text: String) -> [Range<Int>] {
        let chars = Array(text)
        var out: [Range<Int>] = []
        var i = 0, quote: Character?
        while i < chars.count {
            let c = chars[i]
            if let q = quote {
                if c == q { quote = nil }
                i += 1
                continue
            }
            if c == "\"" || c == "'" {
                quote = c
                i += 1
                continue
            }
            if c.isNumber, i == 0 || !(chars[i - 1].isLetter || chars[i - 1] == "_" || chars[i - 1].isNumber) {
                var j = i
                while j < chars.count,
                    chars[j].isNumber || chars[j] == "." && j + 1 < chars.count && chars[j + 1].isNumber
                { j += 1 }
                out.append(i..<j)
                i = j
                continue
            }
            i += 1
        }
        return out
    }
}
