import Foundation

/// An organisation that files deliverables: an ACO, a hospital, an MCO, a CP …
public struct Entity: Sendable, Hashable, Codable {
    /// Abbreviation used in OnBase file names (`<abbrev>_PIPMidYearReport_MMDDYYYY`, R000-07); the key.
    public var abbreviation: String
    public var name: String
    /// aco, acpp, pcaco, mco, hospital, cp, csa or dsti-hospital (see `Entity.knownTypes`).
    public var type: String
    /// Hospital with obstetric services.
    public var obstetric: Bool
    /// Exempt from partnering (still files PIP deliverables, R000-02).
    public var partnerExempt: Bool
    /// Abbreviations of partner entities (ACO ↔ hospital).
    public var partners: [String]
    public var contacts: [Contact]
    /// Extra calendar entity types this entity also receives events for (see `Entity.impliedTypes`).
    public var alsoTypes: [String]

    public init(abbreviation: String, name: String, type: String, obstetric: Bool = false, partnerExempt: Bool = false,
                partners: [String] = [], contacts: [Contact] = [], alsoTypes: [String] = []) {
        self.abbreviation = abbreviation
        self.name = name
        self.type = type
        self.obstetric = obstetric
        self.partnerExempt = partnerExempt
        self.partners = partners
        self.contacts = contacts
        self.alsoTypes = alsoTypes
    }

    public static let knownTypes = ["aco", "acpp", "pcaco", "mco", "hospital", "cp", "csa", "dsti-hospital"]

    /// Default extra types: Accountable Care Partnership Plans and Primary Care ACOs are ACOs, so they
    /// receive the calendar's `aco` events. This is a choice, visible here and in `entity show`;
    /// `entity add --no-implied-types` turns it off, `--also TYPE` adds others.
    public static let impliedTypes: [String: [String]] = ["acpp": ["aco"], "pcaco": ["aco"]]

    /// An ACO of any kind (aco, acpp, pcaco): the ACO side of a PIP partnership.
    public var isACO: Bool { ["aco", "acpp", "pcaco"].contains(type) }

    /// Every calendar entity type this entity matches.
    public var matchTypes: [String] {
        var out = [type]
        for t in alsoTypes where !out.contains(t) { out.append(t) }
        return out
    }
}

/// A named contact of an entity.
public struct Contact: Sendable, Hashable, Codable {
    public var name: String
    public var role: String?
    public var email: String?

    public init(name: String, role: String? = nil, email: String? = nil) {
        self.name = name
        self.role = role
        self.email = email
    }

    /// Parses `Name <email> (role)`, `Name <email>` or `Name`.
    public static func parse(_ text: String) -> Contact {
        var rest = text.trimmingCharacters(in: .whitespaces)
        var role: String?
        if rest.hasSuffix(")"), let open = rest.lastIndex(of: "(") {
            role = String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]).trimmingCharacters(in: .whitespaces)
            rest = String(rest[..<open]).trimmingCharacters(in: .whitespaces)
        }
        var email: String?
        if rest.hasSuffix(">"), let open = rest.lastIndex(of: "<") {
            email = String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])
            rest = String(rest[..<open]).trimmingCharacters(in: .whitespaces)
        }
        return Contact(name: rest, role: role, email: email)
    }
}

/// One deliverable due from one entity: a calendar event instantiated for that entity.
public struct Instance: Sendable, Hashable, Codable {
    public var id: Int64
    public var entity: String
    /// The calendar event id (e.g. `pip.aco.pip1.midyear-planning`).
    public var eventID: String
    /// The Docket deliverable id, when Docket fills it (matches `fill --track`).
    public var deliverable: String?
    public var title: String
    public var program: String
    public var period: String?
    /// `YYYY-MM-DD`, nil while waiting for a trigger date.
    public var due: String?
    /// The calendar's certainty: explicit, anticipated, derived, assumed, pending.
    public var dueStatus: String
    /// For pending events: the trigger the date waits for.
    public var trigger: String?
    /// Where the date comes from: seed-deadlines id and document:line.
    public var source: String
    public var status: InstanceStatus
    /// Resubmission due date set by the user after a Partially Met / Did Not Meet review.
    public var resubmitBy: String?
    /// Last recorded file, its SHA-256 and validation result (valid / invalid).
    public var file: String?
    public var sha256: String?
    public var validation: String?

    /// `ENTITY/EVENT-ID`: how users name an instance.
    public var key: String { "\(entity)/\(eventID)" }

    /// The date that matters now: the resubmission date while a resubmission is required.
    public var effectiveDue: String? {
        status == .resubmissionRequired ? (resubmitBy ?? due) : due
    }
}

/// One append-only history record: who, when, from, to, note, file hash.
public struct HistoryEvent: Sendable, Hashable, Codable {
    public var id: Int64
    public var instanceID: Int64
    public var at: String
    public var by: String
    /// nil for the creation event.
    public var from: InstanceStatus?
    public var to: InstanceStatus
    public var note: String?
    public var file: String?
    public var sha256: String?

    public init(id: Int64 = 0, instanceID: Int64, at: String, by: String, from: InstanceStatus?, to: InstanceStatus,
                note: String? = nil, file: String? = nil, sha256: String? = nil) {
        self.id = id
        self.instanceID = instanceID
        self.at = at
        self.by = by
        self.from = from
        self.to = to
        self.note = note
        self.file = file
        self.sha256 = sha256
    }
}

/// A rubric rating (R000-15): Met, Partially Met, Did Not Meet.
public enum Rating: String, Sendable, Codable, CaseIterable {
    case met
    case partiallyMet = "partially-met"
    case didNotMeet = "did-not-meet"

    /// Partially Met and Did Not Meet require resubmission (R000-15).
    public var requiresResubmission: Bool { self != .met }
}

/// One rubric criterion of a review with the reviewer's comment.
public struct CriterionRating: Sendable, Hashable, Codable {
    public var criterion: String
    public var rating: Rating
    public var comment: String?

    public init(criterion: String, rating: Rating, comment: String? = nil) {
        self.criterion = criterion
        self.rating = rating
        self.comment = comment
    }
}

/// A recorded MassHealth review of one submission.
public struct Review: Sendable, Hashable, Codable {
    public var id: Int64
    public var instanceID: Int64
    public var at: String
    public var by: String
    public var criteria: [CriterionRating]
    public var comment: String?
    public var resubmitBy: String?
}
