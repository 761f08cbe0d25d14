/// Records a sign-off in an agreement file by editing its text, so comments and layout survive.
public enum SignOffEditor {
    /// The file text with `signoff` holding one entry for `party` (replacing an earlier one).
    static func sign(_ text: String, party: String, name: String, title: String, date: LocalDate, digest: String)
        -> String
    {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let entry = [
            "  - party: \(party)",
            "    name: \(quote(name))",
            "    title: \(quote(title))",
            "    date: \(date)",
            "    digest: \(digest)",
        ]
        guard let header = lines.firstIndex(where: isSignoffHeader) else {
            if let last = lines.last, !last.trimmingSpaces().isEmpty { lines.append("") }
            lines.append("signoff:")
            lines += entry
            return lines.joined(separator: "\n") + "\n"
        }
        lines[header] = "signoff:"
        var end = header + 1
        while end < lines.count, !isTopLevelKey(lines[end]) { end += 1 }
        // Entries: runs starting at a "- " line within the block.
        var items: [(start: Int, end: Int)] = []
        for i in (header + 1)..<end where lines[i].trimmingSpaces().hasPrefix("- ") || lines[i].trimmingSpaces() == "-"
        {
            if let last = items.last, last.end == end { items[items.count - 1].end = i }
            items.append((i, end))
        }
        var insertAt = items.last?.end ?? header + 1
        while insertAt > header + 1, lines[insertAt - 1].trimmingSpaces().isEmpty { insertAt -= 1 }
        if let existing = items.first(where: { item in
            lines[item.start..<item.end].contains { line in
                let t =
                    line.trimmingSpaces().hasPrefix("- ")
                    ? String(line.trimmingSpaces().dropFirst(2)) : line.trimmingSpaces()
                return t.hasPrefix("party:") && t.dropFirst(6).trimmingSpaces().trimmingCharacters(in: "\"'") == party
            }
        }) {
            var stop = existing.end
            while stop > existing.start + 1, lines[stop - 1].trimmingSpaces().isEmpty { stop -= 1 }
            lines.replaceSubrange(existing.start..<stop, with: entry)
        } else {
            lines.insert(contentsOf: entry, at: insertAt)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func isSignoffHeader(_ line: String) -> Bool {
        guard line.hasPrefix("signoff:") else { return false }
        let rest = line.dropFirst(8).trimmingSpaces()
        return rest.isEmpty || rest.hasPrefix("#") || rest == "[]"
    }

    static func isTopLevelKey(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        return first != " " && first != "#" && first != "-" && first != "\t"
    }

    /// A YAML double-quoted scalar.
    static func quote(_ s: String) -> String {
        var out = "\""
        for ch in s {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(ch)
            }
        }
        return out + "\""
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}

extension SignOffEditor {
    /// A recorded sign-off: who signed, and the file text to write.
    public struct Signed: Sendable {
        /// The signer's name.
        public let name: String
        /// The signer's title.
        public let title: String
        /// The agreement file's new text.
        public let text: String
    }

    /// Signs `agreement` (loaded from `source`) for `party`; name and title default to the party's owner.
    /// Verifies that the edited text still reads as the same agreement with the new sign-off bound to its digest.
    public static func record(
        _ agreement: Agreement, source: String, file: String, party: String,
        name: String?, title: String?, date: LocalDate
    ) throws -> Signed {
        let owner = agreement.party(party)
        let signer = (name ?? owner?.ownerName ?? "").trimmingSpaces()
        let signerTitle = (title ?? owner?.ownerTitle ?? "").trimmingSpaces()
        guard !signer.isEmpty else { throw HandoffError(.usage, "--name must not be empty", file: file) }
        let edited = sign(source, party: party, name: signer, title: signerTitle, date: date, digest: agreement.digest)
        let check = AgreementLoader.load(bytes: Array(edited.utf8), file: file)
        guard let signed = check.agreement, signed.digest == agreement.digest,
            signed.signoffs.contains(where: { $0.party == party && $0.digest == agreement.digest })
        else {
            throw HandoffError(
                .invalidAgreement,
                "could not record the sign-off without changing the agreement's content; the 'signoff' section has an unexpected layout — fix it by hand",
                file: file)
        }
        return Signed(name: signer, title: signerTitle, text: edited)
    }
}
