import Districting
import Foundation
import GridData
import GridModel

/// The printed result of `wangge districts`.
struct DistrictsReport {
    let ids: [String]
    let result: DistrictingResult

    func render(_ format: DistrictsOutputFormat) -> String {
        switch format {
        case .json: json()
        case .text: text()
        }
    }

    private func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }


    private func json() -> String {
        var lines = ["{"]
        lines.append("  \"status\": \(JSONText.quoted(result.status.rawValue)),")
        lines.append("  \"objective\": \(number(result.objective)),")
        lines.append("  \"bound\": \(result.bound.map(number) ?? "null"),")
        lines.append("  \"seconds\": \(String(format: "%.3f", result.seconds)),")
        lines.append("  \"method\": \(JSONText.quoted(result.method)),")
        lines.append("  \"part_weights\": [\(result.partWeights.map(String.init).joined(separator: ", "))],")
        let deviations = result.deviations.map { JSONText.quoted($0.message) }.joined(separator: ", ")
        lines.append("  \"deviations\": [\(deviations)],")
        let parts = zip(ids, result.parts).map { "    \(JSONText.quoted($0)): \($1)" }.joined(separator: ",\n")
        lines.append("  \"parts\": {\n\(parts)\n  }")
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    private func text() -> String {
        let bound = result.bound.map(number) ?? Message.text("cli.districts.no_bound")
        var lines = [
            Message.text("cli.districts.status", ["status": result.status.rawValue]),
            Message.text("cli.districts.objective", ["value": number(result.objective)]),
            Message.text("cli.districts.bound", ["value": bound]),
            Message.text("cli.districts.seconds", ["value": String(format: "%.3f", result.seconds)]),
            Message.text("cli.districts.method", ["method": result.method]),
        ]
        for (label, weight) in result.partWeights.enumerated() {
            let members = zip(ids, result.parts).filter { $0.1 == label }.map(\.0)
            let arguments = [
                "label": "\(label)", "weight": "\(weight)", "nodes": "\(members.count)",
                "members": members.joined(separator: " "),
            ]
            lines.append(Message.text("cli.districts.part", arguments))
        }
        return lines.joined(separator: "\n")
    }
}
