// Runs libFuzzer on the harness in template.swift, its fixed data built first.
import FuzzSupport

warmUp()
runLibFuzzer(fuzzTemplate)
