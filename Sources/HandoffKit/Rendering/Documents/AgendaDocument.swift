/// The weekly alignment meeting agenda (DOCUMENTS.md §3).
public enum AgendaDocument {
    public static let shape: [String: TemplateShape] = [:]
}
