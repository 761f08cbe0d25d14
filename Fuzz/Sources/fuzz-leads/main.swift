// Runs libFuzzer on the harness in leads.swift, its fixed data built first.
import FuzzSupport

warmUp()
runLibFuzzer(fuzzLeads)
