extension Breach {
    /// The breach with the moments of a duration commitment: clock start, deadline, event, lateness.
    func timed(started: Int64, due: Int64, happened: Int64?, lateBy: Int64) -> Breach {
        var b = self
        b.started = started
        b.due = due
        b.happened = happened
        b.lateBy = lateBy
        return b
    }
}
