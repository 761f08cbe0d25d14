/// The one definition of a percentile used everywhere in Handoff (documents, JSON, charts).
///
/// Nearest rank: sort the n values ascending; the p-th percentile is the value at 1-based rank
/// `ceil(p / 100 × n)` (rank 1 when that is 0). It is always an observed value. The median is p50 by
/// this rule, so for an even count it is the lower of the two middle values; p90 is rank ceil(0.9 × n).
/// An independent computation in SQL: `list_sort(values)[greatest(1, ceil(p / 100.0 * count))]`.
enum Percentile {
    /// The p-th percentile (0 < p ≤ 100) of `values` by nearest rank, or nil for no values.
    static func nearestRank<T: Comparable>(_ p: Int, of values: [T]) -> T? {
        nearestRank(p, ofSorted: values.sorted())
    }

    /// As `nearestRank(_:of:)` for values already sorted ascending.
    static func nearestRank<T: Comparable>(_ p: Int, ofSorted sorted: [T]) -> T? {
        guard !sorted.isEmpty else { return nil }
        let n = sorted.count
        let rank = max(1, (p * n + 99) / 100) // ceil(p × n / 100) in integers
        return sorted[min(rank, n) - 1]
    }
}
