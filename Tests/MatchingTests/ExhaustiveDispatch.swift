import GridModel
import Matching

/// The lexicographic optimum by trying every assignment (depth-first, with the priority bound): for small problems
/// only. Uses ``DispatchCheck`` for what may be assigned, nothing of the dispatcher.
struct ExhaustiveDispatch {
    let check: DispatchCheck

    /// The best (Σ priority, Σ metres) over all feasible assignments of the open requests.
    func optimum() -> (priority: Double, metres: Double) {
        let problem = check.problem
        let open = problem.requests.filter { $0.fixed == nil }.sorted { $0.id < $1.id }
        var held: [PersonID: [DispatchCheck.Job]] = [:]
        for volunteer in problem.volunteers {
            held[volunteer.id] = volunteer.busy.map {
                .init(start: $0.interval.start, end: $0.interval.end, place: $0.position, counts: false)
            }
        }
        for request in problem.requests {
            guard let fixed = request.fixed else { continue }
            held[fixed.volunteer, default: []].append(
                .init(
                    start: fixed.start, end: fixed.start + request.minutes, place: request.position, counts: true))
        }
        var options: [[(PersonID, Int, Double)]] = []
        for request in open {
            var list: [(PersonID, Int, Double)] = []
            if request.latest - request.minutes >= request.earliest {
                for volunteer in problem.volunteers {
                    for start in request.earliest...(request.latest - request.minutes)
                    where check.pairProblems(request, volunteer, start).isEmpty {
                        let dx = volunteer.home.x - request.position.x
                        let dy = volunteer.home.y - request.position.y
                        list.append((volunteer.id, start, (dx * dx + dy * dy).squareRoot()))
                    }
                }
            }
            options.append(list)
        }
        var remaining = [Double](repeating: 0, count: open.count + 1)
        for index in stride(from: open.count - 1, through: 0, by: -1) {
            remaining[index] = remaining[index + 1] + (options[index].isEmpty ? 0 : open[index].priority)
        }
        var best = (priority: 0.0, metres: 0.0)
        let epsilon = 1e-9
        func search(_ index: Int, _ priority: Double, _ metres: Double) {
            let bound = priority + remaining[index]
            if bound < best.priority - epsilon { return }
            if bound <= best.priority + epsilon && metres >= best.metres - epsilon && index > 0 { return }
            if index == open.count {
                if priority > best.priority + epsilon
                    || (abs(priority - best.priority) <= epsilon && metres < best.metres - epsilon)
                {
                    best = (priority, metres)
                }
                return
            }
            let request = open[index]
            for (volunteer, start, distance) in options[index] {
                let job = DispatchCheck.Job(
                    start: start, end: start + request.minutes, place: request.position, counts: true)
                guard check.fits(job, besides: held[volunteer] ?? []) else { continue }
                held[volunteer, default: []].append(job)
                search(index + 1, priority + request.priority, metres + distance)
                held[volunteer]?.removeLast()
            }
            search(index + 1, priority, metres)
        }
        search(0, 0, 0)
        return best
    }
}
