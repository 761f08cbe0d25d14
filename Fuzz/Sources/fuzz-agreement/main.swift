// Runs libFuzzer on the harness in agreement.swift, its fixed data built first.
import FuzzSupport

warmUp()
runLibFuzzer(fuzzAgreement)
