import DocketCore

/// What a deliverable computes from its data: the `derived.*` fields its templates read.
/// (Consistency rules are `DeliverableRules`.)
protocol Derivation: Sendable {
    /// The `derived` object for `data`; `config` is the deliverable's `deliverable.yaml`.
    func derive(_ data: JSONValue, config: JSONValue) -> JSONValue
}

/// A deliverable with no derived fields.
struct NoDerivation: Derivation {
    func derive(_ data: JSONValue, config: JSONValue) -> JSONValue { [:] }
}
