import Foundation

/// Runs `body` for every index on `jobs` threads and returns the results in index order (the
/// same output for the same inputs, whatever the scheduling): the one parallel loop of batch
/// fills and batch validation.
public enum ParallelMap {
    public static func map<T: Sendable>(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let slots = Slots<T>(count: count)
        let workers = max(1, min(jobs, count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var i = worker
            while i < count {
                slots.set(i, body(i))
                i += workers
            }
        }
        return slots.all(orElse: body)
    }

    /// Results written from worker threads, behind a lock.
    final class Slots<T: Sendable>: @unchecked Sendable {
        private var items: [T?]
        private let lock = NSLock()
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: T) { lock.withLock { items[i] = value } }
        /// Every result; a slot left empty (cannot happen: each index is visited once) is computed here.
        func all(orElse body: (Int) -> T) -> [T] {
            lock.withLock { items }.enumerated().map { $0.element ?? body($0.offset) }
        }
    }
}

/// A thread-safe counter (progress callbacks of parallel work).
public final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    public init() {}
    /// Adds one and returns the new value.
    public func increment() -> Int { lock.withLock { value += 1; return value } }
}
