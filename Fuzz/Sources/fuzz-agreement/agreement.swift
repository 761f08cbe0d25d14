// Fuzz target: the agreement loader — YAML, the node walk, validation rules — then the SLA document it feeds.
// Input: the agreement file's bytes. Property: every input gives an agreement or diagnostics (printed with their
// snippets), never a trap; an agreement that loads renders as the SLA document.
import FuzzSupport

@testable import HandoffKit

#if canImport(Glibc)
import Glibc
#endif

private let slaTemplate: Template? = try? DocumentRenderer().template(.sla)

/// Inputs run, and those that loaded as an agreement (and were rendered): printed when the process exits.
nonisolated(unsafe) private var inputs = 0
nonisolated(unsafe) private var loaded = 0

/// Builds the harness's fixed data before the first input, so no input is charged for it (the timeout is 1 s).
func warmUp() {
    _ = slaTemplate
    atexit {
        let line = "fuzz-agreement: \(loaded) of \(inputs) inputs loaded as an agreement and were rendered\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAgreement(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    inputs += 1
    let outcome = AgreementLoader.load(bytes: bytes, file: "fuzz.yaml", today: LocalDate(year: 2026, month: 12, day: 1))
    _ = DiagnosticPrinter(source: outcome.source).render(all: outcome.diagnostics)
    if let agreement = outcome.agreement {
        require(!outcome.diagnostics.hasErrors, "an agreement with errors was returned")
        loaded += 1
        if let slaTemplate { _ = try? slaTemplate.render(SLADocument.data(agreement)) }
    }
    return 0
}
