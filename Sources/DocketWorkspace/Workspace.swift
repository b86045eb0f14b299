import DocketCalendar
import DocketCore
import DocketDeliverables
import DocketFill
import DocketSchema
import DocketTracker
import DocketValidation
import Foundation

/// Everything the workspace serves from: the run's environment, the deliverables, the tracker's
/// store and the workspace's own store (users, sessions, drafts). One value, shared by every
/// request; each request acts as its user (`tracker(for:)`).
public struct Workspace: Sendable {
    public let environment: DocketEnvironment
    public let registry: DeliverableRegistry
    public let trackerStore: any TrackerStore
    public let store: any WorkspaceStore
    /// bcrypt cost (12 in production; tests lower it).
    public let bcryptCost: UInt8
    /// Largest upload accepted (413 beyond it).
    public let maxUpload: Int
    /// Marks cookies `Secure` (behind TLS).
    public let secureCookies: Bool
    let throttle = LoginThrottle()
    let catalog = SchemaCatalog()
    let forms = SharedCache<SchemaForm>()
    let calendar = CalendarCache()
    let pipelines = SharedCache<FillPipeline>()
    let downloads = Downloads()

    public init(environment: DocketEnvironment, registry: DeliverableRegistry, trackerStore: any TrackerStore,
                store: any WorkspaceStore, bcryptCost: UInt8 = 12, maxUpload: Int = 20 << 20, secureCookies: Bool = false) {
        self.environment = environment
        self.registry = registry
        self.trackerStore = trackerStore
        self.store = store
        self.bcryptCost = bcryptCost
        self.maxUpload = maxUpload
        self.secureCookies = secureCookies
    }

    /// Opens the SQLite stores under `dataDir` (`tracker.sqlite`, `workspace.sqlite`) unless
    /// `database` names the tracker's file.
    public static func open(environment: DocketEnvironment, registry: DeliverableRegistry, dataDir: String,
                            database: String? = nil, bcryptCost: UInt8 = 12, secureCookies: Bool = false) throws -> Workspace {
        let tracker = try SQLiteTrackerStore(path: database ?? dataDir + "/tracker.sqlite", busyTimeout: environment.busyTimeout)
        let store = try SQLiteWorkspaceStore(path: dataDir + "/workspace.sqlite")
        return Workspace(environment: environment, registry: registry, trackerStore: tracker, store: store, bcryptCost: bcryptCost,
                         secureCookies: secureCookies)
    }

    /// The tracker acting as `user`, now.
    func tracker(for user: WorkspaceUser) -> Tracker {
        Tracker(store: trackerStore, context: TrackerContext(now: Date(), user: user.name, today: today), rubrics: registry.reviewCriteria)
    }

    /// Today: the environment's (fixed by `DOCKET_NOW`), else the clock's.
    var today: LocalDate { environment.today }

    /// Adds a user (admin command, first start).
    public func addUser(name: String, role: Role, entities: [String], password: String) throws -> WorkspaceUser {
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "._-@".contains($0) }) else {
            throw WorkspaceError.invalid("user name '\(name)': use letters, digits and . _ - @")
        }
        guard password.count >= 8 else { throw WorkspaceError.invalid("the password must have at least 8 characters") }
        return try store.addUser(WorkspaceUser(name: name, role: role, entities: role == .preparer ? entities : [],
                                               passwordHash: Secrets.hashPassword(password, cost: bcryptCost)))
    }

    // MARK: Authorisation

    /// Whether `user` may read `instance`: everyone but a preparer reads all; a preparer reads
    /// their entities' instances and their partners' PIP instances.
    func canRead(_ user: WorkspaceUser, _ instance: Instance, entities: [Entity]) -> Bool {
        guard user.role == .preparer else { return true }
        if user.entities.contains(instance.entity) { return true }
        let partners = Set(entities.filter { user.entities.contains($0.abbreviation) }.flatMap(\.partners))
        return instance.program == "pip" && partners.contains(instance.entity)
    }

    /// Whether `user` may change `instance` (status, drafts): admins, and preparers of its entity.
    func canEdit(_ user: WorkspaceUser, _ instance: Instance) -> Bool {
        user.role == .admin || (user.role == .preparer && user.entities.contains(instance.entity))
    }

    /// The deliverable an instance is filled as.
    func deliverable(for instance: Instance) -> Deliverable? {
        instance.deliverable.flatMap { registry.deliverable(id: $0) }
    }

    /// The calendar's due dates (read once per server).
    var dueDates: DueDates? { calendar.get(environment.schedulePath)?.dueDates }

    /// The instance as a fill: its event's deliverable options (PIP number, remeasurement, year)
    /// and due date (`InstanceFill`, from the schedule), or nil when the calendar does not know it.
    func instanceFill(_ instance: Instance) -> InstanceFill? {
        dueDates.flatMap { try? InstanceFill.resolve("\(instance.entity)/\(instance.eventID)", calendar: $0) }
    }

    /// A deliverable's generated form: its schema plus the layout hints beside it (`form.yaml`).
    func form(for deliverable: Deliverable) throws -> SchemaForm {
        try forms.get(deliverable.id) {
            SchemaForm(schema: try DataLoader.load(path: deliverable.schemaURL.path),
                       layout: try FormLayout.load(deliverable.folderURL.appendingPathComponent("form.yaml")))
        }
    }

    /// The fill pipeline of an instance's deliverable in `kind`, with the calendar's due dates:
    /// its templates compiled once per server, not on every download.
    func pipeline(_ deliverable: Deliverable, _ kind: OutputKind) throws -> FillPipeline {
        try pipelines.get("\(deliverable.id)/\(kind.rawValue)") {
            try FillPipeline(target: DeliverableTarget(deliverable: deliverable), formats: [kind], catalog: catalog, dueDates: dueDates)
        }
    }

    /// The data an instance's form starts from: the latest draft, else the entity's identification
    /// and the instance's deliverable options (e.g. `pip: 2` for PIP 2's mid-year report).
    func currentData(_ instance: Instance, entity: Entity?) throws -> (JSONValue, DraftVersion?) {
        if let last = try store.drafts(instanceID: instance.id).last,
           let (value, _) = try? JSONParser.parse(last.data) {
            return (value, last)
        }
        var data: JSONValue = .object(instanceFill(instance)?.options ?? [:])
        if let entity {
            data.setValue(.string(entity.name), atDotted: "entity.name")
            data.setValue(.string(entity.abbreviation), atDotted: "entity.abbreviation")
            // The data's value for the tracker's entity type, read back through the deliverable's
            // `due:` field map (e.g. hospital → acute-hospital for the PIP report).
            for field in deliverable(for: instance)?.due?.fields ?? [] where field.from == "entity.type" {
                if let value = field.map.first(where: { entity.matchTypes.contains($0.value) })?.key {
                    data.setValue(.string(value), atDotted: field.from)
                }
            }
        }
        return (data, nil)
    }
}

/// Values built once per server and shared, by key: each deliverable's generated form (its
/// schema read and ordered, its layout hints), each deliverable's fill pipeline per format
/// (templates compiled; a pipeline is a value any number of requests fill with at once).
final class SharedCache<Value: Sendable>: @unchecked Sendable {
    private var values: [String: Value] = [:]
    private let lock = NSLock()

    func get(_ key: String, make: () throws -> Value) throws -> Value {
        if let hit = lock.withLock({ values[key] }) { return hit }
        let made = try make()
        lock.withLock { values[key] = made }
        return made
    }
}

/// The schedule and its due dates, read (and checked against their schema) once per server, not
/// per request: the check page and the calendar feeds use them.
final class CalendarCache: @unchecked Sendable {
    private var loaded: (schedule: Schedule, dueDates: DueDates?)??
    private let lock = NSLock()

    func get(_ path: String) -> (schedule: Schedule, dueDates: DueDates?)? {
        lock.withLock {
            if let hit = loaded { return hit }
            let schedule = try? Schedule.load(from: URL(fileURLWithPath: path))
            let value = schedule.map { ($0, try? DueDates(schedule: $0)) }
            loaded = .some(value)
            return value
        }
    }
}
