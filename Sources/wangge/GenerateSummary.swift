import Foundation
import GridModel
import GridSynthesis

/// The lines `wangge generate` prints after writing a folder.
enum GenerateSummary {
    static func describe(_ street: Street, seconds: Double, directory: URL) -> String {
        let compounds = Set(street.buildings.compactMap { $0.compoundType == .commercial ? nil : $0.compoundID })
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
            "wrote \(directory.path): \(street.communities.count) communities, \(compounds.count) compounds, "
                + "\(street.buildings.count) buildings, \(street.households) households, "
                + "\(street.people.count) people, \(street.residents.count) residents",
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
