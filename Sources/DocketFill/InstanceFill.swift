import DocketCalendar
import DocketCore
import DocketDeliverables
import Foundation

/// A tracker instance as a fill: `ABBR/EVENT-ID` (e.g. `MBRH/pip.hospital.pip2.midyear-planning`)
/// names the entity and the calendar event, and the event names the deliverable and the data it
/// takes (`deliverable:` and `deliverableOptions:` in the schedule). The user never picks the
/// deliverable, the PIP number, the remeasurement or the year by hand: the schedule is their one home.
public struct InstanceFill: Sendable, Hashable {
    /// The entity abbreviation.
    public var entity: String
    public var event: CalendarEvent
    /// The deliverable id the event is filled with.
    public var deliverable: String

    /// Why an instance cannot be filled (typed; the message names the token and the fix).
    public enum Problem: Error, Sendable, Hashable {
        case malformed(String)
        case unknownEvent(String, suggestion: String?)
        case noDeliverable(String)
    }

    /// Resolves `key` (`ABBR/EVENT-ID`) against the calendar.
    public static func resolve(_ key: String, calendar: DueDates) throws(Problem) -> InstanceFill {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw .malformed(key) }
        guard let event = calendar.events[parts[1]] else {
            let ids = calendar.events.keys.sorted()
            throw .unknownEvent(parts[1], suggestion: ids.first { $0.hasPrefix(parts[1]) } ?? Suggestion.closest(to: parts[1], in: ids))
        }
        guard let deliverable = event.deliverable else { throw .noDeliverable(event.id) }
        return InstanceFill(entity: parts[0], event: event, deliverable: deliverable)
    }

    /// The event's `deliverableOptions` as data values.
    public var options: [String: JSONValue] {
        (event.deliverableOptions ?? [:]).mapValues(\.json)
    }

    /// `loaded` with the event's options put in (a value the data already has must agree), checked
    /// against the instance: the entity abbreviation, and the event the data then answers.
    public func apply(to loaded: LoadedData, deliverable: Deliverable) -> (LoadedData, [Diagnostic]) {
        var out = loaded
        var problems: [Diagnostic] = []
        for (key, value) in options.sorted(by: { $0.key < $1.key }) {
            if let given = loaded.value[key], given != value {
                problems.append(Diagnostic(.error, rule: "fill.instance", "`\(key)` is \(JSONWriter.string(given)) in the data but the instance \(entity)/\(event.id) is for \(key) \(JSONWriter.string(value)): remove `\(key)` from the data or fill the right instance",
                    location: loaded.location(of: "/" + key)))
            } else {
                out.value.setValue(value, at: [key])
            }
        }
        if let abbreviation = loaded.value.value(atDotted: "entity.abbreviation")?.stringValue, abbreviation != entity {
            problems.append(Diagnostic(.error, rule: "fill.instance", "the data is for `\(abbreviation)` but the instance is `\(entity)`'s: use \(abbreviation)/\(event.id) or that entity's data",
                location: loaded.location(of: "/entity/abbreviation")))
        }
        if problems.isEmpty, case .success(let ids) = deliverable.due?.eventIDs(for: out.value), !ids.contains(event.id) {
            problems.append(Diagnostic(.error, rule: "fill.instance", "the data answers \(ids.joined(separator: " or ")), not \(event.id): check `entity.type`",
                location: loaded.location(of: "/entity/type")))
        }
        return (out, problems)
    }
}

extension InstanceFill.Problem: CustomStringConvertible {
    public var description: String {
        switch self {
        case .malformed(let key):
            return "instance `\(key)` is not ABBR/EVENT-ID, e.g. MBRH/pip.hospital.pip2.midyear-planning (see `docket track board`)"
        case .unknownEvent(let id, let suggestion):
            return "no calendar event `\(id)`" + (suggestion.map { " (did you mean `\($0)`?)" } ?? "; see `docket calendar --format json`")
        case .noDeliverable(let id):
            return "event `\(id)` has no deliverable Docket fills (no `deliverable:` in the schedule)"
        }
    }

    public var diagnostic: Diagnostic {
        Diagnostic(.error, rule: "fill.instance", description, location: SourceLocation(file: "--instance"))
    }
}
