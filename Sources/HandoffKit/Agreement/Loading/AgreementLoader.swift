internal import Yams

/// Reads an agreement file into an `Agreement`, collecting every problem with its position.
public enum AgreementLoader {
    /// The result of loading: the agreement when there are no errors, and every diagnostic found.
    public struct Outcome: Sendable {
        /// The agreement, when there are no errors.
        public var agreement: Agreement?
        /// Every problem found, in file order.
        public var diagnostics: [Diagnostic]
        /// The decoded source text, for snippets.
        public var source: String
    }

    /// Top-level sections, in the order the reference documents them.
    static let sections = [
        "agreement", "parties", "business_hours", "stages", "mql_definition", "commitments",
        "targets", "rejection_reasons", "capacity", "meeting", "data", "team", "signoff", "history",
    ]

    /// Loads and validates an agreement file. `today` drives the overdue-review warning.
    public static func load(path: String, today: LocalDate? = nil) throws -> Outcome {
        load(bytes: try InputFile.bytes(at: path), file: path, today: today)
    }

    /// Loads and validates agreement bytes.
    static func load(bytes: [UInt8], file: String, today: LocalDate? = nil) -> Outcome {
        let (root, text, yamlProblems) = YAMLDocument.compose(bytes: bytes, file: file)
        guard yamlProblems.isEmpty else { return Outcome(agreement: nil, diagnostics: yamlProblems, source: text) }
        guard let root else {
            return Outcome(
                agreement: nil,
                diagnostics: [
                    Diagnostic(
                        .error, "the file is empty; run 'handoff init' for a starter agreement", at: nil, file: file)
                ], source: text)
        }
        let reader = NodeReader(file: file)
        let partial = read(root, reader)
        var diagnostics = reader.diagnostics
        // Semantic rules run even when some sections failed, on what could be read, so one run reports every problem.
        if let partial {
            diagnostics += AgreementRules.check(
                partial.agreement, file: file, today: partial.complete ? today : nil,
                checkSignoffs: partial.complete)
        }
        let agreement = partial?.agreement
        let sorted = diagnostics.sortedByLocation()
        return Outcome(agreement: sorted.hasErrors ? nil : agreement, diagnostics: sorted, source: text)
    }

    /// The agreement as far as it could be read; `complete` is false when a required section had to be replaced by a placeholder.
    struct Partial {
        var agreement: Agreement
        var complete: Bool
    }

    static func read(_ root: Node, _ r: NodeReader) -> Partial? {
        guard
            let top = r.fields(
                root, "the agreement file", known: sections,
                required: ["agreement", "parties", "business_hours", "mql_definition", "commitments"])
        else { return nil }
        let info = top["agreement"].flatMap { readInfo($0, r) }
        let parties = top["parties"].map { readParties($0, r) } ?? []
        let hours = top["business_hours"].flatMap { readBusinessHours($0, r) }
        let stages = top["stages"].map { readStages($0, r) } ?? []
        let definition = top["mql_definition"].flatMap { readDefinition($0, r) }
        let commitments = top["commitments"].map { readCommitments($0, r) } ?? []
        let targets = top["targets"].map { readTargets($0, r) } ?? defaultTargets(r.file)
        let reasons = top["rejection_reasons"].map { readReasons($0, r) } ?? []
        let capacity = top["capacity"].flatMap { readCapacity($0, r) }
        let meeting = top["meeting"].flatMap { readMeeting($0, r) } ?? defaultMeeting
        let data = top["data"].flatMap { readData($0, r) } ?? .standard
        let signoffs = top["signoff"].map { readSignoffs($0, r) } ?? []
        let history = top["history"].map { readHistory($0, r) } ?? []
        checkReferences(top, commitments: commitments, data: data, r)
        guard let digest = AgreementDigest.digest(of: root) else {
            r.error(
                "the document expands to more than \(NodeReader.nodeBudget) values (an alias bomb?); agreements are far smaller",
                at: root)
            return nil
        }
        let complete = info != nil && hours != nil && definition != nil
        var agreement = Agreement(
            info: info
                ?? AgreementInfo(
                    title: "", version: "", effective: LocalDate(year: 1970, month: 1, day: 1), reviewEveryMonths: 3,
                    lastReview: nil, reviewTriggers: [], purpose: "", lastReviewLocation: nil),
            parties: parties,
            businessHours: hours
                ?? BusinessHours(
                    timeZone: "UTC", days: [.monday], open: TimeOfDay(minutes: 540), close: TimeOfDay(minutes: 1020),
                    holidays: []),
            stages: stages,
            mqlDefinition: definition
                ?? MQLDefinition(
                    summary: "",
                    fit: FitCriteria(
                        employees: nil, annualRevenue: nil, industries: [], countries: [], titles: [], technologies: [],
                        technologiesLocation: nil),
                    disqualifiers: [], scoring: ScoringModel(fit: [], engagement: [], bant: [], cap: 100),
                    thresholds: [], decay: nil, fastTrack: []),
            commitments: commitments, targets: targets, rejectionReasons: reasons, capacity: capacity,
            meeting: meeting, data: data, signoffs: signoffs, digest: digest, history: history)
        if let teamNode = top["team"] { agreement.team = readTeam(teamNode, company: agreement.businessHours, r) }
        return Partial(agreement: agreement, complete: complete)
    }

    static func readInfo(_ node: Node, _ r: NodeReader) -> AgreementInfo? {
        guard
            let f = r.fields(
                node, "'agreement'", known: ["title", "version", "effective", "purpose", "review"],
                required: ["title", "version", "effective"])
        else { return nil }
        var months = 3
        var lastReview: LocalDate?
        var lastReviewLocation: SourceLocation?
        var triggers: [String] = []
        if let reviewNode = f["review"],
            let review = r.fields(reviewNode, "'agreement.review'", known: ["cadence", "last_review", "triggers"])
        {
            if let cadence = review["cadence"],
                let text = r.choice(cadence, "review cadence", from: ["monthly", "quarterly", "half-yearly", "yearly"])
            {
                months = ["monthly": 1, "quarterly": 3, "half-yearly": 6, "yearly": 12][text] ?? 3
            }
            if let node = review["last_review"] {
                lastReview = r.date(node, "last_review")
                lastReviewLocation = r.location(node)
            }
            triggers = review["triggers"].flatMap { r.strings($0, "review triggers") } ?? []
        }
        let title = f["title"].flatMap { r.string($0, "the title") }
        let version = f["version"].flatMap { r.string($0, "the version") }
        let effective = f["effective"].flatMap { r.date($0, "the effective date") }
        let purpose = f["purpose"].flatMap { r.string($0, "the purpose") } ?? ""
        guard let title, let version, let effective else { return nil }
        return AgreementInfo(
            title: title, version: version, effective: effective, reviewEveryMonths: months, lastReview: lastReview,
            reviewTriggers: triggers, purpose: purpose, lastReviewLocation: lastReviewLocation)
    }

    static func readParties(_ node: Node, _ r: NodeReader) -> [Party] {
        guard let f = r.fields(node, "'parties'", known: ["marketing", "sales"], required: ["marketing", "sales"])
        else { return [] }
        return ["marketing", "sales"].compactMap { id in
            guard let partyNode = f[id],
                let p = r.fields(
                    partyNode, "'parties.\(id)'", known: ["team", "owner", "members"], required: ["team", "owner"]),
                let team = p["team"].flatMap({ r.string($0, "the team name") }),
                let ownerNode = p["owner"],
                let owner = r.fields(
                    ownerNode, "'parties.\(id).owner'", known: ["name", "title"], required: ["name", "title"]),
                let name = owner["name"].flatMap({ r.string($0, "the owner's name") }),
                let title = owner["title"].flatMap({ r.string($0, "the owner's title") })
            else { return nil }
            let members = p["members"].flatMap { r.strings($0, "members") } ?? []
            return Party(id: id, team: team, ownerName: name, ownerTitle: title, members: members)
        }
    }

    static func readBusinessHours(_ node: Node, _ r: NodeReader) -> BusinessHours? {
        guard
            let f = r.fields(
                node, "'business_hours'", known: ["time_zone", "days", "open", "close", "holidays"],
                required: ["time_zone", "days", "open", "close"])
        else { return nil }
        var zone: String?
        if let zoneNode = f["time_zone"], let text = r.string(zoneNode, "the time zone") {
            if TimeZoneTable.isIANA(text) {
                zone = text
            } else {
                r.error(
                    "'\(text)' is not an IANA time zone; use a name like America/New_York or Europe/Berlin\(Suggestion.hint(for: text, in: TimeZoneTable.knownIdentifiers))",
                    at: zoneNode)
            }
        }
        let days = f["days"].flatMap { r.list($0, "working days") }?.compactMap { r.weekday($0, "a working day") } ?? []
        let open = f["open"].flatMap { r.time($0, "the opening time") }
        let close = f["close"].flatMap { r.time($0, "the closing time") }
        if let open, let close, open >= close, let closeNode = f["close"] {
            r.error("closing time \(close) must be after opening time \(open)", at: closeNode)
        }
        let holidays = f["holidays"].map { readHolidayList($0, r, "holidays") } ?? []
        guard let zone, let open, let close, !days.isEmpty else { return nil }
        return BusinessHours(timeZone: zone, days: days, open: open, close: close, holidays: holidays)
    }

    static func readStages(_ node: Node, _ r: NodeReader) -> [Stage] {
        guard let items = r.list(node, "'stages'") else { return [] }
        return items.compactMap { item in
            guard
                let f = r.fields(
                    item, "a stage", known: ["id", "name", "owner", "definition"],
                    required: ["id", "owner", "definition"]),
                let id = f["id"].flatMap({ r.string($0, "the stage id") }),
                let ownerNode = f["owner"], let owner = r.string(ownerNode, "the stage owner"),
                let definition = f["definition"].flatMap({ r.string($0, "the stage definition") })
            else { return nil }
            let name = f["name"].flatMap { r.string($0, "the stage name") } ?? id
            return Stage(
                id: id, name: name, owner: owner, definition: definition, location: r.location(item),
                ownerLocation: r.location(ownerNode))
        }
    }
}
