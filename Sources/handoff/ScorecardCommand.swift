import ArgumentParser
struct ScorecardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scorecard")
    func run() throws {}
}
