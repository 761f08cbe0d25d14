import ArgumentParser
struct Agenda: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agenda")
    func run() throws {}
}
