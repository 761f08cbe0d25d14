/// Every lead of an export, with what was learned from activities and engagement.
public struct LeadLedger: Sendable {
    /// Every lead, in export order.
    public var leads: [Lead]
    /// The leads' texts (source, owner, company, …): `texts[lead.source]`.
    public var texts: TextTable
    /// The leads' ids, in lead order: lead `i` has id entry `i + 1`.
    public var ids: TextTable
    /// Engagement action names; `EngagementEvent.action` indexes this.
    public var actions: [String]
    /// Every engagement event, grouped by lead in lead order and time-ordered within a lead (`Lead.eventRange`).
    public var events: [EngagementEvent]
    /// Sales activity types as exported (after `data.values.activity_type` mapping, lowercased; blank is "");
    /// an activity's `action` indexes this.
    public var activityTypes: [String] = []
    /// Every sales activity, grouped by lead in lead order and time-ordered within a lead (`Lead.activityRange`).
    /// Facts only: no as-of cut and no commitment's `attempt_types` applied (the evaluation does both).
    public var activities: [EngagementEvent] = []
    /// What could not be read.
    public var quality: DataQuality
    /// Canonical lead columns present in the export.
    public var columns: Set<LeadColumn>
    /// True when an activities export was read.
    public var hasActivities: Bool
    /// True when an engagement export was read.
    public var hasEngagement: Bool
    /// The latest timestamp in the inputs: what the data describes.
    public var latestTimestamp: Int64?
    /// The earliest timestamp in the inputs: where the data begins.
    public var earliestTimestamp: Int64?
    /// The latest timestamp of the leads export alone: the default report period is the last complete week before it.
    public var leadsLatestTimestamp: Int64? = nil
    /// The files read, for reports.
    public var sources: DataSources

    /// The lead's id as exported.
    public func id(of lead: Lead) -> String { ids[lead.id] }

    /// The index of the lead with this id.
    public func index(ofID id: String) -> Int? {
        var text = id
        return text.withUTF8 { ids.find($0) }.flatMap { $0.isEmpty ? nil : Int($0.raw) - 1 }
    }

    /// True when `column` was exported, or is derived from a file that was.
    public func has(_ column: LeadColumn) -> Bool { columns.contains(column) }
}
