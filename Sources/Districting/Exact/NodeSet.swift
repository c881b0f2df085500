/// A set of node indices below 128, held in two 64-bit words, for the exact searches' inner loops.
struct NodeSet: Hashable, Sendable {
    /// The largest node count a set can hold.
    static let capacity = 128

    private(set) var low: UInt64
    private(set) var high: UInt64

    init() {
        low = 0
        high = 0
    }

    init(_ nodes: some Sequence<Int>) {
        self.init()
        for node in nodes {
            insert(node)
        }
    }

    private init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// The nodes `0..<count`.
    static func below(_ count: Int) -> NodeSet {
        if count <= 0 { return NodeSet() }
        if count >= 128 { return NodeSet(low: ~0, high: ~0) }
        if count >= 64 { return NodeSet(low: ~0, high: count == 64 ? 0 : (1 << UInt64(count - 64)) - 1) }
        return NodeSet(low: (1 << UInt64(count)) - 1, high: 0)
    }

    @inline(__always) func contains(_ node: Int) -> Bool {
        node < 64 ? low & (1 << UInt64(node)) != 0 : high & (1 << UInt64(node - 64)) != 0
    }

    @inline(__always) mutating func insert(_ node: Int) {
        if node < 64 { low |= 1 << UInt64(node) } else { high |= 1 << UInt64(node - 64) }
    }

    @inline(__always) mutating func remove(_ node: Int) {
        if node < 64 { low &= ~(1 << UInt64(node)) } else { high &= ~(1 << UInt64(node - 64)) }
    }

    @inline(__always) var count: Int { low.nonzeroBitCount + high.nonzeroBitCount }
    @inline(__always) var isEmpty: Bool { low == 0 && high == 0 }

    /// The smallest node, if any.
    @inline(__always) var first: Int? {
        low != 0 ? low.trailingZeroBitCount : high != 0 ? 64 + high.trailingZeroBitCount : nil
    }

    @inline(__always) static func & (a: NodeSet, b: NodeSet) -> NodeSet {
        NodeSet(low: a.low & b.low, high: a.high & b.high)
    }

    @inline(__always) static func | (a: NodeSet, b: NodeSet) -> NodeSet {
        NodeSet(low: a.low | b.low, high: a.high | b.high)
    }

    /// The nodes of `a` not in `b`.
    @inline(__always) static func - (a: NodeSet, b: NodeSet) -> NodeSet {
        NodeSet(low: a.low & ~b.low, high: a.high & ~b.high)
    }

    /// Calls `body` on every node in increasing order.
    @inline(__always) func forEach(_ body: (Int) -> Void) {
        var word = low
        while word != 0 {
            body(word.trailingZeroBitCount)
            word &= word - 1
        }
        word = high
        while word != 0 {
            body(64 + word.trailingZeroBitCount)
            word &= word - 1
        }
    }

    /// The nodes in increasing order.
    var elements: [Int] {
        var result: [Int] = []
        forEach { result.append($0) }
        return result
    }
}
