import Foundation
import GridModel
import Yams

extension StreetSettings {
    /// The keys street.yaml may hold. Unlike a CSV's extra columns, an unknown key is refused: the file has three
    /// keys, and a misspelt `orgin` silently ignored would leave the map unplaced.
    static let keys = ["name", "crs", "origin"]

    /// Reads street.yaml from `directory`: the defaults when there is no such file, else the settings or every
    /// problem found (file, line, column and key).
    static func read(in directory: URL) -> Result<StreetSettings, GridDataError> {
        let url = directory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return .success(StreetSettings()) }
        guard let data = try? Data(contentsOf: url) else {
            return .failure(
                GridDataError(DataIssue(file: fileName, problem: Message.text("data.settings.cannot_read"))))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(
                GridDataError(
                    DataIssue(file: fileName, problem: Message.text("data.settings.not_utf8"), expected: "UTF-8")))
        }
        return parse(text)
    }

    /// The settings in street.yaml's `text`.
    static func parse(_ text: String) -> Result<StreetSettings, GridDataError> {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            return .failure(GridDataError(syntaxIssue(error)))
        }
        guard let root else { return .success(StreetSettings()) }
        guard let mapping = root.mapping else {
            return .failure(
                GridDataError(
                    issue(at: root, key: nil, value: root.scalar?.string,
                          problem: Message.text("data.settings.not_a_mapping"),
                          expected: Message.text("data.settings.keys_expected", ["example": "幸福街道"]))))
        }
        var settings = StreetSettings()
        var issues: [DataIssue] = []
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            switch key {
            case "name":
                if let name = value.scalar?.string.trimmingCharacters(in: .whitespaces), !name.isEmpty {
                    settings.name = name
                } else {
                    issues.append(issue(
                        at: value, key: key, value: value.scalar?.string,
                        problem: Message.text("data.settings.no_street_name"),
                        expected: Message.text("data.settings.street_name_expected", ["example": "幸福街道"])))
                }
            case "crs":
                let word = value.scalar?.string.trimmingCharacters(in: .whitespaces).lowercased()
                    .replacingOccurrences(of: "-", with: "")
                if let word, let system = MapCoordinateSystem(rawValue: word) {
                    settings.coordinateSystem = system
                } else {
                    issues.append(issue(
                        at: value, key: key, value: value.scalar?.string,
                        problem: Message.text("data.settings.unknown_crs"),
                        expected: Message.text("data.settings.crs_expected", ["amap": "高德", "baidu": "百度"])))
                }
            case "origin":
                switch origin(value) {
                case .success(let point): settings.origin = point
                case .failure(let problems): issues += problems.issues
                }
            default:
                issues.append(issue(
                    at: keyNode, key: key, value: nil, problem: Message.text("data.settings.unknown_key"),
                    expected: Message.text("data.ref.one_of", ["items": Language.current.list(keys)])))
            }
        }
        return issues.isEmpty ? .success(settings) : .failure(GridDataError(issues: issues))
    }

    /// `origin: {lat, lon}` in degrees.
    private static func origin(_ node: Node) -> Result<GeodeticPoint, ProblemList> {
        let expected = Message.text("data.settings.origin_expected")
        guard let mapping = node.mapping else {
            return .failure(ProblemList(issues: [
                issue(at: node, key: "origin", value: node.scalar?.string,
                      problem: Message.text("data.settings.not_lat_lon"), expected: expected),
            ]))
        }
        var issues: [DataIssue] = []
        var latitude: Double?, longitude: Double?
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            let range: ClosedRange<Double>
            switch key {
            case "lat", "latitude": range = -90...90
            case "lon", "lng", "longitude": range = -180...180
            default:
                issues.append(issue(
                    at: keyNode, key: "origin.\(key)", value: nil, problem: Message.text("data.settings.unknown_key"),
                    expected: Message.text("data.settings.lat_and_lon")))
                continue
            }
            let text = value.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
            guard let number = Double(text), number.isFinite, range.contains(number) else {
                issues.append(issue(
                    at: value, key: "origin.\(key)", value: value.scalar?.string,
                    problem: Message.text("data.settings.not_degrees"),
                    expected: Message.text(
                        "data.settings.degrees_range",
                        ["low": "\(Int(range.lowerBound))", "high": "\(Int(range.upperBound))"])))
                continue
            }
            if range.upperBound == 90 { latitude = number } else { longitude = number }
        }
        if issues.isEmpty, latitude == nil || longitude == nil {
            issues.append(issue(
                at: node, key: "origin", value: nil,
                problem: latitude == nil
                    ? Message.text("data.settings.origin_no_lat") : Message.text("data.settings.origin_no_lon"),
                expected: expected))
        }
        guard issues.isEmpty, let latitude, let longitude else { return .failure(ProblemList(issues: issues)) }
        return .success(GeodeticPoint(latitude: latitude, longitude: longitude))
    }

    /// Problems as a `Result`'s failure.
    private struct ProblemList: Error {
        let issues: [DataIssue]
    }

    private static func issue(
        at node: Node, key: String?, value: String?, problem: String, expected: String
    ) -> DataIssue {
        DataIssue(
            file: fileName, line: node.mark?.line, column: node.mark?.column, columnName: key, value: value,
            problem: problem, expected: expected)
    }

    private static func syntaxIssue(_ error: Error) -> DataIssue {
        if let error = error as? YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                return DataIssue(
                    file: fileName, line: mark.line, column: mark.column,
                    problem: Message.text("data.settings.yaml_syntax", ["problem": problem]),
                    expected: Message.text("data.settings.keys_expected_crs"))
            case .duplicatedKeysInMapping(let duplicates, let context):
                return DataIssue(
                    file: fileName, line: context.mark.line, column: context.mark.column,
                    problem: Message.text(
                        "data.settings.duplicate_key", ["keys": Language.current.list(duplicates.map { "\($0)" })]),
                    expected: Message.text("data.settings.each_key_once"))
            default:
                break
            }
        }
        return DataIssue(file: fileName, problem: Message.text("data.settings.yaml_syntax", ["problem": "\(error)"]))
    }
}
