/// Every lead of an export, with what was learned from activities and engagement.
public struct LeadLedger: Sendable {
    public var leads: [Lead]
    /// Engagement action names; `EngagementEvent.action` indexes this.
    public var actions: [String]
    /// Every engagement event, grouped by lead in lead order and time-ordered within a lead (`Lead.eventRange`).
    public var events: [EngagementEvent]
    public var quality: DataQuality
    /// Canonical lead columns present in the export.
    public var columns: Set<LeadColumn>
    public var hasActivities: Bool
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
