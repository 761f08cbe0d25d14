// Runs libFuzzer on the harness in table.swift, its fixed data built first.
import FuzzSupport

warmUp()
runLibFuzzer(fuzzTable)
