/// Disjoint sets over `0..<count` (union-find with path halving), for grouping rules that
/// touch and grid positions that no rule separates.
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func root(_ i: Int) -> Int {
        var i = i
        while parent[i] != i {
            parent[i] = parent[parent[i]]
            i = parent[i]
        }
        return i
    }

    /// Joins the set of `a` into the set of `b`: `b`'s root stays the root of both.
    mutating func join(_ a: Int, into b: Int) {
        let ra = root(a), rb = root(b)
        if ra != rb { parent[ra] = rb }
    }
}
