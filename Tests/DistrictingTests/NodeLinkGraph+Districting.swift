import Districting
import GridData
import PlanningSupport

extension NodeLinkGraph {
    /// The districting graph of the file, as `wangge districts` builds it.
    var graph: DistrictingGraph {
        DistrictingGraph(weights: weights, positions: positions, edges: edges.map { IndexPair($0.a, $0.b) })
    }
}
