import ArgumentParser
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init")
    func run() throws {}
}
