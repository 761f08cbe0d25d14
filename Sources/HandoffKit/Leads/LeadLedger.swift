internal import HandoffIO

/// Every lead of an export, with what was learned from activities and engagement.
struct LeadLedger: Sendable {
    /// Every lead, in export order.
    var leads: [Lead]
    /// The leads' texts (source, owner, company, …): `texts[lead.source]`.
    var texts: TextTable
    /// The leads' ids, in lead order: lead `i` has id entry `i + 1`.
    var ids: TextTable
    /// Engagement action names; `EngagementEvent.action` indexes this.
    var actions: [String]
    /// Every engagement event, grouped by lead in lead order and time-ordered within a lead (`Lead.eventRange`).
    var events: [EngagementEvent]
    /// Sales activity types as exported (after `data.values.activity_type` mapping, lowercased; blank is "");
    /// an activity's `action` indexes this. With an owner column a type appears once per owner.
    var activityTypes: [String] = []
    /// Who did each kind of activity (beside `activityTypes`: the owner as exported, "" when the row named none);
    /// empty when no activities export has an owner column.
    var activityOwners: [String] = []
    /// Every sales activity, grouped by lead in lead order and time-ordered within a lead (`Lead.activityRange`).
    /// Facts only: no as-of cut and no commitment's `attempt_types` applied (the evaluation does both).
    var activities: [EngagementEvent] = []
    /// What could not be read.
    var quality: DataQuality
    /// Canonical lead columns present in the export.
    var columns: Set<LeadColumn>
    /// True when an activities export was read.
    var hasActivities: Bool
    /// True when an engagement export was read.
    var hasEngagement: Bool
    /// The latest timestamp in the inputs: what the data describes.
    var latestTimestamp: Int64?
    /// The earliest timestamp in the inputs: where the data begins.
    var earliestTimestamp: Int64?
    /// The latest timestamp of the leads export alone: the default report period is the last complete week before it.
    var leadsLatestTimestamp: Int64? = nil
    /// The files read, for reports.
    var sources: DataSources

    /// Who did the activity, as exported; `nil` when unknown.
    func owner(of activity: EngagementEvent) -> String? {
        let k = Int(activity.action)
        return k < activityOwners.count && !activityOwners[k].isEmpty ? activityOwners[k] : nil
    }

    /// The lead's id as exported.
    func id(of lead: Lead) -> String { ids[lead.id] }

    /// The index of the lead with this id.
    func index(ofID id: String) -> Int? {
        ByteView.with(id) { ids.find($0) }.flatMap { $0.isEmpty ? nil : Int($0.raw) - 1 }
    }

    /// True when `column` was exported, or is derived from a file that was.
    func has(_ column: LeadColumn) -> Bool { columns.contains(column) }
}
