/// A format-neutral tree of the canonical output. Both the JSON and the XML writers walk it,
/// so the two outputs hold the same model by construction.
public indirect enum CanonicalValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    /// A number literal written exactly as given ("15996.59").
    case number(String)
    case string(String)
    /// `itemName` names each element in XML ("section" in "sections").
    case array(itemName: String, [CanonicalValue])
    /// Members in insertion order; writers sort keys for deterministic output.
    case object([Member])

    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: CanonicalValue
        public init(_ key: String, _ value: CanonicalValue) {
            self.key = key
            self.value = value
        }
    }

    public subscript(key: String) -> CanonicalValue? {
        if case .object(let members) = self { return members.first { $0.key == key }?.value }
        return nil
    }
}

extension CanonicalValue {
    static func optional(_ s: String?) -> CanonicalValue { s.map(CanonicalValue.string) ?? .null }
    static func optional(_ i: Int?) -> CanonicalValue { i.map(CanonicalValue.integer) ?? .null }
}
