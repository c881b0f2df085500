/// Placeholder until LinearSolver lands: the exact stage reports nothing.
struct CutEdgeModel {
    let request: DistrictingRequest
    struct Outcome {
        var part: [Int]?
        var bound: Double?
        var provenOptimal: Bool
        var provenInfeasible: Bool
    }
    func solve(incumbent: [Int]?, seconds: Double) -> Outcome {
        Outcome(part: nil, bound: nil, provenOptimal: false, provenInfeasible: false)
    }
}
