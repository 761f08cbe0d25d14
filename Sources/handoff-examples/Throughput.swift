import Foundation
import HandoffIO
import HandoffKit

/// `handoff-examples --measure-csv FILE`: reads a CSV with Handoff's reader, touching every field, and prints MB/s.
enum Throughput {
    static func measure(_ path: String) throws {
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.doubleValue ?? 0
        var best = Double.infinity
        var records = 0, fieldBytes = 0
        for _ in 0..<3 {
            records = 0
            fieldBytes = 0
            let start = DispatchTime.now().uptimeNanoseconds
            try CSVReader(path: path).forEachRecord { r in
                records += 1
                for i in 0..<r.count { fieldBytes &+= r.bytes(i).count }
            }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        print(
            String(
                format: "%@: %.1f MB in %.3f s = %.0f MB/s (%d records, best of 3, one core)", path, size / 1e6, best,
                size / 1e6 / best, records))
    }
}
