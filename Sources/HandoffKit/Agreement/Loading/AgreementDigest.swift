internal import Yams

/// The SHA-256 digest of an agreement's content, independent of formatting and comments.
///
/// The canonical form serialises the composed node tree (keys in file order, scalars by value, each
/// length-prefixed) without the top-level `signoff` and `history` sections, so signing or recording history never changes the digest.
enum AgreementDigest {
    /// The digest, or `nil` when the document expands to more values than any agreement has (an alias bomb).
    static func digest(of root: Node) -> String? {
        var out: [UInt8] = []
        var budget = NodeReader.nodeBudget
        serialize(root, topLevel: true, into: &out, budget: &budget)
        return budget > 0 ? SHA256Digest.hex(out) : nil
    }

    private static func serialize(_ node: Node, topLevel: Bool, into out: inout [UInt8], budget: inout Int) {
        budget -= 1
        guard budget > 0 else { return }
        switch node {
        case .scalar(let scalar):
            let bytes = Array(scalar.string.utf8)
            out += Array("s\(bytes.count):".utf8) + bytes
        case .sequence(let sequence):
            out += Array("[\(sequence.count)".utf8)
            for item in sequence { serialize(item, topLevel: false, into: &out, budget: &budget) }
            out.append(UInt8(ascii: "]"))
        case .mapping(let mapping):
            out.append(UInt8(ascii: "{"))
            for (key, value) in mapping {
                if topLevel, let name = key.scalar?.string, name == "signoff" || name == "history" { continue }
                serialize(key, topLevel: false, into: &out, budget: &budget)
                serialize(value, topLevel: false, into: &out, budget: &budget)
            }
            out.append(UInt8(ascii: "}"))
        case .alias(let alias):
            out += Array("a\(alias.anchor.rawValue)".utf8)
        }
    }
}
