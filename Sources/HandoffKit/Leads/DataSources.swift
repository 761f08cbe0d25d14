import Foundation

/// Where the CRM exports are: `leads` is required, the other two optional.
public struct DataSources: Sendable {
    /// The leads export (required).
    public var leads: String
    /// The sales activities export.
    public var activities: String?
    /// The marketing engagement export.
    public var engagement: String?
    /// The team calendar file (owners' zones, hours, time off), optional.
    public var team: String?

    /// Explicit paths.
    public init(leads: String, activities: String? = nil, engagement: String? = nil) {
        self.leads = leads
        self.activities = activities
        self.engagement = engagement
    }

    /// `leads.csv`, `activities.csv` and `engagement.csv` in a directory.
    public init(directory: String) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw HandoffError(.badInput, "'\(directory)' is not a directory; --data takes a folder holding leads.csv (and optionally activities.csv, engagement.csv)", file: directory)
        }
        func path(_ name: String) -> String? {
            let p = (directory as NSString).appendingPathComponent(name)
            return fm.fileExists(atPath: p) ? p : nil
        }
        guard let leads = path("leads.csv") else {
            throw HandoffError(.badInput, "no leads.csv in '\(directory)'; the leads export is required (activities.csv and engagement.csv are optional)", file: directory)
        }
        self.init(leads: leads, activities: path("activities.csv"), engagement: path("engagement.csv"))
        team = path("team.csv")
    }
}
