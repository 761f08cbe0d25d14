internal import Yams

/// What changed between two versions of an agreement: every change by meaning, and a redline of the document.
public struct AgreementDiff: Sendable {
    /// The old version's name.
    var oldLabel: String
    /// The new version's name.
    var newLabel: String
    /// The old and new version numbers and digests.
    var oldInfo: (version: String, digest: String)
    /// The new version number and digest.
    var newInfo: (version: String, digest: String)
    /// Every change, in the new file's order (removals where the item was).
    var changes: [AgreementChange]
    /// The rendered document, compared sentence by sentence.
    var redline: Redline

    /// True when the two versions say the same thing (formatting, comments, sign-offs and history aside).
    public var isEmpty: Bool { changes.isEmpty && redline.isEmpty }

    /// Compares two versions; the documents are rendered with `renderer` (default templates unless overridden).
    public init(old: AgreementVersion, new: AgreementVersion, renderer: DocumentRenderer) throws {
        oldLabel = old.label
        newLabel = new.label
        oldInfo = (old.agreement.info.version, old.agreement.digest)
        newInfo = (new.agreement.info.version, new.agreement.digest)
        let oldDocument = try Self.document(old.agreement, renderer)
        let newDocument = try Self.document(new.agreement, renderer)
        redline = Redline(old: oldDocument, new: newDocument)
        changes = Self.changes(old: old, new: new, redline: redline)
    }

    /// The changes between two versions, by meaning, with their sentences.
    static func changes(old: AgreementVersion, new: AgreementVersion, redline: Redline?) -> [AgreementChange] {
        NodeDiff.changes(old.root, new.root).map { change in
            var c = ChangeDescriber.describe(change, old: old.agreement, new: new.agreement)
            if c.oldSentences.isEmpty, c.newSentences.isEmpty, let redline {
                c.oldSentences = sentences(in: redline, kind: .deleted, containing: change.old.flatMap(needle))
                c.newSentences = sentences(in: redline, kind: .inserted, containing: change.new.flatMap(needle))
            }
            return c
        }
    }

    /// What a value looks like in the document: a date as `18 Nov 2026`, a record by its longest text.
    static func needle(_ node: Node) -> String? {
        if let text = node.scalar?.string {
            return LocalDate(iso: text).map(Dates.long) ?? text
        }
        var leaves: [String] = []
        func collect(_ n: Node) {
            switch n {
            case .scalar(let s): leaves.append(s.string)
            case .sequence(let items): items.forEach(collect)
            case .mapping(let m): for pair in m { collect(pair.value) }
            case .alias: break
            }
        }
        collect(node)
        return leaves.max { $0.count < $1.count }
    }

    /// The redline's deleted (or inserted) sentences that show `value`.
    static func sentences(in redline: Redline, kind: Redline.Piece.Kind, containing value: String?) -> [String] {
        guard let value, !value.isEmpty else { return [] }
        let needles = Set([value, Markdown.escape(value)])
        var out: [String] = []
        for line in redline.lines {
            for piece in line.pieces where piece.kind == kind && needles.contains(where: { piece.text.contains($0) }) {
                let sentence = plain(piece.text)
                if !out.contains(sentence) { out.append(sentence) }
            }
        }
        return out
    }

    /// A sentence of the rendered Markdown as plain text: backslash escapes and code marks removed.
    static func plain(_ markdown: String) -> String {
        var out = ""
        var escaped = false
        for ch in markdown {
            if escaped {
                out.append(ch)
                escaped = false
                continue
            }
            if ch == "\\" {
                escaped = true
                continue
            }
            if ch == "`" { continue }
            out.append(ch)
        }
        return out
    }

    /// The SLA document's Markdown for comparison: sign-offs and the version history are not content.
    static func document(_ a: Agreement, _ renderer: DocumentRenderer) throws -> String {
        var content = a
        content.signoffs = []
        content.history = []
        return try renderer.render(.sla, data: SLADocument.data(content), title: a.info.title, format: .markdown)
    }
}
