// Runs libFuzzer on the harness in agreement.swift (options and corpus folders come from the command line).
import CFuzzDriver
#if canImport(Glibc)
import Glibc
#endif

warmUp()
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzAgreement))
