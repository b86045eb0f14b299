extension XMLElement {
    /// The descendant element at `path` (child indices, each into `children`); `[]` is self.
    /// Getting or setting a path that does not lead to an element is a programming error.
    public subscript(path path: ArraySlice<Int>) -> XMLElement {
        get {
            guard let first = path.first else { return self }
            guard case .element(let e) = children[first] else { preconditionFailure("path leads to a non-element") }
            return e[path: path.dropFirst()]
        }
        set {
            guard let first = path.first else { self = newValue; return }
            guard case .element(var e) = children[first] else { preconditionFailure("path leads to a non-element") }
            children[first] = .element(XMLElement("")) // release the copy before mutating
            e[path: path.dropFirst()] = newValue
            children[first] = .element(e)
        }
    }

    /// Calls `body` for every descendant element (not self), depth first, in document order,
    /// with its path from self.
    public func forEachDescendant(_ body: (XMLElement, [Int]) -> Void) {
        func walk(_ e: XMLElement, _ path: [Int]) {
            for (i, child) in e.children.enumerated() {
                guard case .element(let c) = child else { continue }
                let p = path + [i]
                body(c, p)
                walk(c, p)
            }
        }
        walk(self, [])
    }
}
