import Foundation
import GridData
import GridModel
import GridSynthesis

/// The lines `wangge generate` prints after writing a folder.
///
/// Its counts are ``StreetSummary``'s, the figures `validate` prints for the folder written, so that the two agree
/// (they once counted compounds differently: 29 here without commercial sites, 35 in `validate`).
enum GenerateSummary {
    static func describe(_ street: Street, seconds: Double, directory: URL) -> String {
        let counts = StreetSummary(street)
        var roles: [Role: Int] = [:]
        for person in street.people {
            for role in person.roles { roles[role, default: 0] += 1 }
        }
        var categories: [ResidentCategory: Int] = [:]
        for resident in street.residents {
            for category in resident.categories { categories[category, default: 0] += 1 }
        }
        let balance = VisitCapacity.balance(of: street)
        let margin = balance.values.map { $0.demand > 0 ? $0.capacity / $0.demand : .infinity }.min() ?? 0
        var lines = [
            "wrote \(directory.path): \(counts.communities) communities, \(counts.compounds) compounds, "
                + "\(counts.buildings) buildings (\(counts.nonResidentialBuildings) non-residential), "
                + "\(counts.households) households, \(counts.people) people, \(counts.residents) residents",
            "people by role: "
                + roles.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }
                .joined(separator: ", "),
            "residents by category: "
                + categories.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }
                .joined(separator: ", "),
            "visit capacity / demand, lowest community: " + String(format: "%.1f", margin),
        ]
        lines.append("seconds: \(String(format: "%.2f", seconds)); files: \(folderSize(directory)) bytes")
        return lines.joined(separator: "\n")
    }

    /// Bytes of the regular files directly in `directory`.
    static func folderSize(_ directory: URL) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.reduce(0) { total, name in
            let path = directory.appendingPathComponent(name).path
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            return total + size
        }
    }
}
