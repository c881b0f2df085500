import Foundation
import GridModel

/// A graph read from networkx node-link JSON (`nodes` plus an `adjacency` list, or `links`/`edges` with
/// `source`/`target`), as the `wangge districts` command and the county benchmarks use.
public struct NodeLinkGraph: Sendable {
    /// Each node's `id`, as written in the file (numbers are kept as their decimal text).
    public let ids: [String]
    /// Node weights from the chosen attribute (1 per node without one).
    public let weights: [Int]
    /// Positions from `C_X`/`C_Y` (longitude/latitude degrees, projected to metres about their mean) or planar
    /// `x`/`y`, when every node has them.
    public let positions: [PlanarPoint]?
    /// Edges as pairs of node positions in ``ids`` (as listed; a pair may appear twice, in either order).
    public let edges: [Edge]

    /// Two nodes that are neighbours, by their position in ``ids``.
    public struct Edge: Sendable, Hashable {
        public var a: Int
        public var b: Int
    }

    /// Reads `data` (the contents of `file`, named in messages), taking node weights from `weightKey`.
    public init(data: Data, file: String, weightKey: String?) throws(GridDataError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw Self.invalid(file: file, keyPath: "(document)", value: Message.text("data.graph.unreadable_json"),
                                expected: Message.text(
                                    "data.graph.node_link_json", ["error": error.localizedDescription]))
        }
        guard let root = object as? [String: Any] else {
            throw Self.invalid(file: file, keyPath: "(document)", value: "\(type(of: object))",
                                expected: Message.text("data.graph.object_with_nodes"))
        }
        guard let nodes = root["nodes"] as? [[String: Any]] else {
            throw Self.invalid(file: file, keyPath: "nodes", value: root["nodes"].map { "\($0)" } ?? "",
                                expected: Message.text("data.graph.node_array"))
        }
        var ids: [String] = []
        var index: [String: Int] = [:]
        var weights: [Int] = []
        var lonLat: [(Double, Double)] = []
        var planar: [PlanarPoint] = []
        for (position, node) in nodes.enumerated() {
            guard let id = Self.idText(node["id"]) else {
                throw Self.invalid(file: file, keyPath: "nodes[\(position)].id", value: node["id"].map { "\($0)" } ?? "",
                                    expected: Message.text("data.graph.string_or_integer_id"))
            }
            guard index[id] == nil else {
                throw Self.invalid(
                    file: file, keyPath: "nodes[\(position)].id", value: id,
                    expected: Message.text("data.graph.unique_id"))
            }
            index[id] = position
            ids.append(id)
            if let weightKey {
                guard let number = node[weightKey] as? NSNumber, !Self.isBoolean(node[weightKey]),
                    number.doubleValue >= 0, number.doubleValue == number.doubleValue.rounded(),
                    number.doubleValue < 1e15
                else {
                    throw Self.invalid(file: file, keyPath: "nodes[\(position)].\(weightKey)",
                                        value: node[weightKey].map { "\($0)" } ?? "",
                                        expected: Message.text("data.graph.node_weight"))
                }
                weights.append(number.intValue)
            } else {
                weights.append(1)
            }
            if let lon = (node["C_X"] as? NSNumber)?.doubleValue, let lat = (node["C_Y"] as? NSNumber)?.doubleValue,
                lon.isFinite, lat.isFinite
            {
                lonLat.append((lon, lat))
            }
            if let x = (node["x"] as? NSNumber)?.doubleValue, let y = (node["y"] as? NSNumber)?.doubleValue,
                x.isFinite, y.isFinite
            {
                planar.append(PlanarPoint(x: x, y: y))
            }
        }
        var edges: [Edge] = []
        if let adjacency = root["adjacency"] as? [[Any]] {
            guard adjacency.count == nodes.count else {
                throw Self.invalid(file: file, keyPath: "adjacency",
                                    value: Message.text("data.graph.list_count", ["count": "\(adjacency.count)"]),
                                    expected: Message.text("data.graph.list_per_node", ["count": "\(nodes.count)"]))
            }
            for (position, list) in adjacency.enumerated() {
                for (slot, entry) in list.enumerated() {
                    let path = "adjacency[\(position)][\(slot)].id"
                    guard let neighbour = Self.idText((entry as? [String: Any])?["id"]), let other = index[neighbour]
                    else {
                        throw Self.invalid(
                            file: file, keyPath: path, value: "\(entry)", expected: Message.text("data.graph.node_id"))
                    }
                    edges.append(Edge(a: position, b: other))
                }
            }
        } else if let links = (root["links"] ?? root["edges"]) as? [[String: Any]] {
            for (position, link) in links.enumerated() {
                guard let a = Self.idText(link["source"]).flatMap({ index[$0] }) else {
                    throw Self.invalid(file: file, keyPath: "links[\(position)].source",
                                        value: link["source"].map { "\($0)" } ?? "",
                                        expected: Message.text("data.graph.node_id"))
                }
                guard let b = Self.idText(link["target"]).flatMap({ index[$0] }) else {
                    throw Self.invalid(file: file, keyPath: "links[\(position)].target",
                                        value: link["target"].map { "\($0)" } ?? "",
                                        expected: Message.text("data.graph.node_id"))
                }
                edges.append(Edge(a: a, b: b))
            }
        } else {
            throw Self.invalid(file: file, keyPath: "adjacency", value: "",
                                expected: Message.text("data.graph.adjacency_expected"))
        }
        var positions: [PlanarPoint]?
        if lonLat.count == nodes.count, !nodes.isEmpty {
            let projection = GeodeticProjection(
                referenceLatitude: lonLat.reduce(0) { $0 + $1.1 } / Double(lonLat.count),
                referenceLongitude: lonLat.reduce(0) { $0 + $1.0 } / Double(lonLat.count)
            )
            positions = lonLat.map { projection.project(latitude: $0.1, longitude: $0.0) }
        } else if planar.count == nodes.count, !nodes.isEmpty {
            positions = planar
        }
        self.ids = ids
        self.weights = weights
        self.positions = positions
        self.edges = edges
    }

    /// Whether a decoded JSON value is `true`/`false` (Foundation bridges those to numbers).
    private static func isBoolean(_ value: Any?) -> Bool {
        guard let value else { return false }
        let name = String(describing: type(of: value))
        return name == "Bool" || name.contains("Boolean")
    }

    private static func idText(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        if let number = value as? NSNumber, !isBoolean(value) {
            let double = number.doubleValue
            return double == double.rounded() && abs(double) < 1e15 ? String(Int64(double)) : number.stringValue
        }
        return nil
    }

    /// A defect named by its key path in the document, the value found and what was expected.
    private static func invalid(file: String, keyPath: String, value: String, expected: String) -> GridDataError {
        GridDataError(
            DataIssue(
                file: file, columnName: keyPath, value: value.isEmpty ? nil : value,
                problem: value.isEmpty ? Message.text("data.graph.missing") : Message.text("data.graph.not_usable"),
                expected: expected))
    }
}
