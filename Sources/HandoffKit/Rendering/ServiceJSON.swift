/// The service-level parts of the check JSON: `distribution`, `error_budget`, `handoff_split` (docs/check-json.md).
enum ServiceJSON {
    static func seconds(_ s: Int64?) -> JSON { .number(s.map(Double.init)) }

    static func spread(_ s: Distribution.Spread, labels: [String], edges: [Int64]) -> [(String, JSON)] {
        var lower: Int64 = 0
        let bands = labels.enumerated().map { k, label -> JSON in
            let upper: Int64? = k < edges.count ? edges[k] : nil
            defer { if let upper { lower = upper } }
            return .object([
                ("label", .string(label)), ("from_seconds", .number(Double(lower))), ("to_seconds", seconds(upper)),
                ("count", .number(Double(s.counts[k]))), ("share", .number(s.shares[k])),
            ])
        }
        return [
            ("count", .number(Double(s.count))), ("p50_seconds", seconds(s.p50)), ("p90_seconds", seconds(s.p90)),
            ("bands", .array(bands)),
        ]
    }

    static func distribution(_ d: Distribution?) -> JSON {
        guard let d else { return .null }
        let labels = d.labels
        func groups(_ gs: [Distribution.Group]) -> JSON {
            .array(
                gs.map { g in .object([("name", .string(g.name))] + spread(g.spread, labels: labels, edges: d.edges)) })
        }
        return .object(
            spread(d.overall, labels: labels, edges: d.edges) + [
                ("by_owner", groups(d.byOwner)), ("by_source", groups(d.bySource)),
            ])
    }

    static func budget(_ b: ErrorBudget?, id: String) -> JSON {
        guard let b else { return .null }
        func window(_ w: ErrorBudget.Window) -> JSON {
            .object([
                ("label", .string(w.label)), ("judged", .number(Double(w.judged))),
                ("pending", .number(Double(w.pending))),
                ("projected", .number(Double(w.projected))), ("allowed", .number(Double(w.allowed))),
                ("used", .number(Double(w.used))),
                ("remaining", .number(Double(w.remaining))), ("elapsed_share", .number(w.elapsed)),
                ("burn_rate", .number(w.burnRate)),
                ("run_out", w.runOut.map { .string($0.description) } ?? .null), ("gone", .bool(w.gone)),
            ])
        }
        return .object([
            ("goal", .number(b.goal)), ("week", window(b.week)), ("month", window(b.month)),
            ("sentence", .string(b.sentence(id))),
        ])
    }

    static func split(_ s: Scorecard) -> JSON {
        guard let split = s.split else { return .null }
        func part(_ x: Distribution.Spread) -> JSON {
            .object([
                ("count", .number(Double(x.count))), ("p50_seconds", seconds(x.p50)), ("p90_seconds", seconds(x.p90)),
            ])
        }
        return .object([
            ("systems", part(split.systems)), ("people", part(split.people)),
            ("not_routed", .number(Double(split.notRouted))), ("not_touched", .number(Double(split.notTouched))),
            (
                "owners",
                .array(
                    split.owners.map { o in
                        .object([
                            ("owner", .string(o.name)), ("calendar", .string(o.calendar)),
                            ("days_off", .number(Double(o.daysOff))),
                            ("people", part(o.people)),
                        ])
                    })
            ),
        ])
    }
}
