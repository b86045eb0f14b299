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
            if format == .json {
                TrackRunner.emit(JSONWriter.string(.array(list.map(EntityJSON.json)), pretty: true) + "\n")
                return
            }
            if list.isEmpty { TrackRunner.emit("no entities yet; add one with `docket track entity add`\n") }
            for e in list {
                let partners = e.partners.isEmpty ? (e.partnerExempt ? "partner-exempt" : "-") : e.partners.joined(separator: ",")
                TrackRunner.emit("\(e.abbreviation.padding(toLength: 10, withPad: " ", startingAt: 0)) \(e.type.padding(toLength: 9, withPad: " ", startingAt: 0)) \(partners.padding(toLength: 14, withPad: " ", startingAt: 0)) \(e.name)\n")
            }
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
            if format == .json {
                var o = EntityJSON.json(e).objectValue ?? [:]
                o["instances"] = .array(instances.map { .object(["id": .int(Int($0.id)), "key": .string($0.key),
                                                                 "status": .string($0.status.rawValue),
                                                                 "due": $0.due.map(JSONValue.string) ?? .null]) })
                TrackRunner.emit(JSONWriter.string(.object(o), pretty: true) + "\n")
                return
            }
            var out = "\(e.abbreviation): \(e.name)\n  type: \(e.type)"
            if !e.alsoTypes.isEmpty { out += " (also receives \(e.alsoTypes.joined(separator: ", ")) events)" }
            out += "\n  obstetric: \(e.obstetric ? "yes" : "no")\n"
            out += "  partners: \(e.partners.isEmpty ? "none" : e.partners.joined(separator: ", "))\(e.partnerExempt ? " (partner-exempt)" : "")\n"
            for c in e.contacts {
                out += "  contact: \(c.name)\(c.email.map { " <\($0)>" } ?? "")\(c.role.map { " (\($0))" } ?? "")\n"
            }
            out += "  instances: \(instances.count)\n"
            for i in instances { out += "    #\(i.id) \(i.eventID)  \(i.due ?? "pending")  \(i.status.rawValue)\n" }
            TrackRunner.emit(out)
        }
    }
}

/// JSON form of an entity.
enum EntityJSON {
    static func json(_ e: Entity) -> JSONValue {
        .object([
            "abbreviation": .string(e.abbreviation), "name": .string(e.name), "type": .string(e.type),
            "alsoTypes": .array(e.alsoTypes.map(JSONValue.string)), "obstetric": .bool(e.obstetric),
            "partnerExempt": .bool(e.partnerExempt), "partners": .array(e.partners.map(JSONValue.string)),
            "contacts": .array(e.contacts.map { c in
                .object(["name": .string(c.name), "email": c.email.map(JSONValue.string) ?? .null,
                         "role": c.role.map(JSONValue.string) ?? .null])
            }),
        ])
    }
}
