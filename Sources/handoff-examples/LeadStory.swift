import HandoffKit

/// One generated lead with its sales activities and marketing engagement, all instants in UTC seconds.
struct LeadStory {
    var id: String
    var createdAt: Int64
    var source: String
    var owner: String
    var company: String
    var industry: String
    var employees: String
    var revenue: String
    var country: String
    var title: String
    var score: Int
    var mqlAt: Int64?
    var routedAt: Int64?
    var status: String
    var decision: String
    var decisionAt: Int64?
    var reason: String
    var sqlAt: Int64?
    var opportunityAt: Int64?
    var wonAt: Int64?
    var timeline: String
    var useCase: String
    var budget: String
    var content: String
    var activities: [(at: Int64, type: String, outcome: String)] = []
    var engagement: [(at: Int64, action: String)] = []
    /// A raw value to write instead of a field, to exercise the messy-input handling.
    var raw: [String: String] = [:]
}

/// Writes the story of lead `k` arriving at `arrival`, as the CRM would have recorded it by `asOf`.
struct StoryTeller {
    let clock: BusinessClock
    let asOf: Int64
    let lateWeeksFrom: Int64
    /// Owners who work their own hours or are away (agreement `team:` and team.csv): their touches follow their clock.
    var ownerClocks: [String: BusinessClock] = [:]

    func story(_ k: Int, arrival: Int64, rng: inout SplitMix) -> LeadStory {
        let industry = rng.pick(Catalogue.industries)
        let misfit = !["Financial Services", "Healthcare", "SaaS"].contains(industry) || rng.chance(0.04)
        let employees = misfit && rng.chance(0.5) ? rng.int(10...180) : rng.int(260...4800)
        let country = rng.pick(Catalogue.countries)
        let seniorTitles = Catalogue.titles.filter { !["Senior Analyst", "Data Engineer", "Student"].contains($0.0) }
        let title = misfit ? rng.pick(Catalogue.titles) : rng.pick(seniorTitles)
        let company =
            "\(rng.pick(Catalogue.prefixes))\(rng.pick(Catalogue.cores)) \(rng.pick(Catalogue.suffixes[industry] ?? ["Group"]))"
        let isMQL = rng.chance(0.42)
        let hot = isMQL && rng.chance(0.22)
        var s = LeadStory(
            id: "L-\(String(100_000 + k))",
            createdAt: isMQL ? arrival - Int64(rng.int(1...20) * 86400 + rng.int(0...40_000)) : arrival,
            source: rng.pick(Catalogue.sources), owner: rng.pick(Catalogue.owners), company: company,
            industry: industry,
            employees: String(employees), revenue: "\(rng.int(12...480))000000", country: country, title: title,
            score: 0, mqlAt: nil, routedAt: nil, status: "open", decision: "", decisionAt: nil, reason: "", sqlAt: nil,
            opportunityAt: nil, wonAt: nil, timeline: rng.pick(Catalogue.timelines),
            useCase: rng.chance(0.6) ? "Forecast accuracy" : "",
            budget: rng.chance(0.4) ? "$50K–$100K" : "", content: rng.pick(Catalogue.content))
        engagement(&s, mqlAt: arrival, hot: hot, isMQL: isMQL, rng: &rng)
        guard isMQL else {
            s.status = rng.chance(0.7) ? "open" : "nurture"
            s.score = rng.int(10...70)
            return s
        }
        s.mqlAt = arrival
        s.score = rng.int(75...140)
        if rng.chance(0.03) { s.content = "" }
        // Routing: almost always within minutes.
        let routeRoll = rng.unit()
        let routed: Int64? =
            routeRoll < 0.972
            ? arrival + Int64(rng.int(40...280)) : routeRoll < 0.995 ? arrival + Int64(rng.int(6...90) * 60) : nil
        s.routedAt = routed.flatMap { $0 <= asOf ? $0 : nil }
        guard let handoff = s.routedAt ?? (routed == nil ? arrival : nil) else { return s }
        // First touch on the business clock.
        let touchRoll = rng.unit()
        var minutes: Int?
        if hot {
            minutes = touchRoll < 0.86 ? rng.int(1...4) : touchRoll < 0.98 ? rng.int(6...45) : nil
        } else {
            minutes = touchRoll < 0.89 ? rng.int(2...28) : touchRoll < 0.985 ? rng.int(31...200) : nil
        }
        let unresponsive = rng.chance(0.14)
        if let minutes {
            let first = clock.deadline(from: handoff, after: Int64(minutes * 60)) + Int64(rng.int(0...50))
            var at = first
            let attempts = unresponsive ? (rng.chance(0.78) ? rng.int(6...8) : rng.int(2...5)) : rng.int(1...3)
            for n in 0..<attempts where at <= asOf {
                s.activities.append(
                    (
                        at, n == 0 ? "call" : rng.pick(["call", "email", "email", "sms"]),
                        n == 0 ? "no answer" : "left message"
                    ))
                at = clock.deadline(from: at, after: Int64(rng.int(60...600) * 60))
            }
            if rng.chance(0.1), first + 1800 <= asOf { s.activities.append((first + 1800, "note", "")) }
            if let own = ownerClocks[s.owner] {
                // The same business minutes, on the owner's own clock: a rep away touches the lead when back.
                s.activities = s.activities.compactMap { a in
                    let t = own.deadline(from: handoff, after: clock.elapsed(from: handoff, to: a.at))
                    return t <= asOf ? (t, a.type, a.outcome) : nil
                }
            }
        }
        // Decision within a day, usually.
        let decided = rng.chance(0.975) && minutes != nil
        let decisionAt =
            handoff + Int64(rng.chance(0.96) ? rng.int(1...20) * 3600 : rng.int(25...60) * 3600)
            + Int64(rng.int(0...3000))
        guard decided, decisionAt <= asOf else {
            s.status = s.activities.isEmpty ? "open" : "working"
            return s
        }
        let late = arrival >= lateWeeksFrom
        let rejectRoll = rng.unit()
        let rejected = misfit ? rejectRoll < 0.85 : rejectRoll < (late ? 0.27 : 0.19)
        s.decisionAt = decisionAt
        let attemptsDone = s.activities.filter { $0.type != "note" }.count
        if unresponsive && !rejected {
            // Marked unresponsive once the attempts were made (or given up early, which breaks the SLA).
            s.decision = "accepted"
            s.status = attemptsDone >= 2 ? "unresponsive" : "working"
        } else if rejected {
            s.decision = "rejected"
            s.status = rng.chance(0.7) ? "rejected" : "nurture"
            if rng.chance(0.05) {
                s.reason = ""
            } else if misfit || (late && rng.chance(0.45)) {
                s.reason = "wrong company profile"
            } else {
                s.reason = rng.pick(Catalogue.reasons)
            }
        } else {
            s.decision = "accepted"
            s.status = "working"
            if rng.chance(0.5) {
                let sql = decisionAt + Int64(rng.int(2...20) * 86400)
                if sql <= asOf {
                    s.sqlAt = sql
                    s.status = "accepted"
                    if rng.chance(0.6) {
                        let opp = sql + Int64(rng.int(1...9) * 86400)
                        if opp <= asOf { s.opportunityAt = opp }
                    }
                    if let opp = s.opportunityAt, rng.chance(0.3) {
                        let won = opp + Int64(rng.int(14...60) * 86400)
                        if won <= asOf { s.wonAt = won }
                    }
                }
            }
        }
        return s
    }

    private func engagement(_ s: inout LeadStory, mqlAt: Int64, hot: Bool, isMQL: Bool, rng: inout SplitMix) {
        var events: [(Int64, String)] = []
        func before(_ days: Int) -> Int64 { mqlAt - Int64(days * 86400 + rng.int(0...80_000)) }
        for _ in 0..<rng.int(1...4) { events.append((before(rng.int(1...40)), "email_open")) }
        for _ in 0..<rng.int(0...2) { events.append((before(rng.int(1...25)), "blog_read")) }
        if isMQL {
            if rng.chance(0.75) { events.append((before(rng.int(1...10)), "webinar_attended")) }
            events.append((before(rng.int(0...6)), "pricing_page_visit"))
            for _ in 0..<rng.int(1...2) { events.append((before(rng.int(2...30)), "ebook_download")) }
            if hot {
                events.append((mqlAt - Int64(rng.int(60...600)), rng.chance(0.7) ? "demo_request" : "contact_sales"))
            }
        } else if rng.chance(0.3) {
            events.append((before(rng.int(1...20)), "ebook_download"))
        }
        s.engagement = events.map { (at: $0.0, action: $0.1) }
    }
}
