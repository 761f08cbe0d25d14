import Foundation

/// Where the CRM exports are: one leads export (required), any number of activities and engagement exports, an
/// optional related deals export and team calendar.
public struct DataSources: Sendable {
    /// One export and the settings of its `data.files` entry, if it has one.
    public struct File: Sendable, Equatable {
        var path: String
        var settings: ExportFileSettings?

        public init(_ path: String, settings: ExportFileSettings? = nil) {
            self.path = path
            self.settings = settings
        }
    }

    /// The leads export (required).
    var leads: String
    /// Its `data.files` entry, if any.
    var leadsSettings: ExportFileSettings?
    /// The sales activities exports (calls, e-mails, meetings…), read as one.
    public var activityFiles: [File]
    /// The marketing engagement exports, read as one.
    public var engagementFiles: [File]
    /// The related deals export (`data.deals`), resolved to a path.
    var deals: String?
    /// The team calendar file (owners' zones, hours, time off), optional.
    public var team: String?
    /// The `--data` folder, when the files come from one: `data.files` paths are relative to it.
    var directory: String?
    /// Roles whose files were named on the command line: `data.files` does not replace those.
    public var given: Set<ExportFileSettings.Role> = []

    /// The first activities export (most data has one).
    var activities: String? {
        get { activityFiles.first?.path }
        set { activityFiles = newValue.map { [File($0)] } ?? [] }
    }

    /// The first engagement export.
    var engagement: String? {
        get { engagementFiles.first?.path }
        set { engagementFiles = newValue.map { [File($0)] } ?? [] }
    }

    /// Explicit paths.
    public init(leads: String, activities: String? = nil, engagement: String? = nil) {
        self.leads = leads
        activityFiles = activities.map { [File($0)] } ?? []
        engagementFiles = engagement.map { [File($0)] } ?? []
    }

    /// Explicit paths, several per role.
    init(leads: String, activities: [String], engagement: [String]) {
        self.leads = leads
        activityFiles = activities.map { File($0) }
        engagementFiles = engagement.map { File($0) }
    }

    /// The exports of a folder: `leads.csv`, `activities.csv`, `engagement.csv` and `team.csv` by default, or the
    /// files the agreement's `data.files` names (`resolved(with:)` applies those).
    public init(directory: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw HandoffError(
                .badInput,
                "'\(directory)' is not a directory; --data takes a folder holding leads.csv (and optionally activities.csv, engagement.csv)",
                file: directory)
        }
        func path(_ name: String) -> String? {
            let p = (directory as NSString).appendingPathComponent(name)
            return FileManager.default.fileExists(atPath: p) ? p : nil
        }
        self.init(
            leads: path("leads.csv") ?? "", activities: path("activities.csv"), engagement: path("engagement.csv"))
        team = path("team.csv")
        self.directory = directory
    }

    /// These sources with the agreement's `data.files` and `data.deals` applied (a role the agreement lists replaces
    /// the folder's default file of that role), every path checked: all missing files are named in one error.
    func resolved(with data: DataSettings) throws -> DataSources {
        var out = self
        func place(_ path: String) -> String {
            guard let directory, !path.hasPrefix("/") else { return path }
            return (directory as NSString).appendingPathComponent(path)
        }
        if directory != nil {
            if let leads = data.files.first(where: { $0.role == .leads }), !given.contains(.leads) {
                out.leads = place(leads.path)
                out.leadsSettings = leads
            }
            let activities = data.files.filter { $0.role == .activities }
            if !activities.isEmpty, !given.contains(.activities) {
                out.activityFiles = activities.map { File(place($0.path), settings: $0) }
            }
            let engagement = data.files.filter { $0.role == .engagement }
            if !engagement.isEmpty, !given.contains(.engagement) {
                out.engagementFiles = engagement.map { File(place($0.path), settings: $0) }
            }
        }
        if let deals = data.deals { out.deals = place(deals.path) }
        try out.checkPaths()
        return out
    }

    /// Every file named exists and is not a folder; otherwise one error lists every problem.
    func checkPaths() throws {
        if leads.isEmpty, let directory {
            throw HandoffError(
                .badInput,
                "no leads.csv in '\(directory)'; the leads export is required (activities.csv and engagement.csv are optional, or name the files under data.files)",
                file: directory)
        }
        var problems: [String] = []
        let named: [(String, String)] =
            [("leads export", leads)] + activityFiles.map { ("activities export", $0.path) }
            + engagementFiles.map { ("engagement export", $0.path) } + (deals.map { [("deals export", $0)] } ?? [])
        for (what, path) in named {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                problems.append("\(path): the \(what) does not exist")
            } else if isDirectory.boolValue {
                problems.append("\(path): the \(what) is a folder, not a file")
            }
        }
        guard problems.isEmpty else {
            let fix = directory.map { " (paths under data.files and data.deals are relative to '\($0)')" } ?? ""
            throw HandoffError(
                .badInput,
                "cannot read \(problems.count == 1 ? "a file" : "\(problems.count) files")\(fix):\n  "
                    + problems.joined(separator: "\n  "))
        }
    }
}
