import HandoffKit
let o = try AgreementLoader.load(path: CommandLine.arguments[1], today: LocalDate(year: 2026, month: 11, day: 22))
print(DiagnosticPrinter(source: o.source).render(all: o.diagnostics))
if let a = o.agreement { print(a.digest, a.commitments.count, a.mqlDefinition.thresholds.count) }
