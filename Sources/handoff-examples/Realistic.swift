/// The `realistic` profile: what a CRM export of a real database looks like, as opposed to the compact example data.
/// Company names mostly distinct with a long tail of repeats, contact details per lead, free-text notes with commas,
/// quotes and line breaks, amounts and instants nearly all distinct, and side files in time order across all leads.
enum Realistic {
    static let syllables = [
        "ab", "ar", "bel", "bri", "cal", "cor", "dan", "del", "el", "en", "fal", "fer", "gar", "gen", "hal", "hex",
        "in", "ion", "jan", "kal", "kor", "lan", "lux", "mar", "mor", "nav", "nor", "ol", "or", "pax", "per", "qua",
        "ran", "rix", "sal", "sen", "tal", "tor", "ul", "var", "ven", "wel", "xen", "yor", "zan", "zel", "tri", "sto",
    ]
    static let words = [
        "Logistics", "Holdings", "Analytics", "Partners", "Group", "Systems", "Technologies", "Solutions", "Labs",
        "Health",
        "Capital", "Foods", "Energy", "Media", "Networks", "Consulting", "Robotics", "Pharma", "Insurance", "Freight",
    ]
    static let forms = ["Inc.", "LLC", "Ltd", "GmbH", "Corp.", "Co.", "S.A.", "PLC", "", "", "", ""]
    static let firstNames = [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William",
        "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen", "Wei", "Aisha",
        "Olga", "Hiroshi", "Fatima", "Lars", "Priya", "Mateo", "Chloé", "Jürgen", "Sean", "Nkechi", "Tomás", "Ana",
    ]
    static let lastNames = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Lee",
        "Nguyen", "Kowalski", "O'Brien", "Müller", "Rossi", "Tanaka", "Okafor", "Singh", "Andersson", "Dubois",
        "Hernández", "Cohen", "Ivanova", "Walsh", "Kim", "Patel", "Silva", "Novak", "Haddad", "Schmidt", "Moreau",
    ]
    static let cities = [
        "New York", "Austin", "Toronto", "London", "Chicago", "Boston", "Denver", "Seattle", "Atlanta", "Vancouver",
        "Manchester", "Berlin", "Bangalore", "San Diego", "Raleigh", "Columbus", "Phoenix", "Montreal", "Dublin",
        "Miami",
    ]
    static let topics = [
        "pricing", "the renewal", "data quality", "a pilot", "Q3 budget", "integration with Salesforce", "SSO",
        "forecast accuracy",
        "onboarding", "a competitor's quote", "the security review", "headcount plans",
    ]
    static let campaigns = [
        "Forecasting webinar", "Pipeline eBook", "Paid search – brand", "Paid search – competitor", "Newsletter",
        "Partner co-marketing", "Field event", "Retargeting", "ROI calculator", "Customer story",
    ]

    /// A company name for lead `k`: about 15% from a head of popular names (a long tail by a power law), else a name
    /// of its own from about 50 million combinations.
    static func company(_ rng: inout SplitMix, leads: Int) -> String {
        if rng.chance(0.15) {
            let head = max(50, leads / 100)
            let u = rng.unit()
            let i = Int(Double(head) * u * u * u)
            if i == 0 && rng.chance(0.02) { return "Globex Analytics" }
            var named = SplitMix(seed: UInt64(i) &* 0x9E37_79B9 &+ 7)
            return uniqueName(&named)
        }
        return uniqueName(&rng)
    }

    static func uniqueName(_ rng: inout SplitMix) -> String {
        let n = rng.int(2...3)
        var stem = ""
        for _ in 0..<n { stem += rng.pick(syllables) }
        let name = stem.prefix(1).uppercased() + stem.dropFirst()
        let form = rng.pick(forms)
        let base = "\(name) \(rng.pick(words))"
        if rng.chance(0.2) {
            return "\(name), \(rng.pick(lastNames)) & \(rng.pick(lastNames))" + (form.isEmpty ? "" : " \(form)")
        }
        return form.isEmpty ? base : "\(base) \(form)"
    }

    /// First name, last name, email, phone, website, city and a free-text description of one lead.
    static func contact(_ rng: inout SplitMix, company: String, k: Int) -> [String] {
        let first = rng.pick(firstNames), last = rng.pick(lastNames)
        let domain = String(
            company.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.prefix(
                18
            ).map(Character.init))
        let email =
            "\(ascii(first)).\(ascii(last))\(k % 89 == 0 ? String(k % 1000) : "")@\(domain.isEmpty ? "example" : domain).com"
        let phone =
            rng.chance(0.7)
            ? "+1 (\(rng.int(201...989))) \(rng.int(200...999))-\(String(rng.int(0...9999)).leftPadded(4))"
            : "+44 20 \(rng.int(1000...9999)) \(rng.int(1000...9999))"
        let website = "https://www.\(domain.isEmpty ? "example" : domain).com"
        return [first, last, email, phone, website, rng.pick(cities), note(&rng, who: first)]
    }

    /// Free text as reps and forms write it: commas, quotes, sometimes line breaks, amounts and dates.
    static func note(_ rng: inout SplitMix, who: String) -> String {
        switch rng.int(0...5) {
        case 0: return ""
        case 1:
            return
                "Asked about \(rng.pick(topics)), budget ~$\(rng.int(5...400)),\(String(rng.int(0...999)).leftPadded(3))"
        case 2: return "\(who) said \"call me after the \(rng.int(1...28))th\", prefers email"
        case 3: return "Met at booth #\(rng.int(1...999)).\nInterested in \(rng.pick(topics)) and \(rng.pick(topics))."
        case 4:
            return
                "Referred by \(rng.pick(firstNames)) \(rng.pick(lastNames)); team of \(rng.int(2...80)), evaluating \(rng.pick(topics))"
        default:
            return "Downloaded content \(rng.int(1...9)) times; notes: \"\(rng.pick(topics))\", \(rng.pick(topics))"
        }
    }

    /// Subject and notes of one sales activity.
    static func activityText(_ rng: inout SplitMix, type: String, outcome: String) -> [String] {
        let subject: String
        switch type {
        case "call":
            subject = "Call: \(outcome.isEmpty ? "follow-up" : outcome) (\(rng.int(0...14)) min \(rng.int(0...59)) s)"
        case "email": subject = "Re: \(rng.pick(topics)) – ticket #\(rng.int(10000...999_999))"
        case "sms": subject = "SMS #\(rng.int(10000...999_999))"
        default: subject = "Note"
        }
        return [subject, note(&rng, who: rng.pick(firstNames))]
    }

    /// The campaign of one engagement event.
    static func engagementText(_ rng: inout SplitMix) -> [String] {
        ["\(rng.pick(campaigns)) \(rng.int(2025...2026))-\(rng.int(1...12))"]
    }

    static func ascii(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { $0.isASCII && $0 != "'" }.map(Character.init))
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
