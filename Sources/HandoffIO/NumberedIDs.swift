/// A direct index for ids that are a common prefix and a number (`L-100234`, HubSpot's `51234987`): the entry of an
/// id is one array read away instead of a hash probe, an offset and a byte comparison (three cache misses each for
/// the millions of activity and engagement rows a CRM exports in time order).
///
/// Built only when every findable entry of the table has that shape (digits without a leading zero, at most 18) and the
/// numbers are dense enough (their range at most four times their count plus 4,096). For every input `find` gives
/// exactly what `TextTable.find` gives for that table.
package struct NumberedIDs: Sendable {
    private let prefix: [UInt8]
    private let lowest: Int64
    /// Entry index per number − `lowest` (0: no entry).
    private let entries: [Int32]

    /// The index for `table`, or `nil` when its entries are not numbered alike.
    package init?(_ table: TextTable) {
        guard table.count > 1 else { return nil }
        var prefix: [UInt8]?
        var numbers: [(number: Int64, entry: Int32)] = []
        numbers.reserveCapacity(table.count - 1)
        for k in 1..<table.count {
            let ref = TextRef(raw: Int32(k))
            if table.isUnpooled(ref) { continue }
            let shape: (prefix: [UInt8], number: Int64)? = table.withBytes(ref) { bytes in
                Self.split(bytes).map { (bytes.view(0..<$0.prefixLength).array, $0.number) }
            }
            guard let shape else { return nil }
            if prefix == nil { prefix = shape.prefix }
            guard shape.prefix == prefix else { return nil }
            numbers.append((shape.number, Int32(k)))
        }
        guard let prefix, let low = numbers.map(\.number).min(), let high = numbers.map(\.number).max(),
            high - low <= Int64(numbers.count) * 4 + 4096
        else { return nil }
        var entries = [Int32](repeating: 0, count: Int(high - low) + 1)
        for (number, entry) in numbers where entries[Int(number - low)] == 0 { entries[Int(number - low)] = entry }
        self.prefix = prefix
        lowest = low
        self.entries = entries
    }

    /// The entry holding exactly `bytes`, as `TextTable.find` would find it (`.empty` for empty bytes).
    package func find(_ bytes: ByteView) -> TextRef? {
        if bytes.isEmpty { return .empty }
        guard let (length, number) = Self.split(bytes), length == prefix.count,
            bytes.view(0..<length).equals(prefix)
        else { return nil }
        let slot = number - lowest
        guard slot >= 0, slot < Int64(entries.count), entries[Int(slot)] != 0 else { return nil }
        return TextRef(raw: entries[Int(slot)])
    }

    /// The length of the text before its trailing digits and the number they write; `nil` without digits, with a leading zero
    /// (`007` is not `7`) or with more than 18.
    private static func split(_ bytes: ByteView) -> (prefixLength: Int, number: Int64)? {
        var start = bytes.count
        while start > 0, bytes[start - 1] >= 0x30, bytes[start - 1] <= 0x39 { start -= 1 }
        let digits = bytes.count - start
        guard digits > 0, digits <= 18, digits == 1 || bytes[start] != 0x30 else { return nil }
        var number: Int64 = 0
        for i in start..<bytes.count { number = number * 10 + Int64(bytes[i] - 0x30) }
        return (start, number)
    }
}
