// Runs libFuzzer on the harness in timestamp.swift, its fixed data built first.
import FuzzSupport

warmUp()
runLibFuzzer(fuzzTimestamp)
