// Runs libFuzzer on the harness in csv.swift, its fixed data built first.
import FuzzSupport

warmUp()
runLibFuzzer(fuzzCSV)
