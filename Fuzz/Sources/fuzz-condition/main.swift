// Runs libFuzzer on the harness in condition.swift, its fixed data built first.
import FuzzSupport

warmUp()
runLibFuzzer(fuzzCondition)
