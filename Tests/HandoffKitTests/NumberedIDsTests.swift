import HandoffIO
import Testing

/// The direct index for numbered ids must answer exactly as the hash table does, for any id asked.
@Suite("Numbered lead ids")
struct NumberedIDsTests {
    static func table(_ ids: [String]) -> TextTable {
        var t = TextTable()
        for id in ids { _ = t.intern(id) }
        return t
    }

    static func same(_ t: TextTable, _ index: NumberedIDs, _ query: String) -> Bool {
        ByteView.with(query) { t.find($0) == index.find($0) }
    }

    @Test func findsWhatTheTableFinds() throws {
        let ids = (0..<5000).map { "L-\(100_000 + $0 * 3)" }
        let t = Self.table(ids)
        let index = try #require(NumberedIDs(t))
        let queries =
            ids + [
                "L-100001", "L-099999", "L-0100000", "L-", "L-1", "l-100000", "X-100000", "L-100000 ", "100000", "",
                "L-999999999999999999", "L-1000000000000000000000", "L--100000", "L-１００",
            ]
        for q in queries { #expect(Self.same(t, index, q), "\(q)") }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let q = "L-\(Int.random(in: 99_000...116_000, using: &random))"
            #expect(Self.same(t, index, q), "\(q)")
        }
    }

    @Test func plainNumbersAsHubSpotWritesThem() throws {
        let t = Self.table(["51234987", "51234988", "51234990", "51234985"])
        let index = try #require(NumberedIDs(t))
        for q in ["51234987", "51234989", "51234990", "51234985", "7", "051234987", "0", "51234987.0"] {
            #expect(Self.same(t, index, q), "\(q)")
        }
    }

    @Test func otherShapesKeepTheHashTable() {
        #expect(NumberedIDs(Self.table(["L-1", "M-2"])) == nil) // two prefixes
        #expect(NumberedIDs(Self.table(["00Q5g00000abcDE", "00Q5g00000abcDF"])) == nil) // Salesforce ids
        #expect(NumberedIDs(Self.table(["L-007", "L-008"])) == nil) // leading zeros
        #expect(NumberedIDs(Self.table(["1", "1000000000"])) == nil) // too sparse for an array
        #expect(NumberedIDs(TextTable()) == nil)
    }
}
