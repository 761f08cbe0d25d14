import HandoffIO
import Testing

/// `Grouping.scatter` (the counting sort that groups side-file rows by lead) against a plain grouping written here.
struct GroupingTests {
    /// Runs of random length for random owners (some unknown, -1), grouped on 1–4 parts: each owner's rows come out
    /// together, in row order, at the owner's slice; rows of unknown owners are left out.
    @Test(arguments: [1, 2, 3, 4])
    func rowsAreGroupedByOwnerInRowOrderOnAnyNumberOfParts(cores: Int) {
        var random = SplitMix(seed: UInt64(cores))
        let owners = 500
        var rows: [Int] = [], runOwners: [Int32] = [], runStarts: [UInt32] = []
        for _ in 0..<3_000 {
            runStarts.append(UInt32(rows.count))
            runOwners.append(random.next(below: 25) == 0 ? -1 : Int32(random.next(below: owners)))
            for _ in 0..<random.next(below: 4) + 1 { rows.append(rows.count) }
        }
        // The expected grouping, by owner: the rows of each of its runs, in order.
        var expected = [[Int]](repeating: [], count: owners)
        for k in runOwners.indices where runOwners[k] >= 0 {
            let end = k + 1 < runStarts.count ? Int(runStarts[k + 1]) : rows.count
            expected[Int(runOwners[k])] += rows[Int(runStarts[k])..<end]
        }
        var starts: [Int32] = [], next: Int32 = 0
        for owner in expected {
            starts.append(next)
            next += Int32(owner.count)
        }
        let grouped = Grouping.scatter(
            rows, runOwners: runOwners, runStarts: runStarts, starts: starts, total: Int(next), cores: cores,
            blank: -1, minimumPart: 100)
        #expect(grouped == expected.flatMap { $0 })
        #expect(!grouped.contains(-1))
    }

    /// No rows, or every row of an unknown owner: an empty result.
    @Test func noKnownRowsGiveNothing() {
        #expect(
            Grouping.scatter(
                [Int](), runOwners: [], runStarts: [], starts: [0, 0], total: 0, cores: 2, blank: 0) == [])
        #expect(
            Grouping.scatter(
                [7, 8], runOwners: [-1], runStarts: [0], starts: [0, 0], total: 0, cores: 2, blank: 0,
                minimumPart: 1) == [])
    }
}

/// A small deterministic generator (SplitMix64), so a failing case can be replayed.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(below n: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(n))
    }
}
