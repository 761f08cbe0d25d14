internal import HandoffIO

/// One judged lead's time on a duration commitment's clock.
struct DurationSample: Sendable {
    /// Seconds on the commitment's clock: to the event, or to as-of for a breach whose event has not happened.
    var elapsed: Int64
    /// The lead's owner.
    var owner: TextRef
    /// The lead's source.
    var source: TextRef
}

/// How a duration commitment's times are spread: p50, p90 and the share in bands, overall, by owner, by source.
///
/// Percentiles are nearest rank (`Percentile`). A band `(a, b]` holds times above its lower edge up to and including
/// its upper edge — a time of exactly 5m is in 0–5m, as `within: 5m` counts it met; the last band is open.
/// Leads whose event has not happened and whose deadline has passed count with their time so far.
struct Distribution: Sendable {
    /// The default band edges: 0–5, 5–15, 15–60, 60+ minutes.
    static let defaultEdges: [Int64] = [300, 900, 3600]

    /// The spread of one group of leads.
    struct Spread: Sendable {
        /// Leads with a time.
        var count: Int
        /// Median (nearest rank).
        var p50: Int64?
        /// 90th percentile (nearest rank).
        var p90: Int64?
        /// Leads per band, in band order.
        var counts: [Int]

        /// Share of the group in each band.
        var shares: [Double] { counts.map { count == 0 ? 0 : Double($0) / Double(count) } }
    }

    /// One owner or source.
    struct Group: Sendable {
        /// The owner or source; `(unassigned)`, `(no source)` when empty.
        var name: String
        /// Its spread.
        var spread: Spread
    }

    /// Upper edges of the bands, seconds.
    var edges: [Int64]
    /// Every judged lead.
    var overall: Spread
    /// Per owner, most leads first.
    var byOwner: [Group]
    /// Per source, most leads first.
    var bySource: [Group]

    /// `0–5m`, `5–15m`, `15–60m`, `60m+`.
    var labels: [String] { Distribution.labels(edges) }

    /// Builds the distribution of `samples` over bands with upper `edges`.
    static func measure(_ samples: [DurationSample], edges: [Int64], texts: TextTable) -> Distribution {
        var owners: [TextRef: [Int64]] = [:], sources: [TextRef: [Int64]] = [:]
        for s in samples {
            owners[s.owner, default: []].append(s.elapsed)
            sources[s.source, default: []].append(s.elapsed)
        }
        func groups(_ byRef: [TextRef: [Int64]], empty: String) -> [Group] {
            byRef.map { ref, times in
                Group(name: ref == .empty ? empty : texts[ref], spread: spread(times, edges: edges))
            }
            .sorted { ($0.spread.count, $1.name) > ($1.spread.count, $0.name) }
        }
        return Distribution(
            edges: edges, overall: spread(samples.map(\.elapsed), edges: edges),
            byOwner: groups(owners, empty: "(unassigned)"), bySource: groups(sources, empty: "(no source)"))
    }

    static func spread(_ times: [Int64], edges: [Int64]) -> Spread {
        let sorted = times.sorted()
        var counts = [Int](repeating: 0, count: edges.count + 1)
        for t in sorted { counts[edges.firstIndex { t <= $0 } ?? edges.count] += 1 }
        return Spread(
            count: sorted.count, p50: Percentile.nearestRank(50, ofSorted: sorted),
            p90: Percentile.nearestRank(90, ofSorted: sorted), counts: counts)
    }

    static func labels(_ edges: [Int64]) -> [String] {
        var out: [String] = []
        var lower: Int64 = 0
        for e in edges {
            out.append("\(lower == 0 ? "0" : bare(lower, before: e))–\(unit(e))")
            lower = e
        }
        out.append("\(unit(lower))+")
        return out
    }

    /// `5m`, `60m`, `4h`, `2d`: minutes up to an hour, so the default reads 0–5, 5–15, 15–60, 60+ minutes.
    static func unit(_ s: Int64) -> String {
        if s % 86400 == 0 { return "\(s / 86400)d" }
        if s % 3600 == 0, s > 3600 { return "\(s / 3600)h" }
        if s % 60 == 0 { return "\(s / 60)m" }
        return "\(s)s"
    }

    /// A lower edge without its unit when the upper edge shares it (`5–15m`), else with it (`60m–4h`).
    private static func bare(_ s: Int64, before upper: Int64) -> String {
        let l = unit(s), u = unit(upper)
        return l.last == u.last ? String(l.dropLast()) : l
    }
}
