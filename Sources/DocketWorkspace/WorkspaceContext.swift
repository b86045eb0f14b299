import Hummingbird

/// The request context: who is signed in (set by `SessionMiddleware`).
public struct WorkspaceContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var user: WorkspaceUser?
    public var session: WorkspaceSession?
    var uploadLimit: Int = 20 << 20

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    public var maxUploadSize: Int { uploadLimit }
}
