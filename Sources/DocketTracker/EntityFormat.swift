import DocketCore

/// Text and JSON forms of entities (`docket track entity list|show`, and any front end).
public enum EntityFormat {
    /// One line per entity: abbreviation, type, partners, name.
    public static func list(_ entities: [Entity]) -> String {
        if entities.isEmpty { return "no entities yet; add one with `docket track entity add`\n" }
        return entities.map { e in
            let partners = e.partners.isEmpty ? (e.partnerExempt ? "partner-exempt" : "-") : e.partners.joined(separator: ",")
            return "\(e.abbreviation.padding(toLength: 10, withPad: " ", startingAt: 0)) \(e.type.padding(toLength: 9, withPad: " ", startingAt: 0)) \(partners.padding(toLength: 14, withPad: " ", startingAt: 0)) \(e.name)\n"
        }.joined()
    }

    /// An entity with its contacts and instances.
    public static func show(_ e: Entity, instances: [Instance]) -> String {
        var out = "\(e.abbreviation): \(e.name)\n  type: \(e.type)"
        if !e.alsoTypes.isEmpty { out += " (also receives \(e.alsoTypes.joined(separator: ", ")) events)" }
        out += "\n  obstetric: \(e.obstetric ? "yes" : "no")\n"
        out += "  partners: \(e.partners.isEmpty ? "none" : e.partners.joined(separator: ", "))\(e.partnerExempt ? " (partner-exempt)" : "")\n"
        for c in e.contacts {
            out += "  contact: \(c.name)\(c.email.map { " <\($0)>" } ?? "")\(c.role.map { " (\($0))" } ?? "")\n"
        }
        out += "  instances: \(instances.count)\n"
        for i in instances { out += "    #\(i.id) \(i.eventID)  \(i.due ?? "pending")  \(i.status.rawValue)\n" }
        return out
    }

    public static func json(_ e: Entity) -> JSONValue {
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

    /// The entity's JSON with its instances (id, key, status, due).
    public static func json(_ e: Entity, instances: [Instance]) -> JSONValue {
        var o = json(e).objectValue ?? [:]
        o["instances"] = .array(instances.map { .object(["id": .int(Int($0.id)), "key": .string($0.key),
                                                         "status": .string($0.status.rawValue),
                                                         "due": $0.due.map(JSONValue.string) ?? .null]) })
        return .object(o)
    }
}
