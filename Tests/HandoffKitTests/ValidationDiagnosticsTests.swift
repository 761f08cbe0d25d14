import Testing

@testable import HandoffKit

@Suite("validate: every mistake, with its position")
struct ValidationDiagnosticsTests {
    /// Twelve different mistakes in one file, schema and semantic; each is reported at its exact line and column in one run.
    @Test func tenMistakesAllReported() {
        let yaml = """
            agreement:
              title: Broken SLA
              version: "1"
              effective: 2026-02-30
              reveiw: {cadence: quarterly}
            parties:
              marketing:
                team: Marketing
                owner: {name: M, title: VP}
              sales:
                team: Sales
                owner: {name: S, title: VP}
            business_hours:
              time_zone: Mars/Olympus_Mons
              days: [mon, tue]
              open: "09:00"
              close: "18:00"
            stages:
              - {id: mql, owner: marketing, definition: An MQL.}
              - {id: sal, owner: finance, definition: Accepted.}
            mql_definition:
              summary: Test.
              scoring:
                fit:
                  - {when: "employees >= 100", points: 40}
                engagement:
                  - {action: demo_request, points: 50, max_count: 1}
              thresholds:
                - fit + engagement >= 500
                - fit >= 10 and enagement > 5
            commitments:
              marketing:
                - {id: volume, metric: mql_count, at_least: 500, per: month}
              sales:
                - {id: touch, metric: first_touch_time, within: soon}
                - {id: touch, metric: feedback_time, within: 24h, required_fields: [company]}
            targets:
              acceptance_rate: {between: [80%, 70%]}
              mql_to_sql_rate: {between: [25%, 135%]}
            capacity: {reps: 2, mqls_per_rep_per_week: 10}
            """
        let outcome = load(yaml, file: "broken.yaml")
        #expect(
            positions(outcome.diagnostics) == [
                "4:14: error: expected a date like 2026-11-16 for the effective date, got '2026-02-30'",
                "5:3: error: unknown key 'reveiw' in 'agreement'; did you mean 'review'?",
                "14:14: error: 'Mars/Olympus_Mons' is not an IANA time zone; use a name like America/New_York or Europe/Berlin",
                "20:22: error: stage 'sal' is owned by 'finance', which is not a party; use marketing or sales",
                "29:7: error: threshold 'fit + engagement >= 500' can never be reached: the scoring model gives at most fit 40, engagement 50, bant 0",
                "30:21: error: unknown field 'enagement' in condition; did you mean 'engagement'?",
                "33:7: error: 'volume' promises 500 MQLs per month, but 2 reps × 10 MQLs a week can absorb only 86 per month; lower the promise or add capacity",
                "35:53: error: expected a duration like 30m, 24h or 90d for 'within', got 'soon'",
                "36:7: error: duplicate commitment id 'touch'; it is already used at line 35",
                "36:55: error: metric 'feedback_time' does not take 'required_fields' (it takes bands, require_reason)",
                "38:30: error: the band's minimum 80% exceeds its maximum 70%",
                "39:36: error: the band's high end must be between 0% and 100%, got 135%",
            ])
        #expect(outcome.agreement == nil)
    }

    /// Semantic mistakes are found once the file reads cleanly.
    @Test func semanticMistakes() {
        let yaml =
            minimalAgreement
            .replacingOccurrences(
                of: "    - fit + engagement >= 60", with: "    - fit + engagement >= 500\n    - fit >= 10"
            )
            .replacingOccurrences(
                of: "commitments:\n",
                with: """
                    stages:
                      - {id: mql, owner: marketing, definition: An MQL.}
                      - {id: sal, owner: finance, definition: Accepted.}
                    capacity: {reps: 2, mqls_per_rep_per_week: 10}
                    commitments:
                      marketing:
                        - {id: volume, metric: mql_count, at_least: 500, per: month}

                    """)
            + "\n    - {id: first-touch, metric: feedback_time, within: 24h}\n"
        let outcome = load(yaml, file: "semantic.yaml")
        #expect(
            positions(outcome.diagnostics) == [
                "25:7: error: threshold 'fit + engagement >= 500' can never be reached: the scoring model gives at most fit 50, engagement 100, bant 0",
                "29:22: error: stage 'sal' is owned by 'finance', which is not a party; use marketing or sales",
                "33:7: error: 'volume' promises 500 MQLs per month, but 2 reps × 10 MQLs a week can absorb only 86 per month; lower the promise or add capacity",
                "36:7: error: duplicate commitment id 'first-touch'; it is already used at line 35",
            ])
    }

    @Test func wrongTypesAndMissingFields() {
        let yaml = minimalAgreement.replacingOccurrences(of: "  title: Test SLA\n", with: "")
            .replacingOccurrences(of: "goal: 90%", with: "goal: 0.9")
            .replacingOccurrences(of: "days: [mon, tue, wed, thu, fri]", with: "days: weekdays")
        let outcome = load(yaml)
        #expect(
            positions(outcome.diagnostics) == [
                "2:3: error: 'agreement' is missing the required field 'title'",
                "13:9: error: working days must be a list, got 'weekdays'",
                "27:87: error: expected a percentage like 90% for the goal, got '0.9'",
            ])
    }

    @Test func duplicateYAMLKeys() {
        let yaml = minimalAgreement.replacingOccurrences(
            of: "  version: \"1\"\n", with: "  version: \"1\"\n  version: \"2\"\n")
        #expect(
            positions(load(yaml).diagnostics) == [
                "4:3: error: duplicate key 'version'; it is already set at line 3"
            ])
    }

    @Test func metricThatDoesNotExistAndReportMetrics() {
        let yaml =
            minimalAgreement.replacingOccurrences(of: "metric: first_touch_time", with: "metric: first_tuch_time")
            + "\n    - {id: reasons, metric: rejection_reasons, at_least: 1}\n"
        #expect(
            positions(load(yaml).diagnostics) == [
                "28:33: error: 'first_tuch_time' is not a valid metric; expected one of mql_count, routing_time, first_touch_time, attempts_before_unresponsive, feedback_time, untouched_leads, context_complete_rate, criteria_met_rate, acceptance_rate, rejection_reasons, mql_to_sql_rate, funnel, source_effectiveness, owner_breakdown; did you mean 'first_touch_time'?",
                "29:29: error: 'rejection_reasons' is a report section, not something a team can promise; use it in the scorecard, or pick a measurable metric",
            ])
    }

    @Test func conditionParseErrorsPointInsideTheString() {
        let yaml = minimalAgreement.replacingOccurrences(
            of: "    - fit + engagement >= 60",
            with: "    - fit + engagement >= 60 and (bant > 5\n    - \"fit >> 3\"\n    - fit in 10...20")
        #expect(
            positions(load(yaml).diagnostics) == [
                "25:43: error: invalid condition: expected ')' to close the parenthesis, found the end of the condition",
                "26:13: error: invalid condition: expected a number, a field or text, found '>'",
                "27:18: error: invalid condition: unexpected character '.'",
            ])
    }

    @Test func staleSignOffIsAWarning() {
        let yaml =
            minimalAgreement + """

                signoff:
                  - {party: sales, name: S Owner, title: VP Sales, date: 2026-01-02, digest: 0000}
                """
        let outcome = load(yaml)
        #expect(outcome.agreement != nil)
        #expect(outcome.diagnostics.count == 1)
        #expect(outcome.diagnostics.first?.severity == .warning)
        #expect(outcome.diagnostics.first?.message.hasPrefix("the sales sign-off by S Owner is stale") == true)
        #expect(outcome.diagnostics.first?.location?.line == 30)
    }

    @Test func printerShowsSourceLineAndCaret() {
        let yaml = "agreement:\n  titel: x\n"
        let outcome = load(yaml, file: "a.yaml")
        let text = DiagnosticPrinter(source: outcome.source).render(outcome.diagnostics[0])
        #expect(text == "a.yaml:1:1: error: the agreement file is missing the required field 'parties'\nagreement:\n^")
        let unknown = outcome.diagnostics.first { $0.message.contains("titel") }
        #expect(
            unknown.map { DiagnosticPrinter(source: outcome.source).render($0) }
                == "a.yaml:2:3: error: unknown key 'titel' in 'agreement'; did you mean 'title'?\n  titel: x\n  ^")
    }
}

@Suite("References between sections")
struct ReferenceTests {
    @Test func technologiesAreDocumentedButNotChecked() {
        let yaml = minimalAgreement.replacingOccurrences(
            of: "  summary: A test definition.\n",
            with: "  summary: A test definition.\n  fit:\n    technologies: [Salesforce]\n")
        let outcome = load(yaml)
        #expect(outcome.agreement != nil)
        #expect(
            positions(outcome.diagnostics) == [
                "20:19: warning: fit.technologies appears in the document but is not checked by criteria_met_rate: lead exports have no technology column"
            ])
    }

    @Test func segmentScopeConditionsAreChecked() {
        let yaml = minimalAgreement.replacingOccurrences(
            of: "minimum_sample: 1}", with: "minimum_sample: 1, scope: {when: \"employes >= 1000\"}}")
        #expect(
            positions(load(yaml).diagnostics) == [
                "28:126: error: unknown field 'employes' in condition; did you mean 'employees'?"
            ])
    }

    @Test func valueMappingToAnUndefinedReason() {
        let yaml =
            minimalAgreement + """

                rejection_reasons:
                  - {id: wrong-profile, label: Wrong company profile, points_at: fit, adjustment: Tighten filters.}
                data:
                  values:
                    rejection_reason: {"bad fit": wrong-profle}
                """
        #expect(
            positions(load(yaml).diagnostics) == [
                "33:35: error: data.values.rejection_reason maps 'bad fit' to 'wrong-profle', which is not a rejection reason id; did you mean 'wrong-profile'?"
            ])
    }
}
