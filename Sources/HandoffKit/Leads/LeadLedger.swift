/// Every lead of an export, with what was learned from activities and engagement.
public struct LeadLedger: Sendable {
    /// Every lead, in export order.
    public var leads: [Lead]
    /// Engagement action names; `EngagementEvent.action` indexes this.
    public var actions: [String]
    /// Every engagement event, grouped by lead in lead order and time-ordered within a lead (`Lead.eventRange`).
    public var events: [EngagementEvent]
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
    /// The files read, for reports.
    public var sources: DataSources

    /// True when `column` was exported, or is derived from a file that was.
    public func has(_ column: LeadColumn) -> Bool { columns.contains(column) }
}
