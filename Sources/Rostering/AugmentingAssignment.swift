/// Stage (a) without a solver: visits taken in the order they are kept (priority, debt, last chance), each given
/// directly to its best candidate with room (paired person first, then needed skills, then the lowest load per
/// hour, then a seeded tie-break); when every candidate is full, an augmenting path moves earlier visits to other
/// candidates with room.
///
/// Met visits form a transversal matroid (visits matched into visitors' capacity), so taking visits in priority
/// order and keeping each one that can be added (by an augmenting path) gives a most valuable set for any weights
/// that follow the priority order: exactly the LP's first objective. Visits kept with their paired person are not
/// moved by paths. Persons reached by a failed search stay full for the rest (later visits only add load), so
/// they are skipped afterwards and the whole stage is about linear in the candidate lists.
struct AugmentingAssignment {
    /// Candidates per visit (person indices), in preference order with the paired person first.
    let candidates: [[Int]]
    /// The paired person of each visit.
    let paired: [Int?]
    /// Remaining capacity per person.
    var left: [Int: Int]
    /// The person each visit is assigned to.
    private(set) var assigned: [Int?]
    private var visitsOf: [Int: [Int]] = [:]
    private var saturated: Set<Int> = []

    init(candidates: [[Int]], paired: [Int?], capacity: [Int: Int]) {
        self.candidates = candidates
        self.paired = paired
        left = capacity
        assigned = Array(repeating: nil, count: candidates.count)
    }

    /// Assigns visit `v` (its candidates already in preference order); false when no path exists.
    mutating func assign(_ v: Int, choose: (Int, [Int]) -> Int?) -> Bool {
        let open = candidates[v].filter { (left[$0] ?? 0) > 0 }
        if let person = choose(v, open) {
            take(v, person)
            return true
        }
        // Breadth-first search over full persons: a visit of a reached person moves to another candidate.
        var parent: [Int: (from: Int?, visit: Int)] = [:]
        var queue: [Int] = []
        for person in candidates[v] where !saturated.contains(person) && parent[person] == nil {
            parent[person] = (nil, v)
            queue.append(person)
        }
        var head = 0
        while head < queue.count {
            let person = queue[head]
            head += 1
            for moved in visitsOf[person] ?? [] where paired[moved] != person {
                for next in candidates[moved] where parent[next] == nil && !saturated.contains(next) {
                    parent[next] = (person, moved)
                    if (left[next] ?? 0) > 0 {
                        augment(to: next, parent: parent)
                        return true
                    }
                    queue.append(next)
                }
            }
        }
        saturated.formUnion(queue)
        return false
    }

    private mutating func take(_ v: Int, _ person: Int) {
        assigned[v] = person
        visitsOf[person, default: []].append(v)
        left[person, default: 0] -= 1
    }

    private mutating func augment(to end: Int, parent: [Int: (from: Int?, visit: Int)]) {
        var person = end
        left[person, default: 0] -= 1
        while let step = parent[person] {
            assigned[step.visit] = person
            visitsOf[person, default: []].append(step.visit)
            guard let from = step.from else { break }
            visitsOf[from]?.removeAll { $0 == step.visit }
            person = from
        }
    }
}
