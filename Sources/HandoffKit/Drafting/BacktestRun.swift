extension Handoff {
    /// Reads the exports once with the current agreement's data settings and replays every variant
    /// (the current definition first, then `proposed`, then the sweep's steps).
    public static func backtest(
        _ current: Agreement, name: String = "current", proposed: [(name: String, agreement: Agreement)] = [],
        sweep: ThresholdSweep? = nil, request: MeasurementRequest, months: Int
    ) throws -> Backtest {
        let (a, asOf) = try applying(request, to: current)
        guard (1...36).contains(months) else { throw HandoffError(.usage, "--months \(months): give 1 to 36 months") }
        let clock = PhaseClock()
        let ledger = try LeadLoader(agreement: a).load(request.sources)
        clock.mark("load exports")
        guard let moment = asOf ?? ledger.latestTimestamp else {
            throw HandoffError(
                .badInput, "the leads export has no timestamps, so there is no 'as of' moment; pass --as-of",
                file: ledger.sources.leads)
        }
        var variants = [Backtest.Variant(name: name, agreement: a)]
        variants += proposed.map { Backtest.Variant(name: $0.name, agreement: $0.agreement) }
        if let sweep { variants += try sweep.variants(of: a) }
        let result = try Backtest(
            variants: variants, ledger: ledger, asOf: moment, months: months,
            sweepLabel: sweep.map { _ in
                "threshold \((sweep!.alternative) + 1): \(a.mqlDefinition.thresholds[sweep!.alternative].text)"
            }, clock: clock)
        return result
    }
}
