import Foundation

/// The data side of a command: which exports, which period, which moment.
public struct MeasurementRequest: Sendable {
    /// The export files.
    var sources: DataSources
    /// A preset overriding the agreement's `data.preset`.
    var preset: String?
    /// Which period to report.
    var period: EvaluationContext.PeriodChoice
    /// The moment the data describes, as text; default the latest timestamp.
    var asOf: String?

    /// Creates a request.
    public init(
        sources: DataSources, preset: String? = nil, period: EvaluationContext.PeriodChoice = .lastCompleteWeek,
        asOf: String? = nil
    ) {
        self.sources = sources
        self.preset = preset
        self.period = period
        self.asOf = asOf
    }
}

/// Loading an agreement for a command, and measuring it.
public enum Handoff {
    /// A valid agreement, its warnings and its source text; throws `HandoffError(.invalidAgreement)` on errors.
    public static func agreement(at path: String, today: LocalDate? = nil) throws -> (
        agreement: Agreement, warnings: [Diagnostic], source: String
    ) {
        let outcome = try AgreementLoader.load(path: path, today: today)
        guard let agreement = outcome.agreement else {
            throw HandoffError(.invalidAgreement, diagnostics: outcome.diagnostics, source: outcome.source)
        }
        return (agreement, outcome.diagnostics, outcome.source)
    }

    /// Reads the exports and evaluates every commitment for the requested period.
    public static func scorecard(_ agreement: Agreement, _ request: MeasurementRequest) throws -> Scorecard {
        let (a, ledger, asOf) = try ledger(agreement, request)
        let clock = PhaseClock()
        let context = try EvaluationContext(agreement: a, ledger: ledger, period: request.period, asOf: asOf)
        clock.mark("index cohorts")
        let scorecard = Evaluator.scorecard(context)
        clock.mark("evaluate")
        return scorecard
    }

    /// The agreement with the request's preset, the exports read with it, and the requested as-of moment.
    static func ledger(_ agreement: Agreement, _ request: MeasurementRequest) throws -> (Agreement, LeadLedger, Int64?)
    {
        let (a, asOf) = try applying(request, to: agreement)
        let clock = PhaseClock()
        let ledger = try LeadLoader(agreement: a).load(request.sources)
        clock.mark("load exports")
        return (a, ledger, asOf)
    }

    /// The agreement with the request's preset, and the request's as-of moment parsed in the agreement's zone.
    static func applying(_ request: MeasurementRequest, to agreement: Agreement) throws -> (Agreement, Int64?) {
        var a = agreement
        if let preset = request.preset {
            guard ColumnPreset.names.contains(preset) else {
                throw HandoffError(
                    .usage, "unknown preset '\(preset)'; use one of \(ColumnPreset.names.joined(separator: ", "))")
            }
            a.data.preset = preset
        }
        if let team = request.sources.team { a.team = try TeamFile.merge(a.team, path: team) }
        var asOf: Int64?
        if let text = request.asOf {
            guard let zone = ZoneRules(identifier: a.businessHours.timeZone),
                let t = TimestampParser(zone: zone).parse(text)
            else {
                throw HandoffError(
                    .usage, "--as-of '\(text)' is not a date or time; write it like 2026-11-16 or 2026-11-16T11:00")
            }
            asOf = t
        }
        return (a, asOf)
    }

    /// Today's date in the agreement's time zone (for review warnings).
    public static func today(in zoneName: String, now: Int64) -> LocalDate? {
        guard let zone = ZoneRules(identifier: zoneName) else { return nil }
        return LocalDate(daysSinceEpoch: Int(zone.local(now).floorDiv(86400)))
    }
}

/// Prints phase timings to stderr when `HANDOFF_TIMING=1` (for docs/benchmarks.md): wall time, the CPU time of all
/// threads (more than the wall time when a phase runs on several cores), and the memory the process holds at the end
/// of the phase and at most so far; silent otherwise.
final class PhaseClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private var lastCPU = PhaseClock.cpuNanoseconds()
    private let enabled = ProcessInfo.processInfo.environment["HANDOFF_TIMING"] == "1"

    func mark(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds, cpu = Self.cpuNanoseconds()
        FileHandle.standardError.write(
            Data(
                "timing: \(phase) \((now - last) / 1_000_000) ms (CPU \((cpu - lastCPU) / 1_000_000) ms, RSS \(Self.residentMB) MB, peak \(Self.peakMB) MB)\n"
                    .utf8))
        last = now
        lastCPU = cpu
    }

    /// The resident memory now (`/proc/self/statm`: its second number, in pages; 0 where there is none).
    private static var residentMB: Int {
        let fd = open("/proc/self/statm", O_RDONLY)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 128)
        let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return 0 }
        let fields = String(decoding: bytes[..<count], as: UTF8.self).split(separator: " ")
        let pages = fields.count > 1 ? Int(fields[1]) ?? 0 : 0
        return (pages * Int(sysconf(Int32(_SC_PAGESIZE)))) >> 20
    }

    /// The most resident memory so far.
    private static var peakMB: Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss >> 10
    }

    private static func cpuNanoseconds() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }
}
