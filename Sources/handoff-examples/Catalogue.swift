/// The vocabulary the example leads are drawn from.
enum Catalogue {
    static let sources: [(String, Double)] = [
        ("Webinar", 18), ("Paid Search", 22), ("Organic Search", 20), ("Content Syndication", 14),
        ("Referral", 8), ("Events", 10), ("Partner", 8),
    ]
    static let owners = ["Ana Ortiz", "Ben Carter", "Chloe Nguyen", "Diego Ramos", "Erin Walsh", "Farid Haddad"]
    static let industries: [(String, Double)] = [
        ("Financial Services", 30), ("Healthcare", 28), ("SaaS", 30), ("Retail", 6), ("Education", 4),
        ("Manufacturing", 2),
    ]
    static let countries: [(String, Double)] = [
        ("United States", 70), ("Canada", 12), ("United Kingdom", 12), ("Germany", 3), ("India", 3),
    ]
    static let titles: [(String, Double)] = [
        ("Marketing Manager", 14), ("Director of Operations", 12), ("VP Finance", 8), ("Head of Data", 10),
        ("IT Manager", 12),
        ("Chief Technology Officer", 4), ("Senior Analyst", 10), ("Revenue Operations Manager", 10),
        ("Director, Clinical Systems", 8),
        ("Student", 2), ("Vice President, Sales", 6), ("Data Engineer", 4),
    ]
    static let prefixes = [
        "North", "Blue", "Summit", "Harbor", "Granite", "Bright", "Cedar", "Silver", "River", "Iron", "Maple",
        "Vertex", "Lumen", "Atlas", "Beacon", "Crest", "Delta", "Evergreen", "Falcon", "Keystone",
    ]
    static let cores = [
        "wind", "path", "stone", "field", "bridge", "point", "gate", "line", "works", "view", "care", "ledger",
    ]
    static let suffixes: [String: [String]] = [
        "Financial Services": ["Capital", "Bank", "Financial", "Partners"],
        "Healthcare": ["Health", "Medical", "Clinics", "Care Group"],
        "SaaS": ["Software", "Labs", "Cloud", "Systems"], "Retail": ["Stores", "Retail"],
        "Education": ["Academy", "University"],
        "Manufacturing": ["Industries", "Manufacturing"],
    ]
    static let content = [
        "ROI calculator", "Pipeline analytics eBook", "Webinar: Forecasting in 2026", "Pricing page",
        "Demo request form",
        "Buyer's guide", "Customer story: Northwind",
    ]
    static let reasons: [(String, Double)] = [
        ("wrong company profile", 34), ("not interested", 22), ("already has solution", 14), ("no budget", 12),
        ("couldn't reach", 18),
    ]
    static let timelines: [(String, Double)] = [("now", 30), ("next quarter", 30), ("exploring", 40)]
}
