/// The weekly alignment scorecard (DOCUMENTS.md §2).
public enum ScorecardDocument {
    public static let shape: [String: TemplateShape] = [:]
}
