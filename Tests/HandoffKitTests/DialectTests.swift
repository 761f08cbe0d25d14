import Foundation
import HandoffIO
import Testing

@testable import HandoffKit

/// CSV dialects (encoding, delimiter, line ends) detected from the bytes, numbers as exports write them, and report
/// footers recognised and left out.
@Suite("Dialects, export numbers and report footers")
struct DialectTests {
    func agreement(_ data: String = "") throws -> Agreement {
        let outcome = load(minimalAgreement + "\n" + data)
        return try #require(outcome.agreement, "\(positions(outcome.diagnostics))")
    }

    /// Four leads, each cell given in the words of one dialect: (plain UTF-8 comma, decimal-comma, plain, UK/US).
    static let rows: [[String]] = [
        [
            "lead_id", "source", "owner", "company", "country", "employees", "annual_revenue", "score", "attempt_count",
            "mql_at", "routed_at", "first_touch_at", "status", "decision",
        ],
        [
            "L1", "web", "Ana Souza", "Société Générale", "France", "1200", "54805.5", "85.5", "3",
            "2026-11-09 10:00", "2026-11-09 10:05", "2026-11-09 10:20", "accepted", "accepted",
        ],
        [
            "L2", "events", "Björn Åberg", "Müller GmbH", "Germany", "250", "1240000", "40", "1",
            "2026-11-10 11:00", "2026-11-10 11:02", "2026-11-10 14:30", "working", "",
        ],
        [
            "L3", "web", "Ana Souza", "O’Neil, Byrne & Co", "Ireland", "50", "-5000", "12", "0",
            "2026-11-11 09:30", "2026-11-11 09:31", "2026-11-11 09:45", "rejected", "rejected",
        ],
        [
            "L4", "partner", "Björn Åberg", "Créteil Labs", "France", "124000", "999", "", "2",
            "2026-11-12 16:00", "2026-11-12 16:10", "", "open", "",
        ],
    ]

    /// How each dialect writes employees, annual_revenue, score and attempt_count of leads 1–4.
    static let numbers: [String: [[String]]] = [
        "comma": [
            ["\" 1,200 \"", "\"$54,805.50 \"", "85.5", "3"], ["250", "\"$1,240,000.00 \"", "40", "1"],
            ["50", "\"($5,000.00)\"", "12", "0"], ["\"1,24,000\"", "$999.00 ", "", "2"],
        ],
        "semicolon": [
            ["1.200", "54.805,50 €", "85,5", "3"], ["250", "1.240.000,00 €", "40", "1,0"],
            ["50", "-5.000,00 €", "12", "0"], ["124.000", "999,00 €", "", "2"],
        ],
        "tab": [
            ["1200", "USD 54805.50", "85.5", "3"], ["250", "USD 1240000", "40", "1"],
            ["50", "(5000.00)", "12", "0"], ["124000", "USD 999", "", "2"],
        ],
        "pipe": [
            ["1,200", "£54,805.50", "85.5", "3"], ["250", "£1,240,000", "40", "1"],
            ["50", "-£5,000", "12", "0"], ["124,000", "£999", "", "2"],
        ],
    ]

    /// The leads as one dialect writes them: its numbers, `delimiter`, `lineEnd`; text fields holding the delimiter quoted.
    static func text(_ style: String, delimiter: String, lineEnd: String) -> String {
        rows.enumerated().map { r, row in
            row.enumerated().map { c, cell in
                if r > 0, (5...8).contains(c) { return numbers[style]![r - 1][c - 5] }
                return cell.contains(delimiter) ? "\"\(cell)\"" : cell
            }.joined(separator: delimiter)
        }.joined(separator: lineEnd) + lineEnd
    }

    /// What a user sees of each lead: every field the ledger holds, as text.
    static func summary(_ l: LeadLedger) -> [String] {
        l.leads.map { lead in
            let times = [lead.mqlAt, lead.routedAt, lead.firstTouchAt].map { $0.map(Dates.iso) ?? "-" }.joined(
                separator: " ")
            return [
                l.id(of: lead), l.texts[lead.source], l.texts[lead.owner], l.texts[lead.company], l.texts[lead.country],
                "\(lead.employees.map { "\($0)" } ?? "-")", "\(lead.annualRevenue.map { "\($0)" } ?? "-")",
                "\(lead.score.map { "\($0)" } ?? "-")", "\(lead.attemptCountColumn.map { "\($0)" } ?? "-")", times,
                lead.status?.rawValue ?? "-", lead.decision?.rawValue ?? "-",
            ].joined(separator: " | ")
        }
    }

    /// The same leads as UTF-8 comma, UTF-8 with BOM and `;` with decimal commas, UTF-16LE tab with BOM, and
    /// Windows-1252 `|` with CRLF give the same ledger and the same verdicts, and each dialect is detected.
    @Test func everyDialectGivesTheSameLedgerAndVerdicts() throws {
        let dir = try temporaryDirectory()
        let files: [(name: String, bytes: [UInt8], dialect: String)] = [
            (
                "comma.csv", Array(Self.text("comma", delimiter: ",", lineEnd: "\n").utf8),
                "utf-8, comma-delimited, LF line ends"
            ),
            (
                "semicolon.csv",
                [0xEF, 0xBB, 0xBF] + Array(Self.text("semicolon", delimiter: ";", lineEnd: "\n").utf8),
                "utf-8-bom, semicolon-delimited, LF line ends"
            ),
            (
                "tab.csv",
                [0xFF, 0xFE]
                    + Self.text("tab", delimiter: "\t", lineEnd: "\n").utf16.flatMap {
                        [UInt8($0 & 0xFF), UInt8($0 >> 8)]
                    },
                "utf-16le, tab-delimited, LF line ends"
            ),
            (
                "pipe.csv",
                try #require(Self.text("pipe", delimiter: "|", lineEnd: "\r\n").data(using: .windowsCP1252)).map { $0 },
                "windows-1252, pipe-delimited, CRLF line ends"
            ),
        ]
        let a = try agreement()
        var ledgers: [[String]] = []
        var verdicts: [[String]] = []
        for file in files {
            let path = (dir as NSString).appendingPathComponent(file.name)
            try Data(file.bytes).write(to: URL(fileURLWithPath: path))
            let l = try LeadLoader(agreement: a).load(DataSources(leads: path))
            #expect(l.quality.issues.map(\.description) == [], "\(file.name)")
            #expect(l.quality.rowsRead[path] == 4, "\(file.name)")
            #expect(l.quality.dialects[path]?.description == file.dialect)
            ledgers.append(Self.summary(l))
            let s = Evaluator.scorecard(
                try EvaluationContext(agreement: a, ledger: l, period: .week("2026-W46"), asOf: 1_795_000_000))
            verdicts.append(
                s.commitments.map { "\($0.commitment.id): \($0.verdict.words) \($0.valueText) of \($0.denominator)" })
            let md = try DocumentRenderer().render(
                .scorecard, data: ScorecardDocument.data(s, agreement: a), title: "Scorecard", format: .markdown)
            #expect(md.contains("Read as: ") == (file.name != "comma.csv"))
            if file.name == "pipe.csv" {
                #expect(md.contains("Read as: pipe.csv as windows-1252, pipe-delimited, CRLF line ends."))
            }
        }
        #expect(
            ledgers[0] == [
                "L1 | web | Ana Souza | Société Générale | France | 1200.0 | 54805.5 | 85.5 | 3 | 2026-11-09T15:00:00Z 2026-11-09T15:05:00Z 2026-11-09T15:20:00Z | accepted | accepted",
                "L2 | events | Björn Åberg | Müller GmbH | Germany | 250.0 | 1240000.0 | 40.0 | 1 | 2026-11-10T16:00:00Z 2026-11-10T16:02:00Z 2026-11-10T19:30:00Z | working | -",
                "L3 | web | Ana Souza | O’Neil, Byrne & Co | Ireland | 50.0 | -5000.0 | 12.0 | 0 | 2026-11-11T14:30:00Z 2026-11-11T14:31:00Z 2026-11-11T14:45:00Z | rejected | rejected",
                "L4 | partner | Björn Åberg | Créteil Labs | France | 124000.0 | 999.0 | - | 2 | 2026-11-12T21:00:00Z 2026-11-12T21:10:00Z - | open | -",
            ])
        for k in 1..<files.count {
            #expect(ledgers[k] == ledgers[0], "\(files[k].name)")
            #expect(verdicts[k] == verdicts[0], "\(files[k].name)")
        }
        #expect(verdicts[0] == ["first-touch: missed 50% of 4"])
    }

    /// The Salesforce lead export: no BOM, bytes ≥ 0x80 only as Windows-1252 (`file` calls it ISO-8859-1), CRLF.
    /// `Créteil` reads as written; lakh-grouped population densities and thousands-grouped scores read as numbers.
    @Test(.enabled(if: ExternalDataTests.available)) func salesforceLeadsAreWindows1252() throws {
        let path = (sharedData as NSString).appendingPathComponent("crm-analytics-salesforce/Lead.redacted.csv")
        let dialect = try Dialect.detect(path)
        #expect(dialect == Dialect(encoding: .windows1252, delimiter: 0x2C, lineEnd: .crlf))
        #expect(dialect.description == "windows-1252, comma-delimited, CRLF line ends")
        let a = try agreement(
            """
            data:
              columns: {lead_id: Lead ID, company: City, country: Country, employees: Population Density, score: Pardot Score}
              values:
                status: {nurturing: nurture, prospect: open, mql: open, untouched: open, sql: accepted, qualified: accepted,
                         converted: accepted, disqualified: rejected}
            """)
        let l = try LeadLoader(agreement: a).load(DataSources(leads: path))
        #expect(l.leads.count == 10_000)
        #expect(l.quality.issueCount == 0)
        #expect(l.quality.footers.isEmpty)
        let lead = try #require(l.index(ofID: "00Q5A00001RC1j2UAD").map { l.leads[$0] })
        #expect(l.texts[lead.company] == "Créteil")
        #expect(l.texts[lead.country] == "FRANCE")
        #expect(l.leads.filter { l.texts[$0.country] == "Türkiye" }.count == 1)
        let densities = l.leads.compactMap(\.employees)
        #expect(densities.count == 944)
        #expect(densities.reduce(0, +) == 247_790_632)
        #expect(densities.contains(124_000))
        let scores = l.leads.compactMap(\.score)
        #expect(scores.count == 9581)
        #expect(scores.reduce(0, +) == 188_725)
        #expect(scores.min() == -108)
    }

    /// MarketStar's Tableau crosstab: UTF-16LE with a BOM, tab-separated, LF. 2,554 rows of 989 leads.
    @Test(.enabled(if: ExternalDataTests.available)) func marketstarCrosstabIsUTF16Tab() throws {
        let path = (sharedData as NSString).appendingPathComponent("marketstar-sdr-case/experience-map.csv")
        #expect(try Dialect.detect(path) == Dialect(encoding: .utf16LE, delimiter: 0x09, lineEnd: .lf))
        let a = try agreement(
            "data:\n  columns: {lead_id: LeadId (Activities.csv), attempt_count: Distinct count of Activity Date}")
        let l = try LeadLoader(agreement: a).load(DataSources(leads: path))
        #expect(l.quality.rowsRead[path] == 2554)
        #expect(l.leads.count == 989)
        #expect(l.quality.rowsSkipped == 2554 - 989)
        #expect(l.quality.cellsBlanked == 0)
        #expect(l.id(of: l.leads[0]) == "441")
        #expect(l.leads[0].attemptCountColumn == 4)
        // The plain UTF-8 leads file next to it is detected as such (its one U+FFFD is 3.6 MB in).
        #expect(
            try Dialect.detect((sharedData as NSString).appendingPathComponent("marketstar-sdr-case/Leads.csv"))
                == Dialect(encoding: .utf8, delimiter: 0x2C, lineEnd: .crlf))
    }

    /// The opportunity table ends in a summary row of counts (line 4653, after 5 quoted line breaks): reported with
    /// its line, never counted as a record.
    @Test(.enabled(if: ExternalDataTests.available)) func opportunityTableSummaryRowIsAFooter() throws {
        let path = (sharedData as NSString).appendingPathComponent(
            "crm-analytics-salesforce/Oppertuninty Table.redacted.csv")
        let a = try agreement("data:\n  columns: {lead_id: Opportunity ID, source: Lead Source}")
        let l = try LeadLoader(agreement: a, cores: 2, minimumSpan: 100_000).load(DataSources(leads: path))
        #expect(l.leads.count == 4646)
        #expect(l.quality.rowsRead[path] == 4646)
        #expect(l.index(ofID: "0") == nil)
        #expect(!l.quality.issues.contains { $0.line == 4653 })
        #expect(
            l.quality.footers.map(\.description) == [
                "\(path):4653: report footer ',,,2937,4623,4601,0,0,3002,1320,4478,437…', not counted (a summary row of numbers without a record id)"
            ])
        #expect(l.quality.dialects[path] == Dialect(encoding: .windows1252, delimiter: 0x2C, lineEnd: .crlf))
    }

    /// A `Total` line, Salesforce's footer block (totals, copyright, org name, "Generated By") and a summary row are
    /// left out and reported; a last lead that merely mentions a total is kept.
    @Test func reportFootersAreReportedNotCounted() throws {
        let dir = try temporaryDirectory()
        let a = try agreement()
        let total = try write("lead_id,employees\nL1,1000\nL2,2200\n\nTotal,3200\n", "total.csv", in: dir)
        let l1 = try LeadLoader(agreement: a).load(DataSources(leads: total))
        #expect(l1.leads.map(l1.id(of:)) == ["L1", "L2"])
        #expect(
            l1.quality.footers.map(\.description) == [
                "\(total):5: report footer 'Total,3200', not counted (a report's totals or footer line)"
            ])
        #expect(l1.quality.issueCount == 0)

        let salesforce = try write(
            """
            Lead ID,Company / Account,Lead Status\r
            00Q1,"Acme, Inc.",Open - Not Contacted\r
            00Q2,Total Care Ltd,Working - Contacted\r
            \r
            "Grand Totals (2 records)"\r
            \r
            "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\r
            "Confidential Information - Do Not Distribute"\r
            "Generated By:  Jane Doe  11/20/2026 3:14 PM"\r
            "Acme Corp"\r

            """, "report.csv", in: dir)
        let l2 = try LeadLoader(agreement: try agreement("data: {preset: salesforce}")).load(
            DataSources(leads: salesforce))
        #expect(l2.leads.map(l2.id(of:)) == ["00Q1", "00Q2"])
        #expect(l2.texts[l2.leads[1].company] == "Total Care Ltd")
        #expect(
            l2.quality.footers.map { "\($0.line) \($0.shown)" } == [
                "5 Grand Totals (2 records)", "7 Copyright (c) 2000-2026 salesforce.com, …",
                "8 Confidential Information - Do Not Distri…",
                "9 Generated By:  Jane Doe  11/20/2026 3:14…", "10 Acme Corp",
            ])
        #expect(l2.quality.issueCount == 0)

        // An activities export's footer is left out too (not an activity for an unknown lead "Total"), and the
        // scorecard's data-quality notes list every footer with its file and line.
        let activities = try write("lead_id,at,type\nL1,2026-11-16 10:00,call\nTotal,1,\n", "activities.csv", in: dir)
        let l5 = try LeadLoader(agreement: a).load(DataSources(leads: total, activities: activities))
        #expect(l5.quality.issueCount == 0)
        #expect(l5.activities.count == 1)
        #expect(l5.quality.footers.map { "\($0.line) \($0.shown)" } == ["5 Total,3200", "3 Total,1,"])
        let s = Evaluator.scorecard(try EvaluationContext(agreement: a, ledger: l5, asOf: 1_795_000_000))
        let md = try DocumentRenderer().render(
            .scorecard, data: ScorecardDocument.data(s, agreement: a), title: "Scorecard", format: .markdown)
        #expect(
            md.contains(
                "Report footer rows not counted: total.csv line 5 'Total,3200'; activities.csv line 3 'Total,1,'."))

        // Numeric ids: a trailing row of numbers with an id is a lead (it may be one), never taken for a footer.
        let numeric = try write("lead_id,employees\n1,10\n2,20\n3,30\n", "numeric.csv", in: dir)
        let l3 = try LeadLoader(agreement: a).load(DataSources(leads: numeric))
        #expect(l3.leads.count == 3)
        #expect(l3.quality.footers.isEmpty)
        // A first cell that is a footer word but an id in the id column: a lead.
        let worded = try write("source,lead_id\nweb,L1\nTotal,L2\n", "worded.csv", in: dir)
        let l4 = try LeadLoader(agreement: a).load(DataSources(leads: worded))
        #expect(l4.leads.map(l4.id(of:)) == ["L1", "L2"])
        #expect(l4.quality.footers.isEmpty)
    }

    /// Numbers as exports write them, and what is still not one.
    @Test func exportNumbers() {
        func value(_ text: String, _ decimalComma: Bool = false) -> String {
            switch ExportNumber.parse(text, decimalComma: decimalComma) {
            case .success(let v): return "\(v)"
            case .failure(let p): return p.reason
            }
        }
        #expect(value("\"$54,805.00 \"".replacingOccurrences(of: "\"", with: "")) == "54805.0")
        #expect(value("($5,000.00)") == "-5000.0")
        #expect(value("(5,000.00)") == "-5000.0")
        #expect(value("1,24,000") == "124000.0")
        #expect(value("52,85,107") == "5285107.0")
        #expect(value("1,240,000") == "1240000.0")
        #expect(value("USD 1,200") == "1200.0")
        #expect(value("1 200 €") == "1200.0")
        #expect(value("₹12,40,000") == "1240000.0")
        #expect(value("-£5,000") == "-5000.0")
        #expect(value("342.09K") == "342090.0")
        #expect(value("1.234,56") == "1234.56")
        #expect(value("1.234,56", true) == "1234.56")
        #expect(value("1,5", true) == "1.5")
        #expect(value("1.234", true) == "1234.0")
        #expect(value("12.5", true) == "12.5")
        #expect(
            value("1,5")
                == "not a number: the digit groups of '1,5' are neither thousands (1,240,000) nor lakhs (12,40,000)")
        #expect(value("lots") == "not a number")
        #expect(value("1e300") == "not a number")
        #expect(value("-1e300") == "not a number")
        #expect(value("$") == "not a number")
        #expect(value("--5") == "not a number")
        #expect(value("1.2.3,4,5") == "not a number")
        #expect(value("1,234.5.6") == "not a number")
    }

    /// A cell that is still not a number is reported with file, line, column, value and why.
    @Test func unreadableNumbersAreReported() throws {
        let dir = try temporaryDirectory()
        let path = try write(
            "lead_id,employees,attempt_count\nL1,\"1,5\",2.5\nL2,\"$1,200 \",\"1,000\"\n", "leads.csv", in: dir)
        let l = try LeadLoader(agreement: try agreement()).load(DataSources(leads: path))
        #expect(
            l.quality.issues.map(\.description) == [
                "\(path):2: column employees, value '1,5': not a number: the digit groups of '1,5' are neither thousands (1,240,000) nor lakhs (12,40,000) — cell treated as blank",
                "\(path):2: column attempt_count, value '2.5': not a whole number — cell treated as blank",
            ])
        #expect(l.leads[1].employees == 1200)
        #expect(l.leads[1].attemptCountColumn == 1000)
    }

    /// `data.encoding` and `data.delimiter` override detection; unknown values are errors naming the accepted ones.
    @Test func agreementOverridesAndTheirErrors() throws {
        let dir = try temporaryDirectory()
        // 0x92 is a curly apostrophe in Windows-1252 and a C1 control in ISO-8859-1: only an override gives the latter.
        let path = (dir as NSString).appendingPathComponent("leads.csv")
        try Data(Array("lead_id;company\nL1;O".utf8) + [0x92] + Array("Neil\n".utf8)).write(
            to: URL(fileURLWithPath: path))
        let detected = try LeadLoader(agreement: try agreement()).load(DataSources(leads: path))
        #expect(detected.texts[detected.leads[0].company] == "O’Neil")
        let latin = try LeadLoader(agreement: try agreement("data: {encoding: ISO-8859-1, delimiter: ';'}")).load(
            DataSources(leads: path))
        #expect(latin.texts[latin.leads[0].company] == "O\u{92}Neil")
        #expect(latin.quality.dialects[path]?.encoding == .iso88591)
        // A forced delimiter: the whole line is one lead id.
        let comma = try LeadLoader(agreement: try agreement("data: {delimiter: comma}")).load(
            DataSources(leads: try write("lead_id\nL1;x\n", "one.csv", in: dir)))
        #expect(comma.leads.map(comma.id(of:)) == ["L1;x"])

        #expect(
            positions(load(minimalAgreement + "\ndata: {encoding: ebcdic}").diagnostics) == [
                "29:18: error: unknown data.encoding 'ebcdic'; use one of utf-8, utf-8-bom, utf-16le, utf-16be, iso-8859-1, windows-1252 (or leave it out to detect it from the file)"
            ])
        #expect(
            positions(load(minimalAgreement + "\ndata: {delimiter: ':'}").diagnostics) == [
                "29:19: error: unknown data.delimiter ':'; use ',' (comma), ';' (semicolon), '\\t' (tab) or '|' (pipe) (or leave it out to detect it from the file)"
            ])
    }

    /// The lead owner's hook: a per-file dialect passed to `ReadFile` wins over detection and the agreement.
    @Test func aGivenDialectWinsOverDetection() throws {
        let dir = try temporaryDirectory()
        let path = try write("lead_id|company\nL1|Acme, Inc.\n", "leads.txt", in: dir)
        let loader = try LeadLoader(agreement: try agreement("data: {delimiter: ','}"))
        let file = try ReadFile(.leads, path, loader, dialect: Dialect(encoding: .utf8, delimiter: 0x7C))
        defer { Spool.remove(file) }
        #expect(file.dialect == Dialect(encoding: .utf8, delimiter: 0x7C, lineEnd: .lf))
        #expect(file.source == path)
        let detected = try ReadFile(.leads, path, try LeadLoader(agreement: try agreement()))
        #expect(detected.dialect.delimiter == 0x7C)
    }

    /// The whole file decides the encoding, read in parts on several cores: a character cut by a part boundary is
    /// fine, one stray Windows-1252 byte at the very end is not.
    @Test func wholeFileUTF8Check() throws {
        let dir = try temporaryDirectory()
        let path = (dir as NSString).appendingPathComponent("big.csv")
        var bytes = [UInt8](repeating: 0x61, count: 40 << 20)
        for k in stride(from: 99, to: bytes.count, by: 100) { bytes[k] = 0x0A }
        let middle = bytes.count / 2
        bytes[middle - 1] = 0xC3
        bytes[middle] = 0xA9 // é across the boundary of two parts
        bytes[middle + 10] = 0xE2
        bytes[middle + 11] = 0x80
        bytes[middle + 12] = 0x99 // ’
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try CSVReader.FilePass.isUTF8(path, cores: 2))
        #expect(try CSVReader.FilePass.isUTF8(path, cores: 1))
        try Data(bytes + [0x92, 0x0A]).write(to: URL(fileURLWithPath: path))
        #expect(try !CSVReader.FilePass.isUTF8(path, cores: 2))
        #expect(try Dialect.detect(path, cores: 2).encoding == .windows1252)
        try Data(bytes + [0xC3]).write(to: URL(fileURLWithPath: path))
        #expect(try !CSVReader.FilePass.isUTF8(path, cores: 2))
        try Data(bytes + [0xED, 0xA0, 0x80]).write(to: URL(fileURLWithPath: path)) // a surrogate
        #expect(try !CSVReader.FilePass.isUTF8(path, cores: 2))
    }

    /// Random short texts and bytes (a fixed seed) never trap the number reader, the footer rules or the transcoder.
    @Test func randomInputNeverTraps() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33) % n
        }
        let alphabet = Array("0123456789,.-+()$€£₹ eEkKmMbBUSDRs'\u{A0}%ß\"")
        var parsed = 0
        for _ in 0..<20_000 {
            let text = String((0..<next(14)).map { _ in alphabet[next(alphabet.count)] })
            for decimalComma in [false, true] {
                if case .success(let v) = ExportNumber.parse(text, decimalComma: decimalComma) {
                    #expect(v.isFinite && abs(v) < Amount.largest, "\(text)")
                    parsed += 1
                }
            }
            _ = FooterScan.classify(
                text.split(separator: ",", omittingEmptySubsequences: false).map(String.init), idColumn: next(3))
        }
        #expect(parsed > 1000)
        for encoding in Dialect.Encoding.allCases {
            var transcoder = Transcoder(encoding)
            for _ in 0..<200 {
                let bytes = (0..<next(9)).map { _ in UInt8(truncatingIfNeeded: next(256)) }
                #expect(
                    String(validating: transcoder.utf8(bytes, final: next(4) == 0), as: UTF8.self) != nil
                        || !encoding.needsTranscoding)
            }
        }
    }

    /// Delimiter detection: the candidate with one consistent field count wins; quoted delimiters do not count.
    @Test func delimiterDetection() {
        func detect(_ text: String) -> String { Dialect.delimiterName(Dialect.detectDelimiter(Array(text.utf8))) }
        #expect(detect("a,b,c\n1,2,3\n") == "comma")
        #expect(detect("id;amount;note\n1;1,5;\"x;y\"\n2;2,5;z\n") == "semicolon")
        #expect(detect("id\tnote\n1\ta, b, c\n2\td, e\n") == "tab")
        #expect(detect("Leads report\n\nid|name\n1|Smith, J\n") == "pipe")
        #expect(detect("lead_id\nL1\n") == "comma")
    }
}
