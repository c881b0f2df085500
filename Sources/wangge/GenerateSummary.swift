import Foundation
import GridData
import GridModel
import GridRules
import GridSynthesis

/// The lines `wangge generate` prints after writing a folder.
///
/// Its counts are ``StreetSummary``'s, the figures `validate` prints for the folder written, so that the two agree
/// (they once counted compounds differently: 29 here without commercial sites, 35 in `validate`).
enum GenerateSummary {
    static func describe(
        _ street: Street, requests: [GeneratedRequest], catalogue: ServiceCatalogue, seconds: Double, directory: URL
    ) -> String {
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
        let written: [String: String] = [
            "path": directory.path, "communities": "\(counts.communities)", "compounds": "\(counts.compounds)",
            "buildings": "\(counts.buildings)", "non_residential": "\(counts.nonResidentialBuildings)",
            "households": "\(counts.households)", "people": "\(counts.people)", "residents": "\(counts.residents)",
        ]
        // Codes in their order (as before), each named in the command's language: `独居老人 12` / `elderly_alone 12`.
        let roleCounts = roles.sorted { $0.key < $1.key }.map { "\(CodeNames.name(of: $0.key)) \($0.value)" }
        let categoryCounts = categories.sorted { $0.key < $1.key }.map {
            "\(CodeNames.name(of: $0.key)) \($0.value)"
        }
        let lines = [
            Message.text("cli.generate.wrote", written),
            Message.text("cli.generate.people_by_role", ["counts": Language.current.list(roleCounts)]),
            Message.text("cli.generate.residents_by_category", ["counts": Language.current.list(categoryCounts)]),
            Message.text("cli.generate.capacity", ["margin": String(format: "%.1f", margin)]),
            describe(requests, catalogue: catalogue),
            timing(seconds: seconds, directory: directory),
        ]
        return lines.joined(separator: "\n")
    }

    /// `requests: 612 in 2026-W48, 56 from people not in residents.csv; by service: Fetching medicine 130, …`, the
    /// services by count (most first, then by id), named in the command's language from the catalogue.
    static func describe(_ requests: [GeneratedRequest], catalogue: ServiceCatalogue) -> String {
        var byService: [Service: Int] = [:]
        var outsiders = 0
        for request in requests {
            byService[request.service, default: 0] += 1
            if case .building = request.requester { outsiders += 1 }
        }
        let counts = byService.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { service, count in
            "\(catalogue.service(service)?.name ?? service.rawValue) \(count)"
        }
        let week = requests.first.map { ISOWeek(containing: $0.createdAt.date).description } ?? ""
        return Message.text(
            "synthesis.generate.requests",
            [
                "count": "\(requests.count)", "week": week, "outsiders": "\(outsiders)",
                "counts": Language.current.list(counts),
            ])
    }

    /// `seconds: 2.31; files: 5123456 bytes`: how long the run took and what it wrote.
    static func timing(seconds: Double, directory: URL) -> String {
        Message.text(
            "cli.generate.timing", ["seconds": String(format: "%.2f", seconds), "bytes": "\(folderSize(directory))"])
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
