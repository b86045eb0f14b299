import ArgumentParser
import DocketCore
import DocketTracker

/// `docket track entity add|list|show`.
struct TrackEntityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "entity", abstract: "Add, list or show entities.",
        subcommands: [TrackEntityAddCommand.self, TrackEntityListCommand.self, TrackEntityShowCommand.self])
}

/// `docket track entity add ABBR --name … --type …`.
struct TrackEntityAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add",
        abstract: "Add or replace an entity (ACO, hospital, MCO, CP …).")

    @Argument(help: "Abbreviation used in OnBase file names, e.g. BACO (R000-07).") var abbreviation: String
    @Option(help: "Full name.") var name: String
    @Option(help: "Type: \(Entity.knownTypes.joined(separator: ", ")).") var type: String
    @Flag(help: "Hospital with obstetric services.") var obstetric = false
    @Flag(name: .customLong("partner-exempt"), help: "Partner-exempt entity (still files PIP deliverables, R000-02).")
    var partnerExempt = false
    @Option(name: .customLong("partner"), help: "Partner entity abbreviation (ACO ↔ hospital); repeatable.")
    var partners: [String] = []
    @Option(name: .customLong("contact"), help: "Contact as 'Name <email> (role)'; repeatable.")
    var contacts: [String] = []
    @Option(name: .customLong("also"), help: "Extra calendar entity type to receive events for; repeatable.")
    var also: [String] = []
    @Flag(name: .customLong("no-implied-types"),
          help: "Do not add the default implied types (acpp and pcaco also receive aco events).")
    var noImpliedTypes = false
    @OptionGroup var options: TrackOptions

    func run() throws {
        try TrackRunner.run {
            var alsoTypes = noImpliedTypes ? [] : (Entity.impliedTypes[type] ?? [])
            for t in also where !alsoTypes.contains(t) { alsoTypes.append(t) }
            let entity = Entity(abbreviation: abbreviation, name: name, type: type, obstetric: obstetric,
                                partnerExempt: partnerExempt, partners: partners.sorted(),
                                contacts: contacts.map(Contact.parse), alsoTypes: alsoTypes)
            try options.open().addEntity(entity)
            var summary = "entity \(abbreviation) saved (\(type)"
            if !alsoTypes.isEmpty { summary += ", also " + alsoTypes.joined(separator: ", ") }
            if !partners.isEmpty { summary += "; partners " + partners.sorted().joined(separator: ", ") }
            TrackRunner.emit(summary + ")\n")
        }
    }
}

/// `docket track entity list`.
struct TrackEntityListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List entities.")
    @Option(help: "Output format: text or json.") var format: TrackTextFormat = .text
    @OptionGroup var options: TrackOptions

    func run() throws {
        try TrackRunner.run(json: format == .json) {
            let list = try options.open().entities()
            TrackRunner.emit(format == .json ? JSONWriter.string(.array(list.map(EntityFormat.json)), pretty: true) + "\n" : EntityFormat.list(list))
        }
    }
}

/// `docket track entity show ABBR`.
struct TrackEntityShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one entity and its instances.")
    @Argument(help: "Entity abbreviation.") var abbreviation: String
    @Option(help: "Output format: text or json.") var format: TrackTextFormat = .text
    @OptionGroup var options: TrackOptions

    func run() throws {
        try TrackRunner.run(json: format == .json) {
            let tracker = try options.open()
            let e = try tracker.entity(abbreviation)
            let instances = try tracker.instances().filter { $0.entity == e.abbreviation }
            TrackRunner.emit(format == .json ? JSONWriter.string(EntityFormat.json(e, instances: instances), pretty: true) + "\n"
                                             : EntityFormat.show(e, instances: instances))
        }
    }
}
